/**
 * The task pane's shell. Issue 4 fills in 评分表 / 现场评分 / 计算排名; until then the pane
 * says where it runs and points to the command line, and never stays blank.
 */
import * as React from 'react';
import {
  Body1,
  Card,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';

/** Where the pane finds itself: waiting for Office, without office.js, outside Excel, or in Excel. */
export type PaneStatus = 'loading' | 'office-missing' | 'not-excel' | 'ready';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
});

export function App({ status }: { status: PaneStatus }): React.JSX.Element {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      <main className={styles.root} aria-label="考核助手">
        <Title3 as="h1">考核助手</Title3>
        <StatusMessage status={status} />
        <Card>
          <Body1>
            读取工作簿中的考核评分表，校验得分，计算总分、一票否决、等次和排名。
            不使用窗格时，也可以在命令行运行：<code>npx kaohe score 考核评分表.xlsx</code>
          </Body1>
        </Card>
      </main>
    </FluentProvider>
  );
}

function StatusMessage({ status }: { status: PaneStatus }): React.JSX.Element {
  switch (status) {
    case 'loading':
      return <Spinner label="正在连接 Excel…" />;
    case 'office-missing':
      return (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>无法加载 Office.js</MessageBarTitle>
            窗格需要从微软服务器（appsforoffice.microsoft.com）加载 Office.js，但加载失败。请检查网络连接后重新打开窗格；
            无法联网的电脑请改用命令行 kaohe。
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
      return (
        <MessageBar intent="success">
          <MessageBarBody>已连接 Excel。</MessageBarBody>
        </MessageBar>
      );
  }
}
