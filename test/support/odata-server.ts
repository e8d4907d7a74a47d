// A real HTTP server on 127.0.0.1 speaking enough OData v4 JSON to stand in for the Tweede Kamer API:
// fixtures from test/fixtures/odata, `$filter` matched by pattern, `$expand` honoured per navigation property,
// `Verwijderd eq false` applied only when the client sends it (also inside `$expand`, to collections and single
// entities alike; any other `$filter` there is refused), `@odata.nextLink` paging, switchable failures
// (redirects, rate limiting, placeholder entities among them), an optional delay, and a count of requests in flight.
// Relations between fixtures are computed, not copied: a Zaak's Document list (the documents naming that Zaak), a
// Document's BijlageDocument (the documents whose BronDocument names it), BronDocument and a Zaak's
// VervangenDoor / VervangenVanuit (references by number, resolved to the full rows). `$select` (top level and
// inside `$expand`) and `$orderby=Datum desc|asc` are honoured; nested `$expand` is followed.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import documentsFixture from '../fixtures/odata/documents.json';
import dossiersFixture from '../fixtures/odata/dossiers.json';
import stemmingenFixture from '../fixtures/odata/stemmingen.json';
import toezeggingenFixture from '../fixtures/odata/toezeggingen.json';
import zakenFixture from '../fixtures/odata/zaken.json';

export type ODataMode =
  | 'normal'
  | 'error500' // every request: HTTP 500 with the API's error body
  | 'flaky' // the next request gets a 500, later ones are normal
  | 'hang' // never answers
  | 'drip' // a 200 whose body trickles one byte per `dripMs`
  | 'malformed' // a 200 with a truncated JSON body
  | 'duplicates' // every Stemming row twice (API issue #167)
  | 'hostile' // titles and names carry markdown/HTML injection
  | 'endless-paging' // every page links to a next page
  | 'more-elsewhere' // every Document page links to a next page on another origin (a client stops: a truncated list)
  | 'redirect-foreign' // every request: 302 to the same path and query under `redirectTo` (another origin)
  | 'redirect-same-origin' // a 307 to the same path under /moved on this server, which answers normally
  | 'redirect-loop' // every request: 302 to itself
  | 'rate-limited' // the next `rateLimitCount` requests get a 429 with `Retry-After: retryAfter`, later ones are normal
  | 'placeholder'; // every entity reduced to its Id (the API's empty placeholder entities)

export const HOSTILE_TITLE = '[x](command:workbench.action.x) <img src=x onerror=alert(1)> **bold** # heading | pipe';
export const HOSTILE_NAME = '<script>alert(1)</script>[y](https://evil.example/)';

export interface RecordedRequest {
  method: string;
  url: string;
  entity: string;
  filter: string;
  expand: string;
  /** Date.now() when the request came in. */
  at: number;
}

export interface ODataServerOptions {
  mode?: ODataMode;
  /** Records per page for collections (the real API uses 250). */
  pageSize?: number;
  dripMs?: number;
  /** Every answer waits this long (to see how many requests a client has in flight). */
  delayMs?: number;
  /** Base URL the `redirect-foreign` mode sends clients to. */
  redirectTo?: string;
  /** The `Retry-After` value of the `rate-limited` mode: seconds or an HTTP date. Default '1'. */
  retryAfter?: string;
  /** Requests answered 429 in the `rate-limited` mode before it turns normal. Default 1. */
  rateLimitCount?: number;
}

export interface ODataServer {
  /** The OData base URL, ending in `/`. */
  url: string;
  requests: RecordedRequest[];
  /** The most requests that were in progress at the same time. */
  readonly maxInFlight: number;
  setMode(mode: ODataMode): void;
  close(): Promise<void>;
}

