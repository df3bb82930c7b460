// A check of the release build in Firefox ESR (as on 统信UOS/麒麟), by
// hand, not part of the test command: the end-to-end tests drive Debian's
// Chromium, and Playwright cannot drive a stock Firefox. Puppeteer can,
// through WebDriver BiDi. Issue 11 asked for Firefox to be checked at
// least once; this is that check, kept so it can be run again.
//
//   sudo apt-get install firefox-esr
//   npm install --no-save puppeteer-core@24
//   trunk build --release && node scripts/check-firefox.mjs [dist]
//
// It opens the sample plan judged mid-year and goes through: the ledger
// (rows and counts), the dashboard (every chart mark), the Gantt, a
// keyboard-only edit (Tab to the table, ↓↓, Enter, type, Escape asks,
// Tab to 放弃修改, Enter, the keyboard back on the table), the layout at
// 200% zoom (640×360 at twice the density), and an Excel export through
// the worker. It prints what it saw and fails on any page error or any
// step that does not happen.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import assert from "node:assert/strict";

const { default: puppeteer } = await import("puppeteer-core").catch(() => {
  console.error("puppeteer-core is missing: npm install --no-save puppeteer-core@24");
  process.exit(2);
});
const DIST = process.argv[2] || "dist";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
  try {
    const body = await readFile(join(DIST, path === "/" ? "index.html" : path));
    res.writeHead(200, { "content-type": TYPES[extname(path)] || "text/html; charset=utf-8" });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}/?today=2026-06-30`;

const browser = await puppeteer.launch({ browser: "firefox", executablePath: "/usr/bin/firefox-esr", headless: true, args: ["-no-remote"] });
const errors = [];
const seen = { version: await browser.version() };
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  const open = async (hash, ready) => {
    await page.goto(base + hash);
    await page.reload();
    await page.waitForSelector(ready, { timeout: 30000 });
  };
  const focused = () => page.evaluate(() => document.activeElement?.dataset.testid ?? document.activeElement?.className ?? null);
  const pause = (ms = 300) => new Promise((ok) => setTimeout(ok, ms));

  await open("#/ledger", "[data-testid='task-row']");
  seen.rows = await page.$$eval("[data-testid='task-row']", (r) => r.length);
  seen.total = await page.$eval("[data-testid='count-total']", (e) => e.textContent.trim());
  await open("#/dashboard", "[data-testid='chart-mark']");
  seen.marks = await page.$$eval("[data-testid='chart-mark']", (r) => r.length);
  await open("#/gantt", "[data-testid='gantt-row']");
  seen.ganttRows = await page.$$eval("[data-testid='gantt-row']", (r) => r.length);

  // Keyboard alone.
  await open("#/ledger", "[data-testid='task-row']");
  let tabs = 0;
  while (tabs < 200 && !(await page.evaluate(() => document.activeElement?.matches(".ledger-table")))) {
    await page.keyboard.press("Tab");
    tabs++;
  }
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const chosen = await page.evaluate(() => document.querySelector("tr.task-row.selected")?.dataset.taskId);
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-testid='task-editor']");
  await pause();
  const inEditor = await focused();
  await page.keyboard.type("X");
  await page.keyboard.press("Escape");
  await page.waitForSelector("[data-testid='confirm-dialog']");
  await pause();
  const onQuestion = await focused();
  await page.keyboard.press("Tab");
  await pause();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.querySelector("[data-testid='task-editor']"), { timeout: 5000 });
  await pause();
  seen.keyboard = { tabsToTable: tabs, chosen: !!chosen, inEditor, onQuestion, back: await focused() };
  assert.deepEqual(
    { ...seen.keyboard, tabsToTable: undefined },
    { tabsToTable: undefined, chosen: true, inEditor: "editor-title", onQuestion: "confirm-cancel", back: "ledger-table" },
  );

  // 200% zoom: only the ledger's table is wider than the window.
  await page.setViewport({ width: 640, height: 360, deviceScaleFactor: 2 });
  await pause();
  seen.zoomed = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    table: Math.round(document.querySelector(".ledger-table").getBoundingClientRect().right + 24),
    header: Math.round(document.querySelector(".app-header").getBoundingClientRect().right),
  }));
  assert.ok(seen.zoomed.header <= 640 && seen.zoomed.page <= seen.zoomed.table + 1, JSON.stringify(seen.zoomed));
  await page.setViewport({ width: 1280, height: 900 });

  // Excel through the worker. Last: in headless Firefox the download
  // leaves a browser-level prompt that stops later key presses from
  // activating buttons (seen while writing this check, not in the app).
  await open("#/data", "[data-testid='export-xlsx']");
  await page.click("[data-testid='export-xlsx']");
  await page.waitForFunction(() => /已生成|未能/.test(document.querySelector("[data-testid='excel-status']")?.textContent || ""), { timeout: 30000 });
  seen.excel = await page.$eval("[data-testid='excel-status']", (e) => e.textContent);
  assert.match(seen.excel, /已生成/);
} finally {
  console.log(JSON.stringify({ ...seen, errors }, null, 1));
  await browser.close();
  server.close();
}
assert.deepEqual(errors, [], "page errors in Firefox");
