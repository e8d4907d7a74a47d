import { strict as assert } from 'node:assert';
import { commitmentLetter } from '../../../src/core/commitments';

const letterWith = (frontMatter: string, body = 'Ik zal u voor de zomer informeren.') => `---\nkamerstuk: kst-29754-716\n${frontMatter}\n---\n\n${body}`;

describe('the register: a letter date written otherwise than yyyy-mm-dd', () => {
  const cases: Array<[string, string]> = [
    ['datum: 18 juni 2024', '2024-06-18'],
    ['datum: dinsdag 18 juni 2024', '2024-06-18'],
    ['datum: 18-06-2024', '2024-06-18'],
    ['date: 2024-06-18T10:00:00+02:00', '2024-06-18'],
    // A timestamp late in the evening keeps the day as written, not the day in UTC.
    ['datum: 2024-06-18T23:30:00+02:00', '2024-06-18'],
    ['datum: 2024-06-18 10:00', '2024-06-18'],
    ['datum: "2024-06-18"', '2024-06-18'],
  ];
  for (const [fm, date] of cases)
    it(`${fm} -> ${date}`, () => {
      assert.equal(commitmentLetter('kst-29754-716.md', letterWith(fm), []).date, date);
    });

  it('a front-matter date that is no date falls back to the "Den Haag, …" line', () => {
    const text = letterWith('datum: binnenkort', 'Den Haag, 5 juni 2023\n\nIk zal u voor de zomer informeren.');
    assert.equal(commitmentLetter('kst-29754-716.md', text, []).date, '2023-06-05');
    const wrongDay = letterWith('datum: 31 juni 2024', 'Den Haag, 5 juni 2023\n\nTekst.');
    assert.equal(commitmentLetter('kst-29754-716.md', wrongDay, []).date, '2023-06-05');
  });

  it('neither gives a date: the letter is undated', () => {
    assert.equal(commitmentLetter('kst-29754-716.md', letterWith('datum: 18 juno 2024'), []).date, undefined);
    assert.equal(commitmentLetter('kst-29754-716.md', letterWith('datum: 2024-02-30'), []).date, undefined);
  });
});
