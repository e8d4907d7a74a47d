// The letters suggestions are measured on: the sample letter with its tags, and real letters tagged by hand
// (test/fixtures/suggestions, each with its source in a header), in three groups:
// - `tuning`: the letters the cues were first tuned on;
// - `spent`: the first held-out group. Its score was reported once (commitments P 1.00 R 0.33); the cues were then
//   widened looking at it too, so it is no longer held out and counts as tuning data;
// - `heldOut`: letters tagged by hand after that, before the suggester was run on them; the cues were not tuned on them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnnotationStore } from '../../src/core/annotations';
import { combine, evaluate, suggestTags, type TagScore, type TaggedSpan } from '../../src/core/suggestions';

export const SUGGESTION_TAGS = ['commitment', 'measure', 'conclusion'] as const;
export type LetterGroup = 'tuning' | 'spent' | 'heldOut';
export const SPENT = new Set(['kst-34775-A-66', 'kst-36471-95', 'kst-35228-6', 'kst-29538-331', 'kst-29279-685', 'kst-28741-115', 'kst-35925-XV-22']);
export const HELD_OUT = new Set(['kst-32749-6', 'kst-32500-C-7', 'kst-35165-9', 'kst-34700-6', 'kst-29279-331', 'kst-29279-874', 'kst-34300-VII-60']);
export const GROUP_NAMES: Record<LetterGroup, string> = {
  tuning: 'tuning',
  spent: 'first held-out group (spent: tuned on since)',
  heldOut: 'new held-out group',
};
const groupOf = (id: string): LetterGroup => (HELD_OUT.has(id) ? 'heldOut' : SPENT.has(id) ? 'spent' : 'tuning');

export interface TaggedLetter {
  id: string;
  text: string;
  tags: TaggedSpan[];
  group: LetterGroup;
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
  return { id, text, tags, group: groupOf(id) };
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
  /** Per group, the letters' counts summed. */
  groups: Record<LetterGroup, TagScore[]>;
  /** Everything the cues may be tuned on: the tuning letters and the spent group together. */
  tunedOn: TagScore[];
  perLetter: { id: string; group: LetterGroup; scores: TagScore[] }[];
}

/** Suggestions for every letter (no existing tags given) scored against its hand tags. */
export function scoreCorpus(letters = taggedLetters()): CorpusScores {
  const perLetter = letters.map((l) => ({ id: l.id, group: l.group, scores: evaluate(suggestTags(l.text), l.tags, SUGGESTION_TAGS) }));
  const of = (groups: LetterGroup[]) => combine(perLetter.filter((l) => groups.includes(l.group)).map((l) => l.scores));
  return {
    groups: { tuning: of(['tuning']), spent: of(['spent']), heldOut: of(['heldOut']) },
    tunedOn: of(['tuning', 'spent']),
    perLetter,
  };
}

export function formatScores(scores: readonly TagScore[]): string {
  return scores
    .map((s) => `${s.tag} P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} (${s.matched}/${s.proposed} proposed, ${s.matched}/${s.expected} tagged)`)
    .join('; ');
}