type Row = Record<string, unknown>;
const clone = <T>(v: T): T => structuredClone(v);
const NAV: Record<string, string[]> = {
  Document: ['DocumentActor', 'Kamerstukdossier', 'Zaak', 'BijlageDocument', 'BronDocument'],
  Zaak: ['ZaakActor', 'Besluit', 'Document', 'VervangenDoor', 'VervangenVanuit'],
  Toezegging: ['Activiteit', 'KamerbriefNakoming'],
};
/** The entity type behind a navigation property, where its rows have navigation properties of their own. */
const TARGET: Record<string, string> = {
  Zaak: 'Zaak',
  Document: 'Document',
  BijlageDocument: 'Document',
  BronDocument: 'Document',
  VervangenDoor: 'Zaak',
  VervangenVanuit: 'Zaak',
};

/**
 * A toevoeging condition as clients write it: `Toevoeging eq 'VI'`, `Toevoeging eq null`, or both empty forms
 * `(Toevoeging eq null or Toevoeging eq '')`. Two groups: the whole condition, then the quoted value (none for empty).
 */
const TOEVOEGING = (p: string) => `(${p}Toevoeging eq null|${p}Toevoeging eq '([^']*)'|\\(${p}Toevoeging eq null or ${p}Toevoeging eq ''\\))`;
/** Whether a stored Toevoeging meets the condition: `eq null` finds only null, `eq ''` only '' (as a real server would). */
function toevoegingMatches(cond: string, value: string | undefined, stored: unknown): boolean {
  if (cond.startsWith('(')) return stored === null || stored === undefined || stored === '';
  return value === undefined ? stored === null || stored === undefined : stored === value;
}

class BadQuery extends Error {}
const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

interface ExpandItem {
  nav: string;
  /** `$filter`, `$select`, `$expand` inside the parentheses. */
  options: Record<string, string>;
}

/** Splits at `sep` outside parentheses. */
function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') depth--;
    else if (s[i] === sep && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out.map((x) => x.trim()).filter(Boolean);
}

/** `A($filter=…;$expand=B($select=x)),C` -> items with their options. */
export function parseExpand(expand: string): ExpandItem[] {
  return splitTop(expand, ',').map((item) => {
    const open = item.indexOf('(');
    if (open < 0) return { nav: item, options: {} };
    const options: Record<string, string> = {};
    for (const opt of splitTop(item.slice(open + 1, item.lastIndexOf(')')), ';')) {
      const eq = opt.indexOf('=');
      if (eq > 0) options[opt.slice(0, eq).trim()] = opt.slice(eq + 1);
    }
    return { nav: item.slice(0, open).trim(), options };
  });
}

/** Keeps the selected fields (and the expanded navigation properties) of a row or rows. */
function applySelect(value: unknown, select: string | undefined, expanded: string[]): void {
  if (!select) return;
  const keep = new Set([...select.split(',').map((x) => x.trim()), ...expanded]);
  for (const row of Array.isArray(value) ? value : value ? [value] : []) {
    for (const k of Object.keys(row as Row)) if (!keep.has(k)) delete (row as Row)[k];
  }
}

