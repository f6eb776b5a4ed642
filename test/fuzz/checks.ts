/**
 * What the fuzz suite asserts about one run of the command line, as plain functions over text and
 * workbooks (test/fuzz/checks.test.ts shows each one catching what it is for):
 *  - internals: no stack trace, no Node error code, no 内部错误, no control character;
 *  - english: no Latin word that is neither the product's own vocabulary (file types, option
 *    names, cell references) nor a word the user typed somewhere in the input;
 *  - typedCellsChanged: every cell the user typed is in the copy, unchanged;
 *  - secrets / leaks: no 信访人 or 事由 value of a ledger reaches an output.
 */
import ExcelJS from 'exceljs';

/** The mark the add-in writes into its generated sheets (src/app/ownedSheets.ts). */
export { GENERATED_MARK } from '../../src/app/ownedSheets';
import { GENERATED_MARK } from '../../src/app/ownedSheets';

/** Stack traces, Node's error codes and internal failures, in what the user sees. */
export function internals(text: string): string[] {
  const found: string[] = [];
  const patterns: [string, RegExp][] = [
    ['stack frame', /^\s*at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m],
    ['JavaScript error name', /\b(Error|TypeError|RangeError|SyntaxError|ReferenceError)\b/],
    ['Node error code', /\b(ERR_[A-Z_]+|E[A-Z]{3,}:)/],
    ['node internals', /node:internal|node_modules|\.js:\d+/],
    ['internal error', /内部错误/],
    ['V8 heap', /JavaScript heap out of memory|FATAL ERROR/],
    // eslint-disable-next-line no-control-regex
    ['control character', /[\u0000-\u0008\u000b-\u001f\u007f]/],
  ];
  for (const [what, re] of patterns) {
    const m = re.exec(text);
    if (m) found.push(`${what}: ${JSON.stringify(m[0])}`);
  }
  return found;
}

/**
 * The Latin words the product itself may print: file types and programs it names, and the option
 * names of its own command line. Everything else in Latin letters is either the user's own text
 * quoted back or English that should have been Chinese.
 */
export const PRODUCT_WORDS = [
  // Units of size, and GB as in the standard GB/T 9704-2012 (公文格式) the notice follows.
  'kb', 'mb', 'gb',
  'kaohe', 'xlsx', 'xls', 'xlsm', 'json', 'pdf', 'excel', 'wps', 'libreoffice', 'opendocument', 'ods', 'odt', 'docx', 'word', 'zip', 'csv', 'out', 'report', 'ranking', 'veto', 'help', 'version', 'dense', 'competition', 'zero', 'last', 'office'];

/** Every run of Latin letters in the user's input (cell text, sheet names, formulas). */
export function latinWordsOf(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const t of texts) for (const w of t.match(/[A-Za-z]+/g) ?? []) words.add(w.toLowerCase());
  return words;
}

/**
 * The English in `text`: Latin words of two or more letters that are not cell references
 * (E4, $A$1, A40:XFD1048576), not option names (--out), not the product's words and not part of
 * a word the user typed. `paths` (the temporary folder) are removed first.
 */
export function english(text: string, userWords: Set<string>, paths: string[] = []): string[] {
  let t = text;
  for (const p of paths) t = t.split(p).join(' ');
  t = t.replace(/\$?\b[A-Z]{1,3}\$?[0-9]+(:\$?[A-Z]{1,3}\$?[0-9]+)?\b/g, ' ').replace(/--?[a-z]+/g, ' ');
  const allowed = new Set(PRODUCT_WORDS);
  const user = [...userWords];
  return (t.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => {
    const lower = w.toLowerCase();
    return !allowed.has(lower) && !user.some((u) => u.includes(lower));
  });
}

/** A cell's value in a form that compares by content (dates by their time, formulas by text and cached result). */
export function comparable(v: ExcelJS.CellValue): string {
  return JSON.stringify(v, (_k, x: unknown) => (x instanceof Date ? `date:${x.toISOString()}` : x));
}

/** The texts of a workbook a person typed: cell text, formulas and sheet names. */
export function textsOf(wb: ExcelJS.Workbook): string[] {
  const texts: string[] = [];
  for (const ws of wb.worksheets) {
    texts.push(ws.name);
    ws.eachRow({ includeEmpty: false }, (r) =>
      r.eachCell({ includeEmpty: false }, (c) => {
        texts.push(cellText(c.value));
      }),
    );
  }
  return texts;
}

