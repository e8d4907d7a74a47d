// A stress set for anchoring (issue 10): revisions of real letters with the ground truth tracked per character.
// A TrackedText remembers, for every character, the offset it had in the original text (-1 for new text), through
// every edit: inserted and replaced text is new, deleted text is gone, a moved paragraph keeps its origin, a copy
// is new text (the original stays where it is). A tag's true place in the revision is where its characters went.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnchorResult } from '../../src/core/annotations/anchor';
import type { Annotation } from '../../src/core/annotations/model';
import { captureSelector } from '../../src/core/annotations/quote';
import { random } from './varied-letter';

export class TrackedText {
  constructor(
    public text: string,
    public origin: number[] = Array.from({ length: text.length }, (_, i) => i),
  ) {}

  replace(start: number, end: number, insert: string, origin: number[] = new Array(insert.length).fill(-1)): void {
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    this.origin.splice(start, end - start, ...origin);
  }

  /** Moves [start, end) to `to` (an offset of the text before the move); the moved characters keep their origin. */
  move(start: number, end: number, to: number): void {
    const piece = this.text.slice(start, end);
    const origin = this.origin.slice(start, end);
    this.replace(start, end, '', []);
    const at = to >= end ? to - (end - start) : to;
    this.replace(at, at, piece, origin);
  }
}

/** Where a tag on original [s, e) truly is in the revision: the span of its surviving characters, and how much survived. */
export function truth(t: TrackedText, s: number, e: number): { start: number; end: number; survived: number; intact: boolean } | undefined {
  let first = -1;
  let last = -1;
  let survived = 0;
  for (let i = 0; i < t.origin.length; i++) {
    const o = t.origin[i];
    if (o < s || o >= e) continue;
    if (first < 0) first = i;
    last = i;
    survived++;
  }
  if (first < 0) return undefined;
  const contiguous = last - first + 1 === survived && t.origin[first] === s && t.origin[last] === e - 1;
  let ordered = contiguous;
  for (let i = first + 1; ordered && i <= last; i++) ordered = t.origin[i] === t.origin[i - 1] + 1;
  return { start: first, end: last + 1, survived: survived / (e - s), intact: ordered };
}

export type Verdict = 'right' | 'misplaced' | 'needless orphan' | 'orphaned (text changed or gone)' | 'ambiguous, right place offered';

/**
 * Right: found on (most of) the text its characters went to, or orphaned when they are all gone. Misplaced: placed
 * on other text — the worst error. A needless orphan: orphaned although its text is there unchanged.
 */
export function verdict(t: TrackedText, a: Annotation, r: AnchorResult): Verdict {
  const where = truth(t, a.start, a.end);
  if (r.status === 'orphaned') return where?.intact ? 'needless orphan' : where ? 'orphaned (text changed or gone)' : 'right';
  if (!where) return 'misplaced';
  // Placed on its own text: most characters of the place are characters of the tag in the original; or, for a tag
  // whose words were replaced, some are and the others are new text that took their place (none is other old text).
  const own = (p: { start: number; end: number }) => {
    let mine = 0;
    let fresh = 0;
    for (let i = p.start; i < p.end; i++) {
      if (t.origin[i] >= a.start && t.origin[i] < a.end) mine++;
      else if (t.origin[i] < 0) fresh++;
    }
    const n = p.end - p.start;
    return n > 0 && (mine / n >= 0.5 || (mine > 0 && (mine + fresh) / n >= 0.9));
  };
  if (own(r)) return 'right';
  // A near-tie shown with its other places (fuzzy, for review): not trusted, and the right place is among them.
  return r.alternatives?.some(own) ? 'ambiguous, right place offered' : 'misplaced';
}

export interface Scenario {
  kind: string;
  original: string;
  annotations: Annotation[];
  /** The revision with its ground truth, in LF text (where offsets are defined). */
  revised: TrackedText;
  /** The revision as the anchoring reads it (with CRLF line endings for that kind). */
  input: string;
}

const REAL = 'test/fixtures/real';
const SAMPLE = 'test/fixtures/corpus/kst-29754-716.md';

