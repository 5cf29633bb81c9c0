/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalPdf } from '../../src/server/kernel/files/test-samples';
import { demoPassword } from '../../src/server/kernel/identity/seed';
import { screenshotDir, startWebFixture, type TrackedPage, type WebFixture } from '../helpers/browser';

let web: WebFixture;
beforeAll(async () => {
  web = await startWebFixture();
});
afterAll(async () => {
  await web?.close();
});

/** 食品经营许可（新设）: online, promised 5 working days, 区市场监管局, result 食品经营许可证. */
const item = '010000100001';
// a loaded machine may take a while to render a page: the default 5 s of expect.poll is too short
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, `services-loop-${name}.png`), fullPage: true });

/** A fresh page at `url`, signed in as `username` through the login page it is sent to. */
async function openAs(username: string, url: string, width = 1280): Promise<TrackedPage> {
  const page = await web.open(url, width);
  page.setDefaultTimeout(20_000);
  await page.waitForURL(/\/login/);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(demoPassword);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(`${web.base}${url}`);
  return page;
}

async function uploadPdf(page: Page, seq: number, name: string) {
  await page.getByTestId(`apply-material-input-${seq}`).setInputFiles({ name, mimeType: 'application/pdf', buffer: minimalPdf() });
  await poll(() => page.getByTestId(`apply-material-${seq}`).getAttribute('data-files')).not.toBe('0');
}

const status = (page: Page) => page.getByTestId('application-view').getAttribute('data-status');

/** The application in the workbench, from the list of the window or the inbox. */
async function openInWorkbench(page: Page, businessNo: string) {
  await page.getByTestId(`window-row-${businessNo}`).click();
  await page.waitForURL(/\/work\/applications\/[0-9a-f-]{36}$/);
}

