// Counts in the user's language. VS Code's l10n has no plural forms; English and Dutch both take the singular for
// one only, so each count text comes as a pair of whole sentences (never "tag(s)").

/** `one` for a count of 1, else `other` (both already localised, with the count filled in). */
export function byCount(count: number, one: string, other: string): string {
  return count === 1 ? one : other;
}
