/** README.md stays true: every diagnostic code and every npm script is documented. */
import * as fs from 'fs';
import * as path from 'path';
import { catalogCodes } from '../src/engine/diagnostics';
import { UNIT_PLACEHOLDERS, WORKBOOK_PLACEHOLDERS } from '../src/sheet/outputs/templates';

const root = path.resolve(__dirname, '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const scripts = Object.keys(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts as object);

test.each(catalogCodes().map((c) => [c.code, c.severity]))('README lists diagnostic %s (%s)', (code, severity) => {
  expect(readme).toMatch(new RegExp(`\\| \`${code}\` \\| ${severity} \\|`));
});

test.each(scripts.filter((s) => s !== 'prepare'))('README explains npm script %s', (script) => {
  const named = script === 'test' ? '`npm test`' : script === 'start' ? '`npm start`' : `\`npm run ${script}\``;
  expect(readme).toContain(named);
});

test.each(Object.keys({ ...UNIT_PLACEHOLDERS, ...WORKBOOK_PLACEHOLDERS }))('README lists template placeholder {{%s}}', (name) => {
  expect(readme).toContain(`| \`{{${name}}}\` |`);
});