describe('the whole online-approval loop in Chromium (issue 5, "done when")', () => {
  it('apply → 补正 → corrected → 一窗受理 → 准予 → certificate downloaded and verified → 好差评', async () => {
    // 1. the citizen fills the form of the item and uploads the materials, on a phone
    const citizen = await openAs('citizen', `/services/apply/${item}`, 390);
    await citizen.getByTestId('apply-field-operatorName').fill('永川区老王豆花饭');
    await citizen.getByTestId('apply-field-premises').fill('重庆市永川区中山路街道兴龙大道 166 号');
    await citizen.getByTestId('apply-field-format').click();
    await citizen.locator('.ant-select-item-option').filter({ hasText: '餐饮服务经营者' }).click();
    await citizen.getByTestId('apply-field-scope').fill('热食类食品制售；冷食类食品制售');
    await citizen.getByTestId('apply-field-managerId').fill('11010519491231002X');
    await citizen.getByTestId('apply-field-contactPhone').fill('13800238123');
    for (const seq of [2, 3, 4, 5]) await uploadPdf(citizen, seq, `材料${seq}.pdf`);
    await citizen.getByTestId('apply-submit').click();
    await poll(() => citizen.getByTestId('apply-done-no').innerText()).toMatch(/^SP\d{13}$/);
    const businessNo = await citizen.getByTestId('apply-done-no').innerText();
    await citizen.getByTestId('apply-done-open').click();
    await poll(() => status(citizen)).toBe('submitted');
    const detailUrl = citizen.url();

    // 2. the department's reviewer (区市场监管局, 预审) finds one problem set and sends ONE correction notice;
    //    the panel names the field in words, not by its key
    const reviewer = await openAs('reviewer', '/work/applications');
    await openInWorkbench(reviewer, businessNo);
    await poll(() => status(reviewer)).toBe('submitted');
    await reviewer.getByTestId('action-request_correction').click();
    const label = reviewer.locator('.ant-form-item-label').filter({ has: reviewer.locator('label[for$="corrections"]') });
    await poll(() => label.innerText()).toContain('补正内容');
    expect(await label.innerText()).not.toContain('corrections');
    await reviewer.getByTestId('action-field-corrections').fill('材料4 设备布局图缺少比例尺；材料5 食品安全规章制度需加盖公章');
    await shot(reviewer, 'correction-notice');
    await reviewer.getByTestId('action-submit').click();
    await poll(() => status(reviewer)).toBe('correcting');

    // 3. the citizen reads the notice (the clock is stopped) and uploads the corrected materials
    await citizen.reload();
    await poll(() => citizen.getByTestId('application-corrections').innerText()).toContain('设备布局图缺少比例尺');
    await uploadPdf(citizen, 4, '布局图（补正）.pdf');
    await uploadPdf(citizen, 5, '规章制度（盖章）.pdf');
    await shot(citizen, 'correcting-phone');
    await citizen.getByTestId('correction-submit').click();
    await poll(() => status(citizen)).toBe('submitted');

    // 4. the window clerk of the service centre accepts it for the department (一窗受理)
    const clerk = await openAs('clerk', '/work/applications');
    await openInWorkbench(clerk, businessNo);
    await poll(() => status(clerk)).toBe('submitted');
    await clerk.getByTestId('action-accept').click();
    await clerk.getByTestId('action-submit').click();
    await poll(() => status(clerk)).toBe('reviewing');

    // 5. the department approves: the certificate of the seeded type is issued in the same transaction
    await reviewer.reload();
    await poll(() => status(reviewer)).toBe('reviewing');
    await reviewer.getByTestId('action-approve').click();
    await reviewer.getByTestId('action-comment').fill('经审查，符合食品经营许可条件，准予许可');
    await reviewer.getByTestId('action-submit').click();
    await poll(() => status(reviewer)).toBe('approved');
    await shot(reviewer, 'approved');

    // 6. the citizen's application page says what to do next: the certificate and the rating
    await citizen.goto(detailUrl);
    await poll(() => status(citizen)).toBe('approved');
    const number = (await citizen.getByTestId('application-certificate').innerText()).trim();
    expect(number).toMatch(/^JY1500118\d{10}$/);
    await poll(() => citizen.getByTestId('application-outcome').count()).toBe(1);
    await shot(citizen, 'approved-phone');
    await citizen.getByTestId('application-certificate-link').click();
    await citizen.waitForURL(`${web.base}/me/certificates`);

    // 7. "my certificates": download the PDF, read the verification code
    const card = citizen.getByTestId(`my-cert-${number}`);
    await poll(() => card.count()).toBe(1);
    expect(await card.getByTestId('cert-status').getAttribute('data-status')).toBe('valid');
    const [download] = await Promise.all([citizen.waitForEvent('download', { timeout: 30_000 }), card.getByTestId('my-cert-download').click()]);
    const file = path.join(screenshotDir, `services-loop-${number}.pdf`);
    fs.mkdirSync(screenshotDir, { recursive: true });
    await download.saveAs(file);
    const pdf = fs.readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await card.getByTestId('my-cert-show-code').click();
    await poll(() => card.getByTestId('my-cert-code').count()).toBe(1);
    const code = (await card.getByTestId('my-cert-code').innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    await shot(citizen, 'my-certificates-phone');

    // 8. anyone, from the portal's entry: the verification page accepts the number and code, and the PDF
    const visitor = await web.open('/', 390);
    await visitor.getByTestId('portal-entry-certificates-verify').click();
    await visitor.waitForURL(`${web.base}/certificates/verify`);
    await visitor.getByTestId('cert-verify-number').fill(number);
    await visitor.getByTestId('cert-verify-code').fill(code);
    await visitor.getByTestId('cert-verify-submit').click();
    await poll(() => visitor.getByTestId('cert-result').getAttribute('data-signature')).toBe('valid');
    expect(await visitor.getByTestId('cert-status').getAttribute('data-status')).toBe('valid');
    await visitor.locator('input[type=file]').setInputFiles({ name: 'certificate.pdf', mimeType: 'application/pdf', buffer: pdf });
    await poll(() => visitor.getByTestId('cert-file-result').getAttribute('data-result')).toBe('authentic');
    await shot(visitor, 'verified-phone');

    // 9. the citizen rates the application from its page (好差评, once per application)
    await citizen.goto(detailUrl);
    await citizen.getByTestId('application-rate-link').click();
    await citizen.waitForURL(/\/me\/ratings#SP\d{13}$/);
    const rating = citizen.getByTestId(`my-rating-${businessNo}`);
    await poll(() => rating.getByTestId('rating-form').count()).toBe(1);
    for (const dim of ['overall', 'efficiency', 'guidance', 'convenience', 'usability']) {
      await rating.getByTestId(`rating-${dim}`).locator('li.ant-rate-star').nth(dim === 'guidance' ? 3 : 4).locator('div[role=radio]').click();
    }
    await rating.getByTestId('rating-comment').fill('网上申报一次告知补正，全程没跑腿，好评');
    await rating.getByTestId('rating-submit').click();
    await poll(() => rating.getByTestId('my-rating-done').innerText()).toContain('非常满意');
    await shot(citizen, 'rated-phone');

    // 10. the item's guide shows the rating (好差评 per item, public)
    const guide = await web.open(`/services/${item}`, 390);
    await poll(() => guide.getByTestId('item-rating').innerText()).toContain('共 1 条评价');
    await shot(guide, 'guide-rating-phone');

    // the portal's "me" page leads to all of it
    await citizen.goto(`${web.base}/me`);
    for (const id of ['me-applications', 'me-certificates', 'me-ratings', 'me-progress', 'me-verify']) await poll(() => citizen.getByTestId(id).count()).toBe(1);
    for (const page of [citizen, reviewer, clerk, visitor, guide]) expect(page.errors).toEqual([]);
  }, 300_000);
});
