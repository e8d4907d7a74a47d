// What asks for a completion, and in which notation the chosen document is written.
import { strict as assert } from 'node:assert';
import { completionTrigger } from '../../../src/core/citations/completion-trigger';

describe('citations: completion trigger', () => {
  it('keeps the notation the user started', () => {
    assert.deepEqual(completionTrigger('Zie kst-297'), { start: 4, query: '297', motie: false, style: 'kst' });
    assert.deepEqual(completionTrigger('Zie Kamerstukken 29'), { start: 4, query: '29', motie: false, style: 'leidraad' });
    assert.deepEqual(completionTrigger('Zie Kamerstuk '), { start: 4, query: '', motie: false, style: 'short' });
    assert.deepEqual(completionTrigger('de motie Van'), { start: 9, query: 'Van', motie: true });
  });

  it('asks for nothing elsewhere', () => {
    assert.equal(completionTrigger('Zie de brief'), undefined);
    assert.equal(completionTrigger('kamerstukken, zie'), undefined);
  });
});
