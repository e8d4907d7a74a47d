// The importer is core: it must bundle for a browser worker (the web extension) with no Node built-in left, and the
// bundled code must convert a publication there too (run here in a bare VM context: no require, no process).
import { strict as assert } from 'node:assert';
import * as vm from 'node:vm';
import { koopFixture } from './koop-fixtures';
import { bundleForWorker } from './worker-bundle';

describe('letters core in a browser worker', () => {
  it('bundles for the browser platform and converts the sample publication without Node', async () => {
    const code = await bundleForWorker(`export { convertPublication } from './src/core/letters';`);
    const sandbox: Record<string, unknown> = { TextDecoder, TextEncoder, URL, console };
    vm.runInNewContext(code, sandbox);
    const { convertPublication } = sandbox.letters as typeof import('../../../src/core/letters');
    const md = convertPublication(new Uint8Array(koopFixture('kst-29754-716.xml'))).markdown;
    assert.match(md, /^# Nr\. 716 BRIEF VAN DE MINISTER EN STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID$/m);
  });
});
