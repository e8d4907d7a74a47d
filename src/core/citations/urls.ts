// URLs that name a document: zoek.officielebekendmakingen.nl (`/kst-29754-680.html`, `/dossier/29754`,
// `/behandelddossier/kst-…`, `/kst-…/metadata.xml`), repository.overheid.nl FRBR paths, tweedekamer.nl
// (`detail?id=2024Z06635&did=2024D28850`, `qry=wetsvoorstel%3A36228`) and any other URL that carries an id.
import { at, isHSpace, stick } from './chars';
import { dossierId } from './ids';
import { parseIdentifier, tkNumberIn } from './identifiers';
import { makeRef } from './match';
import type { CitationRef } from './types';

const startRe = /(?:https?:\/\/|www\.|zoek\.officielebekendmakingen\.nl\/)/iy;

/** Whether a URL starts at `p`. */
export function urlStarts(s: string, p: number, end: number): boolean {
  return stick(startRe, s, p, end) !== null;
}

/** End of the URL starting at `p`: stops at space, `<>"\`]|`, an unbalanced `)`, and drops trailing punctuation. */
export function urlEnd(s: string, p: number, end: number): number {
  let depth = 0;
  let i = p;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || isHSpace(c) || c === 60 || c === 62 || c === 34 || c === 96 || c === 93 || c === 124 || c === 92) break;
    if (c === 40) depth++;
    else if (c === 41) {
      if (depth === 0) break;
      depth--;
    }
  }
  while (i > p && ".,;:!?'*_".includes(s[i - 1])) i--;
  return i;
}

const idSegment = /^(?:kst|h|ah|stb|stcrt)-/i;

/** The document named by a URL, as a reference spanning [p, stop), or null. */
export function classifyUrl(s: string, p: number, stop: number): CitationRef | null {
  const url = s.slice(p, stop);
  const m = /^(?:https?:\/\/)?([^/?#]*)([^?#]*)(\?[^#]*)?/i.exec(url);
  if (!m) return null;
  const host = m[1].toLowerCase();
  const path = m[2];
  const query = m[3] ?? '';
  const found = (ref: CitationRef | null): CitationRef | null => (ref ? makeRef(s, ref.kind, ref.id, p, stop, ref.parts, 'url') : null);

  const segments = path.split('/').filter(Boolean);
  const fromSegments = (): CitationRef | null => {
    for (let n = segments.length - 1; n >= 0; n--) {
      const seg = segments[n].replace(/\.(?:html?|pdf|xml|odt|docx?)$/i, '');
      if (!idSegment.test(seg)) continue;
      const ref = parseIdentifier(seg, 0, seg.length);
      if (ref && ref.end === seg.length) return ref;
    }
    return null;
  };

  if (/(^|\.)(officielebekendmakingen\.nl|officiele-overheidspublicaties\.nl|overheid\.nl)$/.test(host)) {
    const ref = fromSegments();
    if (ref) return found(ref);
    const d = segments.indexOf('dossier');
    const ds = d >= 0 ? /^(\d{4,5})(?:-([A-Za-z0-9]{1,6}))?$/.exec(segments[d + 1] ?? '') : null;
    if (ds)
      return found(makeRef(s, 'dossier', dossierId(ds[1], ds[2]), 0, 0, { dossier: ds[1], ...(ds[2] ? { toevoeging: ds[2].toUpperCase() } : {}) }, 'url'));
    return null;
  }
  if (/(^|\.)tweedekamer\.nl$/.test(host)) {
    const params = new Map<string, string>();
    for (const kv of query.slice(1).split('&')) {
      const eq = kv.indexOf('=');
      if (eq > 0) params.set(kv.slice(0, eq).toLowerCase(), safeDecode(kv.slice(eq + 1)));
    }
    const did = params.get('did');
    const id = params.get('id');
    const isNumber = (v: string | undefined, t: string) => !!v && new RegExp(`^(?:19|20)\\d{2}${t}\\d{5}$`).test(v);
    if (isNumber(did, 'D')) {
      const parts = isNumber(id, 'Z') ? { number: did!, zaak: id! } : { number: did! };
      return found(makeRef(s, 'tk-document', did!, 0, 0, parts, 'url'));
    }
    if (isNumber(id, 'D')) return found(makeRef(s, 'tk-document', id!, 0, 0, { number: id! }, 'url'));
    if (isNumber(id, 'Z')) return found(makeRef(s, 'tk-zaak', id!, 0, 0, { number: id! }, 'url'));
    const wv = /wetsvoorstel:(\d{5})(?:-([A-Za-z0-9]{1,6}))?/i.exec(params.get('qry') ?? '');
    if (wv) return found(makeRef(s, 'dossier', dossierId(wv[1], wv[2]), 0, 0, { dossier: wv[1] }, 'url'));
    const ds = /^(\d{5})(?:-([A-Za-z0-9]{1,6}))?$/.exec(params.get('dossier') ?? params.get('dossiernummer') ?? '');
    if (ds) return found(makeRef(s, 'dossier', dossierId(ds[1], ds[2]), 0, 0, { dossier: ds[1] }, 'url'));
    return null;
  }
  // Any other site (opentk, rijksoverheid, …): an id segment, else a TK number anywhere in the URL.
  const ref = fromSegments();
  if (ref) return found(ref);
  const tk = tkNumberIn(url);
  if (tk) {
    const zaak = tk[0][4] === 'Z';
    return found(makeRef(s, zaak ? 'tk-zaak' : 'tk-document', tk[0], 0, 0, { number: tk[0] }, 'url'));
  }
  return null;
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v.replace(/\+/g, ' '));
  } catch {
    return v;
  }
}

/** A URL at `p`: its end and the reference it names (null when it names none; the URL is skipped either way). */
export function parseUrl(s: string, p: number, end: number): { end: number; ref: CitationRef | null } | null {
  if (!urlStarts(s, p, end)) return null;
  const stop = urlEnd(s, p, end);
  if (stop <= p + 4) return null;
  return { end: stop, ref: at(s, p, end) >= 0 ? classifyUrl(s, p, stop) : null };
}
