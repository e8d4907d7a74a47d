// Writing a citation in the styles of the `kamerstuk.citationStyle` setting: Leidraad voor juridische auteurs
// (`Kamerstukken II 2022/23, 29 754, nr. 680`), the Kamer's own short form (`Kamerstuk 29 754, nr. 680`), a
// link to the official publication (`https://zoek.officielebekendmakingen.nl/kst-29754-680.html`) and the bare
// canonical id (`kst-29754-680`).
import type { CitationParts, CitationRef, Kamer } from './types';
import { leidraadVergaderjaar } from './vergaderjaar';

export type CitationStyle = 'leidraad' | 'short' | 'kst' | 'link';

export interface FormatOptions {
  /** Vergaderjaar to use when the citation has none (e.g. from metadata) or to replace an impossible one. */
  vergaderjaar?: string;
  /** Kamer to use instead of the written or inferred one. */
  kamer?: Kamer;
}

const OB = 'https://zoek.officielebekendmakingen.nl/';

/** `29754` -> `29 754` (the thousands group as the Kamer prints it); shorter numbers unchanged. */
export function formatDossierNumber(dossier: string): string {
  return /^\d{5}$/.test(dossier) ? `${dossier.slice(0, 2)} ${dossier.slice(2)}` : dossier;
}

const withToevoeging = (dossier: string, t: string | undefined): string => formatDossierNumber(dossier) + (t ? (/^\d+$/.test(t) ? `-${t}` : ` ${t}`) : '');

/** `29 754`, `36 200 VI`, `21 501-32`, `27 484 (R1669)`, `31 728, 30 914`, `21 501-32, 21 501-02`. */
export function formatDossier(parts: CitationParts): string {
  if (!parts.dossier) return '';
  let out = withToevoeging(parts.dossier, parts.toevoeging);
  if (parts.rijkswet) out += ` (${parts.rijkswet})`;
  for (const d of parts.extraDossiers ?? []) {
    const dash = d.indexOf('-'); // an extra dossier with a toevoeging is stored as `21501-02`
    out += `, ${dash < 0 ? formatDossierNumber(d) : withToevoeging(d.slice(0, dash), d.slice(dash + 1))}`;
  }
  return out;
}

/** The official web page of a reference or id, or null. */
export function officialUrl(refOrId: CitationRef | string | null): string | null {
  const ref = typeof refOrId === 'object' && refOrId ? refOrId : null;
  const id = ref ? ref.id : (refOrId as string | null);
  if (!id) return null;
  // Roman Eerste Kamer dossiers appear in lower case in officielebekendmakingen' addresses (`kst-cxxiv-g.html`).
  if (/^kst-C[CLXVI]+-/.test(id)) return `${OB}${id.toLowerCase()}.html`;
  if (/^(?:kst|h|ah|stb|stcrt)-/.test(id)) return `${OB}${id}.html`;
  const dossier = /^dossier-(.+)$/.exec(id);
  if (dossier) return `${OB}dossier/${dossier[1]}`;
  if (/^\d{4}D\d{5}$/.test(id)) {
    const zaak = ref?.parts.zaak;
    return `https://www.tweedekamer.nl/kamerstukken/detail?${zaak ? `id=${zaak}&` : ''}did=${id}`;
  }
  if (/^\d{4}Z\d{5}$/.test(id)) return `https://www.tweedekamer.nl/kamerstukken/detail?id=${id}`;
  return null;
}

