// Annotation benches: re-anchoring 1,000 annotations on a 1 MB letter after edits, writing the annotation file
// after one tag with 1,000 annotations, as written by yaml and hand-edited (against `yaml` stringify of the same
// data as baseline), and the conflict
// markers of a merge with 3,000 conflicting entries (against 1,000 as baseline: linear space means ~3× the heap).

import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { anchorAnnotations } from '../../src/core/annotations/anchor';
import { renderWithConflictMarkers } from '../../src/core/annotations/conflict-markers';
import { captureSelector } from '../../src/core/annotations/quote';
import { AnnotationStore } from '../../src/core/annotations/store';
import type { Annotation } from '../../src/core/annotations/model';
import { scenarios, verdict } from '../support/revision-scenarios';
import { random, variedLetter } from '../support/varied-letter';
import { measure, type BenchCase } from './harness';

const SAMPLE = 'test/fixtures/corpus/kst-29754-716.md';

export { random };

/** A ~1 MB letter of numbered paragraphs from the sample, with 1,000 annotations on sentences of it. */
export function bigLetter(size = 1_000_000, count = 1000): { text: string; annotations: Annotation[] } {
  const text = variedLetter(readFileSync(SAMPLE, 'utf8'), size);
  const rnd = random(7);
  const annotations: Annotation[] = [];
  const used = new Set<number>();
  while (annotations.length < count) {
    const at = Math.floor(rnd() * (text.length - 400));
    const start = text.indexOf('. ', at) + 2;
    const end = text.indexOf('.', start + 20) + 1;
    if (start < 2 || end <= start || end - start > 400 || used.has(start)) continue;
    used.add(start);
    annotations.push({ id: `a${String(annotations.length).padStart(9, '0')}`, tag: 'measure', ...captureSelector(text, start, end) });
  }
  return { text, annotations };
}

/** A revision: paragraphs inserted and deleted, typos fixed inside tagged passages, some reflowed, some tagged deleted. */
export function revise(text: string, annotations: Annotation[]): string {
  const rnd = random(11);
  const paragraphs = text.split('\n\n');
  const tagged = annotations.slice().sort((a, b) => b.start - a.start);
  let out = text;
  // Edits inside passages, from the end so earlier offsets stay valid: 2 % typo fixes, 0.5 % deleted passages.
  for (const a of tagged) {
    const r = rnd();
    if (r < 0.02) out = out.slice(0, a.start + 10) + out.slice(a.start + 11, a.end) + out.slice(a.end);
    else if (r < 0.025) out = out.slice(0, a.start) + out.slice(a.end);
  }
  const revised = out.split('\n\n');
  const result: string[] = [];
  revised.forEach((p, i) => {
    const r = rnd();
    if (r < 0.01) result.push(`Nieuwe alinea ${i}: ${paragraphs[(i * 7) % paragraphs.length].slice(0, 300)}`);
    if (r > 0.995 && !annotations.some(() => false)) return; // deleted paragraph
    result.push(r > 0.98 ? p.replace(/(.{1,72})(\s|$)/g, '$1\n').trimEnd() : p);
  });
  return result.join('\n\n');
}

/** Our and their version of a file with `count` annotations, each with a different note on the two sides. */
export function conflictingSides(count: number): [string, string] {
  const { annotations } = bigLetter(count * 200, count);
  const side = (name: string) => {
    const store = AnnotationStore.create({ id: 'kst-29754-716', path: 'kst-29754-716.md' });
    annotations.forEach((a, i) => store.add({ ...a, note: `${name} ${i}` }));
    return store.toString();
  };
  return [side('ours'), side('theirs')];
}

/** The heap (and array buffers) one call of `fn` leaves allocated, after a collection when `--expose-gc` is on. */
function memoryDelta(fn: () => unknown): { heap: number; arrayBuffers: number; kept: unknown } {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  const kept = fn();
  const after = process.memoryUsage();
  return { heap: after.heapUsed - before.heapUsed, arrayBuffers: after.arrayBuffers - before.arrayBuffers, kept };
}

