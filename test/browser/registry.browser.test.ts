/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/server/kernel/identity/seed';
import { demoCreditCode } from '../../src/server/modules/registry/seed-data';
import { signInThroughForm, startWebFixture, type TrackedPage, type WebFixture } from '../helpers/browser';

let web: WebFixture;
beforeAll(async () => {
  web = await startWebFixture();
});
afterAll(async () => {
  await web?.close();
});

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });

async function openAs(username: string, url: string): Promise<TrackedPage> {
  const page = await web.open(url);
  // the first load of the bundle on a machine shared by several test runs can take more than the default 10 s
  page.setDefaultTimeout(30_000);
  await page.waitForURL(/\/login/);
  await signInThroughForm(page, username, demoPassword);
  await page.waitForURL(`${web.base}${url}`);
  return page;
}

async function done(page: TrackedPage): Promise<void> {
  expect(page.errors).toEqual([]);
  await page.close();
}

const rows = (page: Page) => page.getByTestId('registry-results').locator('tbody tr.ant-table-row');

describe('基础库 in Chromium', () => {
  it('a window clerk searches persons, sees them masked, reveals with a reason, then finds the person by ID number', async () => {
    const page = await openAs('clerk', '/work/registry');
    await page.getByTestId('menu-registry').waitFor();
    await page.getByTestId('registry-q-name').fill('王');
    await page.getByTestId('registry-search').click();
    await poll(() => rows(page).count()).toBeGreaterThan(0);
    // names masked in the list: the surname, then stars
    await poll(() => rows(page).first().innerText()).toMatch(/王\*+/);
    await rows(page).first().getByRole('link').click();
    await page.getByTestId('registry-record-page').waitFor();
    await poll(() => page.getByTestId('registry-field-idNumber').innerText()).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    await page.getByTestId('registry-reveal').click();
    await page.getByTestId('registry-reveal-reason').fill('窗口办理户籍证明，核对身份');
    await page.getByTestId('registry-reveal-confirm').click();
    await page.getByTestId('registry-revealed').waitFor();
    const idNumber = await page.getByTestId('registry-field-idNumber').innerText();
    expect(idNumber).toMatch(/^\d{17}[\dX]$/);
    await poll(() => page.getByTestId('registry-history').innerText()).toContain('第 1 版');

    await page.goto(`${web.base}/work/registry`);
    await page.getByTestId('registry-q-idNumber').fill(idNumber);
    await page.getByTestId('registry-search').click();
    await poll(() => rows(page).count()).toBe(1);
    await done(page);
  });

  it('the market regulator imports legal persons: a bad row refuses the whole file and is listed; valid-only imports the rest', async () => {
    const page = await openAs('reviewer', '/work/registry/import');
    await page.getByTestId('registry-import-legal-persons').click();
    let seed = 4242;
    const code = demoCreditCode(() => ((seed = (seed * 48271) % 2147483647) / 2147483647));
    const bad = `${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`;
    const csv = ['名称,统一社会信用代码,法定代表人,注册地址,状态,行业代码,成立日期', `重庆茶竹浏览器测试有限公司,${code},钱测试,重庆市永川区胜利路街道,存续,I6510,2021-05-06`, `校验错误公司,${bad},孙测试,重庆市永川区,存续,,`].join('\n');
    const file = { name: 'legal.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') };
    await page.getByTestId('registry-import-file').setInputFiles(file);
    await page.getByTestId('registry-import-run').click();
    await poll(() => page.getByTestId('registry-import-summary').innerText()).toContain('未导入');
    await poll(() => page.getByTestId('registry-import-rejected').innerText()).toContain('统一社会信用代码校验码错误');
    expect(await page.getByTestId('registry-import-rejected').locator('tbody tr.ant-table-row').count()).toBe(1);

    await page.getByTestId('registry-import-valid-only').click();
    await page.getByTestId('registry-import-run').click();
    await poll(() => page.getByTestId('registry-import-summary').innerText()).toContain('已导入 1 条');

    await page.goto(`${web.base}/work/registry?r=legal-persons`);
    await page.getByTestId('registry-q-creditCode').fill(code);
    await page.getByTestId('registry-search').click();
    await poll(() => rows(page).first().innerText()).toContain('重庆茶竹浏览器测试有限公司');
    await done(page);
  });
});
