// Look-alikes that are not citations: thousands separators, amounts, dates, phone numbers, postcodes, Raad van
// State numbers, zaak-like numbers after `nr.`, and label words without a citation.
import { strict as assert } from 'node:assert';
import { ids } from './helpers';

const negatives = [
  'De ontwikkelingen volgen elkaar in hoog tempo op; in 2024 zijn 12 345 dossiers behandeld.',
  'Er zijn 29 754 aanvragen en 1 229 754 euro uitgegeven.',
  'Het kost € 29.754,00 of € 12 345 per jaar; $ 35300-12 en EUR 31.700.',
  'Een bedrag van 12.345,67 euro en 29 754,50.',
  'Op 18-06-2024, 2024-06-18 en 6 juli 2023 om 12:30 uur.',
  'Bel 070-3182211, 06-12345678, +31 70 318 22 11 of 0800-1234.',
  'Postadres: Postbus 20018, 2500 EA Den Haag; bezoekadres 2513 AA.',
  'RAADNo.W01.20.0036/I',
  'Advies W16.19.0054/II van de Afdeling advisering.',
  'Kenmerk: nr. 2024-0000129720.',
  'Zaaknummer nr. W16.19.0054/II.',
  'De Tweede Kamer heeft in 2023 12 345 vragen gesteld.',
  'Kamerstukken worden vaak geciteerd; Kamerstuk is een woord.',
  'De motie verzoekt de regering om te onderzoeken.',
  'In de motie wordt gerefereerd aan de casus.',
  'Het Staatsblad en de Staatscourant verschijnen dagelijks.',
  'Handelingen van de Kamer zijn openbaar.',
  'ISBN 978-90-12345-67-8 en IBAN NL91ABNA0417164300.',
  'Versie 12345.6789 en build 20240618-1234.',
  'Artikel 29754a en 29754b.',
  'www.example.com/12345-678 en https://example.org/nr/35300',
  'De Tweede Kamer der Staten-Generaal, vergaderjaar 2023-2024',
  '29 754 Terrorismebestrijding',
  'nrs. 1–3 zonder dossier',
  'motie-achtige constructies en motievenwerk',
];

describe('not citations', () => {
  for (const text of negatives) {
    it(JSON.stringify(text), () => assert.deepEqual(ids(text), []));
  }
});
