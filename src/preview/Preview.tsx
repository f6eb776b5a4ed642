/**
 * The pane in an ordinary browser — the web version (考核助手.html, one file that works offline from
 * a USB stick) and the preview served by webpack. Open an .xlsx (picker, or dropped anywhere on the
 * page), use the same sections as in Excel, and download the workbook again. For offices on Office
 * 2016/2019 or WPS, and on site without a network. Nothing leaves the computer.
 */
import * as React from 'react';
import { Button, FluentProvider, MessageBar, MessageBarBody, Spinner, Text, makeStyles, mergeClasses, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { localToday } from '../app/outputs';
import { ConfirmDialog, focusIfLost } from '../taskpane/ConfirmDialog';
import { Pane } from '../taskpane/Pane';
import type { PaneHost } from '../taskpane/paneHost';
import { openWorkbook, type OpenedWorkbook } from './workbook';

// Page layout lives on a div inside the provider: Fluent copies the provider's className onto every
// portal (dropdown lists, dialogs), which would paint each of them as a full-height page.
const useStyles = makeStyles({
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  root: { maxWidth: '480px', margin: '0 auto', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingHorizontalM}`, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, boxSizing: 'border-box' },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  titleRow: { display: 'flex', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  fileRow: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, minWidth: 0, minHeight: '32px' },
  fileText: { display: 'flex', flexDirection: 'column', flex: '1 1 auto', minWidth: 0 },
  line: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  compact: { minWidth: 'auto', flexShrink: 0, paddingInline: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  // The page's h1 stays for screen readers once a workbook is open; the file row takes its place on screen.
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', margin: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  bar: { display: 'flex', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, alignItems: 'center', flexWrap: 'wrap' },
  state: { color: tokens.colorPaletteDarkOrangeForeground1 },
  drop: {
    position: 'fixed',
    inset: 0,
    zIndex: 1000,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: tokens.colorBackgroundOverlay,
    pointerEvents: 'none',
  },
  dropBox: {
    margin: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalXXL,
    border: `${tokens.strokeWidthThicker} dashed ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    textAlign: 'center',
  },
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface OpenFile {
  book: OpenedWorkbook;
  /** Counts the files opened, so the pane starts afresh even for a file of the same name. */
  id: number;
  name: string;
  /** The same host as the pane sees it: each write marks the workbook as changed. */
  paneHost: PaneHost;
}

/** Dark when the system asks for it (the browser has no Office theme to follow). */
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

/** Lets the browser paint (the progress shown) before heavy work starts. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
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
  const [pending, setPending] = React.useState<File | null>(null);
  const [askDownload, setAskDownload] = React.useState(false);
  const input = React.useRef<HTMLInputElement>(null);
  const openButton = React.useRef<HTMLButtonElement>(null);
  const downloadButton = React.useRef<HTMLButtonElement>(null);
  const offline = typeof location !== 'undefined' && location.protocol === 'file:';
  const dirty = file !== null && (changed || unsaved > 0);

  // Leaving the page with changes not downloaded asks first (the browser's own dialog). Chromium
  // before 119 (360 browser, older Edge) ignores preventDefault and asks only when returnValue is
  // set; today's Chromium takes returnValue only when it is not empty (the text itself is not shown).
  React.useEffect(() => {
    if (!dirty) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '当前工作簿的修改尚未下载';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);

  const open = async (f: File) => {
    setPending(null);
    setError(null);
    if (!/\.xlsx$/i.test(f.name)) {
      setError(`“${f.name}”不是 .xlsx 工作簿。WPS 或旧版 Excel 的 .xls / .et 文件请先另存为 .xlsx（Excel 工作簿）。`);
      return;
    }
    setBusy(`正在打开 ${f.name}…`);
    await nextPaint();
    try {
      const opened = await openWorkbook(f);
      const paneHost: PaneHost = {
        readGrids: () => opened.host.readGrids(),
        apply: async (plan) => {
          const outcome = await opened.host.apply(plan);
          setChanged(true);
          return outcome;
        },
      };
      setFile((old) => ({ book: opened, id: (old?.id ?? 0) + 1, name: f.name, paneHost }));
      setChanged(false);
      setUnsaved(0);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
      // The file picker, a drop or the dialog before replacing may leave the focus on <body>, and so may the
      // pane while it shows the new workbook: it goes back to 打开… (watched for 3 s).
      focusIfLost(() => openButton.current, 3000);
    }
  };
  /** A file chosen or dropped: opened at once, or after asking when the open one has work not downloaded. */
  const offer = (f: File) => {
    if (dirty) setPending(f);
    else void open(f);
  };
  const offerRef = React.useRef(offer);
  offerRef.current = offer;

  // A workbook dropped anywhere on the page opens (the whole window is the target).
  React.useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const f = e.dataTransfer?.files[0];
      if (f) offerRef.current(f);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  /** The bundled sample (copied beside the page by the preview build), to try the pane without a workbook of one's own. */
  const openSample = async () => {
    try {
      const response = await fetch('sample-2024.xlsx');
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await open(new File([await response.blob()], 'sample-2024.xlsx', { type: XLSX_TYPE }));
    } catch (e) {
      setError(`无法载入示例工作簿：${(e as Error).message}`);
    }
  };
  const download = async (): Promise<boolean> => {
    setAskDownload(false);
    if (!file) return false;
    setBusy('正在生成工作簿…');
    await nextPaint();
    try {
      const bytes = await file.book.toBytes();
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file.name.replace(/\.xlsx$/i, '') + '-已评分.xlsx';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setChanged(false);
      return true;
    } catch (e) {
      setError(`无法生成工作簿：${(e as Error).message}`);
      return false;
    } finally {
      setBusy(null);
      downloadButton.current?.focus();
    }
  };

  // Replacing the workbook: download it first keeps what was saved; scores not saved would be lost all the same, so then only 取消 keeps them.
  const downloadFirst =
    unsaved > 0
      ? undefined
      : {
          label: '先下载当前工作簿',
          run: () => {
            const f = pending;
            void download().then((ok) => {
              if (ok && f) void open(f);
            });
          },
        };

  const state = !file ? '' : unsaved > 0 ? `“现场评分”有 ${unsaved} 处未保存` : changed ? '已修改，尚未下载' : '';

  // With a workbook open the buttons are compact ("打开…", "下载"); their names stay whole for screen readers.
  const fileButtons = (
    <>
      <input
        ref={input}
        type="file"
        accept={`.xlsx,.xls,.et,.ods,${XLSX_TYPE}`}
        aria-label="打开 .xlsx 工作簿"
        style={{ display: 'none' }}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) offer(f);
        }}
      />
      <Button
        ref={openButton}
        size={file ? 'medium' : 'large'}
        className={file ? styles.compact : undefined}
        appearance={file ? 'secondary' : 'primary'}
        aria-label={file ? '打开工作簿…' : undefined}
        onClick={() => input.current?.click()}
        disabledFocusable={busy !== null}
      >
        {file ? '打开…' : '打开工作簿…'}
      </Button>
      <Button
        ref={downloadButton}
        size={file ? 'medium' : 'large'}
        className={file ? styles.compact : undefined}
        appearance={file && changed ? 'primary' : 'secondary'}
        aria-label={file ? '下载工作簿' : undefined}
        onClick={() => (unsaved > 0 ? setAskDownload(true) : void download())}
        disabled={!file}
        disabledFocusable={file !== null && busy !== null}
      >
        {file ? '下载' : '下载工作簿'}
      </Button>
    </>
  );

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang="zh-CN">
      <div className={styles.page}>
        <main className={styles.root} aria-label="考核助手（网页版）">
          <header className={styles.header}>
            {/* With a workbook open, one row of 32 px: the file and its state, 打开 and 下载 (the tabs follow; all under 120 px at 350 px). */}
            <div className={file ? styles.fileRow : styles.titleRow}>
              <h1 className={file ? styles.hidden : styles.title}>考核助手</h1>
              {file && (
                <div className={styles.fileText}>
                  <Text size={200} weight="semibold" className={styles.line} title={file.name}>
                    {file.name}
                  </Text>
                  <Text size={200} className={mergeClasses(styles.line, state ? styles.state : styles.muted)} role="status">
                    {state || '没有未下载的修改'}
                  </Text>
                </div>
              )}
              {file && fileButtons}
            </div>
            {!file && <Text size={200}>网页版：在本机打开工作簿、检查、评分、排名，再下载；不联网，文件不会上传。</Text>}
            {!file && (
              <div className={styles.bar}>
                {fileButtons}
                {!offline && (
                  <Button size="large" appearance="subtle" onClick={() => void openSample()} disabledFocusable={busy !== null}>
                    试用示例工作簿
                  </Button>
                )}
              </div>
            )}
            <div aria-live="polite">
              {busy && <Spinner size="tiny" labelPosition="after" label={busy} />}
              {error && (
                <MessageBar intent="error" layout="multiline">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
            </div>
          </header>
          {file && file.book.unkept.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>此工作簿含有{file.book.unkept.join('、')}，下载的副本中不会保留。需要保留时，请在 Excel 中使用考核助手窗格。</MessageBarBody>
            </MessageBar>
          )}
          {file ? (
            <Pane key={file.id} host={file.paneHost} today={today} onUnsaved={setUnsaved} afterWrite="下一步：点击页面顶部的“下载”按钮，把工作簿保存到本机，再打印其中的汇总排名表、签字评分表和通报" />
          ) : (
            <Text>请打开一个考核评分表工作簿（.xlsx），或把文件拖到此页面任意位置。</Text>
          )}
        </main>
        {dragging && (
          <div className={styles.drop} aria-hidden="true" data-kaohe-drop="">
            <div className={styles.dropBox}>
              <Text size={500} weight="semibold">
                松开鼠标，打开此工作簿
              </Text>
            </div>
          </div>
        )}
        <ConfirmDialog
          open={pending !== null}
          title={`打开“${pending?.name ?? ''}”？`}
          confirm={unsaved > 0 ? '不保存，直接打开' : '不下载，直接打开'}
          other={downloadFirst}
          onConfirm={() => pending && void open(pending)}
          onCancel={() => {
            setPending(null);
            openButton.current?.focus();
          }}
        >
          {unsaved > 0 ? `“现场评分”中有 ${unsaved} 处修改尚未保存；` : ''}
          {changed ? '当前工作簿的修改还没有下载。' : ''}打开另一个工作簿后，这些修改将丢失。
          {unsaved > 0 ? '要保留它们，请取消，先在“现场评分”中保存，再下载。' : ''}
        </ConfirmDialog>
        <ConfirmDialog
          open={askDownload}
          title="仍然下载？"
          confirm="仍然下载"
          onConfirm={() => void download()}
          onCancel={() => {
            setAskDownload(false);
            downloadButton.current?.focus();
          }}
        >
          “现场评分”中有 {unsaved} 处修改尚未保存，下载的工作簿中不含这些修改。先在“现场评分”中保存，再下载。
        </ConfirmDialog>
      </div>
    </FluentProvider>
  );
}
