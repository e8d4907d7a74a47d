// A DOCX the Tweede Kamer API serves (letters KOOP has not published yet) -> the same markdown letter as the KOOP
// route: mammoth reads the Word structure (headings by style, numbered and bulleted lists by numbering, tables,
// footnotes and endnotes, bold and italic, links) into HTML, docx-mdast maps that to mdast, and the letters'
// markdown writer writes it. The front matter says `source: tweedekamer-docx`, so a later KOOP import replaces it.
// Pure and deterministic. The DOCX reader is injected: `mammothToHtml` (docx-mammoth.ts) is kept out of this module
// and the letters index, because mammoth's bundled code names Node globals (Buffer, process) on paths the import
// never takes, which the web extension's bundle rule forbids; it does read from bytes in a worker.
import type { DocumentMetadata } from '../metadata/model';
import { docxHtmlToMdast } from './docx-mdast';
import { LetterError } from './errors';
import { DEFAULT_MAX_BYTES } from './koop-http';
import { frontMatterOf } from './front-matter-writer';
import { writeMarkdown } from './markdown-writer';
import type { Conversion } from './publication';

/** The `source:` of a letter converted from the Tweede Kamer's DOCX. */
export const DOCX_SOURCE = 'tweedekamer-docx';

/** DOCX bytes -> HTML (mammoth's shape, see docx-mdast.ts) and the reader's messages. */
export type DocxToHtml = (bytes: Uint8Array) => Promise<{ html: string; messages: string[] }>;

export interface DocxOptions {
  /** `mammothToHtml` from docx-mammoth.ts, or a stand-in in tests. */
  toHtml: DocxToHtml;
  /** The most bytes the zip's files may unpack to (default: the download limit, DEFAULT_MAX_BYTES). */
  maxBytes?: number;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Mammoth's message for a style it has no mapping for: one warning lists them all. */
const UNKNOWN_STYLE = /^Unrecognised (?:paragraph|run|table) style: '(.*)' \(Style ID: .*\)$/;

/**
 * The letter of `meta` (its id, title, soort, date, dossier, signatories from the OData Document) with the text of
 * the DOCX `bytes`. A file that is not a readable Word document is a `malformed` LetterError.
 */
export async function convertDocx(bytes: Uint8Array, meta: DocumentMetadata, options: DocxOptions): Promise<Conversion> {
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
    throw new LetterError('malformed', `not a DOCX file: it does not start as a zip archive (${describeStart(bytes)})`);
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const unpacked = unpackedSize(bytes);
  if (unpacked !== undefined && unpacked > maxBytes) {
    // A small zip can unpack to gigabytes (a zip bomb): refused before the reader unpacks anything.
    throw new LetterError('too-large', `the DOCX unpacks to ${unpacked} bytes, more than the limit of ${maxBytes} bytes; it was not read`);
  }
  let converted: { html: string; messages: string[] };
  try {
    converted = await options.toHtml(bytes);
  } catch (e) {
    throw new LetterError('malformed', `the DOCX could not be read (a damaged or incomplete file?): ${e instanceof Error ? e.message : String(e)}`);
  }
  const { tree, warnings } = docxHtmlToMdast(converted.html);
  const all = new Set<string>(warnings);
  const styles = new Set<string>();
  for (const m of converted.messages) {
    const style = UNKNOWN_STYLE.exec(m);
    if (style) styles.add(style[1]);
    else all.add(`DOCX: ${m}`);
  }
  if (styles.size) all.add(`Word styles read as plain text (no heading or list): ${[...styles].sort().join(', ')}`);
  if (tree.children.length === 0) all.add('the DOCX has no text');
  const markdown = `${frontMatterOf(meta, DOCX_SOURCE)}\n${tree.children.length ? writeMarkdown(tree) : ''}`;
  return { id: meta.id, markdown, metadata: meta, warnings: [...all].sort() };
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** A 32-bit size field set to this means the real size is in a ZIP64 record: counted as more than any limit. */
const ZIP64_MARK = 0xffffffff;

/**
 * The total of the uncompressed sizes the zip's central directory states for its files; undefined when there is no
 * readable directory (the reader then refuses the file as damaged).
 */
export function unpackedSize(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (entries === 0xffff || at === ZIP64_MARK) return Number.POSITIVE_INFINITY;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) return undefined;
    const size = view.getUint32(at + 24, true);
    total += size === ZIP64_MARK ? Number.POSITIVE_INFINITY : size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

function describeStart(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'it is empty';
  let s = '';
  for (let i = 0; i < Math.min(bytes.length, 16); i++) s += bytes[i] >= 0x20 && bytes[i] < 0x7f ? String.fromCharCode(bytes[i]) : '.';
  return `it starts with '${s}'`;
}
