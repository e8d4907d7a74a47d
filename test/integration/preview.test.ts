// The reading view in the real VS Code: the Markdown extension renders through the extension's markdown-it plugin
// (markdown.api.render gives the HTML the preview shows), and the export command writes a self-contained page.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { eventually, extensionApi, openSample, readWorkspaceFile, workspaceUri, writeWorkspaceFile } from './helpers';

const SAMPLE_TAGS = ['m3a8k2x7q1', 'c5t1w8n3h2', 'm7d2p9r4v6', 'm4q8g3l6c0', 'c9b4j6f2s8', 'k2e7y5u1z9'];
const ANNOTATIONS = 'letters/kst-29754-716.annotations.yaml';
const CATALOG = '.kamerstuk/catalog.yaml';
const LETTER_TITLE = 'Stand van zaken bestrijding misbruik asiel- en migratiestromen door terroristen';

const render = (document: vscode.TextDocument) => vscode.commands.executeCommand<string>('markdown.api.render', document);
const markedIds = (html: string) => [...html.matchAll(/<mark class="kst-tag[^"]*"[^>]*data-kst-id="([^"]+)"/g)].map((m) => m[1]);

describe('Markdown preview: citations and tags', () => {
  before(async () => {
    await extensionApi();
  });

  it('renders the sample letter with its tags marked in their colours and its citations linked', async () => {
    const { document } = await openSample('letters/kst-29754-716.md');
    const html = await eventually(async () => {
      const h = await render(document);
      return SAMPLE_TAGS.every((id) => h.includes(`data-kst-id="${id}"`)) ? h : undefined;
    }, 'the preview marks every tag of the sample letter');
    assert.deepEqual(new Set(markedIds(html)), new Set(SAMPLE_TAGS));
    assert.match(html, /<mark class="kst-tag kst-line-0 kst-status-agreed" style="--kst-tag-color:#2e7d32" data-kst-tag="measure" data-kst-id="m3a8k2x7q1"/);
    assert.match(html, /<span class="kst-tag-label" style="--kst-tag-color:#[0-9a-f]{6}">(?:measure|maatregel)<\/span>/);
    assert.match(
      html,
      /<a class="kst-citation" href="https:\/\/zoek\.officielebekendmakingen\.nl\/kst-29754-680\.html" data-href="[^"]+" data-kst-ref="kst-29754-680"/,
    );
    assert.match(html, /<div class="kst-legend">/);
  });

  it('links the brief’s citations of the letter to the workspace letter, and leaves its code block alone', async () => {
    const { document } = await openSample('notes/brief-terrorismebestrijding.md');
    const html = await eventually(async () => {
      const h = await render(document);
      return h.includes('href="../letters/kst-29754-716.md"') ? h : undefined;
    }, 'the brief links the workspace letter');
    assert.match(
      html,
      /<a class="kst-citation" href="\.\.\/letters\/kst-29754-716\.md" data-href="\.\.\/letters\/kst-29754-716\.md" data-kst-ref="kst-29754-716"[^>]*>kst-29754-716<\/a>/,
    );
    assert.match(html, /<a class="kst-citation" href="https:\/\/zoek\.officielebekendmakingen\.nl\/kst-29754-683\.html"/);
    assert.match(html, /Codevoorbeeld, geen verwijzing: 29 754, nr\. 999/);
    assert.doesNotMatch(html, /nr\. 999<\/a>/);
    assert.doesNotMatch(html, /kst-legend/);
  });

  it('shows the annotation file as it is now: a removed tag is no longer marked', async () => {
    const original = (await readWorkspaceFile(ANNOTATIONS))!;
    const { document } = await openSample('letters/kst-29754-716.md');
    try {
      const without = original.replace(/ {2}- id: m4q8g3l6c0\n(?: {4}.*\n)+/, '');
      assert.notEqual(without, original);
      await writeWorkspaceFile(ANNOTATIONS, without);
      await eventually(async () => {
        const ids = markedIds(await render(document));
        return ids.includes('m3a8k2x7q1') && !ids.includes('m4q8g3l6c0');
      }, 'the removed tag disappears from the preview');
    } finally {
      await writeWorkspaceFile(ANNOTATIONS, original);
    }
    await eventually(async () => markedIds(await render(document)).includes('m4q8g3l6c0'), 'the tag comes back');
  });

  it('exports the tagged letter as one page without scripts or remote resources', async () => {
    const target = workspaceUri('letters/kst-29754-716.export-test.html');
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri>('kamerstuk.exportHtml', workspaceUri('letters/kst-29754-716.md'), target);
      assert.equal(written?.toString(), target.toString());
      const html = (await readWorkspaceFile('letters/kst-29754-716.export-test.html'))!;
      assert.match(html, /^<!DOCTYPE html>/);
      assert.deepEqual(new Set(markedIds(html)), new Set(SAMPLE_TAGS));
      assert.match(html, /<tr data-kst-tag="measure"><td>.*?<\/td><td class="kst-number">3<\/td><\/tr>/);
      assert.doesNotMatch(html, /<script/i);
      assert.doesNotMatch(html, /<[a-z][^>]*\ssrc="https?:/i);
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });

  it('shows the team catalog’s new title as the citation’s tooltip after the catalog changed', async () => {
    const original = (await readWorkspaceFile(CATALOG))!;
    const { document } = await openSample('notes/brief-terrorismebestrijding.md');
    const tooltip = (html: string) => /data-kst-ref="kst-29754-716" title="([^"]*)"/.exec(html)?.[1];
    await eventually(async () => tooltip(await render(document)) === LETTER_TITLE, 'the letter’s title is the tooltip');
    try {
      const renamed = original.replace(`title: ${LETTER_TITLE}`, 'title: Stand van zaken (nieuwe titel uit de teamcatalogus)');
      assert.notEqual(renamed, original);
      await writeWorkspaceFile(CATALOG, renamed);
      // The catalog reload empties the resolver's memory: the preview asks for the title again.
      await eventually(
        async () => tooltip(await render(document)) === 'Stand van zaken (nieuwe titel uit de teamcatalogus)',
        'the new title is the tooltip',
        15_000,
      );
    } finally {
      await writeWorkspaceFile(CATALOG, original);
    }
    await eventually(async () => tooltip(await render(document)) === LETTER_TITLE, 'the old title comes back');
  });

  it('marks a tag and links a citation in a table of a letter', async () => {
    const letter = 'letters/kst-99999-1.md';
    const text = '# Tabel\n\n| Maatregel | Bron |\n| --- | --- |\n| Screening van aanvragen | Kamerstuk 29 754, nr. 683 |\n';
    const start = text.indexOf('Screening van aanvragen');
    const yaml = [
      'version: 1',
      'document:',
      '  path: kst-99999-1.md',
      'annotations:',
      '  - id: t1a2b3c4d5',
      '    tag: measure',
      '    quote: "Screening van aanvragen"',
      `    start: ${start}`,
      `    end: ${start + 'Screening van aanvragen'.length}`,
      '',
    ].join('\n');
    await writeWorkspaceFile(letter, text);
    await writeWorkspaceFile('letters/kst-99999-1.annotations.yaml', yaml);
    try {
      const { document } = await openSample(letter);
      const html = await eventually(async () => {
        const h = await render(document);
        return h.includes('data-kst-id="t1a2b3c4d5"') ? h : undefined;
      }, 'the tag in the table is marked');
      assert.match(html, /<td>[^]*?<mark [^>]*data-kst-id="t1a2b3c4d5"[^>]*>Screening van aanvragen<\/mark><\/td>/);
      assert.match(html, /<td><a class="kst-citation" href="https:\/\/zoek\.officielebekendmakingen\.nl\/kst-29754-683\.html"/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      for (const f of [letter, 'letters/kst-99999-1.annotations.yaml']) await vscode.workspace.fs.delete(workspaceUri(f)).then(undefined, () => undefined);
    }
  });
});
