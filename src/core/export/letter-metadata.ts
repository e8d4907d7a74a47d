// What the export says about the letter: its front matter, completed from the catalog's record of it.
import { parse } from 'yaml';
import type { DocumentMetadata } from '../metadata/model';
import { officialPublicationUrl } from '../metadata/ids';

export type MetadataField = 'id' | 'title' | 'soort' | 'date' | 'dossier' | 'documentnummer' | 'zaak' | 'signatories' | 'official';

export interface LetterMetadataRow {
  field: MetadataField;
  value: string;
  /** For `official`: the address (shown as text and link). */
  href?: string;
}

const FRONT_MATTER = /^(?:\uFEFF)?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** The front matter's keys, or none when there is none or it does not parse. */
export function frontMatterOf(text: string): Record<string, unknown> {
  const m = FRONT_MATTER.exec(text);
  if (!m) return {};
  try {
    const v = parse(m[1], { logLevel: 'error' }) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return undefined;
}

/** Rows in a fixed order; front matter first (it is the letter's own), the catalog fills the gaps. */
export function letterMetadataRows(front: Record<string, unknown>, meta: DocumentMetadata | undefined): LetterMetadataRow[] {
  const id = scalar(front.kamerstuk) ?? meta?.id;
  const dossierNumber = scalar(front.dossier) ?? meta?.dossier?.nummer;
  const dossier = [dossierNumber, meta?.dossier?.titel].filter(Boolean).join(' ');
  const signatories = (meta?.signatories ?? []).map((s) => (s.functie ? `${s.naam} (${s.functie})` : s.naam)).join('; ');
  const official = id ? officialPublicationUrl(id) : undefined;
  const rows: [MetadataField, string | undefined][] = [
    ['id', id],
    ['title', scalar(front.titel) ?? scalar(front.title) ?? meta?.title],
    ['soort', scalar(front.soort) ?? meta?.soort],
    ['date', scalar(front.datum) ?? scalar(front.date) ?? meta?.date],
    ['dossier', dossier || undefined],
    ['documentnummer', scalar(front.documentnummer) ?? meta?.documentnummer],
    ['zaak', scalar(front.zaak) ?? meta?.zaaknummer],
    ['signatories', signatories || undefined],
    ['official', official],
  ];
  return rows.flatMap(([field, value]) => (value ? [{ field, value, ...(field === 'official' ? { href: value } : {}) }] : []));
}
