/**
 * ESLint flat config: typescript-eslint's recommended rules (not type-checked, to stay fast over the whole
 * repo) plus the Office-specific rules of eslint-plugin-office-addins, enabled one by one. The plugin's own
 * presets are not used: they also turn on prettier/prettier and ecmaVersion 6, which fight this code base.
 *
 * `@eslint/js` is eslint's own dependency (same version as eslint); no other package is assumed.
 */
const { defineConfig } = require('eslint/config');
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const officeAddins = require('eslint-plugin-office-addins');

/** The Node globals the repository's CommonJS scripts use (the `globals` package is not a dependency). */
const nodeGlobals = {
  require: 'readonly',
  module: 'writable',
  exports: 'writable',
  __dirname: 'readonly',
  __filename: 'readonly',
  process: 'readonly',
  console: 'readonly',
  Buffer: 'readonly',
  URL: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  setImmediate: 'readonly',
  TextEncoder: 'readonly',
  TextDecoder: 'readonly',
  setInterval: 'readonly',
  clearInterval: 'readonly',
  AbortController: 'readonly',
};

module.exports = defineConfig(
  {
    ignores: ['dist/', 'lib/', 'node_modules/', 'coverage/', 'out/', 'bench/.tmp/', 'test/.tmp/', '.cache/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // U+3000 (full-width space) is ordinary Japanese text: allowed inside strings, templates, regular
      // expressions and comments (cell-text examples), still an error in the code itself.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The Office.js habits STYLE.md asks for: load before read, sync before read, no sync in a loop,
    // null objects tested with isNullObject, Office.onReady rather than Office.initialize. Only where Office.js
    // can be in reach: the rules match names (`load`, `sync`, `.note`), so on ExcelJS code (src/workbook/xlsx,
    // src/cli) or plain data (src/domain) they would flag ordinary objects.
    files: ['src/workbook/office/**/*.{ts,tsx}', 'src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'warn',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
);
