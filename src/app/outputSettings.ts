/**
 * What the printed outputs say — the notice's title, issuer, date, how many units it names, its
 * 版记, and whether it states the case register's rates — and the defaults. Kept as rows of the
 * settings sheet 考核助手设置 (settings.ts reads and writes them).
 */

export interface OutputSettings {
  /** 通报标题; null: made from the assessment's year and title. */
  title: string | null;
  /** 乡镇名称 as the outputs print it (xx镇, xx乡, xx街道); null: from the score table's title. */
  township: string | null;
  /** 考核日期 on the signed sheets as YYYY-MM-DD; null: the date written on each unit's table, else blank to fill in. */
  assessmentDate: string | null;
  /** 发文机关 */
  authority: string;
  /** 成文日期 as YYYY-MM-DD; null: the assessment date written on the table, else blank to fill in (never the day of the run). */
  date: string | null;
  /** Arabic numerals (GB/T 9704-2012) or the older 二〇二四年十二月二十日. */
  dateStyle: 'arabic' | 'chinese';
  /** 表扬: the top N units. */
  commended: number;
  /** 通报批评: the bottom N units. */
  criticised: number;
  /** 主送机关 */
  recipients: string;
  /** 发文字号, 抄送 and 印发机关 ('' leaves them out). */
  documentNumber: string;
  copyTo: string;
  printedBy: string;
  /** 版记的印发日期 as YYYY-MM-DD; null: the 成文日期. */
  printDate: string | null;
  /** 通报写办结率: with a case register, the notice states 按期办结率 and 结案率 (default yes). */
  caseRates: boolean;
}

export const DEFAULT_OUTPUT: OutputSettings = {
  title: null,
  township: null,
  assessmentDate: null,
  authority: 'xx镇综治及信访工作领导小组',
  date: null,
  dateStyle: 'arabic',
  commended: 3,
  criticised: 2,
  recipients: '各村（居）、镇直各单位',
  documentNumber: '',
  copyTo: '',
  printedBy: '',
  printDate: null,
  caseRates: true,
};
