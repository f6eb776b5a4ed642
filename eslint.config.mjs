// ESLint flat config. The one architectural rule: engine/ and sheet/ stay pure, so they can be
// tested without Excel and run in the pane, the browser preview and the command line alike.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const pureLayerImports = {
  paths: [
    { name: 'fs', message: 'engine/ 与 sheet/ 不读写文件：由 host/ 提供数据。' },
    { name: 'path', message: 'engine/ 与 sheet/ 不处理文件路径。' },
    { name: 'exceljs', message: 'ExcelJS 只在 host/xlsxHost.ts 中使用。' },
    { name: 'react', message: 'React 只在 taskpane/ 中使用。' },
    { name: 'react-dom', message: 'React 只在 taskpane/ 中使用。' },
  ],
  patterns: [
    { group: ['node:*'], message: 'engine/ 与 sheet/ 不依赖 Node。' },
    { group: ['@fluentui/*', 'office-addin-*', '@microsoft/office-js*'], message: '界面与 Office 只在 taskpane/ 和 host/ 中使用。' },
    { group: ['**/host/*', '**/cli/*', '**/app/*', '**/taskpane/*'], message: 'engine/ 与 sheet/ 不依赖外层。' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'coverage/**', 'node_modules/**', 'test-results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/taskpane/**'],
    languageOptions: { globals: { ...globals.browser, Office: 'readonly', Excel: 'readonly' } },
  },
  {
    files: ['src/engine/**', 'src/sheet/**'],
    rules: { 'no-restricted-imports': ['error', pureLayerImports] },
  },
  {
    // Office.js is a global: only the pane and the Office host may name it.
    files: ['src/engine/**', 'src/sheet/**', 'src/app/**', 'src/cli/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'Office', message: 'Office.js 只在 taskpane/ 和 host/ 中使用。' }, { name: 'Excel', message: 'Office.js 只在 taskpane/ 和 host/ 中使用。' }],
    },
  },
);
