// Escaping for the HTML core writes: every text and attribute value from a letter, a note or a setting goes
// through here, so markup in them is shown as text.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A colour safe to put in a style attribute: `#rgb`…`#rrggbbaa`, else grey. */
export function safeColor(color: string | undefined): string {
  return color && /^#[0-9a-fA-F]{3,8}$/.test(color) ? color : '#808080';
}

/** Only web and relative links: `javascript:`, `data:`, `vbscript:` and other schemes are refused. */
export function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(href.trim());
  if (!scheme) return /[\u0000-\u001f]/.test(href) ? undefined : href;
  return ['http', 'https'].includes(scheme[1].toLowerCase()) ? href : undefined;
}
