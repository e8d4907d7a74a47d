// Hover on a tagged passage: tag, note, author, status, created and linked documents, all escaped; links run only
// the extension's own annotation commands. A passage whose text changed shows the tagged and the current text side
// by side, the differing words in bold, says whether its agreement is suspended, and offers to accept the new text.
import * as vscode from 'vscode';
import { type AnchorResult, type Annotation, reviewOf, wordChanges, type WordChange } from '../../../core/annotations';
import { escapeMarkdown } from '../../../core/metadata';
import { isPendingSuggestion } from '../../../core/suggestions';
import { COMMANDS } from '../../common/commands';
import { trustedMarkdown } from '../../common/convert';
import { MARKDOWN } from '../../common/documents';
import { anchoredAtOffset, type LetterAnchors, passageOffset, passageRange } from '../anchors';
import { statusLabel } from '../status-labels';
import { anchorLine } from './anchor-line';
import type { AnnotationTaxonomy } from '../taxonomy';
import { COMMITMENT_HOVER_COMMANDS, commitmentHoverLines } from '../../commitments/due-hover';

const ANNOTATION_HOVER_COMMANDS: string[] = [
  COMMANDS.editNote,
  COMMANDS.changeTag,
  COMMANDS.setStatus,
  COMMANDS.linkReferences,
  COMMANDS.acceptChangedText,
  COMMANDS.acceptSuggestion,
  COMMANDS.rejectSuggestion,
  ...COMMITMENT_HOVER_COMMANDS,
];

export function registerAnnotationHover(anchors: LetterAnchors, taxonomy: AnnotationTaxonomy): vscode.Disposable {
  return vscode.languages.registerHoverProvider(MARKDOWN, {
    provideHover: async (document, position, token) => {
      const anchored = await anchors.ensure(document.uri);
      if (token.isCancellationRequested || !anchored || anchored.version !== document.version) return undefined;
      const hits = anchoredAtOffset(anchored, passageOffset(anchored, document, position));
      if (!hits.length) return undefined;
      const lineOf = (offset: number) => document.positionAt(anchored.source.toRaw(offset)).line + 1;
      const parts = hits.map((r) => annotationMarkdown(r.annotation, r.result, document.uri, taxonomy, anchored.letterText.text, lineOf));
      const md = trustedMarkdown(parts.join('\n\n---\n\n'), ANNOTATION_HOVER_COMMANDS);
      return new vscode.Hover(md, passageRange(anchored, document, hits[0].result.start, hits[0].result.end));
    },
  });
}

function annotationMarkdown(
  a: Annotation,
  result: AnchorResult,
  letter: vscode.Uri,
  taxonomy: AnnotationTaxonomy,
  letterText: string,
  lineOf: (offset: number) => number,
): string {
  const e = escapeMarkdown;
  const review = reviewOf(a, result);
  const head = [`**${e(taxonomy.label(a.tag), 60)}**`];
  if (a.status) head.push(review.suspended ? e(vscode.l10n.t('{0} (suspended)', statusLabel(a.status)), 60) : e(statusLabel(a.status), 40));
  const lines = [head.join(' · ')];
  if (review.changed && result.selector) lines.push(...changedPassage(a.quote, result.selector.quote, review.suspended));
  const found = anchorLine(result, lineOf);
  if (found) lines.push(`*${escapeMarkdown(found, 400)}*`);
  // Each line of a note escaped on its own, so a multi-line note keeps its line breaks.
  if (a.note)
    lines.push(
      a.note
        .split(/\r?\n/)
        .slice(0, 30)
        .map((line) => e(line, 400))
        .join('  \n'),
    );
  const meta: string[] = [];
  if (a.author) meta.push(vscode.l10n.t('by {0}', e(a.author, 80)));
  if (a.created) meta.push(e(formatCreated(a.created), 40));
  if (meta.length) lines.push(`*${meta.join(' · ')}*`);
  if (a.refs?.length) lines.push(vscode.l10n.t('Linked documents: {0}', a.refs.map((r) => e(r, 60)).join(', ')));
  const arg = encodeURIComponent(JSON.stringify([{ id: a.id, letter: letter.toString() }]));
  const link = (title: string, command: string) => `[${e(title, 60)}](command:${command}?${arg})`;
  // A commitment's due date and fulfilment (src/vscode/commitments).
  lines.push(...commitmentHoverLines(a, [...taxonomy.taxonomy.keys()], letterText, link));
  // A suggested tag nobody reviewed yet is accepted or rejected here too, not only in the Annotations view.
  if (isPendingSuggestion(a))
    lines.push(
      [link(vscode.l10n.t('Accept suggestion'), COMMANDS.acceptSuggestion), link(vscode.l10n.t('Reject suggestion'), COMMANDS.rejectSuggestion)].join(' · '),
    );
  lines.push(
    [
      ...(review.changed ? [link(vscode.l10n.t('Accept new text'), COMMANDS.acceptChangedText)] : []),
      link(vscode.l10n.t('Edit note'), COMMANDS.editNote),
      link(vscode.l10n.t('Change tag'), COMMANDS.changeTag),
      link(vscode.l10n.t('Set status'), COMMANDS.setStatus),
      link(vscode.l10n.t('Link documents'), COMMANDS.linkReferences),
    ].join(' · '),
  );
  return lines.join('\n\n');
}

/** The warning and the tagged and current text side by side (a table), the words that differ in bold. */
function changedPassage(tagged: string, now: string, suspended: boolean): string[] {
  const words = (side: WordChange[]) => side.map((w) => (w.changed ? `**${escapeMarkdown(w.word, 80)}**` : escapeMarkdown(w.word, 80))).join(' ');
  const changes = wordChanges(tagged, now);
  const warning = suspended
    ? vscode.l10n.t('The text of this passage changed since it was tagged: the agreement is suspended until someone accepts the new text.')
    : vscode.l10n.t('The text of this passage changed since it was tagged: accept the new text to keep the tag on it.');
  return [
    `⚠ ${escapeMarkdown(warning, 300)}`,
    `| ${escapeMarkdown(vscode.l10n.t('Tagged text'), 40)} | ${escapeMarkdown(vscode.l10n.t('Text now'), 40)} |\n|---|---|\n| ${words(changes.tagged)} | ${words(changes.now)} |`,
  ];
}

function formatCreated(created: string): string {
  const d = new Date(created);
  if (Number.isNaN(d.getTime())) return created;
  return d.toLocaleString(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' });
}
