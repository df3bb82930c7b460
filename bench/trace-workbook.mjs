// Where the page's thread spends the time of a 5 MB workbook's import
// (bench/files.mjs's last figure): a Chromium trace from choosing the file
// to the preview on screen (and, with --confirm, from confirming to the
// import done), summarised as the top-level tasks over 5 ms with what is
// inside them, plus the long tasks the page saw. For investigating; not
// part of the benchmark's numbers.
//   node bench/trace-workbook.mjs [--confirm] [--keep DIR]
// --keep DIR: the workbook is written there once and reused (soffice takes
// a minute).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeWorkbook } from "./workbook.mjs";
import { launchBrowser, MID_YEAR, serveDist } from "../tests/e2e/harness.mjs";

const args = process.argv.slice(2);
const CONFIRM = args.includes("--confirm");
const KEEP = args.includes("--keep") ? args[args.indexOf("--keep") + 1] : null;
const dir = KEEP ?? mkdtempSync(join(tmpdir(), "luoshi-wb-"));
mkdirSync(dir, { recursive: true });
const workbook = join(dir, "ledger.xlsx");
if (!existsSync(workbook)) {
  writeWorkbook(dir);
}

const server = await serveDist();
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(`${server.origin}/?today=${MID_YEAR}#/data`);
  await page.waitForSelector("[data-testid='import-file']");
  // A fresh page, as files.mjs's for the workbook: the Excel worker
  // starts inside the measured span.
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]);
    }).observe({ type: "longtask" });
  });
  const span = async (label, act, done) => {
    await page.evaluate(() => (window.__long = []));
    await browser.startTracing(page, { categories: ["devtools.timeline", "v8", "v8.wasm", "blink", "disabled-by-default-devtools.timeline"] });
    const t = Date.now();
    await act();
    await page.waitForSelector(done, { timeout: 180000 });
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const ms = Date.now() - t;
    const buf = await browser.stopTracing();
    const long = await page.evaluate(() => window.__long);
    console.log(`\n${label}: ${ms} ms; long tasks ${JSON.stringify(long)}`);
    const events = JSON.parse(buf.toString()).traceEvents;
    const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain" && events.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === "RunTask" && x.dur > 1000));
    const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur > 0).sort((a, b) => a.ts - b.ts);
    const top = [];
    let end = 0;
    for (const e of mine) if (e.ts >= end) { top.push(e); end = e.ts + e.dur; }
    const t0 = top[0]?.ts ?? 0;
    for (const e of top.filter((e) => e.dur > 5000)) {
      const kids = mine.filter((k) => k !== e && k.ts >= e.ts && k.ts + k.dur <= e.ts + e.dur && k.dur > 1500);
      console.log(`${((e.ts - t0) / 1000).toFixed(1).padStart(8)} +${(e.dur / 1000).toFixed(1).padStart(6)} ${e.name}`);
      for (const k of kids) console.log(`           ${((k.ts - e.ts) / 1000).toFixed(1).padStart(6)} +${(k.dur / 1000).toFixed(1).padStart(6)} ${k.name}${k.args?.data?.functionName ? " " + k.args.data.functionName : ""}${k.args?.data?.url ? " " + k.args.data.url.split("/").pop().slice(0, 40) : ""}`);
    }
  };
  await span("workbook to preview", () => page.setInputFiles("[data-testid='import-file']", workbook), "[data-testid='sheet-report']");
  if (CONFIRM) await span("confirming", () => page.click("[data-testid='import-confirm']"), "[data-testid='import-done']");
} finally {
  await browser.close();
  await server.close();
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
}
