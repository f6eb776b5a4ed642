/**
 * The unit being scored: a combobox that filters as one types (张庄, or the pinyin initials zzc,
 * find 张庄村; 300 units stay usable), by mouse or keyboard. Choosing a unit puts the cursor in its first score field.
 */
import * as React from 'react';
import { Combobox, Field, Option } from '@fluentui/react-components';
import type { ScoreTable } from '../../sheet/readScoreTable';
import { tableKey, tableLabel } from '../units';
import { useEntryStyles } from './styles';
import { searchBy } from './textSearch';

export interface UnitPickerProps {
  tables: readonly ScoreTable[];
  current: ScoreTable | null;
  /** tableKeys with unsaved changes. */
  unsaved: ReadonlySet<string>;
  onUnit: (key: string) => void;
}

/** Units whose name (or sheet) answers what is typed: 张庄, 张村, zzc or zhangzhuang find 张庄村 (textSearch). */
export function matchUnits(tables: readonly ScoreTable[], query: string): ScoreTable[] {
  // The sheet is read too only where it is named otherwise: pinyin matching costs about 0.1 ms a name.
  return searchBy(tables, query, (t) => (t.sheet === t.unit ? [t.unit] : [t.unit, t.sheet]));
}

export function UnitPicker(props: UnitPickerProps): React.JSX.Element {
  const styles = useEntryStyles();
  const label = props.current ? tableLabel(props.current, props.tables) : '';
  const [query, setQuery] = React.useState(label);
  React.useEffect(() => setQuery(label), [label]);
  // The list filters by what is typed; while the field shows the chosen unit, it lists them all.
  const shown = query !== label ? matchUnits(props.tables, query) : props.tables;
  return (
    <Field label="被考核单位" hint={props.current ? undefined : `共 ${props.tables.length} 个单位：输入单位名称中的字或拼音首字母（如 zzc）筛选，↓ 展开列表，Enter 选定。也可以在“评分表”的单位列表中点击“评分”。`}>
      <Combobox
        className={styles.full}
        size="large"
        placeholder="输入单位名称或拼音首字母筛选"
        value={query}
        selectedOptions={props.current ? [tableKey(props.current)] : []}
        onChange={(e) => setQuery(e.target.value)}
        onOpenChange={(_e, d) => {
          if (!d.open) setQuery(label);
        }}
        onOptionSelect={(_e, d) => {
          if (d.optionValue) {
            setQuery(d.optionText ?? '');
            props.onUnit(d.optionValue);
          }
        }}
      >
        {shown.map((t) => (
          <Option key={tableKey(t)} value={tableKey(t)} text={tableLabel(t, props.tables)}>
            {tableLabel(t, props.tables)}
            {props.unsaved.has(tableKey(t)) ? '（未保存）' : ''}
          </Option>
        ))}
        {shown.length === 0 && (
          <Option key="none" value="" text={query} disabled>
            没有名称含“{query}”的单位
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
