// Import Letter… in the real VS Code against a real HTTP server on 127.0.0.1 that serves the KOOP fixtures under
// the addresses core's publicationUrls builds (`/{id}.xml`, `/{id}/metadata.xml`). The command takes `{ id, review }`
// so no dialog needs a click; the UI path (input box, review QuickPick) is the default without them.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { AnnotationStore, letterHash } from '../../src/core/annotations';
import { DOCX_TYPE, letterFrontMatter } from '../../src/core/letters';
import type { ImportOutcome } from '../../src/vscode/letters/import-letter';
import { startProxy } from '../support/http-proxy';
import { startKoopServer, type KoopServer } from '../support/koop-server';
import { buildDocx, documentRow, sampleLetterParts } from '../unit/letters/docx-fixtures';
import { eventually, extensionApi, hoverText, positionOf, readWorkspaceFile, scratch, workspaceUri, writeWorkspaceFile } from './helpers';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'koop');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

const LETTER = 'letters/kst-29754-716.md';
const TAGS = 'letters/kst-29754-716.annotations.yaml';
const CATALOG = '.kamerstuk/catalog.yaml';
/** Where the import keeps the sample letter's replaced texts (other suites keep versions of their letters beside it). */
const KEPT = 'letters/.versions/kst-29754-716';
const NEW_ID = 'kst-36410-XIII-80';
/** A Tweede Kamer document KOOP has not published: the API's Document and its DOCX. */
const DOCX_NUMBER = '2099D77001';
const PDF_NUMBER = '2099D77002';
const PDF_GUID = '5e1c2d3a-4b5c-4d6e-8f70-000000077002';
/** Imported through VS Code's proxy setting. */
const PROXIED_ID = 'kst-24095-50';

/** The sample letter's publication with an inserted sentence (later tags move), one tagged sentence reworded and one tagged heading replaced. */
function changedPublication(): string {
  const xml = fixture('kst-29754-716.xml');
  const edits: [string, string][] = [
    ['<al>De asielprocedure heeft tot doel', '<al>Deze brief is een herziene versie. De asielprocedure heeft tot doel'],
    ['De komende periode wordt gewerkt aan een nadere uitwerking hiervan.', 'De komende maanden wordt gewerkt aan een nadere uitwerking hiervan.'],
    ['Het Ministerie van Buitenlandse Zaken houdt het beleid inzake de afgifte van laissez-passers aan vreemdelingen tegen het licht.', 'Reisdocumenten.'],
  ];
  let out = xml;
  for (const [from, to] of edits) {
    assert.ok(out.includes(from), `the fixture no longer has: ${from}`);
    out = out.replace(from, to);
  }
  return out;
}

function tagsOf(text: string): AnnotationStore {
  const parsed = AnnotationStore.parse(text);
  assert.ok(parsed.ok, 'the annotation file does not parse');
  return parsed.store;
}

async function exists(relative: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(workspaceUri(relative));
    return true;
  } catch {
    return false;
  }
}

