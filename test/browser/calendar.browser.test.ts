/// <reference lib="dom" />
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/server/kernel/identity/seed';
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

/** Clicks previous/next until the month view shows `target` (YYYY-MM), whatever today is. */
async function goToMonth(page: Page, target: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const shown = await page.getByTestId('calendar-month').getAttribute('data-month');
    if (shown === target) break;
    await page.getByTestId(shown! < target ? 'calendar-next' : 'calendar-prev').click();
    await expect.poll(() => page.getByTestId('calendar-month').getAttribute('data-month')).not.toBe(shown);
  }
  expect(await page.getByTestId('calendar-month').getAttribute('data-month')).toBe(target);
  // the month's days have arrived
  await expect.poll(() => page.getByTestId(`calendar-day-${target}-15`).getAttribute('data-kind')).not.toBe('');
}

async function deadline(page: Page, from: string, days: number): Promise<void> {
  await page.getByTestId('deadline-from').fill(from);
  await page.getByTestId('deadline-days').fill(String(days));
  await page.getByTestId('deadline-submit').click();
}

describe('the working calendar in Chromium', () => {
  it('leader sees National Day and the make-up Saturday, computes a deadline, and sees 2027 marked provisional', async () => {
    const page = await open('/work/calendar', 390);
    await page.waitForURL(/\/login/);
    await signIn(page, 'leader');
    await page.waitForURL(`${base}/work/calendar`);

    await goToMonth(page, '2026-10');
    const national = page.getByTestId('calendar-day-2026-10-01');
    expect(await national.getAttribute('data-kind')).toBe('holiday');
    expect(await national.innerText()).toContain('国庆节');
    expect(await national.innerText()).not.toContain('National Day');
    const makeup = page.getByTestId('calendar-day-2026-10-10');
    expect(await makeup.getAttribute('data-kind')).toBe('makeup');
    expect(await page.getByTestId('calendar-day-2026-10-12').getAttribute('data-kind')).toBe('workday');
    expect(await page.getByTestId('calendar-day-2026-10-18').getAttribute('data-kind')).toBe('restday');
    expect(await page.getByTestId('provisional-banner').count()).toBe(0);
    // No calendar:manage: days are not editable, office hours are read-only.
    expect(await page.locator('button[data-testid^="calendar-day-"]').count()).toBe(0);

    await deadline(page, '2026-09-25', 20);
    await expect.poll(() => page.getByTestId('deadline-due').innerText()).toContain('2026-10-29');
    expect(await page.getByTestId('deadline-due').innerText()).not.toContain('暂定');

    await goToMonth(page, '2027-01');
    await expect.poll(() => page.getByTestId('provisional-banner').innerText()).toContain('该年度国务院放假安排尚未发布，日期按周一至周五暂定');
    expect(await page.getByTestId('calendar-day-2027-01-04').innerText()).toContain('暂定');

    await expect.poll(() => page.getByTestId('office-hours').innerText()).toContain('09:00–12:00');
    expect(await page.getByTestId('office-save').count()).toBe(0);

    await page.screenshot({ path: path.join(screenshotDir, 'workbench-calendar-phone.png'), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('sysadmin closes 2026-10-12 for a flood, which moves the deadline, then removes it; edits office hours', async () => {
    const page = await open('/login');
    await signIn(page, 'sysadmin');
    await enrolAuthenticatorInPage(page);
    await page.waitForURL(`${base}/work`);
    await page.getByTestId('menu-calendar').click();
    await page.waitForURL(`${base}/work/calendar`);

    await goToMonth(page, '2026-10');
    await deadline(page, '2026-09-25', 20);
    await expect.poll(() => page.getByTestId('deadline-due').innerText()).toContain('2026-10-29');

    await page.getByTestId('calendar-day-2026-10-12').click();
    expect(await page.getByTestId('override-remove').count()).toBe(0);
    // The reason is required.
    // a click while the dialog still animates in may not reach its form: click until it answers
    await expect
      .poll(async () => {
        await page.getByTestId('override-save').click();
        return page.locator('.ant-modal .ant-form-item-explain-error').allInnerTexts();
      })
      .toContain('请填写调整事由（2 至 200 个字）');
    await page.getByTestId('override-kind').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '休息（停工）' }).click();
    await page.getByTestId('override-reason').fill('洪灾停工');
    await page.getByTestId('override-save').click();

    const day = page.getByTestId('calendar-day-2026-10-12');
    await expect.poll(() => day.getAttribute('data-kind')).toBe('override');
    expect(await day.innerText()).toContain('洪灾停工');
    expect(await day.innerText()).toContain('临时调整');
    // The deadline shown is recomputed with the new calendar.
    await expect.poll(() => page.getByTestId('deadline-due').innerText()).toContain('2026-10-30');
    await page.screenshot({ path: path.join(screenshotDir, 'workbench-calendar-override.png'), fullPage: true });

    await day.click();
    await expect.poll(() => page.getByTestId('override-reason').inputValue()).toBe('洪灾停工');
    await page.getByTestId('override-remove').click();
    await expect.poll(() => day.getAttribute('data-kind')).toBe('workday');
    await expect.poll(() => page.getByTestId('deadline-due').innerText()).toContain('2026-10-29');

    // Office hours: the server's refusal is shown in Chinese, then a valid change is saved.
    await page.getByTestId('office-org').click();
    await page.keyboard.type('朱沱镇');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '朱沱镇' }).first().click();
    await expect.poll(() => page.getByTestId('office-start-0').inputValue()).toBe('09:00');
    await page.getByTestId('office-start-0').fill('14:00');
    await page.getByTestId('office-save').click();
    await expect.poll(() => page.getByTestId('office-error').innerText()).toContain('办公时间设置不正确');
    // …and in English once the language is switched.
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('office-error').innerText()).toContain('Invalid office hours');
    expect(await page.getByTestId('calendar-day-2026-10-01').innerText()).toContain('National Day');
    expect(await page.getByTestId('calendar-day-2026-10-10').innerText()).toContain('Make-up working day');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('office-error').innerText()).toContain('办公时间设置不正确');
    await page.getByTestId('office-start-0').fill('08:30');
    await page.getByTestId('office-save').click();
    await expect.poll(() => page.getByTestId('office-source').innerText()).toContain('本机构设置');
    expect(await page.getByTestId('office-start-0').inputValue()).toBe('08:30');
    expect(await page.getByTestId('office-error').count()).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
