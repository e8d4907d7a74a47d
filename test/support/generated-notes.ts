// A team repository made up for tests and benches: N markdown notes of about 6 KB each (prose, lists, code
// blocks, footnotes, tables; a citation in about 30% of paragraphs, some hard-wrapped across lines), letters with
// front matter, and an annotation file beside some letters. Deterministic: the same options give the same files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { random } from './varied-letter';

export interface GeneratedFile {
  /** Workspace-relative, `/` separators. */
  path: string;
  text: string;
}

export interface TeamRepositoryOptions {
  /** Number of notes (letters and annotation files come on top). */
  notes: number;
  seed?: number;
  /** About this many characters per note. Default 6,000. */
  noteSize?: number;
  /** One letter per this many notes (each with front matter `kamerstuk:`). Default 50. */
  notesPerLetter?: number;
  /** Share of letters with an annotation file beside them. Default 0.5. */
  annotatedShare?: number;
  /** Share of paragraphs with a citation. Default 0.3. */
  citingShare?: number;
}

const WORDS = (
  'de het een van en in op te dat voor met is aan door niet om bij als ook wordt zijn worden naar over deze kabinet ' +
  'minister staatssecretaris beleid uitvoering maatregel maatregelen regeling wetsvoorstel Kamer brief antwoord vragen ' +
  'gemeenten provincies toezicht onderzoek evaluatie rapport advies financiering begroting middelen jaar periode ' +
  'inwerkingtreding tekst stukken overleg commissie afspraken toezegging planning uitwerking voortgang samenwerking ' +
  'organisaties burgers ondernemers zorg onderwijs veiligheid asiel stikstof woningbouw energie klimaat digitale ' +
  'overheid informatie gegevens privacy wet artikel lid nadere besluit inspectie signalen risico ketens partners ' +
  'inrichting kosten opbrengsten effecten monitor dashboard verkenning scenario keuzes regio landelijk structureel'
).split(' ');

const NAMES = ['Van der Plas', 'Omtzigt', 'Klaver', 'Jetten', 'Bikker', 'Dassen', 'Kops', 'Van Haga', 'Eerdmans', 'Segers'];

/** One citation in one of the forms analysts write. */
function citation(rnd: () => number): string {
  const dossier = 29000 + Math.floor(rnd() * 7000);
  const spaced = `${String(dossier).slice(0, 2)} ${String(dossier).slice(2)}`;
  const nr = 1 + Math.floor(rnd() * 900);
  const year = 2010 + Math.floor(rnd() * 14);
  const vj = `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
  const name = NAMES[Math.floor(rnd() * NAMES.length)];
  const forms = [
    () => `Kamerstukken II ${vj}, ${spaced}, nr. ${nr}`,
    () => `Kamerstuk ${spaced}, nr. ${nr}`,
    () => `kst-${dossier}-${nr}`,
    () => `(${dossier}-${nr})`,
    () => `de motie-${name} c.s. (${spaced}, nr. ${nr})`,
    () => `het amendement van het lid ${name} (${dossier}, nr. ${nr})`,
    () => `Handelingen II ${vj}, nr. ${1 + Math.floor(rnd() * 99)}, item ${1 + Math.floor(rnd() * 20)}`,
    () => `Aanhangsel Handelingen II ${vj}, nr. ${1000 + Math.floor(rnd() * 2000)}`,
    () => `Stb. ${year}, ${10 + Math.floor(rnd() * 500)}`,
    () => `Stcrt. ${year}, ${1000 + Math.floor(rnd() * 30000)}`,
    () => `${year}D${String(Math.floor(rnd() * 99999)).padStart(5, '0')}`,
    () => `[de brief](https://zoek.officielebekendmakingen.nl/kst-${dossier}-${nr}.html)`,
    () => `Kamerstukken II ${vj}, ${spaced}, nrs. ${nr} en ${nr + 3}`,
  ];
  return forms[Math.floor(rnd() * forms.length)]();
}

function sentence(rnd: () => number, withCitation: boolean): string {
  const n = 8 + Math.floor(rnd() * 14);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(rnd() * WORDS.length)]);
  if (withCitation) words.splice(1 + Math.floor(rnd() * (n - 1)), 0, citation(rnd));
  const s = words.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

/** Hard-wraps a paragraph at about 100 columns (sometimes between the words of a citation). */
function wrap(text: string, rnd: () => number): string {
  if (rnd() < 0.5) return text;
  const out: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + w.length > 100) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out.join('\n');
}

function paragraph(rnd: () => number, citingShare: number, footnotes: string[]): string {
  const cites = rnd() < citingShare;
  const n = 2 + Math.floor(rnd() * 4);
  const sentences: string[] = [];
  for (let i = 0; i < n; i++) sentences.push(sentence(rnd, cites && i === 0));
  let p = sentences.join(' ');
  if (rnd() < 0.12) {
    const label = String(footnotes.length + 1);
    p += `[^${label}]`;
    footnotes.push(`[^${label}]: ${rnd() < 0.6 ? `Zie ${citation(rnd)}.` : sentence(rnd, false)}`);
  }
  return wrap(p, rnd);
}

