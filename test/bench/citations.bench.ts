// Citation scanner benches: a full scan of a realistic 1 MB note against remark-parse alone, a re-scan after a
// one-character edit, and an adversarial 1 MB line against half of it (a ratio near 2 shows linear time).
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { scanText } from '../../src/core/citations';
import { analyseMarkdown, CitationIndex, type TextChange } from '../../src/core/markdown';
import { measure, summarise, type BenchCase, type Measurement } from './harness';

/** Deterministic pseudo-random numbers (LCG), so every run measures the same text. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PROSE = [
  'De minister heeft de Kamer op {date} geïnformeerd over de voortgang van het programma en de gevolgen voor de uitvoering door gemeenten.',
  'In de brief wordt toegelicht welke maatregelen nodig zijn om de procedure robuust te houden bij veranderende omstandigheden.',
  'Uit de evaluatie blijkt dat 12 345 aanvragen zijn behandeld en dat het budget van € 29.754.000 grotendeels is besteed.',
  'Het kabinet hecht eraan te benadrukken dat het onderkennen van signalen mensenwerk blijft, ook in 2024 en 2025.',
  'Voor vragen kunt u bellen met 070-3182211 of schrijven naar Postbus 20018, 2500 EA Den Haag.',
];

const CITES = [
  () => `(Kamerstukken II 2022/23, ${d()}, nr. ${n()})`,
  () => `zie Kamerstuk ${d()}, nr. ${n()}, p. ${n()}`,
  () => `de aangehouden motie-Agema/Gerbrands (${d5()}, nr. ${n()})`,
  () => `de motie van het lid Van Haga c.s.`,
  () => `Kamerstukken II 2015/16, ${d()}, nrs. ${n()} en ${n()}`,
  () => `${d5()}-XIII-${n()}; ${d5()}-${n()}`,
  () => `Handelingen II 2010/11, nr. ${n()}, item ${n()}`,
  () => `Aanhangsel Handelingen II 2014/15, nr. ${n()}`,
  () => `Stb. 2022, ${n()}`,
  () => `document 2024D${String(10000 + n()).padStart(5, '0')}`,
  () => `[de brief](https://zoek.officielebekendmakingen.nl/kst-${d5()}-${n()}.html)`,
  () => `kst-${d5()}-VI-${n()}`,
  () => `(35300-A, nr. ${n()})`,
  () => `Kamerstukken I 2014/15, ${d5()}, C`,
];

let r = rng(1);
const n = () => 1 + Math.floor(r() * 900);
const d5 = () => String(20000 + Math.floor(r() * 17000));
const d = () => {
  const x = d5();
  return r() < 0.5 ? x : `${x.slice(0, 2)} ${x.slice(2)}`;
};

/** A realistic note of about `size` characters: prose with citations, headings, lists, code, footnotes. */
export function realisticNote(size: number, seed = 7): string {
  r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const parts: string[] = ['---\ntitle: Bench-notitie\nkamerstuk: kst-29754-716\n---\n'];
  let length = parts[0].length;
  let footnote = 0;
  while (length < size) {
    const roll = r();
    let block: string;
    if (roll < 0.08) block = `## ${pick(['Stand van zaken', 'Maatregelen', 'Motie Van Haga', 'Vervolg'])} ${n()}`;
    else if (roll < 0.18) block = Array.from({ length: 3 }, () => `- ${pick(PROSE).slice(0, 60)} ${pick(CITES)()}`).join('\n');
    else if (roll < 0.22) block = '```text\nKamerstukken II 2022/23, 29 754, nr. 1\nconst x = 12345;\n```';
    else if (roll < 0.27) block = `[^f${++footnote}]: Kamerstukken II 2022–2023, ${d()}, nr. ${n()}.`;
    else {
      const sentences = Array.from({ length: 3 + Math.floor(r() * 4) }, () => {
        const s = pick(PROSE).replace('{date}', `${1 + Math.floor(r() * 28)} juni 2024`);
        return r() < 0.6 ? `${s.slice(0, -1)} ${pick(CITES)()}.` : s;
      });
      if (footnote && r() < 0.3) sentences.push(`Daarmee is de motie van het lid Omtzigt uitgevoerd.[^f${footnote}]`);
      if (r() < 0.2) sentences.push('Dit staat ook in `Kamerstuk 29 754, nr. 5`.');
      block = sentences.join(' ');
    }
    parts.push(block);
    length += block.length + 2;
  }
  return parts.join('\n\n') + '\n';
}

