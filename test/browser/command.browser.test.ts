/// <reference lib="dom" />
import path from 'node:path';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/server/kernel/identity/seed';
import { screenshotDir, signInThroughForm, startWebFixture, type WebFixture } from '../helpers/browser';

let web: WebFixture;

beforeAll(async () => {
  web = await startWebFixture();
});
afterAll(async () => {
  await web?.close();
});

type TrackedPage = Page & { errors: string[]; statsCalls: number };

/** Waits as a person would: up to 10 s for what the page shows. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });

/** A fresh context (own cookies) on /command, collecting page errors, console errors and calls of the stats API. */
async function openCommand(context: BrowserContext): Promise<TrackedPage> {
  const page = (await context.newPage()) as TrackedPage;
  page.setDefaultTimeout(20_000);
  page.errors = [];
  page.statsCalls = 0;
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => {
    // the app asks /auth/me on every start: a 401 there only means "signed out"
    const signedOutProbe = m.location().url.endsWith('/api/v1/auth/me') && m.text().includes('401');
    if (m.type() === 'error' && !signedOutProbe) page.errors.push(`${m.text()} ${m.location().url}`);
  });
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/v1/cases/stats') page.statsCalls += 1;
  });
  await page.goto(`${web.base}/command`);
  return page;
}

/** Signs in through the form that the screen's sign-in link leads to, then comes back to /command. */
async function signInFromScreen(page: TrackedPage, username: string): Promise<void> {
  await page.getByTestId('command-sign-in').click();
  await page.waitForURL(/\/login\?next=%2Fcommand/);
  await signInThroughForm(page, username, demoPassword);
  // the login page sends staff to the workbench and residents to the portal: come back
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.goto(`${web.base}/command`);
}

/** Reports a case through the API as the signed-in `request` context (with its CSRF token). */
async function report(request: APIRequestContext, csrf: string, description: string, urgent = false): Promise<string> {
  const reply = await request.post(`${web.base}/api/v1/cases`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { classCode: 'E0102', description, lng: 105.9275, lat: 29.3556, urgent },
  });
  expect(reply.status(), await reply.text()).toBe(201);
  return ((await reply.json()) as { caseNo: string }).caseNo;
}

async function signInApi(context: BrowserContext, username: string): Promise<string> {
  const reply = await context.request.post(`${web.base}/api/v1/auth/login`, { data: { username, password: demoPassword } });
  expect(reply.ok()).toBe(true);
  return ((await reply.json()) as { csrfToken: string }).csrfToken;
}

const kpi = async (page: Page, key: string) => Number(await page.getByTestId(`kpi-${key}`).getAttribute('data-value'));

