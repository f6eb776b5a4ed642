/**
 * A browser-preview page per test, as test/e2e/pane.test.ts sets it up: the preview (dist/preview)
 * served locally, Chromium at a task pane's 350 × 800, zh-CN, a workbook opened through the file
 * picker, and the test failing on any page error. Call once at the top of a test file.
 */
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launch, openSample, ROOT, serve } from '../browser';

export interface PreviewPage {
  /** The current test's page. */
  page: () => Page;
  /** The browser, for a page of one's own (another viewport or workbook). */
  browser: () => Browser;
  url: () => string;
}

/** Registers the hooks; `open: false` leaves the page empty (the test opens what it needs). */
export function previewPage(options: { open?: boolean } = {}): PreviewPage {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    server = await serve(path.join(ROOT, 'dist', 'preview'));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage({ acceptDownloads: true, viewport: { width: 350, height: 800 }, locale: 'zh-CN' });
    errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    if (options.open !== false) await openSample(page, server.url);
  });
  afterEach(async () => {
    await page.close();
    expect(errors).toEqual([]);
  });
  return { page: () => page, browser: () => browser, url: () => server.url };
}

/** What has the focus, as a person would name it: its label, else its text, else its tag. */
export const focusedName = (page: Page): Promise<string | undefined> =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? document.activeElement?.tagName);
