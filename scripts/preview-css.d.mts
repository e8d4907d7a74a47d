// Types of scripts/preview-css.mjs, for the unit test that checks media/preview.css is the build's output.
export const PREVIEW_CSS_PATH: string;
export function previewStylesheet(): Promise<string>;
export function writePreviewStylesheet(): Promise<boolean>;
