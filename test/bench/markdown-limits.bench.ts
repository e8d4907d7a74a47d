// Markdown the parser cannot take whole (src/core/markdown/budget.ts): nested lists and block quotes, long runs of
// link brackets or emphasis, tens of thousands of footnote definitions. Each shape is scanned at size n and 2n in
// the same run; a ratio near 2 shows linear time. The notes give remark-parse alone on the n input (one run: it
// takes seconds on some of these, which is what the budgets avoid).
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { analyseMarkdown } from '../../src/core/markdown';
import { measure, type BenchCase, type BenchResult } from './harness';

interface Shape {
  name: string;
  /** The input of size n (`scale` 1) or 2n (`scale` 2). */
  make(scale: number): string;
}

const CITATION = ' Kamerstuk 29 754, nr. 686\n';

const SHAPES: Shape[] = [
  { name: '4 KB of nested list markers `- - - …`', make: (s) => '- '.repeat(2048 * s) + CITATION },
  { name: '10 KB of nested block quotes `>>> …`', make: (s) => '>'.repeat(10_240 * s) + CITATION },
  { name: '16,000 unclosed links `[a](`', make: (s) => '[a]('.repeat(16_000 * s) + CITATION },
  { name: '16,000 definition starts `[x]: ` on one line', make: (s) => '[x]: '.repeat(16_000 * s) + CITATION },
  { name: '12,000 emphasis marks `*a`', make: (s) => '*a'.repeat(12_000 * s) + CITATION },
  { name: '20,000 footnote definitions', make: (s) => footnotes(20_000 * s) },
];

function footnotes(count: number): string {
  const notes = Array.from({ length: count }, (_, i) => `[^${i + 1}]: Kamerstukken II 2022/23, 31 015, nr. ${(i % 900) + 1}.`);
  return `De motie van het lid Omtzigt is uitgevoerd.[^${count}]\n\n${notes.join('\n')}\n`;
}

async function compare(shape: Shape): Promise<BenchResult> {
  const small = shape.make(1);
  const large = shape.make(2);
  let limits = 0;
  const opts = { iterations: 5, warmup: 1, minMs: 300 };
  const subject = await measure(() => (limits = analyseMarkdown(large).limits.length), opts);
  const baseline = await measure(() => analyseMarkdown(small), opts);
  const parser = unified().use(remarkParse);
  const t0 = performance.now();
  parser.parse(small);
  const parseOnce = performance.now() - t0;
  const q = subject.median / baseline.median;
  return {
    subject,
    baseline: { name: 'the same shape of half the size', measurement: baseline },
    target: 'ratio ≈ 2 (linear)',
    met: q < 2.7,
    notes: [
      `${(small.length / 1000).toFixed(0)} kB: scan ${baseline.median.toFixed(1)} ms; remark-parse alone, once: ${parseOnce.toFixed(0)} ms`,
      `${limits} block(s) scanned as plain text in the 2n input`,
    ],
  };
}

export const cases: BenchCase[] = SHAPES.map((shape) => ({ name: `markdown limits: ${shape.name}, n vs 2n`, run: () => compare(shape) }));
