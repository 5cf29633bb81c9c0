import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));

/** Debian's Chromium, headless, with the flags this sandboxed machine needs (no network, no GPU, root). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = candidates.find((p) => fs.existsSync(p));
  if (!executablePath) throw new Error('Chromium not found: install the Debian packages chromium and fonts-noto-cjk (.ci/run does)');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Screenshots go here for a person to look at; never compared in tests. */
export const screenshotDir = path.join(os.tmpdir(), 'sy-screenshots');

export type TrackedPage = Page & { errors: string[] };

export interface WebFixture {
  base: string;
  browser: Browser;
  /** a new page (Chinese locale) at `url`, collecting uncaught page errors in `errors` */
  open(url: string, width?: number): Promise<TrackedPage>;
  close(): Promise<void>;
}

/** Signs in through the real login form. */
export async function signInThroughForm(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** The real app with the built web root on a free port, its own database, and a headless browser. */
export async function startWebFixture(): Promise<WebFixture> {
  const [{ freshDatabase }, { buildTestApp }, { defaultWebRoot }] = await Promise.all([
    import('./db'),
    import('./app'),
    import('../../src/server/kernel/http/app'),
  ]);
  const t = await freshDatabase();
  const app = await buildTestApp(t.database, { webRoot: defaultWebRoot });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchBrowser();
  fs.mkdirSync(screenshotDir, { recursive: true });
  return {
    base,
    browser,
    open: async (url, width = 1280) => {
      const page = (await browser.newPage({ viewport: { width, height: 900 }, locale: 'zh-CN' })) as TrackedPage;
      page.setDefaultTimeout(10_000);
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(String(e)));
      await page.goto(`${base}${url}`);
      return page;
    },
    close: async () => {
      await browser.close();
      await app.close();
      await t.drop();
    },
  };
}

/**
 * An administrator's first sign-in in the page: reads the secret shown beside the QR code and
 * confirms with the current code, as a person with an authenticator app would.
 */
export async function enrolAuthenticatorInPage(page: Page): Promise<string> {
  const { currentStep, totpAt } = await import('../../src/server/kernel/identity/totp');
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  await page.getByTestId('totp-code').fill(totpAt(secret, currentStep()));
  await page.getByTestId('totp-submit').click();
  return secret;
}
