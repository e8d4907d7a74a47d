// Plain data (from a YAML catalog or a JSON cache) <-> DocumentMetadata, tolerant of missing fields and
// strict about types: a wrong value is reported and left out, never passed on.
import { isVotedKind, type CitationKind } from '../citations/types';
import { type DocumentMetadata, type FractieVote, type MotionInfo, type OutcomeResult, type Signatory, voteTotals } from './model';
import { parseCanonicalId } from './ids';
import { toezeggingFromPlain } from './toezegging';
import { CATALOG_MESSAGES as M, type CatalogTemplate } from './catalog-messages';

/**
 * A problem of the record: the path of keys and indexes below the record (for error positions), a template of
 * CATALOG_MESSAGES and its arguments. metadataFromPlain passes the record's id as argument {0}.
 */
export type Report = (path: (string | number)[], template: CatalogTemplate, ...args: string[]) => void;

const OUTCOMES: OutcomeResult[] = ['aangenomen', 'verworpen', 'aangehouden', 'ingetrokken', 'controversieel', 'overig'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function str(o: Obj, key: string, path: (string | number)[], report: Report): string | undefined {
  const v = o[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  report([...path, key], M.fieldNotText, key);
  return undefined;
}

function signatories(v: unknown, path: (string | number)[], report: Report): Signatory[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) {
    report(path, M.notList);
    return undefined;
  }
  const out: Signatory[] = [];
  v.forEach((item, i) => {
    if (typeof item === 'string') return void out.push({ naam: item });
    if (!isObj(item)) return report([...path, i], M.signatoryShape);
    const naam = str(item, 'naam', [...path, i], report);
    if (!naam) return report([...path, i], M.fieldMissing, 'naam');
    const s: Signatory = { naam };
    for (const k of ['functie', 'relatie', 'fractie'] as const) {
      const x = str(item, k, [...path, i], report);
      if (x) s[k] = x;
    }
    out.push(s);
  });
  return out;
}

function motion(v: unknown, path: (string | number)[], report: Report): MotionInfo | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObj(v)) return void report(path, M.notMapping);
  const m: MotionInfo = {};
  const subs = signatories(v.submitters, [...path, 'submitters'], report);
  if (subs) m.submitters = subs;
  if (isObj(v.outcome)) {
    const o = v.outcome;
    const result = str(o, 'result', [...path, 'outcome'], report);
    if (result && OUTCOMES.includes(result as OutcomeResult)) {
      m.outcome = { result: result as OutcomeResult };
      const date = str(o, 'date', [...path, 'outcome'], report);
      const tekst = str(o, 'besluitTekst', [...path, 'outcome'], report);
      if (date) m.outcome.date = date;
      if (tekst) m.outcome.besluitTekst = tekst;
    } else report([...path, 'outcome', 'result'], M.resultInvalid, OUTCOMES.join(', '));
  }
  if (isObj(v.stemming) && Array.isArray(v.stemming.votes)) {
    const votes: FractieVote[] = [];
    v.stemming.votes.forEach((row, i) => {
      const at = [...path, 'stemming', 'votes', i];
      if (!isObj(row)) return report(at, M.voteRowShape);
      const fractie = str(row, 'fractie', at, report);
      const soort = str(row, 'soort', at, report);
      const zetels = Number(row.zetels);
      if (!fractie || !soort || !Number.isFinite(zetels)) return report(at, M.voteRowIncomplete);
      votes.push({ fractie, soort, zetels, ...(row.vergissing === true ? { vergissing: true } : {}) });
    });
    m.stemming = { hoofdelijk: v.stemming.hoofdelijk === true, votes, totals: voteTotals(votes) };
  }
  return m;
}

/** Reads one record; `id` is the key it is filed under. Returns undefined when the id is no canonical id. */
export function metadataFromPlain(id: string, v: unknown, source: string, reportTo: Report): DocumentMetadata | undefined {
  const report: Report = (path, template, ...args) => reportTo(path, template, id, ...args);
  const parsed = parseCanonicalId(id);
  if (!parsed) return void report([], M.notCanonicalId);
  if (!isObj(v)) return void report([], M.recordNotMapping);
  const meta: DocumentMetadata = { id: parsed.id, kind: parsed.kind, source };
  const kind = str(v, 'kind', [], report);
  if (isVotedKind(kind as CitationKind) || (kind && kind === parsed.kind)) meta.kind = kind as DocumentMetadata['kind'];
  for (const k of [
    'soort',
    'title',
    'onderwerp',
    'date',
    'vergaderjaar',
    'ondernummer',
    'documentnummer',
    'zaaknummer',
    'origin',
    'fetchedAt',
    'apiRevision',
  ] as const) {
    const x = str(v, k, [], report);
    if (x) meta[k] = x;
  }
  if (Array.isArray(v.aliases)) meta.aliases = v.aliases.map(String).filter((a) => parseCanonicalId(a)?.id === a);
  if (isObj(v.dossier)) {
    const nummer = str(v.dossier, 'nummer', ['dossier'], report);
    if (nummer) {
      meta.dossier = { nummer };
      const t = str(v.dossier, 'toevoeging', ['dossier'], report);
      const titel = str(v.dossier, 'titel', ['dossier'], report);
      if (t) meta.dossier.toevoeging = t.toUpperCase();
      if (titel) meta.dossier.titel = titel;
    } else report(['dossier'], M.fieldMissing, 'nummer');
  } else if (typeof v.dossier === 'string' || typeof v.dossier === 'number') {
    meta.dossier = { nummer: String(v.dossier) };
  } else if (v.dossier !== undefined && v.dossier !== null) report(['dossier'], M.dossierShape);
  if (!meta.dossier && parsed.dossier) meta.dossier = { nummer: parsed.dossier, ...(parsed.toevoeging ? { toevoeging: parsed.toevoeging } : {}) };
  if (!meta.ondernummer && parsed.ondernummer) meta.ondernummer = parsed.ondernummer;
  const sigs = signatories(v.signatories, ['signatories'], report);
  if (sigs) meta.signatories = sigs;
  if (isObj(v.links)) {
    const links: DocumentMetadata['links'] = {};
    for (const k of ['html', 'pdf', 'tweedekamer', 'resource'] as const) {
      const x = str(v.links, k, ['links'], report);
      if (x) links[k] = x;
    }
    meta.links = links;
  }
  const mo = motion(v.motion, ['motion'], report);
  if (mo) meta.motion = mo;
  const tz = parsed.kind === 'toezegging' ? toezeggingFromPlain(v.toezegging, parsed.id) : undefined;
  if (tz) meta.toezegging = tz;
  return meta;
}

/** The fields worth writing to a catalog or cache: without the id (the key), source and resolver flags. */
export function plainFromMetadata(meta: DocumentMetadata, options: { keepProvenance?: boolean } = {}): Record<string, unknown> {
  const { id: _id, source, stale: _stale, origin, fetchedAt, apiRevision, ...rest } = structuredClone(meta);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out[k] = v;
  if (options.keepProvenance) {
    out.origin = origin ?? source;
    if (fetchedAt) out.fetchedAt = fetchedAt;
    if (apiRevision) out.apiRevision = apiRevision;
  }
  return out;
}
