// The line under a hover that is not a fresh API answer: refreshing, offline, or shown after the API failed.
import { strict as assert } from 'node:assert';
import { networkNote, type DocumentMetadata } from '../../../src/core/metadata';

describe('metadata: the hover note on what the network did', () => {
  const cached: DocumentMetadata = { id: 'kst-29754-680', kind: 'kamerstuk', title: 'Brief', source: 'cache', origin: 'tweedekamer', stale: true };
  const fresh: DocumentMetadata = { ...cached, source: 'tweedekamer', stale: undefined };

  it('says refreshing while the API is still asked', () => {
    assert.match(networkNote({ meta: cached, refreshing: true, errors: [] }) ?? '', /refreshing from the Tweede Kamer API/);
  });

  it('says offline when the API is unreachable and a local source answered', () => {
    assert.match(networkNote({ meta: cached, errors: [{ code: 'offline' }] }) ?? '', /^\*Offline: this is what the local sources know/);
  });

  it('says the API failed for other errors, and points to the log', () => {
    assert.match(networkNote({ meta: { ...cached, source: 'bundled' }, errors: [{ code: 'malformed' }] }) ?? '', /did not answer properly \(see the log\)/);
  });

  it('says nothing for a clean answer, an API answer, a cancelled lookup or no answer', () => {
    assert.equal(networkNote({ meta: cached, errors: [] }), undefined);
    assert.equal(networkNote({ meta: fresh, errors: [{ code: 'http' }] }), undefined);
    assert.equal(networkNote({ meta: cached, errors: [{ code: 'aborted' }] }), undefined);
    assert.equal(networkNote({ errors: [{ code: 'offline' }] }), undefined);
  });

  it('is localised through the translate function', () => {
    const note = networkNote({ meta: cached, errors: [{ code: 'offline' }] }, (m) => `NL:${m}`);
    assert.match(note ?? '', /^\*NL:Offline/);
  });
});
