/// <reference lib="dom" />
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotDir, startWebFixture, type WebFixture } from '../helpers/browser';

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

async function open(url: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  if (url.startsWith('/work')) {
    // the workbench is for signed-in staff: sign in as the demo leader (the cookie is shared with the page)
    const reply = await page.request.post(`${base}/api/v1/auth/login`, { data: { username: 'leader', password: 'Yongchuan@2026' } });
    expect(reply.ok()).toBe(true);
  }
  await page.goto(`${base}${url}`);
  (page as Page & { errors?: string[] }).errors = errors;
  return page;
}

describe('the web shell in Chromium', () => {
  it('portal: Chinese title and the organisation directory from the database', async () => {
    const page = await open('/');
    await expect.poll(() => page.getByTestId('portal-title').innerText()).toContain('智慧永川');
    const directory = page.getByTestId('org-directory');
    await expect.poll(() => directory.innerText(), { timeout: 10_000 }).toContain('中山路街道');
    const text = await directory.innerText();
    for (const name of ['区大数据发展局', '卫星湖街道', '朱沱镇']) expect(text).toContain(name);
    await page.screenshot({ path: path.join(screenshotDir, 'portal.png'), fullPage: true });
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('switches to English and remembers it', async () => {
    const page = await open('/');
    await page.getByTestId('lang-switch').first().click({ timeout: 5000 });
    await expect.poll(() => page.getByTestId('portal-title').innerText()).toContain('Smart Yongchuan');
    await page.reload();
    await expect.poll(() => page.getByTestId('portal-title').innerText()).toContain('Smart Yongchuan');
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^en/);
    await page.close();
  });

  it('workbench: the organisation tree is browsable and shows details', async () => {
    const page = await open('/work/orgs');
    await expect.poll(() => page.getByTestId('work-title').innerText()).toContain('工作台');
    const tree = page.getByTestId('org-tree');
    await expect.poll(() => tree.innerText(), { timeout: 10_000 }).toContain('重庆市永川区');
    await page.getByTestId('org-search').fill('松溉');
    await page.getByTestId('org-search').press('Enter');
    await tree.getByText('松溉社区').first().click();
    await expect.poll(() => page.getByTestId('org-detail').innerText()).toContain('500118105001');
    await page.screenshot({ path: path.join(screenshotDir, 'workbench-orgs.png'), fullPage: true });
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('command screen renders its Chinese title and charts', async () => {
    const page = await open('/command', 1440);
    await expect.poll(() => page.getByTestId('command-title').innerText()).toContain('永川区城市运行指挥中心');
    await expect.poll(() => page.locator('canvas').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.getByTestId('command-units').innerText()).toContain('茶山竹海街道');
    await page.screenshot({ path: path.join(screenshotDir, 'command.png') });
    await page.close();
  });

  it('is usable at phone width (375 px): no sideways scrolling, menu in a drawer', async () => {
    const page = await open('/work', 375);
    await expect.poll(() => page.getByTestId('work-title').isVisible()).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByTestId('work-menu-button').click();
    await expect.poll(() => page.getByTestId('work-menu').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, 'workbench-phone.png') });
    await page.close();
  });
});
