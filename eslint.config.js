// Lint enforces the layers: shared/ runs anywhere (no Node, Electron or React),
// the renderer never reaches into electron/, and the core never into the shells.
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'util', 'stream', 'worker_threads', 'zlib', 'net'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-output/**', '.native/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ must run anywhere: no Node built-ins.' },
            { group: ['electron', 'electron/*'], message: 'shared/ must not import Electron.' },
            { group: ['react', 'react-*', 'react/*', '@tanstack/*', 'i18next'], message: 'shared/ must not import UI libraries.' },
            { group: ['better-sqlite3'], message: 'shared/ must not touch the database.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ is the bottom layer: it imports nothing above it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', 'electron', 'electron/*'], message: 'The renderer talks to the core only through the API client.' },
            { group: nodeBuiltins, message: 'The renderer runs in a sandboxed page: no Node built-ins.' },
            { group: ['better-sqlite3'], message: 'The renderer never touches the database.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The core knows nothing of Electron.' },
            { group: ['**/main/**', '**/preload/**', '**/server/**', '**/cli/**', '**/renderer/**'], message: 'The core must not import the shells.' },
            { group: ['react', 'react-*'], message: 'The core knows nothing of React.' },
          ],
        },
      ],
    },
  },
);
