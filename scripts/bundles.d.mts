// Types of scripts/bundles.mjs, for the unit test that builds the web bundle with the same options.
import type { BuildOptions, Plugin } from 'esbuild';

export function commonOptions(options?: { production?: boolean }): BuildOptions;
export function platformPlugin(kind: 'node' | 'web'): Plugin;
export function nodeExtensionOptions(options?: { production?: boolean }): BuildOptions;
export function webExtensionOptions(options?: { production?: boolean }): BuildOptions;
