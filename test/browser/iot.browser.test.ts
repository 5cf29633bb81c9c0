/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, defaultWebRoot } from '../../src/server/kernel/http/app';
import { demoPassword } from '../../src/server/kernel/identity/seed';
import type { Kernel } from '../../src/server/kernel/module';
import { modules } from '../../src/server/modules';
import { testKernel } from '../helpers/app';
import { launchBrowser, screenshotDir, signInThroughForm, type TrackedPage } from '../helpers/browser';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { signInAdmin } from '../helpers/session';

/**
 * The real app on its own database with its job runner started (the outbox delivers
 * `iot.alarm.raised`, so an alarm of a rule with a case class opens its case as in production),
 * and a headless browser.
 */
let t: TestDatabase;
let kernel: Kernel;
let app: FastifyInstance;
let base: string;
let browser: Browser;

/** A dust monitor of our own, so the demo devices and their rules play no part. */
const deviceId = 'YC-DUST-9901';
let token: string;

beforeAll(async () => {
  t = await freshDatabase();
  kernel = await testKernel(t.database);
  app = await buildApp({ kernel, modules, webRoot: defaultWebRoot });
  await app.ready();
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  await kernel.jobs.start();
  browser = await launchBrowser();
  fs.mkdirSync(screenshotDir, { recursive: true });
  // the device is registered through the API by the administrator (who signs in with a TOTP code)
  const { session } = await signInAdmin(app, 'sysadmin', demoPassword);
  const orgs = (await app.inject({ method: 'GET', url: '/api/v1/orgs' })).json().items as Array<{ id: string; name: string }>;
  const owner = orgs.find((o) => o.name === '区住房城乡建委')!.id;
  const created = await session.request('POST', '/api/v1/iot/devices', { id: deviceId, typeCode: 'DUST', name: '凤凰湖工地扬尘监测', ownerOrgId: owner, lng: 105.9302, lat: 29.3571 });
  expect(created.statusCode, created.body).toBe(201);
  token = created.json().token as string;
});

afterAll(async () => {
  await browser?.close();
  await kernel?.jobs.stop();
  await app?.close();
  await t?.drop();
});

/** Waits as a person would: up to 10 s for what the page shows. */
const poll = <T>(fn: () => Promise<T> | T, timeout = 10_000) => expect.poll(fn, { timeout });

