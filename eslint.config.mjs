import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What the analysis core never imports. */
const CORE_PATTERNS = [
  { group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*'], message: 'The analysis core must not depend on the editor or the protocol.' },
  { group: ['fs', 'node:fs', 'fs/*', 'node:fs/*', 'process', 'node:process', 'child_process', 'node:child_process'], message: 'The analysis core does no I/O.' },
];
const RULE_MESSAGE = 'A rule imports shared code from the support module (rules/support, through its index) and the layers below, never another rule file or a services file; rules are listed only in rules/registry.ts.';
const RULES_DIR = 'server/src/analysis/rules';
/** Rule files: rules/support, rules/registry.ts and rules/examples are not rules. */
const NOT_RULES = [`${RULES_DIR}/support/**`, `${RULES_DIR}/registry.ts`, `${RULES_DIR}/examples/**`];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', '.test-one/', '.e2e/', 'test-results/', '.vscode-test/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: Object.fromEntries(['process', 'console', 'URL', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'fetch', 'Buffer', 'performance', 'AbortController'].map((name) => [name, 'readonly'])) },
  },
  {
    // CommonJS scripts (bench/yaml-parse.cjs: the bench's floor loads `yaml` as a plain require would).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: Object.fromEntries(['require', 'module', 'process', 'console'].map((name) => [name, 'readonly'])) },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The analysis core is pure: no editor, protocol, file system or process access.
    files: ['server/src/analysis/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: CORE_PATTERNS,
      }],
      'no-restricted-globals': ['error', { name: 'process', message: 'The analysis core does no I/O.' }],
    },
  },
  {
    // One rule file per custom rule: it may import ./support and the layers below (../knowledge, ../resolution, ../types,
    // ../cloudformation/..., ../terraform/...), never a sibling rule file or a services file.
    files: [`${RULES_DIR}/*.ts`],
    ignores: NOT_RULES,
    rules: {
      'no-restricted-imports': ['error', { patterns: [...CORE_PATTERNS, { group: ['./*', './*/*', '!./support'], message: RULE_MESSAGE }] }],
    },
  },
  {
    // The declarative specs of a family of services: ../support and the layers below (../../...), nothing else in rules/.
    files: [`${RULES_DIR}/services/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...CORE_PATTERNS, { group: ['./*', '../*', '../*/*', '!../support', '!../..', '!../../**'], message: RULE_MESSAGE }] }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
