/**
 * 通报设置: the township and the assessment date the printed sheets carry; what the notice says and
 * how it is headed and closed (GB/T 9704-2012: 主送机关, 发文字号, 发文机关署名, 成文日期, 抄送,
 * 印发机关), and how many units it commends and criticises. Saved in the workbook's settings sheet
 * with the next 计算排名.
 */
import * as React from 'react';
import { Checkbox, Field, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import type { OutputSettings } from '../../app/settings';
import { CountField, DateField, TextField } from './fields';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
});

export function NoticeSettings(props: {
  output: OutputSettings;
  onChange: (o: OutputSettings) => void;
  track: (id: string) => (ok: boolean) => void;
  /** The workbook has a 信访事项办理台账, whose rates the notice can state. */
  register: boolean;
}): React.JSX.Element {
  const styles = useStyles();
  const { output: o, onChange, track } = props;
  return (
    <div className={styles.root}>
      <TextField label="乡镇名称" hint="如 城关镇、石桥乡、城关街道；留空则取评分表标题中的乡镇名" value={o.township ?? ''} onChange={(t) => onChange({ ...o, township: t === '' ? null : t })} />
      <DateField label="考核日期" hint="签字评分表上的日期；留空则用各单位评分表上写的日期" value={o.assessmentDate} onChange={(assessmentDate) => onChange({ ...o, assessmentDate })} onValid={track('assessmentDate')} />
      <TextField label="通报标题" hint="留空则按考核年度生成" value={o.title ?? ''} onChange={(t) => onChange({ ...o, title: t === '' ? null : t })} />
      <TextField label="发文字号" hint="如 ×信发〔2024〕5号；留空则不印" value={o.documentNumber} onChange={(documentNumber) => onChange({ ...o, documentNumber })} />
      <TextField label="主送机关" value={o.recipients} onChange={(recipients) => onChange({ ...o, recipients })} />
      <TextField label="发文机关" required value={o.authority} onChange={(authority) => onChange({ ...o, authority })} onValid={track('authority')} />
      <DateField label="成文日期" hint="如 2024-12-20；留空则用评分表上的考核日期" value={o.date} onChange={(date) => onChange({ ...o, date })} onValid={track('date')} />
      <Field label="日期写法">
        <RadioGroup value={o.dateStyle} onChange={(_e, d) => onChange({ ...o, dateStyle: d.value as OutputSettings['dateStyle'] })}>
          <Radio value="arabic" label="2024年12月20日（GB/T 9704-2012）" />
          <Radio value="chinese" label="二〇二四年十二月二十日" />
        </RadioGroup>
      </Field>
      <CountField label="通报表扬前几名" value={o.commended} onChange={(commended) => onChange({ ...o, commended })} onValid={track('commended')} />
      <CountField label="通报批评后几名" value={o.criticised} onChange={(criticised) => onChange({ ...o, criticised })} onValid={track('criticised')} />
      {props.register && (
        <Checkbox checked={o.caseRates} onChange={(_e, d) => onChange({ ...o, caseRates: d.checked === true })} label="通报中写明信访事项按期办结率和结案率" />
      )}
      <TextField label="抄送" hint="版记；留空则不印" value={o.copyTo} onChange={(copyTo) => onChange({ ...o, copyTo })} />
      <TextField label="印发机关" hint="版记；留空则不印" value={o.printedBy} onChange={(printedBy) => onChange({ ...o, printedBy })} />
      <DateField label="印发日期" hint="版记（有印发机关时）；留空则同成文日期" value={o.printDate} onChange={(printDate) => onChange({ ...o, printDate })} onValid={track('printDate')} />
    </div>
  );
}
