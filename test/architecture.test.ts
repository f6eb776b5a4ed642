/**
 * DESIGN.md's architecture: engine/ and sheet/ are pure. The lint rule that enforces it is
 * checked here against probe sources, so a change to eslint.config.mjs cannot quietly drop it.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const root = path.resolve(__dirname, '..');

function lint(filePath: string, source: string): { code: number | null; output: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', filePath], {
    cwd: root,
    input: source,
    encoding: 'utf8',
  });
  return { code: r.status, output: r.stdout + r.stderr };
}

describe('engine/ and sheet/ stay pure (no-restricted-imports)', () => {
  test.each([
    ['fs', 'src/engine/probe.ts', "import * as fs from 'fs';\nexport const x = fs;\n", 'engine/ 与 sheet/ 不读写文件'],
    ['exceljs', 'src/sheet/probe.ts', "import ExcelJS from 'exceljs';\nexport const x = ExcelJS;\n", 'ExcelJS 只在 host/xlsxHost.ts 中使用'],
    ['Fluent UI', 'src/engine/probe.ts', "import { Button } from '@fluentui/react-components';\nexport const x = Button;\n", '界面与 Office'],
    ['react', 'src/sheet/probe.ts', "import * as React from 'react';\nexport const x = React;\n", 'React 只在 taskpane/'],
    ['the Office global', 'src/engine/probe.ts', 'export const x = Office.context;\n', 'Office.js 只在'],
  ])('%s is refused in %s', (_what, file, source, message) => {
    const r = lint(file, source);
    expect(r.code).toBe(1);
    expect(r.output).toContain(message);
  });

  test('a pure import passes the same rule', () => {
    const r = lint('src/engine/probe.ts', "import { dec } from './decimal';\nexport const x = dec;\n");
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
  });
});
