/**
 * One 考核内容 of the form: each item's rules, its records, its score field (with the value the
 * records give and a warning when the typed one differs), its reason when points were lost, and
 * its 记录扣分 form.
 */
import * as React from 'react';
import { Caption1, Card, Field, Text } from '@fluentui/react-components';
import { checkItem } from '../../app/onSite';
import { toNumber } from '../../engine/decimal';
import type { Deduction } from '../../engine/deductions';
import type { Category } from '../../engine/model';
import { parseValue } from '../../sheet/entry';
import { ActionStatus } from '../ActionStatus';
import type { FormApi } from './formApi';
import { ReasonInput } from './ReasonInput';
import { useRecordableRules } from './RecordForm';
import { RecordToggle } from './RecordToggle';
import { ScoreInput } from './ScoreInput';
import { useEntryStyles } from './styles';

export function CategoryCard({ api, category, ci }: { api: FormApi; category: Category; ci: number }): React.JSX.Element {
  const styles = useEntryStyles();
  return (
    <Card className={styles.card}>
      <Text weight="semibold" as="h3">
        {category.title}
      </Text>
      {category.items.map((item, ii) => (
        <ItemRow key={`${ci}.${ii}`} api={api} ci={ci} ii={ii} label={item.label} rules={item.rules} points={item.points} />
      ))}
    </Card>
  );
}

function ItemRow({ api, ci, ii, label, rules, points }: { api: FormApi; ci: number; ii: number; label: string; rules: string[]; points: Category['items'][number]['points'] }) {
  const styles = useEntryStyles();
  const { table, input } = api;
  const k = `${ci}.${ii}`;
  const itemKey = `c${ci}.i${ii}`;
  const entry = table.entries.items[ci][ii];
  const typed = input.items[ci][ii];
  const check = checkItem(typed, { label, points, rules });
  const lost = check.ok && check.value !== null && check.value.lt(points);
  const reason = input.reasons[ci][ii];
  const fromRecords = api.fromRecords.get(entry.cell);
  const parsed = parseValue(typed);
  const differs = fromRecords && parsed.kind === 'number' && !parsed.value.eq(fromRecords);
  const recordable = useRecordableRules(api.loaded, itemKey).length > 0;
  const lines = api.scored?.deductions.filter((d) => d.itemKey === itemKey) ?? [];
  const changed = typed !== api.base.items[ci][ii];
  const scoreState = api.problems.has(k) ? 'error' : differs ? 'warning' : 'none';
  const scoreMessage =
    api.problems.get(k) ?? (differs ? `按扣分记录应为 ${toNumber(fromRecords)} 分。保存 ${typed} 后会提示“得分与扣分记录不符”，排名仍按 ${toNumber(fromRecords)} 分计。` : undefined);

  return (
    <div className={styles.item} data-kaohe-item-row={k}>
      <Text>{label}</Text>
      {rules.length > 0 && <Caption1 className={styles.muted}>{rules.join('\n')}</Caption1>}
      {fromRecords && <Caption1>按扣分记录（信访台账、扣分明细）计算为 {toNumber(fromRecords)} 分{entry.status === 'blank' ? '，得分单元格空着时按此计' : ''}。</Caption1>}
      <Records lines={lines} />
      <Field label={`得分（满分 ${toNumber(points)}，${entry.cell}）`} validationState={scoreState} validationMessage={scoreMessage}>
        <ScoreInput
          className={styles.score}
          cell={entry.cell}
          item={k}
          value={typed}
          max={points}
          ariaLabel={`${label} 得分，满分 ${toNumber(points)}，单元格 ${entry.cell}`}
          onValue={(v) => api.edit((n) => void (n.items[ci][ii] = v))}
        />
      </Field>
      {(lost || reason !== '') && api.recording !== itemKey && (
        <Field
          label="扣分原因"
          hint={api.reasonHint(table.itemRows[ci][ii], entry.cell)}
          validationState={api.missing.has(k) ? 'warning' : 'none'}
          validationMessage={api.missing.has(k) ? '请填写扣分原因' : undefined}
        >
          <ReasonInput
            className={styles.full}
            value={reason}
            item={k}
            lost={lost}
            suggestions={api.suggestions(k)}
            ariaLabel={`${label} 扣分原因`}
            onValue={(v) => api.edit((n) => void (n.reasons[ci][ii] = v))}
          />
        </Field>
      )}
      {recordable ? (
        <RecordToggle
          api={api}
          itemKey={itemKey}
          label={label}
          bonus={false}
          recordId={k}
          existing={lines}
          reason={reason}
          unsavedScore={changed ? typed : null}
          onAdding={() => changed && api.edit((n) => void (n.items[ci][ii] = api.base.items[ci][ii]))}
          cell={entry.cell}
        />
      ) : (
        <ActionStatus at={`record:${itemKey}`} returnFocus={() => document.querySelector<HTMLElement>(`[data-kaohe-cell="${entry.cell}"]`)} />
      )}
    </div>
  );
}

/** The records already counted against an item: rule, count, points and reason, with where each is. */
export function Records({ lines }: { lines: Deduction[] }): React.JSX.Element | null {
  const styles = useEntryStyles();
  if (lines.length === 0) return null;
  return (
    <ul className={styles.records} aria-label="已有扣分记录">
      {lines.map((d, k) => (
        <li key={k}>
          <Caption1 className={styles.muted}>
            {d.rule}
            {d.count > 1 ? ` ×${d.count}` : ''}：{d.points.gt(0) ? '+' : ''}
            {d.points.toFixed()} 分{d.reason ? `（${d.reason}）` : ''}，见{d.source === 'ledger' ? '信访台账' : d.source === 'register' ? '办理台账' : '扣分明细'} {d.cell}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}
