// English message templates with `{0}` placeholders, filled in outside the editor (the editor uses vscode.l10n.t).

/** `template` with each `{n}` replaced by `args[n]`; a placeholder without an argument is left as it is. */
export function fillTemplate(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, n: string) => (Number(n) < args.length ? String(args[Number(n)]) : whole));
}
