/** What a card of the 现场评分 form gets from the form: the unit, what is typed, and how to change it. */
import type { ComputedValues, OnSiteInput } from '../../app/onSite';
import type { UnitResult } from '../../app/scoreAssessment';
import type { ScoreTable } from '../../sheet/readScoreTable';
import type { Loaded, Write } from '../usePane';

export interface FormApi {
  table: ScoreTable;
  loaded: Loaded;
  busy: boolean;
  today: string;
  write: Write;
  input: OnSiteInput;
  /** What the workbook holds (the draft's base). */
  base: OnSiteInput;
  problems: Map<string, string>;
  missing: Set<string>;
  scored: UnitResult | undefined;
  /** Entry cell → the value the deduction records give (every record-computed entry). */
  fromRecords: ComputedValues;
  edit: (change: (next: OnSiteInput) => void) => void;
  /** The reason picker's suggestions for an item ('0.3', 'a.2'): its rules, then reasons used in the workbook. */
  suggestions: (item: string) => string[];
  /** Where a reason goes, said under its field. */
  reasonHint: (row: number, cell: string) => string;
  /** The item whose 记录扣分 form is open ('c0.i3', 'a2'), and opening/closing it. */
  recording: string | null;
  setRecording: (itemKey: string | null, added?: boolean) => void;
  who: string;
  onWho: (who: string) => void;
}

/** 记录扣分's keyboard shortcut, said where it helps. */
export const RECORD_SHORTCUT = 'Alt+J';
