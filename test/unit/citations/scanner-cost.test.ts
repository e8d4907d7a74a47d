// The cost of scanning a document segment by segment: the anchor search of one segment reads that segment (and a
// few characters after it), not the rest of the document up to the next anchor. Work is counted through the
// scanner's test hook (characters the anchor search passed over), never timed.
import { strict as assert } from 'node:assert';
import { anchorSearch, emptyOutput, scanSegment } from '../../../src/core/citations/scanner';
import { analyseMarkdown, CitationIndex } from '../../../src/core/markdown';

// Prose without any anchor (no label word, no five-digit number, no `nr`), so only the citations below stop the
// anchor search: the case where a search running past its segment costs the most.
const PROSE = 'De minister heeft de voortgang van het programma besproken met betrokken partijen en gemeenten in het hele land.';
const CITATIONS = ['Zie Kamerstuk 29 754, nr. 5.', 'Zie ook Kamerstukken II 2022/23, 36 200, nr. 12.', 'En kst-36067-62.'];
const LAST = 'Tot slot: Kamerstuk 21 501-32, nr. 1500.';
const IDS = ['kst-29754-5', 'kst-36200-12', 'kst-36067-62', 'kst-21501-32-1500'];

/** A letter of about `size` characters: many short paragraphs (each with inline code, so several segments). */
function letter(size: number): string {
  const blocks = [`# Brief\n\n${CITATIONS.join(' ')}`];
  let length = blocks[0].length;
  while (length < size) {
    const block = `${PROSE} Het \`veld\` blijft leeg. ${PROSE}`;
    blocks.push(block);
    length += block.length + 2;
  }
  blocks.push(LAST);
  return blocks.join('\n\n') + '\n';
}

/** Characters the anchor search passes over while `run` runs. */
function work(run: () => unknown): number {
  const before = anchorSearch.examined;
  run();
  return anchorSearch.examined - before;
}

const SIZES = [25_000, 50_000, 100_000, 200_000];

function assertLinear(label: string, measure: (text: string) => number): void {
  const texts = SIZES.map(letter);
  const perChar = texts.map((t) => measure(t) / t.length);
  for (const [k, q] of perChar.entries()) {
    // Every character of the prose is passed over once; a search running on to the next citation would make the
    // work per character grow with the length (about twice per doubling).
    assert.ok(q >= 0.9, `${label}: ${q.toFixed(2)} characters examined per character of a ${texts[k].length}-character letter`);
    assert.ok(q <= perChar[0] * 1.1, `${label}: ${q.toFixed(2)} per character at ${texts[k].length} vs ${perChar[0].toFixed(2)} at ${texts[0].length}`);
  }
}

describe('citation scanner cost per segment', () => {
  it('analyseMarkdown examines each character of a long letter with few citations a bounded number of times', () => {
    assertLinear('analyseMarkdown', (text) =>
      work(() => {
        const refs = analyseMarkdown(text).refs;
        assert.deepEqual(
          refs.map((r) => r.id),
          IDS,
        );
      }),
    );
  });

  it('the citation index (hovers, diagnostics) builds a long letter in linear work', () => {
    assertLinear('CitationIndex', (text) =>
      work(() => {
        const snap = new CitationIndex().update(text, 1);
        assert.deepEqual(
          snap.refs.map((r) => r.id),
          IDS,
        );
      }),
    );
  });

  it('a citation running past the end of its segment is read up to the end only, as before', () => {
    const cases: Array<{ segment: string; after: string; refs: string[] }> = [
      { segment: 'Zie Kamerstuk 29 754, nr. 5', after: '8 en verder.', refs: ['Kamerstuk 29 754, nr. 5'] },
      { segment: 'Zie Kamerstukken II 2022/23, 29 754, nrs. 5 en 6', after: '7 en verder.', refs: ['Kamerstukken II 2022/23, 29 754, nrs. 5', '6'] },
      { segment: 'De motie-Agema (29 754, nr. 5', after: ') is aangenomen.', refs: ['29 754, nr. 5'] },
      { segment: 'Zie https://zoek.officiele', after: 'bekendmakingen.nl/kst-29754-5.html hier.', refs: [] },
      { segment: 'Zie 29', after: '\n   > 754, nr. 5.', refs: [] },
    ];
    const head = `${PROSE}\n\n`;
    const tail = `\n\n${PROSE}`.repeat(500);
    for (const c of cases) {
      const text = head + c.segment + c.after + tail;
      const out = emptyOutput();
      scanSegment(text, head.length, head.length + c.segment.length, {}, out);
      assert.deepEqual(
        out.refs.map((r) => r.text),
        c.refs,
        c.segment,
      );
      for (const r of out.refs) assert.equal(text.slice(r.start, r.end), r.text, 'offsets are into the whole text');
    }
  });

  it('a segment scans the same whatever the document holds far after it', () => {
    const sentence = 'Zie Kamerstukken II 2022/23, 29 754, nrs. 5 en 6; motie-Agema (36 200, nr. 12) en TZ202504-057.';
    const head = `${PROSE}\n\n`;
    const near = sentence + ' ' + PROSE;
    const far = `\n\nZie Kamerstuk 21 501-32, nr. 1500. ${PROSE}`.repeat(200);
    for (let cut = 1; cut <= sentence.length; cut++) {
      const scan = (text: string) => {
        const out = emptyOutput();
        scanSegment(text, head.length, head.length + cut, {}, out);
        return JSON.stringify(out);
      };
      assert.equal(scan(head + near + far), scan(head + near), `segment ends at ${cut}`);
    }
  });
});
