import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

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

export interface WebFixture {
  base: string;
  browser: Browser;
  close(): Promise<void>;
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
    close: async () => {
      await browser.close();
      await app.close();
      await t.drop();
    },
  };
}
