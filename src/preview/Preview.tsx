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
  Spinner,
  Text,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { localToday } from '../app/outputs';
import { Pane } from '../taskpane/Pane';
import type { PaneHost } from '../taskpane/paneHost';
import { UnusableInput, XlsxHost } from '../host/xlsxHost';

const useStyles = makeStyles({
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  root: { maxWidth: '480px', margin: '0 auto', padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  bar: { display: 'flex', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'center', flexWrap: 'wrap' },
  drop: { outline: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}` },
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface OpenFile {
  /** Counts the files opened, so the pane starts afresh even for a file of the same name. */
  id: number;
  name: string;
  host: XlsxHost;
  /** The same host as the pane sees it: each write marks the workbook as changed. */
  paneHost: PaneHost;
}

/** A file's bytes; FileReader where Blob.arrayBuffer is missing (older browsers, jsdom). */
function readBytes(f: File): Promise<Uint8Array> {
  if (typeof f.arrayBuffer === 'function') return f.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('无法读取文件'));
    reader.readAsArrayBuffer(f);
  });
}

/** Dark when the system asks for it (the preview has no Office theme to follow). */
function useSystemDark(): boolean {
  const query = React.useMemo(() => (typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null), []);
  const [dark, setDark] = React.useState(query?.matches ?? false);
  React.useEffect(() => {
    if (!query) return;
    const follow = (e: MediaQueryListEvent) => setDark(e.matches);
    query.addEventListener?.('change', follow);
    return () => query.removeEventListener?.('change', follow);
  }, [query]);
  return dark;
}

export function Preview({ today = localToday() }: { today?: string }): React.JSX.Element {
  const styles = useStyles();
  const dark = useSystemDark();
  const [file, setFile] = React.useState<OpenFile | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState<string | null>(null);
  const [changed, setChanged] = React.useState(false);
  const [unsaved, setUnsaved] = React.useState(0);
  const [dragging, setDragging] = React.useState(false);
  const input = React.useRef<HTMLInputElement>(null);

  // Leaving the page with changes not downloaded asks first (the browser's own dialog).
  React.useEffect(() => {
    if (!changed && unsaved === 0) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [changed, unsaved]);

  const open = async (f: File) => {
    setError(null);
    if (!/\.xlsx$/i.test(f.name)) {
      setError(`“${f.name}”不是 .xlsx 工作簿。WPS 或旧版 Excel 的 .xls / .et 文件请先另存为 .xlsx（Excel 工作簿）。`);
      return;
    }
    setBusy(`正在打开 ${f.name}…`);
    try {
      const host = await XlsxHost.fromBuffer(await readBytes(f), f.name);
      const paneHost: PaneHost = {
        readGrids: () => host.readGrids(),
        apply: async (plan) => {
          const outcome = await host.apply(plan);
          setChanged(true);
          return outcome;
        },
      };
      setFile((old) => ({ id: (old?.id ?? 0) + 1, name: f.name, host, paneHost }));
      setChanged(false);
      setUnsaved(0);
    } catch (e) {
      setError(e instanceof UnusableInput ? e.message : `无法打开“${f.name}”：${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  };
  /** The bundled sample (copied beside the page by the build), to try the pane without a workbook of one's own. */
  const openSample = async () => {
    try {
      const response = await fetch('sample-2024.xlsx');
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await open(new File([await response.blob()], 'sample-2024.xlsx', { type: XLSX_TYPE }));
    } catch (e) {
      setError(`无法载入示例工作簿：${(e as Error).message}`);
    }
  };
  const download = async () => {
    if (!file) return;
    setBusy('正在生成工作簿…');
    try {
      const bytes = await file.host.toBytes();
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file.name.replace(/\.xlsx$/i, '') + '-已评分.xlsx';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setChanged(false);
    } catch (e) {
      setError(`无法生成工作簿：${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang="zh-CN" className={styles.page}>
      <main
        className={`${styles.root} ${dragging ? styles.drop : ''}`}
        aria-label="考核助手（浏览器预览）"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const f = e.dataTransfer.files[0];
          if (f) void open(f);
        }}
      >
        <Title3 as="h1">考核助手</Title3>
        <Caption1>浏览器预览：在本机打开工作簿、评分、排名，再下载；文件不会上传。</Caption1>
        <div className={styles.bar}>
          <input
            ref={input}
            type="file"
            accept={`.xlsx,.xls,.et,.ods,${XLSX_TYPE}`}
            aria-label="打开 .xlsx 工作簿"
            style={{ display: 'none' }}
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void open(f);
            }}
          />
          <Button size="large" appearance={file ? 'secondary' : 'primary'} onClick={() => input.current?.click()} disabled={busy !== null}>
            打开工作簿…
          </Button>
          <Button size="large" appearance={file && changed ? 'primary' : 'secondary'} onClick={() => void download()} disabled={!file || busy !== null}>
            下载工作簿
          </Button>
          {file ? (
            <Text>{file.name}</Text>
          ) : (
            <Button size="large" appearance="subtle" onClick={() => void openSample()} disabled={busy !== null}>
              试用示例工作簿
            </Button>
          )}
        </div>
        {busy && <Spinner size="small" label={busy} />}
        {file && changed && <Caption1>工作簿已修改，请点击“下载工作簿”保存到本机。</Caption1>}
        {file && unsaved > 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>“现场评分”中有 {unsaved} 处修改尚未保存，下载的工作簿中不含这些修改。</MessageBarBody>
          </MessageBar>
        )}
        {file && file.host.unkept.length > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              此工作簿含有{file.host.unkept.join('、')}，下载的副本中不会保留。需要保留时，请在 Excel 中使用考核助手窗格。
            </MessageBarBody>
          </MessageBar>
        )}
        {error && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {file ? (
          <Pane key={file.id} host={file.paneHost} today={today} onUnsaved={setUnsaved} />
        ) : (
          <Text>请打开一个考核评分表工作簿（.xlsx），或把文件拖到此处。</Text>
        )}
      </main>
    </FluentProvider>
  );
}
