// Reading and updating `.gitattributes` for the kamerstuk merge driver: a small parser of the format (comments,
// quoted patterns, `[attr]` macros, set/unset/unspecified/valued attributes) and an idempotent update that keeps
// every other line, the comments and the file's line endings.

import { ANNOTATION_FILE_SUFFIX } from '../annotations/model';
import { ANNOTATION_FILE_PATTERN, GITATTRIBUTES_LINE, MERGE_DRIVER } from './constants';

/** One pattern line (or `[attr]` macro definition) of a gitattributes file. */
export interface AttributeLine {
  /** 1-based line number. */
  line: number;
  /** The line as written, without its line ending. */
  text: string;
  /** The pattern, unquoted; for a macro definition the `[attr]name` token. */
  pattern: string;
  /** The attribute tokens: `text`, `-diff`, `!merge`, `merge=union`... */
  attributes: string[];
  /** The macro's name when the line defines one (`[attr]name ...`). */
  macro?: string;
}

/** A line that gives annotation files another merge behaviour than the kamerstuk driver. */
export interface AttributeConflict {
  line: number;
  text: string;
  /** The token that sets it: `merge=union`, `-merge`, `!merge`, `merge`, or a macro such as `binary`. */
  setting: string;
}

export interface GitattributesUpdate {
  text: string;
  changed: boolean;
  /** Lines that would override (or be overridden by) the driver line; when present, `text` is the input, unchanged. */
  conflicts: AttributeConflict[];
}

/** The comment written above the attribute line, for whoever reads the file in a fresh clone. */
export const GITATTRIBUTES_COMMENT = '# Kamerstuk Annotator merges annotation files by id; in each clone run its command "Set up team repository" once.';

/** The pattern and attribute lines of a gitattributes text, skipping blank lines and comments. */
export function parseGitattributes(text: string): AttributeLine[] {
  const out: AttributeLine[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = (index === 0 ? raw.replace(/^\uFEFF/, '') : raw).replace(/\r$/, '');
    const parsed = parseLine(line);
    if (parsed) out.push({ line: index + 1, text: line, ...parsed });
  });
  return out;
}

function parseLine(line: string): Omit<AttributeLine, 'line' | 'text'> | undefined {
  const body = line.replace(/^[ \t]+/, '');
  if (body === '' || body.startsWith('#')) return undefined;
  const head = body.startsWith('"') ? unquoteC(body) : firstWord(body);
  if (!head || head.value === '' || head.value.startsWith('!')) return undefined; // git ignores negative patterns
  const attributes = head.rest.split(/[ \t]+/).filter((t) => t !== '');
  const macro = head.value.startsWith('[attr]') ? head.value.slice('[attr]'.length) : undefined;
  return { pattern: head.value, attributes, ...(macro !== undefined ? { macro } : {}) };
}

function firstWord(body: string): { value: string; rest: string } {
  const value = body.split(/[ \t]/, 1)[0];
  return { value, rest: body.slice(value.length) };
}

const C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '"': '"', '\\': '\\' };

/** A C-style quoted pattern (`"a b" merge=x`), as git writes and reads them, and the text after it. */
function unquoteC(body: string): { value: string; rest: string } | undefined {
  let value = '';
  for (let i = 1; i < body.length; i++) {
    const c = body[i];
    if (c === '"') return { value, rest: body.slice(i + 1) };
    if (c !== '\\') value += c;
    else if (/^[0-7]{3}$/.test(body.slice(i + 1, i + 4))) {
      value += String.fromCharCode(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else value += C_ESCAPES[body[++i]] ?? body[i] ?? '';
  }
  return undefined;
}

/** Whether any line (a pattern or a macro definition) assigns `merge=<driver>`. */
export function namesMergeDriver(gitattributesText: string, driver = MERGE_DRIVER): boolean {
  const token = `merge=${driver}`;
  return parseGitattributes(gitattributesText).some((l) => l.attributes.includes(token));
}

/** git's only built-in macro: `[attr]binary -diff -merge -text`. */
const BUILTIN_MACROS = new Map([['binary', ['-diff', '-merge', '-text']]]);

function macroTable(lines: AttributeLine[]): Map<string, string[]> {
  const table = new Map(BUILTIN_MACROS);
  for (const l of lines) if (l.macro) table.set(l.macro, l.attributes);
  return table;
}

/** The merge setting a line's attributes make (the last one wins, macros expanded), with the token that made it. */
function mergeSetting(attributes: string[], macros: Map<string, string[]>, depth = 0): { value: string; token: string } | undefined {
  let found: { value: string; token: string } | undefined;
  for (const token of attributes) {
    if (token === 'merge' || token === '-merge' || token === '!merge' || token.startsWith('merge=')) found = { value: token, token };
    else if (depth < 8 && macros.has(token)) {
      const inner = mergeSetting(macros.get(token) ?? [], macros, depth + 1);
      if (inner) found = { value: inner.value, token };
    }
  }
  return found;
}

const SUFFIX = ANNOTATION_FILE_SUFFIX;
const SAMPLE_NAME = `kst-29754-716${SUFFIX}`;

/**
 * Whether a pattern can match annotation files: its last path component matches a sample annotation file name,
 * or it names `.annotations.yaml` itself (`letters/*.annotations.yaml`). A pattern ending in `/` names folders,
 * which attributes never apply to.
 */
function mayMatchAnnotationFiles(pattern: string): boolean {
  if (pattern.endsWith('/')) return false;
  const last = pattern.slice(pattern.lastIndexOf('/') + 1);
  return last.includes(SUFFIX) || globToRegExp(last).test(SAMPLE_NAME);
}

/** A pattern about annotation files in particular (so another merge setting there is the team's deliberate choice). */
function isAnnotationSpecific(pattern: string): boolean {
  return pattern.includes(SUFFIX);
}

/** `*.annotations.yaml` and its equivalent `**\/*.annotations.yaml`: every annotation file in the repository. */
function isCanonicalPattern(pattern: string): boolean {
  return pattern === ANNOTATION_FILE_PATTERN || pattern === `**/${ANNOTATION_FILE_PATTERN}`;
}

/** One path component's glob (`*`, `?`, `[...]`, `\x`) as a regular expression. */
function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '\\' && i + 1 < glob.length) source += escapeRegExp(glob[++i]);
    else if (c === '[' && glob.indexOf(']', i + 2) > 0) {
      const end = glob.indexOf(']', i + 2);
      source += characterClass(glob.slice(i + 1, end));
      i = end;
    } else source += escapeRegExp(c);
  }
  try {
    return new RegExp(`^${source}$`);
  } catch {
    return /$^/; // an odd character class: treat as matching nothing
  }
}

