// The HTML mammoth makes of a DOCX -> mdast for the markdown writer: hast-util-to-mdast does the structure
// (headings, paragraphs, lists, tables, emphasis, links); what is mammoth's own is mapped here. Mammoth's writer
// escapes text and attributes and closes void elements (`<br />`), so its HTML is read as XML with the parser the
// KOOP route already has (saxes, xml.ts) instead of bundling an HTML parser; elements and text become hast.
// Mammoth writes a note reference as `<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>` and the notes
// as a last `<ol>` of `<li id="footnote-1">…<a href="#footnote-ref-1">↑</a></li>` (endnotes alike): they become GFM
// footnotes, numbered 1, 2, … in the order the text refers to them (a note never referred to comes last; a note
// referred to twice, which mammoth lists twice, is defined once).
import type { Element, ElementContent, Properties, Root as HastRoot, RootContent as HastContent } from 'hast';
import { defaultHandlers, toMdast, type Handle, type State } from 'hast-util-to-mdast';
import type { BlockContent, DefinitionContent, FootnoteDefinition, PhrasingContent, Root, RootContent } from 'mdast';
import type { Element as XmlElement, ElementContent as XmlContent } from 'xast';
import { parseXml, rootElement } from './xml';

const NOTE = /^#?((?:foot|end)note-(?:-?\d+))$/;
const BACK_LINK = /^#(?:foot|end)note-ref-/;
const SAFE_HREF = /^(?:https?:|mailto:)/i;

export interface DocxTree {
  tree: Root;
  /** Each kind of thing left out once (images, internal links). */
  warnings: string[];
}

export function docxHtmlToMdast(html: string): DocxTree {
  const hast = htmlAsHast(html);
  const labels = noteLabels(hast);
  const warnings = new Set<string>();
  const label = (key: string) => labels.get(key) ?? String(labels.size + 1);

  const noteReference: Handle = (state, node) => {
    const key = noteKey(node);
    if (key === undefined) return link(state, node);
    return { type: 'footnoteReference', identifier: label(key), label: label(key) };
  };
  const link = (state: State, node: Element) => {
    const href = typeof node.properties.href === 'string' ? node.properties.href : '';
    const children = state.all(node) as PhrasingContent[];
    if (SAFE_HREF.test(href)) return { type: 'link' as const, url: href, children };
    // A bookmark or cross-reference inside the document: its text stays, the link does not.
    if (href) warnings.add('links within the DOCX (cross-references, bookmarks) are kept as text');
    return children;
  };
  const list: Handle = (state, node) => {
    if (!isNoteList(node)) return defaultHandlers.ol(state, node);
    // A note referred to twice is listed twice by mammoth: one definition.
    const seen = new Set<string>();
    return noteItems(node)
      .filter(({ key }) => !seen.has(key) && !!seen.add(key))
      .map(({ key, item }) => definition(state, item, label(key)));
  };
  const plain: Handle = (state, node) => state.all(node);
  // A table cell holds one line of text in markdown: its paragraphs, lists and nested tables become inline text.
  const cell: Handle = (state, node) => {
    const flat = flattenCell(node.children, (what) => warnings.add(`${what} in table cells are kept as text on one line`));
    return node.tagName === 'th' ? defaultHandlers.th(state, { ...node, children: flat }) : defaultHandlers.td(state, { ...node, children: flat });
  };

  const tree = toMdast(hast, {
    handlers: {
      a: noteReference,
      ol: list,
      td: cell,
      th: cell,
      // The writer has no strikethrough: struck text stays as plain text.
      del: plain,
      s: plain,
      strike: plain,
      img: (_state, node) => {
        warnings.add('images are not imported (their alternative text is kept)');
        const alt = typeof node.properties.alt === 'string' ? node.properties.alt.trim() : '';
        return alt ? { type: 'text', value: `[${alt}]` } : undefined;
      },
    },
  }) as Root;
  // Definitions after the text, in label order (mammoth lists footnotes, then endnotes).
  const notes = tree.children.filter((n): n is FootnoteDefinition => n.type === 'footnoteDefinition');
  const body = tree.children.filter((n) => n.type !== 'footnoteDefinition');
  notes.sort((a, b) => Number(a.identifier) - Number(b.identifier));
  return { tree: { type: 'root', children: [...body, ...notes] as RootContent[] }, warnings: [...warnings] };
}

/** Elements that start a new block in a cell; their text is separated from what is around it. */
const CELL_BLOCKS = new Set(['p', 'div', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'td', 'th']);

/**
 * A cell's content as inline content: paragraphs separated by a space, list items and the rows of a nested table by
 * '; ', line breaks as spaces. `warn` is told of a list or a nested table (their structure is not kept).
 */
