import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', '.test-one/', '.e2e/', 'test-results/', '.vscode-test/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: Object.fromEntries(['process', 'console', 'URL', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'fetch', 'Buffer', 'performance', 'AbortController'].map((name) => [name, 'readonly'])) },
  },
  {
    // The analysis core is pure: no editor, protocol, file system or process access.
    files: ['server/src/analysis/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*'], message: 'The analysis core must not depend on the editor or the protocol.' },
          { group: ['fs', 'node:fs', 'fs/*', 'node:fs/*', 'process', 'node:process', 'child_process', 'node:child_process'], message: 'The analysis core does no I/O.' },
        ],
      }],
      'no-restricted-globals': ['error', { name: 'process', message: 'The analysis core does no I/O.' }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
