// Letters that may fulfil a commitment, for the analyst to confirm: a later letter that cites the commitment's
// letter, or one whose text has a fulfilment cue ("zoals toegezegd", "hiermee geef ik invulling aan de
// toezegging") and shares the commitment's subject words. Scored for ranking; nothing is ever marked on its own.

import { scanText } from '../citations';
import type { Commitment, CommitmentLetter } from './model';

/** Cue phrases of a letter that answers a commitment (reference §5.3), on text in lower case. */
export const FULFILMENT_CUES: readonly RegExp[] = [
  /\b(?:hiermee|hierbij|bij dezen|met deze brief|met deze notitie|daarmee)\s+(?:geef|geven|kom|komen|doe|doen)\s+(?:ik|wij|we)\b[^.]{0,80}?\b(?:invulling|uitvoering|na|gestand)\b[^.]{0,40}?\btoezegging/,
  /\b(?:kom|komen)\s+(?:ik|wij|we)\s+(?:de|die|deze|mijn|onze)\s+toezegging(?:en)?\s+na\b/,
  /\bgeef\s+ik\s+(?:hiermee\s+)?(?:invulling|uitvoering)\s+aan\s+(?:de|mijn|een)\s+toezegging/,
  /\bzoals\s+(?:ik\s+)?(?:eerder\s+)?(?:is\s+)?toegezegd\b/,
  /\b(?:ik|wij|we)\s+(?:heb|hebben)\s+(?:uw|de)\s+kamer\s+(?:[a-z]+\s+){0,8}?toegezegd\b/,
  /\b(?:heb|hebben)\s+(?:ik|wij|we)\s+(?:[^.]{0,80}?\s)?toegezegd\b/,
  /\bconform\s+(?:de|mijn|onze)\s+toezegging\b/,
  /\b(?:ter|in)\s+uitvoering\s+van\s+(?:de|mijn|een)\s+toezegging\b/,
  /\btegemoet\s+aan\s+(?:de\s+|enkele\s+|een\s+)?toezegging/,
  /\b(?:hierbij|hiermee|met deze brief)\s+(?:informeer|informeren)\s+(?:ik|wij|we)\s+(?:uw kamer|de kamer|u)\s+(?:[^.]{0,40}?\s)?(?:over|daarover)\b/,
  /\bin\s+(?:mijn|onze)\s+brief\s+van\s+[^.]{3,40}?\s+(?:heb|hebben)\s+(?:ik|wij)\s+(?:uw\s+kamer\s+)?toegezegd\b/,
  /\btoezegging\s+(?:gedaan\s+)?tijdens\s+het\s+(?:commissie)?debat\b/,
];

/** Dutch function words and words every letter has; they say nothing about a subject. */
const STOP_WORDS = new Set(
  `aan al alle als andere ben bij daar dan dat de deze die dit doen door een en er ervan geen haar heb hebben heeft het hier hoe
  hun ik in is je kan kunnen maar meer met mijn na naar niet nog nu of om onder ons onze ook op over te tegen tot u uit uw van
  veel voor waar was wat we wel werd wordt worden wij zal zich zij zijn zo zou zullen kamer minister brief staatssecretaris
  komende periode verder daarnaast tevens hierbij hiermee eerste tweede nader nadere uitwerking gewerkt verwachting`.split(/\s+/),
);

/** The subject words of a text: lower case, at least 5 letters, no stop words, cut to a 6-letter stem. */
export function subjectWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/\p{L}[\p{L}-]+/gu) ?? []) if (w.length >= 5 && !STOP_WORDS.has(w)) out.add(w.slice(0, 6));
  return out;
}

/**
 * What a letter's text gives the candidate search, worked out at most once per letter and text, and only when
 * asked: the view asks for every commitment against every letter, and most letters cite none of them.
 */
