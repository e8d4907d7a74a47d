// The summary of a tagged letter: how many passages per tag, and every passage by tag in the team's order.
import { excerpt } from '../annotations/editor-rules';
import { escapeHtml } from '../preview/html';
import type { ReadingLabels } from '../preview/labels';
import type { LetterPassages, Passage } from '../preview/passages';
import { hasNote, tagLabelHtml } from '../preview/render';

/** Passages in the order of the legend (the taxonomy), then in document order (orphans last). */
export function passagesByTag(passages: LetterPassages): Passage[] {
  const all = [...passages.placed, ...passages.orphans];
  return passages.legend.flatMap((t) => all.filter((p) => p.tag === t.tag));
}

export function summaryHtml(passages: LetterPassages, labels: ReadingLabels): string {
  const counts = passages.legend
    .map((t) => `<tr data-kst-tag="${escapeHtml(t.tag)}"><td>${tagLabelHtml(t)}</td><td class="kst-number">${t.count}</td></tr>`)
    .join('');
  const rows = passagesByTag(passages)
    .map((p) => {
      const number = hasNote(p) ? `<a href="#kst-note-${p.number}">${p.number}</a>` : String(p.number);
      const status = p.status ? labels.status[p.status] : '';
      return (
        `<tr data-kst-id="${escapeHtml(p.id)}"><td class="kst-number">${number}</td><td>${tagLabelHtml(p)}</td>` +
        `<td>${escapeHtml(excerpt(p.quote, 240))}</td><td class="kst-status">${escapeHtml(status)}</td><td>${escapeHtml(p.note ?? '')}</td></tr>`
      );
    })
    .join('');
  const head = `<tr><th>#</th><th>${escapeHtml(labels.tag)}</th><th>${escapeHtml(labels.passage)}</th><th>${escapeHtml(labels.statusHeading)}</th><th>${escapeHtml(labels.note)}</th></tr>`;
  return (
    `<section class="kst-summary"><h2>${escapeHtml(labels.summary)}</h2>` +
    `<table class="kst-counts"><thead><tr><th>${escapeHtml(labels.tag)}</th><th>${escapeHtml(labels.count)}</th></tr></thead><tbody>${counts}</tbody></table>` +
    (rows ? `<table class="kst-passages"><thead>${head}</thead><tbody>${rows}</tbody></table>` : `<p>${escapeHtml(labels.noTags)}</p>`) +
    '</section>'
  );
}

/** The numbered notes: tag, status, whether the words changed, the note and the documents it refers to. */
export function notesHtml(passages: LetterPassages, labels: ReadingLabels): string {
  const items = [...passages.placed, ...passages.orphans]
    .filter(hasNote)
    .sort((a, b) => a.number - b.number)
    .map((p) => {
      const parts = [
        p.status ? `<span class="kst-status">${escapeHtml(labels.status[p.status])}</span>` : '',
        p.changed ? `<span class="kst-changed-note">${escapeHtml(labels.changed)}</span>` : '',
        p.note ? `<span class="kst-note">${escapeHtml(p.note)}</span>` : '',
        p.refs.length ? `<span class="kst-refs">${escapeHtml(labels.refs)}: ${p.refs.map(escapeHtml).join(', ')}</span>` : '',
      ].filter(Boolean);
      return `<li id="kst-note-${p.number}" value="${p.number}">${tagLabelHtml(p)} ${parts.join(' — ')} <a class="kst-back" href="#kst-note-ref-${p.number}">↩</a></li>`;
    });
  return items.length ? `<section class="kst-notes"><h2>${escapeHtml(labels.notes)}</h2><ol>${items.join('')}</ol></section>` : '';
}
