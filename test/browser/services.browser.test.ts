/// <reference lib="dom" />
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/server/kernel/identity/seed';
import { screenshotDir, signInThroughForm, startWebFixture, type TrackedPage, type WebFixture } from '../helpers/browser';

let web: WebFixture;

beforeAll(async () => {
  web = await startWebFixture();
});
afterAll(async () => {
  await web?.close();
});

/** Waits as a person would: up to 10 s for what the page shows. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function signedIn(username: string, url: string): Promise<TrackedPage> {
  const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = (await context.newPage()) as TrackedPage;
  page.setDefaultTimeout(20_000);
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(`${web.base}${url}`);
  await page.waitForURL(/\/login/);
  await signInThroughForm(page, username, demoPassword);
  await page.waitForURL(`${web.base}${url}`);
  return page;
}

const food = '010000100000';
const permit = '010000400000';

describe('政务服务事项 in Chromium', () => {
  it('a citizen on a phone searches 施工 as they type, opens the guide and reads materials and limits', async () => {
    const page = await web.open('/services', 390);
    await poll(() => page.getByTestId('services-count').getAttribute('data-loading')).toBe('false');
    await page.getByTestId('services-search').pressSequentially('施工', { delay: 50 });
    await poll(() => page.getByTestId('services-results').locator('.ant-list-item').first().getAttribute('data-testid')).toBe(`service-hit-${permit}`);
    expect(await page.getByTestId(`service-hit-${permit}`).locator('mark').innerText()).toBe('施工');
    expect(page.url()).toContain(`q=${encodeURIComponent('施工')}`);
    await noSidewaysScroll(page);
    await page.screenshot({ path: path.join(screenshotDir, 'services-search-phone.png'), fullPage: true });
    await page.getByTestId(`service-link-${permit}`).click();
    await page.waitForURL(`${web.base}/services/${permit}`);
    await poll(() => page.getByTestId('guide-name').innerText()).toBe('建筑工程施工许可证核发');
    expect(await page.getByTestId('guide-statutory').innerText()).toBe('7 个工作日');
    expect(await page.getByTestId('guide-promised').innerText()).toContain('3 个工作日');
    expect(await page.getByTestId('guide-fee').innerText()).toBe('不收费');
    const materials = page.getByTestId('guide-materials');
    expect(await materials.locator('li').count()).toBe(6);
    expect(await page.getByTestId('guide-material-2').innerText()).toContain('必要');
    expect(await page.getByTestId('guide-material-free-2').innerText()).toContain('免提交：可用电子证照代替（建设工程规划许可证）');
    expect(await page.getByTestId('guide-material-free-4').innerText()).toContain('数据共享');
    expect(await page.getByTestId('guide-legal-basis').innerText()).toContain('《中华人民共和国建筑法》第七条');
    expect(await page.getByTestId('guide-steps').innerText()).toContain('受理');
    // the item is open online: the button leads to the application form
    expect(await page.getByTestId('guide-apply').getAttribute('href')).toBe(`/services/apply/${permit}`);
    expect(await page.getByTestId('guide-children').innerText()).toContain('（变更）');
    await noSidewaysScroll(page);
    await page.screenshot({ path: path.join(screenshotDir, 'services-guide-phone.png'), fullPage: true });
    // life events filter the search; the power list is generated from the catalogue
    await page.goto(`${web.base}/services`);
    await page.getByTestId('services-event-open-restaurant').click();
    await poll(() => page.getByTestId(`service-hit-${food}`).count()).toBe(1);
    await page.goto(`${web.base}/services/power-list`);
    await poll(() => page.getByTestId('power-count').innerText()).toMatch(/共 \d+ 项行政权力/);
    await noSidewaysScroll(page);
    expect(page.errors).toEqual([]);
  }, 120_000);

  it('a department administrator edits 食品经营许可, is told what is wrong, publishes version 2, and the portal shows it', async () => {
    const admin = await signedIn('reviewer', '/work/services/catalog');
    expect(await admin.getByTestId('work-menu').innerText()).toContain('事项目录');
    await poll(() => admin.getByTestId('catalog-page').getAttribute('data-loading')).toBe('false');
    expect(await admin.getByTestId('catalog-item-010000400000').count()).toBe(0); // another department's item
    await admin.getByTestId(`catalog-item-${food}`).click();
    await poll(() => admin.getByTestId('publish-bar').getAttribute('data-version')).toBe('1');
    await admin.screenshot({ path: path.join(screenshotDir, 'services-catalog-editor.png') });
    // a promise shorter than its steps is refused, with the field marked
    await admin.getByTestId('editor-promised').fill('3');
    await admin.getByTestId('editor-save').click();
    await poll(() => admin.getByTestId('editor-error').innerText()).toContain('各环节时限之和（5）超过承诺时限');
    await admin.getByTestId('editor-promised').fill('5');
    await admin.getByTestId('editor-conditions').fill('1. 具有与经营的食品品种、数量相适应的经营场所；2. 有食品安全管理人员和规章制度。（2026 年修订）');
    await admin.getByTestId('editor-save').click();
    await poll(() => admin.getByTestId('publish-bar').getAttribute('data-dirty')).toBe('true');
    // saved but not published: the public still sees version 1
    const before = await (await fetch(`${web.base}/api/v1/services/items/${food}`)).json();
    expect(before.version).toBe(1);
    await admin.getByTestId('editor-publish').click();
    await admin.getByTestId('publish-note').fill('修订受理条件');
    await admin.getByTestId('publish-confirm').click();
    await poll(() => admin.getByTestId('publish-bar').getAttribute('data-version')).toBe('2');
    await admin.getByTestId('editor-tab-versions').click();
    await poll(() => admin.getByTestId('version-history').locator('.ant-table-row').count()).toBe(2);
    expect(await admin.getByTestId('version-history').innerText()).toContain('修订受理条件');
    expect(admin.errors).toEqual([]);
    await admin.context().close();

    const citizen = await web.open(`/services/${food}`, 390);
    await poll(() => citizen.getByTestId('guide-version').innerText()).toMatch(/^第 2 版/);
    expect(await citizen.getByTestId('guide-conditions').innerText()).toContain('（2026 年修订）');
    expect(citizen.errors).toEqual([]);
  }, 120_000);
});
