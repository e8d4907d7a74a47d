// What one conversion of a KOOP publication keeps while it walks the tree: warnings (each kind once, with a count),
// footnotes (unique labels, definitions in order of first reference), and old-style `voetnoot` targets.
import type { FootnoteDefinition } from 'mdast';
import type { Element } from 'xast';
import { attribute, child, squash, textOf } from './xml';

export class ConversionContext {
  private readonly warningCounts = new Map<string, number>();
  private readonly labels = new Set<string>();
  readonly definitions: FootnoteDefinition[] = [];
  /** `voetnoot` elements by id, for `voetref` references (older publications). */
  readonly voetnoten = new Map<string, Element>();
  /** Ids of `voetnoot` elements some `voetref` points at: those are placed by the reference, not where they stand. */
  readonly referencedVoetnoten = new Set<string>();
  /** Footnote scope: `''` in the stuk, `b1`, `b2`, … in its attachments (whose numbering restarts). */
  noteScope = '';

  /** Records a warning; the same text is reported once, with how often it happened. */
  warn(text: string): void {
    this.warningCounts.set(text, (this.warningCounts.get(text) ?? 0) + 1);
  }

  warnings(): string[] {
    return [...this.warningCounts].map(([text, n]) => (n > 1 ? `${text} (${n} times)` : text));
  }

  /** A label for a note numbered `nr` in the current scope, unique in the document (`2`, `b1-2`, `2-2`). */
  label(nr: string | undefined): string {
    const clean = (nr ?? '').replace(/[^0-9A-Za-z]+/g, '');
    const base = [this.noteScope, clean || String(this.definitions.length + 1)].filter(Boolean).join('-');
    let label = base;
    for (let n = 2; this.labels.has(label.toLowerCase()); n++) label = `${base}-${n}`;
    this.labels.add(label.toLowerCase());
    return label;
  }

  /** Collects the `voetnoot` targets of `voetref`s below `root`, once, before the walk. */
  indexVoetnoten(root: Element): void {
    const walk = (el: Element) => {
      for (const c of el.children) {
        if (c.type !== 'element') continue;
        if (c.name === 'voetnoot') {
          const id = attribute(c, 'id');
          if (id) this.voetnoten.set(id, c);
        } else if (c.name === 'voetref') {
          const ref = attribute(c, 'ref') ?? attribute(c, 'refid') ?? attribute(c, 'idref');
          if (ref) this.referencedVoetnoten.add(ref);
        }
        walk(c);
      }
    };
    walk(root);
  }
}

/** The number a note shows: `noot.nr` (or `nr` in older files). */
export function noteNumber(note: Element): string | undefined {
  const nr = child(note, 'noot.nr') ?? child(note, 'nr');
  return nr ? squash(textOf(nr)) : undefined;
}
