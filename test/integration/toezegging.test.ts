// A toezegging number in a note, in the real VS Code: its hover comes from the Toezegging entity of the (fake)
// Tweede Kamer API, and offline it says what the number is without details.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { startODataServer, type ODataServer } from '../support/odata-server';
import { eventually, extensionApi, hoverText, positionOf, scratch } from './helpers';

describe('toezegging numbers in a real VS Code', function () {
  this.timeout(60_000);
  const kamerstuk = () => vscode.workspace.getConfiguration('kamerstuk');
  let server: ODataServer;

  async function hoverAt(editor: vscode.TextEditor, needle: string): Promise<string> {
    const pos = positionOf(editor.document, needle);
    return hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos)) ?? []).replace(/\\/g, '');
  }

  before(async () => {
    server = await startODataServer();
  });
  after(async () => {
    await kamerstuk().update('apiBaseUrl', undefined, vscode.ConfigurationTarget.Global);
    await kamerstuk().update('online', undefined, vscode.ConfigurationTarget.Global);
    await server.close();
  });

  it('hovers a toezegging with its status, bewindspersoon, debate and the letter that fulfilled it', async () => {
    const api = await extensionApi();
    const before = api.metadata.resolver;
    await kamerstuk().update('online', true, vscode.ConfigurationTarget.Global);
    await kamerstuk().update('apiBaseUrl', server.url, vscode.ConfigurationTarget.Global);
    await eventually(() => api.metadata.resolver !== before, 'the extension did not switch to the test API');
    const editor = await scratch('De staatssecretaris deed toezegging TZ209901-002 in het debat.\n');
    const text = await eventually(async () => {
      const t = await hoverAt(editor, 'TZ209901-002');
      return t.includes('2099D00101') ? t : undefined;
    }, 'no hover with the fulfilling letter');
    assert.match(text, /De staatssecretaris stuurt de Kamer een brief over de evaluatie/);
    assert.match(text, /\*\*(?:fulfilled|nagekomen)\*\*/);
    assert.match(text, /De Vries, C\./);
    assert.match(text, /Plenair debat/);
    assert.ok(server.requests.some((r) => r.entity === 'Toezegging' && r.filter === "Verwijderd eq false and Nummer eq 'TZ209901-002'"));
  });

  it('offline, says it is a toezegging number with no details', async () => {
    await kamerstuk().update('online', false, vscode.ConfigurationTarget.Global);
    const editor = await scratch('Zie toezegging TZ202504-057.\n');
    const text = await eventually(async () => {
      const t = await hoverAt(editor, 'TZ202504-057');
      return /toezegging number|toezeggingnummer/.test(t) ? t : undefined;
    }, 'no offline hover for the toezegging number');
    assert.match(text, /no details offline|offline zijn er geen details/);
    assert.match(text, /\]\(https:\/\/www\.tweedekamer\.nl\/toezeggingen\)/, 'the Tweede Kamer register is linked');
  });

  it('an Eerste Kamer T-number: recognised by its sentence, hovered as such with its register, never asked of the API', async () => {
    await kamerstuk().update('online', true, vscode.ConfigurationTarget.Global);
    await kamerstuk().update('apiBaseUrl', server.url, vscode.ConfigurationTarget.Global);
    const editor = await scratch('De commissie besluit de toezeggingen T02867 en T02849 als voldaan aan te merken.\n\nOnderdeel T01237 is geen toezegging.\n');
    const text = await eventually(async () => {
      const t = await hoverAt(editor, 'T02849');
      return /Eerste Kamer/.test(t) ? t : undefined;
    }, 'no hover for the Eerste Kamer number');
    assert.match(text, /\*\*T02849\*\*/);
    assert.match(text, /Eerste Kamer toezegging|Toezegging Eerste Kamer/);
    assert.match(text, /not in the Tweede Kamer API|niet in de API van de Tweede Kamer/);
    assert.match(text, /\]\(https:\/\/www\.eerstekamer\.nl\/begrip\/toezeggingen\)/);
    assert.equal(await hoverAt(editor, 'T01237'), '', 'a T-number without a register context is prose');
    assert.ok(!server.requests.some((r) => r.entity === 'Toezegging' && /T02849/.test(r.filter ?? '')), 'the Eerste Kamer register is not in the API');

    // Go to Definition: the read-only page names the register the number is in.
    const pos = positionOf(editor.document, 'T02867');
    const [location] = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', editor.document.uri, pos);
    assert.equal(location?.uri.scheme, 'kamerstuk-document');
    const page = (await vscode.workspace.openTextDocument(location.uri)).getText();
    assert.match(page, /(?:Register of toezeggingen|Toezeggingenregister): https:\/\/www\.eerstekamer\.nl\/begrip\/toezeggingen/);
  });
});
