import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { captureIo, sampleWorkspace } from '../annotations/helpers';

describe('kamerstuk export', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = sampleWorkspace('export')));
  afterEach(() => cleanup());

  it('--html prints the tagged letter as one page, labels in the language of --lang', async () => {
    const io = captureIo(dir);
    assert.equal(await main(['export', 'letters/kst-29754-716.md', '--html', '--lang', 'en'], io), 0);
    const html = io.stdout.join('\n');
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.match(html, /<h2>Summary<\/h2>/);
    assert.ok((html.match(/<mark class="kst-tag[^"]*"[^>]*data-kst-id=/g) ?? []).length >= 4);
    assert.doesNotMatch(html, /<script/i);
  });

  it('--out writes the file, in Dutch with --lang nl', async () => {
    const io = captureIo(dir);
    assert.equal(await main(['export', 'letters/kst-29754-716.md', '--html', '--lang', 'nl', '--out', 'brief.html'], io), 0);
    assert.deepEqual(io.stdout, []);
    const html = readFileSync(join(dir, 'brief.html'), 'utf8');
    assert.match(html, /<html lang="nl">/);
    assert.match(html, /<h2>Overzicht<\/h2>/);
  });

  it('uses the team taxonomy of .vscode/settings.json above the letter', async () => {
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, '.vscode/settings.json'), '{ "kamerstuk.tags": { "measure": { "label": "actiepunt", "labelEn": "action" } } }');
    const io = captureIo(dir);
    assert.equal(await main(['export', 'letters/kst-29754-716.md', '--html', '--lang', 'en'], io), 0);
    assert.match(io.stdout.join('\n'), /<tr data-kst-tag="measure"><td><span class="kst-tag-label"[^>]*>action<\/span><\/td><td class="kst-number">\d+<\/td>/);
  });

  it('refuses wrong usage with exit 2, and a broken annotation file with exit 1', async () => {
    for (const args of [
      ['letters/kst-29754-716.md'],
      ['letters/kst-29754-716.md', '--html', '--lang', 'de'],
      ['--html'],
      ['letters/kst-29754-716.md', '--html', '--pdf'],
    ]) {
      const io = captureIo(dir);
      assert.equal(await main(['export', ...args], io), 2, args.join(' '));
      assert.match(io.stderr.join('\n'), /usage: kamerstuk export <letter\.md> --html/);
    }
    writeFileSync(join(dir, 'letters/kst-29754-716.annotations.yaml'), 'version: 1\nannotations: [\n');
    const io = captureIo(dir);
    assert.equal(await main(['export', 'letters/kst-29754-716.md', '--html'], io), 1);
    assert.match(io.stderr.join('\n'), /kst-29754-716\.annotations\.yaml:\d+:\d+: error: /);
    assert.deepEqual(io.stdout, []);
  });

  it('exports a letter without an annotation file, and says so', async () => {
    writeFileSync(join(dir, 'letters/other.md'), '# Een brief\n\nKamerstuk 29 754, nr. 683.\n');
    const io = captureIo(dir);
    assert.equal(await main(['export', 'letters/other.md', '--html', '--lang', 'en'], io), 0);
    assert.match(io.stderr.join('\n'), /other\.annotations\.yaml does not exist/);
    assert.match(io.stdout.join('\n'), /This letter has no tags\./);
  });

  describe('without --lang, the language of the locale', () => {
    const NAMES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;
    let saved: Record<string, string | undefined>;
    beforeEach(() => (saved = Object.fromEntries(NAMES.map((n) => [n, process.env[n]]))));
    afterEach(() => {
      for (const n of NAMES) {
        if (saved[n] === undefined) delete process.env[n];
        else process.env[n] = saved[n];
      }
    });

    async function languageWith(env: Partial<Record<(typeof NAMES)[number], string>>): Promise<string | undefined> {
      for (const n of NAMES) {
        if (env[n] === undefined) delete process.env[n];
        else process.env[n] = env[n];
      }
      const io = captureIo(dir);
      assert.equal(await main(['export', 'letters/kst-29754-716.md', '--html'], io), 0);
      return /<html lang="(\w+)">/.exec(io.stdout.join('\n'))?.[1];
    }

    it('Dutch for a Dutch LANG, LC_MESSAGES or LC_ALL; LC_ALL before LC_MESSAGES before LANG; else English', async () => {
      assert.equal(await languageWith({ LANG: 'nl_NL.UTF-8' }), 'nl');
      assert.equal(await languageWith({ LANG: 'nl_BE' }), 'nl');
      assert.equal(await languageWith({ LC_MESSAGES: 'nl_NL.UTF-8', LANG: 'en_US.UTF-8' }), 'nl');
      assert.equal(await languageWith({ LC_ALL: 'en_GB.UTF-8', LC_MESSAGES: 'nl_NL.UTF-8', LANG: 'nl_NL.UTF-8' }), 'en');
      assert.equal(await languageWith({ LC_ALL: '', LANG: 'nl_NL.UTF-8' }), 'nl', 'an empty LC_ALL is not set');
      assert.equal(await languageWith({ LANG: 'de_DE.UTF-8' }), 'en');
      assert.equal(await languageWith({}), 'en');
    });
  });
});
