// package.json against the code and VS Code's conventions: every command is known to the code, has a category and
// a localised title, and appears in the Command Palette only where it works; no Ctrl+Alt key (AltGr types
// characters there); every setting has a scope; views have welcome content; the walkthrough's media exist; the
// problem matcher reads what `kamerstuk check` prints.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatDiagnostic } from '../../src/cli/annotation-files';
import { COMMANDS, CONTEXT_KEYS, VIEWS } from '../../src/vscode/common/manifest-ids';

const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'));
const nlsNl: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'package.nls.nl.json'), 'utf8'));
const contributes = pkg.contributes;

interface Command {
  command: string;
  title: string;
  category?: string;
}
interface When {
  command: string;
  when?: string;
}

/** Commands that work anywhere, so the Command Palette shows them without a `when`. */
const EVERYWHERE = new Set<string>([COMMANDS.showLog, COMMANDS.toggleOnline]);

function keysIn(when: string): string[] {
  return when.match(/\bkamerstuk\.[A-Za-z]+\b/g) ?? [];
}

describe('manifest (package.json)', () => {
  const commands: Command[] = contributes.commands;

  it('contributes exactly the commands the code registers (COMMANDS)', () => {
    assert.deepEqual(commands.map((c) => c.command).sort(), Object.values(COMMANDS).sort());
  });

  it('gives every command the Kamerstuk category and a title in English and Dutch', () => {
    for (const c of commands) {
      assert.equal(c.category, 'Kamerstuk', c.command);
      const key = /^%(.+)%$/.exec(c.title)?.[1];
      assert.ok(key, `${c.command}: the title is not localised`);
      assert.ok(nls[key] && nlsNl[key], `${c.command}: '${key}' is missing in package.nls.json or package.nls.nl.json`);
    }
  });

  it('shows a command in the Command Palette only where it works', () => {
    const palette = new Map((contributes.menus.commandPalette as When[]).map((m) => [m.command, m.when]));
    for (const c of commands) {
      if (EVERYWHERE.has(c.command)) continue;
      assert.ok(palette.get(c.command), `${c.command} has no commandPalette when clause`);
    }
    for (const id of [COMMANDS.changeTag, COMMANDS.editNote, COMMANDS.setStatus, COMMANDS.removeAnnotation, COMMANDS.linkReferences]) {
      assert.match(palette.get(id)!, /kamerstuk\.inTaggedPassage/, id);
    }
    assert.match(palette.get(COMMANDS.tagSelection)!, /kamerstuk\.editorIsLetter/);
    // Accept and reject only where the cursor is in a pending suggestion, in the palette and the editor's menu.
    const editorMenu = new Map((contributes.menus['editor/context'] as When[]).map((m) => [m.command, m.when]));
    for (const id of [COMMANDS.acceptSuggestion, COMMANDS.rejectSuggestion]) {
      assert.match(palette.get(id)!, /kamerstuk\.inSuggestion/, id);
      assert.match(editorMenu.get(id) ?? '', /kamerstuk\.inSuggestion/, id);
    }
  });

  it('uses only context keys the extension sets (or VS Code defines)', () => {
    const ours = new Set<string>([...Object.values(CONTEXT_KEYS), ...Object.values(VIEWS)]);
    const clauses: string[] = [
      ...contributes.keybindings.map((k: { when?: string }) => k.when ?? ''),
      ...Object.values(contributes.menus as Record<string, When[]>).flatMap((items) => items.map((m) => m.when ?? '')),
    ];
    const unknown = clauses
      .flatMap(keysIn)
      .filter((k) => !ours.has(k) && !/^kamerstuk\.(orphan|annotation|changed|suggestion|tag|letter|citedDocument)$/.test(k));
    assert.deepEqual([...new Set(unknown)], []);
  });

  it('binds no Ctrl+Alt or Cmd+Alt keys (AltGr types €, ó and other characters on Dutch keyboards)', () => {
    for (const k of contributes.keybindings as { key: string; mac?: string; command: string }[]) {
      assert.ok(!/ctrl\+alt|alt\+ctrl/i.test(k.key), `${k.command}: ${k.key}`);
      assert.ok(!/cmd\+alt|alt\+cmd/i.test(k.mac ?? ''), `${k.command}: ${k.mac}`);
    }
  });

  it('scopes every setting; the author is application-scoped and the API address machine-scoped', () => {
    const props: Record<string, { scope?: string; order?: number }> = contributes.configuration.properties;
    for (const [key, p] of Object.entries(props)) assert.ok(p.scope, `${key} has no scope`);
    // A workspace value would sign every colleague's tags with one name.
    assert.equal(props['kamerstuk.author'].scope, 'application');
    assert.equal(props['kamerstuk.apiBaseUrl'].scope, 'machine');
    // One taxonomy per window (the annotation views span every folder), so no folder-level value that is ignored.
    assert.equal(props['kamerstuk.tags'].scope, 'window');
  });

  it('gives every view a contextual title and welcome content in both languages', () => {
    const welcome = new Map((contributes.viewsWelcome as { view: string; contents: string }[]).map((w) => [w.view, w.contents]));
    for (const v of contributes.views.explorer as { id: string; contextualTitle?: string }[]) {
      assert.ok(v.contextualTitle, `${v.id} has no contextualTitle`);
      const key = /^%(.+)%$/.exec(welcome.get(v.id) ?? '')?.[1];
      assert.ok(key && nls[key] && nlsNl[key], `${v.id} has no localised viewsWelcome`);
    }
  });

  it('has a walkthrough whose media exist and whose command links name real commands', () => {
    const [walkthrough] = contributes.walkthroughs;
    assert.ok(walkthrough.steps.length >= 4);
    for (const step of walkthrough.steps as { id: string; description: string; media: { markdown?: string } }[]) {
      assert.ok(step.media.markdown && existsSync(join(ROOT, step.media.markdown)), `${step.id}: missing media`);
      const key = /^%(.+)%$/.exec(step.description)![1];
      for (const m of nls[key].matchAll(/\(command:(kamerstuk\.[A-Za-z]+)\)/g)) assert.ok((Object.values(COMMANDS) as string[]).includes(m[1]), m[1]);
    }
  });

  it('has a 128×128 PNG icon', () => {
    const png = readFileSync(join(ROOT, pkg.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.equal(png.readUInt32BE(16), 128);
    assert.equal(png.readUInt32BE(20), 128);
  });

  it("contributes a problem matcher that reads the lines of 'kamerstuk check'", () => {
    const [matcher] = contributes.problemMatchers;
    const line = formatDiagnostic('letters/kst-29754-716.annotations.yaml', {
      severity: 'error',
      code: 'duplicate-id',
      message: { template: 'Duplicate id {0}', args: ['a1b2c3d4e5'] },
      line: 12,
      column: 7,
      endLine: 12,
      endColumn: 17,
      offset: 0,
      endOffset: 0,
    });
    const m = new RegExp(matcher.pattern.regexp).exec(line);
    assert.ok(m, `the matcher does not read: ${line}`);
    assert.equal(m[matcher.pattern.file], 'letters/kst-29754-716.annotations.yaml');
    assert.equal(m[matcher.pattern.line], '12');
    assert.equal(m[matcher.pattern.column], '7');
    assert.equal(m[matcher.pattern.severity], 'error');
    assert.equal(m[matcher.pattern.code], 'duplicate-id');
  });

  it('says what Restricted Mode limits', () => {
    const key = /^%(.+)%$/.exec(pkg.capabilities.untrustedWorkspaces.description)![1];
    assert.match(nls[key], /git/);
  });
});
