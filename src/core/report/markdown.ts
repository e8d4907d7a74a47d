// A readable markdown report: per letter, per tag, each passage as a block quote with its note and links.
//
// Every value from an annotation file or the taxonomy is text, never markup: the characters markdown or HTML
// would read as markup are backslash-escaped (CommonMark allows that for any ASCII punctuation), line starts that
// would open a list, heading or rule are escaped too, and values shown on one line (headings, the facts line in
// <sub>) have their line breaks turned into spaces, so no value can close the line it is on.

import type { TaggedPassage } from './passages';

export function renderMarkdown(passages: readonly TaggedPassage[], title = 'Tagged passages'): string {
  const out = [`# ${escapeOneLine(title)}`, ''];
  if (!passages.length) return [...out, '_No tagged passages._', ''].join('\n');
  for (const [path, rows] of group(passages, (p) => p.letterPath)) {
    const letter = rows[0].letter;
    out.push(`## ${escapeOneLine(letter)}${letter !== path ? ` (${escapeOneLine(path)})` : ''}`, '');
    for (const [, tagged] of group(rows, (p) => p.tag)) {
      out.push(`### ${escapeOneLine(tagged[0].label)} (${escapeOneLine(tagged[0].tag)}): ${tagged.length}`, '');
      for (const p of tagged) out.push(...passageBlock(p));
    }
  }
  return out.join('\n');
}

/** The quote as a block quote, the note, and the facts in small print. */
function passageBlock(p: TaggedPassage): string[] {
  const out = [...p.quote.split(LINE_BREAK).map((l) => `> ${escapeLine(l)}`.trimEnd()), ''];
  if (p.note) out.push(escapeText(p.note), '');
  out.push(`<sub>${facts(p).map(escapeOneLine).join(' · ')}</sub>`, '');
  return out;
}

function facts(p: TaggedPassage): string[] {
  return [
    p.line !== undefined ? `line ${p.line}` : undefined,
    p.status,
    p.author,
    p.created,
    p.refs.length ? `refs: ${p.refs.join(', ')}` : undefined,
    `id ${p.id}`,
  ].filter((x): x is string => !!x);
}

function group<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/** Markdown's line endings. */
const LINE_BREAK = /\r\n|\r|\n/;

/** Characters that start markup anywhere in a line: emphasis, code, links and images, HTML, entities, tables. */
const INLINE_MARKUP = /[\\`*_[\]<>#|&~]/g;

/** What opens a block at the start of a line (after indentation): a list item, a setext underline, a rule. */
const BLOCK_START = /^(\s*)(?:([-+=])|(\d{1,9})([.)]))/;

/** Literal text of several lines (a note). */
function escapeText(s: string): string {
  return s.split(LINE_BREAK).map(escapeLine).join('\n');
}

/** Literal text that must stay on its line (a heading, a fact): line breaks become spaces. */
function escapeOneLine(s: string): string {
  return escapeInline(s.split(LINE_BREAK).join(' '));
}

function escapeLine(line: string): string {
  return escapeInline(line).replace(BLOCK_START, (_all, indent: string, sign?: string, digits?: string, delimiter?: string) =>
    sign ? `${indent}\\${sign}` : `${indent}${digits}\\${delimiter}`,
  );
}

function escapeInline(s: string): string {
  return s.replace(INLINE_MARKUP, (c) => `\\${c}`);
}