/** A single line of digits, commas, `nr.` and other near-citations, built to provoke backtracking. */
export function adversarialLine(size: number, seed = 3): string {
  const g = rng(seed);
  const tokens = [
    '1',
    '12',
    '123',
    '12345',
    '29 754',
    '29.754',
    ',',
    ', ',
    'nr.',
    'nr. ',
    'nrs.',
    ' ',
    '-',
    '–',
    '/',
    ';',
    '2022/23',
    ' en ',
    '(',
    ')',
    'kst-',
    '2024D',
    // Shapes of the real-text grammar (issue 13): labels broken over lines, `stuk nr.`, mentions and their
    // parentheses, Eerste Kamer letters and Roman dossiers, sittings in parentheses, footnote marks.
    'Aanhangsel\n ',
    'stuk nr. ',
    'motie-Ab (',
    'moties ',
    'amendement ',
    '(2018/2019 ',
    ', letter ',
    'CXX, ',
    'A',
    '[^',
    ':',
  ];
  const out: string[] = [];
  let length = 0;
  while (length < size) {
    const t = tokens[Math.floor(g() * tokens.length)];
    out.push(t);
    length += t.length;
  }
  return out.join('').slice(0, size);
}

const MB = 1_000_000;

/**
 * A letter of about `size` characters of prose in which the anchor search finds nothing (no label word, number or
 * `nr`), in short paragraphs, with a few citations at the start and one at the end: scanned block by block, the
 * case where an anchor search running past its segment to the next citation cost quadratic time.
 */
export function fewCitationsLetter(size: number, seed = 5): string {
  const g = rng(seed);
  const sentences = [
    'De minister heeft de voortgang van het programma besproken met betrokken partijen en gemeenten.',
    'Daarbij is gekeken naar de uitvoering, de planning en de gevolgen voor inwoners en ondernemers.',
    'Het kabinet blijft de ontwikkelingen volgen en informeert u over de uitkomsten van het overleg.',
    'Uit de gesprekken blijkt dat er veel steun is voor een zorgvuldige aanpak in het hele land.',
  ];
  const blocks = ['# Brief aan de voorzitter', 'Zie Kamerstuk 29 754, nr. 5, en Kamerstukken II 2022/23, 36 200, nr. 12. Ook kst-36067-62.'];
  let length = blocks[0].length + blocks[1].length;
  while (length < size) {
    const block = Array.from({ length: 2 + Math.floor(g() * 3) }, () => sentences[Math.floor(g() * sentences.length)]).join(' ');
    blocks.push(block);
    length += block.length + 2;
  }
  blocks.push('Tot slot verwijs ik naar Kamerstuk 21 501-32, nr. 1500.');
  return blocks.join('\n\n') + '\n';
}

/**
 * Measures two functions alternately (a, b, a, b, …) with a collection before each run when `--expose-gc` is on,
 * so that both see the same machine load and neither pays for the other's garbage.
 */
async function measurePair(a: () => unknown, b: () => unknown, opts: { iterations: number; warmup: number }): Promise<[Measurement, Measurement]> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < opts.warmup + opts.iterations; i++) {
    for (const [fn, out] of [
      [a, ta],
      [b, tb],
    ] as const) {
      gc?.();
      const t0 = performance.now();
      await fn();
      if (i >= opts.warmup) out.push(performance.now() - t0);
    }
  }
  return [summarise(ta), summarise(tb)];
}

/** A flat (not concatenated) copy of a string, like the text an editor hands over. */
function flat(s: string): string {
  return Buffer.from(s, 'utf16le').toString('utf16le');
}

