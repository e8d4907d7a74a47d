// `kamerstuk resolve <citation|id>... [--json] [--offline] [--api URL] [--timeout MS]`: metadata of cited documents
// from the team catalog, the cache, the Tweede Kamer API and the bundled catalog, in that order.
import { isVotedKind } from '../../core/citations/types';
import { createMetadataStack, idsInInput, type DocumentMetadata, type Resolution, type SourceFailure } from '../../core/metadata';
import { defineCommand, UsageError } from '../io';
import { defaultCacheFile, findCatalog, JsonFileStorage } from '../node-storage';
import { proxiedFetch } from '../proxy-fetch';
import { mapConcurrently } from '../../core/async/map-concurrently';

/**
 * Documents looked up at the same time. Each lookup makes one to three API requests one after the other, so
 * this also bounds the requests in flight: 1,500 ids at once made requests time out and the API look unreachable.
 */
export const CONCURRENT_LOOKUPS = 6;

const HELP = `Prints what each cited document is: title, soort, date, dossier, signatories, links and, for a motion, its
outcome and votes. Sources in order: .kamerstuk/catalog.yaml (from the current folder upwards), the cache
($XDG_CACHE_HOME/kamerstuk-annotator), the Tweede Kamer API, the bundled catalog.

  --json        one JSON record per input: {input, id, metadata, errors}
  --offline     no network: catalog, cache and bundled catalog only
  --api URL     OData base URL (default https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/)
  --timeout MS  how long to wait per document (default 20000)

Requests go through the proxy in HTTPS_PROXY or HTTP_PROXY, except for hosts in NO_PROXY.

Documents are looked up ${CONCURRENT_LOOKUPS} at a time; --timeout counts from the start of each lookup.

Exit status: 0 when every input was found, 1 when one was not, 2 on wrong usage.`;

export interface ResolveRecord {
  input: string;
  id: string | null;
  metadata: DocumentMetadata | null;
  errors: SourceFailure[];
}

export const resolveCommand = defineCommand({
  name: 'resolve',
  usage: '<citation|id>... [--json] [--offline] [--api URL] [--timeout MS]',
  summary: 'metadata of cited documents (catalog, cache, Tweede Kamer API, bundled)',
  options: { json: { type: 'boolean' }, offline: { type: 'boolean' }, api: { type: 'string' }, timeout: { type: 'string' } },
  help: HELP,
  async run({ positionals, values }, io) {
    if (positionals.length === 0) throw new UsageError('give at least one citation or id');
    const api = values.api;
    if (api !== undefined && !/^https?:\/\/[^\s]+$/i.test(api)) throw new UsageError(`--api must be an http(s) URL, not '${api}'`);
    const timeoutMs = values.timeout !== undefined ? Number(values.timeout) : 20_000;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new UsageError('--timeout needs a positive number of milliseconds');

    const offline = values.offline === true;
    const catalog = await findCatalog(io.cwd(), (p) => io.readFile(p));
    const storage = new JsonFileStorage(defaultCacheFile());
    const stack = createMetadataStack({
      catalogText: catalog?.text,
      storage,
      api: { baseUrl: api, online: !offline, timeoutMs: Math.min(10_000, timeoutMs), fetch: proxiedFetch() },
      resolver: { timeoutMs, lookupTimeoutMs: timeoutMs },
    });
    for (const issue of stack.catalog.issues) io.err(`${catalog?.path}:${issue.line}:${issue.col}: ${issue.severity}: ${issue.message}`);
    const offlineNote = stack.api.http.onDidChangeStatus((status, reason) => {
      if (status === 'offline')
        io.err(`kamerstuk resolve: the Tweede Kamer API is unreachable (${reason ?? 'no answer'}); using catalog, cache and bundled data`);
    });

    try {
      // A citation in any notation `refs` knows; one that names several documents (`nrs. 520 en 548`) gives a row each.
      const lookups = positionals.flatMap((input): { input: string; id?: string }[] => {
        const ids = idsInInput(input);
        return ids.length ? ids.map((id) => ({ input, id })) : [{ input }];
      });
      const records = await mapConcurrently(lookups, CONCURRENT_LOOKUPS, async ({ input, id }): Promise<ResolveRecord> => {
        if (!id) return { input, id: null, metadata: null, errors: [{ source: 'input', code: 'error', message: 'not a citation or canonical id' }] };
        const r: Resolution = await stack.resolver.resolve(id);
        const errors = r.errors.filter((e) => !(offline && e.code === 'offline'));
        if (r.timedOut) errors.push({ source: 'resolver', code: 'timeout', message: `no answer within ${timeoutMs} ms` });
        return { input, id, metadata: r.meta ?? null, errors };
      });
      await stack.resolver.whenWritten();
      await storage.flush().catch((e: Error) => io.err(`kamerstuk resolve: could not write the cache: ${e.message}`));
      if (values.json) io.out(JSON.stringify(records, null, 2));
      else io.out(records.map(formatRecord).join('\n\n'));
      return records.every((r) => r.metadata) ? 0 : 1;
    } finally {
      offlineNote.dispose();
      stack.resolver.dispose();
    }
  },
});

