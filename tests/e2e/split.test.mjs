// The release build splits every page other than the ledger and the
// dashboard into a wasm module of its own (src/ui/lazy_pages.rs): it starts
// without fetching any of them (bundle.test.mjs checks the start in
// detail), each page loads its module when first opened and shows, with no
// error, served and from the single file; a module that does not arrive
// leaves a message in the page's place, and the rest of the app working.
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
  ["breakdown", "breakdown-page"],
  ["reports", "report-page"],
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
    // (The task editor's module and the chunks it needs come right after
    // the ledger shows: bundle.test.mjs checks that.)
    assert.ok(!wasm.some((u) => /(^|\/)split_page_/.test(u)), `no page module at start-up: ${wasm}`);
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
    await page.evaluate(() => { location.hash = "#/settings"; });
    await page.selectOption("[data-testid='settings-cycle']", "quarterly");
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test("a page whose module does not load says so, and the rest keeps working", async () => {
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const { page, problems } = await watchedPage(context, (u) => u.startsWith(server.origin));
    // The Gantt's own module is refused (as by a server that lost it).
    let blocked = 0;
    let block = true;
    await page.route(/split_page_gantt\.wasm$/, (route) => {
      if (!block) return route.continue();
      blocked += 1;
      return route.fulfill({ status: 404, body: "not found" });
    });
    await page.goto(`${server.origin}/?today=${MID_YEAR}`);
    await appReady(page);
    await page.click("[data-testid='nav-gantt']");
    const message = page.locator("[data-testid='page-load-failed']");
    await message.waitFor({ timeout: 20000 });
    assert.match(await message.textContent(), /本页的组件未能载入，请刷新页面重试/);
    assert.equal(await message.getAttribute("role"), "alert");
    assert.ok(blocked >= 1);
    await screenshot(page, "split-load-failed");
    // The header and the other pages still work: another lazy page, then the ledger.
    await page.click("[data-testid='nav-settings']");
    await page.waitForSelector("[data-testid='settings-page']", { timeout: 20000 });
    await page.click("[data-testid='nav-ledger']");
    await appReady(page);
    // Back on the Gantt, once the module is there again, 重试 loads it.
    await page.click("[data-testid='nav-gantt']");
    await message.waitFor();
    block = false;
    await page.click("[data-testid='page-load-retry']");
    await page.waitForSelector("[data-testid='gantt']", { timeout: 20000 });
    assert.equal(await message.count(), 0);
    // The loader reports the refused fetch on the console; nothing else went wrong.
    assert.deepEqual(problems.filter((p) => !/split_page_gantt\.wasm|404/.test(p)), []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test("a task editor whose module does not load says so where the editor would be", async () => {
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const { page, problems } = await watchedPage(context, (u) => u.startsWith(server.origin));
    let block = true;
    await page.route(/split_task_editor\.wasm$/, (route) => (block ? route.fulfill({ status: 404, body: "not found" }) : route.continue()));
    await page.goto(`${server.origin}/?today=${MID_YEAR}`);
    await appReady(page);
    await page.locator("[data-testid='task-row']").nth(1).dblclick();
    const message = page.locator("[data-testid='page-load-failed']");
    await message.waitFor({ timeout: 20000 });
    // The ledger itself keeps working: search still filters it.
    await page.fill("[data-testid='search']", "招商");
    await page.waitForSelector("[data-testid='match-count']");
    block = false;
    await page.click("[data-testid='page-load-retry']");
    await page.waitForSelector("[data-testid='task-editor']", { timeout: 20000 });
    assert.equal(await message.count(), 0);
    assert.deepEqual(problems.filter((p) => !/split_task_editor\.wasm|404/.test(p)), []);
  } finally {
    await browser.close();
    await server.close();
  }
});
