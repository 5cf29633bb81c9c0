/// <reference lib="dom" />
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
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
async function openAs(username: string, url: string): Promise<TrackedPage> {
  const page = (await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })) as TrackedPage;
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

/** A call to the API with the page's session (cookies and CSRF token), as the page itself would make it. */
async function apiAs<T>(page: Page, method: 'GET' | 'POST', url: string, data?: unknown): Promise<T> {
  const me = await page.request.get(`${base}/api/v1/auth/me`);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const reply = await page.request.fetch(`${base}${url}`, { method, headers: { 'X-CSRF-Token': csrfToken }, ...(data !== undefined ? { data } : {}) });
  expect(reply.ok(), `${method} ${url}: ${reply.status()} ${await reply.text()}`).toBe(true);
  return (await reply.json()) as T;
}

async function openPanel(page: Page, instanceId: string): Promise<void> {
  await page.goto(`${base}/work/process/${instanceId}`);
  await page.getByTestId('process-panel').waitFor();
}

async function inboxLoaded(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('inbox').getAttribute('data-loading')).toBe('false');
}

/** Picks `text` in the antd Select with this test id. */
async function pick(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).first().click();
}

/** Submits the open dialog and waits for the panel to hand back to the inbox with its message. */
async function submitAndBackToInbox(page: Page, prefix: string, notice: string): Promise<void> {
  await page.getByTestId(`${prefix}-submit`).click();
  await page.waitForURL(`${base}/work`);
  await expect.poll(() => page.locator('.ant-message').innerText()).toContain(notice);
  await inboxLoaded(page);
}

