// Public API of the citation grammar (pure TypeScript: runs in Node and in a browser worker).
import type { ScanContext } from './match';
import { scanPlain } from './scanner';
import type { CitationRef } from './types';

export type { CitationForm, CitationKind, CitationParts, CitationRef, Kamer } from './types';
export type { CitationProblem, ProblemCode, ScanContext } from './match';
export type { ScanOutput, PendingFootnote } from './scanner';
export { scanPlain } from './scanner';
export { formatCitation, formatDossier, formatDossierNumber, officialUrl, type CitationStyle, type FormatOptions } from './format';
export {
  citationDiagnostics,
  rewriteFixes,
  groupSpan,
  DIAGNOSTIC_MESSAGES,
  FIX_TITLES,
  type CitationDiagnostic,
  type CitationFix,
  type CitationSeverity,
} from './diagnostics';
export { kamerstukId, dossierId, handelingenId, aanhangselId, staatsbladId, staatscourantId, toezeggingId, toezeggingKamer } from './ids';
export { toezeggingRegister } from './toezegging';
export { parseVergaderjaar, leidraadVergaderjaar } from './vergaderjaar';
export { citationFor } from './cite-as';
export { completionTrigger } from './completion-trigger';

/** Every citation in a plain string (no markdown awareness), in order. */
export function scanText(text: string, ctx: ScanContext = {}): CitationRef[] {
  return scanPlain(text, ctx).refs;
}

/** The references of `refs` that share `ref`'s citation group (`nrs. 520 en 548`), in order. */
export function refsInGroup(refs: readonly CitationRef[], ref: CitationRef): CitationRef[] {
  if (!ref.group) return [ref];
  const g = ref.group;
  return refs.filter((r) => r === ref || (r.group && r.group.start === g.start && r.group.end === g.end));
}

/** The reference whose span contains `offset` (the innermost, if spans nest), for hovers and links. */
export function refAt(refs: readonly CitationRef[], offset: number): CitationRef | undefined {
  let lo = 0;
  let hi = refs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (refs[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  let best: CitationRef | undefined;
  for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) {
    const r = refs[i];
    if (r.start <= offset && offset <= r.end && (!best || r.end - r.start < best.end - best.start)) best = r;
  }
  return best;
}
