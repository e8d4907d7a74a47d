// Shared by the reading view tests: markdown-it set up as VS Code's preview sets it up (html, linkify, front matter
// hidden), the plugin with a context built from the sample workspace, and golden files.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { type Annotation, AnnotationStore, captureSelector, defaultTaxonomy, type Taxonomy } from '../../../src/core/annotations';
import { bundledSource } from '../../../src/core/metadata';
import { hideFrontMatter, kamerstukPreviewPlugin, type PreviewContext, type ReadingLanguage } from '../../../src/core/preview';

export const SAMPLES = join(__dirname, '../../../samples');
export const SAMPLE_LETTER = readFileSync(join(SAMPLES, 'letters/kst-29754-716.md'), 'utf8');
export const SAMPLE_BRIEF = readFileSync(join(SAMPLES, 'notes/brief-terrorismebestrijding.md'), 'utf8');
export const SAMPLE_ANNOTATIONS = readFileSync(join(SAMPLES, 'letters/kst-29754-716.annotations.yaml'), 'utf8');
const GOLDEN = join(__dirname, '../../fixtures/preview');

export function sampleAnnotations(): Annotation[] {
  const r = AnnotationStore.parse(SAMPLE_ANNOTATIONS);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.store.annotations();
}

/** Titles from the bundled catalog, as a metadata peek would give them. */
export function bundledTitle(id: string): string | undefined {
  return bundledSource()
    .records()
    .find((r) => r.id === id || r.aliases?.includes(id))?.title;
}

/** An annotation of `quote` (its n-th occurrence) in `text`. */
export function tagOf(text: string, id: string, tag: string, quote: string, extra: Partial<Annotation> = {}): Annotation {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in the text: ${quote}`);
  return { id, tag, ...captureSelector(text, start, start + quote.length), ...extra };
}

/** A footnote plugin's inline rule, as markdown-it-footnote has it: `[^label]` becomes a footnote_ref token. */
export function footnoteRefs(md: MarkdownIt): MarkdownIt {
  md.inline.ruler.after('link', 'test_footnote_ref', (state, silent) => {
    const m = /^\[\^([^\]\s]+)\](?!:)/.exec(state.src.slice(state.pos));
    if (!m) return false;
    if (!silent) state.push('footnote_ref', 'sup', 0).meta = { label: m[1] };
    state.pos += m[0].length;
    return true;
  });
  md.renderer.rules.footnote_ref = (tokens, idx) => `<sup class="footnote-ref">[${md.utils.escapeHtml(tokens[idx].meta.label)}]</sup>`;
  return md;
}

export interface RenderSetup {
  annotations?: Annotation[];
  taxonomy?: Taxonomy;
  language?: ReadingLanguage;
  letters?: Record<string, string>;
  footnotes?: boolean;
  context?: PreviewContext;
}

/** Renders `text` as VS Code's preview would, with the plugin. */
export function renderPreview(text: string, setup: RenderSetup = {}): string {
  const md = hideFrontMatter(new MarkdownIt({ html: true, linkify: true }));
  if (setup.footnotes) footnoteRefs(md);
  const tags = setup.annotations ? { annotations: setup.annotations, taxonomy: setup.taxonomy ?? defaultTaxonomy() } : undefined;
  kamerstukPreviewPlugin(md, {
    title: bundledTitle,
    letterHref: (id) => setup.letters?.[id],
    letter: () => tags,
    language: () => setup.language ?? 'en',
    ...setup.context,
  });
  return md.render(text, {});
}

/** Compares with test/fixtures/preview/<name>; KAMERSTUK_UPDATE_GOLDEN=1 writes the file instead (review it by eye). */
export function assertGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.KAMERSTUK_UPDATE_GOLDEN === '1' || !existsSync(file)) {
    writeFileSync(file, actual);
    if (process.env.KAMERSTUK_UPDATE_GOLDEN !== '1') assert.fail(`${name} did not exist; it was written: review it, then run again`);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `differs from test/fixtures/preview/${name} (KAMERSTUK_UPDATE_GOLDEN=1 rewrites it)`);
}
