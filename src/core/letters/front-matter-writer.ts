// The front matter of an imported letter: the keys of the sample letter first, in its order (kamerstuk,
// documentnummer, zaak, soort, datum, dossier, titel), then what the publication adds (vergaderjaar, dossiertitel,
// ondernummer, ondertekenaars, source). Dutch keys, as src/core/metadata/letter-source.ts reads them.
import { stringify } from 'yaml';
import type { DocumentMetadata } from '../metadata/model';

/** A digits-only value as a YAML number (`dossier: 29754`, as the sample writes it), anything else as text. */
const plainNumber = (v: string): string | number => (/^[1-9]\d{0,8}$/.test(v) ? Number(v) : v);

export function frontMatterOf(meta: DocumentMetadata, source: string | undefined): string {
  const data: Record<string, unknown> = { kamerstuk: meta.id };
  const put = (key: string, value: unknown) => {
    if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)) data[key] = value;
  };
  put('documentnummer', meta.documentnummer);
  put('zaak', meta.zaaknummer);
  put('soort', meta.soort);
  put('datum', meta.date);
  const d = meta.dossier;
  if (d) put('dossier', d.toevoeging ? { nummer: plainNumber(d.nummer), toevoeging: d.toevoeging } : plainNumber(d.nummer));
  put('titel', meta.title);
  put('vergaderjaar', meta.vergaderjaar);
  put('dossiertitel', d?.titel);
  put('ondernummer', meta.ondernummer === undefined ? undefined : plainNumber(meta.ondernummer));
  put(
    'ondertekenaars',
    meta.signatories?.map((s) => ({ naam: s.naam, ...(s.functie ? { functie: s.functie } : {}) })),
  );
  put('source', source);
  return `---\n${stringify(data, { lineWidth: 0 })}---\n`;
}
