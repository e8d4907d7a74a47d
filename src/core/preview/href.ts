// Links between files of one workspace, as the preview resolves them: a relative path from the rendered document.

/** The relative href from the document at `fromPath` to `toPath` (both absolute, `/`-separated), URI-encoded. */
export function relativeHref(fromPath: string, toPath: string): string {
  const from = fromPath.split('/').slice(0, -1);
  const to = toPath.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.slice(common).map(() => '..');
  const parts = [...up, ...to.slice(common)];
  return parts.map((p) => (p === '..' ? p : encodeURIComponent(p))).join('/');
}
