// The reading view's stylesheet. Tag colours come from the taxonomy as a CSS variable on each mark
// (`--kst-tag-color`); the theme decides how strongly they tint the text. scripts/build.mjs writes this stylesheet
// to media/preview.css (the file the manifest contributes; a unit test checks it is the build's output); the export
// inlines TAG_CSS with a page and print stylesheet of its own.

/** Marks, labels, citations, legend and orphans: the same in the preview and the export. */
export const TAG_CSS = `.kst-tag {
  --kst-mark-strength: 16%;
  background: transparent;
  background: color-mix(in srgb, var(--kst-tag-color) var(--kst-mark-strength), transparent);
  color: inherit;
  padding: 0;
  border: 0 solid var(--kst-tag-color);
  -webkit-box-decoration-break: clone;
  box-decoration-break: clone;
}
.kst-line-0 {
  border-bottom-width: 2px;
  border-bottom-style: solid;
}
.kst-line-1 {
  border-top-width: 2px;
  border-top-style: solid;
}
.kst-line-2 {
  border-bottom-width: 2px;
  border-bottom-style: dashed;
}
.kst-line-3 {
  border-top-width: 2px;
  border-top-style: dashed;
}
.kst-line-4 {
  border-bottom-width: 2px;
  border-bottom-style: dotted;
}
.kst-line-5 {
  border-top-width: 2px;
  border-top-style: dotted;
}
.kst-tag .kst-tag {
  padding: 1px 0;
}
.kst-tag-label {
  display: inline-block;
  font-size: 0.78rem;
  font-weight: normal;
  font-style: normal;
  line-height: 1.3;
  padding: 0 0.35em;
  margin: 0 0.25em 0 0;
  border: 1px solid var(--kst-tag-color);
  border-left-width: 0.45em;
  border-radius: 3px;
  vertical-align: 0.1em;
  white-space: nowrap;
}
.kst-changed {
  outline: 1px dashed var(--kst-warning-color, #9a6700);
  outline-offset: 1px;
}
.kst-changed-note {
  font-style: italic;
  font-size: 0.85em;
  color: var(--kst-warning-color, #9a6700);
  margin-left: 0.25em;
}
.kst-citation {
  text-decoration-style: dotted;
}
span.kst-citation {
  border-bottom: 1px dotted currentColor;
}
.kst-note-ref {
  font-size: 0.7em;
  margin-left: 0.1em;
}
.kst-reading-footer {
  margin-top: 2.5em;
  padding-top: 0.5em;
  border-top: 1px solid var(--kst-rule-color, rgba(128, 128, 128, 0.45));
  font-size: 0.92em;
}
.kst-legend ul,
.kst-orphans ul,
.kst-unshown ul {
  list-style: none;
  padding-left: 0;
}
.kst-legend li {
  display: inline-block;
  margin: 0 1.25em 0.35em 0;
}
.kst-orphans li,
.kst-unshown li {
  margin-bottom: 0.5em;
}
.kst-swatch {
  padding: 0 0.3em;
}
.kst-count,
.kst-description {
  opacity: 0.8;
}
`;

/** The preview's themes (VS Code puts `vscode-light`, `vscode-dark` or `vscode-high-contrast` on the body). */
export const PREVIEW_THEME_CSS = `body {
  --kst-warning-color: var(--vscode-editorWarning-foreground, #9a6700);
  --kst-rule-color: var(--vscode-textSeparator-foreground, rgba(128, 128, 128, 0.45));
}
body.vscode-dark .kst-tag {
  --kst-mark-strength: 30%;
}
body.vscode-high-contrast .kst-tag {
  background: transparent;
  border-width: 0;
  outline: 1px solid var(--kst-tag-color);
}
body.vscode-high-contrast .kst-tag-label {
  border-color: currentColor;
  border-left-color: var(--kst-tag-color);
}
body.vscode-high-contrast .kst-line-0,
body.vscode-high-contrast .kst-line-2,
body.vscode-high-contrast .kst-line-4 {
  border-bottom-width: 3px;
}
body.vscode-high-contrast .kst-line-1,
body.vscode-high-contrast .kst-line-3,
body.vscode-high-contrast .kst-line-5 {
  border-top-width: 3px;
}
`;

/** media/preview.css, contributed as `markdown.previewStyles`. */
export const PREVIEW_STYLESHEET = `/* Kamerstuk Annotator: tags and citations in the Markdown preview. Generated from src/core/preview/styles.ts by scripts/build.mjs: do not edit. */\n${TAG_CSS}${PREVIEW_THEME_CSS}`;
