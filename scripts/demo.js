#!/usr/bin/env node
// npm run demo: scores the bundled sample and writes the report, the scored copy (with the summary,
// the signed sheets and the notice) and, when LibreOffice is installed, their PDFs under out/.
// The sample holds one deliberate entry error (刘湾村 E4), so the score run exits 1; the demo
// shows that and succeeds. Then `kaohe cases` on the sample's 信访事项办理台账, which has overdue
// cases (exit 1, shown too). Any other exit code fails the demo.
'use strict';
const { run } = require('../dist/cli/main.js');
const { findSoffice, INSTALL_HINT } = require('../dist/host/libreoffice.js');

(async () => {
  const args = ['score', 'examples/sample-2024.xlsx', '--out', 'out/scored.xlsx', '--report', 'out/report.json'];
  // The PDFs need LibreOffice; without it the demo does the rest and says how to get them.
  const soffice = await findSoffice();
  if (soffice) args.push('--pdf', 'out/pdf');
  process.stdout.write(`$ kaohe ${args.join(' ')}\n\n`);
  const code = await run(args);
  process.stdout.write(`\n退出码 ${code}${code === 1 ? '（样例中有一处故意填错的得分：刘湾村 E4）' : ''}\n`);
  if (!soffice) process.stdout.write(`未生成 PDF：${INSTALL_HINT}\n`);
  const cases = ['cases', 'examples/sample-2024.xlsx'];
  process.stdout.write(`\n$ kaohe ${cases.join(' ')}\n\n`);
  const casesCode = await run(cases);
  process.stdout.write(`\n退出码 ${casesCode}${casesCode === 1 ? '（样例台账中有逾期未办结的案件）' : ''}\n`);
  process.exitCode = [code, casesCode].find((c) => c !== 0 && c !== 1) ?? 0;
})();