/** A fresh context (own cookies) at `url`, signed in as `username` through the login form it is sent to. */
async function openAs(username: string, url: string, width = 1280): Promise<TrackedPage> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  const page = (await context.newPage()) as TrackedPage;
  page.setDefaultTimeout(20_000);
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(`${base}${url}`);
  await page.waitForURL(/\/login/);
  await signInThroughForm(page, username, demoPassword);
  if (url.startsWith('/work')) {
    await page.waitForURL(`${base}${url}`);
  } else {
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${base}${url}`);
  }
  return page;
}

async function done(page: TrackedPage): Promise<void> {
  expect(page.errors).toEqual([]);
  await page.context().close();
}

/** Opens an antd select by its test id (typing `search` when given) and picks the visible option containing `text`. */
async function choose(page: Page, testId: string, text: string, search?: string): Promise<void> {
  await page.getByTestId(testId).click();
  if (search) await page.keyboard.type(search);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** Telemetry as the device posts it (HTTP, its own token). */
async function send(body: unknown): Promise<{ accepted: number }> {
  const reply = await fetch(`${base}/api/v1/telemetry`, {
    method: 'POST',
    headers: { authorization: `Device ${deviceId}:${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(reply.status, await reply.clone().text()).toBe(202);
  return (await reply.json()) as { accepted: number };
}

const alarmRow = (page: Page) => page.locator(`[data-testid^="alarm-row-"][data-device="${deviceId}"]`);

describe('城市感知 in Chromium', () => {
  it('a shift leader writes a threshold rule; a reading crosses it; the operator sees the alarm and its case, acknowledges it, follows the chart and clears it', async () => {
    // 1. shift leader: the rule editor refuses a threshold outside the quantity's range on that field, then saves the rule.
    const lead = await openAs('shiftlead', '/work/iot/rules');
    expect(await lead.getByTestId('work-menu').innerText()).toContain('城市感知');
    await poll(async () => Number(await lead.getByTestId('rules-page').getAttribute('data-count'))).toBeGreaterThanOrEqual(6);
    await lead.getByTestId('rule-new').click();
    await lead.getByTestId('rule-name').fill('凤凰湖工地 PM10 超过 100');
    await choose(lead, 'rule-type', 'DUST');
    await choose(lead, 'rule-device', deviceId, '9901');
    await choose(lead, 'rule-quantity', 'PM10');
    expect(await lead.getByTestId('rule-form').innerText()).toContain('量程 0–2000 µg/m³');
    await lead.getByTestId('rule-value').fill('5000');
    await choose(lead, 'rule-severity', '严重');
    await choose(lead, 'rule-case-class', '工地扬尘', 'E0304');
    await lead.getByTestId('rule-submit').click();
    await poll(() => lead.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('阈值须在量程 0–2000 内');
    expect(await lead.getByTestId('rules-page').getAttribute('data-count')).toBe('6');
    await lead.getByTestId('rule-value').fill('100');
    await lead.screenshot({ path: path.join(screenshotDir, 'iot-rule-editor.png'), fullPage: true });
    await lead.getByTestId('rule-submit').click();
    const rule = lead.locator('tr[data-name="凤凰湖工地 PM10 超过 100"]');
    await poll(() => rule.count()).toBe(1);
    expect(await rule.innerText()).toContain('高于 100 µg/m³ 立即告警');
    expect(await rule.innerText()).toContain('工地扬尘');
    await done(lead);

    // 2. operator: the console is open before anything happens; the menu has the group, the rules are read-only.
    const operator = await openAs('operator', '/work/iot/alarms');
    expect(await operator.getByTestId('work-menu').innerText()).toContain('城市感知');
    await poll(() => operator.getByTestId('alarm-console').getAttribute('data-loading')).toBe('false');
    expect(await alarmRow(operator).count()).toBe(0);

    // 3. the device reports: quiet values, then PM10 at 186 µg/m³.
    const now = Date.now();
    expect((await send([60, 75, 92].map((pm10, i) => ({ ts: now - (3 - i) * 60_000, values: { pm10, pm2_5: pm10 / 2 } })))).accepted).toBe(6);
    expect((await send({ ts: now, values: { pm10: 186, pm2_5: 90 } })).accepted).toBe(2);

    // 4. within one refresh the alarm is in the console, flagged as a new critical alarm; its case follows through the outbox.
    await poll(() => alarmRow(operator).count()).toBe(1);
    expect(await alarmRow(operator).getAttribute('data-severity')).toBe('critical');
    const row = await alarmRow(operator).innerText();
    for (const text of ['严重', '越限', '凤凰湖工地扬尘监测', '凤凰湖工地 PM10 超过 100', 'pm10=186', '未确认']) expect(row).toContain(text);
    expect(await operator.getByTestId('alarm-new-critical').innerText()).toContain('凤凰湖工地扬尘监测');
    const alarmId = (await alarmRow(operator).getAttribute('data-testid'))!.replace('alarm-row-', '');
    await poll(() => operator.getByTestId(`alarm-case-${alarmId}`).count(), 20_000).toBe(1);
    const caseNo = await operator.getByTestId(`alarm-case-${alarmId}`).innerText();
    expect(caseNo).toMatch(/^CG\d{13}$/);
    expect(await operator.getByTestId(`alarm-case-${alarmId}`).getAttribute('href')).toMatch(/^\/work\/cases\/[0-9a-f-]{36}$/);
    await operator.screenshot({ path: path.join(screenshotDir, 'iot-alarm-console.png'), fullPage: true });

    // 5. acknowledged with a note: the console names who did it.
    await operator.getByTestId(`alarm-ack-button-${alarmId}`).click();
    await operator.getByTestId('alarm-action-note').fill('已通知工地洒水降尘');
    await operator.getByTestId('alarm-action-submit').click();
    await poll(() => alarmRow(operator).getAttribute('data-acked')).toBe('true');
    expect(await operator.getByTestId(`alarm-ack-${alarmId}`).innerText()).toBe('冯受理');
    expect(await operator.getByTestId(`alarm-ack-button-${alarmId}`).count()).toBe(0);

    // 6. the device page: latest values, a chart that has the readings, the alarm; a longer span comes from the minute roll-ups.
    await operator.getByTestId(`alarm-device-${alarmId}`).click();
    await operator.waitForURL(`${base}/work/iot/devices/${deviceId}`);
    await poll(() => operator.getByTestId('latest-pm10').innerText()).toContain('186');
    expect(await operator.getByTestId('device-state').innerText()).toBe('在线');
    await poll(async () => Number(await operator.getByTestId('series-pm10').getAttribute('data-points'))).toBe(4);
    expect(await operator.getByTestId('series-pm10').getAttribute('data-resolution')).toBe('raw');
    expect(await operator.getByTestId('series-pm10').locator('canvas').count()).toBeGreaterThanOrEqual(1);
    await poll(() => operator.locator(`tr[data-testid="alarm-row-${alarmId}"]`).count()).toBe(1);
    await operator.screenshot({ path: path.join(screenshotDir, 'iot-device.png'), fullPage: true });
    await operator.getByTestId('span-24h').click();
    await poll(() => operator.getByTestId('series-pm10').getAttribute('data-resolution')).toBe('minute');
    expect(Number(await operator.getByTestId('series-pm10').getAttribute('data-points'))).toBe(4);

    // 7. the device list and map: our device is online and has an open alarm.
    await operator.goto(`${base}/work/iot/devices?typeCode=DUST`);
    await poll(() => operator.getByTestId(`device-state-${deviceId}`).innerText()).toBe('在线');
    expect(await operator.getByTestId(`device-row-${deviceId}`).innerText()).toContain('严重 ×1');
    await operator.getByTestId('device-tab-map').click();
    await poll(() => operator.getByTestId('device-map').getAttribute('data-ready')).toBe('true');
    expect(Number(await operator.getByTestId('device-map').getAttribute('data-markers'))).toBeGreaterThan(1);
    await operator.screenshot({ path: path.join(screenshotDir, 'iot-device-map.png'), fullPage: true });

    // 8. the command screen's 感知告警 panel counts it and lists it among the newest.
    await operator.goto(`${base}/command`);
    await poll(() => operator.getByTestId('sensing-count-critical').getAttribute('data-count')).toBe('1');
    expect(await operator.getByTestId('sensing-newest').innerText()).toContain('凤凰湖工地扬尘监测');
    await operator.screenshot({ path: path.join(screenshotDir, 'iot-command-panel.png'), fullPage: true });

    // 9. cleared by hand with a note: gone from the open alarms, listed among the cleared ones.
    await operator.goto(`${base}/work/iot/alarms`);
    await poll(() => alarmRow(operator).count()).toBe(1);
    await operator.getByTestId(`alarm-clear-button-${alarmId}`).click();
    await operator.getByTestId('alarm-action-note').fill('工地已洒水，现场复核正常');
    await operator.getByTestId('alarm-action-submit').click();
    await poll(() => alarmRow(operator).count()).toBe(0);
    await choose(operator, 'alarm-filter-state', '已消除');
    await poll(() => operator.getByTestId(`alarm-cleared-${alarmId}`).innerText()).toContain('已人工消除');
    await done(operator);
  }, 300_000);

  it('on a phone the console fits the screen; a leader reads alarms and rules but has no buttons to change them', async () => {
    const leader = await openAs('leader', '/work/iot/alarms?state=all', 390);
    await poll(() => leader.getByTestId('alarm-console').getAttribute('data-loading')).toBe('false');
    await poll(() => alarmRow(leader).count()).toBe(1);
    expect(await leader.locator('[data-testid^="alarm-ack-button-"], [data-testid^="alarm-clear-button-"]').count()).toBe(0);
    const overflow = await leader.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await leader.screenshot({ path: path.join(screenshotDir, 'iot-alarms-phone.png'), fullPage: true });
    // in English too
    await leader.getByTestId('lang-switch').click();
    await poll(() => leader.getByTestId('alarm-console').innerText()).toContain('Sensing alarm console');
    expect(await alarmRow(leader).innerText()).toContain('Critical');
    await leader.getByTestId('lang-switch').click();
    await poll(() => leader.getByTestId('alarm-console').innerText()).toContain('感知告警台');
    // the device page too: facts, values, the span picker and the charts stack in one column
    await leader.goto(`${base}/work/iot/devices/${deviceId}`);
    await poll(async () => Number(await leader.getByTestId('series-pm10').getAttribute('data-points'))).toBe(4);
    expect(await leader.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await leader.screenshot({ path: path.join(screenshotDir, 'iot-device-phone.png'), fullPage: true });
    await leader.goto(`${base}/work/iot/rules`);
    await poll(async () => Number(await leader.getByTestId('rules-page').getAttribute('data-count'))).toBe(7);
    expect(await leader.getByTestId('rule-new').count()).toBe(0);
    await done(leader);
  }, 120_000);

  it('a shift leader changes the rule (value and duration) and switches it off', async () => {
    const lead = await openAs('shiftlead', '/work/iot/rules');
    const rule = lead.locator('tr[data-name="凤凰湖工地 PM10 超过 100"]');
    await poll(() => rule.count()).toBe(1);
    const id = (await rule.getAttribute('data-testid'))!.replace('rule-row-', '');
    await lead.getByTestId(`rule-edit-${id}`).click();
    // the form comes back with the rule's values; what identifies the rule cannot be changed
    await poll(() => lead.getByTestId('rule-value').inputValue()).toBe('100');
    expect(await lead.getByTestId('rule-for-minutes').inputValue()).toBe('0');
    expect(await lead.locator('.ant-modal .ant-select-disabled').count()).toBe(4);
    await lead.getByTestId('rule-value').fill('120');
    await lead.getByTestId('rule-for-minutes').fill('5');
    await lead.getByTestId('rule-submit').click();
    await poll(() => rule.innerText()).toContain('高于 120 µg/m³ 持续 5 分钟');
    expect(await lead.getByTestId(`rule-switch-${id}`).getAttribute('aria-checked')).toBe('true');
    await lead.getByTestId(`rule-switch-${id}`).click();
    await poll(() => lead.getByTestId(`rule-switch-${id}`).getAttribute('aria-checked')).toBe('false');
    // what the page shows is what the server keeps
    await lead.reload();
    await poll(() => lead.getByTestId(`rule-switch-${id}`).getAttribute('aria-checked')).toBe('false');
    expect(await rule.innerText()).toContain('高于 120 µg/m³ 持续 5 分钟');
    await done(lead);
  }, 120_000);
});
