import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

/**
 * GraphiQL in a real browser: Debian's chromium package driven by playwright-core (never a
 * downloaded browser). CI (`.ci/run`) installs chromium and sets REQUIRE_BROWSER_TEST=1, so
 * there a missing browser fails; elsewhere only this file is skipped, and says why.
 */
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const required = process.env.REQUIRE_BROWSER_TEST === '1';
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

if (!haveChromium && !required) {
  console.warn(
    `browser test skipped: ${CHROMIUM} is not installed (apt-get install -y chromium to run it)`,
  );
}

it.runIf(required && !haveChromium)(
  `REQUIRE_BROWSER_TEST=1 needs ${CHROMIUM} (apt-get install -y chromium)`,
  () => {
    expect.fail(`${CHROMIUM} is missing but REQUIRE_BROWSER_TEST=1`);
  },
);

let t: TestGateway | undefined;
let browser: Browser | undefined;
beforeAll(async () => {
  if (!haveChromium) return;
  t = await startTestGateway();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
    ],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

it.skipIf(!haveChromium)(
  `GraphiQL at /graphql runs the default query and shows calls (skipped when ${CHROMIUM} is not installed)`,
  async () => {
    const page = await browser!.newPage({ viewport: { width: 1400, height: 1000 } });
    // Nothing may come from outside loopback: GraphiQL's assets are served by the gateway itself.
    const external: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (/^https?:$/.test(url.protocol) && url.hostname !== '127.0.0.1') external.push(url.href);
    });
    await page.goto(t!.url, { waitUntil: 'load' });
    await expect.poll(() => page.title()).toBe('Switchboard');

    // The first tab holds the default query.
    const editor = page.locator('.graphiql-query-editor');
    await editor.waitFor({ state: 'visible', timeout: 20_000 });
    await expect.poll(() => editor.innerText(), { timeout: 20_000 }).toContain('NewestCalls');
    // One tab per example operation follows it.
    await expect.poll(() => page.locator('.graphiql-tab').count()).toBeGreaterThanOrEqual(8);

    const answered = page.waitForResponse(
      (response) => response.url().startsWith(t!.url) && response.request().method() === 'POST',
    );
    await page.locator('.graphiql-execute-button').click();
    expect((await answered).status()).toBe(200);

    const result = page.locator('.graphiql-response');
    await expect.poll(() => result.innerText(), { timeout: 20_000 }).toContain('"totalCount"');
    // The editor renders spaces as no-break spaces and wraps long lines.
    const text = (await result.innerText()).replace(/\s+/g, ' ');
    expect(text).toMatch(/"provider": "(OVIA|LLAMADAPRO|CX|HAPPYROBOT)"/);
    expect(text).toMatch(/"status": "[A-Z_]+"/);
    expect(text).not.toContain('"errors"');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}graphiql.png` });
    expect(external).toEqual([]);
  },
  60_000,
);
