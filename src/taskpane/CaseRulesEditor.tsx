/**
 * 办理期限设置: the deadline rules of the case register (rows of the settings sheet 考核助手设置)
 * edited in the pane — days and 自然日/工作日 per rule, the extension limit, how many days ahead
 * count as 即将到期, and how days are counted (受理当日计入, 期满遇节假日顺延; 民法典 by default) —
 * and saved into the workbook, where `kaohe cases` reads them too.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Field,
  Input,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { settingsSheetPlan } from '../app/settings';
import { CIVIL_CODE_COUNTING, type CaseRules, type Counting, type DayCounting } from '../engine/cases/deadline';
import { ActionStatus } from './ActionStatus';
import type { Loaded, Write } from './usePane';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  rule: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  days: { width: '6em' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface CaseRulesEditorProps {
  loaded: Loaded;
  busy: boolean;
  write: Write;
}

/** Whole days from 1 to 365, or null for anything else. */
function days(text: string): number | null {
  return /^\d{1,3}$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 365 ? Number(text) : null;
}

export function CaseRulesEditor(props: CaseRulesEditorProps): React.JSX.Element {
  const styles = useStyles();
  const stored = props.loaded.settings.cases;
  const saveButton = React.useRef<HTMLButtonElement>(null);
  const [typed, setTyped] = React.useState<Record<string, string>>({});
  const [counting, setCounting] = React.useState<Record<string, Counting>>({});
  const [how, setHow] = React.useState<Partial<DayCounting>>({});
  const value = (key: string, fallback: number) => typed[key] ?? String(fallback);
  const wrong = (key: string, fallback: number) => days(value(key, fallback)) === null;

  const edited: CaseRules = {
    rules: stored.rules.map((r) => ({ ...r, days: days(value(r.name, r.days)) ?? r.days, counting: counting[r.name] ?? r.counting })),
    extensionLimit: days(value('延期上限', stored.extensionLimit)) ?? stored.extensionLimit,
    dueSoonDays: days(value('即将到期', stored.dueSoonDays)) ?? stored.dueSoonDays,
    counting: { ...stored.counting, ...how },
  };
  const invalid = stored.rules.some((r) => wrong(r.name, r.days)) || wrong('延期上限', stored.extensionLimit) || wrong('即将到期', stored.dueSoonDays);
  const save = () => {
    void props.write('正在保存办理期限…', { cells: [], sheets: [settingsSheetPlan({ ...props.loaded.settings, cases: edited }, props.loaded.grids)] }, '已保存办理期限设置（考核助手设置表）', undefined, 'caseRules');
    setTyped({});
    setCounting({});
    setHow({});
  };
  // The 民法典's choice first.
  const choice = (key: keyof DayCounting, label: string, yes: string, no: string, hint: string) => (
    <Field label={label} hint={hint}>
      <RadioGroup layout="horizontal" value={edited.counting[key] ? 'yes' : 'no'} onChange={(_e, d) => setHow({ ...how, [key]: d.value === 'yes' })}>
        {(CIVIL_CODE_COUNTING[key] ? ['yes', 'no'] : ['no', 'yes']).map((v) => (
          <Radio key={v} value={v} label={v === 'yes' ? yes : no} />
        ))}
      </RadioGroup>
    </Field>
  );
  const hint = '1 到 365 之间的整数';

  return (
    <Accordion collapsible>
      <AccordionItem value="rules">
        <AccordionHeader>办理期限设置（保存在工作簿中）</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <Caption1 className={styles.muted}>默认按民法典第二百零一条、第二百零三条计日：受理当日不计入；自然日的最后一天是节假日或周末的，顺延至其后第一个工作日。</Caption1>
          {choice('countAcceptanceDay', '受理当日', '计入（算第1日）', '不计入（自次日起算）', '民法典第二百零一条：开始的当日不计入')}
          {choice('moveOffRestDays', '期满遇节假日或周末', '顺延至其后第一个工作日', '不顺延', '民法典第二百零三条；只对按自然日计算的期限')}
          {stored.rules.map((r) => (
            <div key={r.name} className={styles.rule}>
              <Field label={`${r.name}（天数）`} hint={r.basis} validationMessage={wrong(r.name, r.days) ? hint : undefined}>
                <Input className={styles.days} inputMode="numeric" value={value(r.name, r.days)} onChange={(_e, d) => setTyped({ ...typed, [r.name]: d.value })} />
              </Field>
              <RadioGroup
                layout="horizontal"
                aria-label={`${r.name}的计日方式`}
                value={counting[r.name] ?? r.counting}
                onChange={(_e, d) => setCounting({ ...counting, [r.name]: d.value as Counting })}
              >
                <Radio value="natural" label="自然日" />
                <Radio value="working" label="工作日" />
              </RadioGroup>
            </div>
          ))}
          <Field label="延期上限（天）" hint="《信访工作条例》第三十四条：不得超过30日" validationMessage={wrong('延期上限', stored.extensionLimit) ? hint : undefined}>
            <Input className={styles.days} inputMode="numeric" value={value('延期上限', stored.extensionLimit)} onChange={(_e, d) => setTyped({ ...typed, 延期上限: d.value })} />
          </Field>
          <Field label="即将到期（天内）" validationMessage={wrong('即将到期', stored.dueSoonDays) ? hint : undefined}>
            <Input className={styles.days} inputMode="numeric" value={value('即将到期', stored.dueSoonDays)} onChange={(_e, d) => setTyped({ ...typed, 即将到期: d.value })} />
          </Field>
          <Button ref={saveButton} appearance="primary" onClick={save} disabled={props.busy || invalid}>
            保存办理期限设置
          </Button>
          <ActionStatus at="caseRules" returnFocus={() => saveButton.current} />
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