export async function startODataServer(options: ODataServerOptions = {}): Promise<ODataServer> {
  let mode: ODataMode = options.mode ?? 'normal';
  const pageSize = options.pageSize ?? 250;
  const dripMs = options.dripMs ?? 100;
  const requests: RecordedRequest[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let base = '';
  let inFlight = 0;
  let maxInFlight = 0;
  let rateLimited = 0;

  const server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    if (!options.delayMs) return answer(req, res);
    const t = setTimeout(() => {
      timers.delete(t);
      answer(req, res);
    }, options.delayMs);
    timers.add(t);
  });

  function answer(req: IncomingMessage, res: ServerResponse): void {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const moved = u.pathname.startsWith('/moved/');
    const entity = decodeURIComponent(u.pathname.replace(/^(\/moved)?\/OData\/v4\/2\.0\//, ''));
    const filter = u.searchParams.get('$filter') ?? '';
    const expand = u.searchParams.get('$expand') ?? '';
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '', entity, filter, expand, at: Date.now() });
    if (mode === 'hang') return; // never answered; destroyed on close()
    if (mode === 'redirect-foreign') return redirect(res, 302, new URL(u.pathname.replace(/^\/OData\/v4\/2\.0\//, '') + u.search, options.redirectTo).href);
    if (mode === 'redirect-loop') return redirect(res, 302, req.url ?? '/');
    if (mode === 'redirect-same-origin' && !moved) return redirect(res, 307, `/moved${u.pathname}${u.search}`);
    if (mode === 'rate-limited') {
      if (++rateLimited >= (options.rateLimitCount ?? 1)) mode = 'normal';
      res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': options.retryAfter ?? '1' });
      return void res.end(JSON.stringify({ error: { code: '', message: 'Too many requests.' } }));
    }
    if (mode === 'error500' || mode === 'flaky') {
      if (mode === 'flaky') mode = 'normal';
      return send(res, 500, { error: { code: '', message: 'An error has occurred.' } });
    }
    const routed = route(entity, u, filter, expand);
    if (routed.status !== 200) return send(res, routed.status, routed.body);
    if (mode === 'malformed') {
      const text = JSON.stringify(routed.body);
      res.writeHead(200, { 'Content-Type': 'application/json; odata.metadata=minimal' });
      return void res.end(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
    }
    if (mode === 'drip') return drip(res, JSON.stringify(routed.body));
    send(res, 200, routed.body);
  }

  function redirect(res: ServerResponse, status: number, location: string): void {
    res.writeHead(status, { Location: location, 'Content-Type': 'text/plain' });
    res.end(`moved to ${location}`);
  }

  function send(res: ServerResponse, status: number, body: unknown): void {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'application/pdf' : 'application/json; odata.metadata=minimal; charset=utf-8' });
    res.end(text);
  }

  function drip(res: ServerResponse, text: string): void {
    res.writeHead(200, { 'Content-Type': 'application/json; odata.metadata=minimal' });
    let i = 0;
    const tick = () => {
      if (res.destroyed) return;
      if (i >= text.length) return void res.end();
      res.write(text[i++]);
      const t = setTimeout(() => {
        timers.delete(t);
        tick();
      }, dripMs);
      timers.add(t);
    };
    tick();
  }

  function route(entity: string, u: URL, filter: string, expand: string): { status: number; body: unknown } {
    const live = /^Verwijderd eq false\b|\band Verwijderd eq false\b/i.test(filter);
    let rows: Row[];
    let m: RegExpExecArray | null;
    if ((m = /^Document\(([0-9a-f-]{36})\)\/resource$/i.exec(entity))) {
      return (documentsFixture.value as Row[]).some((d) => d.Id === m![1]) ? { status: 200, body: '%PDF-1.4\n% synthetic\n' } : notFound();
    }
    if (entity === 'Document') {
      rows = clone(documentsFixture.value as Row[]);
      if ((m = /DocumentNummer eq '([^']*)'/.exec(filter))) rows = rows.filter((d) => d.DocumentNummer === m![1]);
      else if (
        (m = new RegExp(`Volgnummer eq (\\d+) and Kamerstukdossier\\/any\\((\\w+): \\2\\/Nummer eq (\\d+) and ${TOEVOEGING('\\2\\/')}\\)`).exec(filter))
      ) {
        const [, volg, , nummer, cond, value] = m;
        rows = rows.filter(
          (d) =>
            d.Volgnummer === Number(volg) &&
            (d.Kamerstukdossier as Row[]).some((k) => k.Nummer === Number(nummer) && toevoegingMatches(cond, value, k.Toevoeging)),
        );
      } else if ((m = /Zaak\/any\((\w+): \1\/Nummer eq '([^']*)'\)/.exec(filter))) rows = rows.filter((d) => (d.Zaak as Row[]).some((z) => z.Nummer === m![2]));
      else if (/contains\(/.test(filter)) {
        const words = [...filter.matchAll(/contains\(Onderwerp,'([^']*)'\)/g)].map((x) => x[1].toLowerCase());
        rows = rows.filter((d) => words.every((w) => String(d.Onderwerp).toLowerCase().includes(w)));
      } else if ((m = new RegExp(`Kamerstukdossier\\/any\\((\\w+): \\1\\/Nummer eq (\\d+) and ${TOEVOEGING('\\1\\/')}\\)`).exec(filter))) {
        const [, , nummer, cond, value] = m;
        rows = rows.filter((d) =>
          ((d.Kamerstukdossier as Row[] | undefined) ?? []).some((k) => k.Nummer === Number(nummer) && toevoegingMatches(cond, value, k.Toevoeging)),
        );
      } else return badQuery();
    } else if (entity === 'Zaak') {
      if (!(m = /Nummer eq '([^']*)'/.exec(filter))) return badQuery();
      rows = clone(zakenFixture.value as Row[]).filter((z) => z.Nummer === m![1]);
    } else if (entity === 'Stemming') {
      if (!(m = /Besluit_Id eq ([0-9a-f-]{36})/i.exec(filter))) return badQuery();
      rows = clone(stemmingenFixture.value as Row[]).filter((s) => s.Besluit_Id === m![1]);
      if (mode === 'duplicates') rows = rows.flatMap((s) => [s, { ...s, Id: String(s.Id).replace(/^c/, 'd') }]);
    } else if (entity === 'Toezegging') {
      if (!(m = /Nummer eq '([^']*)'/.exec(filter))) return badQuery();
      rows = clone(toezeggingenFixture.value as Row[]).filter((t) => t.Nummer === m![1]);
      // KamerbriefNakoming as a DocumentNummer string is a field: expanding it is refused, as a real server would.
      if (parseExpand(expand).some((x) => x.nav === 'KamerbriefNakoming') && rows.some((t) => typeof t.KamerbriefNakoming === 'string')) return badQuery();
    } else if (entity === 'Kamerstukdossier') {
      if (!(m = new RegExp(`Nummer eq (\\d+) and ${TOEVOEGING('')}`).exec(filter))) return badQuery();
      const [, nummer, cond, value] = m;
      rows = clone(dossiersFixture.value as Row[]).filter((k) => k.Nummer === Number(nummer) && toevoegingMatches(cond, value, k.Toevoeging));
    } else return notFound();

    if (live) rows = rows.filter((r) => r.Verwijderd !== true);
    const orderby = u.searchParams.get('$orderby');
    if ((m = /^Datum (asc|desc)$/.exec(orderby ?? ''))) {
      const dir = m[1] === 'desc' ? -1 : 1;
      rows.sort((a, b) => dir * String(a.Datum ?? '').localeCompare(String(b.Datum ?? '')));
    }
    try {
      for (const r of rows) applyExpand(entity, r, expand);
    } catch (e) {
      if (e instanceof BadQuery) return badQuery();
      throw e;
    }
    applySelect(
      rows,
      u.searchParams.get('$select') ?? undefined,
      parseExpand(expand).map((x) => x.nav),
    );
    if (mode === 'hostile') for (const r of rows) makeHostile(r);
    if (mode === 'placeholder') rows = rows.map((r) => ({ Id: r.Id, Verwijderd: false }));
    const skip = Number(u.searchParams.get('$skiptoken') ?? 0);
    const page = rows.slice(skip, skip + pageSize);
    const body: Row = { '@odata.context': `${base}$metadata#${entity}`, value: page };
    const more = skip + pageSize < rows.length || (mode === 'endless-paging' && entity === 'Stemming');
    if (more) {
      const next = new URL(u.pathname + u.search, base);
      next.searchParams.set('$skiptoken', String(mode === 'endless-paging' ? skip : skip + pageSize));
      body['@odata.nextLink'] = next.toString();
    } else if (mode === 'more-elsewhere' && entity === 'Document')
      body['@odata.nextLink'] = `https://elsewhere.invalid${u.pathname}?$skiptoken=${skip + pageSize}`;
    return { status: 200, body };
  }

  function applyExpand(entity: string, row: Row, expand: string): void {
    const items = parseExpand(expand);
    for (const nav of NAV[entity] ?? []) {
      const item = items.find((x) => x.nav === nav);
      if (!item) {
        // A plain field of that name (Toezegging.KamerbriefNakoming in the XSD's shape) is no navigation property.
        if (typeof row[nav] !== 'string') delete row[nav];
        continue;
      }
      const related = relation(entity, row, nav);
      if (related !== undefined) row[nav] = related;
      // A `$filter` inside the expand applies to a collection and to a single entity alike (a deleted one becomes
      // null); one this fake does not understand is refused, as a real server would not ignore it either.
      const navFilter = item.options.$filter?.trim();
      if (navFilter !== undefined) {
        if (navFilter !== 'Verwijderd eq false') throw new BadQuery(`$filter=${navFilter} in $expand=${nav}`);
        if (Array.isArray(row[nav])) row[nav] = (row[nav] as Row[]).filter((x) => x.Verwijderd !== true);
        else if (isRow(row[nav]) && (row[nav] as Row).Verwijderd === true) row[nav] = null;
      }
      if (nav === 'Besluit' && !/Agendapunt/.test(item.options.$expand ?? '')) for (const b of row[nav] as Row[]) delete b.Agendapunt;
      const target = TARGET[nav];
      const children = Array.isArray(row[nav]) ? (row[nav] as Row[]) : row[nav] ? [row[nav] as Row] : [];
      if (target) for (const child of children) applyExpand(target, child, item.options.$expand ?? '');
      applySelect(
        row[nav],
        item.options.$select,
        parseExpand(item.options.$expand ?? '').map((x) => x.nav),
      );
    }
  }

  /** The rows a computed navigation property stands for; undefined for the ones the fixtures hold themselves. */
  function relation(entity: string, row: Row, nav: string): unknown {
    const documents = documentsFixture.value as Row[];
    const zaken = zakenFixture.value as Row[];
    if (entity === 'Zaak' && nav === 'Document')
      return clone(documents.filter((d) => ((d.Zaak as Row[] | undefined) ?? []).some((z) => z.Nummer === row.Nummer)));
    if (entity === 'Document' && nav === 'BijlageDocument')
      return clone(documents.filter((d) => !!row.DocumentNummer && (d.BronDocument as Row | undefined)?.DocumentNummer === row.DocumentNummer));
    if (entity === 'Document' && nav === 'BronDocument') {
      const ref = row.BronDocument as Row | undefined;
      return ref ? clone(documents.find((d) => d.DocumentNummer === ref.DocumentNummer) ?? ref) : null;
    }
    if (entity === 'Zaak' && (nav === 'VervangenDoor' || nav === 'VervangenVanuit')) {
      const full = (ref: Row) => clone(zaken.find((z) => z.Nummer === ref.Nummer) ?? ref);
      const refs = row[nav];
      if (Array.isArray(refs)) return (refs as Row[]).map(full);
      return refs ? full(refs as Row) : null;
    }
    return undefined;
  }

  function makeHostile(row: Row): void {
    if ('Onderwerp' in row) row.Onderwerp = HOSTILE_TITLE;
    if ('Titel' in row) row.Titel = HOSTILE_TITLE;
    if ('Soort' in row && !('Besluit_Id' in row)) row.Soort = `Nieuwe soort <b>${row.Soort}</b>`;
    for (const nav of ['DocumentActor', 'ZaakActor']) for (const a of (row[nav] as Row[] | undefined) ?? []) a.ActorNaam = HOSTILE_NAME;
    for (const k of (row.Kamerstukdossier as Row[] | undefined) ?? []) k.Titel = HOSTILE_TITLE;
    for (const nav of ['Document', 'BijlageDocument', 'BronDocument', 'VervangenDoor', 'VervangenVanuit']) {
      const v = row[nav];
      for (const r of Array.isArray(v) ? (v as Row[]) : v ? [v as Row] : []) {
        if ('Onderwerp' in r) r.Onderwerp = HOSTILE_TITLE;
        if ('Soort' in r) r.Soort = `Nieuwe soort <b>${r.Soort}</b>`;
      }
    }
  }

  const notFound = () => ({ status: 404, body: { error: { code: '', message: 'Resource not found for the segment.' } } });
  const badQuery = () => ({ status: 400, body: { error: { code: '', message: 'The query specified in the URI is not valid.' } } });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}/OData/v4/2.0/`;

  return {
    url: base,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    setMode(next: ODataMode) {
      mode = next;
      rateLimited = 0;
    },
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