/** The real texts: the sample letter, and the stored official passages joined by source (as longer letters). */
export function realTexts(): string[] {
  const passages = readdirSync(REAL)
    .filter((f) => /^\d+-.*\.md$/.test(f))
    .sort()
    .map((f) =>
      readFileSync(join(REAL, f), 'utf8')
        .replace(/^<!--[^]*?-->\n/, '')
        .trim(),
    );
  const groups: string[] = [];
  for (let i = 0; i < passages.length; i += 5) groups.push(passages.slice(i, i + 5).join('\n\n'));
  return [readFileSync(SAMPLE, 'utf8'), ...groups];
}

/** A long letter of ten varied copies of the sample's sections, numbered (repeated content everywhere). */
export function tenCopies(): string {
  const sample = readFileSync(SAMPLE, 'utf8');
  const body = sample.slice(sample.indexOf('\n## ') + 1);
  const rnd = random(5);
  const words = body.split(/\s+/).filter((w) => /^[a-z]{5,}$/.test(w));
  return Array.from({ length: 10 }, (_, n) =>
    body.replace(/^## /gm, `## ${n + 1}.`).replace(/\b[a-z]{5,}\b/g, (w) => (rnd() < 0.05 ? words[Math.floor(rnd() * words.length)] : w)),
  ).join('\n\n');
}

/** Tags on sentences, clauses, short phrases, list items and footnote texts of `text`. */
export function tagsOn(text: string, rnd: () => number, count: number): Annotation[] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(/[A-Z][^.!?\n]{15,300}[.!?](?=\s|$)/g)) spans.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(/^\[\^\d+\]: (.+)$/gm)) spans.push([m.index + m[0].length - m[1].length, m.index + m[0].length]);
  for (const m of text.matchAll(/^(?:[-*]|\d+\.) (.{10,200})$/gm)) spans.push([m.index + m[0].length - m[1].length, m.index + m[0].length]);
  const out: Annotation[] = [];
  const used = new Set<number>();
  for (let tries = 0; out.length < count && tries < count * 20 && spans.length; tries++) {
    let [s, e] = spans[Math.floor(rnd() * spans.length)];
    if (rnd() < 0.25) {
      // A short phrase inside the span: two to five words.
      const words = [...text.slice(s, e).matchAll(/\S+/g)];
      if (words.length < 6) continue;
      const k = Math.floor(rnd() * (words.length - 5));
      const n = 2 + Math.floor(rnd() * 4);
      e = s + words[k + n - 1].index + words[k + n - 1][0].length;
      s = s + words[k].index;
    }
    if (used.has(s)) continue;
    used.add(s);
    out.push({ id: `t${out.length}`, tag: 'measure', ...captureSelector(text, s, e) });
  }
  return out;
}

type Edit = (t: TrackedText, rnd: () => number, tags: Annotation[]) => void;

const paragraphs = (text: string) =>
  [...text.matchAll(/(?:^|\n\n)([^\n][^]*?)(?=\n\n|$)/g)].map((m) => ({ start: m.index + m[0].length - m[1].length, end: m.index + m[0].length }));
const pick = <T>(list: T[], rnd: () => number) => list[Math.floor(rnd() * list.length)];