/** Source text is printed to a terminal: control characters (escape sequences) and bidi overrides removed. */
function clean(s: unknown): string {
  return String(s ?? '')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function formatRecord(r: ResolveRecord): string {
  const m = r.metadata;
  if (!m) {
    const why = r.errors.map((e) => `${e.source}: ${clean(e.message)}`).join('; ');
    return `${clean(r.input)}: not found${r.id && r.id !== r.input ? ` (${r.id})` : ''}${why ? ` — ${why}` : ''}`;
  }
  const lines = [`${m.id}  ${clean(m.title ?? m.onderwerp ?? '')}`.trimEnd()];
  const row = (label: string, ...parts: (string | undefined | false)[]) => {
    const v = parts.filter(Boolean).join(' · ');
    if (v) lines.push(`  ${label.padEnd(12)} ${clean(v)}`);
  };
  row('soort', m.soort, m.date, m.vergaderjaar && `vergaderjaar ${m.vergaderjaar}`);
  row('dossier', m.dossier && [m.dossier.nummer, m.dossier.toevoeging, m.dossier.titel].filter(Boolean).join(' '), m.ondernummer && `nr. ${m.ondernummer}`);
  row('tk', m.documentnummer && `document ${m.documentnummer}`, m.zaaknummer && `zaak ${m.zaaknummer}`);
  const who = (list = m.signatories) =>
    list?.map((s) => s.naam + (s.fractie || s.functie ? ` (${[s.fractie, s.functie].filter(Boolean).join(', ')})` : '')).join(', ');
  if (!isVotedKind(m.kind)) row('signed by', who());
  if (m.motion) {
    row('submitters', who(m.motion.submitters ?? m.signatories));
    const o = m.motion.outcome;
    row('outcome', o && [o.result, o.date && `on ${o.date}`].filter(Boolean).join(' '), o?.besluitTekst);
    const st = m.motion.stemming;
    if (st) {
      row('votes', `voor ${st.totals.voor}, tegen ${st.totals.tegen}, niet deelgenomen ${st.totals.nietDeelgenomen}${st.hoofdelijk ? ' (hoofdelijk)' : ''}`);
      for (const v of st.votes) lines.push(`    ${clean(v.fractie).padEnd(24)} ${clean(v.soort).padEnd(17)} ${v.zetels}${v.vergissing ? ' (vergissing)' : ''}`);
    }
  }
  for (const [label, url] of [
    ['html', m.links?.html],
    ['pdf', m.links?.pdf],
    ['tweedekamer', m.links?.tweedekamer],
    ['file', m.links?.resource],
  ] as const)
    row(label, url);
  row(
    'source',
    [m.source, m.origin && m.origin !== m.source && `from ${m.origin}`, m.fetchedAt && `fetched ${m.fetchedAt}`, m.stale && 'stale'].filter(Boolean).join(', '),
  );
  for (const e of r.errors) row('warning', `${e.source}: ${e.message}`);
  return lines.join('\n');
}
