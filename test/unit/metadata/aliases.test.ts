// Aliases are one document: the id a document goes by, whatever alias it is cited under.
import { strict as assert } from 'node:assert';
import { createMetadataStack } from '../../../src/core/metadata';

describe('metadata: aliases of one document', () => {
  it('maps the aliases of the team catalog and of the bundled catalog to the id they are filed under', () => {
    const stack = createMetadataStack({
      catalogText: 'documents:\n  kst-36600-VI-12:\n    title: Brief\n    aliases: [2024D99999]\n',
      api: { online: false },
    });
    try {
      assert.equal(stack.canonicalId('2024D99999'), 'kst-36600-VI-12');
      assert.equal(stack.canonicalId('kst-36600-VI-12'), 'kst-36600-VI-12');
      // The bundled catalog knows the sample letter's document and zaak numbers.
      assert.equal(stack.canonicalId('2024D25640'), 'kst-29754-716');
      assert.equal(stack.canonicalId('2024Z10806'), 'kst-29754-716');
      assert.equal(stack.canonicalId('kst-1-2'), 'kst-1-2');
    } finally {
      stack.resolver.dispose();
    }
  });
});
