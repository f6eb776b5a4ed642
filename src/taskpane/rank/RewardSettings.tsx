/**
 * 责任金与奖励 (seed 003's 考核奖惩), edited in the pane: each role's deposit, what each band gets
 * back, the unit awards, the personal awards and the 零上访 awards. Saved in the workbook's settings
 * sheet with the next 计算排名, read the same way by the command line.
 */
import * as React from 'react';
import { Button, Caption1, Field, Radio, RadioGroup, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { depositOf, returnWording, type RewardSettings } from '../../engine/rewards';
import { AmountsField, CountField, MoneyField, NamesField, ScoreField, TextField } from './fields';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  role: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, alignItems: 'end', minWidth: 0 },
  roleName: { flexGrow: 1, flexBasis: '10em', minWidth: 0 },
});

export function RewardSettingsEditor(props: { rewards: RewardSettings; onChange: (r: RewardSettings) => void; track: (id: string) => (ok: boolean) => void }): React.JSX.Element {
  const styles = useStyles();
  const { rewards: r, onChange, track } = props;
  // Rows keep their own key, so removing one does not shift what is typed in the others.
  const [keys, setKeys] = React.useState(() => r.deposits.map((_d, i) => i));
  const [nextKey, setNextKey] = React.useState(r.deposits.length);
  const setDeposit = (i: number, d: Partial<RewardSettings['deposits'][number]>) =>
    onChange({ ...r, deposits: r.deposits.map((x, k) => (k === i ? { ...x, ...d } : x)) });

  return (
    <div className={styles.root}>
      <Subtitle2 as="h3">责任金（每个单位）</Subtitle2>
      {r.deposits.map((d, i) => (
        <div key={keys[i]} className={styles.role} role="group" aria-label={`责任金第 ${i + 1} 行`}>
          <div className={styles.roleName}>
            <TextField label="岗位" required value={d.role} onChange={(role) => setDeposit(i, { role })} onValid={track(`deposit-role-${keys[i]}`)} />
          </div>
          <MoneyField label="金额（元）" value={d.amount} onChange={(amount) => setDeposit(i, { amount })} onValid={track(`deposit-amount-${keys[i]}`)} />
          <CountField label="人数" value={d.people} onChange={(people) => setDeposit(i, { people })} onValid={track(`deposit-people-${keys[i]}`)} />
          <Button
            aria-label={`删除岗位“${d.role}”`}
            onClick={() => {
              // A removed row's fields are no longer wrong.
              for (const f of ['role', 'amount', 'people']) track(`deposit-${f}-${keys[i]}`)(true);
              setKeys(keys.filter((_k, k) => k !== i));
              onChange({ ...r, deposits: r.deposits.filter((_x, k) => k !== i) });
            }}
          >
            删除
          </Button>
        </div>
      ))}
      <Button
        onClick={() => {
          setKeys([...keys, nextKey]);
          setNextKey(nextKey + 1);
          onChange({ ...r, deposits: [...r.deposits, { role: '', amount: 1000, people: 1 }] });
        }}
      >
        添加岗位
      </Button>
      <Caption1>每个单位共缴纳 {depositOf(r).toFixed()} 元。</Caption1>

      <Subtitle2 as="h3">按等次兑现</Subtitle2>
      {r.returns.map((x, i) => (
        <Field key={x.band} label={x.band}>
          <RadioGroup
            layout="horizontal"
            value={String(x.times)}
            onChange={(_e, d) => onChange({ ...r, returns: r.returns.map((y, k) => (k === i ? { ...y, times: Number(d.value), wording: returnWording(Number(d.value)) } : y)) })}
          >
            <Radio value="2" label="双倍返还" />
            <Radio value="1" label="返还本金" />
            <Radio value="0" label="扣除" />
          </RadioGroup>
        </Field>
      ))}

      <Subtitle2 as="h3">奖补资金</Subtitle2>
      <ScoreField label="获奖最低总分" hint="前几名中总分达到此分的单位获奖" value={r.awards.minTotal} onChange={(minTotal) => onChange({ ...r, awards: { ...r.awards, minTotal } })} onValid={track('award-min')} />
      <AmountsField label="第一、二、三名奖励（元）" value={r.awards.amounts} onChange={(amounts) => onChange({ ...r, awards: { ...r.awards, amounts } })} onValid={track('award-amounts')} />
      <NamesField label="个人奖励的岗位" hint="获奖单位的这些人员各得个人奖励" value={r.personal.roles} onChange={(roles) => onChange({ ...r, personal: { ...r.personal, roles } })} onValid={track('personal-roles')} />
      <AmountsField label="个人奖励：第一、二、三名（元/人）" value={r.personal.amounts} onChange={(amounts) => onChange({ ...r, personal: { ...r.personal, amounts } })} onValid={track('personal-amounts')} />

      <Subtitle2 as="h3">全年“零上访”奖励</Subtitle2>
      <MoneyField label="零上访单位奖励（元）" value={r.zeroPetition.unit} onChange={(unit) => onChange({ ...r, zeroPetition: { ...r.zeroPetition, unit } })} onValid={track('zero-unit')} />
      <NamesField label="零上访个人奖励的岗位" value={r.zeroPetition.roles} onChange={(roles) => onChange({ ...r, zeroPetition: { ...r.zeroPetition, roles } })} onValid={track('zero-roles')} />
      <MoneyField label="零上访个人奖励（元/人）" value={r.zeroPetition.person} onChange={(person) => onChange({ ...r, zeroPetition: { ...r.zeroPetition, person } })} onValid={track('zero-person')} />
    </div>
  );
}
