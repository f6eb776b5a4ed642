/**
 * Asking before something that cannot be undone (放弃修改, replacing a workbook with work not
 * downloaded, writing outputs while errors are open). A modal dialog: focus moves into it, Esc
 * cancels, and focus goes back to what had it.
 */
import * as React from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';

export interface ConfirmProps {
  open: boolean;
  title: string;
  children: React.ReactNode;
  /** The button that goes ahead, e.g. 放弃修改. */
  confirm: string;
  /** A third choice before going ahead (e.g. 先下载), when there is one. */
  other?: { label: string; run: () => void };
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog(props: ConfirmProps): React.JSX.Element {
  useFocusBack(props.open);
  return (
    <Dialog open={props.open} modalType="alert" onOpenChange={(_e, d) => !d.open && props.onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>{props.children}</DialogContent>
          <DialogActions fluid>
            {props.other && (
              <Button size="large" appearance="primary" onClick={props.other.run}>
                {props.other.label}
              </Button>
            )}
            <Button size="large" appearance={props.other ? 'secondary' : 'primary'} onClick={props.onConfirm}>
              {props.confirm}
            </Button>
            <Button size="large" onClick={props.onCancel}>
              取消
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/**
 * Gives the focus back to what had it when the dialog opened (the button that asked), once the
 * dialog has left the page — its closing animation over — and only when the focus fell to <body>
 * meanwhile (an action in the dialog may have moved it somewhere on purpose).
 */
function useFocusBack(open: boolean): void {
  const opener = React.useRef<HTMLElement | null>(null);
  React.useLayoutEffect(() => {
    if (open) {
      opener.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      return;
    }
    const el = opener.current;
    opener.current = null;
    if (!el) return;
    return focusIfLost(() => el);
  }, [open]);
}

/**
 * Once no dialog is on the page (its closing animation over; 2 s at most), gives the focus to
 * `target()` if it fell to <body> meanwhile — and, for `watch` ms more, whenever it falls there
 * again (a page still rendering what was opened). Returns a function that cancels the wait.
 */
export function focusIfLost(target: () => HTMLElement | null | undefined, watch = 0): () => void {
  let tries = 0;
  let until: number | null = null;
  const timer = setInterval(() => {
    const gone = !document.querySelector('[role=alertdialog]');
    if (!gone && ++tries < 40) return;
    until ??= Date.now() + watch;
    const lost = document.activeElement === null || document.activeElement === document.body;
    const el = target();
    if (lost && el?.isConnected) el.focus();
    if (Date.now() >= until) clearInterval(timer);
  }, 50);
  return () => clearInterval(timer);
}
