import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nextVitals from 'eslint-config-next/core-web-vitals';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.next/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...nextVitals,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The page's first load stays light (docs/performance.md): UI and store code import leaf modules, never the
    // agent or tools index (the agent loop, the TypeScript compiler) nor the compiler itself; Monaco loads on demand.
    files: ['components/**/*.{ts,tsx}', 'lib/store/**/*.ts', 'app/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'typescript', message: 'The TypeScript compiler runs in the runner worker only.' },
            { name: 'monaco-editor', allowTypeImports: true, message: 'Monaco loads on demand: use loadMonaco().' },
          ],
          patterns: [
            {
              regex: '(^@/lib|\\.\\.)/(agent|tools)(/index)?$',
              allowTypeImports: true,
              message: 'Import the leaf module (run-state, memory, render-value, events …): the index pulls in the agent loop and the TypeScript compiler.',
            },
          ],
        },
      ],
    },
  },
  {
    // The Node kernel program: plain CommonJS, run by Node as it is (kernel-source.ts ships its text), and the Node
    // module hooks beside the launcher. Node's globals, no browser ones.
    files: ['lib/sandbox/kernel/kernel.cjs', 'lib/sandbox/node/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['lib/sandbox/kernel/kernel.cjs'],
    languageOptions: { sourceType: 'commonjs', ecmaVersion: 2022 },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // The kernel swallows errors on purpose in many places; its `catch (e)` that ignores e is not a mistake.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // require() inside the session builds CommonJS `module` records of its own (not this file's module).
      '@next/next/no-assign-module-variable': 'off',
    },
  },
);
