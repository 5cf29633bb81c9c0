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

/** A fresh context at `url` (a page that asks for sign-in), signed in as `username` through the login form. */
async function openAs(username: string, url: string, width = 1280): Promise<TrackedPage> {
  const context = await web.browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  const page = (await context.newPage()) as TrackedPage;
  page.setDefaultTimeout(20_000);
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(`${web.base}${url}`);
  await page.waitForURL(/\/login/);
  await signInThroughForm(page, username, demoPassword);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  if (new URL(page.url()).pathname !== url) await page.goto(`${web.base}${url}`);
  return page;
}

async function done(page: TrackedPage): Promise<void> {
  expect(page.errors).toEqual([]);
  await page.context().close();
}

/** Waits as a person would: up to 10 s for what the page shows. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });

/** An action of the embedded process panel: its dialog, a comment, 确定. */
async function act(page: Page, key: string, comment?: string): Promise<void> {
  await page.getByTestId(`action-${key}`).click();
  if (comment) await page.getByTestId('action-comment').fill(comment);
  await page.getByTestId('action-submit').click();
}

const status = (page: Page) => page.getByTestId('ticket-status').innerText();

describe('政民互动 in Chromium', () => {
  it('a citizen writes; the centre accepts and dispatches; the department signs and replies; the centre visits, closes and publishes; the public reads it masked', async () => {
    // 1. the citizen, on a phone: the form refuses an empty letter, then a complaint goes in
    const citizen = await openAs('citizen', '/me/letters', 390);
    await citizen.getByTestId('my-letters-write').click();
    await citizen.waitForURL(/\/letters\/write$/);
    await citizen.getByTestId('letter-submit').click();
    await poll(() => citizen.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('请选择诉求类型');
    await citizen.getByTestId('letter-kind').click();
    await citizen.locator('.ant-select-item-option').filter({ hasText: '投诉' }).click();
    expect(await citizen.getByTestId('letter-limit').innerText()).toContain('10 个工作日');
    await citizen.getByTestId('letter-title').fill('红河小区门口夜市占道经营');
    await citizen.getByTestId('letter-content').fill('红河小区门口每晚有夜市摊贩占用人行道，行人只能走机动车道，存在安全隐患，请求整治。');
    await citizen.getByTestId('letter-phone').fill('13800238123');
    await citizen.screenshot({ path: path.join(screenshotDir, 'interaction-write-phone.png'), fullPage: true });
    await citizen.getByTestId('letter-submit').click();
    const written = await citizen.getByTestId('letter-written').innerText();
    const ticketNo = /XJ\d{13}/.exec(written)![0];
    await citizen.getByTestId('letter-to-mine').click();
    await poll(() => citizen.getByTestId(`my-letter-state-${ticketNo}`).innerText()).toBe('待受理');
    await done(citizen);

    // 2. the centre's clerk: the menu, the list, the ticket; accepts and dispatches to 区城市管理局
    const clerk = await openAs('clerk', '/work/interaction');
    await clerk.getByTestId('menu-interaction').click();
    await poll(() => clerk.getByTestId('work-menu').innerText()).toMatch(/政民互动[\s\S]*工单列表[\s\S]*登记来电/);
    await poll(() => clerk.getByTestId(`ticket-state-${ticketNo}`).innerText()).toBe('待受理');
    await clerk.getByTestId(`ticket-link-${ticketNo}`).click();
    await clerk.waitForURL(/\/work\/interaction\/[0-9a-f-]{36}$/);
    const href = new URL(clerk.url()).pathname;
    await poll(() => clerk.getByTestId('ticket-content').innerText()).toContain('占用人行道');
    expect(await clerk.getByTestId('ticket-facts').innerText()).toContain('138****8123');
    await act(clerk, 'accept');
    await poll(() => status(clerk)).toBe('待派单');
    await clerk.getByTestId('ticket-dispatch-department').click();
    await clerk.keyboard.type('区城市管理局');
    await clerk.locator('.ant-select-item-option').filter({ hasText: '区城市管理局' }).first().click();
    await clerk.getByTestId('ticket-dispatch-submit').click();
    await poll(() => status(clerk)).toBe('待签收');
    expect(await clerk.getByTestId('ticket-department').innerText()).toBe('区城市管理局');
    await done(clerk);

    // 3. the department's handler finds it in the department's list, signs it off and replies
    const handler = await openAs('handler', '/work/interaction');
    await handler.getByTestId(`ticket-link-${ticketNo}`).click();
    await handler.waitForURL(`${web.base}${href}`);
    await act(handler, 'sign');
    await poll(() => status(handler)).toBe('办理中');
    await handler.getByTestId('ticket-reply-text').fill('已联合红河社区和中山路街道对夜市摊贩进行劝导，划定临时经营区域，人行道已恢复通行。');
    await handler.getByTestId('ticket-reply-submit').click();
    await poll(() => status(handler)).toBe('待回访');
    await done(handler);

    // 4. the centre visits (satisfied), the ticket closes; publication approved
    const visit = await openAs('clerk', href);
    await poll(() => visit.getByTestId('ticket-reply').innerText()).toContain('人行道已恢复通行');
    await act(visit, 'satisfied', '电话回访，群众满意');
    await poll(() => status(visit)).toBe('已办结');
    await visit.getByTestId('ticket-publish').click();
    await poll(() => visit.getByTestId('ticket-publication').innerText()).toBe('已公开');
    await done(visit);

    // 5. anyone reads it under 公开答复: the name masked, no phone
    const reader = (await web.open('/letters', 390)) as TrackedPage;
    await poll(() => reader.getByTestId(`public-reply-text-${ticketNo}`).innerText()).toContain('人行道已恢复通行');
    expect(await reader.getByTestId(`public-writer-${ticketNo}`).innerText()).toContain('张**');
    expect(await reader.getByTestId('public-replies').innerText()).not.toMatch(/138|张永川/);
    const overflow = await reader.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await reader.screenshot({ path: path.join(screenshotDir, 'interaction-public-phone.png'), fullPage: true });
    await done(reader);
  }, 240_000);
});