function block(rnd: () => number, citingShare: number, footnotes: string[]): string {
  const r = rnd();
  if (r < 0.1) return `## ${sentence(rnd, false).slice(0, 60).replace(/\.$/, '')}`;
  if (r < 0.2) {
    const items = 2 + Math.floor(rnd() * 4);
    const marker = rnd() < 0.5 ? '-' : '1.';
    return Array.from({ length: items }, () => `${marker} ${sentence(rnd, rnd() < citingShare)}`).join('\n');
  }
  if (r < 0.25) {
    // Code is not prose: a citation in it is no reference.
    return ['```yaml', `id: kst-${29000 + Math.floor(rnd() * 7000)}-${Math.floor(rnd() * 900)}`, 'status: concept', '```'].join('\n');
  }
  if (r < 0.28) return `> ${sentence(rnd, rnd() < citingShare)}`;
  if (r < 0.3) return ['| onderwerp | stuk |', '|---|---|', `| ${WORDS[Math.floor(rnd() * WORDS.length)]} | ${citation(rnd)} |`].join('\n');
  return paragraph(rnd, citingShare, footnotes);
}

function note(rnd: () => number, n: number, size: number, citingShare: number): string {
  const parts: string[] = [];
  if (rnd() < 0.3) parts.push(['---', `title: Notitie ${n}`, `date: 2024-0${1 + (n % 9)}-1${n % 10}`, 'tags: [analyse]', '---'].join('\n'));
  parts.push(`# Notitie ${n}: ${sentence(rnd, false).slice(0, 50).replace(/\.$/, '')}`);
  const footnotes: string[] = [];
  let length = parts.join('\n\n').length;
  while (length < size) {
    const b = block(rnd, citingShare, footnotes);
    parts.push(b);
    length += b.length + 2;
  }
  parts.push(...footnotes);
  return parts.join('\n\n') + '\n';
}

function letter(rnd: () => number, id: string, size: number, citingShare: number): string {
  const parts = ['---', `kamerstuk: ${id}`, `title: Brief ${id}`, '---', '', `# Brief ${id}`, ''];
  let length = 0;
  const footnotes: string[] = [];
  while (length < size) {
    const p = paragraph(rnd, citingShare / 2, footnotes);
    parts.push(p, '');
    length += p.length + 2;
  }
  return parts.concat(footnotes.flatMap((f) => [f, ''])).join('\n');
}

function annotationFile(rnd: () => number, id: string, letterText: string): string {
  const lines = ['version: 1', 'document:', `  id: ${id}`, `  path: ${id}.md`, 'annotations:'];
  const count = 1 + Math.floor(rnd() * 5);
  for (let i = 0; i < count; i++) {
    const start = 200 + Math.floor(rnd() * (letterText.length - 400));
    lines.push(
      `  - id: g${id.replace(/\W/g, '').slice(-6)}${i}x`,
      `    tag: ${['measure', 'commitment', 'conclusion'][i % 3]}`,
      `    quote: ${JSON.stringify(letterText.slice(start, start + 40))}`,
      `    prefix: ${JSON.stringify(letterText.slice(start - 32, start))}`,
      `    suffix: ${JSON.stringify(letterText.slice(start + 40, start + 72))}`,
      `    start: ${start}`,
      `    end: ${start + 40}`,
      `    author: Analist`,
      `    created: 2024-06-20T09:15:00Z`,
      `    status: proposed`,
    );
  }
  return lines.join('\n') + '\n';
}

/** The files of a generated team repository, in path order of generation (notes, then letters and annotation files). */
export function generateTeamRepository(options: TeamRepositoryOptions): GeneratedFile[] {
  const rnd = random(options.seed ?? 15);
  const size = options.noteSize ?? 6000;
  const citingShare = options.citingShare ?? 0.3;
  const perLetter = options.notesPerLetter ?? 50;
  const annotated = options.annotatedShare ?? 0.5;
  const files: GeneratedFile[] = [];
  for (let n = 1; n <= options.notes; n++) {
    const folder = `notes/${2015 + (n % 10)}/${String(Math.floor(n / 100)).padStart(3, '0')}`;
    files.push({ path: `${folder}/note-${String(n).padStart(5, '0')}.md`, text: note(rnd, n, size, citingShare) });
  }
  const letters = Math.ceil(options.notes / perLetter);
  for (let k = 0; k < letters; k++) {
    const id = `kst-${30000 + k}-${1 + (k % 40)}`;
    const text = letter(rnd, id, size, citingShare);
    files.push({ path: `letters/${id}.md`, text });
    if (rnd() < annotated) files.push({ path: `letters/${id}.annotations.yaml`, text: annotationFile(rnd, id, text) });
  }
  return files;
}

/** Writes generated files under `dir` (folders made as needed). */
export function writeFiles(dir: string, files: readonly GeneratedFile[]): void {
  const made = new Set<string>();
  for (const f of files) {
    const p = join(dir, ...f.path.split('/'));
    const d = dirname(p);
    if (!made.has(d)) {
      mkdirSync(d, { recursive: true });
      made.add(d);
    }
    writeFileSync(p, f.text);
  }
}
