/**
 * Where an action's progress and result are shown: right beside the button that started it, not at
 * the top of the pane (off-screen at 350 px). The region is always there and polite-live, so a
 * screen reader hears the result; the result also takes focus, and 知道了 gives focus back to the
 * action (or the pane), never to <body>.
 */
import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Busy, Notice } from './usePane';

export interface PaneStatus {
  busy: Busy | null;
  notice: Notice | null;
  setNotice: (n: Notice | null) => void;
}

export const PaneStatusContext = React.createContext<PaneStatus>({ busy: null, notice: null, setNotice: () => undefined });

const useStyles = makeStyles({
  region: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  message: { scrollMarginBlock: '120px' },
});

/** Focusable things a dismissed message can hand the focus back to. */
const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex="-1"][data-kaohe-root]';

export function ActionStatus({ at, returnFocus }: { at: string | ((at: string | undefined) => boolean); returnFocus?: () => HTMLElement | null | undefined }): React.JSX.Element {
  const styles = useStyles();
  const { busy, notice, setNotice } = React.useContext(PaneStatusContext);
  const matches = (a: string | undefined) => (typeof at === 'function' ? at(a) : a === at);
  const region = React.useRef<HTMLDivElement>(null);
  const message = React.useRef<HTMLDivElement>(null);
  const mine = notice && matches(notice.at) ? notice : null;
  const working = busy && matches(busy.at) ? busy : null;

  React.useEffect(() => {
    if (!mine) return;
    message.current?.focus({ preventScroll: true });
    message.current?.scrollIntoView?.({ block: 'nearest' });
  }, [mine]);

  const dismiss = () => {
    setNotice(null);
    // Back to the action, else the nearest focusable thing before this region, else the pane.
    const target = returnFocus?.() ?? previousFocusable(region.current);
    target?.focus();
  };

  return (
    <div ref={region} className={styles.region} aria-live="polite" data-kaohe-status={typeof at === 'string' ? at : undefined}>
      {working && (
        <div className={styles.region}>
          <Text size={200}>{working.label}</Text>
          <ProgressBar aria-label={working.label} />
        </div>
      )}
      {mine && (
        <MessageBar ref={message} className={styles.message} intent={mine.intent} layout="multiline" tabIndex={-1} role={mine.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>
            <MessageBarTitle>{mine.title}</MessageBarTitle>
            {mine.text && <div>{mine.text}</div>}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={dismiss}>
              知道了
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}

/** The last focusable element before `el` in document order, or the pane's root. */
function previousFocusable(el: HTMLElement | null): HTMLElement | null {
  if (!el) return null;
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const before = all.filter((e) => e.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && !el.contains(e));
  return before[before.length - 1] ?? document.querySelector<HTMLElement>('[data-kaohe-root]');
}
