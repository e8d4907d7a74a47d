// A tagged letter as one self-contained HTML page for readers without VS Code: the letter's metadata, a summary of
// its tags, the legend, the letter with its tagged passages marked and numbered notes, and the orphaned tags. No
// scripts and no remote resources (a Content-Security-Policy says so too): styles are inline, images that are not
// data URIs are replaced by their description, and the letter's own HTML is shown as text.
import type MarkdownIt from 'markdown-it';
import type { Options as MarkdownItOptions } from 'markdown-it';
import type { Annotation } from '../annotations/model';
import type { Taxonomy } from '../annotations/taxonomy';
import type { DocumentMetadata } from '../metadata/model';
import { hideFrontMatter } from '../preview/front-matter';
import { escapeHtml, safeHref } from '../preview/html';
import { readingLabels, type ReadingLabels, type ReadingLanguage } from '../preview/labels';
import type { LetterPassages } from '../preview/passages';
import { kamerstukPreviewPlugin, type ReadingPlan } from '../preview/plugin';
import { legendHtml, orphansHtml, unshownHtml } from '../preview/render';
import { TAG_CSS } from '../preview/styles';
import { frontMatterOf, letterMetadataRows, type LetterMetadataRow } from './letter-metadata';
import { PAGE_CSS } from './page-css';
import { notesHtml, summaryHtml } from './summary';

export interface LetterExportInput {
  /** The letter's markdown, as in the file. */
  letterText: string;
  /** The letter's file name: the page title when the letter names none. */
  fileName: string;
  annotations: readonly Annotation[];
  taxonomy: Taxonomy;
  language: ReadingLanguage;
  /** What the catalog knows of the letter (title, signatories…), when anything. */
  metadata?: DocumentMetadata;
  /** Titles of cited documents, for the citations' tooltips. */
  citationTitle?(id: string): string | undefined;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * The markdown-it options of the export, wherever the markdown-it instance comes from (the CLI's own, or a fresh one
 * from VS Code's Markdown extension, which starts from markdown-it's defaults): the letter's HTML shown as text,
 * bare web addresses linked, the text as written (no typographer).
 */
export function exportMarkdownOptions(): MarkdownItOptions {
  return { html: false, linkify: true, typographer: false, breaks: false, xhtmlOut: false };
}

function metadataHtml(rows: readonly LetterMetadataRow[], labels: ReadingLabels): string {
  const items = rows.map((r) => {
    const href = r.href && safeHref(r.href);
    const value = href ? `<a href="${escapeHtml(href)}">${escapeHtml(r.value)}</a>` : escapeHtml(r.value);
    return `<dt>${escapeHtml(labels.metadataFields[r.field])}</dt><dd data-kst-field="${r.field}">${value}</dd>`;
  });
  return `<section class="kst-meta"><h2>${escapeHtml(labels.metadata)}</h2><dl>${items.join('')}</dl></section>`;
}

/** Images become their description: the page must not load anything, and local files are not at hand here. */
function imagesAsText(md: MarkdownIt, labels: ReadingLabels): void {
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const src = token.attrGet('src') ?? '';
    if (/^data:image\/(?:png|gif|jpeg|webp);/i.test(src)) return self.renderToken(tokens, idx, options);
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    return `<span class="kst-image">[${escapeHtml(labels.image)}${alt ? `: ${escapeHtml(alt)}` : ''}]</span>`;
  };
}

/**
 * The page. `newMarkdownIt` gives a fresh markdown-it instance; the export sets it up (exportMarkdownOptions, front
 * matter hidden, images as text) and builds the summary and notes from the render's own anchoring of the tags.
 */
export function exportTaggedLetter(newMarkdownIt: () => MarkdownIt, input: LetterExportInput): string {
  const labels = readingLabels(input.language);
  const tags = { annotations: input.annotations, taxonomy: input.taxonomy };
  const md = hideFrontMatter(newMarkdownIt().set(exportMarkdownOptions()));
  imagesAsText(md, labels);
  let plan: ReadingPlan | undefined;
  kamerstukPreviewPlugin(
    md,
    { title: (id) => input.citationTitle?.(id), letter: () => tags, language: () => input.language },
    { noteMarkers: true, footer: false, onRender: (p) => (plan ??= p) },
  );
  const env = {};
  const body = md.renderer.render(md.parse(input.letterText, env), md.options, env);
  const passages: LetterPassages = plan?.passages ?? { placed: [], orphans: [], legend: [] };
  const unshown = plan?.unshown ?? [];
  const rows = letterMetadataRows(frontMatterOf(input.letterText), input.metadata);
  const title = rows.find((r) => r.field === 'title')?.value ?? input.fileName;
  return [
    '<!DOCTYPE html>',
    `<html lang="${input.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Kamerstuk Annotator">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${TAG_CSS}${PAGE_CSS}</style>`,
    '</head>',
    '<body class="kst-export">',
    `<header><h1>${escapeHtml(title)}</h1>${metadataHtml(rows, labels)}</header>`,
    summaryHtml(passages, labels),
    legendHtml(passages.legend, labels),
    `<main class="kst-letter"><h2>${escapeHtml(labels.letterHeading)}</h2>\n${body}</main>`,
    notesHtml(passages, labels),
    unshownHtml(unshown, labels, true),
    orphansHtml(passages.orphans, labels, true),
    `<footer>${escapeHtml(labels.exportedWith)}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
