/**
 * 帮助: where to get help, and 自检 — the check of this Excel's behaviours the add-in depends on
 * (src/host/officeSelfCheck.ts), with its result as text to copy and send. Only in Excel (the
 * preview has no Excel to check): in the browser the section speaks of the web version instead.
 */
import * as React from 'react';
import { Button, MessageBar, MessageBarBody, ProgressBar, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { selfCheckText, type SelfCheckReport } from '../host/officeHost';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  pass: { color: tokens.colorPaletteGreenForeground1 },
  fail: { color: tokens.colorPaletteRedForeground1 },
  text: { minHeight: '160px' },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS },
});

export interface HelpTabProps {
  /** Runs the self-check in this Excel; absent outside Excel. */
  selfCheck?: (progress: (step: string) => void) => Promise<SelfCheckReport>;
  /** Local date and time, for the report's first line. */
  now?: () => string;
}

const localNow = () => new Date().toLocaleString('zh-CN', { hour12: false });

export function HelpTab({ selfCheck, now = localNow }: HelpTabProps): React.JSX.Element {
  const styles = useStyles();
  const [step, setStep] = React.useState<string | null>(null);
  const [report, setReport] = React.useState<{ data: SelfCheckReport; text: string } | null>(null);
  const [failure, setFailure] = React.useState<string | null>(null);
  const [copied, setCopied] = React.useState(false);

  const start = async () => {
    if (!selfCheck) return;
    setReport(null);
    setFailure(null);
    setCopied(false);
    setStep('正在准备…');
    try {
      const data = await selfCheck((s) => setStep(`正在检查：${s}`));
      setReport({ data, text: selfCheckText(data, now()) });
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setStep(null);
    }
  };
  const copy = async () => {
    if (!report) return;
    try {
      await navigator.clipboard.writeText(report.text);
      setCopied(true);
    } catch {
      setFailure('无法写入剪贴板：请在下面的文字中按 Ctrl+A 全选，再按 Ctrl+C 复制');
    }
  };

  return (
    <section className={styles.root} aria-label="帮助">
      <Text>
        {selfCheck
          ? '使用说明见“开始”选项卡旁的帮助页和说明书。窗格出错时，提示中会说明原因；需要联系维护人员时，请先运行下面的自检，把结果文字一并发送。'
          : '使用说明见说明书的“网页版”一节。页面出错时，提示中会说明原因；需要联系维护人员时，请说明所用的浏览器及其版本，并把提示文字一并发送。'}
      </Text>
      <Text weight="semibold" as="h2">
        自检
      </Text>
      <Text>
        {selfCheck
          ? '在一张临时工作表上试验本加载项依赖的 Excel 功能（接近上限的写入、中文读取、打印缩放、合并单元格、“001”和日期、列宽、替换工作表），完成后删除该表，不改动您的工作表。第一次在新版本 Excel 中使用时请运行一次。'
          : '自检检查的是 Excel 的功能，只在 Excel 的考核助手窗格中运行；网页版在浏览器中读写工作簿，不需要自检。'}
      </Text>
      {selfCheck && (
        <div className={styles.actions}>
          <Button appearance="primary" disabled={step !== null} onClick={() => void start()}>
            开始自检
          </Button>
        </div>
      )}
      {step && (
        <div role="status" aria-live="polite">
          <Text size={200}>{step}</Text>
          <ProgressBar aria-label={step} />
        </div>
      )}
      {failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <>
          <Text role="status">
            自检完成：{report.data.checks.filter((c) => c.ok).length} 项通过，{report.data.checks.filter((c) => !c.ok).length} 项未通过
          </Text>
          <ul className={styles.list} aria-label="自检结果">
            {report.data.checks.map((c) => (
              <li key={c.name}>
                <Text className={c.ok ? styles.pass : styles.fail}>{c.ok ? '通过' : '未通过'}</Text> {c.name}：{c.detail}
              </li>
            ))}
          </ul>
          <Textarea className={styles.text} readOnly value={report.text} aria-label="自检结果文字" resize="vertical" />
          <div className={styles.actions}>
            <Button onClick={() => void copy()}>{copied ? '已复制' : '复制结果'}</Button>
          </div>
        </>
      )}
    </section>
  );
}
