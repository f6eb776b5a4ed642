/** What the command line says of the PDFs' fonts (src/host/libreoffice.ts fontSubstitutionNote). */
import { fontSubstitutionNote } from '../../src/host/libreoffice';

test('names each Chinese font with its substitute, and a substitute that is not installed with its package', () => {
  const all = ['Noto Serif CJK SC', 'Noto Sans CJK SC', 'AR PL UKai CN'];
  const note = fontSubstitutionNote(all);
  expect(note).toMatch(/^PDF 字体替换：宋体\/[^；]*→Noto Serif CJK SC；仿宋[^；]*→Noto Serif CJK SC；黑体[^；]*→Noto Sans CJK SC；楷体[^；]*→AR PL UKai CN$/);
  expect(note).not.toContain('未安装');
  const withoutKai = fontSubstitutionNote(['Noto Serif CJK SC', 'Noto Sans CJK SC']);
  expect(withoutKai).toMatch(/楷体[^；]*→AR PL UKai CN（未安装：apt-get install -y fonts-arphic-ukai，暂由其他字体代替）$/);
  expect(withoutKai.match(/未安装/g)).toHaveLength(1);
  // Where fontconfig cannot be asked, the table alone.
  expect(fontSubstitutionNote(null)).toBe(note);
});
