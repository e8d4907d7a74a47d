// KOOP's metadata of a publication (`{id}/metadata.xml`: `<metadata_gegevens><metadata name content scheme/>`,
// and the `<metadata><meta …/>` block inside the publication itself) as a DocumentMetadata record for the team
// catalog. Field names as parlhist and openkamer read them (shared reference, letters-versions-commitments §1.3).
import type { Element } from 'xast';
import type { DocumentMetadata, DossierInfo, Signatory } from '../metadata/model';
import { parseCanonicalId } from '../metadata/ids';
import { officialPublicationUrl } from '../metadata/ids';
import { LetterError } from './errors';
import { attribute, elements, parseXml, rootElement, squash, decodeXml, type XmlInput } from './xml';

export interface KoopField {
  name: string;
  content: string;
  scheme?: string;
}

/** The fields of a parsed metadata file (`metadata_gegevens`) or of a publication's own `metadata` block. */
export function koopFields(container: Element | undefined): KoopField[] {
  if (!container) return [];
  return elements(container, 'metadata', 'meta').flatMap((m) => {
    const name = attribute(m, 'name');
    const content = squash(attribute(m, 'content') ?? '');
    if (!name || !content) return [];
    const scheme = attribute(m, 'scheme');
    return [{ name, content, ...(scheme ? { scheme } : {}) }];
  });
}

/** Reads `metadata.xml`; a web page or another root is an error that says so. */
export function readMetadataXml(input: XmlInput): KoopField[] {
  const text = decodeXml(input);
  if (looksLikeWebPage(text)) throw new LetterError('not-xml', "metadata.xml is a web page, not the publication's metadata (an unknown id answers this way)");
  const root = rootElement(parseXml(text, 'metadata.xml'));
  if (!root || root.name !== 'metadata_gegevens') {
    throw new LetterError('malformed', `metadata.xml has the root element <${root?.name ?? ''}>, not <metadata_gegevens>`);
  }
  return koopFields(root);
}

/** An HTML page (an error page with status 200, a captive portal) where XML was expected. */
export function looksLikeWebPage(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i.test(text);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function first(fields: readonly KoopField[], name: string, scheme?: (s: string | undefined) => boolean): string | undefined {
  return fields.find((f) => f.name === name && (!scheme || scheme(f.scheme)))?.content;
}

/** `29754`, `36200-VI`, `36200 VI` -> nummer and toevoeging (the first dossier of a joint document). */
export function dossierFromNumber(raw: string | undefined): DossierInfo | undefined {
  const m = /^\s*(\d{4,6}|C[CLXVI]+)(?:[\s-]+([0-9A-Za-z]{1,8}))?(?:-\(R\d+\))?\s*$/i.exec(raw?.split(';')[0]?.replace(/\s*\(R\d+\)/i, '') ?? '');
  if (!m) return undefined;
  return { nummer: m[1].toUpperCase(), ...(m[2] ? { toevoeging: m[2].toUpperCase() } : {}) };
}

function idDossier(parsed: { dossier?: string; toevoeging?: string }): DossierInfo | undefined {
  return parsed.dossier ? { nummer: parsed.dossier, ...(parsed.toevoeging ? { toevoeging: parsed.toevoeging } : {}) } : undefined;
}

/** The letter's subject: `DC.title` is "dossiertitel; soort; subject"; what follows the dossier and the soort. */
function subjectOf(title: string | undefined, dossiertitel: string | undefined, soort: string | undefined): string | undefined {
  if (!title) return undefined;
  let rest = title;
  if (dossiertitel && rest.startsWith(`${dossiertitel}; `)) rest = rest.slice(dossiertitel.length + 2);
  if (soort && rest.startsWith(`${soort}; `)) rest = rest.slice(soort.length + 2);
  return rest || undefined;
}

/**
 * The catalog record the fields give for `id` (the id asked for). Throws a `mismatch` LetterError when the
 * metadata names another document (`DC.identifier`), so a wrong answer is never filed under the id.
 */
export function metadataFromKoopFields(id: string, fields: readonly KoopField[]): DocumentMetadata {
  const parsed = parseCanonicalId(id);
  if (!parsed) throw new LetterError('unsupported', `'${id}' is not a canonical id`);
  const named = first(fields, 'DC.identifier');
  if (named && parseCanonicalId(named)?.id !== parsed.id) {
    throw new LetterError('mismatch', `the metadata is of ${named}, not of ${parsed.id}`);
  }
  const meta: DocumentMetadata = { id: parsed.id, kind: parsed.kind, source: 'koop' };
  const dossiertitel = first(fields, 'OVERHEIDop.dossiertitel');
  const typed = first(fields, 'DC.type', (s) => !!s && /KamerstukTypen$/i.test(s));
  const parts = first(fields, 'DC.title')?.split('; ') ?? [];
  const soort = typed ?? (parts.length === 3 && parts[0] === dossiertitel ? parts[1] : undefined);
  if (soort) meta.soort = soort;
  if (/^motie/i.test(soort ?? '')) meta.kind = 'motie';
  else if (/amendement/i.test(soort ?? '')) meta.kind = 'amendement';
  const title = subjectOf(first(fields, 'DC.title'), dossiertitel, soort) ?? first(fields, 'OVERHEIDop.documenttitel');
  if (title) meta.title = title;
  const date = [first(fields, 'OVERHEIDop.datumBrief'), first(fields, 'OVERHEIDop.datumOntvangst'), first(fields, 'DCTERMS.issued')].find(
    (d) => d && ISO_DATE.test(d),
  );
  if (date) meta.date = date;
  const vergaderjaar = first(fields, 'OVERHEIDop.vergaderjaar');
  if (vergaderjaar && /^\d{4}-\d{4}$/.test(vergaderjaar)) meta.vergaderjaar = vergaderjaar;
  const dossier = dossierFromNumber(first(fields, 'OVERHEIDop.dossiernummer')) ?? idDossier(parsed);
  if (dossier) meta.dossier = { ...dossier, ...(dossiertitel ? { titel: dossiertitel } : {}) };
  const ondernummer = first(fields, 'OVERHEIDop.ondernummer') ?? parsed.ondernummer;
  if (ondernummer) meta.ondernummer = ondernummer;
  const signatories: Signatory[] = fields.filter((f) => f.name === 'OVERHEIDop.indiener').map((f) => ({ naam: f.content }));
  if (signatories.length) meta.signatories = signatories;
  const html = officialPublicationUrl(parsed.id);
  if (html) meta.links = { html };
  return meta;
}
