import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import playwright from 'eslint-plugin-playwright';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import path from 'node:path';

/** Features never import each other; src/app composes them (ARCHITECTURE.md). */
const featureBoundaries = {
  meta: {
    type: 'problem',
    messages: {
      cross: 'Feature "{{from}}" imports feature "{{to}}": compose features in src/app instead.',
    },
  },
  create(context) {
    const featuresDir = path.join(import.meta.dirname, 'src', 'features');
    const featureOf = (file) => {
      const relative = path.relative(featuresDir, file);
      return relative.startsWith('..') ? null : relative.split(path.sep)[0];
    };
    const from = featureOf(context.filename);
    if (!from) return {};
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = featureOf(path.resolve(path.dirname(context.filename), source));
      if (to && to !== from) context.report({ node, messageId: 'cross', data: { from, to } });
    };
    return {
      ImportDeclaration: check,
      ImportExpression: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      '.*.mjs',
      'dist/**',
      'node_modules/**',
      'playwright-report/**',
      'test-results/**',
      '.sandbox-data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': [
        'error',
        { allowConstantLoopConditions: true },
      ],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      ...pluginQuery.configs['flat/recommended'][0]?.rules,
    },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    plugins: { orgdeck: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: { 'orgdeck/feature-boundaries': 'error' },
  },
  {
    // Focus moves into a dialog's first field by design (WAI-ARIA dialog pattern).
    files: ['src/**/*dialog*.tsx', 'src/components/unsaved-changes.tsx'],
    rules: { 'jsx-a11y/no-autofocus': 'off' },
  },
  {
    files: ['src/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/features/**', '**/app/**', 'react', '@mui/*'],
              message: 'src/api stays UI-free.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts'],
    ...playwright.configs['flat/recommended'],
    rules: {
      ...playwright.configs['flat/recommended'].rules,
      // Specs skip what a provider's declared capabilities rule out (ARCHITECTURE.md).
      'playwright/no-skipped-test': ['error', { allowConditional: true }],
      // Page objects assert through `assert*` methods.
      'playwright/expect-expect': ['error', { assertFunctionPatterns: ['(^|\\.)assert[A-Z]'] }],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
