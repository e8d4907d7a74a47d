import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANNOTATIONS_YAML, BROKEN, LATIN1, LETTER, runCli, sampleWorkspace } from '../annotations/helpers';

describe('kamerstuk check', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = sampleWorkspace('check'));
  });
  afterEach(() => cleanup());

  const run = (...args: string[]) => runCli(dir, 'check', ...args);

  it('a clean workspace passes', async () => {
    const r = await run();
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /checked 1 annotation file: 0 errors, 0 warnings/);
  });

  it('a file with a wrong status and a mistyped tag reports both at once, the tag with what was meant', async () => {
    const broken = ANNOTATIONS_YAML.replace('tag: conclusion', 'tag: conclusoin').replace('end: 4343', 'end: 4343\n    status: goedgekeurd');
    writeFileSync(join(dir, 'letters/kst-29754-716.annotations.yaml'), broken);
    const r = await run();
    assert.equal(r.code, 1);
    assert.match(r.out, /error: Unknown status "goedgekeurd".*\[status\]/);
    assert.match(r.out, /error: Unknown tag "conclusoin"; did you mean "conclusion"\?.*\[unknown-tag\]/);
  });

  it('unknown tags are errors; the team taxonomy from .vscode/settings.json (JSONC) is used', async () => {
    writeFileSync(join(dir, 'letters/kst-29754-716.annotations.yaml'), ANNOTATIONS_YAML.replace('tag: conclusion', 'tag: risk'));
    let r = await run();
    assert.equal(r.code, 1);
    assert.match(r.out, /letters\/kst-29754-716\.annotations\.yaml:\d+:\d+: error: Unknown tag "risk".*\[unknown-tag\]/);
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, '.vscode/settings.json'), '{\n  // team tags\n  "kamerstuk.tags": { "risk": { "label": "risico", "color": "#c62828", }, },\n}\n');
    r = await run();
    assert.equal(r.code, 0, r.out);
  });

  it('orphans and a missing letter are errors; moved passages are warnings that --strict turns into failures', async () => {
    // Positions are hints: a paragraph inserted above the tags moves them all, but their quotes and context find them.
    writeFileSync(join(dir, 'letters/kst-29754-716.md'), 'Nieuwe inleiding.\n\n' + LETTER);
    let r = await run('--strict');
    assert.equal(r.code, 0, r.out);
    assert.doesNotMatch(r.out, /has moved/);
    // The words before a tag reworded: its stored context no longer finds it surely.
    writeFileSync(
      join(dir, 'letters/kst-29754-716.md'),
      'Nieuwe inleiding.\n\n' + LETTER.replace('n bronnenonderzoek verrichten.', 'n onderzoek naar open bronnen verrichten.'),
    );
    r = await run();
    assert.equal(r.code, 0);
    assert.match(r.out, /warning: Annotation m1a2b3c4d5 \(measure\) has moved/);
    assert.equal((await run('--strict')).code, 1);
    writeFileSync(join(dir, 'letters/kst-29754-716.md'), LETTER.replace('De komende periode wordt gewerkt aan een nadere uitwerking hiervan.', ''));
    r = await run();
    assert.equal(r.code, 1);
    assert.match(r.out, /error: Annotation c6d7e8f9g0 \(commitment\) is orphaned/);
    writeFileSync(join(dir, 'letters/other.annotations.yaml'), 'version: 1\nannotations: []\n');
    r = await run();
    assert.match(r.out, /other\.annotations\.yaml:1:1: error: The letter letters\/other\.md of this annotation file does not exist/);
  });

  it('fuzzy matches are warnings that --strict turns into failures', async () => {
    writeFileSync(join(dir, 'letters/kst-29754-716.md'), LETTER.replace('nadere uitwerking', 'nadere uitwerkingen'));
    const r = await run();
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /warning: Annotation c6d7e8f9g0 \(commitment\) matches only approximately \(score 0\.\d+\).*\[fuzzy\]/);
    assert.equal((await run('--strict')).code, 1);
  });

  it('a deleted passage whose sentence appears elsewhere is an orphan, not a moved passage', async () => {
    const sentence = 'De komende periode wordt gewerkt aan een nadere uitwerking hiervan.';
    const top = LETTER.indexOf('De asielprocedure heeft');
    const revised = LETTER.replace(` ${sentence}`, '');
    writeFileSync(join(dir, 'letters/kst-29754-716.md'), revised.slice(0, top) + `Samenvatting. ${sentence}\n\n` + revised.slice(top));
    const r = await run();
    assert.equal(r.code, 1);
    assert.match(r.out, /error: Annotation c6d7e8f9g0 \(commitment\) is orphaned/);
    assert.doesNotMatch(r.out, /c6d7e8f9g0 \(commitment\) has moved/);
  });

  it('every broken fixture is reported with line and column, and left byte for byte', async () => {
    for (const b of BROKEN) copyFileSync(b.path, join(dir, `${b.name}.annotations.yaml`));
    const before = BROKEN.map((b) => readFileSync(join(dir, `${b.name}.annotations.yaml`)));
    const r = await run();
    assert.equal(r.code, 1);
    for (const b of BROKEN) assert.match(r.out, new RegExp(`${b.name}\\.annotations\\.yaml:\\d+:\\d+: error: `), b.name);
    assert.match(r.out, /duplicate-id\.annotations\.yaml:8:\d+: error: Duplicate annotation id/);
    BROKEN.forEach((b, i) => assert.deepEqual(readFileSync(join(dir, `${b.name}.annotations.yaml`)), before[i]));
  });

  it('a file that is not UTF-8 (Latin-1) is an error at its first bad byte and is left byte for byte', async () => {
    copyFileSync(LATIN1, join(dir, 'letters/kst-29754-716.annotations.yaml'));
    const before = readFileSync(join(dir, 'letters/kst-29754-716.annotations.yaml'));
    const r = await run();
    assert.equal(r.code, 1);
    assert.match(r.out, /kst-29754-716\.annotations\.yaml:10:\d+: error: The file is not UTF-8 text \(byte 0xA0 .*\[encoding\]/);
    assert.deepEqual(readFileSync(join(dir, 'letters/kst-29754-716.annotations.yaml')), before);
  });

  it("a file that cannot be read is that file's error on one line; the later files are still checked", async () => {
    // A dangling link: found like a file, but reading it fails (ENOENT), for root too.
    symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'letters/a-gone.annotations.yaml'));
    writeFileSync(join(dir, 'letters/kst-29754-716.annotations.yaml'), ANNOTATIONS_YAML.replace('tag: conclusion', 'tag: risk'));
    const r = await run();
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^letters\/a-gone\.annotations\.yaml:1:1: error: The file could not be checked: ENOENT: [^\n]* \[check-failed\]$/m);
    assert.match(r.out, /kst-29754-716\.annotations\.yaml:\d+:\d+: error: Unknown tag "risk"/);
    assert.match(r.out, /checked 2 annotation files: 2 errors/);
    assert.doesNotMatch(r.out + r.err, /^\s+at /m);
  });

  it('the same id in two files is a warning', async () => {
    mkdirSync(join(dir, 'copy'));
    writeFileSync(join(dir, 'copy/kst-29754-716.md'), LETTER);
    writeFileSync(join(dir, 'copy/kst-29754-716.annotations.yaml'), ANNOTATIONS_YAML);
    const r = await run();
    assert.equal(r.code, 0);
    assert.match(r.out, /warning: Annotation id "m1a2b3c4d5" is also used in/);
  });
});
