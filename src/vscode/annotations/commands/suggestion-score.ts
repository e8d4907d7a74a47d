// A suggestion's score as the display language writes numbers (no vscode import: unit-tested in plain Node).

/** `0,75` in Dutch, `0.75` in English; two decimals, as written when the language tag is unknown. */
export function formatScore(score: number, language: string): string {
  try {
    return new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(score);
  } catch {
    return score.toFixed(2);
  }
}
