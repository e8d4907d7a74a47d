// Hover on a cached citation in a 1 MB note: the per-hover work once the note's citations are indexed
// (find the citation at the cursor, resolver.get on an id already answered, renderHoverMarkdown). No re-parse.
// Reading a team catalog of 5,000 and of 50,000 documents: the time should grow with the size, not its square.
import { parseDocument } from 'yaml';
import { createMetadataStack, HOVER_LOCAL_ANSWER_MS, MemoryStorage, parseCatalog, renderHoverMarkdown, type DocumentMetadata } from '../../src/core/metadata';
import { measure, type BenchCase } from './harness';

const FRACTIES = [
  'Fractie A',
  'Fractie B',
  'Fractie C',
  'Fractie D',
  'Fractie E',
  'Fractie F',
  'Fractie G',
  'Fractie H',
  'Fractie I',
  'Fractie J',
  'Fractie K',
  'Fractie L',
  'Fractie M',
  'Fractie N',
  'Fractie O',
];

function record(i: number): DocumentMetadata {
  const id = `kst-${30000 + (i % 900)}-${i}`;
  const motie = i % 3 === 0;
  return {
    id,
    kind: motie ? 'motie' : 'kamerstuk',
    soort: motie ? 'Motie' : 'Brief regering',
    title: `Synthetische titel nummer ${i} over [markdown] <tekens> en *nadruk* die ontsnapt moeten worden`.repeat(2),
    date: '2024-06-18',
    vergaderjaar: '2023-2024',
    dossier: { nummer: String(30000 + (i % 900)), titel: 'Synthetisch dossier' },
    ondernummer: String(i),
    documentnummer: `2024D${String(i).padStart(5, '0')}`,
    signatories: [{ naam: 'D. Yeşilgöz-Zegerius', functie: 'Minister van Justitie en Veiligheid' }],
    source: 'catalog',
    motion: motie
      ? {
          submitters: [{ naam: 'Jansen', fractie: 'Fractie A' }],
          outcome: { result: 'aangenomen', date: '2024-07-04', besluitTekst: 'Aangenomen.' },
          stemming: {
            hoofdelijk: false,
            votes: FRACTIES.map((fractie, k) => ({ fractie, soort: k % 2 ? 'Tegen' : 'Voor', zetels: 10 })),
            totals: { voor: 80, tegen: 70, nietDeelgenomen: 0 },
          },
        }
      : undefined,
  };
}

/** A `.kamerstuk/catalog.yaml` of `count` documents, each with a title, soort and date. */
function catalogText(count: number): string {
  const lines = ['version: 1', 'documents:'];
  for (let i = 1; i <= count; i++) {
    lines.push(`  kst-${30000 + (i % 900)}-${i}:`, `    title: Synthetische brief nummer ${i}`, '    soort: Brief regering', '    date: 2024-06-18');
  }
  return lines.join('\n') + '\n';
}

/** A fetch that never answers (a network that accepts connections and stays silent); it honours the signal. */
const silentFetch = ((_url: string, init?: RequestInit) =>
  new Promise<Response>((_, reject) =>
    init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true }),
  )) as typeof fetch;

