// KOOP XML as text and as a tree: bytes decoded by the encoding the file declares, parsed by a real XML parser
// (xast-util-from-xml over @rgrove/parse-xml), and small helpers to read elements without a DOM.
import type { Element, ElementContent, Root, RootContent } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { LetterError } from './errors';

/** An XML file as it came: bytes from the network or a file, or text already decoded. */
export type XmlInput = string | Uint8Array;

const DECLARATION = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

/** The encoding the bytes declare: a BOM first, then the XML declaration, else UTF-8 (the XML default). */
export function declaredEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  // The declaration is ASCII in every encoding KOOP uses, so reading its bytes as Latin-1 is safe.
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 200); i++) head += String.fromCharCode(bytes[i]);
  return DECLARATION.exec(head)?.[1].toLowerCase() ?? 'utf-8';
}

/** The text of an XML file: decoded by its declared encoding; bytes that are not valid in it are an error. */
export function decodeXml(input: XmlInput): string {
  if (typeof input === 'string') return input.replace(/^\ufeff/, '');
  const encoding = declaredEncoding(input);
  let decoder: { decode(bytes: Uint8Array): string };
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new LetterError('encoding', `the file declares the encoding '${encoding}', which cannot be decoded here`);
  }
  try {
    return decoder.decode(input).replace(/^\ufeff/, '');
  } catch {
    throw new LetterError('encoding', `the file is not valid ${encoding} text (it declares that encoding)`);
  }
}

/** Parses XML text; a truncated or broken file is an error with its line and column. */
export function parseXml(text: string, what = 'the publication'): Root {
  try {
    return fromXml(text);
  } catch (e) {
    const err = e as { cause?: unknown; line?: number; column?: number; message?: string };
    const cause = err.cause instanceof Error ? err.cause.message.split('\n')[0] : (err.message ?? String(e));
    const where = err.line ? ` (line ${err.line}, column ${err.column})` : '';
    throw new LetterError('malformed', `${what} is not well-formed XML${where}: ${cause}`);
  }
}

/** The first element of the document (its root). */
export function rootElement(root: Root): Element | undefined {
  return root.children.find((c: RootContent): c is Element => c.type === 'element');
}

export function isElement(node: ElementContent | RootContent | undefined, name?: string): node is Element {
  return node?.type === 'element' && (name === undefined || node.name === name);
}

/** Child elements, optionally only those with one of `names`. */
export function elements(parent: Element, ...names: string[]): Element[] {
  return parent.children.filter((c): c is Element => c.type === 'element' && (names.length === 0 || names.includes(c.name)));
}

export function child(parent: Element, name: string): Element | undefined {
  return parent.children.find((c): c is Element => c.type === 'element' && c.name === name);
}

/** The first descendant element named `name`, depth first. */
export function descendant(parent: Element, name: string): Element | undefined {
  for (const c of parent.children) {
    if (c.type !== 'element') continue;
    if (c.name === name) return c;
    const found = descendant(c, name);
    if (found) return found;
  }
  return undefined;
}

export function attribute(el: Element, name: string): string | undefined {
  const v = el.attributes[name];
  return v === undefined || v === null ? undefined : String(v);
}

/** All text below `el`, processing instructions and comments dropped (no space put in their place). */
export function textOf(el: Element | ElementContent): string {
  if (el.type === 'text' || el.type === 'cdata') return el.value;
  if (el.type !== 'element') return '';
  let s = '';
  for (const c of el.children) s += textOf(c);
  return s;
}

/** XML's own whitespace (space, tab, CR, LF); a no-break space is text, never squashed. */
export const XML_SPACE = /[ \t\r\n]+/g;

/** Whitespace runs as one space, trimmed: how XML text reads as a line. */
export function squash(text: string): string {
  return text.replace(XML_SPACE, ' ').replace(/^ | $/g, '');
}
