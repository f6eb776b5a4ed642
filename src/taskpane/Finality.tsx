/**
 * Whether the results can be issued, as the command line says it after a score run: the problems
 * that keep them a draft, deductions without a reason (the signed sheet prints 「未填写扣分原因」),
 * and a notice generated from other scores (「通报已过期，请重新生成」). Shown in 评分表 and above
 * 计算排名's button, where the clerk decides to print.
 */
import * as React from 'react';
import { Caption1, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { blockerLines, draftState, staleNotice } from '../app/draft';
import { itemsWithoutReason } from '../sheet/outputs/signed';
import type { Loaded } from './usePane';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

/** At most this many lines of a list; the rest are counted. */
const SHOWN = 5;

export function finality(loaded: Loaded) {
  const { result, grids, settings } = loaded;
  const draft = draftState(result);
  const byName = new Map(grids.map((g) => [g.name, g]));
  const missing = result.units.map((u) => ({ unit: u.table.unit, cells: itemsWithoutReason(u, byName.get(u.table.sheet)) })).filter((m) => m.cells.length > 0);
  const stale = staleNotice(result, settings, grids.map((g) => g.name));
  return { draft, missing, stale };
}

export function Finality({ loaded, draftList = true }: { loaded: Loaded; draftList?: boolean }): React.JSX.Element | null {
  const styles = useStyles();
  const { draft, missing, stale } = React.useMemo(() => finality(loaded), [loaded]);
  if (draft.final && missing.length === 0 && !stale) return null;
  const lines = blockerLines(draft);
  return (
    <div className={styles.root}>
      {stale && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{stale}。在“计算排名”中重新写入。</MessageBarBody>
        </MessageBar>
      )}
      {draftList && !draft.final && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>结果尚不能作为正式结果（{lines.length} 个问题）</MessageBarTitle>
            <ul className={styles.list}>
              {lines.slice(0, SHOWN).map((l) => (
                <li key={l}>{l}</li>
              ))}
              {lines.length > SHOWN && <li>另有 {lines.length - SHOWN} 个，见下方检查结果</li>}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {missing.length > 0 && (
        <Caption1 role="note">
          {missing.length} 个单位有扣分没有填写扣分原因（签字评分表上写“未填写扣分原因”）：
          {missing
            .slice(0, SHOWN)
            .map((m) => `${m.unit} ${m.cells.slice(0, 4).join('、')}${m.cells.length > 4 ? ` 等 ${m.cells.length} 项` : ''}`)
            .join('；')}
          {missing.length > SHOWN ? ` 等 ${missing.length} 个单位` : ''}。可在“现场评分”中补填。
        </Caption1>
      )}
    </div>
  );
}
