/**
 * 现场评分: pick a unit (a combobox that filters as one types), then score it item by item in
 * its form (entry/UnitForm): a number field bounded by the item's points, a reason for a
 * deduction, the 加减分 entries, 记录扣分 and the veto switch. What is typed stays (in the pane's
 * drafts) until it is saved or given up.
 */
import * as React from 'react';
import { Text } from '@fluentui/react-components';
import type { OnSiteDraft } from '../app/onSite';
import { UnitForm } from './entry/UnitForm';
import { UnitPicker } from './entry/UnitPicker';
import { useEntryStyles } from './entry/styles';
import { mergeUsed, usedReasons } from './entry/reasons';
import { formStart, tableKey } from './units';
import type { Loaded, Write } from './usePane';

export interface EntryTabProps {
  loaded: Loaded;
  busy: boolean;
  /** tableKey of the unit being scored. */
  unitKey: string | null;
  /** Opens a unit; `cell` puts the cursor in that entry cell. */
  onUnit: (key: string, cell?: string) => void;
  /** Unsaved forms by tableKey. */
  drafts: ReadonlyMap<string, OnSiteDraft>;
  onDraft: (key: string, draft: OnSiteDraft | null) => void;
  /** An entry cell to put the cursor in (from a diagnostic), once. */
  focusCell: string | null;
  onFocused: () => void;
  today: string;
  write: Write;
}

export function EntryTab(props: EntryTabProps): React.JSX.Element {
  const styles = useEntryStyles();
  const tables = props.loaded.result.assessment.tables;
  const table = tables.find((t) => tableKey(t) === props.unitKey) ?? null;
  // Who records (记录人) stays the same from unit to unit.
  const [who, setWho] = React.useState('');
  const unsaved = React.useMemo(() => new Set(props.drafts.keys()), [props.drafts]);
  // The reasons the picker offers: those the workbook holds (read once per reading) and those typed for other units.
  const { loaded, drafts, unitKey } = props;
  const written = React.useMemo(
    () => usedReasons(loaded.result.assessment.tables.map((t) => formStart(loaded, t)), loaded.result.units.flatMap((u) => u.deductions)),
    [loaded],
  );
  const used = React.useMemo(
    () => mergeUsed(written, usedReasons([...drafts].filter(([key]) => key !== unitKey).map(([, d]) => d.input), [])),
    [written, drafts, unitKey],
  );

  if (tables.length === 0) {
    return <Text>没有找到评分表，无法现场评分。请先在“评分表”中查看各工作表为何未被识别。</Text>;
  }
  return (
    <div className={styles.root}>
      <UnitPicker
        tables={tables}
        current={table}
        unsaved={unsaved}
        onUnit={(key) => {
          const chosen = tables.find((t) => tableKey(t) === key);
          props.onUnit(key, chosen?.entries.items.flat()[0]?.cell);
        }}
      />
      {table && (
        <UnitForm
          key={tableKey(table)}
          table={table}
          loaded={props.loaded}
          busy={props.busy}
          drafts={props.drafts}
          onDraft={props.onDraft}
          focusCell={props.focusCell}
          onFocused={props.onFocused}
          today={props.today}
          write={props.write}
          who={who}
          onWho={setWho}
          used={used}
        />
      )}
    </div>
  );
}
