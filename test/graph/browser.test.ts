import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getOperationAST, parse, type OperationDefinitionNode } from 'graphql';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphiqlTabs } from '../../src/graphiql.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { openSubscriptions } from '../support/live.js';

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
  t = await startTestGateway({}, { sandboxLive: { stepDelayMs: 200 } });
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

/** The result pane's text as one line (the editor shows spaces as no-break spaces and wraps). */
async function resultText(page: Page): Promise<string> {
  return (await page.locator('.graphiql-response').innerText()).replace(/\s+/g, ' ');
}

async function open(page: Page): Promise<void> {
  await page.goto(t!.url, { waitUntil: 'load' });
  await page.locator('.graphiql-query-editor').waitFor({ state: 'visible', timeout: 20_000 });
}

/** The active tab GraphiQL keeps in localStorage (`graphiql:tabState`), written once it settles. */
async function storedActiveTab(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const stored = localStorage.getItem('graphiql:tabState');
    return stored ? (JSON.parse(stored) as { activeTabIndex: number }).activeTabIndex : null;
  });
}

/** Runs the tab shown, and waits for the answer: a POST, or a GET event stream for a subscription. */
async function run(page: Page): Promise<number> {
  const answered = page.waitForResponse(
    (response) =>
      response.url().startsWith(t!.url) &&
      (response.request().method() === 'POST' || new URL(response.url()).searchParams.has('query')),
  );
  await page.locator('.graphiql-execute-button').click();
  return (await answered).status();
}

it.skipIf(!haveChromium)(
  'every tab is one click away and runs with its variables: data, no error',
  async () => {
    const page = await browser!.newPage({ viewport: { width: 1400, height: 1000 } });
    await open(page);
    const tabs = graphiqlTabs().map((tab) => getOperationAST(parse(tab.query!))!);
    await expect.poll(() => page.locator('.graphiql-tab').count()).toBe(tabs.length);

    for (const [index, operation] of tabs.entries()) {
      const name = operation.name!.value;
      const root = rootField(operation);
      // One click on the tab's button (README.md, "A tour of GraphiQL"; src/graphiql.ts says
      // why GraphiQL needed a style for that) makes it the active tab, its operation shown.
      await page.locator(`#graphiql-session-tab-${index}`).click();
      await expect.poll(() => page.locator('.graphiql-tab-active').innerText()).toBe(name);
      await expect
        .poll(async () =>
          (await page.locator('.graphiql-query-editor .view-lines').innerText()).replace(
            /\s+/g,
            ' ',
          ),
        )
        .toContain(`${operation.operation} ${name}`);

      // GraphiQL picks the operation to run from state it settles a moment after the switch (run
      // at once, it names the previous tab's operation: "Cannot infer operation"); it stores the
      // active tab once settled.
      await expect.poll(() => storedActiveTab(page)).toBe(index);
      expect(await run(page), name).toBe(200);
      if (operation.operation === 'subscription') {
        // The stream is open: in a second window (switching tabs here would stop it), run the
        // tab that makes the sandbox produce what this one waits for (README, "A tour of GraphiQL").
        await expect.poll(() => openSubscriptions(t!.url), { timeout: 10_000 }).toBe(1);
        const trigger = name === 'LiveCalls' ? 'StartCall' : 'SendWhatsAppTemplate';
        const second = await browser!.newPage({ viewport: { width: 1400, height: 1000 } });
        await open(second);
        const index = tabs.findIndex((tab) => tab.name!.value === trigger);
        await second.locator(`#graphiql-session-tab-${index}`).click();
        await expect.poll(() => storedActiveTab(second)).toBe(index);
        expect(await run(second)).toBe(200);
        await expect.poll(() => resultText(second)).toContain('"userErrors": []');
        await second.close();
      }
      await expect
        .poll(() => resultText(page), { timeout: 20_000, message: name })
        .toContain(`"${root}": `);
      const text = await resultText(page);
      expect(text, name).toMatch(/^\{ "data": \{/);
      expect(text, name).not.toContain('"errors"');
      if (operation.operation === 'mutation') expect(text, name).toContain('"userErrors": []');
      if (operation.operation === 'subscription') {
        // The run button stops a running subscription, and the gateway closes its stream.
        await page.locator('.graphiql-execute-button').click();
        await expect.poll(() => openSubscriptions(t!.url), { timeout: 10_000 }).toBe(0);
      }
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}graphiql-tabs.png` });
  },
  180_000,
);

function rootField(operation: OperationDefinitionNode): string {
  const [first] = operation.selectionSet.selections;
  if (first?.kind !== 'Field') throw new Error('an example operation starts with a field');
  return first.alias?.value ?? first.name.value;
}
