/// <reference lib="dom" />
import path from 'node:path';
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { demoPassword } from '../../src/server/kernel/identity/seed';
import { screenshotDir, signInThroughForm, startWebFixture, type TrackedPage, type WebFixture } from '../helpers/browser';

let web: WebFixture;
beforeAll(async () => {
  web = await startWebFixture();
});
afterAll(async () => {
  await web?.close();
});

/* On a machine shared by several test runs a first page load or a render after a request can take many seconds: upper bounds. */
const stateTimeout = 30_000;
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: stateTimeout });

/** antd's motion classes: present while a popup animates in or out (a click then can land beside its target). */
const moving = /(^|\s)ant-[a-z-]+-(appear|enter|leave)(\s|-|$)/;
async function settled(popup: Locator): Promise<void> {
  await popup.waitFor({ state: 'visible' });
  await poll(async () => moving.test((await popup.getAttribute('class')) ?? '')).toBe(false);
}

/** A page (own cookies) at `url`, signed in as `username` through the login form it is sent to. */
async function openAs(username: string, url: string): Promise<TrackedPage> {
  const page = await web.open(url);
  page.setDefaultTimeout(stateTimeout);
  page.setDefaultNavigationTimeout(stateTimeout);
  await page.waitForURL(/\/login/);
  await signInThroughForm(page, username, demoPassword);
  await page.waitForURL(`${web.base}${url}`);
  return page;
}

async function done(page: TrackedPage): Promise<void> {
  expect(page.errors).toEqual([]);
  await page.close();
}

/** An API session of `username` in its own browser context: calls carry its cookie and CSRF token. */
async function apiSession(username: string): Promise<<T = unknown>(method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown) => Promise<T>> {
  const context = await web.browser.newContext();
  const request: APIRequestContext = context.request;
  const login = await request.post(`${web.base}/api/v1/auth/login`, { data: { username, password: demoPassword } });
  expect(login.ok(), await login.text()).toBe(true);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T,>(method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown): Promise<T> => {
    const reply = await request.fetch(`${web.base}${url}`, { method, headers: { 'X-CSRF-Token': csrfToken }, ...(data !== undefined ? { data } : {}) });
    expect(reply.ok(), `${method} ${url}: ${reply.status()} ${await reply.text()}`).toBe(true);
    return (await reply.json()) as T;
  };
}

/** Picks the option with `text` in the antd Select with this test id. */
async function pick(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await settled(dropdown);
  await dropdown.locator('.ant-select-item-option', { hasText: text }).first().click();
}

/** A system fetching through the exchange API with its key: plain HTTP, no session. */
const fetchAsSystem = (key: string, resource: string, query: Record<string, string> = {}) =>
  fetch(`${web.base}/exchange/v1/resources/${encodeURIComponent(resource)}/records?${new URLSearchParams(query)}`, { headers: { authorization: `Bearer ${key}` } });

const items = ['许可证编号', '经营者名称', '统一社会信用代码', '经营场所', '有效期至'];
const requested = ['许可证编号', '经营者名称', '有效期至'];
const licence = {
  name: '食品经营许可信息（共享测试）',
  catalogKind: 'department',
  classCode: '308003',
  abstract: '食品经营许可证的许可证编号、经营者、经营场所和有效期。',
  format: 'database',
  items: [
    { name: '许可证编号', type: 'string', length: 30 },
    { name: '经营者名称', type: 'string', length: 200 },
    { name: '统一社会信用代码', type: 'string', length: 18 },
    { name: '经营场所', type: 'string', length: 200 },
    { name: '有效期至', type: 'date' },
  ],
  shareType: 'conditional',
  shareCondition: '用于市场监管协同和城市管理执法核验。',
  shareBasis: '《食品安全法》第三十五条',
  shareMethods: ['api'],
  openType: 'none',
  openCondition: '',
  updateCycle: 'daily',
  classification: 'internal',
  relatedCodes: [],
};
const rows = [
  { 许可证编号: 'JY15001180000001', 经营者名称: '永川区李记面馆', 统一社会信用代码: '92500118MA5U000001', 经营场所: '重庆市永川区中山路街道人民大道 12 号', 有效期至: '2029-05-31' },
  { 许可证编号: 'JY15001180000002', 经营者名称: '永川区茶山竹海农家乐', 统一社会信用代码: '92500118MA5U000002', 经营场所: '重庆市永川区卫星湖街道南华社区 3 号', 有效期至: '2027-12-31' },
];
const systemName = '城管执法核验系统';

