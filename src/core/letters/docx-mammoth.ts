// The DOCX reader for convertDocx: mammoth (headings by paragraph style, lists by numbering, tables, footnotes and
// endnotes, bold and italic, links) to HTML, from bytes. Not exported from the letters index: mammoth's code names
// Node globals (Buffer, process, setImmediate) on paths this use never takes (images read as Buffer, its unhandled
// promise handler), and the web extension's bundle forbids any (test/unit/architecture/web-bundle.test.ts). It runs
// in a worker-like context from bytes all the same (test/unit/letters/docx-browser.test.ts): its `browser` field
// replaces the file-system parts. The CLI imports it directly; the editor can where its build allows.
import mammoth from 'mammoth';
import type { DocxToHtml } from './docx';

/** Dutch Word names its heading styles `Kop 1` … in templates that define their own (mammoth knows `Heading 1`). */
const DUTCH_HEADINGS = [1, 2, 3, 4, 5, 6].map((n) => `p[style-name='Kop ${n}'] => h${n}:fresh`);

/** Mammoth with images left out unread (no base64 in the letter), empty paragraphs dropped, Dutch heading names. */
export const mammothToHtml: DocxToHtml = async (bytes) => {
  // Node's build reads `buffer`, the browser build `arrayBuffer`; JSZip takes a Uint8Array for either.
  const input = { buffer: bytes, arrayBuffer: bytes } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  const result = await mammoth.convertToHtml(input, {
    convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
    ignoreEmptyParagraphs: true,
    styleMap: DUTCH_HEADINGS,
  });
  return { html: result.value, messages: result.messages.map((m) => m.message) };
};
