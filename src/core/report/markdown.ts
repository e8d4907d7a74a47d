// A readable markdown report: per letter, per tag, each passage as a block quote with its note and links.

import type { TaggedPassage } from './passages';

export function renderMarkdown(passages: readonly TaggedPassage[], title = 'Tagged passages'): string {
  const out = [`# ${title}`, ''];
  if (!passages.length) return [...out, '_No tagged passages._', ''].join('\n');
  const byLetter = group(passages, (p) => p.letterPath);
  for (const [path, rows] of byLetter) {
    const letter = rows[0].letter;
    out.push(`## ${escape(letter)}${letter !== path ? ` (${escape(path)})` : ''}`, '');
    for (const [, tagged] of group(rows, (p) => p.tag)) {
      out.push(`### ${escape(tagged[0].label)} (${escape(tagged[0].tag)}): ${tagged.length}`, '');
      for (const p of tagged) {
        out.push(...p.quote.split(/\r?\n/).map((l) => `> ${escape(l)}`.trimEnd()), '');
        const facts = [
          p.line !== undefined ? `line ${p.line}` : undefined,
          p.status,
          p.author,
          p.created,
          p.refs.length ? `refs: ${p.refs.map(escape).join(', ')}` : undefined,
          `id ${p.id}`,
        ].filter((x): x is string => !!x);
        if (p.note) out.push(escape(p.note), '');
        out.push(`<sub>${facts.join(' · ')}</sub>`, '');
      }
    }
  }
  return out.join('\n');
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

/** Escapes characters markdown would read as markup or HTML. */
function escape(s: string): string {
  return s.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}
