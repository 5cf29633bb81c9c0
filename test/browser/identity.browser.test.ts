/// <reference lib="dom" />
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentStep, totpAt } from '../../src/server/kernel/identity/totp';
import { screenshotDir, signInThroughForm, startWebFixture, type TrackedPage, type WebFixture } from '../helpers/browser';

const demoPassword = 'Yongchuan@2026';

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

async function submitPassword(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

describe('signing in and out in Chromium', () => {
  it('redirects the workbench to /login; leader signs in, sees their name, signs out', async () => {
    const page = await open('/work');
    await page.waitForURL(/\/login\?next=%2Fwork/);
    await submitPassword(page, 'leader', demoPassword);
    await page.waitForURL(`${base}/work`);
    await expect.poll(() => page.getByTestId('work-title').innerText()).toContain('工作台');
    await expect.poll(() => page.getByTestId('user-name').innerText()).toBe('孙区长');
    // A leader manages neither accounts nor the audit log.
    const menu = await page.getByTestId('work-menu').innerText();
    expect(menu).toContain('我的账号');
    expect(menu).not.toContain('审计日志');
    expect(menu).not.toContain('账号管理');
    await page.getByTestId('logout').click();
    await page.waitForURL(`${base}/`);
    await expect.poll(() => page.getByTestId('portal-login').isVisible()).toBe(true);
    await page.goto(`${base}/work`);
    await page.waitForURL(/\/login/);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('auditadmin binds an authenticator, opens the audit log and verifies the chain', async () => {
    const page = await open('/login');
    await submitPassword(page, 'auditadmin', demoPassword);
    await expect.poll(() => page.getByTestId('totp-qr').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.screenshot({ path: path.join(screenshotDir, 'login-enrol.png'), fullPage: true });
    await page.getByTestId('totp-code').fill(totpAt(secret, currentStep()));
    await page.getByTestId('totp-submit').click();
    await page.waitForURL(`${base}/work`);
    await expect.poll(() => page.getByTestId('user-name').innerText()).toContain('审计管理员');

    await page.getByTestId('menu-audit').click();
    await page.waitForURL(`${base}/work/audit`);
    const table = page.getByTestId('audit-table');
    await expect.poll(() => table.innerText()).toContain('auth.login');
    const text = await table.innerText();
    expect(text).toContain('auth.totp.enrol');
    expect(text).toContain('孙区长');

    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-verdict').innerText()).toContain('链未被篡改');

    // Filter by action: only enrolment records remain.
    await page.getByTestId('audit-action').fill('auth.totp.enrol');
    await page.getByTestId('audit-search').click();
    await expect.poll(async () => (await table.innerText()).includes('auth.logout')).toBe(false);
    expect(await page.getByTestId('audit-export').getAttribute('href')).toBe('/api/v1/audit/export.csv?limit=200&action=auth.totp.enrol');
    await page.screenshot({ path: path.join(screenshotDir, 'workbench-audit.png'), fullPage: true });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('sysadmin lists staff accounts and creates a civil servant in a chosen organisation', async () => {
    const page = await open('/login');
    await submitPassword(page, 'sysadmin', demoPassword);
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    await page.getByTestId('totp-code').fill(totpAt(secret, currentStep()));
    await page.getByTestId('totp-submit').click();
    await page.waitForURL(`${base}/work`);
    await page.getByTestId('menu-accounts').click();
    const table = page.getByTestId('accounts-table');
    await expect.poll(() => table.innerText()).toContain('auditadmin');
    expect(await table.innerText()).toContain('已绑定');
    await page.getByTestId('staff-displayName').fill('周测试');
    await page.getByTestId('staff-org').click();
    await page.keyboard.type('区民政局');
    await page.locator('.ant-select-item-option').filter({ hasText: '区民政局' }).first().click();
    await page.getByTestId('staff-username').fill('zhouceshi');
    await page.getByTestId('staff-password').fill('Zhou@2026ok');
    await page.getByTestId('staff-submit').click();
    await expect.poll(() => table.innerText()).toContain('zhouceshi');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('a wrong password shows the Chinese error message', async () => {
    const page = await open('/login');
    await submitPassword(page, 'citizen', 'Wrong@2026x');
    await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('用户名或密码错误');
    expect(page.url()).toBe(`${base}/login`);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('a citizen lands on the portal and sees their name in the header', async () => {
    const page = await open('/login');
    await submitPassword(page, 'citizen', demoPassword);
    await page.waitForURL(`${base}/`);
    await expect.poll(() => page.getByTestId('user-name').innerText()).toBe('张永川');
    // The workbench is for staff only.
    await page.goto(`${base}/work`);
    await page.waitForURL(`${base}/`);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('the registration form checks the ID number and mobile number as one types', async () => {
    const page = await open('/register', 375);
    await page.getByTestId('register-idNumber').fill('500118199003071230');
    await page.getByTestId('register-phone').focus();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('身份证号码不正确，请核对');
    await page.getByTestId('register-phone').fill('12345');
    await page.getByTestId('register-password').focus();
    await page.getByTestId('register-password').fill('abc');
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('请输入 11 位中国大陆手机号码');
    await expect.poll(async () => (await page.locator('.ant-form-item-explain-error').allInnerTexts()).join('\n')).toContain('密码至少需要 8 个字符');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});