/** The kinds of revision, each applied a few times to a text. */
export const EDITS: Record<string, Edit> = {
  typo: (t, rnd) => {
    for (let n = 0; n < 8; n++) {
      const words = [...t.text.matchAll(/[a-z]{6,}/g)];
      const w = pick(words, rnd);
      const at = w.index + 2 + Math.floor(rnd() * (w[0].length - 3));
      t.replace(at, at + 1, t.text[at] === 'e' ? 'a' : 'e');
    }
  },
  'reworded clause': (t, rnd, tags) => {
    // About 25–30% of the words of a few tagged sentences replaced (the tag's own text changed, its context intact).
    for (const a of tags.filter(() => rnd() < 0.15)) {
      const at = t.origin.indexOf(a.start);
      if (at < 0 || t.origin[at + a.quote.length - 1] !== a.end - 1) continue;
      const words = [...t.text.slice(at, at + a.quote.length).matchAll(/[a-z]{4,}/g)];
      for (const w of words.filter(() => rnd() < 0.28).reverse()) t.replace(at + w.index, at + w.index + w[0].length, 'anders');
    }
  },
  reflow: (t) => {
    const spots = [...t.text.matchAll(/ /g)].map((m) => m.index).filter((_, i) => i % 11 === 10);
    for (const at of spots) t.replace(at, at + 1, '\n', [t.origin[at]]);
  },
  'quotes and dashes': (t) => {
    for (const m of [...t.text.matchAll(/"|'| - |–/g)].reverse())
      t.replace(m.index, m.index + m[0].length, m[0] === '"' ? '“' : m[0] === "'" ? '’' : m[0] === '–' ? '-' : ' – ');
  },
  'moved paragraph': (t, rnd) => {
    for (let n = 0; n < 2; n++) {
      const ps = paragraphs(t.text);
      if (ps.length < 3) return;
      const p = pick(ps, rnd);
      const to = pick(ps, rnd);
      if (to.start >= p.start && to.start <= p.end) continue;
      t.move(p.start, p.end + 2 <= t.text.length ? p.end + 2 : p.end, to.start);
    }
  },
  'deleted paragraph': (t, rnd) => {
    for (let n = 0; n < 2; n++) {
      const p = pick(paragraphs(t.text), rnd);
      t.replace(p.start, Math.min(t.text.length, p.end + 2), '');
    }
  },
  'inserted paragraph': (t, rnd) => {
    const ps = paragraphs(t.text);
    for (let n = 0; n < 3; n++) {
      const at = pick(paragraphs(t.text), rnd).start;
      // A paragraph in the style of the letter: another paragraph's words, shuffled a little.
      const words = t.text.slice(pick(ps, rnd).start, pick(ps, rnd).end).split(/\s+/).slice(0, 40);
      t.replace(at, at, words.sort(() => rnd() - 0.5).join(' ') + '.\n\n');
    }
  },
  'copied paragraph': (t, rnd) => {
    // Copied elsewhere: a paragraph duplicated right next to itself has no original a reader could tell.
    const ps = paragraphs(t.text);
    const i = Math.floor(rnd() * ps.length);
    const j = Math.floor(rnd() * ps.length);
    if (Math.abs(i - j) <= 1) return;
    t.replace(ps[j].start, ps[j].start, t.text.slice(ps[i].start, ps[i].end) + '\n\n');
  },
  'repeated sentence': (t, rnd) => {
    // A sentence of the letter repeated at the end of another paragraph (a copy: new text), or moved there.
    for (let n = 0; n < 3; n++) {
      const sentences = [...t.text.matchAll(/[A-Z][^.!?\n]{20,200}[.!?](?=\s|$)/g)];
      if (sentences.length < 2) return;
      const s = pick(sentences, rnd);
      const at = pick(paragraphs(t.text), rnd).end;
      if (at >= s.index && at <= s.index + s[0].length) continue;
      if (rnd() < 0.5) t.replace(at, at, ' ' + s[0]);
      else {
        t.replace(at, at, ' ');
        const from = at < s.index ? s.index + 1 : s.index;
        t.move(from, from + s[0].length, at + 1);
      }
    }
  },
  'footnote inserted first': (t) => {
    const first = /^\[\^1\]: /m.exec(t.text);
    if (!first) return;
    // Renumber every footnote (references and definitions), then add a new first one.
    for (const m of [...t.text.matchAll(/\[\^(\d+)\]/g)].reverse()) t.replace(m.index + 2, m.index + 2 + m[1].length, String(Number(m[1]) + 1));
    const def = /^\[\^2\]: /m.exec(t.text)!;
    t.replace(def.index, def.index, '[^1]: Kamerstukken II 2023–2024, 29 754, nr. 3212.\n');
  },
  crlf: (t) => {
    for (const m of [...t.text.matchAll(/\n/g)].reverse()) t.replace(m.index, m.index, '\r');
  },
};

/** Every scenario: each edit kind on each real text and on the ten-copies letter, with tags on the original. */
export function scenarios(seed = 1, tagsPerText = 40): Scenario[] {
  const out: Scenario[] = [];
  const texts = [...realTexts(), tenCopies()];
  for (const [kind, edit] of Object.entries(EDITS)) {
    texts.forEach((original, i) => {
      const rnd = random(seed * 1000 + i * 31 + kind.length);
      const annotations = tagsOn(original, rnd, tagsPerText);
      const revised = new TrackedText(original);
      edit(revised, rnd, annotations);
      const input = revised.text;
      // Offsets are defined on LF text (as the anchoring reads letters): the CRs of CRLF are not part of it.
      for (let at = revised.text.indexOf('\r'); at >= 0; at = revised.text.indexOf('\r', at)) revised.replace(at, at + 1, '', []);
      out.push({ kind, original, annotations, revised, input });
    });
  }
  return out;
}
