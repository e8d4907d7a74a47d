// The HTML of the reading view's additions: marked and linked pieces of text, and the footer with the orphaned
// tags and the legend. Everything from a letter, a note or a setting is escaped; links are http(s) or relative.
import { excerpt } from '../annotations/editor-rules';
import { escapeHtml, safeHref } from './html';
import type { ReadingLabels } from './labels';
import type { LetterPassages, Passage, TagLegendEntry } from './passages';
import type { CitationTarget, Segment } from './plan';

/** Line styles: even places underline, odd places overline; solid, dashed, dotted (as the editor's decorations). */
export const LINE_STYLES = 6;

export interface PieceOptions {
  labels: ReadingLabels;
  /** Put a numbered reference to the passage's note after its last piece (the export's notes). */
  noteMarkers: boolean;
}

const tagStyle = (color: string) => `--kst-tag-color:${color}`;

/** What a tag's tooltip says: label, status, whether the words changed, the note. */
export function passageTitle(p: Passage, labels: ReadingLabels): string {
  const status = p.status ? labels.status[p.status] : undefined;
  return [p.label, status, p.changed ? labels.changed : undefined, p.note].filter(Boolean).join(' · ');
}

export function tagLabelHtml(p: Pick<Passage, 'label' | 'color'>): string {
  return `<span class="kst-tag-label" style="${tagStyle(p.color)}">${escapeHtml(p.label)}</span>`;
}

function markOpen(p: Passage, labels: ReadingLabels): string {
  const classes = ['kst-tag', `kst-line-${p.line % LINE_STYLES}`, ...(p.changed ? ['kst-changed'] : []), ...(p.status ? [`kst-status-${p.status}`] : [])];
  return `<mark class="${classes.join(' ')}" style="${tagStyle(p.color)}" data-kst-tag="${escapeHtml(p.tag)}" data-kst-id="${escapeHtml(p.id)}" title="${escapeHtml(passageTitle(p, labels))}">`;
}

function citationHtml(c: CitationTarget, inner: string): string {
  const title = c.title ? ` title="${escapeHtml(c.title)}"` : '';
  const href = safeHref(c.href);
  if (!href) return `<span class="kst-citation" data-kst-ref="${escapeHtml(c.id)}"${title}>${inner}</span>`;
  const h = escapeHtml(href);
  return `<a class="kst-citation" href="${h}" data-href="${h}" data-kst-ref="${escapeHtml(c.id)}"${title}>${inner}</a>`;
}

export function noteRefHtml(p: Passage): string {
  return `<sup class="kst-note-ref"><a href="#kst-note-${p.number}" id="kst-note-ref-${p.number}">${p.number}</a></sup>`;
}

/**
 * The HTML of one text token cut into pieces. A mark stays open across the pieces it covers (the marks of a
 * piece are outer first, so the open marks of one piece are a prefix of the next's when they nest); where tags
 * overlap without nesting, the inner mark is closed and opened again.
 */
export function piecesHtml(content: string, segments: readonly Segment[], options: PieceOptions): string {
  let out = '';
  let at = 0;
  let open: Passage[] = [];
  const closeTo = (depth: number) => {
    out += '</mark>'.repeat(open.length - depth);
    open = open.slice(0, depth);
  };
  for (const s of segments) {
    if (s.from > at) {
      closeTo(0);
      out += escapeHtml(content.slice(at, s.from));
    }
    let keep = 0;
    while (keep < open.length && keep < s.marks.length && open[keep] === s.marks[keep]) keep++;
    closeTo(keep);
    for (const p of s.marks.slice(keep)) {
      if (s.first.includes(p)) out += tagLabelHtml(p);
      out += markOpen(p, options.labels);
      open.push(p);
    }
    const text = escapeHtml(content.slice(s.from, s.to));
    out += s.citation ? citationHtml(s.citation, text) : text;
    const ending = s.last.filter((p) => p.changed || (options.noteMarkers && hasNote(p)));
    if (ending.length) {
      // The note reference goes right after the passage: close down to the outermost passage that ends here.
      closeTo(Math.min(...ending.map((p) => open.indexOf(p)).filter((i) => i >= 0), open.length));
      for (const p of ending) {
        if (p.changed) out += `<span class="kst-changed-note">${escapeHtml(options.labels.changed)}</span>`;
        if (options.noteMarkers && hasNote(p)) out += noteRefHtml(p);
      }
    }
    at = s.to;
  }
  closeTo(0);
  return out + escapeHtml(content.slice(at));
}

/** Whether the export gives the passage a numbered note (a note, a status, references or changed words). */
export function hasNote(p: Passage): boolean {
  return Boolean(p.note || p.status || p.refs.length || p.changed);
}

export function legendHtml(legend: readonly TagLegendEntry[], labels: ReadingLabels): string {
  const items = legend.map(
    (t) =>
      `<li><mark class="kst-tag kst-line-${t.line % LINE_STYLES} kst-swatch" style="${tagStyle(t.color)}">${escapeHtml(t.label)}</mark>` +
      ` <span class="kst-count">${escapeHtml(labels.passages(t.count))}</span>` +
      (t.description ? ` <span class="kst-description">${escapeHtml(t.description)}</span>` : '') +
      '</li>',
  );
  return `<div class="kst-legend"><h2>${escapeHtml(labels.legend)}</h2><ul>${items.join('')}</ul></div>`;
}

function passageListHtml(className: string, heading: string, hint: string, passages: readonly Passage[], noteMarkers: boolean): string {
  if (!passages.length) return '';
  const items = passages.map(
    (p) =>
      `<li data-kst-id="${escapeHtml(p.id)}">${tagLabelHtml(p)} <q>${escapeHtml(excerpt(p.quote, 160))}</q>` +
      (p.note ? ` <span class="kst-note">${escapeHtml(p.note)}</span>` : '') +
      (noteMarkers && hasNote(p) ? ` ${noteRefHtml(p)}` : '') +
      '</li>',
  );
  return `<div class="${className}"><h2>${escapeHtml(heading)}</h2><p>${escapeHtml(hint)}</p><ul>${items.join('')}</ul></div>`;
}

export function orphansHtml(orphans: readonly Passage[], labels: ReadingLabels, noteMarkers: boolean): string {
  return passageListHtml('kst-orphans', labels.orphans, labels.orphansHint, orphans, noteMarkers);
}

/** Tags found in the text where the rendered page shows no text of theirs (a code block, raw HTML, rewritten text). */
export function unshownHtml(unshown: readonly Passage[], labels: ReadingLabels, noteMarkers: boolean): string {
  return passageListHtml('kst-unshown', labels.unshown, labels.unshownHint, unshown, noteMarkers);
}

/** Below a letter in the preview: its orphaned tags, those not shown in the text, then the legend. */
export function footerHtml(passages: LetterPassages, unshown: readonly Passage[], labels: ReadingLabels): string {
  return (
    `<section class="kst-reading-footer">${orphansHtml(passages.orphans, labels, false)}${unshownHtml(unshown, labels, false)}` +
    `${legendHtml(passages.legend, labels)}</section>`
  );
}
