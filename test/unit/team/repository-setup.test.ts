// Unit tests of the team repository setup core (src/core/team): gitattributes, quoting, the driver and check
// command lines, reading a configured driver back, the pre-commit hook block and the setup offer.

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import {
  checkCommand,
  driverStatus,
  escapeGitPercent,
  GITATTRIBUTES_COMMENT,
  GITATTRIBUTES_LINE,
  gitattributesWithMergeDriver,
  hasCurrentHookBlock,
  HOOK_BEGIN,
  HOOK_END,
  isOurDriverCommand,
  MERGE_DRIVER,
  mergeDriverCommand,
  mergeDriverConfig,
  namesMergeDriver,
  parseDriverCommand,
  parseGitattributes,
  preCommitHookWith,
  shebangInterpreter,
  shellPath,
  shellQuote,
  shellWords,
  teamSetupState,
  unescapeGitPercent,
  type CliInvocation,
} from '../../../src/core/team';

const DESKTOP: CliInvocation = {
  runtime: '/usr/share/code/code',
  cli: '/home/jan/.config/Code/User/globalStorage/kamerstuk-annotator.kamerstuk-annotator/bin/kamerstuk.js',
  electron: true,
};
const REMOTE: CliInvocation = {
  runtime: '/home/jan/.vscode-server/cli/servers/Stable-abc/server/node',
  cli: '/home/jan/.vscode-server/data/User/globalStorage/k/bin/kamerstuk.js',
  electron: false,
};
const WINDOWS: CliInvocation = {
  runtime: 'C:\\Users\\Jan de Vries\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe',
  cli: 'C:\\Users\\Jan de Vries\\AppData\\Roaming\\Code\\User\\globalStorage\\k\\bin\\kamerstuk.js',
  electron: true,
};

/** What sh makes of a command line: its words, printed one per line by printf. */
function shWords(line: string): string[] {
  const out = execFileSync('sh', ['-c', `printf '%s\\n' ${line}`], { encoding: 'utf8' });
  return out.split('\n').slice(0, -1);
}