describe('Import Letter from a KOOP server on 127.0.0.1', function () {
  this.timeout(60_000);
  const kamerstuk = () => vscode.workspace.getConfiguration('kamerstuk');
  let server: KoopServer;
  const saved: Record<string, string | undefined> = {};

  const importLetter = (args: unknown) => vscode.commands.executeCommand<ImportOutcome>('kamerstuk.importLetter', args);

  before(async () => {
    const api = await extensionApi();
    await Promise.all([api.letters.all(), api.citations.workspace()]);
    for (const f of [LETTER, TAGS, CATALOG]) saved[f] = await readWorkspaceFile(f);
    server = await startKoopServer();
    server.set('/kst-29754-716/metadata.xml', { body: fixture('kst-29754-716.metadata.xml') });
    server.set(`/${NEW_ID}.xml`, { body: fixture(`${NEW_ID}.xml`) });
    server.set('/kst-11111-1.xml', { body: fixture('error-page.html'), contentType: 'text/html; charset=utf-8' });
    await kamerstuk().update('koopBaseUrl', server.url, vscode.ConfigurationTarget.Global);
    await kamerstuk().update('online', true, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await kamerstuk().update('koopBaseUrl', undefined, vscode.ConfigurationTarget.Global);
    await kamerstuk().update('apiBaseUrl', undefined, vscode.ConfigurationTarget.Global);
    await kamerstuk().update('online', undefined, vscode.ConfigurationTarget.Global);
    for (const [f, text] of Object.entries(saved)) if (text !== undefined) await writeWorkspaceFile(f, text);
    for (const f of [`letters/${NEW_ID}.md`, `letters/${DOCX_NUMBER}.md`, `letters/${PROXIED_ID}.md`, KEPT]) {
      await vscode.workspace.fs.delete(workspaceUri(f), { recursive: true }).then(undefined, () => undefined);
    }
    const api = await extensionApi();
    await api.metadata.reloadCatalog();
    await api.annotations.stores.refresh();
    await server?.close();
  });

  it('offers Import letter in the hover of a cited kamerstuk that is not in the workspace', async () => {
    const editor = await scratch('Zie de brief (Kamerstuk 36 410-XIII, nr. 80) over de begroting.\n');
    const text = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, '36 410')),
    );
    assert.match(text, /command:kamerstuk\.importLetter\?[^)]*kst-36410-XIII-80/);
  });

  it('writes letters/<id>.md, adds the catalog record and opens the letter', async () => {
    const outcome = await importLetter({ id: NEW_ID });
    assert.equal(outcome?.status, 'written');
    const text = await readWorkspaceFile(`letters/${NEW_ID}.md`);
    assert.ok(text, 'the letter was not written');
    assert.match(text, new RegExp(`^---\\n(?:.*\\n)*?kamerstuk: ${NEW_ID}\\n`));
    assert.match(text, /officielebekendmakingen\.nl|source:/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), workspaceUri(`letters/${NEW_ID}.md`).toString());
    const catalog = await readWorkspaceFile(CATALOG);
    assert.match(catalog ?? '', new RegExp(`\\n  ${NEW_ID}:\\n`));
    // Every entry the catalog had is still there.
    for (const id of (saved[CATALOG] ?? '').match(/^ {2}[a-z][\w-]+(?=:)/gm) ?? [])
      assert.ok(catalog?.includes(`${id}:`), `${id.trim()} was lost from the catalog`);
    assert.ok(server.requests.includes(`/${NEW_ID}.xml`));
  });

  it('a letter or team catalog whose bytes are not UTF-8 is never rewritten: the import says why', async () => {
    const api = await extensionApi();
    const letterPath = workspaceUri(`letters/${NEW_ID}.md`).fsPath;
    const [letter, catalog] = [fs.readFileSync(letterPath), fs.readFileSync(workspaceUri(CATALOG).fsPath)];
    // Latin-1 bytes: as UTF-8 they would be read as U+FFFD and lost on the next write.
    const latin1 = Buffer.concat([letter, Buffer.from('\nEen caf\xe9 in de tekst.\n', 'latin1')]);
    try {
      fs.writeFileSync(letterPath, latin1);
      const outcome = await importLetter({ id: NEW_ID, review: 'accept' });
      assert.equal(outcome?.status, 'failed');
      assert.deepEqual(fs.readFileSync(letterPath), latin1, 'the letter was rewritten');
      assert.match(api.annotations.messages().at(-1) ?? '', /is not UTF-8 text|is geen UTF-8-tekst/);

      fs.writeFileSync(letterPath, letter);
      const catalogLatin1 = Buffer.concat([catalog, Buffer.from('# caf\xe9\n', 'latin1')]);
      fs.writeFileSync(workspaceUri(CATALOG).fsPath, catalogLatin1);
      const upToDate = await importLetter({ id: NEW_ID });
      assert.equal(upToDate?.status, 'up-to-date', api.annotations.messages().at(-1));
      assert.deepEqual(fs.readFileSync(workspaceUri(CATALOG).fsPath), catalogLatin1, 'the catalog was rewritten');
      assert.match(api.annotations.messages().at(-1) ?? '', /catalog\.yaml (?:is not UTF-8 text|is geen UTF-8-tekst)/);
    } finally {
      fs.writeFileSync(letterPath, letter);
      fs.writeFileSync(workspaceUri(CATALOG).fsPath, catalog);
      await api.metadata.reloadCatalog();
    }
  });

  it("core's English detail stays in the log: a broken catalog and a damaged publication get whole localized sentences", async () => {
    const api = await extensionApi();
    const catalogPath = workspaceUri(CATALOG).fsPath;
    const catalog = fs.readFileSync(catalogPath);
    const broken = `${catalog.toString('utf8')}\n  - [unclosed\n`;
    try {
      fs.writeFileSync(catalogPath, broken);
      const upToDate = await importLetter({ id: NEW_ID });
      assert.equal(upToDate?.status, 'up-to-date', api.annotations.messages().at(-1));
      assert.equal(fs.readFileSync(catalogPath, 'utf8'), broken);
      const note = api.annotations.messages().at(-1) ?? '';
      assert.match(note, /catalog\.yaml (?:has errors|bevat fouten)/);
      assert.doesNotMatch(note, /does not parse|line \d+, column/);
    } finally {
      fs.writeFileSync(catalogPath, catalog);
      await api.metadata.reloadCatalog();
    }
    server.set('/kst-11111-4.xml', { body: fixture('kst-29754-716.truncated.xml') });
    const damaged = await importLetter({ id: 'kst-11111-4' });
    assert.equal(damaged?.status, 'failed');
    const message = api.annotations.messages().at(-1) ?? '';
    assert.match(message, /kst-11111-4.*(?:the details are in the log|de details staan in het logboek)/);
    assert.doesNotMatch(message, /\(.*(?:parse|truncated|unexpected|expected .* but).*\);/i);
    assert.equal(await exists('letters/kst-11111-4.md'), false);
  });

  it('refuses a web page answered with status 200: a clear message, nothing written', async () => {
    const api = await extensionApi();
    const outcome = await importLetter({ id: 'kst-11111-1' });
    assert.equal(outcome?.status, 'failed');
    assert.equal(await exists('letters/kst-11111-1.md'), false);
    assert.match(api.annotations.messages().at(-1) ?? '', /web page instead of the publication of kst-11111-1|webpagina/);
  });

  it('a letters folder that cannot be made: one localized sentence, the detail in the log, nothing imported', async () => {
    const api = await extensionApi();
    // A file where kamerstuk.letters.folder should be: creating the folder fails (also when the tests run as root,
    // who may write into a read-only folder).
    const blocked = workspaceUri('blocked-letters').fsPath;
    fs.writeFileSync(blocked, 'not a folder\n');
    await kamerstuk().update('letters.folder', 'blocked-letters', vscode.ConfigurationTarget.Global);
    const catalog = await readWorkspaceFile(CATALOG);
    server.set('/ah-tk-20232024-1234.xml', { body: fixture('ah-tk-20232024-1234.xml') });
    try {
      const outcome = await importLetter({ id: 'ah-tk-20232024-1234' });
      assert.equal(outcome?.status, 'failed');
      const message = api.annotations.messages().at(-1) ?? '';
      assert.match(
        message,
        /^blocked-letters\/ah-tk-20232024-1234\.md (?:could not be written \(the details are in the log\); nothing was imported|kon niet worden geschreven \(de details staan in het logboek\); er is niets geïmporteerd)\.$/,
      );
      assert.doesNotMatch(message, /E(?:EXIST|NOTDIR)|FileSystemError|FileExists|command failed/i);
      assert.equal(fs.readFileSync(blocked, 'utf8'), 'not a folder\n');
      assert.equal(await readWorkspaceFile(CATALOG), catalog, 'the catalog got a record of a letter that was not written');
    } finally {
      await kamerstuk().update('letters.folder', undefined, vscode.ConfigurationTarget.Global);
      fs.rmSync(blocked);
    }
  });

  it('a changed publication: the diff and the review are shown, and cancelling writes nothing', async () => {
    server.set('/kst-29754-716.xml', { body: changedPublication() });
    const outcome = await importLetter({ id: 'kst-29754-716', review: 'cancel' });
    assert.equal(outcome?.status, 'cancelled');
    assert.ok(outcome.review, 'no review was made');
    assert.ok(outcome.review.moved.includes('m3a8k2x7q1'), `moved: ${outcome.review.moved.join(', ')}`);
    assert.ok(outcome.review.orphaned.includes('m4q8g3l6c0'), `orphaned: ${outcome.review.orphaned.join(', ')}`);
    const diff = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === 'kamerstuk-import');
    assert.ok(diff, 'no diff editor with the new publication is open');
    assert.equal((diff.input as vscode.TabInputTextDiff).original.toString(), workspaceUri(LETTER).toString());
    const api = await extensionApi();
    await api.annotations.stores.idle();
    assert.equal(await readWorkspaceFile(LETTER), saved[LETTER]);
    assert.equal(await readWorkspaceFile(TAGS), saved[TAGS]);
    assert.equal(await exists(KEPT), false);
  });

  it('accepting writes the new text, the re-anchored tags and document.hash, and keeps the old text; no tag is lost', async () => {
    server.set('/kst-29754-716.xml', { body: changedPublication() });
    const removed = 'k2e7y5u1z9';
    const outcome = await importLetter({ id: 'kst-29754-716', review: { answer: 'accept', decisions: { [removed]: 'remove' } } });
    assert.equal(outcome?.status, 'replaced');
    const api = await extensionApi();
    await api.annotations.stores.idle();
    const letter = (await readWorkspaceFile(LETTER)) ?? '';
    assert.ok(letter.includes('Deze brief is een herziene versie.'), 'the new text was not written');
    // An orphan is left: the file records the old version (kept in .versions), which the orphan was made on.
    const tags = await eventually(async () => {
      const text = await readWorkspaceFile(TAGS);
      return text && tagsOf(text).get('c5t1w8n3h2')?.quote !== tagsOf(saved[TAGS] ?? '').get('c5t1w8n3h2')?.quote ? tagsOf(text) : undefined;
    }, 'the accepted tags were not written');
    assert.equal(tags.letter.hash, letterHash(saved[LETTER] ?? ''), 'an orphan is left: the version recorded is the old text the tags were made on');
    const old = tagsOf(saved[TAGS] ?? '');
    // Never lose a tag: every one but the removed one is still in the file.
    assert.deepEqual(
      tags
        .annotations()
        .map((a) => a.id)
        .sort(),
      old
        .annotations()
        .map((a) => a.id)
        .filter((id) => id !== removed)
        .sort(),
    );
    // The accepted changed passage is stored with its new text; the orphan keeps its stored passage, for review.
    const changed = tags.get('c5t1w8n3h2')!;
    assert.equal(changed.quote, 'De komende maanden wordt gewerkt aan een nadere uitwerking hiervan.');
    assert.equal(letter.slice(changed.start, changed.end), changed.quote);
    assert.equal(tags.get('m4q8g3l6c0')!.quote, old.get('m4q8g3l6c0')!.quote);
    // In the editor every kept tag is on its own words in the new text (stored offsets are hints), the orphan listed.
    const results = await eventually(async () => {
      const r = await api.annotations.anchorResults(workspaceUri(LETTER));
      return r.length === tags.annotations().length && r.find((x) => x.id === 'c5t1w8n3h2')?.status === 'exact' ? r : undefined;
    }, 'the tags were not anchored on the new text');
    for (const r of results) {
      const quote = tags.get(r.id)!.quote;
      if (r.id === 'm4q8g3l6c0') assert.equal(r.status, 'orphaned');
      else assert.equal(letter.slice(r.start, r.end), quote, `${r.id} (${r.status})`);
    }
    const kept = await readWorkspaceFile(`letters/.versions/kst-29754-716/${letterHash(saved[LETTER] ?? '')}.md`);
    assert.equal(kept, saved[LETTER]);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), workspaceUri(LETTER).toString());
  });

  it("imports a Tweede Kamer document number KOOP has not published from the Kamer's DOCX; a PDF only is refused", async () => {
    const docx = documentRow(DOCX_NUMBER);
    server.set('/Document', {
      body: JSON.stringify({ value: [docx, documentRow(PDF_NUMBER, { Id: PDF_GUID, ContentType: 'application/pdf' })] }),
      contentType: 'application/json',
    });
    server.set(`/Document(${String(docx.Id)})/resource`, { body: await buildDocx(sampleLetterParts()), contentType: DOCX_TYPE });
    server.set(`/Document(${PDF_GUID})/resource`, { body: '%PDF-1.4\n% synthetic\n', contentType: 'application/pdf' });
    const api = await extensionApi();
    const switched = api.metadata.resolver;
    await kamerstuk().update('apiBaseUrl', server.url, vscode.ConfigurationTarget.Global);
    await eventually(() => api.metadata.resolver !== switched, 'the extension did not take the new API address');

    const outcome = await importLetter({ id: DOCX_NUMBER });
    assert.equal(outcome?.status, 'written', api.annotations.messages().at(-1));
    const text = (await readWorkspaceFile(`letters/${DOCX_NUMBER}.md`)) ?? '';
    assert.equal(letterFrontMatter(text)?.source, 'tweedekamer-docx');
    assert.match(text, /^# 1\. Aanleiding$/m);
    assert.ok(server.requests.includes(`/Document(${String(docx.Id)})/resource`));

    const pdf = await importLetter({ id: PDF_NUMBER });
    assert.equal(pdf?.status, 'failed');
    assert.equal(await exists(`letters/${PDF_NUMBER}.md`), false);
    assert.match(api.annotations.messages().at(-1) ?? '', /PDF only|alleen als pdf/);
  });

  it('offline, or with a server that does not answer, says so and writes nothing', async () => {
    const api = await extensionApi();
    server.set('/kst-11111-2.xml', { hang: true, body: '' });
    await kamerstuk().update('online', false, vscode.ConfigurationTarget.Global);
    try {
      const asked = server.requests.length;
      const offline = await importLetter({ id: 'kst-11111-2' });
      assert.equal(offline?.status, 'failed');
      assert.equal(server.requests.length, asked, 'offline, a request was made');
      assert.match(api.annotations.messages().at(-1) ?? '', /offline/);
    } finally {
      await kamerstuk().update('online', true, vscode.ConfigurationTarget.Global);
    }
    await kamerstuk().update('requestTimeout', 600, vscode.ConfigurationTarget.Global);
    try {
      const silent = await importLetter({ id: 'kst-11111-2' });
      assert.equal(silent?.status, 'failed');
      assert.match(api.annotations.messages().at(-1) ?? '', /did not answer in time|antwoordde niet op tijd/);
    } finally {
      await kamerstuk().update('requestTimeout', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal(await exists('letters/kst-11111-2.md'), false);
  });

  it("fetches through VS Code's proxy setting (http.proxy); a captive portal's page is refused", async () => {
    const api = await extensionApi();
    server.set(`/${PROXIED_ID}.xml`, { body: fixture(`${PROXIED_ID}.xml`) });
    // 127.0.0.2 is not served: only the proxy, which sends every request to the test server, reaches it.
    const proxy = await startProxy('forward', { upstream: { host: '127.0.0.1', port: Number(new URL(server.url).port) } });
    const proxies = [proxy];
    await vscode.workspace.getConfiguration('http').update('proxy', proxy.url, vscode.ConfigurationTarget.Global);
    await kamerstuk().update('koopBaseUrl', server.url.replace('127.0.0.1', '127.0.0.2'), vscode.ConfigurationTarget.Global);
    try {
      const outcome = await importLetter({ id: PROXIED_ID });
      assert.equal(outcome?.status, 'written', `${api.annotations.messages().at(-1)} (the proxy saw: ${proxy.seen.join(', ')})`);
      assert.ok(
        proxy.seen.some((r) => r.includes('127.0.0.2')),
        `the proxy saw: ${proxy.seen.join(', ')}`,
      );
      assert.match((await readWorkspaceFile(`letters/${PROXIED_ID}.md`)) ?? '', new RegExp(`kamerstuk: ${PROXIED_ID}`));

      // A captive portal (a new proxy: the first one's open tunnel would be reused) answers with its login page.
      const portal = await startProxy('captive-portal');
      proxies.push(portal);
      await vscode.workspace.getConfiguration('http').update('proxy', portal.url, vscode.ConfigurationTarget.Global);
      const refused = await importLetter({ id: 'kst-11111-3' });
      assert.equal(refused?.status, 'failed');
      assert.ok(portal.seen.length > 0, 'the request did not go through the second proxy');
      assert.match(api.annotations.messages().at(-1) ?? '', /web page|webpagina/);
      assert.equal(await exists('letters/kst-11111-3.md'), false);
    } finally {
      await vscode.workspace.getConfiguration('http').update('proxy', undefined, vscode.ConfigurationTarget.Global);
      await kamerstuk().update('koopBaseUrl', server.url, vscode.ConfigurationTarget.Global);
      await Promise.all(proxies.map((p) => p.close()));
    }
  });

  it('says the letter is up to date when its publication has not changed since', async () => {
    const api = await extensionApi();
    server.set('/kst-29754-716.xml', { body: changedPublication() });
    const [letter, tags] = [await readWorkspaceFile(LETTER), await readWorkspaceFile(TAGS)];
    const outcome = await importLetter({ id: 'kst-29754-716' });
    assert.equal(outcome?.status, 'up-to-date');
    assert.equal(await readWorkspaceFile(LETTER), letter);
    assert.equal(await readWorkspaceFile(TAGS), tags);
    assert.match(api.annotations.messages().at(-1) ?? '', /up to date|bijgewerkt/);
  });

  it('without a review answer the review is a QuickPick: Escape writes nothing, its first item (Accept) writes the new version', async () => {
    server.set('/kst-29754-716.xml', { body: changedPublication().replace('Deze brief is een herziene versie.', 'Deze brief is een derde versie.') });
    const api = await extensionApi();
    const [letter, tags] = [await readWorkspaceFile(LETTER), await readWorkspaceFile(TAGS)];
    /** Runs the import as the analyst would, answering the QuickPick with `key` until the command returns. */
    const answered = async (key: string): Promise<ImportOutcome | undefined> => {
      let done = false;
      const running = Promise.resolve(importLetter({ id: 'kst-29754-716' })).finally(() => (done = true));
      for (let i = 0; i < 200 && !done; i++) {
        await new Promise((r) => setTimeout(r, 100));
        if (!done) await vscode.commands.executeCommand(key);
      }
      return running;
    };
    const escaped = await answered('workbench.action.closeQuickOpen');
    assert.equal(escaped?.status, 'cancelled');
    assert.equal(await readWorkspaceFile(LETTER), letter);
    assert.equal(await readWorkspaceFile(TAGS), tags);

    const accepted = await answered('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(accepted?.status, 'replaced', api.annotations.messages().at(-1));
    const now = (await readWorkspaceFile(LETTER)) ?? '';
    assert.ok(now.includes('Deze brief is een derde versie.'));
    await api.annotations.stores.idle();
    const stored = tagsOf((await readWorkspaceFile(TAGS)) ?? '');
    // Every tag on the new text as is or accepted there: the new version is recorded; a tag left orphaned keeps the old.
    const orphaned = accepted.review?.orphaned.length ?? 0;
    assert.equal(stored.letter.hash, letterHash(orphaned ? (letter ?? '') : now), `orphaned: ${orphaned}`);
    assert.deepEqual(
      stored
        .annotations()
        .map((a) => a.id)
        .sort(),
      tagsOf(tags ?? '')
        .annotations()
        .map((a) => a.id)
        .sort(),
    );
  });

  it('a read-only letter or annotation file, or a .versions folder that cannot be made: accepting writes nothing and says why', async () => {
    server.set('/kst-29754-716.xml', { body: changedPublication().replace('Deze brief is een herziene versie.', 'Deze brief is een vierde versie.') });
    const api = await extensionApi();
    const [letter, tags] = [await readWorkspaceFile(LETTER), await readWorkspaceFile(TAGS)];
    const unchanged = async (what: string) => {
      await api.annotations.stores.idle();
      assert.equal(await readWorkspaceFile(LETTER), letter, `${what}: the letter was written`);
      assert.equal(await readWorkspaceFile(TAGS), tags, `${what}: the annotation file was written`);
    };
    for (const file of [LETTER, TAGS]) {
      const fsPath = workspaceUri(file).fsPath;
      fs.chmodSync(fsPath, 0o444);
      try {
        const outcome = await importLetter({ id: 'kst-29754-716', review: 'accept' });
        assert.equal(outcome?.status, 'failed', `${file} is read-only`);
        assert.match(api.annotations.messages().at(-1) ?? '', new RegExp(`${path.basename(file).replace(/\./g, '\\.')} (?:is read-only|is alleen-lezen)`));
      } finally {
        fs.chmodSync(fsPath, 0o644);
      }
      await unchanged(file);
    }
    // A file where the folder of kept versions should be: the old text cannot be kept, so nothing is replaced.
    const kept = workspaceUri(KEPT).fsPath;
    const aside = `${kept}.aside`;
    if (fs.existsSync(kept)) fs.renameSync(kept, aside);
    fs.writeFileSync(kept, 'not a folder\n');
    try {
      const outcome = await importLetter({ id: 'kst-29754-716', review: 'accept' });
      assert.equal(outcome?.status, 'failed', 'the old text could not be kept');
      assert.match(api.annotations.messages().at(-1) ?? '', /kst-29754-716\.md (?:could not be written|kon niet worden geschreven)/);
    } finally {
      fs.rmSync(kept);
      if (fs.existsSync(aside)) fs.renameSync(aside, kept);
    }
    await unchanged('.versions');
  });

  it('a letter saved with other text during the review is not overwritten: the import is refused', async () => {
    server.set('/kst-29754-716.xml', { body: changedPublication().replace('Deze brief is een herziene versie.', 'Deze brief is een vijfde versie.') });
    const api = await extensionApi();
    const [letter, tags] = [(await readWorkspaceFile(LETTER)) ?? '', await readWorkspaceFile(TAGS)];
    const edited = `${letter}\nEen alinea die de analist tijdens de beoordeling toevoegde.\n`;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const said = api.annotations.messages().length;
    let done = false;
    const running = Promise.resolve(importLetter({ id: 'kst-29754-716' })).finally(() => (done = true));
    try {
      await eventually(
        () =>
          vscode.window.tabGroups.all
            .flatMap((g) => g.tabs)
            .some((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === 'kamerstuk-import'),
        'the diff was not shown',
      );
      // The analyst edits the left side of the diff (the real file) and saves while the review is open.
      await writeWorkspaceFile(LETTER, edited);
      for (let i = 0; i < 200 && !done; i++) {
        await new Promise((r) => setTimeout(r, 100));
        if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      }
      const outcome = await running;
      assert.equal(outcome?.status, 'failed');
      assert.equal(await readWorkspaceFile(LETTER), edited, 'the edits made during the review were overwritten');
      await api.annotations.stores.idle();
      assert.equal(await readWorkspaceFile(TAGS), tags);
      // The refusal is said (the letter's own change on disk may be reported just before or after it).
      const messages = api.annotations.messages().slice(said);
      assert.ok(
        messages.some((m) => /changed during the review|tijdens de beoordeling gewijzigd/.test(m)),
        messages.join(' | '),
      );
    } finally {
      await running;
      await writeWorkspaceFile(LETTER, letter);
    }
  });

  it('with an annotation file that does not parse, accepting a new version writes nothing and says why', async () => {
    server.set('/kst-29754-716.xml', { body: changedPublication().replace('Deze brief is een herziene versie.', 'Deze brief is opnieuw herzien.') });
    const api = await extensionApi();
    const letter = await readWorkspaceFile(LETTER);
    const broken = `${(await readWorkspaceFile(TAGS)) ?? ''}\n  - id: [unclosed\n`;
    await writeWorkspaceFile(TAGS, broken);
    await eventually(async () => (await api.annotations.stores.get(workspaceUri(LETTER))).problems, 'the broken annotation file was not noticed');
    const outcome = await importLetter({ id: 'kst-29754-716', review: 'accept' });
    assert.equal(outcome?.status, 'failed');
    assert.equal(await readWorkspaceFile(LETTER), letter);
    assert.equal(await readWorkspaceFile(TAGS), broken);
    assert.match(api.annotations.messages().at(-1) ?? '', /kst-29754-716\.annotations\.yaml (?:has errors|bevat fouten)/);
  });
});
