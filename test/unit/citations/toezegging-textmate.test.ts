// The grammar's `toezegging` rule in VS Code's own TextMate engine (vscode-textmate with Oniguruma): register numbers
// are coloured like the other citations, whole; the look-alikes the scanner leaves alone stay uncoloured.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { scanText } from '../../../src/core/citations';

const require = createRequire(__filename);
const SCOPE = 'text.kamerstuk.toezegging.test';

async function tokenizer(): Promise<(line: string) => { text: string; scopes: string[] }[]> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).catch(() => undefined); // loaded once per process
  const injection = JSON.parse(readFileSync('syntaxes/kamerstuk.injection.tmLanguage.json', 'utf8'));
  const raw = JSON.stringify({ ...injection, scopeName: SCOPE, injectionSelector: undefined });
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (s: string[]) => new oniguruma.OnigScanner(s),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) => (scope === SCOPE ? textmate.parseRawGrammar(raw, 'toezegging.json') : null),
  });
  const grammar = await registry.loadGrammar(SCOPE);
  assert.ok(grammar);
  return (line) => grammar.tokenizeLine(line, textmate.INITIAL).tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
}

describe('TextMate grammar: toezegging numbers', () => {
  let tokenize: Awaited<ReturnType<typeof tokenizer>>;
  before(async () => {
    tokenize = await tokenizer();
  });
  const coloured = (line: string) =>
    tokenize(line)
      .filter((t) => t.scopes.some((s) => s.startsWith('meta.citation.toezegging')))
      .map((t) => t.text);

  for (const [line, number] of [
    ['Toezegging TZ202504-057 is afgedaan.', 'TZ202504-057'],
    ['(toezegging TZ202412-116)', 'TZ202412-116'],
    ['zie TZ202603-130.', 'TZ202603-130'],
    ['TZ202504\u2013057 met een halve kastlijn', 'TZ202504\u2013057'],
  ]) {
    it(`colours ${JSON.stringify(number)} whole, as a citation`, () => {
      assert.deepEqual(coloured(line), [number]);
      const token = tokenize(line).find((t) => t.text === number)!;
      assert.ok(token.scopes.includes('entity.name.type.citation.kamerstuk'), token.scopes.join(' '));
      assert.deepEqual(
        scanText(line).map((r) => r.text),
        [number],
        'the scanner agrees',
      );
    });
  }

  for (const line of [
    '2511 TZ Den Haag en 2511TZ',
    'KATZ202504-057 en TZ2000',
    'TZ202504-0571 en TZ202504-057-A',
    'TZ202513-001 en tz202504-057',
    'onderdeel TO3357 en T01237',
  ]) {
    it(`leaves ${JSON.stringify(line)} uncoloured, as the scanner does`, () => {
      assert.deepEqual(coloured(line), []);
      assert.deepEqual(
        scanText(line).filter((r) => r.kind === 'toezegging'),
        [],
      );
    });
  }

  // An Eerste Kamer T-number is a reference only by its sentence (core/citations/toezegging.ts), which a TextMate
  // rule cannot see: the grammar leaves it uncoloured rather than colour every `T` and five digits.
  it('leaves Eerste Kamer T-numbers uncoloured; the scanner finds them by their sentence', () => {
    const line = 'De toezeggingen T02867 en TO3357 zijn voldaan.';
    assert.deepEqual(coloured(line), []);
    assert.deepEqual(
      scanText(line).map((r) => r.id),
      ['T02867', 'T03357'],
    );
  });
});
