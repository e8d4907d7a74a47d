// The injection grammar's rules run by VS Code's own TextMate engine (vscode-textmate with the Oniguruma regex
// library, as in the editor): every rule compiles, citations get their scopes, look-alikes get none.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const require = createRequire(__filename);

interface Token {
  text: string;
  scopes: string[];
}

async function loadTokenizer(): Promise<(line: string) => Token[]> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const injection = JSON.parse(readFileSync('syntaxes/kamerstuk.injection.tmLanguage.json', 'utf8'));
  // The injection's rules as a grammar of their own (the markdown grammar it is injected into is VS Code's).
  const standalone = { ...injection, scopeName: 'text.kamerstuk.test', injectionSelector: undefined };
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) => (scope === 'text.kamerstuk.test' ? textmate.parseRawGrammar(JSON.stringify(standalone), 'test.json') : null),
  });
  const grammar = await registry.loadGrammar('text.kamerstuk.test');
  assert.ok(grammar, 'the grammar did not load');
  return (line) => {
    const r = grammar.tokenizeLine(line, textmate.INITIAL);
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  };
}

/** The text covered by tokens whose scopes include a citation scope. */
function coloured(tokens: Token[]): string {
  return tokens
    .filter((t) => t.scopes.some((s) => /citation/.test(s)))
    .map((t) => t.text)
    .join('');
}

describe('TextMate injection grammar in the Oniguruma engine', () => {
  let tokenize: (line: string) => Token[];
  before(async () => {
    tokenize = await loadTokenizer();
  });

  const cases: [string, string][] = [
    ['Zie Kamerstukken II 2022/23, 29 754, nr. 680 hierover.', 'Kamerstukken II 2022/23, 29 754, nr. 680'],
    ['(Kamerstuk 31 865, nr. 207)', 'Kamerstuk 31 865, nr. 207'],
    ['Zie Kamerstukken II 22/23, 29754, nr.680.', 'Kamerstukken II 22/23, 29754, nr.680'],
    ['zie kst-29754-716 en verder', 'kst-29754-716'],
    ['Handelingen II 2010/11, nr. 108, item 5', 'Handelingen II 2010/11, nr. 108, item 5'],
    ['Aanhangsel Handelingen II 2014/15, nr. 1241.', 'Aanhangsel Handelingen II 2014/15, nr. 1241'],
    ['Stb. 2022, 524', 'Stb. 2022, 524'],
    ['Zie 35.788, K hierover.', '35.788, K'],
    ['en EK 36 600 B, A.', 'EK 36 600 B, A'],
    ['Kamerstukken I, CXXIV, letter A', 'CXXIV, letter A'],
    ['Aanhangsel der Handelingen, vergaderjaar 2006–2007, nr. 520', 'Aanhangsel der Handelingen, vergaderjaar 2006–2007, nr. 520'],
    ['Handelingen der Kamer II, vergaderjaar 1999–2000, nr. 45', 'Handelingen der Kamer II, vergaderjaar 1999–2000, nr. 45'],
    ['kamerstukdossier 21501 32-1691 ICT', '21501 32-1691'],
    ['het amendement van het lid Omtzigt over pensioen', 'amendement van het lid Omtzigt'],
    ['de motie-M.B. Vos over', 'motie-M.B. Vos'],
    ['(amendement 36067 – 61)', 'amendement 36067 – 61'],
    ['over stuk nr. 13, I, eerst', 'stuk nr. 13'],
    ['zie kst-cxxiv-g', 'kst-cxxiv-g'],
  ];
  for (const [line, expected] of cases) {
    it(`colours ${JSON.stringify(expected)}`, () => {
      const got = coloured(tokenize(line));
      assert.ok(got.includes(expected), `coloured ${JSON.stringify(got)} in ${JSON.stringify(line)}`);
    });
  }

  it('paints a citation in one colour: all of it has the same scopes, one the themes colour calmly', () => {
    for (const [line, expected] of cases) {
      const parts = tokenize(line).filter((t) => t.scopes.some((s) => /citation/.test(s)));
      const scopes = new Set(parts.map((t) => t.scopes.join(' ')));
      assert.equal(scopes.size, 1, `${expected}: ${[...scopes].join(' | ')}`);
      assert.ok([...scopes][0].includes('entity.name.type.citation.kamerstuk'), [...scopes][0]);
    }
  });

  for (const line of [
    'Het kost € 29.754,00 per jaar.',
    'Bel 070-3182211 of 070 318 22 11.',
    'Op 2024-06-18 om 12:00.',
    'Advies W16.19.0054/II van de Raad van State.',
    'Kenmerk nr. 2024-0000129720.',
    'Raadsdocument ST 8803/16 en toezegging TO3357, kamervragen nr. 2060702480.',
    'Het kabinet-Rutte IV, hoofdstuk CI, de kosten.',
    'In 12345 - 5 gevallen en 29 754 -6 dagen.',
  ]) {
    it(`leaves ${JSON.stringify(line)} alone`, () => {
      assert.equal(coloured(tokenize(line)), '');
    });
  }
});
