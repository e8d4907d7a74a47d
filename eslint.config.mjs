// ESLint flat config: @eslint/js and typescript-eslint recommended (syntax-only, no type information, so
// `eslint .` stays fast), plus the architecture rules that keep src/core free of vscode and Node, and src/cli free of vscode.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// Every Node built-in by its bare name, including subpaths such as fs/promises and path/posix (internal _-names left out).
// Prefix-only modules (node:test, node:sqlite, …) are caught by the `node:` pattern below.
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));
const vscodeMessage = 'vscode is only available in the extension host: keep it out of src/core and src/cli (put editor code under src/vscode).';
const nodeMessage =
  'src/core also runs in the browser web-worker host: no Node built-ins here (take the capability as a parameter, or put the code under src/cli or src/vscode).';

// `import()` is not covered by no-restricted-imports; this selector applies the same bans to dynamic imports.
// (`\u002F` is a slash: esquery ends a /regex/ at the first literal slash.)
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('/', '\\u002F');
const dynamicImportOf = (names, extra = '') => `ImportExpression[source.value=/^(?:${[...names.map(escapeRe), ...(extra ? [extra] : [])].join('|')})$/]`;

// Globals of the Node runtime used by the .mjs/.cjs scripts (the `globals` package is not a dependency; TypeScript checks .ts files).
const nodeGlobals = Object.fromEntries(
  `process console Buffer URL URLSearchParams fetch Response Request Headers AbortController AbortSignal TextEncoder TextDecoder
   structuredClone queueMicrotask performance setTimeout clearTimeout setInterval clearInterval setImmediate clearImmediate`
    .split(/\s+/)
    .map((g) => [g, 'readonly']),
);
const commonjsGlobals = { require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly', __filename: 'readonly' };

export default defineConfig([
  globalIgnores(['dist/', 'out/', 'node_modules/', '.test-results/', 'l10n/', 'samples/', '.vscode-test/']),

  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'scripts/**/*.mts', 'scripts/**/*.mjs', 'test/runner/**/*.mjs', 'test/**/*.cjs', 'eslint.config.mjs'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused names prefixed with _ are deliberate, and `const { id, ...rest } = x` is how the code omits fields.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Off: the sanitisers (hover text, CLI output, their tests) match control characters on purpose.
      'no-control-regex': 'off',
    },
  },

  {
    files: ['scripts/**/*.mjs', 'test/runner/**/*.mjs', 'eslint.config.mjs'],
    languageOptions: { sourceType: 'module', globals: nodeGlobals },
  },
  {
    files: ['test/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...nodeGlobals, ...commonjsGlobals } },
    rules: {
      // Off: a .cjs file is CommonJS, and mocha loads its reporter with require().
      '@typescript-eslint/no-require-imports': 'off',
    },
  },

  // Architecture: src/core is shared by the extension (desktop and web) and the CLI.
  {
    files: ['src/core/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: vscodeMessage }, ...nodeBuiltins.map((name) => ({ name, message: nodeMessage }))],
          patterns: [{ regex: '^node:', message: nodeMessage }],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: dynamicImportOf(['vscode']), message: vscodeMessage },
        { selector: dynamicImportOf(nodeBuiltins, 'node:.*'), message: nodeMessage },
      ],
    },
  },
  // The CLI runs on plain Node: Node built-ins are fine, vscode is not.
  {
    files: ['src/cli/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: vscodeMessage }] }],
      'no-restricted-syntax': ['error', { selector: dynamicImportOf(['vscode']), message: vscodeMessage }],
    },
  },
]);