async function conflictMarkerRun(count: number) {
  const [ours, theirs] = conflictingSides(count);
  const render = () => renderWithConflictMarkers(ours, theirs);
  const memory = memoryDelta(render);
  const blocks = String(memory.kept).split('\n<<<<<<< ').length - 1;
  const time = await measure(render, { iterations: 5, warmup: 1 });
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
  const note = `${count} entries (${ours.split('\n').length} lines a side, ${blocks} conflict blocks): median ${time.median.toFixed(0)} ms, heapUsed +${mb(memory.heap)}, arrayBuffers +${mb(memory.arrayBuffers)}`;
  return { time, heap: memory.heap, note };
}

export const cases: BenchCase[] = [
  {
    name: 'annotations: conflict markers of a merge, 3,000 vs 1,000 conflicting entries',
    async run() {
      const small = await conflictMarkerRun(1000);
      const large = await conflictMarkerRun(3000);
      const heapRatio = large.heap / Math.max(1, small.heap);
      return {
        subject: large.time,
        baseline: { name: '1,000 conflicting entries', measurement: small.time },
        target: 'heapUsed ratio ≤ 4 (3× the entries, linear space)',
        met: heapRatio <= 4,
        notes: [small.note, large.note, `heapUsed ratio ${heapRatio.toFixed(2)}× (the printed ratio above is time)`],
      };
    },
  },
  {
    name: 'annotations: re-anchor 1,000 annotations on a 1 MB letter after edits',
    async run() {
      const { text, annotations } = bigLetter();
      const revised = revise(text, annotations);
      const results = anchorAnnotations(revised, annotations);
      const counts = new Map<string, number>();
      for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
      const subject = await measure(() => anchorAnnotations(revised, annotations), { iterations: 10, warmup: 2 });
      return {
        subject,
        target: 'median ≤ 200 ms',
        met: subject.median <= 200,
        notes: [`letter ${(revised.length / 1e6).toFixed(2)} MB; ${[...counts].map(([s, n]) => `${s} ${n}`).join(', ')}`],
      };
    },
  },
  {
    name: 'annotations: re-anchor 1,000 annotations on a 1 MB letter after edits, through history (the previous text and a diff)',
    async run() {
      const { text, annotations } = bigLetter();
      const revised = revise(text, annotations);
      // The editor keeps where each tag was found in the previous text; the CLI anchors it first (measured too).
      const results = anchorAnnotations(text, annotations);
      const withResults = () => anchorAnnotations(revised, annotations, { previous: { text, results, annotations } });
      const counts = new Map<string, number>();
      for (const r of withResults()) counts.set(`${r.status}/${r.reason ?? '-'}`, (counts.get(`${r.status}/${r.reason ?? '-'}`) ?? 0) + 1);
      // The editor anchors every version against the same previous text (its base), split once; the CLI meets a
      // previous text once: cold, each iteration a text not seen before (one more trailing newline).
      const subject = await measure(withResults, { iterations: 10, warmup: 2 });
      let fresh = 0;
      const cold = await measure(() => anchorAnnotations(revised, annotations, { previous: { text: text + '\n'.repeat(++fresh) } }), {
        iterations: 5,
        warmup: 1,
      });
      let freshWithResults = 0;
      const coldEditor = await measure(
        () => anchorAnnotations(revised, annotations, { previous: { text: text + '\n'.repeat(++freshWithResults), results, annotations } }),
        {
          iterations: 5,
          warmup: 1,
        },
      );
      const search = await measure(() => anchorAnnotations(revised, annotations), { iterations: 5, warmup: 1 });
      return {
        subject,
        baseline: { name: 'search only (no previous text)', measurement: search },
        target: 'median ≤ 200 ms with the diff; ≤ 400 ms without the previous text',
        met: subject.median <= 200 && search.median <= 400,
        notes: [
          `status/reason: ${[...counts].map(([s, n]) => `${s} ${n}`).join(', ')}`,
          `a previous text met for the first time, with its results (the editor's first re-anchoring): median ${coldEditor.median.toFixed(0)} ms`,
          `a previous text met for the first time, without its results (the CLI): median ${cold.median.toFixed(0)} ms`,
        ],
      };
    },
  },
  {
    name: 'annotations: anchoring stress set — right / misplaced / needless orphans per edit kind, history vs search only',
    async run() {
      const seeds = [1, 2, 3, 4, 5];
      const rows = new Map<string, Record<string, number>>();
      const started = performance.now();
      let pairs = 0;
      for (const seed of seeds)
        for (const sc of scenarios(seed)) {
          for (const mode of ['history', 'search'] as const) {
            const results = anchorAnnotations(sc.input, sc.annotations, mode === 'history' ? { previous: { text: sc.original } } : {});
            const row = rows.get(`${mode}: ${sc.kind}`) ?? {};
            results.forEach((r, i) => {
              const v = verdict(sc.revised, sc.annotations[i], r);
              row[v] = (row[v] ?? 0) + 1;
            });
            rows.set(`${mode}: ${sc.kind}`, row);
            if (mode === 'history') pairs += results.length;
          }
        }
      const ms = performance.now() - started;
      const sum = (mode: string, key: string) => [...rows].filter(([k]) => k.startsWith(mode)).reduce((n, [, r]) => n + (r[key] ?? 0), 0);
      const share = (mode: string) => (100 * sum(mode, 'right')) / pairs;
      const notes = [...rows].map(
        ([k, r]) =>
          `${k}: ${Object.entries(r)
            .map(([v, n]) => `${v} ${n}`)
            .join(', ')}`,
      );
      notes.unshift(
        `${pairs} tag/revision pairs (seeds ${seeds.join(', ')}): history ${share('history').toFixed(2)}% right, ${sum('history', 'misplaced')} misplaced, ${sum('history', 'needless orphan')} needless orphans; search only ${share('search').toFixed(2)}% right, ${sum('search', 'misplaced')} misplaced, ${sum('search', 'needless orphan')} needless orphans`,
      );
      return {
        subject: { median: ms, p95: ms, samples: 1 },
        target: 'history: 0 misplaced, ≥ 99.5% right',
        met: sum('history', 'misplaced') === 0 && share('history') >= 99.5,
        notes,
      };
    },
  },
  {
    name: 'annotations: write the file after one tag, 1,000 annotations',
    run: () => writeAfterOneTag((source) => source, 20),
  },
  {
    // Every entry hand-edited (two spaces before a comment), so each write keeps 1,000 entries' own text and
    // checks that the file it writes reads back as the canonical one.
    name: 'annotations: quiet write of a hand-edited file after one tag, 1,000 annotations',
    run: () => writeAfterOneTag((source) => source.replace(/^( {4}tag: \w+)$/gm, '$1  # hand'), 200),
  },
];

