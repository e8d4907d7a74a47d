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

/** A gutter icon in the tag's colour: a rounded bar, as an SVG data URI. */
export function gutterIconDataUri(color: string): string {
  const safe = /^#[0-9a-fA-F]{3,8}$/.test(color) ? color : '#808080';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><rect x="5" y="1" width="5" height="14" rx="2" fill="${safe}"/></svg>`;
  // btoa, not Buffer: the web extension host has no Buffer. The SVG is ASCII (the colour is checked above).
  return `data:image/svg+xml;base64,${btoa(svg)}`;
}
