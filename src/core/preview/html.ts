// Escaping for the HTML core writes: every text and attribute value from a letter, a note or a setting goes
// through here, so markup in them is shown as text.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A colour safe to put in a style attribute: `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa`, else grey. */
export function safeColor(color: string | undefined): string {
  return color && /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(color) ? color : '#808080';
}

/**
 * Only web and relative links: `javascript:`, `data:`, `vbscript:` and other schemes are refused, and so are
 * protocol-relative ones (`//host/…`, and `/\host`, which browsers read the same way): they leave the workspace.
 */
export function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  if (/^[\s\u0000-\u001f]*[\\/][\s\u0000-\u001f]*[\\/]/.test(href)) return undefined;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(href.trim());
  if (!scheme) return /[\u0000-\u001f]/.test(href) ? undefined : href;
  return ['http', 'https'].includes(scheme[1].toLowerCase()) ? href : undefined;
}
