// A workspace letter's front matter as a metadata source: what an imported letter says about itself (title, soort,
// date, dossier, numbers, signatories). Local, so it answers at once; it ranks after the API (whose record is
// fuller) and before the bundled catalog, and like the bundled catalog it is what a hover shows while the API is
// asked or offline. Dutch and English keys are read (`titel`/`title`, `datum`/`date`, `zaak`/`zaaknummer`, …).
import type { DocumentMetadata } from './model';
import { metadataFromPlain } from './record';
import { throwIfAborted, type MetadataSource } from './source';

/** Front matter key -> record field, for the keys that are named differently. */
const ALIASES: Record<string, string> = {
  titel: 'title',
  datum: 'date',
  zaak: 'zaaknummer',
  nummer: 'ondernummer',
  ondertekenaars: 'signatories',
  ondertekenaar: 'signatories',
};

/** Fields worth a hover: front matter with only `kamerstuk:` (or only numbers) tells nothing. */
const TELLING = ['title', 'onderwerp', 'soort', 'date'];

/**
 * The record a letter's front matter gives, filed under `id` (the letter's own id); undefined when it says
 * nothing worth showing. Wrong values are left out (never passed on), as in the team catalog.
 */
export function metadataFromFrontMatter(id: string, data: Record<string, unknown>): DocumentMetadata | undefined {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const field = ALIASES[key.toLowerCase()] ?? key;
    if (field === 'kamerstuk' || field === 'kind' || field === 'aliases' || field in plain) continue;
    plain[field] = value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
  }
  const source = typeof plain.source === 'string' ? plain.source : undefined;
  delete plain.source;
  // As the API's Soort decides: `Motie (gewijzigd/nader)`, `Amendement`, `Subamendement`.
  const soort = typeof plain.soort === 'string' ? plain.soort : '';
  if (/^motie/i.test(soort)) plain.kind = 'motie';
  else if (/amendement/i.test(soort)) plain.kind = 'amendement';
  const meta = metadataFromPlain(id, plain, 'letter', () => undefined);
  if (!meta || !TELLING.some((k) => meta[k as keyof DocumentMetadata])) return undefined;
  const aliases = [meta.documentnummer].filter((x): x is string => !!x && x !== meta.id && /^(?:19|20)\d{2}D\d{5}$/.test(x));
  if (aliases.length) meta.aliases = aliases;
  if (source && /^https:\/\//.test(source)) meta.links = { ...meta.links, html: meta.links?.html ?? source };
  return meta;
}

export class LetterFrontMatterSource implements MetadataSource {
  readonly name = 'letter';

  /** `frontMatterOf` gives the letter's own id and its front matter, for an id it goes by in the workspace. */
  constructor(private readonly frontMatterOf: (id: string) => Promise<{ id: string; data: Record<string, unknown> } | undefined>) {}

  async get(id: string, signal: AbortSignal): Promise<DocumentMetadata | undefined> {
    throwIfAborted(signal);
    const letter = await this.frontMatterOf(id);
    return letter ? metadataFromFrontMatter(letter.id, letter.data) : undefined;
  }
}