export const cases: BenchCase[] = [
  {
    name: 'metadata: first hover of a document with the API hanging (expired cache entry or bundled catalog), resolve + render',
    async run() {
      let now = Date.UTC(2026, 0, 1);
      const storage = new MemoryStorage();
      const { resolver, cache } = createMetadataStack({
        storage,
        api: { fetch: silentFetch, timeoutMs: 600_000, answerTimeoutMs: 600_000 },
        resolver: { now: () => now, timeoutMs: 1500 },
      });
      const records = Array.from({ length: 400 }, (_, i) => record(i + 1));
      for (const r of records) await cache.put({ ...r, source: 'tweedekamer', origin: 'tweedekamer' });
      now += 40 * 24 * 3600 * 1000; // every cache entry expired (30 days), none dropped: the API is asked and never answers
      const bundledIds = ['kst-29754-683', 'kst-29754-716', 'kst-29754-680'];
      let k = 0;
      let refreshing = 0;
      const hover = async (id: string) => {
        const r = await resolver.resolve(id, { preferLocalAfterMs: HOVER_LOCAL_ANSWER_MS });
        if (r.refreshing) refreshing++;
        return r.meta ? renderHoverMarkdown(r.meta).length : 0;
      };
      // Each sample is a document not hovered before (a new lookup), so nothing comes from the resolver's memory.
      const subject = await measure(() => hover(records[k++ % records.length].id), { iterations: 300, warmup: 20 });
      const bundled = await measure(
        async () => {
          resolver.forgetFailures();
          await hover(bundledIds[k++ % bundledIds.length]);
        },
        { iterations: 200, warmup: 10 },
      );
      resolver.dispose();
      const p95 = Math.max(subject.p95, bundled.p95);
      return {
        subject,
        target: 'p95 ≤ 50 ms (local answer)',
        met: p95 <= 50,
        notes: [
          `expired cache entries: median ${subject.median.toFixed(2)} ms, p95 ${subject.p95.toFixed(2)} ms; bundled catalog: median ${bundled.median.toFixed(2)} ms, p95 ${bundled.p95.toFixed(2)} ms`,
          `${refreshing} of ${subject.samples + bundled.samples + 30} hovers answered locally while the API was still being asked (marked refreshing)`,
        ],
      };
    },
  },
  {
    name: 'metadata: reading a team catalog of 50,000 documents vs. 5,000 (parseCatalog)',
    async run() {
      const small = catalogText(5_000);
      const large = catalogText(50_000);
      let records = 0;
      const baseline = await measure(() => (records = parseCatalog(small).records.length), { iterations: 5, warmup: 1 });
      const subject = await measure(() => (records = parseCatalog(large).records.length), { iterations: 3, warmup: 1 });
      const yamlOnly = await measure(() => parseDocument(large, { uniqueKeys: false }), { iterations: 3, warmup: 1 });
      const ratio = subject.median / baseline.median;
      return {
        subject,
        baseline: { name: '5,000 documents', measurement: baseline },
        target: '50,000 documents ≤ 1 s; ratio ≈ 10 (linear)',
        met: subject.median <= 1000,
        notes: [
          `5,000: ${baseline.median.toFixed(0)} ms (${(small.length / 1e6).toFixed(1)} MB); 50,000: ${subject.median.toFixed(0)} ms (${(large.length / 1e6).toFixed(1)} MB, ${records} records); ratio ${ratio.toFixed(1)}`,
          `of which the yaml library's parseDocument alone: ${yamlOnly.median.toFixed(0)} ms`,
        ],
      };
    },
  },
  {
    name: 'metadata: hover on a cached citation in a 1 MB note (index lookup + resolver.get + renderHoverMarkdown)',
    async run() {
      const records = Array.from({ length: 3000 }, (_, i) => record(i + 1));
      const { resolver, catalog } = createMetadataStack({ api: { online: false }, bundled: false });
      catalog.replace(records);
      // A 1 MB note citing the documents; its citation spans are indexed once (the scanner's job, stood in here).
      const parts: string[] = [];
      let size = 0;
      for (let i = 0; size < 1024 * 1024; i++) {
        const p = `Zie ${records[i % records.length].id} voor de achtergrond van deze passage, met wat lopende tekst eromheen. `;
        parts.push(p);
        size += p.length;
      }
      const note = parts.join('');
      const spans: { start: number; end: number; id: string }[] = [];
      for (const m of note.matchAll(/kst-\d+-\d+/g)) spans.push({ start: m.index!, end: m.index! + m[0].length, id: m[0] });
      for (const r of records) await resolver.get(r.id); // every cited document answered once: in memory now
      const at = (offset: number) => {
        let lo = 0;
        let hi = spans.length - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          if (spans[mid].end < offset) lo = mid + 1;
          else if (spans[mid].start > offset) hi = mid - 1;
          else return spans[mid];
        }
        return undefined;
      };
      let k = 0;
      let chars = 0;
      const subject = await measure(
        async () => {
          const span = spans[(k = (k * 7919 + 13) % spans.length)];
          const hit = at(span.start + 2)!;
          const meta = await resolver.get(hit.id);
          chars += renderHoverMarkdown(meta!, { tagCounts: { measure: 2 } }).length;
        },
        { iterations: 2000, warmup: 200 },
      );
      resolver.dispose();
      return {
        subject,
        target: 'p95 ≤ 2 ms',
        met: subject.p95 <= 2,
        notes: [
          `note ${(note.length / 1024 / 1024).toFixed(2)} MB, ${spans.length} citations, ${records.length} documents; ${Math.round(chars / subject.samples)} chars of markdown per hover`,
        ],
      };
    },
  },
];