/** A glob bracket expression's body (`a-z`, `!abc`, `^abc`) as a regular expression class. */
function characterClass(body: string): string {
  const negated = body.startsWith('!') || body.startsWith('^');
  return `[${negated ? '^' : ''}${(negated ? body.slice(1) : body).replace(/[\\\]]/g, '\\$&')}]`;
}

function escapeRegExp(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

interface MergeEntry {
  line: AttributeLine;
  value: string;
  token: string;
}

/** Lines that set the merge attribute of (some) annotation files, in file order. */
function annotationMergeEntries(lines: AttributeLine[]): MergeEntry[] {
  const macros = macroTable(lines);
  const out: MergeEntry[] = [];
  for (const line of lines) {
    if (line.macro !== undefined || !mayMatchAnnotationFiles(line.pattern)) continue;
    const setting = mergeSetting(line.attributes, macros);
    if (setting) out.push({ line, ...setting });
  }
  return out;
}

/**
 * `.gitattributes` with `*.annotations.yaml merge=kamerstuk` (and a one-line comment above it) appended, unless
 * a line for every annotation file already assigns it. Idempotent; keeps every other line and the line endings
 * (the first line ending found, LF for a file without one), and ends the file with one.
 *
 * Since a later line overrides an earlier one, an appended line wins over broad earlier lines such as `* -merge`
 * or `*.yaml merge=union`; that is what running the setup asks for. It is not done when the team chose another
 * merge for annotation files in particular (`*.annotations.yaml merge=union`, `letters/*.annotations.yaml
 * binary`), nor when a line after an existing driver line overrides it: those lines come back as `conflicts`
 * and the text is left as it is, for a person to decide.
 */
export function gitattributesWithMergeDriver(text: string): GitattributesUpdate {
  const ours = `merge=${MERGE_DRIVER}`;
  const entries = annotationMergeEntries(parseGitattributes(text));
  let last = -1;
  entries.forEach((e, i) => {
    if (e.value === ours && isCanonicalPattern(e.line.pattern)) last = i;
  });
  const blockers = entries.filter((e, i) => i > last && e.value !== ours && (last >= 0 || isAnnotationSpecific(e.line.pattern)));
  if (blockers.length) {
    return { text, changed: false, conflicts: blockers.map((e) => ({ line: e.line.line, text: e.line.text, setting: e.token })) };
  }
  if (last >= 0) return { text, changed: false, conflicts: [] };
  return { text: appendLines(text, [GITATTRIBUTES_COMMENT, GITATTRIBUTES_LINE]), changed: true, conflicts: [] };
}

/** The line ending a text uses: that of its first line, else LF. */
export function lineEnding(text: string): '\n' | '\r\n' {
  const at = text.indexOf('\n');
  return at > 0 && text[at - 1] === '\r' ? '\r\n' : '\n';
}

/** Appends lines with the text's line ending, first ending an unterminated last line. */
function appendLines(text: string, lines: string[]): string {
  const eol = lineEnding(text);
  const separator = text === '' || text.endsWith('\n') ? '' : eol;
  return text + separator + lines.map((l) => l + eol).join('');
}