export const cases: BenchCase[] = [
  {
    name: 'citations: full scan of a realistic 1 MB note vs remark-parse alone',
    async run() {
      const note = realisticNote(MB);
      const parser = unified().use(remarkParse);
      let refs = 0;
      const [subject, baseline] = await measurePair(
        () => (refs = analyseMarkdown(note).refs.length),
        () => parser.parse(note),
        { iterations: 12, warmup: 2 },
      );
      const q = subject.median / baseline.median;
      return {
        subject,
        baseline: { name: 'remark-parse alone', measurement: baseline },
        target: 'ratio ≤ 1.3',
        met: q <= 1.3,
        notes: [`${(note.length / MB).toFixed(2)} MB, ${refs} references; scan = remark-parse + front matter + GFM footnotes + citation grammar`],
      };
    },
  },
  {
    name: 'citations: re-scan after a one-character edit in the 1 MB note',
    async run() {
      // Precomputed flat texts (as an editor hands them over): each pair types a character somewhere in the note
      // and deletes it again, so building the strings is not part of what is measured.
      const base = flat(realisticNote(MB));
      const g = rng(11);
      const steps: Array<{ text: string; change: TextChange }> = [];
      for (let k = 0; k < 12; k++) {
        const at = Math.floor(g() * base.length);
        steps.push({ text: flat(base.slice(0, at) + 'x' + base.slice(at)), change: { rangeOffset: at, rangeLength: 0, text: 'x' } });
        steps.push({ text: base, change: { rangeOffset: at, rangeLength: 1, text: '' } });
      }
      const index = new CitationIndex();
      let version = 0;
      index.update(base, version);
      let reparsed = 0;
      let refs = 0;
      const subject = await measure(
        () => {
          const step = steps[version % steps.length];
          const snap = index.update(step.text, ++version, [step.change]);
          reparsed += snap.stats.reparsedChars;
          refs = snap.refs.length + snap.problems.length;
          return refs;
        },
        { iterations: 240, warmup: 24 },
      );
      const text = base;
      return {
        subject,
        target: 'median ≤ 5 ms',
        met: subject.median <= 5,
        notes: [
          `mean re-parsed region ${(reparsed / version).toFixed(0)} characters of ${text.length}; timed: update() and reading all refs and problems (${refs})`,
        ],
      };
    },
  },
  {
    name: 'citations: 700 KB letter of prose with four citations, markdown path vs scanText',
    async run() {
      const text = fewCitationsLetter(700_000);
      const half = fewCitationsLetter(350_000);
      let refs = 0;
      const [subject, baseline] = await measurePair(
        () => (refs = analyseMarkdown(text).refs.length),
        () => scanText(text),
        { iterations: 10, warmup: 2 },
      );
      const halfTime = await measure(() => analyseMarkdown(half), { iterations: 10, warmup: 2 });
      const growth = subject.median / halfTime.median;
      return {
        subject,
        baseline: { name: 'scanText on the same text', measurement: baseline },
        target: 'linear: 700 KB / 350 KB through the markdown path ≤ 2.7',
        met: growth <= 2.7,
        notes: [
          `${(text.length / 1000).toFixed(0)} KB, ${refs} references; the same path at 350 KB: ${halfTime.median.toFixed(1)} ms (growth ${growth.toFixed(2)}× for twice the text)`,
        ],
      };
    },
  },
  {
    name: 'citations: adversarial 1 MB line (digits, commas, nr.) vs the same of 0.5 MB',
    async run() {
      const line = adversarialLine(MB);
      const half = line.slice(0, MB / 2);
      let found = 0;
      const [subject, baseline] = await measurePair(
        () => (found = scanText(line).length),
        () => scanText(half),
        { iterations: 40, warmup: 5 },
      );
      const q = subject.median / baseline.median;
      return {
        subject,
        baseline: { name: 'half the line', measurement: baseline },
        target: 'ratio ≈ 2 (linear)',
        met: q > 1.5 && q < 2.7,
        notes: [`${found} references in the 1 MB line`],
      };
    },
  },
];
