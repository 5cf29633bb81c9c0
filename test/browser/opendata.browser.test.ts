/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/server/kernel/identity/seed';
import { screenshotDir, signInThroughForm, startWebFixture, type TrackedPage, type WebFixture } from '../helpers/browser';

let web: WebFixture;

beforeAll(async () => {
  web = await startWebFixture();
});
afterAll(async () => {
  await web?.close();
});

async function done(page: TrackedPage): Promise<void> {
  expect(page.errors).toEqual([]);
  await page.context().close();
}

describe('open data portal', () => {
  it('a visitor finds a dataset with the facets, previews it and downloads it', async () => {
    const page = await web.open('/');
    await page.getByTestId('portal-entry-opendata').click();
    await page.waitForURL(/\/opendata$/);
    await expect.poll(() => page.getByTestId('opendata-result').count()).toBe(10);
    const total = await page.getByTestId('opendata-count').innerText();
    expect(total).toMatch(/共 1[5-9] 个数据集/);
    // topic 城建住房, then the GeoJSON format: the public toilets remain
    await page.getByTestId('facet-groups-urban').click();
    await expect.poll(() => page.getByTestId('opendata-count').innerText()).toBe('共 2 个数据集');
    await page.getByTestId('facet-res_format-GeoJSON').click();
    await expect.poll(() => page.getByTestId('opendata-count').innerText()).toBe('共 1 个数据集');
    await page.getByTestId('dataset-link-yongchuan-public-toilets').click();
    await page.waitForURL(/\/opendata\/dataset\/yongchuan-public-toilets$/);
    await expect.poll(() => page.getByTestId('dataset-title').innerText()).toBe('永川区公共厕所分布');
    await expect.poll(() => page.getByTestId('dataset-usage').innerText()).toMatch(/浏览 \d+ 次/);
    await page.getByTestId('resource-preview').click();
    await expect.poll(() => page.getByTestId('opendata-preview').locator('tbody tr.ant-table-row').count()).toBe(20);
    expect(await page.getByTestId('opendata-preview').innerText()).toContain('共 24 条');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('resource-download').click()]);
    expect(download.suggestedFilename()).toMatch(/yongchuan-public-toilets-1\.geojson$/);
    const saved = await download.path();
    const geo = JSON.parse(fs.readFileSync(saved!, 'utf8')) as { features: unknown[] };
    expect(geo.features).toHaveLength(24);
    await page.screenshot({ path: path.join(screenshotDir, 'opendata-dataset.png'), fullPage: true });
    // the same dataset through the CKAN API the page is built on
    const ckan = await page.evaluate(() => fetch('/api/3/action/package_search?q=公厕').then((r) => r.json()));
    expect(ckan.success).toBe(true);
    await done(page);
  });

  it('a conditional dataset asks for sign-in and the agreement before its data shows', async () => {
    const page = await web.open('/opendata/dataset/yongchuan-enterprise-registrations');
    await expect.poll(() => page.getByTestId('dataset-conditional').count()).toBe(1);
    expect(await page.getByTestId('resource-preview').count()).toBe(0);
    await page.getByTestId('dataset-conditional').getByRole('link').click();
    await page.waitForURL(/\/login/);
    await signInThroughForm(page, 'citizen', demoPassword);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${web.base}/opendata/dataset/yongchuan-enterprise-registrations`);
    await page.getByTestId('dataset-accept').click();
    await expect.poll(() => page.getByTestId('dataset-conditional').count()).toBe(0);
    await page.getByTestId('resource-preview').click();
    await expect.poll(() => page.getByTestId('opendata-preview').locator('tbody tr.ant-table-row').count()).toBe(20);
    await done(page);
  });
});

describe('workbench resource catalogue', () => {
  it('a department reviewer catalogues a resource and submits it to the data authority', async () => {
    const page = await web.open('/work/catalog');
    await page.waitForURL(/\/login/);
    await signInThroughForm(page, 'reviewer', demoPassword);
    await page.waitForURL(/\/work/);
    await page.goto(`${web.base}/work/catalog`);
    await expect.poll(() => page.getByTestId('catalog-list-page').locator('tbody tr').count()).toBeGreaterThan(10);
    await page.getByTestId('catalog-new').click();
    await page.getByTestId('field-name').fill('食品生产许可信息');
    await page.getByTestId('field-classCode').fill('308003');
    await page.getByTestId('field-abstract').fill('食品生产许可证的发证和变更信息。');
    await page.locator('#items_0_name, [id$="items_0_name"]').first().fill('许可证编号');
    await page.getByTestId('resource-save').click();
    await page.waitForURL(/\/work\/catalog\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('resource-status').innerText()).toBe('草稿');
    await page.getByTestId('resource-submit').click();
    await expect.poll(() => page.getByTestId('resource-status').innerText()).toBe('审核中');
    await expect.poll(() => page.getByTestId('process-panel').count()).toBe(1);
    await done(page);
  });
});
