/**
 * The conflicts of a merge, one card each: the cell, the master's value and each copy's, and a
 * choice of which to keep. Undecided conflicts are not written.
 */
import * as React from 'react';
import { Card, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MergeConflict } from '../../app/merge';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  radio: { minHeight: '40px' },
});

/** The value kept when nothing is chosen. */
export const UNDECIDED = '';

export function ConflictList(props: {
  conflicts: MergeConflict[];
  /** The master's name as the merge calls it, for the choice that keeps its value. */
  master: string;
  onChoose: (id: string, file: string) => void;
  disabled: boolean;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.list}>
      {props.conflicts.map((c) => (
        <Card key={c.id} aria-label={`冲突 ${c.unit} ${c.cell}`}>
          <Text weight="semibold">
            {c.unit} {c.sheet}!{c.cell}
          </Text>
          <Text className={styles.muted}>{c.field}</Text>
          <RadioGroup
            aria-label={`${c.unit} ${c.cell} 采用哪个值`}
            value={c.resolvedBy ?? UNDECIDED}
            onChange={(_e, d) => props.onChoose(c.id, d.value)}
            disabled={props.disabled}
          >
            <Radio className={styles.radio} value={UNDECIDED} label="暂不决定（不写入）" />
            {c.master !== '' && <Radio className={styles.radio} value={props.master} label={`保留${props.master}的 ${c.master}`} />}
            {c.offers.map((o) => (
              <Radio key={o.file} className={styles.radio} value={o.file} label={`采用 ${o.file} 的 ${o.value}`} />
            ))}
          </RadioGroup>
        </Card>
      ))}
    </div>
  );
}
