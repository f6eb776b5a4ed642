/**
 * The task pane's first seconds on an office network, in Debian's Chromium: office.js refused,
 * office.js that never answers (a firewall dropping packets), office.js from the office's own
 * server when the CDN is silent, and a webview too old for the bundle. The pane (dist/pane,
 * built by `npm run build`) is served from a local server; Microsoft's CDN is intercepted with
 * playwright-core's routes, so nothing leaves the machine.
 *
 * Not testable here: Internet Explorer 11 and EdgeHTML themselves (the old-webview case makes
 * Chromium's Function refuse the syntax test, as those engines do); a real Excel around the pane.
 *
 * Needs: apt-get install -y chromium fonts-noto-cjk
 */
import { promises as fs, existsSync } from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist', 'pane');
const SHOTS = path.join(ROOT, 'test-results', 'e2e');
const CHROMIUM = '/usr/bin/chromium';
const CDN = 'https://appsforoffice.microsoft.com/**';

/** A stand-in for office.js on the office's server: Office that answers, outside Excel. */
const FAKE_OFFICE_JS = 'window.Office = { HostType: { Excel: "Excel" }, context: {}, onReady: function () { return Promise.resolve({ host: null, platform: null }); } };';

let server: http.Server;
let browser: Browser;
let url: string;
let serveCopy = false;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error('Chromium 未安装：apt-get install -y chromium fonts-noto-cjk');
  if (!existsSync(path.join(DIST, 'taskpane.html'))) throw new Error('窗格尚未构建：先运行 npm run build');
  server = http.createServer(async (req, res) => {
    const name = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (name === '/office-js/office.js') {
      if (!serveCopy) return void res.writeHead(404).end();
      return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(FAKE_OFFICE_JS);
    }
    const file = path.join(DIST, name);
    if (!file.startsWith(DIST) || !existsSync(file)) return void res.writeHead(404).end();
    const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(await fs.readFile(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/taskpane.html`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  await fs.mkdir(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

let page: Page;
beforeEach(async () => {
  serveCopy = false;
  page = await browser.newPage({ viewport: { width: 360, height: 640 }, locale: 'zh-CN' });
});
afterEach(async () => page?.close());

/** Opens the pane and returns how long the message took to appear, in ms. */
async function openUntil(text: string, shot: string): Promise<number> {
  const start = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByText(text).first().waitFor({ timeout: 15_000 });
  const elapsed = Date.now() - start;
  await page.screenshot({ path: path.join(SHOTS, `${shot}.png`), fullPage: true });
  return elapsed;
}

test('the CDN refuses the connection and there is no copy on the office’s server: the pane says so at once, naming both places', async () => {
  await page.route(CDN, (route) => route.abort('connectionrefused'));
  const elapsed = await openUntil('无法加载 Office.js', 'office-js-refused');
  expect(elapsed).toBeLessThan(5_000);
  const text = await page.locator('main').innerText();
  expect(text).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  expect(text).toContain('office-js/office.js');
  expect(text).toContain('命令行 kaohe');
});

test('the CDN never answers (packets dropped): within 10 s the pane says so, never a blank pane', async () => {
  await page.route(CDN, () => undefined); // never continued, fulfilled or aborted
  const elapsed = await openUntil('无法加载 Office.js', 'office-js-silent');
  expect(elapsed).toBeGreaterThan(9_000);
  expect(elapsed).toBeLessThan(12_000);
  // While waiting, the pane showed that it was connecting, not nothing.
});

test('the CDN is silent but the office’s own server has office.js: the pane uses that copy', async () => {
  serveCopy = true;
  await page.route(CDN, () => undefined);
  const elapsed = await openUntil('没有在 Excel 中运行', 'office-js-fallback');
  expect(elapsed).toBeLessThan(9_000);
  expect(await page.evaluate(() => (window as unknown as { kaoheOfficeJs: { location: string } }).kaoheOfficeJs.location)).toBe('office-js/office.js');
});

test('while office.js is on its way the pane shows that it is connecting', async () => {
  await page.route(CDN, () => undefined);
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByText('正在连接 Excel…').waitFor({ timeout: 5_000 });
});

test('a webview too old for the bundle (IE11, EdgeHTML) gets a Chinese message pointing to the command line', async () => {
  await page.route(CDN, (route) => route.abort('connectionrefused'));
  // As in those engines: optional chaining, ?? and classes do not parse.
  await page.addInitScript(() => {
    const Native = window.Function;
    window.Function = function (...args: string[]) {
      if (args.some((a) => a.includes('?.'))) throw new SyntaxError('Expected identifier');
      return Native(...args);
    } as unknown as FunctionConstructor;
  });
  await openUntil('此版本 Office 无法运行考核助手窗格', 'old-webview');
  const text = await page.locator('#root').innerText();
  expect(text).toContain('npx kaohe score');
  // The bundle did not render over the message.
  expect(await page.locator('main').count()).toBe(0);
});
