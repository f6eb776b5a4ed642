/**
 * What the browser tests share: Debian's Chromium through playwright-core (never a downloaded
 * browser), a tiny static server for dist/preview, and screenshots under test-results/e2e/.
 * A missing tool fails the suite with the Debian package to install.
 */
import { execFileSync } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = path.join(__dirname, '..', '..');
export const SAMPLE = path.join(ROOT, 'examples', 'sample-2024.xlsx');
export const SHOTS = path.join(ROOT, 'test-results', 'e2e');
const CHROMIUM = '/usr/bin/chromium';

export function requireTools(): void {
  if (!existsSync(CHROMIUM)) throw new Error('Chromium 未安装：apt-get install -y chromium fonts-noto-cjk');
  if (!execFileSync('fc-list', { encoding: 'utf8' }).includes('Noto Sans CJK')) throw new Error('中文字体未安装：apt-get install -y fonts-noto-cjk');
}

export async function launch(): Promise<Browser> {
  requireTools();
  await fs.mkdir(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Serves a built folder on 127.0.0.1; resolves to its URL and a function that stops it. */
export async function serve(dist: string): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error(`${dist} 尚未构建：先运行 npm run build:preview`);
  const server = http.createServer(async (req, res) => {
    const file = path.join(dist, decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/$/, '/index.html'));
    if (!file.startsWith(dist) || !existsSync(file)) return void res.writeHead(404).end();
    const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(await fs.readFile(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage, animations: 'disabled' });

/** True when the focused element is on screen and is what a click at its centre would hit (not covered). */
export async function focusedUncovered(page: Page): Promise<{ ok: boolean; what: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { ok: false, what: 'body' };
    const r = el.getBoundingClientRect();
    const what = `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 30) ?? ''}`;
    if (r.width === 0 || r.height === 0) return { ok: false, what: `${what} (not shown)` };
    const x = Math.min(Math.max(r.left + r.width / 2, 1), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 1), innerHeight - 1);
    if (r.bottom < 0 || r.top > innerHeight) return { ok: false, what: `${what} (off screen)` };
    const hit = document.elementFromPoint(x, y);
    const ok = hit !== null && (el === hit || el.contains(hit) || hit.contains(el) || (el.parentElement?.contains(hit) ?? false) && !hit.closest('[data-kaohe-savebar]'));
    return { ok, what: `${what} → ${hit?.tagName ?? 'nothing'} ${hit?.closest('[data-kaohe-savebar]') ? '(save bar)' : ''}` };
  });
}

/** Opens the sample through the file picker and waits for the pane. */
export async function openSample(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('input[type=file]').setInputFiles(SAMPLE);
  await page.getByText('找到 10 个单位的评分表').waitFor();
}
