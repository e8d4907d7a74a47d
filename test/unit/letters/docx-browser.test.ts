// The DOCX route is core, and mammoth (injected, docx-mammoth.ts) bundles for a browser worker too: its `browser`
// field replaces its file-system parts, and it converts a .docx from bytes in a bare VM context with no require, no
// process and no Buffer. (The web extension still leaves docx-mammoth.ts out: its code names Node globals.)
import { strict as assert } from 'node:assert';
import * as vm from 'node:vm';
import { buildDocx, documentRow, sampleLetterParts } from './docx-fixtures';
import { bundleForWorker } from './worker-bundle';

describe('DOCX conversion in a browser worker', () => {
  it('bundles for the browser platform and converts a constructed .docx without Node', async () => {
    const code = await bundleForWorker(
      `export { convertDocx, tkDocumentInfo } from './src/core/letters';\nexport { mammothToHtml } from './src/core/letters/docx-mammoth';`,
    );
    // What a worker has: timers, text codecs, URL; no Buffer, no process, no require.
    const sandbox: Record<string, unknown> = { TextDecoder, TextEncoder, URL, URLSearchParams, console, setTimeout, clearTimeout, queueMicrotask };
    sandbox.self = sandbox; // a worker's global object is `self`
    vm.runInNewContext(code, sandbox);
    const { convertDocx, tkDocumentInfo, mammothToHtml } = sandbox.letters as typeof import('../../../src/core/letters') &
      typeof import('../../../src/core/letters/docx-mammoth');
    const meta = tkDocumentInfo(documentRow('2099D77001')).metadata;
    const md = (await convertDocx(await buildDocx(sampleLetterParts()), meta, { toHtml: mammothToHtml })).markdown;
    assert.match(md, /^source: tweedekamer-docx$/m);
    assert.match(md, /^## Uitvoering$/m);
    assert.match(md, /^\[\^2\]: Kamerstukken II 2023\/24, 29 754, nr\. 700\.$/m);
  });
});
