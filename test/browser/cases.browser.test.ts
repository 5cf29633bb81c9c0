/// <reference lib="dom" />
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../../src/server/kernel/files/test-samples';
import { demoPassword } from '../../src/server/kernel/identity/seed';
import { screenshotDir, signInThroughForm, startWebFixture, type WebFixture } from '../helpers/browser';

let web: WebFixture;

beforeAll(async () => {
  web = await startWebFixture();
});
afterAll(async () => {
  await web?.close();
});

type TrackedPage = Page & { errors: string[] };

/** 人民广场 in Yongchuan's centre: where the phone says it is. */
const square = { longitude: 105.9275, latitude: 29.3556 };

/** A fresh context (own cookies; a phone's fixed GPS position, allowed) at `url`, signed in as `username` through the login form it is sent to. */
async function openAs(username: string, url: string, width = 1280): Promise<TrackedPage> {
  const context = await web.browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', geolocation: square, permissions: ['geolocation'] });
  const page = (await context.newPage()) as TrackedPage;
  page.setDefaultTimeout(20_000);
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(`${web.base}${url}`);
  await page.waitForURL(/\/login/);
  await signInThroughForm(page, username, demoPassword);
  if (url.startsWith('/work')) {
    await page.waitForURL(`${web.base}${url}`);
  } else {
    // the login page sends residents to the portal's home and staff to the workbench: come back
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${web.base}${url}`);
  }
  return page;
}

async function done(page: TrackedPage): Promise<void> {
  expect(page.errors).toEqual([]);
  await page.context().close();
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

const photo = (name: string) => ({ name, mimeType: 'image/png', buffer: tinyPng });

/** Takes an action in the embedded process panel: its dialog, a comment, a photo, 确定. */
async function act(page: Page, key: string, comment?: string, file?: string): Promise<void> {
  await page.getByTestId(`action-${key}`).click();
  if (comment) await page.getByTestId('action-comment').fill(comment);
  if (file) {
    await page.getByTestId('action-upload').locator('input[type=file]').setInputFiles(photo(file));
    await poll(() => page.locator('.ant-modal .ant-upload-list-item-done').count()).toBe(1);
  }
  await page.getByTestId('action-submit').click();
}

/** Waits as a person would: up to 10 s for what the page shows (vitest's default is 1 s). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });

const stateOf = (page: Page) => page.getByTestId('case-state').innerText();

describe('数字城管 cases in Chromium', () => {
  it('an inspector reports on a phone; accepted, filed, dispatched to the suggested department, handled, checked and closed; the public sees 已结案', async () => {
    // 1. inspector, on a phone: class, description, map click, then the phone's position, a photo.
    const inspector = await openAs('inspector', '/work/cases/report', 390);
    await poll(() => inspector.getByTestId('report-location-map').getAttribute('data-ready')).toBe('true');
    expect(await inspector.getByTestId('report-location-map').getAttribute('data-demo')).toBe('true');
    expect(await inspector.getByTestId('map-demo').innerText()).toContain('演示');
    // the form refuses an empty report before asking the server
    await inspector.getByTestId('report-submit').click();
    await poll(() => inspector.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('请选择问题类别');
    await inspector.getByTestId('report-class').click();
    await inspector.keyboard.type('暴露垃圾');
    await inspector.locator('.ant-select-item-option').filter({ hasText: 'E0102' }).click();
    expect(await inspector.getByTestId('report-filing').innerText()).toContain('0.5 平方米');
    await inspector.getByTestId('report-description').fill('人民广场东侧花坛旁暴露垃圾约 1 平方米');
    // a click on the map gives a point
    await inspector.getByTestId('report-location-map').click();
    await poll(() => inspector.getByTestId('report-location-coords').getAttribute('data-lng')).toMatch(/^10[56]\.\d+$/);
    // the phone's position replaces it
    await inspector.getByTestId('report-location-gps').click();
    await poll(() => inspector.getByTestId('report-location-coords').getAttribute('data-lng')).toBe('105.9275');
    expect(await inspector.getByTestId('report-location-coords').getAttribute('data-lat')).toBe('29.3556');
    await poll(() => inspector.getByTestId('report-location-grid').innerText()).toContain('单元网格');
    await inspector.getByTestId('report-address').fill('人民广场东侧');
    await inspector.getByTestId('report-photo-input').setInputFiles(photo('现场.png'));
    await poll(() => inspector.getByTestId('report-photo').getAttribute('data-count')).toBe('1');
    await noSidewaysScroll(inspector);
    await inspector.screenshot({ path: path.join(screenshotDir, 'cases-report-phone.png'), fullPage: true });
    await inspector.getByTestId('report-submit').click();
    const caseNo = await inspector.getByTestId('report-case-no').innerText();
    expect(caseNo).toMatch(/^CG\d{13}$/);
    const href = (await inspector.getByTestId('report-view').getAttribute('href'))!;
    expect(href).toMatch(/^\/work\/cases\/[0-9a-f-]{36}$/);
    // the same problem reported again from the same place comes back as a possible duplicate
    await inspector.getByTestId('report-again').click();
    await inspector.getByTestId('report-class').click();
    await inspector.keyboard.type('E0102');
    await inspector.locator('.ant-select-item-option').filter({ hasText: '暴露垃圾' }).click();
    await inspector.getByTestId('report-description').fill('人民广场东侧有垃圾');
    await inspector.getByTestId('report-location-gps').click();
    await poll(() => inspector.getByTestId('report-location-coords').getAttribute('data-lng')).toBe('105.9275');
    await inspector.getByTestId('report-submit').click();
    expect(await inspector.getByTestId('report-duplicates').innerText()).toContain(caseNo);
    const duplicateHref = (await inspector.getByTestId('report-view').getAttribute('href'))!;
    await done(inspector);

    // 2. operator: the menu, the list (table and map), the case; accepts it.
    const operator = await openAs('operator', '/work/cases');
    const menu = await operator.getByTestId('work-menu').innerText();
    for (const text of ['城市管理', '上报问题', '案件列表']) expect(menu).toContain(text);
    await poll(() => operator.getByTestId(`case-state-${caseNo}`).innerText()).toBe('待受理');
    expect(await operator.getByTestId(`case-row-${caseNo}`).innerText()).toContain('暴露垃圾');
    await operator.getByTestId('case-tab-map').click();
    await poll(async () => Number(await operator.getByTestId('case-list-map').getAttribute('data-markers'))).toBeGreaterThanOrEqual(1);
    await operator.getByTestId('case-tab-list').click();
    await operator.getByTestId(`case-link-${caseNo}`).click();
    await operator.waitForURL(`${web.base}${href}`);
    await poll(() => operator.getByTestId('case-class').innerText()).toContain('暴露垃圾');
    expect(await operator.getByTestId('case-closure').innerText()).toContain('垃圾清除');
    expect(await operator.getByTestId('case-photos-report').getAttribute('data-count')).toBe('1');
    // the thumbnail comes from the case's photo endpoint (the sample is a 1 × 1 PNG)
    await poll(() => operator.getByTestId('case-photos-report').locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
    await poll(() => operator.getByTestId('duplicates-card').getAttribute('data-count')).toBe('0');
    await act(operator, 'accept');
    await poll(() => stateOf(operator)).toBe('待立案');
    // the second report: the first case is listed as its possible original; merged into it
    await operator.goto(`${web.base}${duplicateHref}`);
    await poll(() => operator.getByTestId('duplicates-card').getAttribute('data-count')).toBe('1');
    await operator.getByTestId(`duplicate-merge-${caseNo}`).click();
    await operator.getByTestId(`duplicate-merge-confirm-${caseNo}`).click();
    await poll(() => stateOf(operator)).toBe('无效上报');
    await done(operator);

    // 3. shift leader files it.
    const shiftlead = await openAs('shiftlead', href);
    await act(shiftlead, 'file');
    await poll(() => stateOf(shiftlead)).toBe('待派遣');
    await done(shiftlead);

    // 4. dispatcher: the dispatch form is pre-filled with the class's department.
    const dispatcher = await openAs('dispatcher', href);
    await poll(() => dispatcher.getByTestId('dispatch-department').innerText()).toContain('区城市管理局');
    expect(await dispatcher.getByTestId('dispatch-suggested').innerText()).toContain('区城市管理局');
    await dispatcher.getByTestId('dispatch-comment').fill('请尽快清理');
    await dispatcher.getByTestId('dispatch-submit').click();
    await poll(() => stateOf(dispatcher)).toBe('处置中');
    expect(await dispatcher.getByTestId('dispatch-card').count()).toBe(0);
    expect(await dispatcher.getByTestId('case-department').innerText()).toBe('区城市管理局');
    await done(dispatcher);

    // 5. handler of 区城市管理局 reports it handled, with a photo.
    const handler = await openAs('handler', href);
    await act(handler, 'feedback', '已清理完毕', '处置后.png');
    await poll(() => stateOf(handler)).toBe('待核查');
    await poll(() => handler.getByTestId('case-photos-feedback').getAttribute('data-count')).toBe('1');
    await done(handler);

    // 6. inspector checks on site, 7. operator closes.
    const checker = await openAs('inspector', href, 390);
    await act(checker, 'pass', '现场已清理干净');
    await poll(() => stateOf(checker)).toBe('待结案');
    await done(checker);
    const closer = await openAs('operator', href);
    await act(closer, 'close');
    await poll(() => stateOf(closer)).toBe('已结案');
    expect(await closer.getByTestId('panel-history').innerText()).toContain('现场已清理干净');
    await done(closer);

    // 8. the public map (no sign-in) lists it as 已结案; the reporter's 我的上报 too, and takes a rating.
    const publicPage = await web.open('/cases/map', 390);
    await poll(() => publicPage.getByTestId(`public-case-state-${caseNo}`).innerText()).toBe('已结案');
    expect(await publicPage.getByTestId('public-case-list').innerText()).not.toContain('人民广场东侧');
    await noSidewaysScroll(publicPage);
    await done(publicPage as TrackedPage);
    const reporter = await openAs('inspector', '/me/cases', 390);
    await poll(() => reporter.getByTestId(`mycase-state-${caseNo}`).innerText()).toBe('已结案');
    await reporter.getByTestId(`mycase-rate-${caseNo}`).locator('.ant-rate-star').nth(4).click();
    await reporter.getByTestId(`mycase-rate-submit-${caseNo}`).click();
    await poll(() => reporter.getByTestId(`mycase-rating-${caseNo}`).getAttribute('data-stars')).toBe('5');
    await done(reporter);

    // 9. a citizen reaches the same form on the portal once signed in.
    const citizen = await openAs('citizen', '/report', 390);
    await poll(() => citizen.getByTestId('report-location-map').getAttribute('data-ready')).toBe('true');
    expect(await citizen.getByTestId('report-form').isVisible()).toBe(true);
    await noSidewaysScroll(citizen);
    await done(citizen);
  }, 240_000);
});
