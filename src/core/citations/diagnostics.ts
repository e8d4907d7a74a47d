// Diagnostics logic for malformed or ambiguous citations, as plain objects. Messages are English templates with
// `{0}` placeholders and an `args` array; the editor layer passes them to `vscode.l10n.t(message, ...args)`.
// Dutch translations live in l10n/parts/citations.nl.json.
import { formatCitation, type CitationStyle, type FormatOptions } from './format';
import type { CitationProblem, ProblemCode } from './match';
import type { CitationRef } from './types';
import { repairVergaderjaar } from './vergaderjaar';

export type CitationSeverity = 'error' | 'warning' | 'info';

export interface CitationFix {
  /** English template; pass to `l10n.t(title, ...args)`. */
  title: string;
  args: string[];
  /** Text that replaces [start, end). */
  replacement: string;
  start: number;
  end: number;
  /** The rewrite style, for fixes that rewrite the whole citation. */
  style?: CitationStyle;
  /** `replacement` is a snippet: `${1:nummer}` marks where the user types next. */
  snippet?: boolean;
}

export interface CitationDiagnostic {
  start: number;
  end: number;
  severity: CitationSeverity;
  code: ProblemCode;
  message: string;
  args: string[];
  fixes: CitationFix[];
}

/** Every message template, with its severity. */
export const DIAGNOSTIC_MESSAGES: Record<ProblemCode, { severity: CitationSeverity; message: string }> = {
  'missing-ondernummer': { severity: 'error', message: "'{0}' is not followed by an ondernummer" },
  'missing-dossier': { severity: 'error', message: 'This citation has no dossier number' },
  'invalid-vergaderjaar': { severity: 'error', message: 'Impossible vergaderjaar {0}: its two years must follow each other (perhaps {1})' },
  'letter-ondernummer-tweede-kamer': {
    severity: 'warning',
    message: 'Ondernummer {0} is a letter, which only Eerste Kamer documents have, but the citation says Kamerstukken II',
  },
  'dossier-only': { severity: 'info', message: '{0} names a whole dossier, not one document: add an ondernummer to cite a document' },
  'reversed-range': { severity: 'error', message: 'The range {0} runs backwards' },
  'large-range': { severity: 'warning', message: 'The range {0} covers {1} documents; only its first and last are linked' },
  'handelingen-without-item': {
    severity: 'warning',
    message: 'Handelingen since 2011 are published per item: add the item number to cite one publication',
  },
  'future-vergaderjaar': { severity: 'warning', message: 'Vergaderjaar {0} lies in the future' },
  'motie-unresolved': { severity: 'info', message: 'The motion of {0} is cited by name only: add its kamerstuk number so readers can find it' },
  'stuk-unresolved': {
    severity: 'info',
    message: "'{0}' is a document of the dossier under discussion, which the text before it does not cite: add the dossier number",
  },
  'amendement-unresolved': {
    severity: 'info',
    message: 'The amendment of {0} is cited by name only: add its kamerstuk number so readers can find it',
  },
};

/** Every fix title template. */
export const FIX_TITLES = {
  leidraad: 'Rewrite in Leidraad form: {0}',
  short: "Rewrite in the Kamer's short form: {0}",
  link: 'Link to the official publication: {0}',
  vergaderjaar: 'Change the vergaderjaar to {0}',
  eersteKamer: 'Cite as Kamerstukken I: {0}',
  wholeDossier: 'Cite the whole dossier: {0}',
  ondernummer: 'Add the ondernummer after "{0}"',
} as const;

/** The span a rewrite of these references replaces: their shared citation group. */
export function groupSpan(refs: CitationRef[]): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const r of refs) {
    start = Math.min(start, r.group?.start ?? r.start);
    end = Math.max(end, r.group?.end ?? r.end);
  }
  return { start, end };
}

