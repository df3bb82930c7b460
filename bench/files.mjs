// Issue 19: reading a large file must not freeze the page. Imports a
// plan file of about 19 MB (5,000 tasks, a year of reports each) into the
// release build (dist/) twice — as another plan (its preview offers to
// open it as a plan of its own) and as the plan on screen (the merge
// preview), and a 5 MB workbook of 5,000 rows into the sample — and
// records every long task on the page's thread
// (PerformanceObserver "longtask") from choosing the file to the preview
// on screen, and from confirming to the import done. Reported, not
// asserted: `node bench/files.mjs` (after a release build).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
const HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领";
let seed = 7;
const words = (n) => Array.from({ length: n }, () => HAN[(seed = (seed * 1103515245 + 12345) % 2147483648) % HAN.length]).join("");
const csv = ["2026年区委工作要点落实情况台账", "序号,重点任务,具体措施,牵头单位,配合单位,责任领导,完成时限,进展情况"];
for (let i = 1; i <= 5000; i++) {
  csv.push([i, `第${i}项重点任务${words(20)}`, words(120), `区单位${i % 60}局`, `"区单位${(i + 7) % 60}局、区单位${(i + 13) % 60}局"`, `领导${i % 25}`, "9月底前", words(450)].join(","));
}
writeFileSync(join(dir, "ledger.csv"), csv.join("\n"));
execFileSync("soffice", ["--headless", "--norestore", "--infilter=CSV:44,34,76", "--convert-to", "xlsx", "--outdir", dir, join(dir, "ledger.csv")], { stdio: "ignore", timeout: 180000 });
const workbook = join(dir, "ledger.xlsx");
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
