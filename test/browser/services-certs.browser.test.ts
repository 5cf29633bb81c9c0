/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCitizen, demoPassword } from '../../src/server/kernel/identity/seed';
import { seededTypeCode } from '../../src/server/modules/services/certificates/types';
import { screenshotDir, signInThroughForm, startWebFixture, type TrackedPage, type WebFixture } from '../helpers/browser';

let web: WebFixture;

beforeAll(async () => {
  web = await startWebFixture();
});
afterAll(async () => {
  await web?.close();
});

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });

/** 区市场监管局 issues a 食品经营许可证 to the demo citizen through the API (as its 制证 window would). */
async function issueToCitizen(): Promise<{ id: string; number: string }> {
  const context = await web.browser.newContext();
  const login = await context.request.post(`${web.base}/api/v1/auth/login`, { data: { username: 'reviewer', password: demoPassword } });
  expect(login.ok()).toBe(true);
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const reply = await context.request.post(`${web.base}/api/v1/certificates`, {
    headers: { 'x-csrf-token': csrf },
    data: { typeCode: seededTypeCode('食品经营许可证'), holderName: demoCitizen.realName, holderId: demoCitizen.idNumber, holderKind: 'person', data: { 经营者名称: '永川豆花饭', 经营场所: '永川区中山路街道人民大道 88 号', 主体业态: '小餐饮', 经营项目: '热食类食品制售' }, validFrom: '2026-11-26' },
  });
  expect(reply.status(), await reply.text()).toBe(201);
  const issued = (await reply.json()) as { id: string; number: string };
  await context.close();
  return issued;
}

describe('电子证照 in Chromium', () => {
  it('the holder finds the certificate in my certificates, downloads the PDF, and the public page accepts it and refuses an altered code or file', async () => {
    const issued = await issueToCitizen();
    const context = await web.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', acceptDownloads: true });
    const page = (await context.newPage()) as TrackedPage;
    page.setDefaultTimeout(20_000);
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(String(e)));
    await page.goto(`${web.base}/me/certificates`);
    await page.waitForURL(/\/login/);
    await signInThroughForm(page, 'citizen', demoPassword);
    await page.waitForURL(`${web.base}/me/certificates`);

    const card = page.getByTestId(`my-cert-${issued.number}`);
    await poll(() => card.count()).toBe(1);
    expect(await card.getByTestId('cert-status').getAttribute('data-status')).toBe('valid');
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('my-cert-download').click()]);
    const file = path.join(screenshotDir, `certificate-${issued.number}.pdf`);
    fs.mkdirSync(screenshotDir, { recursive: true });
    await download.saveAs(file);
    const pdf = fs.readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await card.getByTestId('my-cert-show-code').click();
    const code = (await card.getByTestId('my-cert-code').innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    await page.screenshot({ path: path.join(screenshotDir, 'services-my-certificates-phone.png'), fullPage: true });

    // the public page, as a visitor types number and code
    const visitor = await web.open('/certificates/verify', 390);
    await visitor.getByTestId('cert-verify-number').fill(issued.number);
    await visitor.getByTestId('cert-verify-code').fill(code);
    await visitor.getByTestId('cert-verify-submit').click();
    await poll(() => visitor.getByTestId('cert-result').getAttribute('data-signature')).toBe('valid');
    expect(await visitor.getByTestId('cert-status').getAttribute('data-status')).toBe('valid');
    expect(await visitor.getByTestId('cert-holder').innerText()).toBe('张**');
    await visitor.screenshot({ path: path.join(screenshotDir, 'services-cert-verify-phone.png'), fullPage: true });
    // one character of the code changed: refused, nothing shown
    const altered = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
    await visitor.getByTestId('cert-verify-code').fill(altered);
    await visitor.getByTestId('cert-verify-submit').click();
    await poll(() => visitor.getByTestId('cert-not-verified').count()).toBe(1);
    expect(await visitor.getByTestId('cert-result').count()).toBe(0);

    // the QR code's address verifies at once; the downloaded file is authentic, an altered one is not
    const scanned = await web.open(`/certificates/verify?number=${issued.number}&code=${code}`, 390);
    await poll(() => scanned.getByTestId('cert-result').getAttribute('data-signature')).toBe('valid');
    await scanned.locator('input[type=file]').setInputFiles({ name: 'cert.pdf', mimeType: 'application/pdf', buffer: pdf });
    await poll(() => scanned.getByTestId('cert-file-result').getAttribute('data-result')).toBe('authentic');
    await scanned.locator('input[type=file]').setInputFiles({ name: 'cert.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([pdf, Buffer.from('\n% edited\n')]) });
    await poll(() => scanned.getByTestId('cert-file-result').getAttribute('data-result')).toBe('tampered');
    expect([...page.errors, ...visitor.errors, ...scanned.errors]).toEqual([]);
    await context.close();
  }, 180_000);

  it('shows the public ratings page', async () => {
    const page = await web.open('/services/ratings', 390);
    await poll(() => page.getByTestId('ratings-table').getAttribute('data-loading')).toBe('false');
    await page.getByTestId('ratings-by-item').click();
    await poll(() => page.getByTestId('ratings-table').getAttribute('data-loading')).toBe('false');
    expect(page.errors).toEqual([]);
  }, 90_000);
});
