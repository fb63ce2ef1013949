// ESLint flat config. Besides the usual recommended rules it enforces the project's boundaries with
// no-restricted-imports: the renderer reaches the main side only through shared/contract (and window.dgw), and
// shared/ stays runnable on both sides, so it may import neither side, nor Node, Electron, React or MUI.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = (message) => builtinModules.map((name) => ({ name, message }));

const rendererMessage =
  '渲染进程只能通过 shared/contract 与 window.dgw 访问主进程（the renderer must not import main-side code）';
const sharedMessage = 'shared/ 在两侧都运行，只能依赖 shared/ 自身与纯 JS 库（shared/ must stay side-neutral）';

export default defineConfig([
  globalIgnores([
    'dist/',
    'release/',
    'node_modules/',
    '.electron-native/',
    'test-results/',
    '.lo-profile/',
    'coverage/',
    'bench/.work/',
    'bench/.scratch/', // local profiling scripts, not part of the project (.gitignore)
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // The app rejects or strips control characters in clerk input and file names on purpose, which is exactly
      // what this rule flags; an accidental control character in a regex is not a risk worth the noise here.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['electron/**', 'scripts/**', 'tests/**', 'bench/**', '*.config.{js,ts,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: rendererMessage },
            { name: 'better-sqlite3', message: rendererMessage },
            ...nodeBuiltins(rendererMessage),
          ],
          patterns: [
            { regex: '^node:', message: rendererMessage },
            { regex: '(^|/)electron(/|$)', message: rendererMessage },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: sharedMessage },
            { name: 'better-sqlite3', message: sharedMessage },
            ...nodeBuiltins(sharedMessage),
          ],
          patterns: [
            { regex: '^node:', message: sharedMessage },
            { regex: '(^|/)(electron|renderer)(/|$)', message: sharedMessage },
            { regex: '^react(-dom)?(/|$)', message: sharedMessage },
            { regex: '^@mui/', message: sharedMessage },
          ],
        },
      ],
    },
  },
  prettier,
]);
