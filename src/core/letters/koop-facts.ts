// What the publication's XML itself says about the document, for the front matter and the catalog record when
// `metadata.xml` is missing or silent: its id (the `externMetadataRecord` link), vergaderjaar, dossier, ondernummer,
// title, date (`isodatum`) and signatories (with their function, which metadata.xml does not give).
import type { Element } from 'xast';
import type { DossierInfo, Signatory } from '../metadata/model';
import { parseCanonicalId } from '../metadata/ids';
import { koopFields } from './koop-metadata';
import { dossierFromNumber } from './koop-metadata';
import { attribute, child, descendant, elements, squash, textOf } from './xml';

export interface PublicationFacts {
  /** The id the publication names itself by (its metadata link `…/kst-29754-716/metadata.xml`). */
  id?: string;
  vergaderjaar?: string;
  dossier?: DossierInfo;
  ondernummer?: string;
  /** The stuk's own title, as printed (`BRIEF VAN DE MINISTER …`), notes left out. */
  title?: string;
  date?: string;
  signatories: Signatory[];
}

export function publicationFacts(root: Element): PublicationFacts {
  const facts: PublicationFacts = { signatories: [] };
  const fields = koopFields(child(root, 'metadata'));
  const record = fields.find((f) => f.name === 'OVERHEIDop.externMetadataRecord')?.content;
  const named = fields.find((f) => f.name === 'DC.identifier')?.content ?? /\/([^/]+)\/metadata\.xml$/.exec(record ?? '')?.[1];
  const id = named ? parseCanonicalId(named)?.id : undefined;
  if (id) facts.id = id;
  const kop = descendant(root, 'kamerstukkop');
  const jaar = kop && elements(kop, 'tekstregel').find((t) => attribute(t, 'inhoud') === 'vergaderjaar');
  const years = /(\d{4})\s*[-–/]\s*(\d{4})/.exec(jaar ? textOf(jaar) : '');
  if (years) facts.vergaderjaar = `${years[1]}-${years[2]}`;
  const dossier = descendant(root, 'dossier');
  if (dossier) {
    const nummer = descendant(dossier, 'dossiernummer');
    const info = dossierFromNumber(squash(textOf(nummer ?? dossier)).replace(/(\d)\s(?=\d{3}\b)/g, '$1'));
    const titel = child(dossier, 'titel');
    if (info) facts.dossier = { ...info, ...(titel ? { titel: squash(textWithoutNotes(titel)) } : {}) };
  }
  const stuk = descendant(root, 'stuk');
  const onder = stuk && descendant(stuk, 'ondernummer');
  if (onder) facts.ondernummer = squash(textOf(onder));
  const titel = stuk && child(stuk, 'titel');
  if (titel) facts.title = squash(textWithoutNotes(titel)) || undefined;
  const onderwerp = !stuk ? descendant(root, 'kamervraagonderwerp') : undefined;
  if (onderwerp) facts.title = squash(textWithoutNotes(onderwerp)) || undefined;
  const datum = stuk && findDate(stuk);
  if (datum) facts.date = datum;
  const signatures = stuk ? allNamed(stuk, 'ondertekening') : [];
  for (const o of signatures) {
    const naam = child(o, 'naam');
    if (!naam) continue;
    const functie = child(o, 'functie');
    const f = functie
      ? squash(textOf(functie))
          .replace(/,$/, '')
          .replace(/^de\s+/i, '')
      : '';
    const parts = elements(naam).length ? elements(naam).map((p) => squash(textOf(p))) : [squash(textOf(naam))];
    facts.signatories.push({ naam: parts.filter(Boolean).join(' '), ...(f ? { functie: f.charAt(0).toUpperCase() + f.slice(1) } : {}) });
  }
  return facts;
}

function textWithoutNotes(el: Element): string {
  let s = '';
  for (const c of el.children) {
    if (c.type === 'text' || c.type === 'cdata') s += c.value;
    else if (c.type === 'element' && c.name !== 'noot' && c.name !== 'voetnoot' && c.name !== 'voetref') s += textWithoutNotes(c);
  }
  return s;
}

function findDate(el: Element): string | undefined {
  for (const c of el.children) {
    if (c.type !== 'element' || c.name === 'bijlage' || c.name === 'noot') continue;
    const iso = c.name === 'datum' ? attribute(c, 'isodatum') : undefined;
    if (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
    const below = findDate(c);
    if (below) return below;
  }
  return undefined;
}

function allNamed(el: Element, name: string): Element[] {
  return elements(el).flatMap((c) => (c.name === 'bijlage' ? [] : c.name === name ? [c] : allNamed(c, name)));
}
