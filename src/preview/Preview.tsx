/**
 * The pane in an ordinary browser: open an .xlsx (the ExcelJS host holds it in memory), use the
 * same three sections as in Excel, and download the workbook again. For offices on Office
 * 2016/2019 or WPS, and for testing the pane in a real browser. Nothing leaves the computer.
 */
import * as React from 'react';
import {
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Text,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { isoToday } from '../taskpane/App';
import { Pane } from '../taskpane/Pane';
import { UnusableInput, XlsxHost } from '../host/xlsxHost';

const useStyles = makeStyles({
  root: { maxWidth: '480px', margin: '0 auto', padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  bar: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export function Preview({ today = isoToday() }: { today?: string }): React.JSX.Element {
  const styles = useStyles();
  const [file, setFile] = React.useState<{ name: string; host: XlsxHost } | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const input = React.useRef<HTMLInputElement>(null);

  const open = async (f: File) => {
    setError(null);
    try {
      setFile({ name: f.name, host: await XlsxHost.fromBuffer(new Uint8Array(await f.arrayBuffer()), f.name) });
    } catch (e) {
      setError(e instanceof UnusableInput ? e.message : `无法打开：${(e as Error).message}`);
    }
  };
  const download = async () => {
    if (!file) return;
    const bytes = await file.host.toBytes();
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.name.replace(/\.xlsx$/i, '') + '-已评分.xlsx';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      <main className={styles.root} aria-label="考核助手（浏览器预览）">
        <Title3 as="h1">考核助手</Title3>
        <Caption1>浏览器预览：在本机打开工作簿、评分、排名，再下载；文件不会上传。</Caption1>
        <div className={styles.bar}>
          <input
            ref={input}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label="打开 .xlsx 工作簿"
            style={{ display: 'none' }}
            onChange={(e) => e.target.files?.[0] && void open(e.target.files[0])}
          />
          <Button appearance={file ? 'secondary' : 'primary'} onClick={() => input.current?.click()}>
            打开工作簿…
          </Button>
          <Button onClick={() => void download()} disabled={!file}>
            下载工作簿
          </Button>
          {file && <Text>{file.name}</Text>}
        </div>
        {file && file.host.unkept.length > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              此工作簿含有{file.host.unkept.join('、')}，下载的副本中不会保留。需要保留时，请在 Excel 中使用考核助手窗格。
            </MessageBarBody>
          </MessageBar>
        )}
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {file ? <Pane key={file.name} host={file.host} today={today} /> : <Text>请打开一个考核评分表工作簿（.xlsx）。</Text>}
      </main>
    </FluentProvider>
  );
}
