/**
 * The catalog of diagnostics: every message a user can get about a workbook, keyed by a
 * stable code. The Chinese wording lives here and nowhere else.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  /** The worksheet the diagnostic is about, if any. */
  sheet?: string;
  /** A1 address of the cell, if any. */
  cell?: string;
  message: string;
}

type Params = Record<string, string | number>;

/** A long item label cut for a message: the first 24 characters and an ellipsis. */
export function shortLabel(label: string): string {
  const chars = [...label];
  return chars.length <= 24 ? label : `${chars.slice(0, 24).join('')}…`;
}

interface CatalogEntry {
  severity: Severity;
  text: (p: Params) => string;
}

const CATALOG = {
  // Entries (得分)
  SCORE_ABOVE_MAX: { severity: 'error', text: (p) => `得分 ${p.value} 超过分值 ${p.max}` },
  SCORE_NEGATIVE: { severity: 'error', text: (p) => `得分 ${p.value} 为负数，得分应在 0 到 ${p.max} 之间` },
  NOT_A_NUMBER: { severity: 'error', text: (p) => `得分“${p.value}”不是数字` },
  DATE_IN_SCORE: { severity: 'error', text: (p) => `得分单元格是日期 ${p.value}（可能设成了日期格式或误填），请改为分数` },
  FORMULA_NO_VALUE: {
    severity: 'error',
    text: (p) => `公式“=${p.formula}”没有计算结果，请在 Excel 中打开并保存一次（WPS/LibreOffice 也可），再重新处理；此项暂按未评分处理`,
  },
  ERROR_VALUE: { severity: 'error', text: (p) => `单元格是错误值 ${p.value}，请先修正公式` },
  BLANK_ENTRY: { severity: 'warning', text: (p) => `“${shortLabel(String(p.item))}”的得分未填写，按未评分处理` },
  ADJUSTMENT_SIGN: {
    severity: 'error',
    text: (p) => `“${shortLabel(String(p.item))}”是${p.kind}项，填写的 ${p.value} 应为${p.kind === '扣分' ? '负数（如 -1）' : '正数'}`,
  },
  ADJUSTMENT_ABOVE_CAP: { severity: 'error', text: (p) => `“${shortLabel(String(p.item))}”加分 ${p.value} 超过上限 ${p.cap} 分` },
  VETO_UNKNOWN: { severity: 'error', text: (p) => `一票否决填写“${p.value}”无法识别，请填写“是”或“否”` },
  TOTAL_MISMATCH: {
    severity: 'warning',
    text: (p) => `总分单元格为 ${p.typed}，与计算结果 ${p.computed} 不一致；该单元格未改动，请核对`,
  },
  // The scheme (考核内容、分值)
  CATEGORY_POINTS_MISMATCH: {
    severity: 'warning',
    text: (p) => `“${p.category}”标题分值为 ${p.stated} 分，但各项分值合计 ${p.sum} 分`,
  },
  SCHEME_TOTAL_NOT_100: { severity: 'warning', text: (p) => `评分表各项分值合计 ${p.total} 分，不是 100 分` },
  POINTS_NOT_A_NUMBER: { severity: 'error', text: (p) => `分值“${p.value}”不是数字` },
  POINTS_NOT_POSITIVE: { severity: 'error', text: (p) => `分值 ${p.value} 应大于 0；此项未计入评分表` },
  UNIT_NOT_SCORED: { severity: 'warning', text: () => '该单位的得分全部未填写，尚未评分；总分按 0 分排名' },
  ITEM_WITHOUT_POINTS: { severity: 'warning', text: (p) => `“${shortLabel(String(p.item))}”没有分值，未计入评分表` },
  HIDDEN_ROW: { severity: 'info', text: (p) => `第 ${p.row} 行已隐藏，仍按评分表内容读取` },
  // Units (被考核单位)
  UNIT_NAME_FROM_SHEET: { severity: 'info', text: (p) => `未找到“单位：”一行，单位名称取自工作表名“${p.name}”` },
  UNIT_NAME_FROM_TITLE: { severity: 'info', text: (p) => `未找到“单位：”一行，单位名称“${p.name}”取自标题“${p.title}”` },
  UNIT_NAME_GENERIC: {
    severity: 'warning',
    text: (p) => `单位名称只能取自工作表名“${p.name}”，这不是单位的名称：请在表头上方写“被考核单位：××村”，或把工作表改名为单位名称`,
  },
  DUPLICATE_UNIT: { severity: 'error', text: (p) => `单位“${p.name}”重复：工作表“${p.other}”也是这个单位` },
  SCHEME_DIFFERS: {
    severity: 'error',
    text: (p) => `评分表与“${p.reference}”不一致：${p.differences}；该单位未参加排名`,
  },
  // 扣分因素 computed (rules, the 扣分明细 log)
  RULE_NOT_UNDERSTOOD: {
    severity: 'info',
    text: (p) => `“${shortLabel(String(p.item))}”的扣分因素“${p.clause}”无法自动计算（${p.why}）；此条请人工扣分，该项按填写的得分计`,
  },
  ENTRY_DIFFERS_FROM_RECORDS: {
    severity: 'error',
    text: (p) => `得分单元格填写 ${p.typed}，按扣分记录计算为 ${p.computed}（${p.detail}）；已按计算结果计分，该单元格未改动，请核对`,
  },
  DEDUCTIONS_EXHAUSTED: {
    severity: 'info',
    text: (p) => `“${shortLabel(String(p.item))}”按记录共扣 ${p.deducted} 分，超过分值 ${p.points} 分，扣完为止，该项得 0 分`,
  },
  VETO_FROM_RULES: { severity: 'warning', text: (p) => `扣分记录中有一票否决情形（${p.rule}），该单位按一票否决处理` },
  VETO_CONFLICT: {
    severity: 'error',
    text: (p) => `扣分记录中有一票否决情形（${p.rule}），但一票否决栏填写“${p.value}”；已按一票否决处理，请核对`,
  },
  RECORD_REJECTED: { severity: 'error', text: (p) => `“${shortLabel(String(p.item))}”的扣分记录无法使用：${p.message}；此项记录未计入` },
  LOG_HEADER: { severity: 'error', text: (p) => `工作表“${p.sheet}”像是扣分明细，但表头缺少“${p.missing}”列，扣分明细未读取` },
  LOG_UNKNOWN_UNIT: { severity: 'error', text: (p) => `单位“${p.value}”不是被考核单位${p.hint}此条未计入` },
  LOG_UNKNOWN_ITEM: { severity: 'error', text: (p) => `考核项目“${shortLabel(String(p.value))}”无法对应（${p.why}），此条未计入` },
  LOG_UNKNOWN_RULE: {
    severity: 'error',
    text: (p) => `扣分因素“${shortLabel(String(p.value))}”不是“${shortLabel(String(p.item))}”的规则，此条未计入。可填写：${p.rules}`,
  },
  LOG_RULE_FROM_LEDGER: { severity: 'warning', text: (p) => `“${p.rule}”按${p.source}自动计数，扣分明细中的这一条未计入（避免重复扣分）` },
  LOG_POINTS_DIFFER: {
    severity: 'warning',
    text: (p) => `扣(加)分填写 ${p.typed}，按扣分因素和次数计算为 ${p.computed}；已按计算结果计分，该单元格未改动，请核对`,
  },
  LOG_BAD_COUNT: { severity: 'error', text: (p) => `次数“${p.value}”应为正整数，此条未计入` },
  // 信访台账 (the petition ledger)
  LEDGER_HEADER: { severity: 'error', text: (p) => `工作表“${p.sheet}”像是信访台账，但表头缺少“${p.missing}”列，台账未读取` },
  LEDGER_BAD_DATE: { severity: 'error', text: (p) => `日期“${p.value}”无法识别（应如 2024-03-05 或 2024年3月5日），此条未计入` },
  LEDGER_UNKNOWN_UNIT: { severity: 'error', text: (p) => `单位“${p.value}”不是被考核单位${p.hint}此条未计入` },
  LEDGER_UNKNOWN_LEVEL: { severity: 'error', text: (p) => `级别“${p.value}”无法识别（应为 进京、赴省、到市、到区县、到镇），此条未计入` },
  LEDGER_UNKNOWN_KIND: { severity: 'error', text: (p) => `类别“${p.value}”无法识别（应为 正常访、非正常访、重复访、集体访），此条未计入` },
  LEDGER_BAD_COUNT: { severity: 'error', text: (p) => `${p.column}“${p.value}”应为正整数，此条未计入` },
  LEDGER_UNKNOWN_EXCLUSION: {
    severity: 'error',
    text: (p) => `不列入考评原因“${p.value}”不是考核办法规定的情形（咨询问题、协议期限内、三级认定无理的老户、持意见书要求复查），此条未计入`,
  },
  LEDGER_BAD_ANSWER: { severity: 'error', text: (p) => `${p.column}填写“${p.value}”无法识别，请填写“是”或“否”；此条未计入` },
  LEDGER_STABILISED_UNKNOWN: {
    severity: 'warning',
    text: (p) => `规则“${p.rule}”只扣不能及时稳控调处的，此条的“及时稳控调处”未填写，未计扣分；请填写“是”或“否”`,
  },
  LEDGER_OTHER_YEAR: { severity: 'warning', text: (p) => `日期 ${p.date} 不在 ${p.year} 年度内，此条不计入本年度考核` },
  LEDGER_COLLECTIVE: {
    severity: 'warning',
    text: (p) => `“${p.unit}”有集体上访：如因稳控调处不当造成较大影响，按评分表注2以0分计算并一票否决，请在该单位评分表的一票否决栏确认`,
  },
  // 信访事项办理台账 (the case register)
  CASE_HEADER: { severity: 'error', text: (p) => `办理台账表头缺少必需的列（${p.missing}），台账未读取` },
  CASE_BAD_DATE: { severity: 'error', text: (p) => `${p.column}“${p.value}”不是日期，此件未计入` },
  CASE_NO_DATE: { severity: 'error', text: () => '没有受理（登记）日期，无法计算办理期限，此件未计入' },
  CASE_NO_ID: { severity: 'error', text: () => '没有编号，此件未计入（编号用来在提示和报告中指认案件）' },
  CASE_DUPLICATE_ID: { severity: 'error', text: (p) => `编号“${p.id}”与 ${p.first} 重复，此件未计入` },
  CASE_UNKNOWN_UNIT: { severity: 'error', text: (p) => `责任单位“${p.value}”不是被考核单位${p.hint}，此件未计入` },
  CASE_CLOSED_BEFORE_ACCEPTED: { severity: 'error', text: (p) => `办结日期 ${p.closed} 早于受理日期 ${p.accepted}，此件未计入` },
  CASE_CLOSED_OUTSIDE_YEAR: {
    severity: 'error',
    text: (p) => `办结日期 ${p.closed} 晚于 ${p.next} 年底，不像 ${p.year} 年度案件的办结日期（年份是否写错？），此件未计入`,
  },
  CASE_CLOSED_AFTER_AS_OF: { severity: 'warning', text: (p) => `办结日期 ${p.closed} 晚于截至日期 ${p.asOf}（${p.from}），请核对；按截至该日尚未办结计算` },
  CASE_CLOSED_AFTER_GIVEN_AS_OF: { severity: 'info', text: (p) => `办结日期 ${p.closed} 在所选截至日期 ${p.asOf} 之后：按截至该日尚未办结计算` },
  CASE_EXTENSION_BEYOND_LIMIT: {
    severity: 'error',
    text: (p) => `${p.what}（自原期限末日 ${p.base} 起算），超过延期上限 ${p.limit} 日（《信访工作条例》第三十四条），此件未计入`,
  },
  CASE_EXTENSION_BEFORE_DUE: { severity: 'warning', text: (p) => `延期至 ${p.until} 早于原到期日 ${p.due}，不是延期：按原到期日 ${p.due} 计算，请核对` },
  CASE_BAD_EXTENSION: { severity: 'error', text: (p) => `延期“${p.value}”无法识别，应填写天数（如 30）或延期后的日期，此件未计入` },
  CASE_BAD_LIMIT: { severity: 'error', text: (p) => `办理期限“${p.value}”无法识别，应填写天数（如 60 或 20个工作日），此件未计入` },
  CASE_EXTENSION_NOT_APPROVED: { severity: 'info', text: () => '延期未批准，按原办理期限计算' },
  CASE_STATUS_CONFLICT: { severity: 'warning', text: (p) => `状态“${p.status}”与办结日期不符：${p.why}` },
  CASE_OTHER_YEAR: { severity: 'warning', text: (p) => `受理日期 ${p.date} 不在 ${p.year} 年度内，此件不计入本年度` },
  CASE_CALENDAR_UNCOVERED: {
    severity: 'warning',
    text: (p) => `${p.years} 年的节假日和调休安排不在日历数据（${p.source}）中，按期限计算的到期日 ${p.due} 未考虑该年节假日，请核对`,
  },
  CASE_TARGET: { severity: 'info', text: (p) => `“${p.item}”的要求“${p.target}”：${p.unit}${p.measure} ${p.rate}（${p.detail}），${p.met}` },
  // Sheets and files
  TEMPLATE_UNKNOWN_PLACEHOLDER: { severity: 'warning', text: (p) => `模板中的占位符“{{${p.name}}}”无法识别，原样保留（可用：${p.known}…，完整列表见说明）` },
  OWNED_SHEET_UNMARKED: {
    severity: 'warning',
    text: (p) => `工作表“${p.name}”列在“${p.settings}”的“生成的工作表”中，但没有考核助手的生成标记，按您自己的工作表保留并读取，不会被替换；如确是旧的生成表，可删除后重新生成`,
  },
  TEMPLATE_NOT_USED: { severity: 'info', text: (p) => `工作表“${p.sheet}”${p.why}` },
  SETTING_UNREADABLE: { severity: 'warning', text: (p) => `设置“${p.setting}”的值“${p.value}”无法识别（${p.hint}），按默认设置处理` },
  NOT_A_SCORE_TABLE: { severity: 'info', text: (p) => `工作表“${p.sheet}”不是评分表（${p.reason}），已跳过` },
  HEADER_INCOMPLETE: { severity: 'warning', text: (p) => `表头（${p.range}）缺少“${p.missing}”列，此表已跳过` },
  TABLE_EMPTY: { severity: 'warning', text: (p) => `表头（${p.range}）下没有考核项目或被考核单位，此处未读作评分表` },
  CAP_FROM_WORKBOOK: { severity: 'info', text: (p) => `${p.what}上限 ${p.cap} 分，取自“${shortLabel(String(p.text))}”` },
  ENTRY_SUBCOLUMN: { severity: 'info', text: (p) => `得分分为${p.columns}栏，${p.by}取“${p.used}”栏（${p.column}列）计分` },
  BANDS_FROM_WORKBOOK: { severity: 'info', text: (p) => `等次按工作簿中的${p.where}计：${p.bands}` },
  BAND_BOUNDARY: {
    severity: 'info',
    text: (p) => `总分 ${p.total} 同时符合“${p.higher}”和“${p.lower}”，按较高等次“${p.higher}”计`,
  },
  NO_SCORE_TABLE: { severity: 'error', text: () => '工作簿中没有找到评分表（需要有“分值”和“得分”列的表头）' },
  FILE_NOT_FOUND: { severity: 'error', text: (p) => `找不到文件：${p.path}` },
  NOT_A_WORKBOOK: { severity: 'error', text: (p) => `无法作为 .xlsx 工作簿打开：${p.path}（${p.reason}）` },
  FILE_TOO_LARGE: { severity: 'error', text: (p) => `文件太大（${p.size}，上限 ${p.limit}）：${p.path}。评分表通常不到 10 MB，请检查是否选错了文件` },
  WORKBOOK_TOO_LARGE: { severity: 'error', text: (p) => `工作簿过大，未处理：${p.path}（${p.what}）。${p.hint}` },
  MERGE_CLIPPED: {
    severity: 'warning',
    text: (p) => `合并单元格 ${p.range} 覆盖 ${p.cells} 个单元格，远超表格内容，已按 ${p.kept} 读取；请在 Excel 中取消这个多余的合并`,
  },
  INPUT_FORMAT: { severity: 'error', text: (p) => `${p.path} 是${p.format}，考核助手直接读取的是 .xlsx：${p.how}` },
  ENCRYPTED: { severity: 'error', text: (p) => `文件设有打开密码或为旧版 .xls 格式，无法读取：${p.path}。请在 Excel 中取消密码并另存为 .xlsx` },
} satisfies Record<string, CatalogEntry>;

export type DiagnosticCode = keyof typeof CATALOG;

/** Makes a diagnostic from the catalog. diagnose('SCORE_ABOVE_MAX', { value: 6, max: 5 }, '错误村', 'E4') */
export function diagnose(code: DiagnosticCode, params: Params = {}, sheet?: string, cell?: string): Diagnostic {
  const entry: CatalogEntry = CATALOG[code];
  const d: Diagnostic = { severity: entry.severity, code, message: entry.text(params) };
  if (sheet !== undefined) d.sheet = sheet;
  if (cell !== undefined) d.cell = cell;
  return d;
}

/** Every code in the catalog with its severity, for the README and the tests. */
export function catalogCodes(): { code: DiagnosticCode; severity: Severity }[] {
  return (Object.keys(CATALOG) as DiagnosticCode[]).map((code) => ({ code, severity: CATALOG[code].severity }));
}

export function hasErrors(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
