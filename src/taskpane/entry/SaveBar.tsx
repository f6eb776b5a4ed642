/**
 * The bar that stays at the bottom of 现场评分: save (Ctrl+Enter), give up the changes (asked
 * first), and the state of the form. Its height does not change while typing (one status line).
 */
import * as React from 'react';
import { Button, Link, Text } from '@fluentui/react-components';
import { ActionStatus } from '../ActionStatus';
import { ConfirmDialog } from '../ConfirmDialog';
import { useEntryStyles } from './styles';

export interface SaveBarProps {
  label: string;
  busy: boolean;
  changes: number;
  /** The cells of the invalid entries (E4 …), in the form's order. */
  problems: readonly string[];
  missing: number;
  /** Takes the focus to the first invalid entry. */
  onShowProblem: () => void;
  onSave: () => void;
  onDiscard: () => void;
  barRef: React.Ref<HTMLDivElement>;
}

export function SaveBar(props: SaveBarProps): React.JSX.Element {
  const styles = useEntryStyles();
  const [asking, setAsking] = React.useState(false);
  const canSave = !props.busy && props.problems.length === 0 && props.changes > 0;
  const saveButton = React.useRef<HTMLButtonElement>(null);
  const state =
    props.problems.length > 0 ? (
      <Text role="alert" className={styles.error}>
        有 {props.problems.length} 处得分无效（
        <Link as="button" inline onClick={props.onShowProblem}>
          {props.problems[0]}
          {props.problems.length > 1 ? ' 等' : ''}
        </Link>
        ），改正后才能保存
      </Text>
    ) : props.changes > 0 ? (
      <Text>
        有 {props.changes} 处修改未保存{props.missing > 0 ? <span className={styles.warning}>，{props.missing} 处扣分未填原因（仍可保存）</span> : null}
      </Text>
    ) : (
      <Text className={styles.muted}>没有未保存的修改</Text>
    );
  return (
    <div ref={props.barRef} className={styles.actions} data-kaohe-savebar="">
      <ActionStatus at="save" returnFocus={() => saveButton.current} />
      <div className={styles.row}>
        <Button ref={saveButton} appearance="primary" size="large" onClick={props.onSave} disabledFocusable={!canSave} aria-keyshortcuts="Control+Enter" data-kaohe-step="save">
          保存 {props.label} 的得分
        </Button>
        {props.changes > 0 && (
          <Button size="large" onClick={() => setAsking(true)} disabledFocusable={props.busy}>
            放弃修改
          </Button>
        )}
      </div>
      {state}
      <ConfirmDialog
        open={asking}
        title={`放弃 ${props.label} 的 ${props.changes} 处修改？`}
        confirm="放弃修改"
        onConfirm={() => {
          setAsking(false);
          props.onDiscard();
          saveButton.current?.focus();
        }}
        onCancel={() => setAsking(false)}
      >
        这些修改还没有保存到工作簿，放弃后无法恢复。
      </ConfirmDialog>
    </div>
  );
}