/** What a cell shows or holds as text (formula text and its cached result, rich text joined). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v !== 'object') return String(v);
  if ('richText' in v) return v.richText.map((p) => p.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return `${(v as ExcelJS.CellFormulaValue).formula ?? ''} ${cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue)}`;
  if ('error' in v) return v.error;
  if ('text' in v) return `${cellText(v.text as ExcelJS.CellValue)} ${(v as ExcelJS.CellHyperlinkValue).hyperlink ?? ''}`;
  return JSON.stringify(v);
}

/** True when the sheet carries the add-in's mark (a cell of column A holding GENERATED_MARK). */
export function isMarked(ws: ExcelJS.Worksheet): boolean {
  let marked = false;
  ws.eachRow({ includeEmpty: false }, (r) => {
    if (cellText(r.getCell(1).value) === GENERATED_MARK) marked = true;
  });
  return marked;
}

/**
 * The user's cells the copy lost or changed: every non-empty cell of every sheet of the input that
 * is not the add-in's own (marked as generated) must be in the copy with the same value. Blank
 * cells may be filled (总分, 得分, 扣(加)分); nothing typed may change.
 */
export function typedCellsChanged(input: ExcelJS.Workbook, copy: ExcelJS.Workbook, limit = 5): string[] {
  const problems: string[] = [];
  // The settings sheet's records of what the add-in itself did (which sheets it generated, what the
  // notice was built from) are rewritten to the truth on every run; a list that disagreed is
  // reported (OWNED_SHEET_UNMARKED). Every other cell of that sheet, settings included, must stay.
  const record = (ws: ExcelJS.Worksheet, c: ExcelJS.Cell) =>
    ws.name === '考核助手设置' && Number(c.col) === 2 && ['生成的工作表', '通报依据'].includes(cellText(ws.getRow(Number(c.row)).getCell(1).value).trim());
  for (const ws of input.worksheets) {
    if (isMarked(ws)) continue;
    const other = copy.getWorksheet(ws.name);
    if (!other) {
      problems.push(`sheet “${ws.name}” missing from the copy`);
      continue;
    }
    ws.eachRow({ includeEmpty: false }, (r) =>
      r.eachCell({ includeEmpty: false }, (c) => {
        if (c.type === ExcelJS.ValueType.Merge || c.value === null || problems.length >= limit || record(ws, c)) return;
        const was = comparable(c.value);
        const now = comparable(other.getCell(c.address).value);
        if (was !== now) problems.push(`${ws.name}!${c.address}: ${was} → ${now}`);
      }),
    );
  }
  return problems;
}

/**
 * The private values of the ledgers: every cell below a header 信访人 or 事由 (in any sheet), kept
 * only when it is distinctive — two characters or more, and found nowhere else in the input nor
 * in `vocabulary` (the product's own output on the plain sample), so that finding it in an output
 * can only mean it was copied from the ledger.
 */
export function secrets(wb: ExcelJS.Workbook, vocabulary: string): string[] {
  const found = new Set<string>();
  const elsewhere: string[] = [];
  for (const ws of wb.worksheets) {
    elsewhere.push(ws.name);
    const privateCols = new Map<number, number>();
    ws.eachRow({ includeEmpty: false }, (r, rn) => {
      r.eachCell({ includeEmpty: false }, (c, cn) => {
        const t = cellText(c.value).trim();
        if ((t === '信访人' || t === '事由') && !privateCols.has(cn)) {
          privateCols.set(cn, rn);
          elsewhere.push(t);
        } else if (privateCols.has(cn) && rn > (privateCols.get(cn) as number) && c.type !== ExcelJS.ValueType.Merge) found.add(t);
        else elsewhere.push(t);
      });
    });
  }
  const other = elsewhere.join('\n') + '\n' + vocabulary;
  // eslint-disable-next-line no-control-regex
  return [...found].filter((s) => Array.from(s).length >= 2 && !/^[\d\s.\-_]*$/.test(s) && !other.includes(s)).map((s) => s.replace(/[\u0000-\u001f]/g, ''));
}

/** Which secrets occur in `text`. */
export function leaks(text: string, secretValues: string[]): string[] {
  return secretValues.filter((s) => s.length >= 2 && text.includes(s));
}

/** The generated sheets of a copy: those the input did not have, and those carrying the mark. */
export function generatedSheets(input: ExcelJS.Workbook, copy: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return copy.worksheets.filter((ws) => !input.getWorksheet(ws.name) || isMarked(ws));
}
