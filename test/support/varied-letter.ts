// Long letters for tests and benches, made from a real letter's paragraphs: numbered, repeated, and with about
// every sixth word replaced by another word of the letter, so the text reads like the letter but many of its
// phrases recur (what makes anchoring and searching hard).

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so every run builds the same text. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** At least `size` characters of numbered paragraphs of `letter` (those over 200 characters), words varied. */
export function variedLetter(letter: string, size: number, seed = 3): string {
  const paragraphs = letter.split(/\n\n+/).filter((p) => p.length > 200);
  const words = letter.split(/\s+/).filter((w) => /^[a-z]{4,}$/.test(w));
  const vary = random(seed);
  const parts: string[] = [];
  let length = 0;
  for (let n = 1; length < size; n++) {
    const body = paragraphs[n % paragraphs.length].replace(/[a-z]{4,}/g, (w) => (vary() < 0.16 ? words[Math.floor(vary() * words.length)] : w));
    const p = `${n}. ${body}`;
    parts.push(p);
    length += p.length + 2;
  }
  return parts.join('\n\n');
}