/** Writing a file of 1,000 annotations (its text made by `edit` from yaml's) after each of 30 new tags. */
async function writeAfterOneTag(edit: (source: string) => string, targetMs: number) {
  const { text, annotations } = bigLetter(200_000, 1000);
  const data = { version: 1, document: { id: 'kst-29754-716', path: 'kst-29754-716.md' }, annotations };
  const source = edit(stringify(data, { lineWidth: 0 }));
  const loaded = AnnotationStore.parse(source);
  if (!loaded.ok) throw new Error('bench file does not parse');
  const store = loaded.store;
  let n = 0;
  const subject = await measure(
    () => {
      const at = 1000 + n++ * 37;
      store.add({ tag: 'commitment', ...captureSelector(text, at, at + 60), created: '2026-11-28T12:00:00Z' });
      return store.toString();
    },
    { iterations: 30, warmup: 3 },
  );
  const written = store.toString();
  const kept = (written.match(/ {2}# hand$/gm) ?? []).length;
  const baseline = await measure(() => stringify(data, { lineWidth: 0 }), { iterations: 30, warmup: 3 });
  return {
    subject,
    baseline: { name: 'yaml stringify of the same data', measurement: baseline },
    target: `median ≤ ${targetMs} ms`,
    met: subject.median <= targetMs,
    notes: [`file ${(source.length / 1024).toFixed(0)} kB; hand-edited entries kept as written: ${kept}`],
  };
}