describe('team repository setup', () => {
  describe('gitattributesWithMergeDriver', () => {
    it('adds a comment and the line to an empty or missing file', () => {
      const r = gitattributesWithMergeDriver('');
      assert.equal(r.text, `${GITATTRIBUTES_COMMENT}\n${GITATTRIBUTES_LINE}\n`);
      assert.equal(r.changed, true);
      assert.deepEqual(r.conflicts, []);
      assert.equal(GITATTRIBUTES_LINE, '*.annotations.yaml merge=kamerstuk');
    });

    it('keeps every other line and comment, and ends an unterminated last line', () => {
      const text = '# binaries\n*.png binary\n\n*.md text eol=lf';
      const r = gitattributesWithMergeDriver(text);
      assert.equal(r.text, `${text}\n${GITATTRIBUTES_COMMENT}\n${GITATTRIBUTES_LINE}\n`);
    });

    it('keeps CRLF line endings', () => {
      const r = gitattributesWithMergeDriver('*.png binary\r\n*.md text\r\n');
      assert.equal(r.text, `*.png binary\r\n*.md text\r\n${GITATTRIBUTES_COMMENT}\r\n${GITATTRIBUTES_LINE}\r\n`);
      assert.ok(!/[^\r]\n/.test(r.text), 'a bare LF slipped in');
      assert.equal(gitattributesWithMergeDriver('*.png binary').text.includes('\r'), false);
    });

    it('is idempotent', () => {
      for (const start of ['', '*.png binary\n', 'a b\r\nc d']) {
        const once = gitattributesWithMergeDriver(start);
        const twice = gitattributesWithMergeDriver(once.text);
        assert.equal(twice.changed, false);
        assert.equal(twice.text, once.text);
      }
    });

    it('recognises an existing line with other attributes, spacing, a quoted pattern or **/', () => {
      for (const text of [
        '*.annotations.yaml merge=kamerstuk\n',
        '  *.annotations.yaml\ttext   eol=lf merge=kamerstuk  \n',
        '"*.annotations.yaml" merge=kamerstuk\n',
        '**/*.annotations.yaml merge=kamerstuk\r\n',
        '\uFEFF*.annotations.yaml merge=kamerstuk',
        '[attr]annotations merge=kamerstuk text\n*.annotations.yaml annotations\n',
        '*.annotations.yaml merge=union\n*.annotations.yaml merge=kamerstuk\n',
      ]) {
        const r = gitattributesWithMergeDriver(text);
        assert.deepEqual({ changed: r.changed, conflicts: r.conflicts, text: r.text }, { changed: false, conflicts: [], text }, JSON.stringify(text));
      }
    });

    it('does not take a comment or a narrower pattern for the line', () => {
      for (const text of ['# *.annotations.yaml merge=kamerstuk\n', 'letters/*.annotations.yaml merge=kamerstuk\n']) {
        const r = gitattributesWithMergeDriver(text);
        assert.equal(r.changed, true, text);
        assert.ok(r.text.startsWith(text) && r.text.endsWith(`${GITATTRIBUTES_LINE}\n`));
      }
    });

    it('reports a different merge for annotation files instead of overriding it', () => {
      const cases: Array<[string, string]> = [
        ['*.annotations.yaml merge=union\n', 'merge=union'],
        ['*.annotations.yaml -merge\n', '-merge'],
        ['*.annotations.yaml binary\n', 'binary'],
        ['letters/*.annotations.yaml !merge\n', '!merge'],
        ['[attr]mine merge=ours\n*.annotations.yaml mine\n', 'mine'],
        ['*.annotations.yaml merge=kamerstuk-old\n', 'merge=kamerstuk-old'],
      ];
      for (const [text, setting] of cases) {
        const r = gitattributesWithMergeDriver(text);
        assert.equal(r.changed, false, text);
        assert.equal(r.text, text);
        assert.deepEqual(
          r.conflicts.map((c) => c.setting),
          [setting],
          text,
        );
        assert.equal(r.conflicts[0].text, text.trimEnd().split('\n').pop());
      }
    });

    it('reports a later line that overrides an existing driver line', () => {
      const text = '*.annotations.yaml merge=kamerstuk\n*.png binary\n*.yaml merge=union\n';
      const r = gitattributesWithMergeDriver(text);
      assert.deepEqual(r.conflicts, [{ line: 3, text: '*.yaml merge=union', setting: 'merge=union' }]);
      assert.equal(r.changed, false);
    });

    it('overrides broad earlier lines (the appended line wins), which is what the setup is for', () => {
      const text = '* -merge\n*.yaml merge=union\n*.y?ml binary\n';
      const r = gitattributesWithMergeDriver(text);
      assert.equal(r.changed, true);
      assert.deepEqual(r.conflicts, []);
      assert.ok(r.text.endsWith(`${GITATTRIBUTES_LINE}\n`));
    });

    it('ignores lines for other files, unquoted "!" patterns and folder patterns', () => {
      const r = gitattributesWithMergeDriver('*.json merge=union\n!*.annotations.yaml -merge\nletters/ -merge\n[a-c]*.txt binary\n');
      assert.equal(r.changed, true);
      assert.deepEqual(r.conflicts, []);
    });
  });

  describe('parseGitattributes and namesMergeDriver', () => {
    it('parses patterns, attributes, macros and quoted patterns; skips comments and blank lines', () => {
      const lines = parseGitattributes('# c\n\n  *.md text\r\n"with space.txt" -diff\n[attr]mine merge=kamerstuk\n   # indented comment\n');
      assert.deepEqual(
        lines.map((l) => [l.line, l.pattern, l.attributes, l.macro]),
        [
          [3, '*.md', ['text'], undefined],
          [4, 'with space.txt', ['-diff'], undefined],
          [5, '[attr]mine', ['merge=kamerstuk'], 'mine'],
        ],
      );
    });

    it('names the driver only in a real attribute', () => {
      assert.equal(namesMergeDriver('*.annotations.yaml merge=kamerstuk'), true);
      assert.equal(namesMergeDriver('docs/*.yaml text merge=kamerstuk\r\n'), true);
      assert.equal(namesMergeDriver('[attr]ann merge=kamerstuk\n*.annotations.yaml ann\n'), true);
      assert.equal(namesMergeDriver('# *.annotations.yaml merge=kamerstuk\n'), false);
      assert.equal(namesMergeDriver('*.annotations.yaml merge=kamerstuk-old\n'), false);
      assert.equal(namesMergeDriver('*.annotations.yaml -merge\n'), false);
      assert.equal(namesMergeDriver(''), false);
      assert.equal(namesMergeDriver('x merge=union', 'union'), true);
    });
  });

  describe('shell quoting', () => {
    it("single-quotes, with an embedded quote as '\\''", () => {
      assert.equal(shellQuote('plain'), "'plain'");
      assert.equal(shellQuote("Jan's map"), "'Jan'\\''s map'");
      assert.equal(shellQuote(''), "''");
    });

    it('sh reads every quoted word back exactly', () => {
      const words = ['a b', "O'Brien", "''", '$HOME `id` $(id) "x" \\n * ? ~ ; & | < > %O', 'tab\there', ''];
      assert.deepEqual(shWords(words.map(shellQuote).join(' ')), words);
    });

    it('writes Windows paths with forward slashes and leaves POSIX paths alone', () => {
      assert.equal(shellPath('C:\\Users\\Jan de Vries\\Code.exe'), 'C:/Users/Jan de Vries/Code.exe');
      assert.equal(shellPath('d:/already/forward'), 'd:/already/forward');
      assert.equal(shellPath('\\\\server\\share\\bin\\kamerstuk.js'), '//server/share/bin/kamerstuk.js');
      assert.equal(shellPath('/home/jan/back\\slash'), '/home/jan/back\\slash');
    });

    it('escapes % for git and reads it back, leaving placeholders alone', () => {
      assert.equal(escapeGitPercent('100%A/x'), '100%%A/x');
      assert.equal(unescapeGitPercent('100%%A %O %%%B'), '100%A %O %%B');
      assert.equal(unescapeGitPercent(escapeGitPercent('%%%O%')), '%%%O%');
    });

    it('splits command lines as sh does', () => {
      for (const line of [`a 'b c' "d \\"e\\" \\$f" g\\ h`, `x'y'"z" ''`, mergeDriverCommand(DESKTOP).replace(/%%/g, '%'), checkCommand(WINDOWS)]) {
        assert.deepEqual(shellWords(line), shWords(line), line);
      }
      assert.equal(shellWords("'open"), undefined);
      assert.equal(shellWords('"open'), undefined);
    });
  });

  describe('command lines', () => {
    it('desktop: Electron as Node, both paths quoted, then merge-driver %O %A %B', () => {
      assert.equal(mergeDriverCommand(DESKTOP), `ELECTRON_RUN_AS_NODE=1 '/usr/share/code/code' '${DESKTOP.cli}' merge-driver %O %A %B`);
      assert.equal(checkCommand(DESKTOP), `ELECTRON_RUN_AS_NODE=1 '/usr/share/code/code' '${DESKTOP.cli}' check`);
    });

    it('remote host: plain Node, no environment variable', () => {
      assert.equal(mergeDriverCommand(REMOTE), `'${REMOTE.runtime}' '${REMOTE.cli}' merge-driver %O %A %B`);
      assert.equal(checkCommand(REMOTE, 'letters dir'), `'${REMOTE.runtime}' '${REMOTE.cli}' check 'letters dir'`);
    });

    it('Windows paths with spaces become quoted forward-slash paths', () => {
      assert.equal(
        mergeDriverCommand(WINDOWS),
        "ELECTRON_RUN_AS_NODE=1 'C:/Users/Jan de Vries/AppData/Local/Programs/Microsoft VS Code/Code.exe' 'C:/Users/Jan de Vries/AppData/Roaming/Code/User/globalStorage/k/bin/kamerstuk.js' merge-driver %O %A %B",
      );
    });

    it("quotes a ' and escapes a % only where git expands it (the driver, not the hook)", () => {
      const odd: CliInvocation = { runtime: "/opt/Jan's 100%A/node", cli: '/x/kamerstuk.js', electron: false };
      assert.equal(mergeDriverCommand(odd), `'/opt/Jan'\\''s 100%%A/node' '/x/kamerstuk.js' merge-driver %O %A %B`);
      assert.equal(checkCommand(odd), `'/opt/Jan'\\''s 100%A/node' '/x/kamerstuk.js' check`);
    });

    it('the config entries: name, then driver', () => {
      assert.deepEqual(mergeDriverConfig(REMOTE), [
        ['merge.kamerstuk.name', 'Kamerstuk annotations: merge by id'],
        ['merge.kamerstuk.driver', mergeDriverCommand(REMOTE)],
      ]);
      assert.equal(MERGE_DRIVER, 'kamerstuk');
    });
  });

  describe('reading a configured driver back', () => {
    it('parses what it writes, for every kind of invocation', () => {
      for (const inv of [DESKTOP, REMOTE, WINDOWS, { runtime: "/a b/it's 50%O", cli: "/c'd/%%/kamerstuk.js", electron: false }]) {
        const parsed = parseDriverCommand(mergeDriverCommand(inv));
        assert.deepEqual(parsed, { runtime: shellPath(inv.runtime), cli: shellPath(inv.cli), electron: inv.electron });
        assert.deepEqual(isOurDriverCommand(mergeDriverCommand(inv), inv), { ours: true, current: true });
      }
    });

    it('ours but stale: another runtime, CLI path or Electron flag', () => {
      const value = mergeDriverCommand(DESKTOP);
      assert.deepEqual(isOurDriverCommand(value, { ...DESKTOP, runtime: '/snap/code/current/usr/share/code/code' }), { ours: true, current: false });
      assert.deepEqual(isOurDriverCommand(value, { ...DESKTOP, cli: '/elsewhere/bin/kamerstuk.js' }), { ours: true, current: false });
      assert.deepEqual(isOurDriverCommand(value, { ...DESKTOP, electron: false }), { ours: true, current: false });
      assert.deepEqual(isOurDriverCommand(value), { ours: true, current: false });
      assert.equal(driverStatus(value, REMOTE), 'stale');
      assert.equal(driverStatus(mergeDriverCommand(WINDOWS), { ...WINDOWS }), 'current');
    });

    it('not ours: the npx recipe, a developer checkout, extra commands, a broken quote', () => {
      const cases: Array<[string | undefined, string]> = [
        [undefined, 'missing'],
        ['  ', 'missing'],
        ['npx kamerstuk merge-driver %O %A %B', 'package-runner'],
        ['npm exec -- kamerstuk merge-driver %O %A %B', 'package-runner'],
        ['pnpm dlx kamerstuk merge-driver %O %A %B', 'package-runner'],
        ['node /src/kamerstuk/dist/cli.js merge-driver %O %A %B', 'foreign'],
        [`${mergeDriverCommand(REMOTE)}; curl evil`, 'foreign'],
        [`FOO=1 ${mergeDriverCommand(REMOTE)}`, 'foreign'],
        [`'${REMOTE.runtime}' '${REMOTE.cli}' merge-driver %A %O %B`, 'foreign'],
        [`'${REMOTE.runtime} '${REMOTE.cli}' merge-driver %O %A %B`, 'foreign'],
      ];
      for (const [value, status] of cases) {
        assert.equal(driverStatus(value, REMOTE), status, String(value));
        if (value?.trim()) assert.equal(isOurDriverCommand(value, REMOTE).ours, false, value);
      }
    });
  });

  describe('preCommitHookWith', () => {
    const block = (inv: CliInvocation) => preCommitHookWith(undefined, inv).text.split('\n').slice(1, -1);

    it('creates a sh hook holding the marked block, which sh parses', () => {
      const r = preCommitHookWith(undefined, DESKTOP);
      assert.equal(r.changed, true);
      assert.ok(r.text.startsWith(`#!/bin/sh\n${HOOK_BEGIN}\n`) && r.text.endsWith(`${HOOK_END}\n`));
      assert.ok(r.text.includes(`    ${checkCommand(DESKTOP)} || {`));
      execFileSync('sh', ['-n'], { input: r.text });
      assert.equal(preCommitHookWith('  \n', DESKTOP).text, r.text);
    });

    it('is idempotent, and replaces a stale block in place', () => {
      const existing = '#!/bin/bash\nset -e\nnpm run lint\nexit 0\n';
      const first = preCommitHookWith(existing, DESKTOP);
      assert.equal(first.text, ['#!/bin/bash', ...block(DESKTOP), 'set -e', 'npm run lint', 'exit 0', ''].join('\n'));
      assert.deepEqual(preCommitHookWith(first.text, DESKTOP), { text: first.text, changed: false });
      assert.equal(hasCurrentHookBlock(first.text, DESKTOP), true);
      assert.equal(hasCurrentHookBlock(first.text, REMOTE), false);
      assert.equal(hasCurrentHookBlock(existing, DESKTOP), false);
      const moved = preCommitHookWith(first.text, REMOTE);
      assert.equal(moved.changed, true);
      assert.equal(moved.text, ['#!/bin/bash', ...block(REMOTE), 'set -e', 'npm run lint', 'exit 0', ''].join('\n'));
      assert.ok(!moved.text.includes(DESKTOP.cli));
    });

    it('puts the block at the top of a hook without #! (git runs it with sh) and keeps CRLF', () => {
      const r = preCommitHookWith('echo one\r\necho two\r\n', REMOTE);
      assert.equal(r.text, [...block(REMOTE), 'echo one', 'echo two', ''].join('\r\n'));
      assert.equal(preCommitHookWith(r.text, REMOTE).changed, false);
    });

    it('ends the file after the block when the hook is only a #! line', () => {
      assert.equal(preCommitHookWith('#!/bin/sh', REMOTE).text, ['#!/bin/sh', ...block(REMOTE), ''].join('\n'));
    });

    it('refuses a hook in another language, naming its interpreter', () => {
      for (const [text, interpreter] of [
        ['#!/usr/bin/env python3\nimport sys\n', 'python3'],
        ['#!/usr/bin/env node\n', 'node'],
        ['#!/usr/bin/perl -w\n', 'perl'],
      ]) {
        assert.deepEqual(preCommitHookWith(text, REMOTE), { text, changed: false, refused: { reason: 'not-a-shell-script', interpreter } });
      }
    });

    it('refuses a damaged block (a marker missing or doubled)', () => {
      for (const text of [
        `#!/bin/sh\n${HOOK_BEGIN}\necho\n`,
        `#!/bin/sh\n${HOOK_END}\n${HOOK_BEGIN}\n`,
        `${HOOK_BEGIN}\n${HOOK_END}\n${HOOK_BEGIN}\n${HOOK_END}\n`,
      ]) {
        const r = preCommitHookWith(text, REMOTE);
        assert.equal(r.changed, false);
        assert.equal(r.text, text);
        assert.equal(r.refused?.reason, 'damaged-block');
      }
    });

    it('tells shells from other interpreters', () => {
      assert.equal(shebangInterpreter('#!/bin/sh -e'), 'sh');
      assert.equal(shebangInterpreter('#! /usr/bin/env -S bash -eu'), 'bash');
      assert.equal(shebangInterpreter('#!/usr/bin/env FOO=1 zsh'), 'zsh');
      assert.equal(shebangInterpreter('echo hi'), undefined);
      assert.equal(shebangInterpreter(undefined), undefined);
    });
  });

  describe('teamSetupState', () => {
    const attrs = '*.annotations.yaml merge=kamerstuk\n';

    it('offers the setup in a fresh clone: .gitattributes names the driver, the config has none', () => {
      assert.deepEqual(teamSetupState(attrs, undefined, DESKTOP), { offer: true, reason: 'driver-missing', driver: 'missing' });
    });

    it('offers a repair for a stale driver or the npx recipe', () => {
      assert.equal(teamSetupState(attrs, mergeDriverCommand(REMOTE), DESKTOP).reason, 'driver-stale');
      assert.equal(teamSetupState(attrs, 'npx kamerstuk merge-driver %O %A %B', DESKTOP).reason, 'driver-unsafe');
    });

    it('stays quiet when up to date, for a user-written driver, and outside team repositories', () => {
      assert.deepEqual(teamSetupState(attrs, mergeDriverCommand(DESKTOP), DESKTOP), { offer: false, reason: 'up-to-date', driver: 'current' });
      assert.equal(teamSetupState(attrs, 'node ~/kamerstuk/dist/cli.js merge-driver %O %A %B', DESKTOP).reason, 'own-driver');
      assert.deepEqual(teamSetupState(undefined, undefined, DESKTOP), { offer: false, reason: 'not-a-team-repository' });
      assert.equal(teamSetupState('*.png binary\n', undefined, DESKTOP).offer, false);
    });
  });

  it('bundles for the browser platform: no vscode, no Node built-in', async () => {
    const { build } = await import('esbuild');
    const result = await build({ entryPoints: ['src/core/team/index.ts'], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
    assert.equal(result.errors.length, 0);
    assert.ok(!/require\(|from ["'](?:node:|vscode)/.test(result.outputFiles[0].text));
  });
});
