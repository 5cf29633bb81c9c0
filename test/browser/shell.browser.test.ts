/// <reference lib="dom" />
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTrackedPage, screenshotDir, startWebFixture, stateTimeout, type TrackedPage, type WebFixture } from '../helpers/browser';

let web: WebFixture;
let browser: Browser;
let base: string;

beforeAll(async () => {
  web = await startWebFixture();
  ({ browser, base } = web);
});
afterAll(async () => {
  await web?.close();
});

async function open(url: string, width = 1280): Promise<TrackedPage> {
  const page = await newTrackedPage(browser, width);
  if (url.startsWith('/work')) {
    // the workbench is for signed-in staff: sign in as the demo leader (the cookie is shared with the page)
    const reply = await page.request.post(`${base}/api/v1/auth/login`, { data: { username: 'leader', password: 'Yongchuan@2026' } });
    expect(reply.ok()).toBe(true);
  }
  await page.goto(`${base}${url}`);
  return page;
}

/** Each state here follows a page load or a request: wait as long as a loaded CI machine needs. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: stateTimeout });

/** A page load in a loaded CI run takes 5 to 15 s; Vitest's default of 30 s per test left too little for the rest. */
const pageTestTimeout = 90_000;

describe('the web shell in Chromium', () => {
  it('portal: Chinese title and the organisation directory from the database', async () => {
    const page = await open('/');
    await poll(() => page.getByTestId('portal-title').innerText()).toContain('智慧永川');
    const directory = page.getByTestId('org-directory');
    await poll(() => directory.innerText()).toContain('中山路街道');
    const text = await directory.innerText();
    for (const name of ['区大数据发展局', '卫星湖街道', '朱沱镇']) expect(text).toContain(name);
    await page.screenshot({ path: path.join(screenshotDir, 'portal.png'), fullPage: true });
    expect(page.errors).toEqual([]);
    await page.close();
  }, pageTestTimeout);

  it('switches to English and remembers it', async () => {
    const page = await open('/');
    await page.getByTestId('lang-switch').first().click();
    await poll(() => page.getByTestId('portal-title').innerText()).toContain('Smart Yongchuan');
    await page.reload();
    await poll(() => page.getByTestId('portal-title').innerText()).toContain('Smart Yongchuan');
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^en/);
    await page.close();
  }, pageTestTimeout);

  it('workbench: the organisation tree is browsable and shows details', async () => {
    const page = await open('/work/orgs');
    await poll(() => page.getByTestId('work-title').innerText()).toContain('工作台');
    const tree = page.getByTestId('org-tree');
    await poll(() => tree.innerText()).toContain('重庆市永川区');
    await page.getByTestId('org-search').fill('松溉');
    await page.getByTestId('org-search').press('Enter');
    const community = tree.getByText('松溉社区').first();
    await community.waitFor();
    // the search opens 松溉镇 with an animation whose nodes are replaced by plain ones when it ends:
    // a click that straddles the swap (mouse down on one node, up on the other) selects nothing
    await poll(() => tree.locator('.ant-tree-treenode-motion').count()).toBe(0);
    await community.click();
    await poll(() => page.getByTestId('org-detail').innerText()).toContain('500118105001');
    await page.screenshot({ path: path.join(screenshotDir, 'workbench-orgs.png'), fullPage: true });
    expect(page.errors).toEqual([]);
    await page.close();
  }, pageTestTimeout);

  it('command screen renders its Chinese title and charts', async () => {
    const page = await open('/command', 1440);
    await poll(() => page.getByTestId('command-title').innerText()).toContain('永川区城市运行指挥中心');
    await poll(() => page.locator('canvas').count()).toBeGreaterThanOrEqual(2);
    await poll(() => page.getByTestId('command-units').innerText()).toContain('茶山竹海街道');
    await page.screenshot({ path: path.join(screenshotDir, 'command.png') });
    await page.close();
  }, pageTestTimeout);

  it('is usable at phone width (375 px): no sideways scrolling, menu in a drawer', async () => {
    const page = await open('/work', 375);
    await poll(() => page.getByTestId('work-title').isVisible()).toBe(true);
    // polled: parts of the page still render after the title, and a half-rendered page may overflow for a moment
    await poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.getByTestId('work-menu-button').click();
    await poll(() => page.getByTestId('work-menu').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, 'workbench-phone.png') });
    await page.close();
  }, pageTestTimeout);
});
