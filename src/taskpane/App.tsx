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
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', margin: 0 },
  // Long addresses wrap inside the message instead of running past it.
  places: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL, wordBreak: 'break-all' },
});

export function App({ status, host, dark = false, today, tried = [] }: { status: PaneStatus; host?: PaneHost; dark?: boolean; today?: string; tried?: string[] }): React.JSX.Element {
  const styles = useStyles();
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang="zh-CN">
      <main className={styles.root} aria-label="考核助手">
        {/* In Excel the pane's own title bar names the add-in: once the pane is there, the h1 is for screen readers only. */}
        <Title3 as="h1" className={status === 'ready' ? styles.hidden : undefined}>
          考核助手
        </Title3>
        <StatusMessage status={status} tried={tried} />
        {status === 'ready' && host && <Pane host={host} today={today ?? localToday()} />}
      </main>
    </FluentProvider>
  );
}

function StatusMessage({ status, tried }: { status: PaneStatus; tried: string[] }): React.JSX.Element | null {
  const styles = useStyles();
  switch (status) {
    case 'loading':
      return <Spinner label="正在连接 Excel…" />;
    case 'office-missing':
      return (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>无法加载 Office.js</MessageBarTitle>
            窗格需要 Office.js 才能读写工作簿，但在 10 秒内没有从以下位置加载成功：
            <ul className={styles.places}>
              {(tried.length > 0 ? tried : ['微软服务器']).map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
            政务内网等无法访问微软服务器的电脑，请联系管理员按说明书“在没有开发工具的电脑上安装”第 3 步把 Office.js 放到本单位服务器上；
            在此之前请改用网页版（考核助手.html，用 Chrome、Edge 或 360 浏览器打开）或命令行 kaohe。网络恢复后关闭并重新打开本窗格即可。
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
