// Where a KOOP `extref` points: another publication, a dossier, a law on wetten.overheid.nl, or a web address.
import { parseCanonicalId } from '../metadata/ids';

export const KOOP_SITE = 'https://zoek.officielebekendmakingen.nl/';
const WETTEN = 'https://wetten.overheid.nl/';

/** A KOOP publication id (`kst-36800-XIV-80`, `stb-2022-524`, `blg-1184123`, `h-tk-20232024-4-26-n1`). */
const PUBLICATION = /^(?:kst|ah|h|stb|stcrt|blg|kv|trb|gmb|prb|wsb|bgr)(?:-[0-9A-Za-z]+)+$/;
const DOSSIER = /^dossier\/([0-9]{4,6}(?:-[0-9A-Za-z]{1,8})?)$/;
const JCI = /^jci1\.3:[0-9A-Za-z:._&=-]+$/;

/**
 * The URL of an `extref`: `doc="kst-…"` the official publication, `doc="dossier/36600-XXIII"` the dossier page,
 * `doc="jci1.3:…"` the law, `soort="URL"` the address itself when it is http(s). Undefined for anything else.
 */
export function extrefUrl(doc: string | undefined, soort: string | undefined): string | undefined {
  const target = doc?.trim();
  if (!target) return undefined;
  if (soort?.toUpperCase() === 'URL' || /^https?:\/\//i.test(target)) return httpUrl(target);
  const dossier = DOSSIER.exec(target);
  if (dossier) return `${KOOP_SITE}dossier/${dossier[1]}`;
  if (JCI.test(target)) return WETTEN + target;
  if (PUBLICATION.test(target)) {
    const id = parseCanonicalId(target)?.id ?? target;
    return `${KOOP_SITE}${id}.html`;
  }
  return undefined;
}

function httpUrl(raw: string): string | undefined {
  const withScheme = /^www\./i.test(raw) ? `https://${raw}` : raw;
  try {
    const u = new URL(withScheme);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
