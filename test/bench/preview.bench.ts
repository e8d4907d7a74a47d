// The reading view's source map on letters whose paragraphs hold code spans over several lines (the code span's
// content has spaces for its line breaks, so it is not found verbatim): every search stays within its paragraph, so
// 2000 paragraphs take about twice as long as 1000. Plugin and markdown-it parse together, 500/1000/2000 paragraphs.
import MarkdownIt from 'markdown-it';
import { kamerstukPreviewPlugin } from '../../src/core/preview';
import { measure, type BenchCase, type Measurement } from './harness';

function letter(paragraphs: number): string {
  const one = (i: number) => `Alinea ${i} met \`code over\ntwee regels\` en daarna Kamerstuk 29 754, nr. ${(i % 900) + 1} in de tekst.`;
  return Array.from({ length: paragraphs }, (_, i) => one(i)).join('\n\n') + '\n';
}

async function parseTime(paragraphs: number): Promise<Measurement> {
  const md = kamerstukPreviewPlugin(new MarkdownIt(), { citations: () => [] });
  const text = letter(paragraphs);
  return measure(() => md.parse(text, {}), { iterations: 5, warmup: 1, minMs: 200 });
}

export const cases: BenchCase[] = [
  {
    name: 'reading view: source map of paragraphs with multi-line code spans, 2000 vs 1000 paragraphs',
    async run() {
      const [p500, p1000, p2000] = [await parseTime(500), await parseTime(1000), await parseTime(2000)];
      const q = p2000.median / p1000.median;
      return {
        subject: p2000,
        baseline: { name: '1000 paragraphs', measurement: p1000 },
        target: 'ratio ≈ 2 (linear)',
        met: q < 2.7,
        notes: [`parse with the plugin: 500 ${p500.median.toFixed(1)} ms, 1000 ${p1000.median.toFixed(1)} ms, 2000 ${p2000.median.toFixed(1)} ms`],
      };
    },
  },
];
