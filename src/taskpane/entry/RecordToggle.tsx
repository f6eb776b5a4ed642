/**
 * An item's 记录扣分 (or a bonus line's 记录加分): the link that opens the record form, or the form
 * itself while it is open, and where its result shows. Shared by the items and the 加减分 lines.
 */
import * as React from 'react';
import { Button } from '@fluentui/react-components';
import type { Deduction } from '../../engine/deductions';
import { ActionStatus } from '../ActionStatus';
import { RECORD_SHORTCUT, type FormApi } from './formApi';
import { RecordForm } from './RecordForm';
import { useEntryStyles } from './styles';

export interface RecordToggleProps {
  api: FormApi;
  itemKey: string;
  /** The item's label, as the form and the link's name say it. */
  label: string;
  bonus: boolean;
  /** The value data-kaohe-record carries (the keyboard shortcut finds the link by it). */
  recordId: string;
  existing: Deduction[];
  /** The item's reason as it stands, which the record's reason starts from. */
  reason: string;
  /** A score typed and not saved, which a record would replace; null when there is none. */
  unsavedScore: string | null;
  /** Gives the unsaved score up, just before the record is written. */
  onAdding: () => void;
  /** The score cell, which gets the focus back when the result is dismissed. */
  cell: string;
}

export function RecordToggle(props: RecordToggleProps): React.JSX.Element {
  const styles = useEntryStyles();
  const { api, itemKey } = props;
  const word = props.bonus ? '加分' : '扣分';
  return (
    <>
      {api.recording === itemKey ? (
        <RecordForm
          loaded={api.loaded}
          busy={api.busy}
          today={api.today}
          write={api.write}
          unit={api.table.unit}
          itemKey={itemKey}
          label={props.label}
          bonus={props.bonus}
          who={api.who}
          onWho={api.onWho}
          existing={props.existing}
          reason={props.reason}
          unsavedScore={props.unsavedScore}
          onAdding={props.onAdding}
          onClose={(added) => api.setRecording(null, added)}
        />
      ) : (
        <Button
          className={styles.link}
          appearance="transparent"
          size="small"
          tabIndex={-1}
          data-kaohe-record={props.recordId}
          aria-keyshortcuts={RECORD_SHORTCUT}
          aria-label={`${props.label} 记录${word}（${RECORD_SHORTCUT}）`}
          onClick={() => api.setRecording(itemKey)}
        >
          记录{word}…（{RECORD_SHORTCUT}）
        </Button>
      )}
      <ActionStatus at={`record:${itemKey}`} returnFocus={() => document.querySelector<HTMLElement>(`[data-kaohe-cell="${props.cell}"]`)} />
    </>
  );
}
