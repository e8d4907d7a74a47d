// How a tag looks in the editor: a translucent background, an under- or overline so overlapping tags stay
// readable, and a gutter icon in the tag's colour.

/** `#rrggbb` plus an alpha byte; other colour notations are returned unchanged. */
export function withAlpha(color: string, alpha: number): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) return color;
  const a = Math.round(Math.max(0, Math.min(1, alpha)) * 255);
  return color + a.toString(16).padStart(2, '0');
}

/**
 * The border of a tag's decoration, so overlapping tags stay readable: even tags underline, odd tags overline
 * (the backgrounds blend), and further tags alternate solid, dashed and dotted lines.
 */
export function borderFor(index: number): { borderWidth: string; borderStyle: string } {
  const style = ['solid', 'dashed', 'dotted'][Math.floor(index / 2) % 3];
  return { borderWidth: index % 2 === 0 ? '0 0 2px 0' : '2px 0 0 0', borderStyle: style };
}

/**
 * A gutter icon in the tag's colour, as an SVG data URI: a rounded bar with the initial of the tag's label beside
 * it (M, T, C), so tags differ by more than colour for analysts who cannot tell the colours apart.
 */
export function gutterIconDataUri(color: string, label = ''): string {
  const safe = /^#[0-9a-fA-F]{3,8}$/.test(color) ? color : '#808080';
  const initial = tagInitial(label);
  const letter = initial
    ? `<text x="11" y="12.5" font-family="sans-serif" font-size="11" font-weight="bold" text-anchor="middle" fill="${safe}">${initial}</text>`
    : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><rect x="1" y="1" width="4" height="14" rx="2" fill="${safe}"/>${letter}</svg>`;
  // btoa, not Buffer: the web extension host has no Buffer. The SVG is ASCII (the colour is checked above).
  return `data:image/svg+xml;base64,${btoa(svg)}`;
}

/** The first letter or digit of a label, upper case (ASCII only, so it is safe in the SVG); empty when none. */
export function tagInitial(label: string): string {
  const c = label
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]/g, '')
    .charAt(0);
  return c.toUpperCase();
}