let resource = { id: '', code: '' };
let key = '';
let requestId = '';
let instanceId = '';
let exchangeId = '';

/** Keeps a screenshot of the page if the current test fails. */
function shotOnFailure(page: TrackedPage, name: string): TrackedPage {
  onTestFailed(async () => {
    if (!page.isClosed()) await page.screenshot({ path: path.join(screenshotDir, `sharing-failed-${name}.png`), fullPage: true });
  });
  return page;
}

describe('共享交换 in Chromium: a conditional resource from request through compliance and grant to a signed exchange', () => {
  it('(a) the provider publishes a conditional resource through the data authority and uploads its rows (API)', async () => {
    const market = await apiSession('reviewer');
    const authority = await apiSession('datareviewer');
    const orgs = (await market<{ items: Array<{ id: string; name: string }> }>('GET', '/api/v1/orgs')).items;
    const marketOrg = orgs.find((o) => o.name === '区市场监管局')!.id;
    resource = await market<{ id: string; code: string }>('POST', '/api/v1/catalog/resources', { ...licence, providerOrgId: marketOrg });
    const { instanceId: publication } = await market<{ instanceId: string }>('POST', `/api/v1/catalog/resources/${resource.id}/submit`);
    await authority('POST', `/api/v1/workflow/instances/${publication}/actions/approve`, {});
    expect(await market('PUT', `/api/v1/sharing/resources/${resource.id}/rows`, { rows })).toEqual({ rows: 2 });
  }, 60_000);

  it('(b) the consumer registers a system, gets its key once, and requests three of the five items', async () => {
    const city = shotOnFailure(await openAs('cgreviewer', '/work/sharing/systems'), 'city');
    await city.getByTestId('menu-sharing').waitFor();
    await city.getByTestId('sharing-system-name').fill(systemName);
    await city.getByTestId('sharing-system-register').click();
    await city.getByTestId(`sharing-issue-key-${systemName}`).click();
    const secretBox = city.getByTestId('sharing-key-secret');
    await settled(city.locator('.ant-modal', { has: secretBox }));
    key = (await secretBox.innerText()).trim();
    expect(key).toMatch(/^sxk_/);
    await city.getByTestId('sharing-key-close').click();
    await secretBox.waitFor({ state: 'detached' });
    // the list shows the key's prefix only
    await poll(() => city.getByTestId('sharing-systems').innerText()).toContain(key.slice(0, 10));
    expect(await city.getByTestId('sharing-systems').innerText()).not.toContain(key);

    await city.getByTestId('sharing-tab-resources').click();
    await city.getByTestId('sharing-resources-search').fill(resource.code);
    await city.getByTestId('sharing-resources-search').press('Enter');
    await city.getByTestId(`sharing-apply-${resource.code}`).click();
    await city.waitForURL(`${web.base}/work/sharing/requests/new?resource=${resource.id}`);
    const form = city.getByTestId('sharing-request-form');
    // prefilled with the resource: its items are offered
    await poll(() => form.getByRole('checkbox').count()).toBe(items.length);
    await pick(city, 'sharing-request-system', systemName);
    for (const item of requested) await form.getByRole('checkbox', { name: item }).check();
    await city.getByTestId('sharing-request-purpose').fill('城市管理执法中核验食品经营者的许可状态');
    await city.getByTestId('sharing-request-basis').fill('《食品安全法》第三十五条');
    await city.screenshot({ path: path.join(screenshotDir, 'sharing-request-form.png'), fullPage: true });
    await city.getByTestId('sharing-request-submit').click();
    await city.waitForURL(/\/work\/sharing\/requests\/[0-9a-f-]{36}$/);
    requestId = city.url().split('/').pop()!;
    await poll(() => city.getByTestId('sharing-request-status').getAttribute('data-status')).toBe('compliance');
    expect(await city.getByTestId('sharing-request-fields').innerText()).toBe(requested.join('、'));
    // the consumer has no step to take
    expect(await city.getByTestId('sharing-compliance').count()).toBe(0);
    ({ instanceId } = await (await apiSession('cgreviewer'))<{ instanceId: string }>('GET', `/api/v1/sharing/requests/${requestId}`));
    await done(city);
  }, 120_000);

  it('(c) the data authority passes it from its inbox', async () => {
    const dataOffice = shotOnFailure(await openAs('datareviewer', '/work'), 'dataOffice');
    await dataOffice.getByTestId(`inbox-item-${instanceId}`).click();
    await dataOffice.waitForURL(`${web.base}/work/sharing/requests/${requestId}`);
    await dataOffice.getByTestId('sharing-compliance-pass').click();
    await poll(() => dataOffice.getByTestId('sharing-request-status').getAttribute('data-status')).toBe('provider');
    await poll(() => dataOffice.getByTestId('sharing-compliance').count()).toBe(0);
    await done(dataOffice);
  }, 90_000);

  it('(d) the provider grants from its inbox, every requested item ticked at first', async () => {
    const provider = shotOnFailure(await openAs('reviewer', '/work'), 'provider');
    await provider.getByTestId(`inbox-item-${instanceId}`).click();
    await provider.waitForURL(`${web.base}/work/sharing/requests/${requestId}`);
    const decision = provider.getByTestId('sharing-decision');
    await poll(() => decision.getByRole('checkbox', { checked: true }).count()).toBe(requested.length);
    await provider.getByTestId('sharing-decision-grant').click();
    await poll(() => provider.getByTestId('sharing-request-status').getAttribute('data-status')).toBe('granted');
    expect(await provider.getByTestId('sharing-request-process').getAttribute('href')).toBe(`/work/process/${instanceId}`);
    await done(provider);
  }, 90_000);

  it('(e) the system fetches with its key: the granted items only; an item outside the grant is refused', async () => {
    const all = await fetchAsSystem(key, resource.id);
    expect(all.status).toBe(200);
    const body = (await all.json()) as { records: Array<Record<string, unknown>> };
    expect(body.records).toHaveLength(2);
    expect(Object.keys(body.records[0]!)).toEqual(requested);
    const one = await fetchAsSystem(key, resource.code, { 许可证编号: 'JY15001180000002' });
    expect(((await one.json()) as { records: unknown[] }).records).toEqual([{ 许可证编号: 'JY15001180000002', 经营者名称: '永川区茶山竹海农家乐', 有效期至: '2027-12-31' }]);
    exchangeId = one.headers.get('x-exchange-id')!;
    const outside = await fetchAsSystem(key, resource.id, { fields: '经营者名称,经营场所' });
    expect(outside.status).toBe(403);
    expect(((await outside.json()) as { code: string }).code).toBe('EXCHANGE_FIELD_NOT_GRANTED');
  });

  it('(f) the provider’s usage log shows the exchanges, and the proof verifies', async () => {
    const provider = shotOnFailure(await openAs('reviewer', '/work/sharing'), 'provider');
    await provider.getByTestId('sharing-tab-exchanges').click();
    await provider.waitForURL(`${web.base}/work/sharing/exchanges`);
    const log = provider.getByTestId('sharing-exchanges');
    await poll(() => log.locator('tbody tr.ant-table-row', { hasText: systemName }).count()).toBe(2);
    await provider.getByTestId(`proof-open-${exchangeId}`).click();
    await poll(() => provider.getByTestId('proof-signature').innerText()).toBe('签名有效');
    expect(await provider.getByTestId('proof-leaf').innerText()).toBe('摘要一致');
    expect(await provider.getByTestId('proof-path').innerText()).toBe('路径有效');
    await provider.screenshot({ path: path.join(screenshotDir, 'sharing-proof.png'), fullPage: true });
    await done(provider);
  }, 90_000);
});
