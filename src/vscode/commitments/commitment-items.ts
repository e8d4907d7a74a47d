// One commitment in the Commitments view: the passage's excerpt, its due range and state, overdue marked; the
// tooltip tells the whole story (letter, due, fulfilment); choosing it opens the passage in the letter.
import * as vscode from 'vscode';
import { excerpt, type Annotation } from '../../core/annotations';
import type { Commitment } from '../../core/commitments';
import type { LineIndex } from '../../core/text/line-index';
import { baseName } from '../common/documents';
import type { AnchoredLetter } from '../annotations/anchors';
import { dueLabel, formatDate, stateIcon, stateLabel } from './commitment-labels';

const FULL_PASSAGE = 2000;

/** The view item's context value: `commitment.open`, `commitment.fulfilled`, … (menus show what applies). */
export const contextValueOf = (c: Commitment): string => `commitment.${c.state}`;

/** The view item's id: the letter and the tag's id. */
export const commitmentItemId = (letter: vscode.Uri, id: string): string => `${letter.toString()}#${id}`;

export function commitmentItem(c: Commitment, letter: vscode.Uri, range: vscode.Range | undefined): vscode.TreeItem {
  const a = c.annotation;
  const item = new vscode.TreeItem(excerpt(a.quote, 80), vscode.TreeItemCollapsibleState.None);
  item.id = commitmentItemId(letter, a.id);
  const parts: string[] = [];
  if (c.overdue) parts.push(vscode.l10n.t('overdue'));
  parts.push(c.due ? dueLabel(c.due) : vscode.l10n.t('no due date'));
  if (c.state !== 'open') parts.push(stateLabel(c.state));
  parts.push(c.letter.id ?? baseName(letter));
  item.description = parts.join(' · ');
  item.iconPath = stateIcon(c.state, c.overdue);
  item.contextValue = contextValueOf(c);
  item.tooltip = tooltipOf(c, letter);
  item.accessibilityInformation = { label: accessibleLabel(c, letter) };
  item.command = {
    command: 'vscode.open',
    title: vscode.l10n.t('Show passage'),
    arguments: [letter, range ? { selection: range, preserveFocus: false } : {}],
  };
  return item;
}

/** What a screen reader says: state, due date, letter and passage, each once, from one template per case. */
function accessibleLabel(c: Commitment, letter: vscode.Uri): string {
  const due = c.due ? dueLabel(c.due) : vscode.l10n.t('no due date');
  const name = c.letter.id ?? baseName(letter);
  const quote = c.annotation.quote.slice(0, 200);
  return c.overdue
    ? vscode.l10n.t('Commitment, {0}, overdue, due {1}, in {2}: {3}', stateLabel(c.state), due, name, quote)
    : vscode.l10n.t('Commitment, {0}, due {1}, in {2}: {3}', stateLabel(c.state), due, name, quote);
}

function tooltipOf(c: Commitment, letter: vscode.Uri): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.supportHtml = false;
  const a = c.annotation;
  md.appendText(
    `${c.letter.id ?? baseName(letter)}${c.letter.title ? ` — ${c.letter.title}` : ''}${c.letter.date ? ` (${formatDate(c.letter.date)})` : ''}\n\n`,
  );
  md.appendText(`“${a.quote.length > FULL_PASSAGE ? `${a.quote.slice(0, FULL_PASSAGE)}…` : a.quote}”\n\n`);
  const due = c.due ? dueLabel(c.due) : vscode.l10n.t('no due date');
  md.appendText(`${vscode.l10n.t('Due: {0}', due)}${c.dueSource === 'parsed' ? ` ${vscode.l10n.t('(read from the passage, not stored yet)')}` : ''}\n\n`);
  md.appendText(fulfilmentLine(c));
  if (a.fulfilmentNote) md.appendText(`\n\n${a.fulfilmentNote}`);
  if (c.letter.ministry) md.appendText(`\n\n${vscode.l10n.t('Ministry: {0}', c.letter.ministry)}`);
  return md;
}

/** `Fulfilled on 12 jun 2025 by kst-29754-720`, `Open — overdue`, … */
export function fulfilmentLine(c: Pick<Commitment, 'annotation' | 'state' | 'overdue'>): string {
  const a = c.annotation;
  const by = a.fulfilledBy?.length ? a.fulfilledBy.join(', ') : undefined;
  const when = a.fulfilled ? formatDate(a.fulfilled) : undefined;
  switch (c.state) {
    case 'open':
      return c.overdue ? vscode.l10n.t('Open — overdue') : vscode.l10n.t('Open');
    case 'fulfilled':
      return by && when
        ? vscode.l10n.t('Fulfilled on {0} by {1}', when, by)
        : by
          ? vscode.l10n.t('Fulfilled by {0}', by)
          : when
            ? vscode.l10n.t('Fulfilled on {0}', when)
            : vscode.l10n.t('Fulfilled');
    case 'partly':
      return by ? vscode.l10n.t('Partly fulfilled by {0}', by) : vscode.l10n.t('Partly fulfilled');
    case 'dropped':
      return when ? vscode.l10n.t('Dropped on {0}', when) : vscode.l10n.t('Dropped');
  }
}

/** Where the passage is now in the letter (its anchor), else where it was stored; undefined for an orphan. */
export function passageRangeOf(
  anchored: AnchoredLetter | undefined,
  a: Annotation,
  lineIndex: (anchored: AnchoredLetter) => LineIndex,
): vscode.Range | undefined {
  const result = anchored?.byId.get(a.id)?.result;
  if (!anchored || result?.status === 'orphaned') return undefined;
  const text = anchored.letterText.text;
  const lines = lineIndex(anchored);
  const start = result?.start ?? a.start;
  const end = result?.end ?? a.end;
  const pos = (o: number) => {
    const { line, character } = lines.position(Math.max(0, Math.min(text.length, o)));
    return new vscode.Position(line, character);
  };
  return new vscode.Range(pos(start), pos(end));
}
