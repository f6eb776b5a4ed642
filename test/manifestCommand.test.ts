/**
 * `kaohe manifest --url … --out …`: the manifest an IT person installs without developer tools.
 * It must pass the offline schema check (xmllint with the XSDs in schemas/, as npm run
 * check:manifest does) and hold no localhost address. Needs: apt-get install -y libxml2-utils
 */
import { execFileSync, spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { run, type Io } from '../src/cli/main';
import { paneBase } from '../src/cli/manifestCommand';

const ROOT = path.resolve(__dirname, '..');
const XSD = path.join(ROOT, 'schemas', 'manifest-xsd', 'OfficeAppManifestV1_1.xsd');

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const sink: Io = { out: (t) => void out.push(t), err: (t) => void err.push(t) };
  return { sink, out, err };
}

let dir: string;
beforeAll(async () => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('xmllint 未安装：apt-get install -y libxml2-utils');
  }
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-manifest-'));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

test('writes a manifest whose every address is on the given server, passing the offline XSD check, with no localhost', async () => {
  const out = path.join(dir, 'manifest.xml');
  const { sink, out: stdout, err } = io();
  expect(await run(['manifest', '--url', 'https://oa.example.gov.cn/kaohe', '--out', out], sink)).toBe(0);
  expect(err).toEqual([]);
  expect(stdout.join('')).toContain('已写出');
  const xml = await fs.readFile(out, 'utf8');
  expect(xml).not.toMatch(/localhost/i);
  const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThanOrEqual(8);
  for (const u of urls) expect(u.startsWith('https://oa.example.gov.cn/kaohe/')).toBe(true);
  expect(xml).toContain('<SourceLocation DefaultValue="https://oa.example.gov.cn/kaohe/taskpane.html"/>');
  expect(xml).toContain('<AppDomain>https://oa.example.gov.cn</AppDomain>');
  const check = spawnSync('xmllint', ['--noout', '--schema', XSD, out], { encoding: 'utf8' });
  expect(check.stderr).toContain('validates');
  expect(check.status).toBe(0);
});

test('the same file as the repository’s manifest otherwise: same add-in id, so a new manifest replaces the old install', async () => {
  const out = path.join(dir, 'same-id.xml');
  await run(['manifest', '--url', 'https://10.1.2.3:8443/tools/kaohe/', '--out', out], io().sink);
  const repo = await fs.readFile(path.join(ROOT, 'manifest.xml'), 'utf8');
  const id = (x: string) => /<Id>([^<]+)<\/Id>/.exec(x)?.[1];
  expect(id(await fs.readFile(out, 'utf8'))).toBe(id(repo));
});

test.each([
  ['http://oa.example.gov.cn/kaohe/', '必须以 https:// 开头'],
  ['https://localhost:3000/', '不能是 localhost'],
  ['https://127.0.0.1/kaohe/', '不能是 127.0.0.1'],
  ['oa.example.gov.cn/kaohe', '不是有效的网址'],
  ['https://oa.example.gov.cn/kaohe/?v=1', '不能带 ? 或 #'],
])('refuses --url %s in Chinese', (url, message) => {
  const r = paneBase(url);
  expect(r.ok).toBe(false);
  expect(!r.ok && r.message).toContain(message);
});

test('without --url or --out: exit 2, what is missing and how to call it', async () => {
  const { sink, err } = io();
  expect(await run(['manifest', '--out', path.join(dir, 'x.xml')], sink)).toBe(2);
  expect(err.join('')).toContain('缺少 --url');
  expect(err.join('')).toContain('kaohe manifest --url');
});
