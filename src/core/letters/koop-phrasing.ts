// Inline KOOP XML -> mdast phrasing: text, emphasis (`nadruk`), links (`extref`), footnote references (`noot`,
// `voetnoot`, `voetref`). Processing instructions and comments are dropped without a space in their place; XML
// whitespace is read as one space; unknown elements keep their text and are reported.
import type { Link, PhrasingContent, Text } from 'mdast';
import type { Element, ElementContent } from 'xast';
import { extrefUrl } from './koop-links';
import { XML_SPACE, attribute } from './xml';

/** What phrasing needs from the converter: footnotes (their definitions are flow) and warnings. */
export interface PhrasingHost {
  footnote(note: Element): PhrasingContent[];
  voetref(ref: Element): PhrasingContent[];
  warn(text: string): void;
}

/** Elements read as their text, with no mark of their own. */
const TRANSPARENT = new Set([
  'al',
  'datum',
  'nr',
  'titel',
  'label',
  'ondernummer',
  'dossiernr',
  'dossiernummer',
  'functie',
  'naam',
  'voornaam',
  'tussenvoegsel',
  'achternaam',
  'intref',
  'sup',
  'sub',
  'inf',
  'li.nr',
  'tekstregel',
  'kamervraagnummer',
  'kamervraagonderwerp',
  'kamervraagomschrijving',
  'aanhangselnummer',
  'stuknr',
]);

/** The phrasing content of `el`'s children, tidied (see `tidy`). */
export function phrasing(el: Element, host: PhrasingHost): PhrasingContent[] {
  return tidy(inline(el.children, host));
}

/** Raw phrasing of nodes: text as written (spaces still to tidy). */
export function inline(nodes: readonly ElementContent[], host: PhrasingHost): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'cdata') out.push({ type: 'text', value: node.value });
    else if (node.type === 'element') out.push(...element(node, host));
    // instructions and comments: nothing, not even a space
  }
  return out;
}

function element(el: Element, host: PhrasingHost): PhrasingContent[] {
  const inner = () => inline(el.children, host);
  switch (el.name) {
    case 'nadruk':
      return emphasis(attribute(el, 'type'), inner());
    case 'extref': {
      const url = extrefUrl(attribute(el, 'doc'), attribute(el, 'soort'));
      if (!url) {
        host.warn('a link (extref) to an unknown kind of target is kept as text');
        return inner();
      }
      const link: Link = { type: 'link', url, children: inner() };
      return [link];
    }
    case 'noot':
      return host.footnote(el);
    case 'voetnoot':
      return host.footnote(el);
    case 'voetref':
      return host.voetref(el);
    case 'br':
      return [{ type: 'text', value: ' ' }];
    default:
      if (!TRANSPARENT.has(el.name)) host.warn(`unknown element <${el.name}>: its text is kept`);
      return inner();
  }
}

/** `vet` bold, `cur` italic, `vetcur` both; other kinds (`onder`, `kap`, …) have no markdown and stay text. */
function emphasis(type: string | undefined, children: PhrasingContent[]): PhrasingContent[] {
  switch (type) {
    case 'vet':
      return [{ type: 'strong', children }];
    case 'cur':
      return [{ type: 'emphasis', children }];
    case 'vetcur':
      return [{ type: 'strong', children: [{ type: 'emphasis', children }] }];
    default:
      return children;
  }
}

type Parent = Extract<PhrasingContent, { children: unknown }>;
const hasChildren = (n: PhrasingContent): n is Parent => 'children' in n;

/**
 * Tidies phrasing: adjacent text merged, XML whitespace runs as one space, spaces at the edges of emphasis and
 * links moved outside them (markdown needs `*x* y`, not `*x *y`), no space before a footnote reference, empty
 * marks dropped, and the whole trimmed.
 */
export function tidy(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = tidied(nodes);
  trimEdge(out, 'start');
  trimEdge(out, 'end');
  return out.filter((n) => !(n.type === 'text' && n.value === ''));
}

/**
 * `nodes` tidied, each added as it comes: text (a new node, never the one given) with XML whitespace as one space
 * and merged into the text before it, no space right before a footnote reference, marks tidied inside.
 */
function tidied(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    if (node.type === 'text') addText(out, node.value.replace(XML_SPACE, ' '));
    else if (hasChildren(node)) {
      for (const n of tidyMark(node)) {
        if (n.type === 'text') addText(out, n.value);
        else out.push(n);
      }
    } else {
      const last = out[out.length - 1];
      if (node.type === 'footnoteReference' && last?.type === 'text') last.value = last.value.replace(/ +$/, '');
      out.push(node);
    }
  }
  return out;
}

/** Adds text with no two spaces in a row to `out`, merged with the text before it (one space where they meet). */
function addText(out: PhrasingContent[], value: string): void {
  const last = out[out.length - 1];
  if (last?.type !== 'text') out.push({ type: 'text', value });
  else last.value = last.value.endsWith(' ') && value.startsWith(' ') ? last.value + value.slice(1) : last.value + value;
}

/** A mark (emphasis, link) with its children tidied and the spaces at its edges moved outside it; empty marks go. */
function tidyMark(node: Parent): PhrasingContent[] {
  const children = tidied(node.children as PhrasingContent[]);
  const before = trimEdge(children, 'start');
  const after = trimEdge(children, 'end');
  const kept = children.filter((n) => !(n.type === 'text' && n.value === ''));
  if (kept.length === 0) return before || after ? [space()] : [];
  const copy = { ...node, children: kept } as PhrasingContent;
  return before ? (after ? [space(), copy, space()] : [space(), copy]) : after ? [copy, space()] : [copy];
}

const space = (): Text => ({ type: 'text', value: ' ' });

/** Removes the space at one edge of `nodes` (descending into marks); true when there was one. */
function trimEdge(nodes: PhrasingContent[], edge: 'start' | 'end'): boolean {
  const node = edge === 'start' ? nodes[0] : nodes[nodes.length - 1];
  if (!node) return false;
  if (node.type === 'text') {
    const trimmed = edge === 'start' ? node.value.replace(/^ +/, '') : node.value.replace(/ +$/, '');
    const had = trimmed !== node.value;
    node.value = trimmed;
    if (trimmed === '' && nodes.length > 1) {
      if (edge === 'start') nodes.shift();
      else nodes.pop();
      return trimEdge(nodes, edge) || had;
    }
    return had;
  }
  return false;
}
