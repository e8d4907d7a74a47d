// Property: on generated publications full of characters markdown reads as syntax, the writer's fast paths write
// exactly what mdast-util-to-markdown writes with its own escaping on every text node.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { ConversionContext } from '../../../src/core/letters/koop-context';
import { KoopWriter } from '../../../src/core/letters/koop-flow';
import { TOP } from '../../../src/core/letters/koop-headings';
import { writeMarkdown } from '../../../src/core/letters/markdown-writer';
import { parseXml, rootElement } from '../../../src/core/letters/xml';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Pieces of text: words, and characters with a meaning in markdown at the start or end of a line or anywhere. */
const WORD = fc.constantFrom(
  'De',
  'minister',
  'é',
  '2025',
  '1.',
  '2)',
  '12,5',
  '#',
  '##',
  '*',
  '**',
  '_',
  '__',
  '-',
  '--',
  '+',
  '>',
  '<b>',
  '<',
  '&',
  '&amp;',
  '|',
  ':',
  ':-',
  '~',
  '`',
  '[',
  ']',
  '[x](y)',
  '!',
  '\\',
  '.',
  ')',
  '(',
  '=',
  '€',
  '"',
  "'",
  'a_b',
  'C#',
  '1°',
  ' ',
);
const SEP = fc.constantFrom(' ', '', '  ', '\n', '\t');
const TEXT = fc.array(fc.tuple(WORD, SEP), { maxLength: 8 }).map((parts) => esc(parts.map(([w, s]) => w + s).join('')));

/** Inline XML: text, emphasis of each kind, links, footnotes, processing instructions. */
const INLINE: fc.Arbitrary<string> = fc.letrec<{ inline: string }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    TEXT,
    TEXT,
    fc
      .tuple(fc.constantFrom('vet', 'cur', 'vetcur', 'onder'), fc.array(tie('inline'), { maxLength: 3 }))
      .map(([t, c]) => `<nadruk type="${t}">${c.join('')}</nadruk>`),
    fc.array(tie('inline'), { maxLength: 2 }).map((c) => `<extref doc="kst-29754-1" soort="document">${c.join('')}</extref>`),
    fc.tuple(fc.nat(30), TEXT).map(([n, t]) => `<noot id="n${n}" type="voet"><noot.nr>${n}</noot.nr><noot.al>${t}</noot.al></noot>`),
    fc.constant('<?xpp afbm?>'),
  ),
})).inline;

const LINE = fc.array(INLINE, { minLength: 1, maxLength: 5 }).map((c) => c.join(''));

const BLOCK = fc.oneof(
  LINE.map((l) => `<al>${l}</al>`),
  LINE.map((l) => `<al>${l}</al>`),
  fc.tuple(fc.constantFrom('1.', '2.1', '', '3.2.1'), LINE).map(([nr, l]) => `<divisie><kop><nr>${nr}</nr><titel>${l}</titel></kop><al>x</al></divisie>`),
  LINE.map((l) => `<tussenkop>${l}</tussenkop>`),
  fc
    .tuple(fc.constantFrom('a.', '1.', '–', '1°'), fc.array(LINE, { minLength: 1, maxLength: 3 }))
    .map(([m, items]) => `<lijst>${items.map((l) => `<li><li.nr>${m}</li.nr><al>${l}</al></li>`).join('')}</lijst>`),
  fc
    .array(LINE, { minLength: 2, maxLength: 4 })
    .map(
      (cells) =>
        `<table><tgroup cols="${cells.length}"><tbody><row>${cells.map((c) => `<entry><al>${c}</al></entry>`).join('')}</row></tbody></tgroup></table>`,
    ),
  LINE.map((l) => `<citaat><al>${l}</al></citaat>`),
  fc.tuple(LINE, LINE).map(([f, n]) => `<ondertekening><functie>${f}</functie><naam>${n}</naam></ondertekening>`),
);

function treeOf(xml: string): Root {
  const ctx = new ConversionContext();
  const root = rootElement(parseXml(xml))!;
  ctx.indexVoetnoten(root);
  return { type: 'root', children: [...new KoopWriter(ctx).flow(root, TOP), ...ctx.definitions] };
}

describe('markdown writer: fast paths against mdast-util-to-markdown', () => {
  it('writes generated publications exactly as escaping every text node would', () => {
    fc.assert(
      fc.property(fc.array(BLOCK, { minLength: 1, maxLength: 12 }), (blocks) => {
        const tree = treeOf(`<officiele-publicatie>${blocks.join('')}</officiele-publicatie>`);
        assert.equal(writeMarkdown(tree), writeMarkdown(tree, { escapeEveryText: true }));
      }),
      { numRuns: 400, seed: 12 },
    );
  });
});
