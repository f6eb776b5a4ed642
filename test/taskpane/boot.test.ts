/**
 * The pane's boot script and how the bundle reads its verdict. The script runs where the bundle
 * cannot (IE11, EdgeHTML): it must itself be ES5. Its behaviour in a browser (CDN refused or
 * silent, the office's own copy, an old webview) is tested in Chromium: test/e2e/officeLoad.test.ts.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { parse } from 'acorn';
import { detectStatus } from '../../src/taskpane/status';
import { waitForOffice } from '../../src/taskpane/officeLoader';

const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { officeJsLocations } = require(path.join(ROOT, 'webpack.config.js')) as { officeJsLocations: (env: Record<string, string>) => string[] };

test('boot.js is ES5: it parses where the bundle does not', () => {
  const source = readFileSync(path.join(ROOT, 'src', 'taskpane', 'boot.js'), 'utf8');
  expect(() => parse(source, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  // And the bundle's syntax does not: what the script tests for is what ES5 engines refuse.
  expect(() => parse('var a = {}; var b = a?.b ?? 1;', { ecmaVersion: 5 })).toThrow();
});

describe('where office.js is looked for (chosen at build time)', () => {
  test('by default Microsoft’s CDN, then the copy in office-js/ beside the pane', () => {
    expect(officeJsLocations({})).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js', 'office-js/office.js']);
  });
  test('--env officejs=china: the 21Vianet CDN first', () => {
    expect(officeJsLocations({ officejs: 'china' })[0]).toBe('https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js');
  });
  test('--env officejsFallback names the office’s own server', () => {
    expect(officeJsLocations({ officejsFallback: 'https://oa.example.gov.cn/office-js/office.js' })[1]).toBe('https://oa.example.gov.cn/office-js/office.js');
  });
});

describe('the bundle waits for the boot script’s verdict', () => {
  test('loading, then loaded: the Office global and where it came from', async () => {
    const state = { status: 'loading' as 'loading' | 'loaded' | 'failed', tried: ['https://cdn/office.js'], location: null as string | null, waiters: [] as (() => void)[] };
    const win = { kaoheOfficeJs: state } as unknown as Window & { Office?: typeof Office };
    const waiting = waitForOffice(win);
    (win as { Office?: unknown }).Office = { onReady: async () => ({ host: 'Excel' }) };
    state.status = 'loaded';
    state.location = 'office-js/office.js';
    state.waiters.forEach((w) => w());
    const load = await waiting;
    expect(load.office).toBeDefined();
    expect(load.location).toBe('office-js/office.js');
    expect(load.tried).toEqual(['https://cdn/office.js']);
  });

  test('failed: no Office, and every place tried, once each', async () => {
    const state = { status: 'failed', tried: ['a', 'b', 'a'], location: null, waiters: [] };
    const load = await waitForOffice({ kaoheOfficeJs: state } as unknown as Window);
    expect(load).toEqual({ tried: ['a', 'b'] });
  });

  test('office.js loaded but Office never answers onReady: treated as missing, not a spinner for ever', async () => {
    const office = { onReady: () => new Promise(() => undefined), HostType: { Excel: 'Excel' } };
    expect(await detectStatus(office as unknown as typeof Office, 50)).toBe('office-missing');
  });
});
