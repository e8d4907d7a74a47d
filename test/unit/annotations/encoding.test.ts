// Annotation files that are not UTF-8 (Latin-1 from an old tool): found at their first bad byte, with its line and
// column, so that they are treated like files that do not parse and are never rewritten.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { encodingDiagnostics, invalidUtf8Offset } from '../../../src/core/annotations/encoding';
import { LATIN1 } from './helpers';

const bytes = (...b: number[]) => Uint8Array.from(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('annotation file encoding', () => {
  it('accepts well-formed UTF-8: ASCII, accents, a BOM, dashes, non-BMP characters', () => {
    assert.equal(invalidUtf8Offset(utf8('\ufeffversion: 1\nnote: "coördinator – één 😀 𝄞"\n')), -1);
    assert.equal(invalidUtf8Offset(new Uint8Array()), -1);
  });

  it('finds the first byte that is not UTF-8', () => {
    assert.equal(invalidUtf8Offset(bytes(0x61, 0xe9, 0x62)), 1, 'Latin-1 é followed by ASCII');
    assert.equal(invalidUtf8Offset(bytes(0x61, 0xc3)), 1, 'a sequence cut off at the end');
    assert.equal(invalidUtf8Offset(bytes(0xc0, 0x80)), 0, 'an overlong form');
    assert.equal(invalidUtf8Offset(bytes(0xe0, 0x80, 0x80)), 0, 'an overlong three-byte form');
    assert.equal(invalidUtf8Offset(bytes(0x41, 0xed, 0xa0, 0x80)), 1, 'an encoded surrogate');
    assert.equal(invalidUtf8Offset(bytes(0xf4, 0x90, 0x80, 0x80)), 0, 'above U+10FFFF');
    assert.equal(invalidUtf8Offset(bytes(0xf5, 0x80, 0x80, 0x80)), 0);
    assert.equal(invalidUtf8Offset(bytes(0x80)), 0, 'a lone continuation byte');
    assert.equal(invalidUtf8Offset(bytes(0xe2, 0x80, 0x41)), 0, 'a continuation byte missing');
  });

  it('the Latin-1 fixture: one error at its first non-ASCII byte (the NBSP of a quote, line 10), column in characters', () => {
    const file = readFileSync(LATIN1);
    const [d, ...rest] = encodingDiagnostics(file);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'encoding');
    assert.equal(d.severity, 'error');
    const line = file.toString('latin1').split('\n')[9];
    assert.equal(d.line, 10);
    assert.equal(d.column, line.indexOf('\u00a0') + 1);
    assert.deepEqual(d.message.args, ['0xA0', '10', String(line.indexOf('\u00a0') + 1)]);
  });
});
