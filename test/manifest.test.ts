/** manifest.xml as Excel reads it: the things a broken sideload would otherwise reveal only in Office. */
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..');
const manifest = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');

describe('manifest.xml', () => {
  test('displays 考核助手 in zh-CN by default', () => {
    expect(manifest).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
    expect(manifest).toMatch(/<DisplayName DefaultValue="考核助手">/);
  });

  test('asks to read and write the workbook and declares its ExcelApi set', () => {
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.\d+"\/>/);
  });

  test('has a ribbon button that opens the task pane', () => {
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(manifest).toMatch(/<bt:Url id="Taskpane.Url" DefaultValue="https:\/\/localhost:3000\/taskpane.html"\/>/);
  });

  test('every icon it names exists, at the size it claims', () => {
    const icons = [...manifest.matchAll(/https:\/\/localhost:3000\/(assets\/icon-(\d+)\.png)/g)];
    expect(icons.length).toBeGreaterThanOrEqual(4);
    for (const [, file, size] of icons) {
      const png = fs.readFileSync(path.join(root, file));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(Number(size));
      expect(png.readUInt32BE(20)).toBe(Number(size));
    }
  });

  test('every page it names is built by webpack', () => {
    const config = fs.readFileSync(path.join(root, 'webpack.config.js'), 'utf8');
    const pages = new Set([...manifest.matchAll(/https:\/\/localhost:3000\/([\w-]+\.html)/g)].map((m) => m[1]));
    expect(pages.size).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(config).toContain(`filename: '${page}'`);
  });
});
