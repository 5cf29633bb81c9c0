/// <reference lib="dom" />
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCitizen, demoPassword } from '../../src/server/kernel/identity/seed';
import { enrolAuthenticatorInPage, screenshotDir, signInThroughForm, startWebFixture, type TrackedPage, type WebFixture } from '../helpers/browser';

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

const open = (url: string, width?: number): Promise<TrackedPage> => web.open(url, width);

const signIn = (page: Page, username: string): Promise<void> => signInThroughForm(page, username, demoPassword);

/** Opens an antd Select, types to filter, and picks the first matching option. */
async function choose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first().click();
}

describe('administration pages in Chromium', () => {
  it('the clerk finds the demo citizen masked and reveals the full ID number with a reason', async () => {
    const page = await open('/login', 390);
    await signIn(page, 'clerk');
    await page.waitForURL(`${base}/work`);
    await page.goto(`${base}/work/citizens`);

    // Invalid input is refused before anything is sent.
    await page.getByTestId('citizen-query').fill('500118199003071230');
    await page.getByTestId('citizen-search').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('请输入正确的 18 位身份证号码或 11 位手机号码');

    await page.getByTestId('citizen-query').fill(demoCitizen.idNumber);
    await page.getByTestId('citizen-search').click();
    const result = page.getByTestId('citizen-result');
    await expect.poll(() => result.innerText()).toContain('500118********');
    expect(await result.innerText()).not.toContain(demoCitizen.idNumber);

    await page.getByTestId('reveal-button').click();
    // The reason is required (a click while the dialog still animates in may not reach the form: click until it answers).
    await page.getByTestId('reveal-reason').waitFor({ state: 'visible' });
    await expect
      .poll(async () => {
        await page.getByTestId('reveal-confirm').click();
        return page.locator('.ant-modal .ant-form-item-explain-error').allInnerTexts();
      })
      .toContain('请填写查看事由（至少 2 个字）');
    await page.getByTestId('reveal-reason').fill('窗口办理业务，核对申请人身份');
    await page.getByTestId('reveal-confirm').click();
    await expect.poll(() => page.getByTestId('revealed-id').innerText()).toBe(demoCitizen.idNumber);
    expect(await page.getByTestId('reveal-recorded').innerText()).toContain('已留痕');
    await page.screenshot({ path: path.join(screenshotDir, 'workbench-citizen-reveal.png'), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('secadmin grants leader (district) to inspector and cannot change its own roles', async () => {
    const page = await open('/login');
    await signIn(page, 'secadmin');
    await enrolAuthenticatorInPage(page);
    await page.waitForURL(`${base}/work`);
    await page.getByTestId('menu-roles').click();
    await page.waitForURL(`${base}/work/roles`);

    await expect.poll(() => page.getByTestId('roles-table').innerText()).toContain('综合窗口受理员');
    expect(await page.getByTestId('roles-table').innerText()).toContain('identity:citizen.lookup');
    await expect.poll(() => page.getByTestId('staff-roles-table').innerText()).toContain('inspector');
    expect(await page.getByTestId('grant-inspector-leader').count()).toBe(0);

    await choose(page, 'grant-account', 'inspector');
    await choose(page, 'grant-role', 'leader');
    await page.getByTestId('grant-scope').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '全区' }).click();
    // 全区 selects the district root as the organisation.
    await expect.poll(() => page.getByTestId('grant-org').innerText()).not.toBe('');
    await page.getByTestId('grant-submit').click();
    await expect.poll(() => page.getByTestId('grant-inspector-leader').count()).toBe(1);
    expect(await page.getByTestId('grant-inspector-leader').innerText()).toContain('领导');
    expect(await page.getByTestId('grant-inspector-leader').innerText()).toContain('全区');

    await choose(page, 'grant-account', 'secadmin');
    await page.getByTestId('grant-submit').click();
    await expect.poll(() => page.getByTestId('role-error').innerText()).toContain('不能变更自己账号的角色');
    await page.screenshot({ path: path.join(screenshotDir, 'workbench-roles.png'), fullPage: true });

    // Revoking asks for confirmation, then the role is gone.
    await page.getByTestId('grant-inspector-leader').getByTestId('grant-revoke').click();
    await page.getByTestId('revoke-confirm').click();
    await expect.poll(() => page.getByTestId('grant-inspector-leader').count()).toBe(0);
    expect(await page.getByTestId('grant-inspector-city_inspector').count()).toBe(1);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('the clerk creates an API key, sees it once, and the key works', async () => {
    const page = await open('/login');
    await signIn(page, 'clerk');
    await page.waitForURL(`${base}/work`);
    await page.getByTestId('menu-account').click();
    await page.getByTestId('apikey-name').fill('窗口系统对接');
    const box = page.getByRole('checkbox', { name: 'identity:citizen.lookup' });
    // antd's controlled checkbox updates after the click: poll rather than locator.check()
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(true);
    await page.getByTestId('apikey-create').click();
    const secret = await page.getByTestId('apikey-secret').innerText();
    expect(secret).toMatch(/^syk_/);
    await expect.poll(() => page.getByTestId('apikey-list').innerText()).toContain('窗口系统对接');
    expect(await page.getByTestId('apikey-list').innerText()).toContain(secret.slice(0, 10));
    expect(await page.getByTestId('apikey-list').innerText()).not.toContain(secret);

    // The key is accepted by the API (and only carries what was chosen).
    const found = await fetch(`${base}/api/v1/citizens?idNumber=${demoCitizen.idNumber}`, { headers: { authorization: `Bearer ${secret}` } });
    expect(found.status).toBe(200);

    // Shown once: gone after dismissal and after a reload.
    await page.getByTestId('apikey-dismiss').click();
    expect(await page.getByTestId('apikey-secret').count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.getByTestId('apikey-list').innerText()).toContain('窗口系统对接');
    expect(await page.getByTestId('apikey-secret').count()).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('a citizen reaches the API keys card from the portal header', async () => {
    const page = await open('/login', 375);
    await signIn(page, 'citizen');
    await page.waitForURL(`${base}/`);
    await page.getByTestId('portal-me').click();
    await page.waitForURL(`${base}/me`);
    await expect.poll(() => page.getByTestId('apikeys').isVisible()).toBe(true);
    await page.getByTestId('apikey-name').fill('个人脚本');
    await page.getByTestId('apikey-create').click();
    await expect.poll(() => page.getByTestId('apikey-secret').innerText()).toMatch(/^syk_/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