describe('退回, 会签 and 延期 in the process panel (Chromium)', () => {
  it('a leader sends a request back to the section, asks another department to countersign, and grants an extension', async () => {
    const inspector = await openAs('inspector', '/work/requests/new');
    const section = await openAs('cgreviewer', '/work');
    const leader = await openAs('leader', '/work');
    onTestFailed(async () => {
      for (const [n, p] of [['inspector', inspector], ['section', section], ['leader', leader]] as const) await p.screenshot({ path: path.join(screenshotDir, `workflow-collab-failed-${n}.png`), fullPage: true });
    });

    // (a) inspector files two requests: one through the page, one through the API with the page's session.
    await inspector.getByTestId('request-title').fill('维修城区路灯');
    await inspector.getByTestId('request-reason').fill('城区主干道路灯损坏 12 盏，需安排维修。');
    await inspector.getByTestId('request-submit').click();
    await inspector.waitForURL(/\/work\/process\/[0-9a-f-]{36}$/);
    const a = inspector.url().split('/').pop()!;
    const { instanceId: b } = await apiAs<{ instanceId: string }>(inspector, 'POST', '/api/v1/requests', { title: '采购执法记录仪', reason: '执法队员需配备执法记录仪 20 台。' });

    // cgreviewer approves A in the panel, with an attachment.
    await openPanel(section, a);
    expect(await section.getByTestId('panel-assign').count()).toBe(0); // no workflow:assign
    expect(await section.getByTestId('panel-suspend').count()).toBe(0); // no workflow:suspend
    await section.getByTestId('action-approve_section').click();
    await section.getByTestId('action-upload').locator('input[type=file]').setInputFiles({ name: '路灯损坏清单.txt', mimeType: 'text/plain', buffer: Buffer.from('人民大道 5 盏\n昌州大道 7 盏\n') });
    await expect.poll(() => section.getByTestId('action-upload').locator('.ant-upload-list-item-done').innerText()).toContain('路灯损坏清单.txt');
    await section.screenshot({ path: path.join(screenshotDir, 'workflow-action-upload.png') });
    await section.getByTestId('action-comment').fill('情况属实，请领导审批。');
    await submitAndBackToInbox(section, 'action', '已办理：审核通过');
    expect(section.errors).toEqual([]);
    // B goes on to the leader without the page (only A's path is under test here).
    await apiAs(section, 'POST', `/api/v1/workflow/instances/${b}/actions/approve_section`, { comment: '同意' });

    // The leader opens A: the attachment is a download link in the history; 退回 asks for the step and a comment.
    await openPanel(leader, a);
    await expect.poll(() => leader.getByTestId('panel-state').innerText()).toBe('待领导审批');
    const link = leader.getByTestId('history-attachment');
    expect(await link.innerText()).toContain('路灯损坏清单.txt');
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^/api/v1/workflow/instances/${a}/attachments/[0-9a-f-]{36}$`));
    expect(await leader.getByTestId('panel-assign').isVisible()).toBe(true);
    expect(await leader.getByTestId('panel-suspend').isVisible()).toBe(true);
    await leader.getByTestId('action-return_to').click();
    // a click while the dialog still animates in may not reach its form: click until it answers
    await expect
      .poll(async () => {
        await leader.getByTestId('action-submit').click();
        return leader.locator('.ant-modal .ant-form-item-explain-error').allInnerTexts();
      })
      .toEqual(expect.arrayContaining(['请选择退回的环节', '请填写办理意见']));
    await pick(leader, 'action-target', '待科室审核');
    await leader.getByTestId('action-comment').fill('请补充路灯型号后再报。');
    await leader.screenshot({ path: path.join(screenshotDir, 'workflow-return-dialog.png') });
    await submitAndBackToInbox(leader, 'action', '已办理：退回至前序环节');

    // cgreviewer has A back in the inbox, with the leader's reason in the history.
    await section.reload();
    await inboxLoaded(section);
    const itemA = section.getByTestId(`inbox-item-${a}`);
    await expect.poll(() => itemA.innerText()).toContain('待科室审核');
    await itemA.click();
    await section.waitForURL(`${base}/work/process/${a}`);
    await expect.poll(() => section.getByTestId('panel-history').innerText()).toContain('退回');
    expect(await section.getByTestId('panel-history').innerText()).toContain('请补充路灯型号后再报。');

    // (c) cgreviewer asks for 3 more working days.
    await section.getByTestId('panel-extend').click();
    // a click while the dialog still animates in may not reach its form: click until it answers
    await expect
      .poll(async () => {
        await section.getByTestId('extend-submit').click();
        return section.locator('.ant-modal .ant-form-item-explain-error').allInnerTexts();
      })
      .toEqual(expect.arrayContaining(['请填写 1 至 60 个工作日']));
    await section.getByTestId('extend-days').fill('3');
    await section.getByTestId('extend-reason').fill('需等待厂家提供路灯型号。');
    await section.screenshot({ path: path.join(screenshotDir, 'workflow-extension-dialog.png') });
    await section.getByTestId('extend-submit').click();
    await expect.poll(() => section.locator('.ant-message').innerText()).toContain('延期申请已提交');
    await expect.poll(() => section.getByTestId('panel-history').innerText()).toContain('申请延期');
    expect(await section.getByTestId('panel-extend').count()).toBe(0); // one pending request per step
    const dueBefore = await section.getByTestId('panel-due').innerText();
    expect(section.errors).toEqual([]);

    // The leader grants it from the inbox.
    await leader.goto(`${base}/work`);
    await inboxLoaded(leader);
    const extension = leader.locator('[data-testid^="inbox-item-"]', { hasText: '延期申请：维修城区路灯' });
    await expect.poll(() => extension.innerText()).toContain('待审批延期');
    expect(await extension.innerText()).toContain('流程管理');
    await extension.click();
    await expect.poll(() => leader.getByTestId('panel-state').innerText()).toBe('待审批延期');
    await leader.getByTestId('action-approve').click();
    await submitAndBackToInbox(leader, 'action', '已办理：同意延期');
    expect(await extension.count()).toBe(0);

    await section.reload();
    await expect.poll(() => section.getByTestId('panel-history').innerText()).toContain('同意延期 3 个工作日');
    expect(await section.getByTestId('panel-due').innerText()).not.toBe(dueBefore);

    // (b) The leader suspends and resumes B, then asks 区市场监管局 to countersign it.
    await openPanel(leader, b);
    await expect.poll(() => leader.getByTestId('panel-state').innerText()).toBe('待领导审批');
    await leader.getByTestId('panel-suspend').click();
    await leader.getByTestId('suspend-reason').fill('等待预算批复');
    await leader.getByTestId('suspend-submit').click();
    await expect.poll(() => leader.getByTestId('panel-suspended').innerText()).toBe('已挂起');
    expect(await leader.getByTestId('action-consult').count()).toBe(0);
    expect(await leader.getByTestId('panel-suspended-notice').isVisible()).toBe(true);
    await leader.screenshot({ path: path.join(screenshotDir, 'workflow-suspended.png'), fullPage: true });
    await leader.getByTestId('panel-resume').click();
    await leader.getByTestId('panel-resume-confirm').click();
    await expect.poll(() => leader.getByTestId('panel-suspended').count()).toBe(0);
    const historyB = await leader.getByTestId('panel-history').innerText();
    for (const text of ['挂起', '等待预算批复', '恢复']) expect(historyB).toContain(text);

    await leader.getByTestId('action-consult').click();
    // a click while the dialog still animates in may not reach its form: click until it answers
    await expect
      .poll(async () => {
        await leader.getByTestId('action-submit').click();
        return leader.locator('.ant-modal .ant-form-item-explain-error').allInnerTexts();
      })
      .toContain('请选择至少一个会签单位');
    await leader.getByTestId('action-orgs').click();
    await leader.getByTestId('action-orgs').locator('input').fill('市场监管');
    await leader.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '区市场监管局' }).first().click();
    await leader.keyboard.press('Escape');
    await expect.poll(() => leader.getByTestId('action-orgs').innerText()).toContain('区市场监管局');
    await submitAndBackToInbox(leader, 'action', '已办理：发起会签');

    // The leader follows the countersign: one line for 区市场监管局, with its deadline.
    await openPanel(leader, b);
    await expect.poll(() => leader.getByTestId('panel-countersign-mode').innerText()).toBe('会签：全部同意');
    const lines = leader.getByTestId('panel-countersign-step');
    expect(await lines.count()).toBe(1);
    await expect.poll(() => lines.first().innerText()).toContain('区市场监管局');
    expect(await lines.first().innerText()).toContain('剩余');
    expect(await lines.first().getAttribute('data-colour')).toBe('green');
    // 指派: the leader gives 区市场监管局's step to its reviewer by name.
    await lines.first().locator('[data-testid^="countersign-assign-"]').click();
    await pick(leader, 'give-candidate', '王审核');
    await leader.getByTestId('give-comment').fill('请王审核同志办理。');
    await leader.screenshot({ path: path.join(screenshotDir, 'workflow-assign-dialog.png') });
    await leader.getByTestId('give-submit').click();
    await expect.poll(() => leader.locator('.ant-message').innerText()).toContain('已指派给 王审核');
    await expect.poll(() => lines.first().innerText()).toContain('已指定经办人');
    expect(await leader.getByTestId('panel-history').innerText()).toContain('指派');
    await leader.screenshot({ path: path.join(screenshotDir, 'workflow-countersign.png'), fullPage: true });
    expect(leader.errors).toEqual([]);

    // reviewer (区市场监管局) agrees in the panel; 不同意 would need a comment.
    const reviewer = await openAs('reviewer', '/work');
    await inboxLoaded(reviewer);
    const itemB = reviewer.getByTestId(`inbox-item-${b}`);
    await expect.poll(() => itemB.innerText()).toContain('会签中');
    await itemB.click();
    await reviewer.waitForURL(`${base}/work/process/${b}`);
    await expect.poll(() => reviewer.getByTestId('panel-countersign').innerText()).toContain('由您办理');
    expect(await reviewer.getByTestId('panel-handover').isVisible()).toBe(true);
    await reviewer.getByTestId('action-disagree').click();
    // a click while the dialog still animates in may not reach its form: click until it answers
    await expect
      .poll(async () => {
        await reviewer.getByTestId('action-submit').click();
        return reviewer.locator('.ant-modal .ant-form-item-explain-error').allInnerTexts();
      })
      .toContain('请填写办理意见');
    await reviewer.getByTestId('action-cancel').click();
    await reviewer.getByTestId('action-agree').click();
    await reviewer.getByTestId('action-comment').fill('无意见。');
    await submitAndBackToInbox(reviewer, 'action', '已办理：同意');
    expect(await itemB.count()).toBe(0);
    await openPanel(reviewer, b);
    await expect.poll(() => reviewer.getByTestId('panel-state').innerText()).toBe('会签通过，待领导审批');
    const history = await reviewer.getByTestId('panel-history').innerText();
    for (const text of ['发起会签', '同意', '王审核', '无意见。']) expect(history).toContain(text);
    expect(reviewer.errors).toEqual([]);

    for (const page of [inspector, section, leader, reviewer]) await page.close();
  }, 240_000);
});