describe('城市运行指挥大屏 in Chromium', () => {
  it('leader sees today’s figures, the open cases on the map and in the latest list, refreshed every 30 s', async () => {
    const inspector = await web.browser.newContext();
    const csrf = await signInApi(inspector, 'inspector');
    const first = await report(inspector.request, csrf, '人民广场东侧垃圾堆放，需清运');
    const second = await report(inspector.request, csrf, '人民广场西侧垃圾桶满溢', true);

    const context = await web.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    await context.clock.install();
    const page = await openCommand(context);
    // signed out: a sign-in prompt, and no case figures asked for
    await poll(() => page.getByTestId('command-access').getAttribute('data-reason')).toBe('signed-out');
    await signInFromScreen(page, 'leader');

    await poll(() => kpi(page, 'reported')).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('kpi-reported').innerText()).toContain('今日上报');
    expect(await kpi(page, 'open')).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('kpi-by-inspectors').innerText()).toContain('100%');
    expect(await page.getByTestId('ops-kpis').getAttribute('aria-label')).toBe('今日指标');
    const map = page.getByTestId('command-map');
    await poll(() => map.getAttribute('data-ready')).toBe('true');
    expect(Number(await map.getAttribute('data-markers'))).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('command-map-urgent').innerText()).toContain('紧急 1 件');
    expect(await page.getByTestId('map-legend').innerText()).toContain('待受理');
    const latest = page.getByTestId('command-latest-list');
    for (const caseNo of [first, second]) {
      const row = latest.locator(`[data-case-no="${caseNo}"] a`);
      expect(await row.getAttribute('target')).toBe('_blank');
      expect(await row.getAttribute('href')).toMatch(/^\/work\/cases\/[0-9a-f-]{36}$/);
      const text = await row.innerText();
      for (const part of [caseNo, '暴露垃圾', '待受理']) expect(text).toContain(part);
      expect(text).toMatch(/刚刚|分钟前/);
    }
    expect(await latest.locator(`[data-case-no="${second}"]`).getAttribute('class')).toContain('ops-latest-urgent');
    for (const id of ['panel-open-by-state', 'panel-top-classes', 'panel-map', 'panel-by-street', 'panel-latest']) {
      expect(await page.getByTestId(id).getAttribute('aria-label')).toBeTruthy();
    }
    expect(await page.getByTestId('panel-top-classes').innerText()).toContain('近 7 天高发问题');
    await poll(() => page.locator('[data-testid^="chart-"] canvas').count()).toBe(3);
    // one viewport at 1920×1080: nothing scrolls
    const overflow = await page.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(screenshotDir, 'command-ops-1920.png') });

    // 30 s later the figures refresh without a reload: a third case shows up
    const updated = page.getByTestId('command-updated');
    expect(await updated.innerText()).toContain('数据更新于');
    const before = await kpi(page, 'reported');
    const calls = page.statsCalls;
    const third = await report(inspector.request, csrf, '人民广场北侧垃圾散落');
    await context.clock.fastForward(31_000);
    await poll(() => kpi(page, 'reported')).toBe(before + 1);
    await poll(() => latest.locator(`[data-case-no="${third}"]`).count()).toBe(1);
    expect(page.statsCalls).toBe(calls + 1);

    // a hidden tab asks for nothing; shown again, it refreshes at once
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await poll(() => updated.getAttribute('data-state')).toBe('paused');
    await report(inspector.request, csrf, '人民广场南侧垃圾散落');
    await context.clock.fastForward(65_000);
    expect(page.statsCalls).toBe(calls + 1);
    expect(await kpi(page, 'reported')).toBe(before + 1);
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await poll(() => kpi(page, 'reported')).toBe(before + 2);
    expect(page.statsCalls).toBe(calls + 2);

    // a laptop: still readable, no sideways scrolling
    await page.setViewportSize({ width: 1280, height: 800 });
    await poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(screenshotDir, 'command-ops-1280.png') });
    // a phone: one column, the page scrolls down but never sideways
    await page.setViewportSize({ width: 390, height: 844 });
    await poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect((await map.boundingBox())?.height).toBeGreaterThanOrEqual(300);
    await page.screenshot({ path: path.join(screenshotDir, 'command-ops-phone.png'), fullPage: true });
    expect(page.errors).toEqual([]);
    await context.close();
    await inspector.close();
  });

  it('a citizen sees no case data, only a no-permission note', async () => {
    const context = await web.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await openCommand(context);
    await poll(() => page.getByTestId('command-access').getAttribute('data-reason')).toBe('signed-out');
    await signInFromScreen(page, 'citizen');
    await poll(() => page.getByTestId('command-access').getAttribute('data-reason')).toBe('denied');
    expect(await page.getByTestId('command-access').innerText()).toContain('当前账号无权查看城市运行态势');
    expect(await page.getByTestId('command-ops').count()).toBe(0);
    expect(await page.getByTestId('command-map').count()).toBe(0);
    expect(await page.getByTestId('command-latest-list').count()).toBe(0);
    expect(page.statsCalls).toBe(0);
    await page.screenshot({ path: path.join(screenshotDir, 'command-citizen.png') });
    expect(page.errors).toEqual([]);
    await context.close();
  });
});
