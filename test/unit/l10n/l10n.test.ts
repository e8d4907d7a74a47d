import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGES as ANNOTATION_MESSAGES } from '../../../src/core/annotations';
import { DIAGNOSTIC_MESSAGES, FIX_TITLES } from '../../../src/core/citations';
import { SCAN_LIMIT_MESSAGES } from '../../../src/core/markdown';
import { CATALOG_MESSAGES, HOVER_TEMPLATES, RELATED_TEMPLATES } from '../../../src/core/metadata';

const manifest = readFileSync('package.json', 'utf8');
const nlsEn = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
const nlsNl = JSON.parse(readFileSync('package.nls.nl.json', 'utf8')) as Record<string, string>;

function mergedDutchBundle(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync('l10n/parts').filter((n) => n.endsWith('.nl.json'))) {
    Object.assign(out, JSON.parse(readFileSync(join('l10n/parts', f), 'utf8')));
  }
  return out;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** String literals passed as the first argument of vscode.l10n.t / l10n.t. */
export function l10nCalls(source: string): string[] {
  const out: string[] = [];
  const re = /\bl10n\.t\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
  for (let m = re.exec(source); m; m = re.exec(source)) out.push(m[2].replace(/\\(['"`\\])/g, '$1'));
  return out;
}

describe('localisation', () => {
  it('finds l10n.t calls in source text', () => {
    assert.deepEqual(l10nCalls(`vscode.l10n.t('Open {0}', x); l10n.t("It's here")`), ['Open {0}', "It's here"]);
  });

  it('every %key% in package.json has an English and a Dutch string', () => {
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 5, 'the manifest uses hardly any localised strings');
    assert.deepEqual(
      keys.filter((k) => !(k in nlsEn)),
      [],
      'missing in package.nls.json',
    );
    assert.deepEqual(
      keys.filter((k) => !(k in nlsNl)),
      [],
      'missing in package.nls.nl.json',
    );
  });

  it('package.nls.nl.json translates exactly the keys of package.nls.json', () => {
    assert.deepEqual(Object.keys(nlsNl).sort(), Object.keys(nlsEn).sort());
  });

  it('every runtime string of the editor layer has a Dutch translation', () => {
    const bundle = mergedDutchBundle();
    const sources = [...tsFiles('src/vscode'), 'src/extension.ts'];
    const missing = sources.flatMap((f) =>
      l10nCalls(readFileSync(f, 'utf8'))
        .filter((s) => !(s in bundle))
        .map((s) => `${f}: ${s}`),
    );
    assert.deepEqual(missing, []);
  });

  it('the committed Dutch bundle is the merge of l10n/parts (run the build after editing a part)', () => {
    const committed = JSON.parse(readFileSync('l10n/bundle.l10n.nl.json', 'utf8'));
    assert.deepEqual(committed, mergedDutchBundle());
  });

  it('Dutch translations keep every {n} placeholder of the English string', () => {
    const bundle = mergedDutchBundle();
    const placeholders = (s: string) =>
      [...s.matchAll(/\{(\d+)\}/g)]
        .map((m) => m[1])
        .sort()
        .join(',');
    const broken = Object.entries(bundle)
      .filter(([en, nl]) => placeholders(en) !== placeholders(nl))
      .map(([en]) => en);
    assert.deepEqual(broken, []);
  });

  it('counts are whole words in both languages: no "tag(s)" or "verwijzing(en)"', () => {
    const bundle = mergedDutchBundle();
    const halfPlural = /\w\((?:s|en)\)/;
    assert.deepEqual(
      Object.entries(bundle).filter(([en, nl]) => halfPlural.test(en) || halfPlural.test(nl)),
      [],
    );
  });

  it('every message template core hands to the editor has a Dutch translation', () => {
    const bundle = mergedDutchBundle();
    const templates = [
      ...Object.values(HOVER_TEMPLATES),
      ...Object.values(RELATED_TEMPLATES),
      ...Object.values(DIAGNOSTIC_MESSAGES).map((m) => m.message),
      ...Object.values(FIX_TITLES),
      ...Object.values(ANNOTATION_MESSAGES),
      ...Object.values(CATALOG_MESSAGES),
      ...Object.values(SCAN_LIMIT_MESSAGES).map((m) => m.message),
    ];
    assert.deepEqual(
      templates.filter((t) => !(t in bundle)),
      [],
    );
  });
});
