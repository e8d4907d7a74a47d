// JSON report: an array of tagged passages (see TaggedPassage), stable key order, two-space indent.

import type { TaggedPassage } from './passages';

export function renderJson(passages: readonly TaggedPassage[]): string {
  return JSON.stringify(passages, null, 2) + '\n';
}
