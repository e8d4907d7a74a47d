// The markdown-it plugin of the reading view. At parse time it records where each text token came from (so VS
// Code's token cache keeps that); at render time it asks the context what it knows of the document being rendered
// (citations, titles, workspace letters, the letter's tags) and cuts text tokens into marked and linked pieces.
// The scanner decides what is a citation, exactly as in the editor: code spans and code blocks are never text
// tokens, so they are never linked.
import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import type { CitationRef } from '../citations/types';
import { analyseMarkdown } from '../markdown/document';
import { officialPublicationUrl } from '../metadata/ids';
import { readingLabels, type ReadingLanguage } from './labels';
import { letterPassages, type LetterPassages, type LetterTags, type Passage } from './passages';
import { linkableCitations, planSegments, type CitationTarget, type Segment } from './plan';
import { footerHtml, piecesHtml } from './render';
import { mapTextTokens, type SourceSpan } from './source-map';

/**
 * What the host knows at render time, synchronously. `env` is markdown-it's render environment (VS Code's preview
 * puts the document's URI in `env.currentDocument`).
 */
export interface PreviewContext {
  /** The scanner's citations of `src`; scanned here when absent or undefined. */
  citations?(src: string, env: unknown): readonly CitationRef[] | undefined;
  /** A document's title, when known now (a metadata peek). */
  title?(id: string, env: unknown): string | undefined;
  /** A link to the workspace letter with this id, relative to the document rendered; undefined when none. */
  letterHref?(id: string, env: unknown): string | undefined;
  /** The tags of the document rendered, when it is a letter with an annotation file. */
  letter?(env: unknown): LetterTags | undefined;
  language?(env: unknown): ReadingLanguage;
}

export interface PreviewOptions {
  /** Numbered references to each passage's note (the export); the preview shows notes as tooltips. */
  noteMarkers?: boolean;
  /** The orphans and legend below a letter (default true; the export places them itself). */
  footer?: boolean;
  /** Called with each render's plan (the export builds its summary and notes from the same anchoring). */
  onRender?(plan: ReadingPlan): void;
}

interface Parsed {
  src: string;
  spans: WeakMap<Token, SourceSpan>;
}

/** What one render adds; `passages` only for a letter with tags. */
export interface ReadingPlan {
  segments: Map<Token, Segment[]>;
  passages?: LetterPassages;
  /** Placed passages that no rendered text shows (a table a plugin rewrote, code, an HTML block): listed instead. */
  unshown: Passage[];
  language: ReadingLanguage;
}

/** The last value per key object and string: one render of an unchanged document reuses the scan and anchoring. */
function lastOf<K extends object | undefined, V>(compute: (src: string, key: K) => V): (src: string, key: K) => V {
  let last: { src: string; key: K; value: V } | undefined;
  return (src, key) => {
    if (!last || last.src !== src || last.key !== key) last = { src, key, value: compute(src, key) };
    return last.value;
  };
}

export function kamerstukPreviewPlugin(md: MarkdownIt, context: PreviewContext = {}, options: PreviewOptions = {}): MarkdownIt {
  const parsed = new WeakMap<readonly Token[], Parsed>();
  const plans: ReadingPlan[] = [];
  const scan = lastOf((src: string) => analyseMarkdown(src).refs);
  const anchor = lastOf((src: string, tags: LetterTags | undefined) => (tags ? { tags, byLanguage: new Map<ReadingLanguage, LetterPassages>() } : undefined));

  md.core.ruler.push('kamerstuk_source', (state) => {
    parsed.set(state.tokens, { src: state.src, spans: mapTextTokens(md, state.src, state.tokens) });
  });

  const planFor = (tokens: readonly Token[], env: unknown): ReadingPlan | undefined => {
    const p = parsed.get(tokens);
    if (!p) return undefined;
    const language = context.language?.(env) ?? 'en';
    const refs = context.citations?.(p.src, env) ?? scan(p.src, undefined);
    const targets: CitationTarget[] = linkableCitations(refs).map((r) => {
      const id = r.id!;
      const href = context.letterHref?.(id, env) ?? officialPublicationUrl(id);
      const title = context.title?.(id, env);
      return { id, start: r.start, end: r.end, ...(href ? { href } : {}), ...(title ? { title } : {}) };
    });
    const letter = anchor(p.src, context.letter?.(env));
    let passages: LetterPassages | undefined;
    if (letter) {
      passages = letter.byLanguage.get(language) ?? letterPassages(p.src, letter.tags, language);
      letter.byLanguage.set(language, passages);
    }
    const { segments, unshown } = planSegments(tokens, p.spans, targets, passages?.placed ?? []);
    return { segments, passages, unshown, language };
  };

  const render = md.renderer.render;
  md.renderer.render = function (tokens, renderOptions, env) {
    const plan = planFor(tokens, env);
    if (!plan) return render.call(this, tokens, renderOptions, env);
    plans.push(plan);
    let body: string;
    try {
      body = render.call(this, tokens, renderOptions, env);
    } finally {
      plans.pop();
    }
    options.onRender?.(plan);
    const footer = options.footer !== false && plan.passages ? footerHtml(plan.passages, plan.unshown, readingLabels(plan.language)) : '';
    return body + footer;
  };

  const text = md.renderer.rules.text;
  md.renderer.rules.text = (tokens, idx, renderOptions, env, self) => {
    const plan = plans[plans.length - 1];
    const segments = plan?.segments.get(tokens[idx]);
    if (!segments) return text ? text(tokens, idx, renderOptions, env, self) : md.utils.escapeHtml(tokens[idx].content);
    return piecesHtml(tokens[idx].content, segments, { labels: readingLabels(plan.language), noteMarkers: options.noteMarkers === true });
  };
  return md;
}
