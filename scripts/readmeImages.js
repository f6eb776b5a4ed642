#!/usr/bin/env node
// npm run readme:images: renders the README's pictures of the printed outputs from the demo's PDFs
// (run `npm run demo` first, with LibreOffice installed): the first page of 张庄村's 签字评分表, the
// last page of 孙庄村's (a draft, with its signature block), the first page of the notice and the summary,
// as PNGs at 60 dpi under docs/images/. Fails, naming what is missing, when a PDF or pdftoppm is absent.
// `node scripts/readmeImages.js PDF_DIR IMAGE_DIR` reads and writes elsewhere (the LibreOffice suite
// renders its own PDFs so and checks that the README's pictures are current).
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const pdfDir = path.resolve(process.argv[2] ?? path.join(root, 'out', 'pdf'));
const images = path.resolve(process.argv[3] ?? path.join(root, 'docs', 'images'));
/** PDF, which page, PNG name (the README shows docs/images/<name>.png). */
const wanted = [
  ['张庄村签字表.pdf', 'first', 'signed-sheet'],
  ['孙庄村签字表.pdf', 'last', 'signed-sheet-draft-last-page'],
  ['考核结果通报.pdf', 'first', 'notice'],
  ['汇总排名.pdf', 'first', 'summary'],
];

try {
  execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
} catch {
  console.error('pdftoppm 未安装：apt-get install -y poppler-utils');
  process.exit(1);
}
fs.mkdirSync(images, { recursive: true });
for (const [pdf, which, name] of wanted) {
  const file = path.join(pdfDir, pdf);
  if (!fs.existsSync(file)) {
    console.error(`缺少 ${path.relative(root, file)}：请先运行 npm run demo（需要 LibreOffice）`);
    process.exit(1);
  }
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);
  const page = String(which === 'last' ? pages : 1);
  const prefix = path.join(images, name);
  execFileSync('pdftoppm', ['-r', '60', '-png', '-singlefile', '-f', page, '-l', page, file, prefix]);
  console.log(`${path.relative(root, prefix)}.png ← ${pdf} 第 ${page} 页`);
}
