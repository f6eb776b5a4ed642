/**
 * What kind of file a workbook is, from its first bytes and its name: .xlsx (a zip), .ods (a zip
 * whose first entry says so), or an old binary file (.xls, WPS .et — or an .xlsx with a password,
 * which is stored the same way). No file system: the browser preview uses it too.
 */
export type InputFormat = 'xlsx' | 'ods' | 'xls' | 'et' | 'binary' | 'empty' | 'other';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));

/** detectFormat(bytes of a .ods file, 'a.ods') → 'ods'; an OLE file named a.et → 'et' */
export function detectFormat(bytes: Uint8Array, name: string): InputFormat {
  if (bytes.length === 0) return 'empty';
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, ZIP)) {
    // An OpenDocument zip starts with an uncompressed entry "mimetype" holding its type.
    if (ascii(bytes, 30, 8) === 'mimetype' && ascii(bytes, 38, ODS_MIME.length) === ODS_MIME) return 'ods';
    return 'xlsx';
  }
  if (startsWith(bytes, OLE)) return ext === 'xls' ? 'xls' : ext === 'et' ? 'et' : 'binary';
  return 'other';
}

/** The formats LibreOffice turns into .xlsx for us, with their names for a message. */
export const CONVERTIBLE: Partial<Record<InputFormat, string>> = {
  xls: '旧版 Excel 工作簿（.xls）',
  et: 'WPS 表格（.et）',
  ods: 'OpenDocument 表格（.ods）',
};

/** How to make an .xlsx by hand, for a message. */
export const SAVE_AS_XLSX = '在 WPS、Excel 或 LibreOffice 中打开它，“另存为” Excel 工作簿（.xlsx）后再选择该文件';
