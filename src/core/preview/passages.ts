// The tagged passages of a letter as the reading view shows them: anchored against the text being rendered (the
// same anchoring as the editor's decorations), with their tag's label, colour and line style, in source offsets.
import { anchorAnnotations, type AnchorResult } from '../annotations/anchor';
import { orderedTags } from '../annotations/editor-rules';
import { LetterSource } from '../annotations/letter-source';
import type { Annotation, ReviewStatus } from '../annotations/model';
import { reviewOf } from '../annotations/review';
import { tagLabel, type Taxonomy } from '../annotations/taxonomy';
import { safeColor } from './html';
import type { ReadingLanguage } from './labels';

export interface LetterTags {
  annotations: readonly Annotation[];
  taxonomy: Taxonomy;
}

export interface Passage {
  id: string;
  tag: string;
  label: string;
  color: string;
  /** The tag's place in the taxonomy: picks the under- or overline that keeps overlapping tags apart. */
  line: number;
  /** Offsets into the rendered source. */
  start: number;
  end: number;
  status?: ReviewStatus;
  note?: string;
  refs: string[];
  /** Found only approximately: the words changed since the passage was tagged. */
  changed: boolean;
  /** 1-based, in document order: the number of its note in an export. */
  number: number;
  quote: string;
}

export interface TagLegendEntry {
  tag: string;
  label: string;
  color: string;
  line: number;
  description?: string;
  count: number;
}

export interface LetterPassages {
  /** Found in the text, by start (longer first when two start together). */
  placed: Passage[];
  /** Not found: listed for review, never placed. */
  orphans: Passage[];
  legend: TagLegendEntry[];
}

/** Anchors the letter's tags against `src` (the text markdown-it renders) and describes each for the page. */
export function letterPassages(src: string, tags: LetterTags, language: ReadingLanguage): LetterPassages {
  const source = new LetterSource(src);
  const results = anchorAnnotations(source.text, tags.annotations);
  const order = orderedTags(
    tags.taxonomy,
    tags.annotations.map((a) => a.tag),
  );
  const english = language === 'en';
  const describe = (a: Annotation, r: AnchorResult, placed: boolean): Omit<Passage, 'number'> => ({
    id: a.id,
    tag: a.tag,
    label: tagLabel(tags.taxonomy, a.tag, english),
    color: safeColor(tags.taxonomy.get(a.tag)?.color),
    line: order.indexOf(a.tag),
    start: placed ? source.toRaw(r.start) : 0,
    end: placed ? source.toRaw(r.end) : 0,
    ...(a.status ? { status: a.status } : {}),
    ...(a.note ? { note: a.note } : {}),
    refs: a.refs ?? [],
    changed: placed && reviewOf(a, r).changed,
    quote: a.quote,
  });
  const placed: Omit<Passage, 'number'>[] = [];
  const orphans: Omit<Passage, 'number'>[] = [];
  tags.annotations.forEach((a, i) => {
    const r = results[i];
    if (r.status === 'orphaned' || r.end <= r.start) orphans.push(describe(a, r, false));
    else placed.push(describe(a, r, true));
  });
  placed.sort((x, y) => x.start - y.start || y.end - x.end);
  const numbered = [...placed, ...orphans].map((p, i) => ({ ...p, number: i + 1 }));
  const counts = new Map<string, number>();
  for (const a of tags.annotations) counts.set(a.tag, (counts.get(a.tag) ?? 0) + 1);
  const legend = order
    .filter((tag) => tags.taxonomy.has(tag) || counts.has(tag))
    .map((tag) => {
      const def = tags.taxonomy.get(tag);
      return {
        tag,
        label: tagLabel(tags.taxonomy, tag, english),
        color: safeColor(def?.color),
        line: order.indexOf(tag),
        ...(def?.description ? { description: def.description } : {}),
        count: counts.get(tag) ?? 0,
      };
    });
  return { placed: numbered.slice(0, placed.length), orphans: numbered.slice(placed.length), legend };
}
