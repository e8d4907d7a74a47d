// POSIX sh helpers for the command lines this setup writes: git runs merge drivers with `sh -c` (git for Windows
// too, with the sh it ships) and the pre-commit hook is a sh script. Quoting, the path form used on Windows, the
// `%` escaping git applies to merge driver command lines, and a word splitter to read such lines back.

/** Quotes one word for POSIX sh: always single quotes, an embedded `'` as `'\''`; nothing inside is expanded. */
export function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

const WINDOWS_PATH = /^(?:[A-Za-z]:[\\/]|\\\\[^\\])/;

/**
 * The form of a path written into a sh command line. A Windows path (`C:\Users\Jan de Vries\...`, or a UNC path
 * `\\server\share\...`) gets forward slashes. Win32, and so Node and Electron, accepts `C:/...`; the MSYS2 sh of
 * git for Windows (Cygwin-based) takes a drive-letter path with either slash as a Windows path and passes such
 * an argument to a native program unconverted. Backslashes inside single quotes would reach the program too
 * (VS Code's own git askpass.sh runs `Code.exe` from an environment variable holding `C:\...\Code.exe` with
 * ELECTRON_RUN_AS_NODE=1 through that sh), but `C:/...` also stays right where a backslash is an escape (a git
 * config file edited by hand, double quotes) and reads the same on every platform. Spaces and quotes are left
 * to `shellQuote`. Other paths are returned unchanged: on POSIX, `\` is a legal file name character.
 */
export function shellPath(path: string): string {
  return WINDOWS_PATH.test(path) ? path.replace(/\\/g, '/') : path;
}

/**
 * Escapes `%` for a merge driver command line: git replaces `%O`, `%A`, `%B`, `%L`, `%P`... and `%%` (a `%`)
 * before sh sees the line, so a path like `C:/Users/100%A/...` must be written `100%%A`.
 */
export function escapeGitPercent(text: string): string {
  return text.replace(/%/g, '%%');
}

/** Undoes `escapeGitPercent`'s `%%`, leaving placeholders such as `%O` as they are (as git does before sh). */
export function unescapeGitPercent(text: string): string {
  return text.replace(/%(.)/gs, (whole, next: string) => (next === '%' ? '%' : whole));
}

/**
 * Splits a sh command line into words as sh would (single quotes, double quotes, backslashes), without
 * expansions; operators such as `;` stay part of the words. Undefined when a quote is not closed.
 */
export function shellWords(line: string): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === ' ' || c === '\t' || c === '\n') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return undefined;
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      const read = doubleQuoted(line, i + 1);
      if (!read) return undefined;
      word = (word ?? '') + read.text;
      i = read.end;
    } else if (c === '\\') {
      if (i + 1 < line.length && line[i + 1] !== '\n') word = (word ?? '') + line[i + 1];
      i++;
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** The text of a double-quoted string starting after its `"`, and the index of its closing `"`. */
function doubleQuoted(line: string, from: number): { text: string; end: number } | undefined {
  let text = '';
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (c === '"') return { text, end: i };
    if (c === '\\' && i + 1 < line.length && '$`"\\\n'.includes(line[i + 1])) {
      if (line[i + 1] !== '\n') text += line[i + 1];
      i++;
    } else text += c;
  }
  return undefined;
}

/** The last component of a path written with `/` or `\`. */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
