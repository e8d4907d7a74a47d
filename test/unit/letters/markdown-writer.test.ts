// The writer's fast path for plain text must write exactly what mdast-util-to-markdown's own escaping writes.
import { strict as assert } from 'node:assert';
import type { Root } from 'mdast';
import { ConversionContext } from '../../../src/core/letters/koop-context';
import { KoopWriter } from '../../../src/core/letters/koop-flow';
import { TOP } from '../../../src/core/letters/koop-headings';
import { writeMarkdown } from '../../../src/core/letters/markdown-writer';
import { decodeXml, parseXml, rootElement } from '../../../src/core/letters/xml';
import { koopFixture } from './koop-fixtures';

function treeOf(xml: string | Buffer): Root {
  const ctx = new ConversionContext();
  const root = rootElement(parseXml(decodeXml(xml)))!;
  ctx.indexVoetnoten(root);
  const body = new KoopWriter(ctx).flow(root, TOP);
  return { type: 'root', children: [...body, ...ctx.definitions] };
}

const same = (tree: Root) => assert.equal(writeMarkdown(tree), writeMarkdown(tree, { escapeEveryText: true }));

describe('markdown writer', () => {
  it('writes the fixtures exactly as escaping every text node would', () => {
    for (const f of ['kst-29754-716.xml', 'kst-36410-XIII-80.xml', 'kst-24095-50.xml', 'ah-tk-20232024-1234.xml', 'kst-29754-999.latin1.xml'])
      same(treeOf(koopFixture(f)));
  });

  it('text that looks like markdown at the start or end of a line, or anywhere, is escaped the same way', () => {
    const lines = [
      '# geen kop',
      '> geen citaat',
      '- geen lijst',
      '+ ook niet',
      '1. geen lijst',
      '2) evenmin',
      '=== geen kop',
      '   ingesprongen',
      'eind met spaties  ',
    ];
    const inline = ['a *b* c', 'a_b_', '[x](y)', '<b>', '&amp;', '!', '`code`', 'a | b', '~~s~~', 'a\\b', 'tab\there'];
    const xml = `<officiele-publicatie>${[...lines, ...inline].map((t) => `<al>${t.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</al><al>Voor <nadruk type="vet">${t.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</nadruk> na</al>`).join('')}
      <ondertekening><functie>De Minister,</functie><naam>1. Jansen</naam></ondertekening><ondertekening><functie>#2</functie><naam>- Pietersen</naam></ondertekening>
      <table><tgroup cols="2"><tbody><row><entry>1. a | b</entry><entry># c</entry></row></tbody></tgroup></table></officiele-publicatie>`;
    same(treeOf(xml));
  });
});
