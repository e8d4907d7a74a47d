// Random, stable annotation ids: 10 lowercase base-36 characters, the first a letter so YAML never reads an id
// as a number. 26 * 36^9 ≈ 2.6e15 ids, so two analysts tagging on different branches do not collide.

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
export const ANNOTATION_ID_LENGTH = 10;
export const ANNOTATION_ID_PATTERN = /^[a-z][0-9a-z]{9}$/;

/** A fresh id that is not in `taken` (ids already used in the file, including removed ones when known). */
export function newAnnotationId(taken: Iterable<string> = []): string {
  const used = new Set(taken);
  for (;;) {
    const id = randomId();
    if (!used.has(id)) return id;
  }
}

function randomId(): string {
  const bytes = new Uint8Array(ANNOTATION_ID_LENGTH * 2);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  for (let i = 0; i < bytes.length && id.length < ANNOTATION_ID_LENGTH; i++) {
    const range = id.length === 0 ? 26 : 36;
    const limit = 256 - (256 % range); // reject to keep the distribution uniform
    if (bytes[i] >= limit) continue;
    id += id.length === 0 ? ALPHABET[10 + (bytes[i] % 26)] : ALPHABET[bytes[i] % 36];
  }
  return id.length === ANNOTATION_ID_LENGTH ? id : randomId();
}