function list(values: string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} en ${values[values.length - 1]}`;
}

function ondernummers(refs: CitationRef[], leidraad: boolean): string {
  const values = refs.map((r) => r.parts.ondernummer ?? '');
  const letters = values.every((v) => /^[A-Z]+$/.test(v));
  let out = letters && leidraad ? list(values) : `${values.length > 1 ? 'nrs.' : 'nr.'} ${list(values)}`;
  if (refs.length === 1 && refs[0].parts.page) out += `, p. ${refs[0].parts.page}`;
  return out;
}

function kamerOf(refs: CitationRef[], opts: FormatOptions): Kamer {
  if (opts.kamer) return opts.kamer;
  const written = refs.find((r) => r.parts.kamer)?.parts.kamer;
  if (written) return written;
  return refs.every((r) => /^[A-Z]+$/.test(r.parts.ondernummer ?? '')) && refs.some((r) => r.parts.ondernummer) ? 'I' : 'II';
}

/** Refs in runs that share dossier, toevoeging and vergaderjaar, so `nrs. 520 en 548` stays one citation. */
function runs(refs: CitationRef[]): CitationRef[][] {
  const out: CitationRef[][] = [];
  for (const r of refs) {
    const last = out[out.length - 1];
    const key = (x: CitationRef) => `${x.kind === 'dossier'}|${formatDossier(x.parts)}|${x.parts.vergaderjaar ?? ''}|${x.parts.kamer ?? ''}`;
    if (last && r.kind === 'kamerstuk' && last[0].kind === 'kamerstuk' && key(last[0]) === key(r) && !last[last.length - 1].parts.page) last.push(r);
    else out.push([r]);
  }
  return out;
}

function formatRun(run: CitationRef[], style: 'leidraad' | 'short', opts: FormatOptions): string {
  const r = run[0];
  const p = r.parts;
  const vjValue = opts.vergaderjaar ?? p.vergaderjaar;
  const vj = vjValue ? leidraadVergaderjaar(vjValue) : undefined;
  const kamerWord = p.kamer === 'I' || opts.kamer === 'I' ? 'I' : 'II';
  switch (r.kind) {
    case 'kamerstuk':
    case 'motie':
    case 'amendement': {
      if (!p.dossier || !p.ondernummer) return r.text;
      const bijlage = p.bijlage ? 'Bijlage bij ' : '';
      if (style === 'short') return `${bijlage}${run.length > 1 ? 'Kamerstukken' : 'Kamerstuk'} ${formatDossier(p)}, ${ondernummers(run, false)}`;
      const head = `Kamerstukken ${kamerOf(run, opts)}${vj ? ` ${vj},` : ''}`;
      return `${bijlage}${head} ${formatDossier(p)}, ${ondernummers(run, true)}`;
    }
    case 'dossier':
      if (style === 'short' || (!vj && !p.kamer)) return `Kamerstukken ${formatDossier(p)}`;
      return `Kamerstukken${p.kamer ? ` ${p.kamer}` : ''}${vj ? ` ${vj},` : ''} ${formatDossier(p)}`;
    case 'handelingen':
      return `Handelingen ${kamerWord}${vj ? ` ${vj}` : ''}, nr. ${p.vergadering}${p.item ? `, item ${p.item}` : ''}${p.page ? `, p. ${p.page}` : ''}`;
    case 'aanhangsel':
      return `Aanhangsel Handelingen ${kamerWord}${vj ? ` ${vj}` : ''}, nr. ${p.number}`;
    case 'staatsblad':
      return `Stb. ${p.year}, ${p.number}`;
    case 'staatscourant':
      return `Stcrt. ${p.year}, ${p.number}`;
    default:
      return r.id ?? r.text;
  }
}

/**
 * A citation of `refs` (one reference, or the references of one citation group) in `style`. For `link` the result
 * is markdown: `[Kamerstuk 29 754, nr. 680](https://zoek.officielebekendmakingen.nl/kst-29754-680.html)`.
 * Returns null when the style cannot be produced (a link or an id of a reference without id).
 */
export function formatCitation(refs: CitationRef | CitationRef[], style: CitationStyle, opts: FormatOptions = {}): string | null {
  const all = Array.isArray(refs) ? refs : [refs];
  if (!all.length) return null;
  if (style === 'kst') return all.every((r) => r.id) ? all.map((r) => r.id).join('; ') : null;
  if (style === 'link') {
    const links = all.map((r) => {
      const url = officialUrl(r);
      return url ? `[${formatRun([r], 'short', opts)}](${url})` : null;
    });
    return links.every((l) => l !== null) ? links.join('; ') : null;
  }
  return runs(all)
    .map((run) => formatRun(run, style, opts))
    .join('; ');
}
