/// <reference lib="dom" />
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/server/kernel/identity/seed';
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

type TrackedPage = Page & { errors: string[] };

/** A fresh browser context (own cookies) at `url`, signed in as `username` via the login page. */
async function openAs(username: string, url: string, width = 1280): Promise<TrackedPage> {
  const page = (await browser.newPage({ viewport: { width, height: 900 }, locale: 'zh-CN' })) as TrackedPage;
  page.setDefaultTimeout(20_000);
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(`${base}${url}`);
  await page.waitForURL(/\/login/);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(demoPassword);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(`${base}${url}`);
  return page;
}

/** The inbox has finished loading (no request in flight). */
async function inboxLoaded(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('inbox').getAttribute('data-loading')).toBe('false');
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('the unified inbox and the process panel in Chromium', () => {
  it('an internal request goes from the inspector through the section head and the leader to 已批准', async () => {
    // 1. inspector (区城市管理局) files a request and lands on its panel.
    const inspector = await openAs('inspector', '/work/requests/new');
    expect(await inspector.getByTestId('work-menu').innerText()).toContain('发起申请');
    // The form refuses an empty submission before asking the server.
    await inspector.getByTestId('request-submit').click();
    await expect.poll(() => inspector.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('请填写申请事项（2 至 100 个字）');
    await inspector.getByTestId('request-title').fill('购置防汛沙袋');
    await inspector.getByTestId('request-reason').fill('汛期将至，需购置防汛沙袋 500 袋，用于城区低洼路段。');
    await inspector.getByTestId('request-submit').click();
    await inspector.waitForURL(/\/work\/process\/[0-9a-f-]{36}$/);
    const instanceId = inspector.url().split('/').pop()!;
    await expect.poll(() => inspector.getByTestId('panel-title').innerText()).toBe('购置防汛沙袋');
    expect(await inspector.getByTestId('panel-state').innerText()).toBe('待科室审核');
    expect(await inspector.getByTestId('panel-status').innerText()).toBe('办理中');
    expect(await inspector.getByTestId('panel-business-no').innerText()).toMatch(/^NB\d{13}$/);
    expect(await inspector.getByTestId('panel-due').innerText()).toContain('剩余');
    expect(await inspector.getByTestId('panel-history').innerText()).toContain('发起');
    // The applicant may withdraw while nobody has acted, but takes no action on the step.
    expect(await inspector.getByTestId('panel-withdraw').isVisible()).toBe(true);
    expect(await inspector.getByTestId('action-approve_section').count()).toBe(0);
    await inspector.screenshot({ path: path.join(screenshotDir, 'workflow-panel-submitted.png'), fullPage: true });
    // Nothing is waiting for the applicant.
    await inspector.getByTestId('panel-back').click();
    await inspector.waitForURL(`${base}/work`);
    await inboxLoaded(inspector);
    expect(await inspector.getByTestId(`inbox-item-${instanceId}`).count()).toBe(0);
    await inspector.getByTestId('logout').click();
    await inspector.waitForURL(`${base}/`);
    expect(inspector.errors).toEqual([]);
    await inspector.close();

    // 2. cgreviewer (section head of 区城市管理局), on a phone: the item is in the inbox, green.
    const section = await openAs('cgreviewer', '/work', 390);
    await inboxLoaded(section);
    const item = section.getByTestId(`inbox-item-${instanceId}`);
    await expect.poll(() => item.getAttribute('data-colour')).toBe('green');
    const itemText = await item.innerText();
    for (const text of ['购置防汛沙袋', '内部事项', '待科室审核', '剩余']) expect(itemText).toContain(text);
    expect(Number(await section.getByTestId('inbox-count-green').getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
    expect(await section.getByTestId('inbox-count-red').innerText()).toContain('超期');
    // The colour badges filter the list.
    await section.getByTestId('inbox-count-red').click();
    await inboxLoaded(section);
    expect(await item.count()).toBe(0);
    await section.getByTestId('inbox-count-green').click();
    await inboxLoaded(section);
    await expect.poll(() => item.count()).toBe(1);
    await noSidewaysScroll(section);
    await section.screenshot({ path: path.join(screenshotDir, 'workflow-inbox-phone.png'), fullPage: true });

    await item.click();
    await section.waitForURL(`${base}/work/process/${instanceId}`);
    await expect.poll(() => section.getByTestId('panel-state').innerText()).toBe('待科室审核');
    expect(await section.getByTestId('panel-claim').isVisible()).toBe(true);
    expect(await section.getByTestId('panel-withdraw').count()).toBe(0);
    await noSidewaysScroll(section);
    await section.getByTestId('action-approve_section').click();
    await section.getByTestId('action-comment').fill('同意，请领导审批。');
    await section.getByTestId('action-submit').click();
    await section.waitForURL(`${base}/work`);
    await expect.poll(() => section.locator('.ant-message').innerText()).toContain('已办理：审核通过');
    await inboxLoaded(section);
    expect(await item.count()).toBe(0);
    expect(section.errors).toEqual([]);
    await section.close();

    // 3. leader: the comment is required to return it; then approves.
    const leader = await openAs('leader', '/work');
    await inboxLoaded(leader);
    const leaderItem = leader.getByTestId(`inbox-item-${instanceId}`);
    await expect.poll(() => leaderItem.innerText()).toContain('待领导审批');
    await leaderItem.click();
    await leader.waitForURL(`${base}/work/process/${instanceId}`);
    await expect.poll(() => leader.getByTestId('panel-state').innerText()).toBe('待领导审批');
    await leader.getByTestId('action-return').click();
    // a click while the dialog still animates in may not reach its form: click until it answers
    await expect
      .poll(async () => {
        await leader.getByTestId('action-submit').click();
        return leader.locator('.ant-modal .ant-form-item-explain-error').allInnerTexts();
      })
      .toContain('请填写办理意见');
    // Still on the panel, still waiting for the leader.
    expect(leader.url()).toBe(`${base}/work/process/${instanceId}`);
    await leader.locator('.ant-modal-close').click();
    await expect.poll(() => leader.getByTestId('panel-state').innerText()).toBe('待领导审批');
    await leader.getByTestId('action-approve_leader').click();
    await leader.getByTestId('action-submit').click();
    await leader.waitForURL(`${base}/work`);
    await expect.poll(() => leader.locator('.ant-message').innerText()).toContain('已办理：批准');
    await inboxLoaded(leader);
    expect(await leaderItem.count()).toBe(0);
    expect(leader.errors).toEqual([]);
    await leader.close();

    // 4. inspector sees the outcome and the whole history.
    const applicant = await openAs('inspector', `/work/process/${instanceId}`);
    await expect.poll(() => applicant.getByTestId('panel-state').innerText()).toBe('已批准');
    expect(await applicant.getByTestId('panel-status').innerText()).toBe('已办结');
    const entries = applicant.getByTestId('panel-history').getByTestId('panel-history-entry');
    expect(await entries.count()).toBe(3);
    const history = await applicant.getByTestId('panel-history').innerText();
    for (const text of ['赵巡查', '周科长', '孙区长', '审核通过', '批准', '同意，请领导审批。', '已批准']) expect(history).toContain(text);
    expect(await applicant.getByTestId('panel-withdraw').count()).toBe(0);
    // The panel follows the language.
    await applicant.getByTestId('lang-switch').click();
    await expect.poll(() => applicant.getByTestId('panel-state').innerText()).toBe('Approved');
    expect(await applicant.getByTestId('panel-history').innerText()).toContain('Approve (section)');
    await applicant.getByTestId('lang-switch').click();
    await applicant.screenshot({ path: path.join(screenshotDir, 'workflow-panel-approved.png'), fullPage: true });
    expect(applicant.errors).toEqual([]);
    await applicant.close();
  }, 180_000);
});
