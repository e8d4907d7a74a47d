// Block-level KOOP XML -> mdast: the head of a kamerstuk (kamerstukkop, dossier, stuknr and titel), paragraphs,
// headings (`divisie/kop`, `tussenkop`), lists with their literal markers, tables, signatures, attachments
// (`bijlage`, with footnote labels of their own), Kamervragen (`vraag`/`antwoord`) and footnote definitions.
// Unknown elements keep their text and are reported once.
import type { BlockContent, FootnoteDefinition, Heading, List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { Element, ElementContent } from 'xast';
import { ConversionContext, noteNumber } from './koop-context';
import { divisieDepth, MAX_DEPTH, TOP, tussenkopDepths, type SectionDepth } from './koop-headings';
import { inline, tidy, type PhrasingHost } from './koop-phrasing';
import { tables } from './koop-table';
import { attribute, child, elements, isElement, squash, textOf } from './xml';

/** Elements that are read as inline content when they stand among blocks (a run of them becomes a paragraph). */
const INLINE = new Set(['nadruk', 'extref', 'intref', 'noot', 'voetref', 'datum', 'sup', 'sub', 'inf']);

/** Containers whose children are read in order, with no mark of their own. */
const WRAPPERS = new Set([
  'officiele-publicatie',
  'kamerstuk',
  'algemeen',
  'vrije-tekst',
  'tekst',
  'tekst-sluiting',
  'al-groep',
  'aanhangsel',
  'kamervragen',
  'adres',
  'aanhef',
  'slotformule',
  'brief',
]);

/** Paragraph-like elements: one paragraph of their text. */
const PARAGRAPHS = new Set(['al', 'datumtekst', 'dagtekening', 'aanhangselnummer']);

/** Elements with no text to keep. */
const EMPTY = new Set(['witregel', 'witreg', 'metadata', 'colspec']);

/** Element names this converter treats as blocks (an unknown element holding one is read as a container). */
const BLOCKS = new Set([
  ...WRAPPERS,
  ...PARAGRAPHS,
  'tussenkop',
  'tuskop',
  'kop',
  'divisie',
  'lijst',
  'table',
  'ondertekening',
  'ondtek',
  'citaat',
  'stuk',
  'bijlage',
  'vraag',
  'antwoord',
]);

const BULLETS = new Set(['', '–', '-', '—', '•', '·', '*', '▪', '◦', 'o', '○']);

const space = (): PhrasingContent => ({ type: 'text', value: ' ' });

export class KoopWriter implements PhrasingHost {
  private bijlagen = 0;

  constructor(readonly ctx: ConversionContext) {}

  warn(text: string): void {
    this.ctx.warn(text);
  }

  /** The blocks of `container`'s children (except those named in `skip`), in order. */
  flow(container: Element, depth: SectionDepth, skip: ReadonlySet<string> = new Set()): RootContent[] {
    const out: RootContent[] = [];
    const koppen = tussenkopDepths(container, depth);
    let run: ElementContent[] = [];
    const flush = () => {
      if (run.length) out.push(...this.paragraphOf(run));
      run = [];
    };
    for (const c of container.children) {
      if (c.type === 'text' || c.type === 'cdata') {
        if (run.length || /[^ \t\r\n]/.test(c.value)) run.push(c);
      } else if (c.type === 'element' && !skip.has(c.name)) {
        if (INLINE.has(c.name) || (c.name === 'voetnoot' && !this.placedElsewhere(c))) run.push(c);
        else {
          flush();
          out.push(...this.block(c, depth, koppen));
        }
      }
    }
    flush();
    return out;
  }

  private block(el: Element, depth: SectionDepth, koppen: Map<Element, number>): RootContent[] {
    const name = el.name;
    if (WRAPPERS.has(name)) return this.flow(el, depth);
    if (PARAGRAPHS.has(name)) return this.paragraphOf(el.children);
    if (EMPTY.has(name)) return [];
    switch (name) {
      case 'tussenkop':
      case 'tuskop':
        return this.heading(koppen.get(el) ?? depth.current + 1, this.spaced(el));
      case 'kop':
        return this.heading(Math.min(depth.current + 1, MAX_DEPTH), this.spaced(el));
      case 'divisie':
        return this.divisie(el, depth);
      case 'lijst':
        return this.list(el, depth);
      case 'table':
        return tables(el, this, (titel) => this.paragraphOf(titel.children));
      case 'ondertekening':
      case 'ondtek':
        return this.lines(elements(el).map((line) => this.spaced(line)));
      case 'citaat':
        return [{ type: 'blockquote', children: this.flow(el, depth) as BlockContent[] }];
      case 'kamerstukkop':
        return this.kamerstukkop(el);
      case 'dossier':
        return this.lines([this.spaced(el)]);
      case 'stuk':
        return this.stuk(el);
      case 'bijlage':
        return this.bijlage(el);
      case 'kamervraagkop':
        return this.kamervraagkop(el);
      case 'vraag':
      case 'antwoord':
        return this.questionOrAnswer(el);
      case 'voetnoot':
        return []; // placed where its voetref is
      default:
        this.warn(`unknown element <${name}>: its text is kept`);
        return elements(el).some((c) => BLOCKS.has(c.name)) ? this.flow(el, depth) : this.paragraphOf(el.children);
    }
  }

  /** A paragraph of inline nodes; nothing when they hold no text. */
  private paragraphOf(nodes: readonly ElementContent[]): Paragraph[] {
    const children = tidy(inline(nodes, this));
    return children.length ? [{ type: 'paragraph', children }] : [];
  }

  private heading(depth: number, children: PhrasingContent[]): Heading[] {
    return children.length ? [{ type: 'heading', depth: depth as Heading['depth'], children }] : [];
  }

  /** Inline content of `el` with a space between its child elements (`nr` and `titel`, `voornaam` and `achternaam`). */
  private spaced(el: Element): PhrasingContent[] {
    const parts = el.children.flatMap((c): PhrasingContent[] =>
      c.type === 'element' && !INLINE.has(c.name) ? [space(), ...this.spacedInner(c), space()] : inline([c], this),
    );
    return tidy(parts);
  }

  private spacedInner(el: Element): PhrasingContent[] {
    return el.name === 'naam' || el.name === 'dossiernummer' || el.name === 'stuknr' ? this.spaced(el) : inline(el.children, this);
  }

  /** One paragraph of lines (a signature: function and name; the head of the stuk). */
  private lines(lines: PhrasingContent[][]): Paragraph[] {
    const children: PhrasingContent[] = [];
    for (const line of lines.filter((l) => l.length)) {
      if (children.length) children.push({ type: 'text', value: '\n' });
      children.push(...line);
    }
    return children.length ? [{ type: 'paragraph', children }] : [];
  }

  /** `Tweede Kamer der Staten-Generaal 2` / `Vergaderjaar 2023-2024`: one line per tekstregel, the kamer number beside the kamer. */
  private kamerstukkop(el: Element): Paragraph[] {
    const lines: PhrasingContent[][] = [];
    for (const regel of elements(el)) {
      const line = tidy(inline(regel.children, this));
      if (attribute(regel, 'inhoud') === 'kamernummer' && lines.length) lines[lines.length - 1].push(space(), ...line);
      else lines.push(line);
    }
    return this.lines(lines.map((l) => tidy(l)));
  }

  /** The title of the stuk (`Nr. 716 BRIEF VAN …`) as the one level-1 heading, then its body. */
  private stuk(el: Element): RootContent[] {
    const title = tidy([...this.spacedChild(el, 'stuknr'), space(), ...this.spacedChild(el, 'titel')]);
    return [...this.heading(1, title), ...this.flow(el, TOP, new Set(['stuknr', 'titel']))];
  }

  private spacedChild(el: Element, name: string): PhrasingContent[] {
    const c = child(el, name);
    return c ? this.spaced(c) : [];
  }

  private divisie(el: Element, outer: SectionDepth): RootContent[] {
    const kop = child(el, 'kop');
    const nr = kop ? child(kop, 'nr') : undefined;
    const depth = kop ? divisieDepth(outer, nr ? squash(textOf(nr)) : undefined) : outer;
    return [...(kop ? this.heading(depth.current, this.spaced(kop)) : []), ...this.flow(el, depth, new Set(['kop']))];
  }

  /** An attachment: its own heading (`kop` or `titel`) and footnote labels of its own (its numbering restarts). */
  private bijlage(el: Element): RootContent[] {
    const scope = this.ctx.noteScope;
    this.ctx.noteScope = `b${++this.bijlagen}`;
    try {
      const kop = child(el, 'kop') ?? child(el, 'titel');
      const depth = kop ? divisieDepth(TOP, undefined) : TOP;
      return [...(kop ? this.heading(depth.current, this.spaced(kop)) : []), ...this.flow(el, depth, new Set(['kop', 'titel']))];
    } finally {
      this.ctx.noteScope = scope;
    }
  }

  /** The head of Kamervragen: number and description as paragraphs, the subject as the title. */
  private kamervraagkop(el: Element): RootContent[] {
    const onderwerp = child(el, 'kamervraagonderwerp');
    const out: RootContent[] = [];
    for (const c of elements(el)) {
      if (c.name === 'kamervraagonderwerp' || (!onderwerp && c.name === 'kamervraagomschrijving')) out.push(...this.heading(1, tidy(inline(c.children, this))));
      else if (c.name === 'kamervraagnummer' || c.name === 'kamervraagomschrijving') out.push(...this.paragraphOf(c.children));
      else out.push(...this.block(c, TOP, new Map()));
    }
    return out;
  }

  /** `Vraag 1` / `Antwoord 1` as a heading, then the question's or answer's text. */
  private questionOrAnswer(el: Element): RootContent[] {
    const nr = child(el, 'nr');
    const label = nr ? tidy(inline(nr.children, this)) : [{ type: 'text', value: el.name === 'vraag' ? 'Vraag' : 'Antwoord' } as PhrasingContent];
    const depth = divisieDepth(TOP, undefined);
    return [...this.heading(depth.current, label), ...this.flow(el, depth, new Set(['nr']))];
  }

  private list(el: Element, depth: SectionDepth): RootContent[] {
    const items = elements(el, 'li');
    const markers = items.map((li) => {
      const nr = child(li, 'li.nr');
      return nr ? squash(textOf(nr)) : '';
    });
    const style = listStyle(markers);
    const listItems = items.map((li, i): ListItem => {
      const children = this.flow(li, depth, new Set(['li.nr'])) as BlockContent[];
      if (style.kind === 'literal' && markers[i]) {
        const marker: PhrasingContent = { type: 'text', value: `${markers[i]} ` };
        const first = children[0];
        if (first?.type === 'paragraph') first.children.unshift(marker);
        else children.unshift({ type: 'paragraph', children: [{ type: 'text', value: markers[i] }] });
      }
      return { type: 'listItem', spread: children.filter((c) => c.type !== 'list').length > 1, children };
    });
    const before = this.flow(el, depth, new Set(['li']));
    if (listItems.length === 0) return before;
    const list: List = { type: 'list', ordered: style.kind === 'ordered', spread: listItems.some((i) => i.spread), children: listItems };
    if (style.kind === 'ordered') list.start = style.start;
    return [...before, list];
  }

  // --- footnotes (PhrasingHost) ---

  footnote(note: Element): PhrasingContent[] {
    const label = this.ctx.label(noteNumber(note));
    const definition: FootnoteDefinition = { type: 'footnoteDefinition', identifier: label.toLowerCase(), label, children: this.noteBody(note) };
    this.ctx.definitions.push(definition);
    return [{ type: 'footnoteReference', identifier: definition.identifier, label }];
  }

  voetref(ref: Element): PhrasingContent[] {
    const id = attribute(ref, 'ref') ?? attribute(ref, 'refid') ?? attribute(ref, 'idref');
    const note = id ? this.ctx.voetnoten.get(id) : undefined;
    if (note) return this.footnote(note);
    this.warn('a footnote reference (voetref) without its footnote is kept as text');
    return inline(ref.children, this);
  }

  private placedElsewhere(voetnoot: Element): boolean {
    const id = attribute(voetnoot, 'id');
    return !!id && this.ctx.referencedVoetnoten.has(id);
  }

  /** A note's paragraphs (`noot.al`, `al`) and any other blocks in it; never empty. */
  private noteBody(note: Element): BlockContent[] {
    const body = note.children.flatMap((c): RootContent[] => {
      if (!isElement(c)) return c.type === 'text' && /[^ \t\r\n]/.test(c.value) ? this.paragraphOf([c]) : [];
      if (c.name === 'noot.nr' || c.name === 'nr') return [];
      if (c.name === 'noot.al' || c.name === 'al') return this.paragraphOf(c.children);
      if (c.name === 'noot.lijst') return this.list(c, TOP);
      return this.block(c, TOP, new Map());
    }) as BlockContent[];
    return body.length ? body : [{ type: 'paragraph', children: [] }];
  }
}

type ListStyle = { kind: 'bullet' } | { kind: 'ordered'; start: number } | { kind: 'literal' };

/**
 * How a list is written: dashes and bullets as a markdown bullet list; `1.`, `2.`, … in sequence as an ordered
 * list; any other markers (`a.`, `1°`, `1)`, a gap in the numbers) kept literally in a bullet list (`- a. …`).
 */
export function listStyle(markers: readonly string[]): ListStyle {
  if (markers.every((m) => BULLETS.has(m))) return { kind: 'bullet' };
  const numbers = markers.map((m) => /^(\d{1,9})\.$/.exec(m)?.[1]);
  if (numbers.every((n) => n !== undefined)) {
    const start = Number(numbers[0]);
    if (numbers.every((n, i) => Number(n) === start + i)) return { kind: 'ordered', start };
  }
  return { kind: 'literal' };
}
