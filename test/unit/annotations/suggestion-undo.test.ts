// Undo of "Accept suggestion" (src/vscode/annotations/commands/suggestion-undo.ts, no vscode import).
import { strict as assert } from 'node:assert';
import { undoAcceptChanges } from '../../../src/vscode/annotations/commands/suggestion-undo';

const before = { status: 'proposed' as const, author: 'suggestion' };

describe('undoing the acceptance of a suggested tag', () => {
  it('gives back the status and author of the suggestion', () => {
    assert.deepEqual(undoAcceptChanges({ before, author: 'Analist' }, { status: 'agreed', author: 'Analist' }), { status: 'proposed', author: 'suggestion' });
  });

  it('removes a due date stored with the acceptance, and keeps one the suggestion had', () => {
    const due = { to: '2025-09-30', text: 'voor 1 oktober 2025' };
    assert.deepEqual(undoAcceptChanges({ before, author: 'Analist' }, { status: 'agreed', author: 'Analist', due }), {
      status: 'proposed',
      author: 'suggestion',
      due: null,
    });
    const had = undoAcceptChanges({ before: { ...before, due }, author: 'Analist' }, { status: 'agreed', author: 'Analist', due });
    assert.equal(had && 'due' in had, false);
  });

  it('leaves a tag alone that was edited or removed since', () => {
    assert.equal(undoAcceptChanges({ before, author: 'Analist' }, { status: 'disputed', author: 'Analist' }), undefined);
    assert.equal(undoAcceptChanges({ before, author: 'Analist' }, { status: 'agreed', author: 'Collega' }), undefined);
    assert.equal(undoAcceptChanges({ before, author: 'Analist' }, undefined), undefined);
  });

  it('undoes an acceptance without an author (none set)', () => {
    assert.deepEqual(undoAcceptChanges({ before, author: null }, { status: 'agreed' }), { status: 'proposed', author: 'suggestion' });
  });
});
