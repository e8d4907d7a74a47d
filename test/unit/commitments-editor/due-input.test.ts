// What the analyst types in "Edit due date…" (src/vscode/commitments/due-input.ts, no vscode import).
import { strict as assert } from 'node:assert';
import { dueInputValue, isIsoDate, parseDueInput } from '../../../src/vscode/commitments/due-input';

describe('due date input of the Commitments view', () => {
  it('reads a single date as the last day, keeping the phrase it was read from', () => {
    assert.deepEqual(parseDueInput(' 2025-06-30 ', 'voor de zomer'), { ok: true, due: { to: '2025-06-30', text: 'voor de zomer' } });
  });

  it('reads ranges with an en dash, two dots, a slash, " - " and "tot"', () => {
    for (const typed of ['2025-04-01 – 2025-06-30', '2025-04-01..2025-06-30', '2025-04-01/2025-06-30', '2025-04-01 - 2025-06-30', '2025-04-01 tot 2025-06-30'])
      assert.deepEqual(parseDueInput(typed, undefined), { ok: true, due: { from: '2025-04-01', to: '2025-06-30', text: typed.trim() } }, typed);
  });

  it('removes the stored date for empty input, and marks "vague"/"vaag" as a commitment without a date', () => {
    assert.deepEqual(parseDueInput('   ', 'voor de zomer'), { ok: true, due: null });
    assert.deepEqual(parseDueInput('vaag', 'zo spoedig mogelijk'), { ok: true, due: { text: 'zo spoedig mogelijk', vague: true } });
    assert.deepEqual(parseDueInput('Vague', undefined), { ok: true, due: { text: 'Vague', vague: true } });
  });

  it('refuses dates that do not exist, other formats and reversed ranges, naming the part that is wrong', () => {
    assert.deepEqual(parseDueInput('2025-02-29', undefined), { ok: false, error: 'notADate', value: '2025-02-29' });
    assert.deepEqual(parseDueInput('30-06-2025', undefined), { ok: false, error: 'notADate', value: '30-06-2025' });
    assert.deepEqual(parseDueInput('2025-04-01 – juni', undefined), { ok: false, error: 'notADate', value: 'juni' });
    assert.deepEqual(parseDueInput('2025-06-30 – 2025-04-01', undefined), { ok: false, error: 'reversed', value: '2025-06-30 – 2025-04-01' });
    assert.equal(parseDueInput('2025-01-01 – 2025-02-01 – 2025-03-01', undefined).ok, false);
  });

  it('shows a stored range the way it is typed, so the shown value reads back unchanged', () => {
    for (const due of [
      { from: '2025-04-01', to: '2025-06-30', text: 'voor de zomer' },
      { to: '2025-12-31', text: 'eind dit jaar' },
      { text: 'zo spoedig mogelijk', vague: true },
    ]) {
      const back = parseDueInput(dueInputValue(due), due.text);
      assert.deepEqual(back, { ok: true, due }, JSON.stringify(due));
    }
    assert.equal(dueInputValue(undefined), '');
  });

  it('knows leap days', () => {
    assert.ok(isIsoDate('2024-02-29'));
    assert.ok(!isIsoDate('2100-02-29'));
    assert.ok(!isIsoDate('2025-13-01'));
  });
});
