/**
 * Files that are not .xlsx: .ods, .xls and WPS .et are named with how to save them as .xlsx, by
 * the command line when LibreOffice is missing and by the browser preview always. The conversion
 * itself runs in test/libreoffice (npm run test:libreoffice), where LibreOffice is installed.
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { openInput } from '../src/host/convertInput';
import { detectFormat } from '../src/host/inputFormat';
import { UnusableInput, XlsxHost } from '../src/host/xlsxHost';

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';
/** The first bytes of an .ods file: a zip whose first, stored entry is "mimetype". */
const odsHead = () => {
  const b = new Uint8Array(30 + 8 + ODS_MIME.length);
  b.set([0x50, 0x4b, 0x03, 0x04]);
  b.set([...'mimetype'].map((c) => c.charCodeAt(0)), 30);
  b.set([...ODS_MIME].map((c) => c.charCodeAt(0)), 38);
  return b;
};
const oleHead = () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

it('tells the formats apart by their bytes and, for old binary files, their names', () => {
  expect(detectFormat(odsHead(), '考核.ods')).toBe('ods');
  expect(detectFormat(odsHead(), '考核.xlsx')).toBe('ods');
  expect(detectFormat(oleHead(), '考核.xls')).toBe('xls');
  expect(detectFormat(oleHead(), '考核.ET')).toBe('et');
  expect(detectFormat(oleHead(), '考核.xlsx')).toBe('binary');
  expect(detectFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]), 'a.xlsx')).toBe('xlsx');
  expect(detectFormat(new Uint8Array(), 'a.xlsx')).toBe('empty');
});

it('the browser preview names the format and how to save it as .xlsx', async () => {
  await expect(XlsxHost.fromBuffer(odsHead(), '考核.ods')).rejects.toThrow(
    '考核.ods 是OpenDocument 表格（.ods），考核助手直接读取的是 .xlsx：请在 WPS、Excel 或 LibreOffice 中打开它，“另存为” Excel 工作簿（.xlsx）后再选择该文件',
  );
  await expect(XlsxHost.fromBuffer(oleHead(), '考核.et')).rejects.toThrow('WPS 表格（.et）');
  // An OLE file under another name may be an .xlsx with a password: that message stays.
  await expect(XlsxHost.fromBuffer(oleHead(), '考核.xlsx')).rejects.toThrow('设有打开密码');
});

it('without LibreOffice the command line names the format, how to install it and how to save as .xlsx', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-format-'));
  try {
    const file = path.join(dir, '考核.ods');
    await fs.writeFile(file, odsHead());
    const error = await openInput(file, undefined, async () => null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnusableInput);
    expect((error as Error).message).toContain('是OpenDocument 表格（.ods）');
    expect((error as Error).message).toContain('请安装 LibreOffice 后重试');
    expect((error as Error).message).toContain('“另存为” Excel 工作簿（.xlsx）');
    expect(await fs.readdir(dir)).toEqual(['考核.ods']);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
