// Issue 19 spike (branch `split`): the split build (scripts/split-build.sh,
// LUOSHI_DIST=dist-split) starts without fetching any page module, and each
// page other than the ledger and the dashboard loads its own module when
// first opened and shows, with no error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launchBrowser, watchedPage, appReady, MID_YEAR, screenshot } from "./harness.mjs";

const PAGES = [
  ["gantt", "gantt"],
  ["data", "data-page"],
  ["audit", "audit-page"],
  ["units", "registry-page"],
  ["supervision", "supervision-list"],
  ["problems", "problems-page"],
  ["settings", "settings-page"],
];

test("split modules load on first use", async () => {
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const { page, problems } = await watchedPage(context, (u) => u.startsWith(server.origin));
    const wasm = [];
    page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(r.url().replace(server.origin + "/", "")));
    const t0 = Date.now();
    await page.goto(`${server.origin}/?today=${MID_YEAR}`);
    await appReady(page);
    console.log(`ledger shown after ${Date.now() - t0} ms; wasm fetched: ${wasm.join(", ")}`);
    assert.ok(!wasm.some((u) => /(^|\/)(split|chunk)_/.test(u)), `no page module at start-up: ${wasm}`);
    for (const [hash, testid] of PAGES) {
      const before = wasm.length;
      const t = Date.now();
      await page.goto(`${server.origin}/?today=${MID_YEAR}#/${hash}`);
      await page.waitForSelector(`[data-testid='${testid}']`, { timeout: 20000 });
      console.log(`#/${hash}: shown after ${Date.now() - t} ms, fetched ${wasm.slice(before).join(", ") || "nothing"}`);
      if (hash === "gantt" || hash === "settings") await screenshot(page, `split-${hash}`);
    }
    // In-page navigation (no reload): a module already loaded shows at once.
    await page.evaluate(() => { location.hash = "#/audit"; });
    await page.waitForSelector("[data-testid='audit-page']");
    await page.evaluate(() => { location.hash = "#/gantt"; });
    await page.waitForSelector("[data-testid='gantt']");
    await page.evaluate(() => { location.hash = "#/"; });
    await appReady(page);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test("the single file carries the page modules and opens them from file://", async () => {
  const { pathToFileURL } = await import("node:url");
  const { join } = await import("node:path");
  const { DIST } = await import("./harness.mjs");
  const url = pathToFileURL(join(DIST, "luoshi.html")).href;
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const { page, problems } = await watchedPage(context, (u) => u.startsWith(url));
    await page.goto(`${url}?today=${MID_YEAR}`);
    await appReady(page);
    for (const [hash, testid] of PAGES) {
      await page.evaluate((h) => { location.hash = `#/${h}`; }, hash);
      await page.waitForSelector(`[data-testid='${testid}']`, { timeout: 20000 });
    }
    await page.selectOption("[data-testid='settings-cycle']", "quarterly");
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
