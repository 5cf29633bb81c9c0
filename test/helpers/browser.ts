import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

/*
 * Patience of browser tests. Alone a page renders in well under a second; in CI three test workers
 * share two cores, each with its own server, PostgreSQL connections and Chromium, and a fresh page
 * parses the whole bundle again: a page load then takes 5 to 15 s and a render after a request several
 * seconds. Tests wait for the state they need; these are only the upper bounds of those waits.
 */
/** Actions (click, fill) and locator reads wait this long for their element. */
export const actionTimeout = 20_000;
/** Navigations (goto, reload, waitForURL). */
export const navigationTimeout = 30_000;
/** expect.poll for a state that follows a request or a page load (the config's default is 10 s). */
export const stateTimeout = 30_000;

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

/** A new page in its own context (Chinese locale) with the timeouts above, collecting uncaught page errors in `errors`. */
export async function newTrackedPage(browser: Browser, width = 1280): Promise<TrackedPage> {
  const page = (await browser.newPage({ viewport: { width, height: 900 }, locale: 'zh-CN' })) as TrackedPage;
  page.setDefaultTimeout(actionTimeout);
  page.setDefaultNavigationTimeout(navigationTimeout);
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  return page;
}

/** antd's motion classes (ant-zoom-enter-active, ant-slide-up-appear, ...): present while a popup animates in or out. */
const moving = /(^|\s)ant-[a-z-]+-(appear|enter|leave)(\s|-|$)/;

/**
 * Waits until an antd popup (`.ant-modal`, `.ant-select-dropdown`) is visible and has finished animating
 * in. On a loaded machine a click during the animation can land where the target was a moment before:
 * on a dialog's wrap, which closes the dialog, or beside a dropdown's option.
 */
export async function settled(popup: Locator): Promise<void> {
  await popup.waitFor({ state: 'visible' });
  await expect.poll(async () => moving.test((await popup.getAttribute('class')) ?? ''), { timeout: stateTimeout }).toBe(false);
}

/** The open dialog (`.ant-modal`) that holds `inner`, settled (see `settled`). */
export async function settledDialog(inner: Locator): Promise<void> {
  await settled(inner.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-modal ")][1]'));
}

export interface WebFixture {
  base: string;
  browser: Browser;
  /** a new page (Chinese locale) at `url`, collecting uncaught page errors in `errors` */
  open(url: string, width?: number): Promise<TrackedPage>;
  close(): Promise<void>;
}

/** Signs in through the real login form (usually the first render of a fresh page: it gets the longer wait). */
export async function signInThroughForm(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').waitFor({ timeout: stateTimeout });
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
      const page = await newTrackedPage(browser, width);
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
