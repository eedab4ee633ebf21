// House rules in a tool, not in reviews: `npm run lint` (part of `npm test`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'tests/.cache/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // portal pages are hostile: never build DOM from strings
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Use textContent: page and locale text is never parsed as HTML.' },
        { property: 'outerHTML', message: 'Use DOM methods.' },
      ],
      // nothing typed into a portal may be logged: console.log is not allowed in shipped code
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // tests, benchmarks and scripts run in Node and may print
    files: ['tests/**', 'bench/**', 'scripts/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.webextensions } },
    // Playwright fixtures call `use`, which is not React's hook
    rules: { 'no-console': 'off', 'no-restricted-properties': 'off', 'react-hooks/rules-of-hooks': 'off' },
  },
);
