import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'release/', '.native/', 'node_modules/', 'test-results/', 'playwright-report/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: 'error',
    },
  },
  {
    files: ['electron/**/*.ts', 'build/**/*.mjs', 'test/**/*.ts', 'test/**/*.mjs', '*.ts', '*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Advice for the React Compiler, which this app does not use (TanStack Virtual trips it).
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    // Core features meet only at their surfaces: a file outside electron/core/<feature>/ imports that
    // feature's index.ts, never its queries, statements or other modules. The database layer is shared
    // infrastructure; core-level modules (context, registry, the participant seam) are not features.
    // core.ts is the composition root: it registers each feature's handlers from the feature itself,
    // so an index carries only what other features use (and no feature pulls in every handler).
    files: ['electron/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx'] } },
      'boundaries/elements': [
        { type: 'infrastructure', pattern: 'electron/core/db' },
        { type: 'feature', pattern: 'electron/core/*', capture: ['name'] },
        { type: 'core', pattern: 'electron/core' },
        { type: 'app', pattern: 'electron/*', capture: ['name'] },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            {
              from: { element: { type: 'feature' } },
              disallow: { to: { element: { type: 'feature', fileInternalPath: '!index.ts', captured: { name: '!{{ from.element.captured.name }}' } } } },
              message: 'Import another core feature through its index.ts (electron/core/{{ to.element.captured.name }}), not its internal modules',
            },
            {
              from: { element: { type: 'core', fileInternalPath: '!core.ts' } },
              disallow: { to: { element: { type: 'feature', fileInternalPath: '!index.ts' } } },
              message: 'Import a core feature through its index.ts (electron/core/{{ to.element.captured.name }}), not its internal modules',
            },
            {
              from: { element: { types: ['infrastructure', 'app'] } },
              disallow: { to: { element: { type: 'feature', fileInternalPath: '!index.ts' } } },
              message: 'Import a core feature through its index.ts (electron/core/{{ to.element.captured.name }}), not its internal modules',
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright reads a fixture's dependencies from its destructuring pattern, even an empty one.
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // shared/ runs on both sides: no Node and no DOM.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'electron', 'react', 'react-dom'] }],
    },
  },
  {
    // The renderer reaches the core only through the api client, never by importing it.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/electron/**', 'node:*'] }],
    },
  },
);
