// The letters suggestions are measured on: the sample letter with its tags, and real letters tagged by hand
// (test/fixtures/suggestions, each with its source in a header). Two are held out: the cues were not tuned on them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnnotationStore } from '../../src/core/annotations';
import { combine, evaluate, suggestTags, type TagScore, type TaggedSpan } from '../../src/core/suggestions';

export const SUGGESTION_TAGS = ['commitment', 'measure', 'conclusion'] as const;
export const HELD_OUT = new Set(['kst-34775-A-66', 'kst-36471-95', 'kst-35228-6', 'kst-29538-331', 'kst-29279-685', 'kst-28741-115', 'kst-35925-XV-22']);

export interface TaggedLetter {
  id: string;
  text: string;
  tags: TaggedSpan[];
  heldOut: boolean;
}

/** Reads a letter and the hand tags beside it; the quote decides where a tag is (its offsets are a hint). */
export function readTaggedLetter(dir: string, id: string): TaggedLetter {
  const text = readFileSync(join(dir, `${id}.md`), 'utf8');
  const parsed = AnnotationStore.parse(readFileSync(join(dir, `${id}.annotations.yaml`), 'utf8'));
  if (!parsed.ok) throw new Error(`${id}: the hand tags do not parse`);
  const tags = parsed.store.annotations().map((a) => {
    const start = text.slice(a.start, a.end) === a.quote ? a.start : text.indexOf(a.quote);
    if (start < 0) throw new Error(`${id}: hand tag ${a.id} not found in the letter`);
    return { tag: a.tag, start, end: start + a.quote.length };
  });
  return { id, text, tags, heldOut: HELD_OUT.has(id) };
}

/** Every tagged letter, from the project root (the sample letter first). */
export function taggedLetters(root = process.cwd()): TaggedLetter[] {
  const dir = join(root, 'test/fixtures/suggestions');
  const ids = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3))
    .sort();
  return [readTaggedLetter(join(root, 'samples/letters'), 'kst-29754-716'), ...ids.map((id) => readTaggedLetter(dir, id))];
}

export interface CorpusScores {
  tuning: TagScore[];
  heldOut: TagScore[];
  perLetter: { id: string; heldOut: boolean; scores: TagScore[] }[];
}

/** Suggestions for every letter (no existing tags given) scored against its hand tags. */
export function scoreCorpus(letters = taggedLetters()): CorpusScores {
  const perLetter = letters.map((l) => ({ id: l.id, heldOut: l.heldOut, scores: evaluate(suggestTags(l.text), l.tags, SUGGESTION_TAGS) }));
  return {
    tuning: combine(perLetter.filter((l) => !l.heldOut).map((l) => l.scores)),
    heldOut: combine(perLetter.filter((l) => l.heldOut).map((l) => l.scores)),
    perLetter,
  };
}

export function formatScores(scores: readonly TagScore[]): string {
  return scores
    .map((s) => `${s.tag} P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} (${s.matched}/${s.proposed} proposed, ${s.matched}/${s.expected} tagged)`)
    .join('; ');
}
