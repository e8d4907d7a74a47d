// The publication parser (saxes building xast) must give the tree xast-util-from-xml gives, positions aside, and
// say where a broken file breaks.
import { strict as assert } from 'node:assert';
import type { Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { publication } from '../../bench/letters.bench';
import { LetterError } from '../../../src/core/letters';
import { decodeXml, parseXml } from '../../../src/core/letters/xml';
import { koopFixture } from './koop-fixtures';

/** The reference tree: xast-util-from-xml over @rgrove/parse-xml, without positions and unset fields. */
const reference = (text: string): Root => JSON.parse(JSON.stringify(fromXml(text), (k, v: unknown) => (k === 'position' ? undefined : v)));

const same = (text: string) => assert.deepEqual(parseXml(text), reference(text));

function broken(text: string, where: RegExp): void {
  assert.throws(
    () => parseXml(text),
    (e: unknown) => e instanceof LetterError && e.code === 'malformed' && where.test(e.message),
  );
}

describe('KOOP XML parser', () => {
  it('gives the tree xast-util-from-xml gives on every publication fixture and a generated publication', () => {
    for (const f of [
      'kst-29754-716.xml',
      'kst-29754-716.metadata.xml',
      'kst-36410-XIII-80.xml',
      'kst-24095-50.xml',
      'ah-tk-20232024-1234.xml',
      'kst-29754-999.latin1.xml',
    ])
      same(decodeXml(koopFixture(f)));
    same(publication(50_000));
  });

  it('keeps the declaration, doctype, comments, processing instructions mid-word, CDATA, entities and attribute whitespace as from-xml does', () => {
    same(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE officiele-publicatie>\n<!-- kop -->\n<a x="1\t2" y=\'&lt;&quot;\'>De UZI-server<?xpp afbm?>certificaten<![CDATA[<&>]]>x&amp;y&#233;&#x20AC;<!--c-->z\r\nw<b/></a>\n<?na afloop?>\n',
    );
    const root = parseXml('<al>UZI-server<?xpp afbm?>certificaten</al>');
    assert.deepEqual(root.children[0], {
      type: 'element',
      name: 'al',
      attributes: {},
      children: [
        { type: 'text', value: 'UZI-server' },
        { type: 'instruction', name: 'xpp', value: 'afbm' },
        { type: 'text', value: 'certificaten' },
      ],
    });
  });

  it('a truncated file is an error at the line and column where its text ends, naming the open element', () => {
    broken('<a>\n  <b>tekst', /\(line 2, column 10\): the file ends before <b> is closed/);
    broken('<a>\n  <b>tekst\n\n', /\(line 2, column 10\)/);
  });

  it('broken markup, an undefined entity and text after the root are errors with a line and column', () => {
    broken('<a>\n<b></c></a>', /\(line 2, column \d+\)/);
    broken('<a>\n&nbsp;</a>', /\(line 2, column \d+\).*entity/);
    broken('<a/>\ntekst', /\(line 2, column \d+\)/);
    broken('', /not well-formed XML/);
  });
});
