// Which version of its letter an annotation file's anchors were made on: `document.hash`, the git blob id of the
// letter's text (what `git hash-object` prints for the file), so the CLI gets that text back with
// `git cat-file blob <hash>` and the editor finds it in git, in the import's kept versions or in its own memory.
// Anchoring through the diff of that text to the current one (history-anchor.ts) keeps tags on their own text.
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { AnchorResult } from './anchor';
import { LetterSource } from './letter-source';

/** A git blob id: 40 lowercase hex digits. */
export const LETTER_HASH_PATTERN = /^[0-9a-f]{40}$/;

/**
 * The git blob id of a letter's text as annotations address it — UTF-8, LF line endings, no byte order mark —
 * which is what git stores for a text file (core.autocrlf converts CRLF working copies to it), so the id is the
 * same in a CRLF and an LF checkout, in the editor (whose documents drop the BOM) and in the CLI.
 */
export function letterHash(text: string): string {
  const body = new TextEncoder().encode(new LetterSource(text).text);
  const head = new TextEncoder().encode(`blob ${body.length}\0`);
  const bytes = new Uint8Array(head.length + body.length);
  bytes.set(head);
  bytes.set(body, head.length);
  return bytesToHex(sha1(bytes));
}

/** Where kept versions of an imported letter live, relative to its folder: `.versions/<letter name>/<hash>.md`. */
export const KEPT_VERSIONS_FOLDER = '.versions';

/** The path of a kept version of a letter, relative to the letter's folder. */
export function keptVersionPath(letterFileName: string, hash: string): string {
  const name = letterFileName.replace(/\.[^./\\]*$/, '');
  return `${KEPT_VERSIONS_FOLDER}/${name}/${hash}.md`;
}

/**
 * Whether a text is the version a file's anchors were made on; a text is only ever used as the previous version
 * when its hash is the recorded one, so a wrong text can never steer the diff.
 */
export function isRecordedVersion(text: string, hash: string | undefined): boolean {
  return !!hash && letterHash(text) === hash;
}

/**
 * The version to record with an annotation file written for `text`: its hash when every tag was found there as
 * the same words (exact or moved), else undefined (keep the recorded one: a changed or orphaned tag is still best
 * mapped from the text it was made on).
 */
export function versionToRecord(text: string, results: readonly Pick<AnchorResult, 'status'>[]): string | undefined {
  return results.every((r) => r.status === 'exact' || r.status === 'moved') ? letterHash(text) : undefined;
}
