// The team taxonomy read by `check` and `report` from .vscode/settings.json (JSON with comments): strings are
// kept as written, comments and trailing commas are accepted, and a broken file is a warning, never a crash.
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseSettings } from '../../../src/cli/annotation-files';
import { ANNOTATIONS_YAML, runCli, sampleWorkspace } from '../annotations/helpers';

const TRICKY_LABEL = 'risico, ]';
const COMMENT_LIKE_LABEL = 'toezegging // geen commentaar /* ook niet */';

const SETTINGS = `\uFEFF{
  // the team's tags
  "kamerstuk.tags": {
    /* a new tag */ "risk": { "label": ${JSON.stringify(TRICKY_LABEL)}, "color": "#c62828", },
    "commitment": { "label": ${JSON.stringify(COMMENT_LIKE_LABEL)}, }, // trailing commas everywhere
  },
}
`;

describe('kamerstuk check/report: the taxonomy in .vscode/settings.json', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = sampleWorkspace('settings'));
    writeFileSync(join(dir, 'letters/kst-29754-716.annotations.yaml'), ANNOTATIONS_YAML.replace('tag: conclusion', 'tag: risk'));
    mkdirSync(join(dir, '.vscode'));
  });
  afterEach(() => cleanup());

  const settings = (text: string) => writeFileSync(join(dir, '.vscode/settings.json'), text);
  const labels = async (): Promise<{ code: number; err: string; labels: Map<string, string> }> => {
    const r = await runCli(dir, 'report', '--format', 'json');
    const rows = r.code === 0 ? (JSON.parse(r.out) as { tag: string; label: string }[]) : [];
    return { code: r.code, err: r.err, labels: new Map(rows.map((row) => [row.tag, row.label])) };
  };

  it('labels with commas, brackets, // and /* survive as written; comments, trailing commas and a BOM are accepted', async () => {
    settings(SETTINGS);
    const r = await labels();
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, '');
    assert.equal(r.labels.get('risk'), TRICKY_LABEL);
    assert.equal(r.labels.get('commitment'), COMMENT_LIKE_LABEL);
    assert.equal(r.labels.get('measure'), 'maatregel', 'tags the team does not redefine keep their default');
    const check = await runCli(dir, 'check');
    assert.equal(check.code, 0, check.out);
    assert.equal(check.err, '');
  });

  it('a syntax error is a warning naming the file, line and column; what could be read is still used', async () => {
    settings('{\n  "kamerstuk.tags": {\n    "risk": { "label": "risico" "color": "#c62828" }\n  }\n}\n');
    const check = await runCli(dir, 'check');
    assert.equal(check.code, 0, check.out);
    assert.equal(check.err, 'warning: .vscode/settings.json:3:33: syntax error: CommaExpected; using what could be read');
    const r = await labels();
    assert.equal(r.code, 0);
    assert.equal(r.labels.get('risk'), 'risico');
    assert.match(r.err, /^warning: \.vscode\/settings\.json:3:33: syntax error/);
  });

  it('a file that is hardly JSON: a warning, the default tags, and the unknown tag reported by check', async () => {
    settings('{ "kamerstuk.tags": ');
    const check = await runCli(dir, 'check');
    assert.equal(check.code, 1);
    assert.match(check.err, /^warning: \.vscode\/settings\.json:1:\d+: syntax error: ValueExpected/);
    assert.match(check.out, /error: Unknown tag "risk"/);
    const report = await runCli(dir, 'report');
    assert.equal(report.code, 0);
    assert.match(report.out, /^# Tagged passages/);
  });

  it('the file is named as given on the command line; problems in the tags name it too', async () => {
    settings('{ "kamerstuk.tags": 42 }');
    const parent = dirname(dir);
    const r = await runCli(parent, 'check', basename(dir));
    assert.match(r.err, new RegExp(`^warning: ${basename(dir)}/\\.vscode/settings\\.json: `));
  });

  it('an empty file or a top level that is not an object counts as no settings', async () => {
    for (const text of ['', '  // nothing yet\n', '[1, 2]', '"kamerstuk.tags"', 'null']) {
      settings(text);
      const r = await runCli(dir, 'check');
      assert.equal(r.code, 1, text);
      assert.equal(r.err, '', text);
      assert.match(r.out, /error: Unknown tag "risk"/, text);
    }
  });
});

describe('parseSettings', () => {
  it('reads JSON with comments and trailing commas without touching strings', () => {
    const { settings, error } = parseSettings('{"kamerstuk.tags": {"risk": {"label": "risico, ]"}}}');
    assert.equal(error, undefined);
    assert.deepEqual(settings, { 'kamerstuk.tags': { risk: { label: 'risico, ]' } } });
    assert.deepEqual(parseSettings('{ "a": "http://x/*y*/", /* c */ "b": [1, 2,], // d\n }').settings, { a: 'http://x/*y*/', b: [1, 2] });
  });

  it('reports the first error with its 1-based position and how many more there are', () => {
    const { settings, error } = parseSettings('{\n  "a": 1 "b": 2 "c": 3\n}');
    assert.deepEqual(settings, { a: 1, b: 2, c: 3 });
    assert.equal(error, '2:10: syntax error: CommaExpected (and 1 more); using what could be read');
  });
});
