/// <reference lib="dom" />
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalPdf } from '../../src/server/kernel/files/test-samples';
import { demoPassword } from '../../src/server/kernel/identity/seed';
import { screenshotDir, signInThroughForm, startWebFixture, type TrackedPage, type WebFixture } from '../helpers/browser';

let web: WebFixture;

beforeAll(async () => {
  web = await startWebFixture();
});
afterAll(async () => {
  await web?.close();
});

/** A fresh context at a workbench `url`, signed in as `username` through the login form. */
async function openAs(username: string, url: string, width = 1280): Promise<TrackedPage> {
  const context = await web.browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
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

async function done(page: TrackedPage): Promise<void> {
  expect(page.errors).toEqual([]);
  await page.context().close();
}

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });
const statusOf = (page: Page) => page.getByTestId('article-status').innerText();

describe('信息公开 in Chromium', () => {
  it('a department editor writes and submits an article; a leader approves it; the portal lists it, finds it by a partial word and shows it', async () => {
    // 1. 王审核 of 区市场监管局 writes a policy document with an attachment and submits it
    const editor = await openAs('reviewer', '/work/disclosure');
    await editor.getByTestId('article-new').click();
    await editor.waitForURL(/\/work\/disclosure\/articles\/new$/);
    await editor.getByTestId('article-category').click();
    await editor.locator('.ant-select-item-option').filter({ hasText: '政策文件' }).click();
    await editor.getByTestId('article-title').fill('永川区 2026 年食品安全监督抽检计划');
    await editor.getByTestId('article-doc-no').fill('永川市监发〔2026〕9号');
    await editor.getByTestId('article-body').fill('为做好本区食品安全监督抽检工作，现将 2026 年抽检计划公布如下：全年抽检食品 1200 批次，重点覆盖校园周边和农村集市。');
    await editor.getByTestId('article-upload').locator('input[type=file]').setInputFiles({ name: '抽检计划.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await poll(() => editor.locator('.ant-upload-list-item-done').count()).toBe(1);
    await editor.getByTestId('article-submit').click();
    await editor.waitForURL(/\/work\/disclosure\/articles\/[0-9a-f-]{36}$/);
    const href = new URL(editor.url()).pathname;
    const id = href.split('/').pop()!;
    await poll(() => statusOf(editor)).toBe('待审核');
    await done(editor);

    // nothing on the portal before approval
    const early = (await web.open('/disclosure')) as TrackedPage;
    await poll(() => early.getByTestId('disclosure-list').getAttribute('data-loading')).toBe('false');
    expect(await early.getByTestId(`disclosure-item-${id}`).count()).toBe(0);
    await done(early);

    // 2. the leader approves it in the process panel on the article's page
    const leader = await openAs('leader', href);
    await poll(() => statusOf(leader)).toBe('待审核');
    await leader.getByTestId('action-approve').click();
    await leader.getByTestId('action-submit').click();
    await poll(() => statusOf(leader)).toBe('已发布');
    await done(leader);

    // 3. the public portal, on a phone: the entry, the list, a search by part of a word, the article
    const reader = (await web.open('/', 390)) as TrackedPage;
    await reader.getByTestId('portal-entry-disclosure').click();
    await reader.waitForURL(/\/disclosure$/);
    await poll(() => reader.getByTestId(`disclosure-link-${id}`).innerText()).toBe('永川区 2026 年食品安全监督抽检计划');
    await reader.getByTestId('disclosure-cat-budget').click();
    await poll(() => reader.getByTestId(`disclosure-item-${id}`).count()).toBe(0);
    await reader.getByTestId('disclosure-cat-policy').click();
    await reader.getByTestId('disclosure-search').fill('抽检');
    await reader.getByTestId('disclosure-search').press('Enter');
    await poll(() => reader.getByTestId(`disclosure-item-${id}`).count()).toBe(1);
    await reader.getByTestId(`disclosure-link-${id}`).click();
    await poll(() => reader.getByTestId('disclosure-article-body').innerText()).toContain('1200 批次');
    expect(await reader.getByTestId('disclosure-article-meta').innerText()).toContain('区市场监管局');
    expect(await reader.getByTestId('disclosure-article-file').innerText()).toBe('抽检计划.pdf');
    const overflow = await reader.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await reader.screenshot({ path: path.join(screenshotDir, 'disclosure-article-phone.png'), fullPage: true });
    await done(reader);
  }, 240_000);

  it('依申请公开: a citizen asks 区市场监管局; its reviewer answers 部分公开 with the legal basis; the citizen reads the answer', async () => {
    const citizen = await openAsCitizen('/disclosure/apply');
    await citizen.getByTestId('disclosure-apply-org').click();
    await citizen.keyboard.type('区市场监管局');
    await citizen.locator('.ant-select-item-option').filter({ hasText: '区市场监管局' }).first().click();
    await citizen.getByTestId('disclosure-apply-description').fill('2025 年永川区餐饮服务单位食品抽检不合格名单');
    await citizen.getByTestId('disclosure-apply-purpose').fill('了解居住地周边餐饮安全状况');
    await citizen.getByTestId('disclosure-apply-submit').click();
    const requestNo = /GK\d{13}/.exec(await citizen.getByTestId('disclosure-apply-done').innerText())![0];
    await done(citizen);

    const answerer = await openAs('reviewer', '/work/disclosure/requests');
    await answerer.getByTestId(`request-link-${requestNo}`).click();
    await poll(() => answerer.getByTestId('request-description').innerText()).toContain('不合格名单');
    await answerer.getByTestId('request-answer-type').click();
    await answerer.locator('.ant-select-item-option').filter({ hasText: '部分公开' }).click();
    await answerer.getByTestId('request-answer-text').fill('不合格单位名单予以公开；涉及个人信息的部分不予公开。');
    await answerer.getByTestId('request-answer-submit').click();
    // the legal basis is required for a partial disclosure: the form says so before the server does
    await poll(() => answerer.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('此答复类型须填写法律依据和理由');
    await answerer.getByTestId('request-answer-basis').fill('《政府信息公开条例》第十五条');
    await answerer.getByTestId('request-answer-submit').click();
    await poll(() => answerer.getByTestId('request-status').innerText()).toBe('已答复');
    await done(answerer);

    const reader = await openAsCitizen('/me/disclosure');
    await poll(() => reader.getByTestId(`disclosure-mine-state-${requestNo}`).innerText()).toBe('已答复');
    await poll(() => reader.getByTestId(`disclosure-answer-${requestNo}`).innerText()).toContain('第十五条');
    await done(reader);
  }, 240_000);
});

/** The citizen on a phone at a portal page that asks for sign-in (the login sends residents home: come back). */
async function openAsCitizen(url: string): Promise<TrackedPage> {
  const context = await web.browser.newContext({ viewport: { width: 390, height: 900 }, locale: 'zh-CN' });
  const page = (await context.newPage()) as TrackedPage;
  page.setDefaultTimeout(20_000);
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(`${web.base}${url}`);
  await page.waitForURL(/\/login/);
  await signInThroughForm(page, 'citizen', demoPassword);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  if (new URL(page.url()).pathname !== url) await page.goto(`${web.base}${url}`);
  return page;
}
