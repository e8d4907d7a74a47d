// Reading a clean team catalog fast. The yaml library composes a Document (positions for messages, comments for
// writing back) at about 2 MB/s: a catalog of 50,000 documents took 2.7 s. js-yaml loads plain values about ten
// times faster with the same YAML 1.2 core schema (`0o17`, `0x1F` numbers; `0b101`, `1_000`, `yes` strings;
// no dates). A catalog is read that way first; when the reading finds anything to report — a syntax error, a
// repeated key, an alias, a field of the wrong type — the catalog is read again as a Document, so that every
// message has its line and column.
import { CORE_SCHEMA, load } from 'js-yaml';

export type PlainReading = { ok: true; value: unknown } | { ok: false };

/** The catalog's values, or not ok where only the Document reading can say what is wrong (or may differ). */
export function loadPlainCatalog(text: string): PlainReading {
  if (!text.trim()) return { ok: true, value: null };
  // A directive (`%YAML 1.1`) changes how yaml reads scalars; js-yaml's core schema would read them otherwise.
  if (/^%/m.test(text)) return { ok: false };
  try {
    // No aliases (the Document reading bounds their expansion); repeated keys throw (the default).
    return { ok: true, value: load(text, { schema: CORE_SCHEMA, maxAliases: 0 }) };
  } catch {
    return { ok: false };
  }
}

/** A key a plain object would not keep in the order of the file (array indices come first), or would not keep. */
export const keyOutOfOrder = (key: string): boolean => key === '__proto__' || /^(?:0|[1-9][0-9]{0,9})$/.test(key);
