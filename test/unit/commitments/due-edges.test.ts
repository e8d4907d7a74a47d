import { strict as assert } from 'node:assert';
import { parseDue } from '../../../src/core/commitments';

/** [passage, letter date, from, to, text]: from/to undefined for a vague deadline. */
type Case = [string, string, string | undefined, string | undefined, string];

function check([passage, date, from, to, text]: Case): void {
  const due = parseDue(passage, date);
  assert.ok(due, `no deadline read from: ${passage}`);
  assert.deepEqual({ from: due.from, to: due.to, text: due.text }, { from, to, text });
}

describe('parseDue: periods that cross New Year, in a letter of January', () => {
  const cases: Case[] = [
    // The kerstreces of 2025 runs from 19 December 2025 to 12 January 2026.
    ['Ik informeer u direct na het kerstreces.', '2026-01-05', '2026-01-12', '2026-02-22', 'direct na het kerstreces'],
    ['Ik informeer u tijdens het kerstreces.', '2026-01-05', '2026-01-05', '2026-01-12', 'tijdens het kerstreces'],
    ['Ik informeer u deze winter.', '2026-01-10', '2026-01-10', '2026-02-28', 'deze winter'],
    ['Ik informeer u rond de jaarwisseling.', '2026-01-02', '2026-01-02', '2026-01-31', 'rond de jaarwisseling'],
    // Once the period is over, the next one.
    ['Ik informeer u tijdens het kerstreces.', '2026-01-20', '2026-12-18', '2027-01-11', 'tijdens het kerstreces'],
    ['Ik informeer u voor de winter.', '2026-01-10', '2026-01-10', '2026-11-30', 'voor de winter'],
  ];
  for (const c of cases) it(`${c[1]}: ${c[4]}`, () => check(c));
});

describe('parseDue: a letter dated on the day the deadline names', () => {
  const cases: Case[] = [
    // The zomerreces 2025 starts on Friday 4 July; 2026's on Friday 3 July.
    ['U ontvangt de brief voor de zomer.', '2025-07-04', '2025-07-04', '2026-07-02', 'voor de zomer'],
    ['U ontvangt de brief voor het zomerreces.', '2025-07-04', '2025-07-04', '2026-07-02', 'voor het zomerreces'],
    // Prinsjesdag 2025 is 16 September, 2026's 15 September.
    ['U ontvangt het overzicht voor Prinsjesdag.', '2025-09-16', '2025-09-16', '2026-09-14', 'voor Prinsjesdag'],
    // The kerstreces 2025 starts on 19 December, 2026's on 18 December.
    ['U ontvangt de brief voor het kerstreces.', '2025-12-19', '2025-12-19', '2026-12-17', 'voor het kerstreces'],
    ['U ontvangt de brief voor 1 juni.', '2025-06-01', '2025-06-01', '2026-05-31', 'voor 1 juni'],
    // "op Prinsjesdag" in a letter of that day is that day.
    ['Het overzicht komt op Prinsjesdag.', '2025-09-16', '2025-09-16', '2025-09-16', 'op Prinsjesdag'],
  ];
  for (const c of cases) it(`${c[1]}: ${c[4]}`, () => check(c));
});

describe('parseDue: "voor 2026" may mean "for 2026"', () => {
  it('a bare "voor <year>" yields to any other deadline of the passage', () => {
    check(['Ik informeer u voor de zomer over de middelen voor 2026.', '2025-10-10', '2025-10-10', '2026-07-02', 'voor de zomer']);
    check(['Ik informeer u zo spoedig mogelijk over de middelen voor 2026.', '2025-10-10', undefined, undefined, 'zo spoedig mogelijk']);
  });

  it('a bare "voor <month> <year>" too', () => {
    check(['Voor januari 2026 verwacht ik geen besluit; ik informeer u in het voorjaar.', '2025-10-10', '2026-03-01', '2026-05-31', 'in het voorjaar']);
  });

  it('"vóór", "nog voor", "ruim voor" and "uiterlijk voor" are deadlines that rank as any other', () => {
    check(['Het besluit volgt vóór 2026, het plan in het voorjaar.', '2025-10-10', '2025-10-10', '2025-12-31', 'vóór 2026']);
    check(['Het besluit volgt nog voor 2026, het plan in het voorjaar.', '2025-10-10', '2025-10-10', '2025-12-31', 'nog voor 2026']);
    check(['Het besluit volgt ruim voor januari 2026, het plan in het voorjaar.', '2025-10-10', '2025-10-10', '2025-12-31', 'ruim voor januari 2026']);
  });

  it('alone, a bare "voor 2026" is still read, for the analyst to judge', () => {
    check(['De wet is voor 2026 in werking.', '2025-10-10', '2025-10-10', '2025-12-31', 'voor 2026']);
  });
});

describe('parseDue: working days', () => {
  it('skips the weekend: two working days from a Friday is the Tuesday', () => {
    check(['U ontvangt binnen twee werkdagen een antwoord.', '2025-10-10', '2025-10-10', '2025-10-14', 'binnen twee werkdagen']);
    check(['U ontvangt binnen 5 werkdagen een antwoord.', '2025-10-08', '2025-10-08', '2025-10-15', 'binnen 5 werkdagen']);
  });

  it('reads the singular "binnen een werkdag"', () => {
    check(['U ontvangt binnen een werkdag een antwoord.', '2025-10-09', '2025-10-09', '2025-10-10', 'binnen een werkdag']);
    check(['U ontvangt binnen één werkdag een antwoord.', '2025-10-10', '2025-10-10', '2025-10-13', 'binnen één werkdag']);
  });
});
