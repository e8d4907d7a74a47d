// The letters suggestions are measured on: the sample letter with its tags, and real letters tagged by hand (each
// with its source in a header; the rules: test/fixtures/suggestion-tagging.md), in three groups:
// - `tuning` (test/fixtures/suggestions): the letters the cues were first tuned on, and group 4, added to tune on;
// - `spent` (same folder): the first two held-out groups. Each was measured once while held out (commitments: group 1
//   P 1.00 R 0.33, group 2 P 0.60 R 0.60); the cues were then widened looking at their misses, so they count as
//   tuning data now;
// - `heldOut` (test/fixtures/suggestions-heldout): group 3, tagged by hand before any suggester run on it and kept
//   out of the tuning: nobody tuning the cues reads these letters.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnnotationStore } from '../../src/core/annotations';
import { combine, evaluate, suggestTags, type TagScore, type TaggedSpan } from '../../src/core/suggestions';

export const SUGGESTION_TAGS = ['commitment', 'measure', 'conclusion'] as const;
export type LetterGroup = 'tuning' | 'spent' | 'heldOut';
export const SPENT = new Set([
  // group 1
  'kst-34775-A-66',
  'kst-36471-95',
  'kst-35228-6',
  'kst-29538-331',
  'kst-29279-685',
  'kst-28741-115',
  'kst-35925-XV-22',
  // group 2
  'kst-32749-6',
  'kst-32500-C-7',
  'kst-35165-9',
  'kst-34700-6',
  'kst-29279-331',
  'kst-29279-874',
  'kst-34300-VII-60',
]);
export const TUNING_FOLDER = 'test/fixtures/suggestions';
export const HELD_OUT_FOLDER = 'test/fixtures/suggestions-heldout';
export const GROUP_NAMES: Record<LetterGroup, string> = {
  tuning: 'tuning',
  spent: 'held-out groups 1 and 2 (spent: tuned on since)',
  heldOut: 'held-out group 3',
};

export interface TaggedLetter {
  id: string;
  text: string;
  tags: TaggedSpan[];
  group: LetterGroup;
}

/** Reads a letter and the hand tags beside it; the quote decides where a tag is (its offsets are a hint). */
export function readTaggedLetter(dir: string, id: string, group: LetterGroup = SPENT.has(id) ? 'spent' : 'tuning'): TaggedLetter {
  const text = readFileSync(join(dir, `${id}.md`), 'utf8');
  const parsed = AnnotationStore.parse(readFileSync(join(dir, `${id}.annotations.yaml`), 'utf8'));
  if (!parsed.ok) throw new Error(`${id}: the hand tags do not parse`);
  const tags = parsed.store.annotations().map((a) => {
    const start = text.slice(a.start, a.end) === a.quote ? a.start : text.indexOf(a.quote);
    if (start < 0) throw new Error(`${id}: hand tag ${a.id} not found in the letter`);
    return { tag: a.tag, start, end: start + a.quote.length };
  });
  return { id, text, tags, group };
}

/** Every tagged letter, from the project root (the sample letter first, the held-out group last). */
export function taggedLetters(root = process.cwd()): TaggedLetter[] {
  const idsIn = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.md'))
          .map((f) => f.slice(0, -3))
          .sort()
      : [];
  const tuning = join(root, TUNING_FOLDER);
  const heldOut = join(root, HELD_OUT_FOLDER);
  return [
    readTaggedLetter(join(root, 'samples/letters'), 'kst-29754-716'),
    ...idsIn(tuning).map((id) => readTaggedLetter(tuning, id)),
    ...idsIn(heldOut).map((id) => readTaggedLetter(heldOut, id, 'heldOut')),
  ];
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