class LetterFacts {
  #cited?: Set<string>;
  #words?: Set<string>;
  #cue?: boolean;
  constructor(readonly text: string) {}
  get cited(): Set<string> {
    return (this.#cited ??= new Set(scanText(this.text).flatMap((r) => (r.id === null ? [] : [r.id]))));
  }
  get words(): Set<string> {
    return (this.#words ??= subjectWords(this.text));
  }
  get cue(): boolean {
    return (this.#cue ??= CUE_WORDS.test(this.text) && !!fulfilmentCue(this.text));
  }
}
const FACTS = new WeakMap<CommitmentLetter, LetterFacts>();

/** Every cue has one of these words: a letter without them is not read further. */
const CUE_WORDS = /toezegging|toegezegd|informeer|informeren/i;

function factsOf(letter: CommitmentLetter): LetterFacts {
  let facts = FACTS.get(letter);
  if (!facts || facts.text !== letter.text) {
    facts = new LetterFacts(letter.text);
    FACTS.set(letter, facts);
  }
  return facts;
}

/**
 * Whether the text may cite one of `ids` at all: every citation form of a document holds its last number
 * (`29 754, nr. 716`, `kst-29754-716`, `2024D25640`), so a text without any of them needs no scan.
 */
function mayCite(text: string, ids: string[]): boolean {
  return ids.some((id) => {
    const last = /(\d+)(?!.*\d)/.exec(id)?.[1];
    return last === undefined || text.includes(last);
  });
}

/** The share of `subject` found among `words` (0 when the subject has no words). */
function overlap(subject: Set<string>, words: Set<string>): number {
  if (!subject.size) return 0;
  let n = 0;
  for (const w of subject) if (words.has(w)) n++;
  return n / subject.size;
}

export interface FulfilmentCandidate {
  letter: CommitmentLetter;
  reason: 'cites' | 'cues';
  score: number;
}

/** Whether `letter` cites the commitment's letter (by its id or an alias) anywhere in its text. */
export function citesLetter(letter: CommitmentLetter, target: CommitmentLetter): boolean {
  const ids = [target.id, ...(target.aliases ?? [])].filter((id): id is string => !!id);
  if (!ids.length || !mayCite(letter.text, ids)) return false;
  const cited = factsOf(letter).cited;
  return ids.some((id) => cited.has(id));
}

/** The first fulfilment cue of the text, if any. */
export function fulfilmentCue(text: string): RegExpExecArray | undefined {
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  for (const re of FULFILMENT_CUES) {
    const m = re.exec(lower);
    if (m) return m;
  }
  return undefined;
}

/** The least share of the commitment's subject words a cue-only candidate must share. */
export const CUE_OVERLAP = 0.34;

/**
 * Candidates among `letters` (never the commitment's own letter, never one before it, never one already named
 * in `fulfilledBy`), best first. Score in [0, 1]: citing gives 0.6 plus up to 0.3 for shared subject words; a cue
 * without a citation 0.2 plus up to 0.35, so a citation always ranks first; the same dossier adds 0.05.
 */
export function fulfilmentCandidates(commitment: Commitment, letters: CommitmentLetter[]): FulfilmentCandidate[] {
  const own = commitment.letter;
  const subject = subjectWords(`${commitment.annotation.quote} ${commitment.annotation.note ?? ''}`);
  const already = new Set(commitment.annotation.fulfilledBy ?? []);
  const out: FulfilmentCandidate[] = [];
  for (const letter of letters) {
    if (letter === own || letter.path === own.path || (own.id && letter.id === own.id)) continue;
    if (letter.id && already.has(letter.id)) continue;
    if (own.date && letter.date && letter.date < own.date) continue;
    const facts = factsOf(letter);
    const sameDossier = !!own.dossier && own.dossier === letter.dossier ? 0.05 : 0;
    if (citesLetter(letter, own)) out.push({ letter, reason: 'cites', score: round(0.6 + 0.3 * overlap(subject, facts.words) + sameDossier) });
    else if (facts.cue) {
      const shared = overlap(subject, facts.words);
      if (shared >= CUE_OVERLAP) out.push({ letter, reason: 'cues', score: round(0.2 + 0.35 * shared + sameDossier) });
    }
  }
  return out.sort((a, b) => b.score - a.score || (a.letter.date ?? '').localeCompare(b.letter.date ?? '') || a.letter.path.localeCompare(b.letter.path));
}

const round = (x: number) => Math.round(Math.min(1, x) * 1000) / 1000;
