// Issue 19: reading a large file must not freeze the page. Imports a
// plan file of about 19 MB (5,000 tasks, a year of reports each) into the
// release build (dist/) twice — as another plan (its preview offers to
// open it as a plan of its own) and as the plan on screen (the merge
// preview), and a 5 MB workbook of 5,000 rows into the sample — and
// records every long task on the page's thread
// (PerformanceObserver "longtask") from choosing the file to the preview
// on screen, and from confirming to the import done. Reported, not
// asserted: `node bench/files.mjs` (after a release build).
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeWorkbook } from "./workbook.mjs";
import { appReady, largePlan, launchBrowser, MID_YEAR, serveDist, storedText } from "../tests/e2e/harness.mjs";

const server = await serveDist();
const browser = await launchBrowser();

/** A plan file of `tasks` tasks with `reports` monthly reports each. */
function bigFile(sample, tasks, reports, id) {
  const env = largePlan(sample, tasks);
  env.plan.id = id ?? env.plan.id;
  for (const t of env.plan.tasks) {
    t.updates = Array.from({ length: reports }, (_, m) => ({
      id: `${t.id}-u${m}`,
      date: `2026-${String(m + 1).padStart(2, "0")}-28`,
      percent: Math.min(100, (m + 1) * 8),
      progress: `第${m + 1}月：按计划推进，已完成阶段性工作，召开专题会议${m + 1}次，形成工作台账和问题清单。`,
      next_steps: "下一步继续加强督促检查，按时报送进展。",
    }));
  }
  return JSON.stringify(env);
}

async function measure(label, page, act, done) {
  await page.evaluate(() => {
    window.__long = [];
    if (!window.__watching) {
      window.__watching = true;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__long.push(Math.round(e.duration));
      }).observe({ type: "longtask" });
    }
  });
  const start = Date.now();
  await act();
  await page.waitForSelector(done, { timeout: 180000 });
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  const long = await page.evaluate(() => window.__long);
  const over = long.filter((d) => d > 100);
  console.log(
    `| ${label} | ${Date.now() - start} | ${long.length} | ${Math.max(0, ...long)} | ${over.length} (${over.join(", ") || "—"}) |`,
  );
}

const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
const page = await context.newPage();
await page.goto(`${server.origin}/?today=${MID_YEAR}`);
await appReady(page);
// The plan on screen as stored (the sample), under the key the list names.
await page.waitForFunction(() => {
  const list = JSON.parse(localStorage.getItem("luoshi.plans") ?? "null");
  const entry = list?.plans.find((p) => p.id === list.current);
  return entry && localStorage.getItem(entry.key) !== null;
});
const key = await page.evaluate(() => {
  const list = JSON.parse(localStorage.getItem("luoshi.plans"));
  return list.plans.find((p) => p.id === list.current).key;
});
const sample = JSON.parse(await storedText(page, key));
const dir = mkdtempSync(join(tmpdir(), "luoshi-files-"));
const other = join(dir, "另一个计划.json");
writeFileSync(other, bigFile(sample, 5000, 12, "another-plan-of-5000"));
const same = join(dir, "本计划.json");
writeFileSync(same, bigFile(sample, 5000, 12));
console.log("| what | ms to the preview | long tasks | longest ms | over 100 ms |\n|---|---:|---:|---:|---|");
await page.click("[data-testid='nav-data']");
await measure("another plan's file, 19 MB: read, restored, previewed", page, () => page.setInputFiles("[data-testid='import-file']", other), "[data-testid='import-other-plan']");
await page.click("[data-testid='import-cancel']");
await measure("the same plan's file, 19 MB: read, restored, merge previewed", page, () => page.setInputFiles("[data-testid='import-file']", same), "[data-testid='import-preview']");
await measure("confirming that merge", page, () => page.click("[data-testid='import-confirm']"), "[data-testid='import-done']");

// A workbook of about 5 MB: an office's ledger of 5,000 rows with long
// measures and a year of progress in its cells (LibreOffice writes it
// from a CSV), imported into a fresh sample (a new context).
const workbook = writeWorkbook(dir);
const mb = (statSync(workbook).size / 1024 / 1024).toFixed(1);
const fresh = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
await fresh.goto(`${server.origin}/?today=${MID_YEAR}#/data`);
await fresh.waitForSelector("[data-testid='import-file']");
await measure(`a workbook of 5,000 rows, ${mb} MB: read, previewed`, fresh, () => fresh.setInputFiles("[data-testid='import-file']", workbook), "[data-testid='sheet-report']");
await measure("confirming that import", fresh, () => fresh.click("[data-testid='import-confirm']"), "[data-testid='import-done']");
await browser.close();
await server.close();
// The files are some 45 MB: not left behind in the temporary folder.
rmSync(dir, { recursive: true, force: true });