/**
 * The three rewrites of a citation (Leidraad, short, link) that differ from what is written. Offered as quick
 * fixes with a diagnostic, and by the editor as code actions on any citation (pass the refs of one group).
 */
export function rewriteFixes(refs: CitationRef[], text?: string, opts: FormatOptions = {}): CitationFix[] {
  const usable = refs.filter(
    (r) => r.id && (r.kind === 'kamerstuk' || r.kind === 'handelingen' || r.kind === 'aanhangsel' || r.kind === 'staatsblad' || r.kind === 'staatscourant'),
  );
  if (!usable.length || usable.length !== refs.length) return [];
  const { start, end } = groupSpan(refs);
  const current = text?.slice(start, end);
  const fixes: CitationFix[] = [];
  for (const style of ['leidraad', 'short', 'link'] as const) {
    const replacement = formatCitation(refs, style, opts);
    if (!replacement || replacement === current) continue;
    if (fixes.some((f) => f.replacement === replacement)) continue;
    fixes.push({ title: FIX_TITLES[style], args: [replacement], replacement, start, end, style });
  }
  return fixes;
}

/** Formatting options that replace an impossible vergaderjaar of the citation by its first repair. */
function repairedYear(refs: CitationRef[]): FormatOptions {
  const vj = refs[0]?.parts.vergaderjaar;
  const parsed = vj ? /^(\d{4})-(\d{4})$/.exec(vj) : null;
  return parsed && Number(parsed[2]) !== Number(parsed[1]) + 1 ? { vergaderjaar: repairVergaderjaar(vj!) } : {};
}

function fixesFor(p: CitationProblem, text?: string): CitationFix[] {
  const refs = p.refs;
  switch (p.code) {
    case 'invalid-vergaderjaar': {
      const fixes: CitationFix[] = [];
      const part = p.part;
      for (const year of part ? [part.replacement, ...(part.alternatives ?? [])] : [])
        fixes.push({ title: FIX_TITLES.vergaderjaar, args: [year], replacement: year, start: part!.start, end: part!.end });
      return [...fixes, ...rewriteFixes(refs, text, repairedYear(refs))];
    }
    case 'letter-ondernummer-tweede-kamer': {
      const replacement = formatCitation(refs, 'leidraad', { kamer: 'I' });
      const { start, end } = groupSpan(refs);
      const fixes: CitationFix[] = replacement ? [{ title: FIX_TITLES.eersteKamer, args: [replacement], replacement, start, end }] : [];
      return [...fixes, ...rewriteFixes(refs, text, { kamer: 'I' }).filter((f) => f.style !== 'leidraad')];
    }
    case 'missing-ondernummer': {
      // The number the citation lacks, typed where it belongs; or the dossier it names (never with an impossible
      // vergaderjaar: a fix does not keep another problem).
      const fixes: CitationFix[] = [
        {
          title: FIX_TITLES.ondernummer,
          args: [p.args[0]],
          replacement: `${p.args[0]} \${1:nummer}`,
          start: p.end - p.args[0].length,
          end: p.end,
          snippet: true,
        },
      ];
      const replacement = formatCitation(refs, 'leidraad', repairedYear(refs));
      if (replacement) fixes.push({ title: FIX_TITLES.wholeDossier, args: [replacement], replacement, start: p.start, end: p.end });
      return fixes;
    }
    case 'reversed-range':
    case 'large-range':
    case 'handelingen-without-item':
      return rewriteFixes(refs, text);
    default:
      return [];
  }
}

/** Diagnostics for the problems of a scan (pass the document text to leave out rewrites that change nothing). */
export function citationDiagnostics(problems: CitationProblem[], text?: string): CitationDiagnostic[] {
  return problems.map((p) => {
    const m = DIAGNOSTIC_MESSAGES[p.code];
    return { start: p.start, end: p.end, severity: m.severity, code: p.code, message: m.message, args: p.args, fixes: fixesFor(p, text) };
  });
}
