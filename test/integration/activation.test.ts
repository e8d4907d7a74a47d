import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, eventually, openSample } from './helpers';

describe('activation', () => {
  it('activates when a markdown file is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed in the test VS Code`);
    await openSample('notes/brief-terrorismebestrijding.md');
    await eventually(() => ext.isActive, 'extension did not activate on a markdown file');
    assert.equal(ext.isActive, true);
  });

  it('registers every command the manifest contributes', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const declared: string[] = (ext.packageJSON.contributes?.commands ?? []).map((c: { command: string }) => c.command);
    assert.ok(declared.length > 0, 'the manifest contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      declared.filter((c) => !registered.has(c)),
      [],
    );
  });

  it('declares no catch-all activation', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const events: string[] = ext.packageJSON.activationEvents;
    assert.ok(!events.includes('*'));
    assert.ok(events.includes('onLanguage:markdown'));
  });
});
