// Public API of the reading view: the markdown-it plugin of the Markdown preview and what the export shares with it.
export { kamerstukPreviewPlugin, type PreviewContext, type PreviewOptions, type ReadingPlan } from './plugin';
export { hideFrontMatter } from './front-matter';
export { relativeHref } from './href';
export { escapeHtml, safeColor, safeHref } from './html';
export { readingLabels, readingLanguageOf, type ReadingLabels, type ReadingLanguage } from './labels';
export { letterPassages, type LetterPassages, type LetterTags, type Passage, type TagLegendEntry } from './passages';
export { hasNote, legendHtml, orphansHtml, passageTitle, tagLabelHtml, unshownHtml } from './render';
export { PREVIEW_STYLESHEET, PREVIEW_THEME_CSS, TAG_CSS } from './styles';
