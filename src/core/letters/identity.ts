// Which markdown files are letters, and which canonical id a letter declares: one file-name rule and one
// front-matter reader, for every part of the editor that asks (tagging, the letter index, context keys).
import { parseIdentifier } from '../citations/identifiers';
import { readFrontMatter } from '../markdown/frontmatter';

/** A front matter block at the very start of a file (after an optional BOM): its YAML and where it ends. */
const FRONT_MATTER = /^\ufeff?---\r?\n([\s\S]*?)\r?\n---\r?\n/;
const MARKDOWN_NAME = /\.(?:md|markdown)$/i;
/** Letters named after their id are `.md` files: the annotation file's letter is its `.md` sibling. */
const LETTER_NAME = /\.md$/i;
const TK_NUMBER = /^(?:19|20)\d{2}[DZ]\d{5}$/i;

/** How many characters of a file's head the rules read (front matter of letters is short). */
export const LETTER_HEAD_LENGTH = 4096;

export type LetterVerdict = { letter: true; id?: string } | { letter: false };

/** The YAML text of the front matter at the start of `head`, if it has one. */
export function frontMatterYaml(head: string): string | undefined {
  return FRONT_MATTER.exec(head)?.[1];
}

/**
 * The canonical id a file name gives: `kst-29754-716.md` -> `kst-29754-716`, `2024D25640.md` -> `2024D25640`.
 * The name's stem must be a whole official id in any case (the citation grammar decides, so `kst-notes.md` is
 * no letter).
 */
export function letterIdFromFileName(fileName: string): string | undefined {
  if (!LETTER_NAME.test(fileName)) return undefined;
  const stem = fileName.replace(LETTER_NAME, '');
  if (TK_NUMBER.test(stem)) return stem.toUpperCase();
  const ref = parseIdentifier(stem, 0, stem.length);
  return ref && ref.end === stem.length && ref.id ? ref.id : undefined;
}

/** The data of the front matter at the start of `head` (empty for broken YAML), undefined without one. */
export function letterFrontMatter(head: string): Record<string, unknown> | undefined {
  const yaml = frontMatterYaml(head);
  return yaml === undefined ? undefined : readFrontMatter(yaml, 0, yaml.length).data;
}

/** The canonical id a letter declares: the `kamerstuk:` key of its front matter first, else its file name. */
export function letterIdOf(fileName: string, head: string): string | undefined {
  const yaml = frontMatterYaml(head);
  const declared = yaml === undefined ? undefined : readFrontMatter(yaml, 0, yaml.length).selfId;
  return declared ?? letterIdFromFileName(fileName);
}

/**
 * A markdown file is a letter when its front matter has a `kamerstuk:` key, its name is an official id
 * (`kst-29754-716.md`), or an annotation file already sits beside it. The verdict carries the declared id, if any.
 */
export function letterVerdict(fileName: string, head: string, hasAnnotationFile: boolean): LetterVerdict {
  if (!MARKDOWN_NAME.test(fileName)) return { letter: false };
  const id = letterIdOf(fileName, head);
  const yaml = frontMatterYaml(head);
  const frontMatterSaysLetter = yaml !== undefined && /^kamerstuk\s*:/m.test(yaml);
  if (id || frontMatterSaysLetter || hasAnnotationFile) return { letter: true, ...(id ? { id } : {}) };
  return { letter: false };
}
