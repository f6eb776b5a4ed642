/** The 加减分 lines: a signed number each, its reason (扣分原因 or 加分依据), its records and 记录加分/记录扣分. */
import * as React from 'react';
import { Card, Field, Input, Text } from '@fluentui/react-components';
import { checkAdjustment } from '../../app/onSite';
import { toNumber } from '../../engine/decimal';
import { parseA1 } from '../../sheet/grid';
import { ActionStatus } from '../ActionStatus';
import { Records } from './CategoryCard';
import type { FormApi } from './formApi';
import { ReasonInput } from './ReasonInput';
import { useRecordableRules } from './RecordForm';
import { RecordToggle } from './RecordToggle';
import { useEntryStyles } from './styles';

export function AdjustmentsCard({ api }: { api: FormApi }): React.JSX.Element | null {
  const styles = useEntryStyles();
  if (api.table.scheme.adjustments.length === 0) return null;
  return (
    <Card className={styles.card}>
      <Text weight="semibold" as="h3">
        加减分
      </Text>
      {api.table.scheme.adjustments.map((_rule, k) => (
        <AdjustmentRow key={k} api={api} k={k} />
      ))}
    </Card>
  );
}

function AdjustmentRow({ api, k }: { api: FormApi; k: number }) {
  const styles = useEntryStyles();
  const rule = api.table.scheme.adjustments[k];
  const entry = api.table.entries.adjustments[k];
  const itemKey = `a${k}`;
  const typed = api.input.adjustments[k];
  const check = checkAdjustment(typed, rule);
  const given = check.ok && check.value !== null && !check.value.eq(0);
  const deducted = check.ok && check.value !== null && check.value.lt(0);
  const reason = api.input.adjustmentReasons[k];
  const bonus = rule.kind === 'bonus';
  const recordable = useRecordableRules(api.loaded, itemKey).length > 0;
  const lines = api.scored?.deductions.filter((d) => d.itemKey === itemKey) ?? [];
  const fromRecords = api.fromRecords.get(entry.cell);
  const reasonLabel = deducted || rule.kind === 'deduction' ? '扣分原因' : '加分依据';
  return (
    <div className={styles.item}>
      <Field
        label={`${rule.label}（${entry.cell}）`}
        hint={[rule.rule, bonus ? '加分项，填正数' : rule.kind === 'deduction' ? '扣分项，填负数（如 -1）' : '加分填正数，扣分填负数', fromRecords ? `按记录计算为 ${toNumber(fromRecords)} 分` : '']
          .filter(Boolean)
          .join('；')}
        validationState={api.problems.has(`a.${k}`) ? 'error' : 'none'}
        validationMessage={api.problems.get(`a.${k}`)}
      >
        <Input
          className={styles.score}
          size="large"
          value={typed}
          inputMode="decimal"
          autoComplete="off"
          data-kaohe-cell={entry.cell}
          data-kaohe-step="score"
          data-kaohe-item={`a.${k}`}
          aria-label={`${rule.label} 加减分，单元格 ${entry.cell}`}
          onFocus={(e) => e.target.select()}
          onChange={(_e, d) => api.edit((n) => void (n.adjustments[k] = d.value))}
        />
      </Field>
      {(given || reason !== '') && api.recording !== itemKey && (
        <Field
          label={reasonLabel}
          hint={api.reasonHint(parseA1(entry.cell).row, entry.cell)}
          validationState={api.missing.has(`a.${k}`) ? 'warning' : 'none'}
          validationMessage={api.missing.has(`a.${k}`) ? '请填写扣分原因' : undefined}
        >
          <ReasonInput
            className={styles.full}
            value={reason}
            item={`a.${k}`}
            lost={deducted}
            suggestions={api.suggestions(`a.${k}`)}
            ariaLabel={`${rule.label} ${reasonLabel}`}
            onValue={(v) => api.edit((n) => void (n.adjustmentReasons[k] = v))}
          />
        </Field>
      )}
      <Records lines={lines} />
      {recordable ? (
        <RecordToggle
          api={api}
          itemKey={itemKey}
          label={rule.label}
          bonus={bonus}
          recordId={`a.${k}`}
          existing={lines}
          reason={reason}
          unsavedScore={typed !== api.base.adjustments[k] ? typed : null}
          onAdding={() => typed !== api.base.adjustments[k] && api.edit((n) => void (n.adjustments[k] = api.base.adjustments[k]))}
          cell={entry.cell}
        />
      ) : (
        <ActionStatus at={`record:${itemKey}`} returnFocus={() => document.querySelector<HTMLElement>(`[data-kaohe-cell="${entry.cell}"]`)} />
      )}
    </div>
  );
}
