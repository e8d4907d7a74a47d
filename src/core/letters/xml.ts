// KOOP XML as text and as a tree: bytes decoded by the encoding the file declares, parsed by a real XML parser
// (saxes, a strict SAX parser, into an xast tree), and small helpers to read elements without a DOM.
import { SaxesParser } from 'saxes';
import type { Element, ElementContent, Root, RootContent } from 'xast';
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

/**
 * saxes building an xast tree: elements (name, attributes, children), text (entities decoded), cdata, comments,
 * processing instructions (the XML declaration as an `xml` instruction) and the doctype, without positions. Every
 * handler is set while the parser is constructed: handlers added one by one afterwards leave the parser's
 * properties in V8's slow dictionary mode, which makes parsing a large publication two to three times slower.
 */
class TreeBuilder extends SaxesParser<{ xmlns: false; position: true }> {
  readonly root: Root = { type: 'root', children: [] };
  private readonly open: (Root | Element)[] = [this.root];
  private parent: Root | Element = this.root;

  constructor() {
    super({ xmlns: false, position: true });
    this.on('xmldecl', (decl) => {
      const parts: string[] = [];
      if (decl.version) parts.push(`version="${decl.version}"`);
      if (decl.encoding) parts.push(`encoding="${decl.encoding}"`);
      if (decl.standalone) parts.push(`standalone="${decl.standalone}"`);
      this.add({ type: 'instruction', name: 'xml', value: parts.join(' ') });
    });
    this.on('doctype', (doctype) => this.add({ type: 'doctype', name: /^\s*([^\s[>]+)/.exec(doctype)?.[1] ?? '' }));
    this.on('opentag', (tag) => {
      const el: Element = { type: 'element', name: tag.name, attributes: { ...tag.attributes }, children: [] };
      this.add(el);
      this.open.push(el);
      this.parent = el;
    });
    this.on('closetag', () => {
      this.open.pop();
      this.parent = this.open[this.open.length - 1];
    });
    this.on('text', (value) => {
      if (this.parent !== this.root) this.add({ type: 'text', value }); // outside the root element only whitespace stands
    });
    this.on('cdata', (value) => this.add({ type: 'cdata', value }));
    this.on('comment', (value) => this.add({ type: 'comment', value }));
    this.on('processinginstruction', (pi) => this.add({ type: 'instruction', name: pi.target, value: pi.body }));
  }

  /** The element still open at the end of the input, if any (a truncated file). */
  unclosed(): Element | undefined {
    return this.parent.type === 'element' ? this.parent : undefined;
  }

  private add(node: RootContent): void {
    (this.parent.children as RootContent[]).push(node);
  }
}

/** Parses XML text into xast (see TreeBuilder); a truncated or broken file is an error with its line and column. */
export function parseXml(text: string, what = 'the publication'): Root {
  const parser = new TreeBuilder();
  // saxes reports `line:column: message`; its column is that of the last character read.
  const step = (run: () => void) => {
    try {
      run();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const at = /^(\d+):(\d+): ([^]*)$/.exec(message);
      throw at ? broken(Number(at[1]), Number(at[2]), at[3]) : new LetterError('malformed', `${what} is not well-formed XML: ${message.split('\n')[0]}`);
    }
  };
  const broken = (line: number, column: number, detail: string) =>
    new LetterError('malformed', `${what} is not well-formed XML (line ${line}, column ${Math.max(column, 1)}): ${detail.split('\n')[0]}`);
  step(() => parser.write(text));
  const last = parser.unclosed();
  if (last) {
    // Truncated: at the text's last character (saxes would say where the input ends, past any trailing newline).
    const end = text.trimEnd();
    throw broken(end.split('\n').length, end.length - end.lastIndexOf('\n') - 1, `the file ends before <${last.name}> is closed`);
  }
  step(() => parser.close());
  return parser.root;
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
