// Test data of the commitment field tests.

/** An annotation file with one commitment entry, `extra` lines added to it. */
export const ENTRY = (extra: string) => `version: 1
document:
  id: kst-29754-716
annotations:
  - id: a1b2c3d4e5
    tag: commitment
    quote: "De komende periode wordt gewerkt aan een nadere uitwerking hiervan."
    start: 10
    end: 78
${extra}`;
