// Hover on a tagged passage: tag, note, author, status, created and linked documents, all escaped; links run only
// the extension's own annotation commands.
import * as vscode from 'vscode';
import type { Annotation } from '../../../core/annotations';
import { escapeMarkdown } from '../../../core/metadata';
import { COMMANDS } from '../../common/commands';
import { trustedMarkdown } from '../../common/convert';
import { MARKDOWN } from '../../common/documents';
import { anchoredAtOffset, type LetterAnchors, passageOffset, passageRange } from '../anchors';
import { statusLabel } from '../status-labels';
import type { AnnotationTaxonomy } from '../taxonomy';

const ANNOTATION_HOVER_COMMANDS: string[] = [COMMANDS.editNote, COMMANDS.changeTag, COMMANDS.setStatus, COMMANDS.linkReferences];

export function registerAnnotationHover(anchors: LetterAnchors, taxonomy: AnnotationTaxonomy): vscode.Disposable {
  return vscode.languages.registerHoverProvider(MARKDOWN, {
    provideHover: async (document, position, token) => {
      const anchored = await anchors.ensure(document.uri);
      if (token.isCancellationRequested || !anchored || anchored.version !== document.version) return undefined;
      const hits = anchoredAtOffset(anchored, passageOffset(anchored, document, position));
      if (!hits.length) return undefined;
      const parts = hits.map((r) => annotationMarkdown(r.annotation, document.uri, taxonomy));
      const md = trustedMarkdown(parts.join('\n\n---\n\n'), ANNOTATION_HOVER_COMMANDS);
      return new vscode.Hover(md, passageRange(anchored, document, hits[0].result.start, hits[0].result.end));
    },
  });
}

function annotationMarkdown(a: Annotation, letter: vscode.Uri, taxonomy: AnnotationTaxonomy): string {
  const e = escapeMarkdown;
  const head = [`**${e(taxonomy.label(a.tag), 60)}**`];
  if (a.status) head.push(e(statusLabel(a.status), 40));
  const lines = [head.join(' · ')];
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
  lines.push(
    [
      link(vscode.l10n.t('Edit note'), COMMANDS.editNote),
      link(vscode.l10n.t('Change tag'), COMMANDS.changeTag),
      link(vscode.l10n.t('Set status'), COMMANDS.setStatus),
      link(vscode.l10n.t('Link documents'), COMMANDS.linkReferences),
    ].join(' · '),
  );
  return lines.join('\n\n');
}

function formatCreated(created: string): string {
  const d = new Date(created);
  if (Number.isNaN(d.getTime())) return created;
  return d.toLocaleString(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' });
}