function flattenCell(nodes: ElementContent[], warn: (what: 'lists' | 'tables') => void): ElementContent[] {
  const parts: ElementContent[][] = [];
  let inline: ElementContent[] = [];
  const flush = () => {
    if (inline.some((n) => n.type !== 'text' || n.value.trim())) parts.push(inline);
    inline = [];
  };
  for (const node of nodes) {
    if (node.type === 'element' && node.tagName === 'br') inline.push({ type: 'text', value: ' ' });
    else if (node.type !== 'element' || !CELL_BLOCKS.has(node.tagName)) inline.push(node);
    else {
      flush();
      const items = node.tagName === 'ul' || node.tagName === 'ol' ? 'lists' : node.tagName === 'table' ? 'tables' : undefined;
      if (items) warn(items);
      const flat = items
        ? joined(
            rowsOrItems(node).map((c) => flattenCell(c.children, warn)),
            '; ',
          )
        : flattenCell(node.children, warn);
      if (flat.length) parts.push(flat);
    }
  }
  flush();
  return joined(parts, ' ');
}

/** The items of a list, or the rows of a table (inside thead/tbody too). */
function rowsOrItems(el: Element): Element[] {
  return el.children.flatMap((c): Element[] => {
    if (c.type !== 'element') return [];
    if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') return rowsOrItems(c);
    return [c];
  });
}

function joined(parts: ElementContent[][], separator: string): ElementContent[] {
  return parts.filter((p) => p.length).flatMap((p, i) => (i ? [{ type: 'text' as const, value: separator }, ...p] : p));
}

/** A note's definition: its paragraphs without mammoth's back link (`↑`). */
function definition(state: State, item: Element, label: string): FootnoteDefinition {
  const content = { ...item, children: item.children.map(withoutBackLink) };
  const flow = state.toFlow(state.all(content)) as (BlockContent | DefinitionContent)[];
  return { type: 'footnoteDefinition', identifier: label, label, children: flow };
}

function withoutBackLink(node: ElementContent): ElementContent {
  if (node.type !== 'element') return node;
  if (node.tagName === 'a' && typeof node.properties.href === 'string' && BACK_LINK.test(node.properties.href)) {
    return { type: 'text', value: '' };
  }
  return { ...node, children: node.children.map(withoutBackLink) };
}

/** The key (`footnote-3`) a note reference points to; undefined for any other link. */
function noteKey(a: Element): string | undefined {
  const href = typeof a.properties.href === 'string' ? a.properties.href : '';
  const id = typeof a.properties.id === 'string' ? a.properties.id : '';
  const m = NOTE.exec(href);
  return m && /^(?:foot|end)note-ref-/.test(id) ? m[1] : undefined;
}

/** An `<ol>` whose items are all notes (`<li id="footnote-1">`). */
function isNoteList(ol: Element): boolean {
  const items = ol.children.filter((c): c is Element => c.type === 'element');
  return items.length > 0 && items.every((li) => li.tagName === 'li' && typeof li.properties.id === 'string' && NOTE.test(li.properties.id));
}

function noteItems(ol: Element): { key: string; item: Element }[] {
  return ol.children.filter((c): c is Element => c.type === 'element').map((item) => ({ key: NOTE.exec(String(item.properties.id))![1], item }));
}

/** Labels 1, 2, … by the order of first reference in the text; notes never referred to follow in their own order. */
function noteLabels(root: HastRoot): Map<string, string> {
  const labels = new Map<string, string>();
  const visit = (n: HastRoot | HastContent) => {
    if (n.type === 'element') {
      if (n.tagName === 'a') {
        const key = noteKey(n);
        if (key && !labels.has(key)) labels.set(key, String(labels.size + 1));
      }
      if (n.tagName === 'ol' && isNoteList(n)) {
        for (const { key } of noteItems(n)) if (!labels.has(key)) labels.set(key, `u${key}`);
        return;
      }
    }
    if ('children' in n) for (const c of n.children) visit(c);
  };
  visit(root);
  // Unreferenced notes numbered after the referenced ones.
  let next = [...labels.values()].filter((v) => !v.startsWith('u')).length;
  for (const [k, v] of labels) if (v.startsWith('u')) labels.set(k, String(++next));
  return labels;
}

/** Mammoth's HTML (well-formed XML, see above) as a hast fragment: elements with their attributes, and text. */
function htmlAsHast(html: string): HastRoot {
  const root = rootElement(parseXml(`<docx-html>${html}</docx-html>`, "mammoth's HTML of the DOCX"));
  return { type: 'root', children: (root?.children ?? []).map(toHast).filter((n): n is ElementContent => !!n) };
}

function toHast(node: XmlContent): ElementContent | undefined {
  if (node.type === 'text' || node.type === 'cdata') return { type: 'text', value: node.value };
  if (node.type !== 'element') return undefined;
  return {
    type: 'element',
    tagName: node.name.toLowerCase(),
    properties: properties(node),
    children: node.children.map(toHast).filter((n): n is ElementContent => !!n),
  };
}

/** Attributes as hast properties: the two numeric ones tables use under their hast names, the rest as text. */
function properties(el: XmlElement): Properties {
  const out: Properties = {};
  for (const [name, value] of Object.entries(el.attributes)) {
    if (value === undefined || value === null) continue;
    if (name === 'colspan' || name === 'rowspan') {
      const n = Number(value);
      if (Number.isInteger(n) && n > 0) out[name === 'colspan' ? 'colSpan' : 'rowSpan'] = n;
    } else out[name] = String(value);
  }
  return out;
}
