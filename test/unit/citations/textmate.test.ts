// The TextMate injection grammar: its patterns compile (checked with JavaScript's engine after translating the
// few Oniguruma-only spellings) and colour the examples written in each rule's comment.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';

interface Rule {
  comment?: string;
  name?: string;
  match?: string;
  captures?: Record<string, { name: string }>;
}

const grammar = JSON.parse(readFileSync('syntaxes/kamerstuk.injection.tmLanguage.json', 'utf8')) as {
  scopeName: string;
  injectionSelector: string;
  patterns: Array<{ include: string }>;
  repository: Record<string, Rule>;
};

function toJs(pattern: string): RegExp {
  let flags = 'u';
  let p = pattern.replace(/\\x\{([0-9A-Fa-f]{4})\}/g, '\\u$1');
  if (p.startsWith('(?i)')) {
    p = p.slice(4);
    flags += 'i';
  }
  return new RegExp(p, flags);
}

describe('TextMate injection grammar', () => {
  it('is a markdown injection that leaves code alone', () => {
    assert.equal(grammar.scopeName, 'markdown.kamerstuk.citation');
    assert.equal(grammar.injectionSelector, 'L:text.html.markdown -markup.fenced_code -markup.inline.raw');
    for (const p of grammar.patterns) assert.ok(grammar.repository[p.include.slice(1)], p.include);
  });

  for (const [key, rule] of Object.entries(grammar.repository)) {
    it(`${key}: compiles and matches its examples in full`, () => {
      assert.ok(rule.match && rule.name, 'a match rule with a scope');
      assert.ok(rule.name!.endsWith('.markdown') || rule.name!.endsWith('.kamerstuk'), rule.name);
      const re = toJs(rule.match!);
      for (const example of (rule.comment ?? '').split(' · ')) {
        const m = re.exec(example);
        assert.ok(m, `${key} does not match ${JSON.stringify(example)}`);
        assert.equal(m![0], example, `${key} matches all of ${JSON.stringify(example)}`);
      }
    });
  }

  it('does not colour look-alikes', () => {
    const all = Object.values(grammar.repository).map((r) => toJs(r.match!));
    for (const text of ['12 345 dossiers', '€ 29.754,00', '070-3182211', '2024-06-18', 'W16.19.0054/II', 'nr. 2024-0000129720', 'de motie verzoekt']) {
      for (const re of all) assert.equal(re.exec(text), null, `${re} in ${text}`);
    }
  });
});
