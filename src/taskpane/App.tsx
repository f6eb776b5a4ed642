/**
 * The task pane's shell: the Fluent provider in Office's theme, the title, where the pane runs,
 * and the pane itself once Excel is there. It never stays blank: without office.js or outside
 * Excel it says so.
 */
import * as React from 'react';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { Pane } from './Pane';
import type { PaneHost } from './paneHost';
import { localToday } from '../app/outputs';

/** Where the pane finds itself: waiting for Office, without office.js, outside Excel, or in Excel. */
export type PaneStatus = 'loading' | 'office-missing' | 'not-excel' | 'ready';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
});

export function App({ status, host, dark = false, today }: { status: PaneStatus; host?: PaneHost; dark?: boolean; today?: string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang="zh-CN">
      <main className={styles.root} aria-label="考核助手">
        <Title3 as="h1">考核助手</Title3>
        <StatusMessage status={status} />
        {status === 'ready' && host && <Pane host={host} today={today ?? localToday()} />}
      </main>
    </FluentProvider>
  );
}

function StatusMessage({ status }: { status: PaneStatus }): React.JSX.Element | null {
  switch (status) {
    case 'loading':
      return <Spinner label="正在连接 Excel…" />;
    case 'office-missing':
      return (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>无法加载 Office.js</MessageBarTitle>
            窗格需要从微软服务器（appsforoffice.microsoft.com）加载 Office.js，但加载失败。请检查网络连接后重新打开窗格；
            无法联网的电脑请改用命令行 kaohe，或在浏览器中使用预览版。
          </MessageBarBody>
        </MessageBar>
      );
    case 'not-excel':
      return (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>没有在 Excel 中运行</MessageBarTitle>
            请在 Excel 的“开始”选项卡点击“考核助手”打开本窗格。
          </MessageBarBody>
        </MessageBar>
      );
    case 'ready':
      return null;
  }
}
