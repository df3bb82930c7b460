// End-to-end: Excel in and out. The ledger, the summary and CSV are
// downloaded from the data page, opened by LibreOffice and checked against
// what the app shows; the Excel code (a worker with its own wasm) is not
// fetched at start-up, only on first use; it works from the single file
// opened from file://, where the worker comes from the page itself. A
// messy office ledger is imported with a column's role corrected in the
// preview, every row accounted for; an export comes back as nothing new.
// A workbook opened as a plan of its own is named and dated by its title
// row, last year's ledger becoming last year's plan. A ledger of 1,500
// rows lists its problems whole and its imported rows a page at a time,
// fetched from the worker.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  DIST,
  MID_YEAR,
  ROOT,
  appReady,
  browserSuite,
  clickConfirmed,
  testIdText,
  watchedPage,
  waitForStored,
} from "./harness.mjs";

const suite = browserSuite({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
const withPage = suite.withPage;
const at = (hash) => `${suite.origin()}/?today=${MID_YEAR}${hash}`;

/** Clicks `testid` and returns the downloaded file's path and name. */
async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: 30000 }), page.click(`[data-testid='${testid}']`)]);
  const dir = mkdtempSync(join(tmpdir(), "luoshi-excel-"));
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { path, dir, name: file.suggestedFilename() };
}

/** The first sheet of a workbook as LibreOffice reads it: rows of cells. */
function viaLibreOffice(file, dir) {
  execFileSync("soffice", ["--headless", "--norestore", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, file], {
    env: { ...process.env, HOME: dir },
    stdio: "pipe",
  });
  const csv = readFileSync(file.replace(/\.xlsx$/, ".csv"), "utf8");
  return parseCsv(csv);
}

function parseCsv(text) {
  const rows = [];
  let row = [], cell = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell), rows.push(row), (row = []), (cell = "");
    } else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

describe("excel out", () => {
  test("the ledger workbook opens in LibreOffice with every task, and the Excel code is fetched only on first use", () =>
    withPage(async (page) => {
      const fetched = [];
      page.on("request", (r) => fetched.push(r.url()));
      await page.goto(at("#/ledger"));
      await appReady(page);
      const ledgerTitles = await page
        .locator("[data-testid='task-row'] td.col-title")
        .evaluateAll((cells) => cells.map((c) => c.firstChild.textContent));
      assert.ok(ledgerTitles.length > 40);
      await page.click("[data-testid='nav-data']");
      await page.waitForSelector("[data-testid='export-xlsx']");
      assert.deepEqual(fetched.filter((u) => /luoshi-excel|excel-worker/.test(u)), [], "nothing of Excel at start-up");
      const { path, dir, name } = await download(page, "export-xlsx");
      assert.match(name, /任务台账-2026-06-30\.xlsx$/);
      assert.ok(fetched.some((u) => /luoshi-excel_bg\.wasm/.test(u)), "the worker's wasm, on first use");
      assert.equal(readFileSync(path).subarray(0, 2).toString(), "PK", "a zip, as .xlsx is");
      const rows = viaLibreOffice(path, dir);
      assert.match(rows[0][0], /任务台账/);
      assert.deepEqual(rows[2].slice(0, 9), ["序号", "重点任务", "具体措施", "责任领导", "牵头单位", "配合单位", "完成时限", "进展情况", "备注"]);
      const cells = new Set(rows.flat());
      const missing = ledgerTitles.map((t) => t.trim()).filter((t) => ![...cells].some((c) => c.includes(t)));
      assert.deepEqual(missing, [], "every task of the ledger is in the workbook");
      assert.match(await testIdText(page, "excel-status"), /已生成/);
    }));

  test("the summary's total row is the ledger's count, and 已办结 and 逾期 match its counts", () =>
    withPage(async (page) => {
      await page.goto(at("#/ledger"));
      await appReady(page);
      const total = Number(await testIdText(page, "count-total"));
      const overdue = Number((await testIdText(page, "count-overdue")).match(/\d+/)?.[0]);
      await page.click("[data-testid='nav-data']");
      const { path, dir } = await download(page, "export-summary-xlsx");
      const rows = viaLibreOffice(path, dir);
      assert.match(rows[0][0], /汇总表/);
      assert.deepEqual(rows[2].slice(0, 3), ["序号", "牵头单位", "已办结"]);
      assert.deepEqual(rows[3].slice(2, 9), ["按时办结", "逾期办结", "小计", "未到完成时限", "逾期未办结", "无明确完成时限", "小计"]);
      const last = rows.filter((r) => r.some((c) => c)).at(-1);
      assert.equal(last[0], "合计");
      assert.equal(Number(last[10]), total, "合计 = the ledger's work items");
      assert.equal(Number(last[6]), overdue, "逾期未办结 = the ledger's 逾期");
    }));

  test("CSV has a byte-order mark and the ledger's columns", () =>
    withPage(async (page) => {
      await page.goto(at("#/data"));
      await page.waitForSelector("[data-testid='export-csv']");
      const { path } = await download(page, "export-csv");
      const bytes = readFileSync(path);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const rows = parseCsv(bytes.toString("utf8").slice(1));
      assert.equal(rows[0][0], "序号");
      assert.ok(rows.length > 40);
    }));

  test("from the single file opened by file://, Excel works with nothing fetched", async () => {
    const context = await suite.browser.newContext({ acceptDownloads: true });
    const file = pathToFileURL(join(DIST, "luoshi.html")).href;
    const { page, problems } = await watchedPage(context, (u) => u.startsWith(file));
    try {
      await page.goto(`${file}?today=${MID_YEAR}#/data`);
      await page.waitForSelector("[data-testid='export-xlsx']");
      const { path, dir } = await download(page, "export-xlsx");
      const rows = viaLibreOffice(path, dir);
      assert.match(rows[0][0], /任务台账/);
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, []);
  });

  test("a single file whose worker part was cut off says so instead of waiting for ever", async () => {
    const context = await suite.browser.newContext();
    const file = pathToFileURL(join(DIST, "luoshi.html")).href;
    try {
      const page = await context.newPage();
      await page.addInitScript(() => {
        document.addEventListener("DOMContentLoaded", () => document.getElementById("luoshi-excel-wasm")?.remove());
      });
      await page.goto(`${file}?today=${MID_YEAR}#/data`);
      await page.waitForSelector("[data-testid='export-xlsx']");
      await page.click("[data-testid='export-xlsx']");
      await page.waitForFunction(() => /后台组件未能载入.*不完整/.test(document.querySelector("[data-testid='excel-status']")?.textContent ?? ""), null, { timeout: 15000 });
    } finally {
      await context.close();
    }
  });

  test("a messy ledger comes in: every row accounted for, one column corrected in the preview, the tasks in the ledger", () =>
    withPage(async (page) => {
      await page.goto(at("#/ledger"));
      await appReady(page);
      await clickConfirmed(page, "start-empty");
      await page.waitForSelector("[data-testid='ledger-empty']");
      await page.click("[data-testid='nav-data']");
      // The empty plan saved (the save runs shortly after a change).
      await waitForStored(page, (d) => d?.plan.tasks.length === 0);
      const before = await page.evaluate(() => JSON.stringify(localStorage));
      await page.setInputFiles("[data-testid='import-file']", join(ROOT, "tests/fixtures/xlsx/messy-ledger.xlsx"));
      await page.waitForSelector("[data-testid='sheet-report']", { timeout: 30000 });
      const results = () => page.locator("[data-testid='import-row']").evaluateAll((rs) => rs.map((r) => r.dataset.result));
      const got = await results();
      assert.equal(got.length, 9, "every row below the header");
      assert.equal(got.filter((r) => r === "imported").length, 7);
      assert.equal(got.filter((r) => r === "skipped").length, 2, "the blank line and the 合计 row");
      assert.match(await testIdText(page, "import-summary"), /新增任务 7 项/);
      // The 责任领导 column (D) is not to be imported.
      const leader = page.locator("[data-testid='import-mapping'][data-col='3']");
      assert.equal(await leader.inputValue(), "leader");
      await leader.selectOption("ignore");
      await page.waitForFunction(() => document.querySelector("[data-testid='import-mapping'][data-col='3']")?.value === "ignore");
      assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), before, "nothing stored before confirming");
      await page.click("[data-testid='import-confirm']");
      await page.waitForSelector("[data-testid='import-done']");
      await page.click("[data-testid='nav-ledger']");
      await page.waitForSelector("[data-testid='task-row']");
      const rows = await page.locator("[data-testid='task-row']").evaluateAll((rs) =>
        rs.map((r) => ({ title: r.querySelector("td.col-title").firstChild.textContent, leader: r.querySelector("td.col-leader").textContent })),
      );
      assert.equal(rows.length, 7);
      const first = rows.find((r) => r.title === "开展党支部标准化规范化建设");
      assert.ok(first, JSON.stringify(rows));
      assert.equal(first.leader, "", "the column left out");
    }));

  test("a ledger workbook opened as a plan of its own: its rows only, titled from its title row", () =>
    withPage(async (page) => {
      await page.goto(at("#/data"));
      await page.waitForSelector("[data-testid='import-file']");
      await page.setInputFiles("[data-testid='import-file']", join(ROOT, "tests/fixtures/xlsx/messy-ledger.xlsx"));
      await page.waitForSelector("[data-testid='sheet-report']", { timeout: 30000 });
      await page.click("[data-testid='import-as-new']");
      await page.waitForSelector("[data-testid='import-done']", { timeout: 30000 });
      // "2026年区委工作要点任务分解落实台账" names the plan.
      assert.match(await testIdText(page, "import-done"), /已把“messy-ledger\.xlsx”作为新计划“2026年区委工作要点”打开/);
      assert.equal(await testIdText(page, "plan-title"), "2026年区委工作要点");
      await page.click("[data-testid='nav-ledger']");
      await page.waitForSelector("[data-testid='task-row']");
      assert.equal(await page.locator("[data-testid='task-row']").count(), 7, "the sheet's rows, not the sample's tasks");
    }));

  test("last year's ledger opened as a plan of its own is last year's plan: free-text deadlines read against its year", () =>
    withPage(async (page) => {
      // Written by tests/intake.rs: a title row "2023年区委工作要点落实情况台账",
      // a 填报 line dated 2024, deadlines "3月底前", "2023-06-30", "年底前".
      // The page's own plan is the 2026 sample.
      await page.goto(at("#/data"));
      await page.waitForSelector("[data-testid='import-file']");
      await page.setInputFiles("[data-testid='import-file']", join(ROOT, "tests/fixtures/xlsx/last-year-ledger.xlsx"));
      await page.waitForSelector("[data-testid='sheet-report']", { timeout: 30000 });
      await page.click("[data-testid='import-as-new']");
      await page.waitForSelector("[data-testid='import-done']", { timeout: 30000 });
      assert.equal(await testIdText(page, "plan-title"), "2023年区委工作要点");
      await page.click("[data-testid='nav-ledger']");
      await page.waitForSelector("[data-testid='task-row']");
      const dues = Object.fromEntries(
        await page.locator("[data-testid='task-row']").evaluateAll((rs) =>
          rs.map((r) => [r.querySelector("td.col-title").firstChild.textContent, r.querySelector("td.col-due").textContent]),
        ),
      );
      assert.match(dues["开展党支部标准化规范化建设"], /^2023-03-31/, JSON.stringify(dues));
      assert.match(dues["推进老旧小区改造"], /^2023-06-30/);
      assert.match(dues["做好防汛工作"], /^2023-12-31/);
    }));

  test("a ledger of 1,500 rows: its problems listed whole, its imported rows 200 at first and then 1,000 at a time from the worker", () =>
    withPage(async (page) => {
      // Every 300th row a 合计 row (skipped), every 300th from the 150th
      // one with neither 重点任务 nor 具体措施 (refused).
      const dir = mkdtempSync(join(tmpdir(), "luoshi-rows-"));
      const csv = ["2026年区委工作要点落实情况台账", "序号,重点任务,具体措施,牵头单位,责任领导,完成时限"];
      for (let i = 1; i <= 1500; i++) {
        if (i % 300 === 0) csv.push(`合计,,,,,`);
        else if (i % 300 === 150) csv.push(`${i},,,区委组织部,领导${i % 9},9月底前`);
        else csv.push(`${i},第${Math.ceil(i / 100)}项重点任务,第${i}项具体措施,区委组织部,领导${i % 9},9月底前`);
      }
      writeFileSync(join(dir, "rows.csv"), csv.join("\n"));
      execFileSync("soffice", ["--headless", "--norestore", "--infilter=CSV:44,34,76", "--convert-to", "xlsx", "--outdir", dir, join(dir, "rows.csv")], { stdio: "ignore", timeout: 120000 });
      await page.goto(at("#/data"));
      await page.waitForSelector("[data-testid='import-file']");
      await page.setInputFiles("[data-testid='import-file']", join(dir, "rows.xlsx"));
      await page.waitForSelector("[data-testid='sheet-report']", { timeout: 60000 });
      assert.equal(await testIdText(page, "sheet-summary"), "工作表“rows”，表头之下共 1500 行：导入 1490 行，跳过 5 行，有问题 5 行。");
      const listed = () => page.locator("[data-testid='import-row']").evaluateAll((rs) => rs.map((r) => [r.dataset.result, Number(r.dataset.row)]));
      let got = await listed();
      assert.equal(got.length, 210, "the rows not imported and the first 200 imported");
      assert.deepEqual(got.slice(0, 10).map(([r]) => r).sort(), [...Array(5).fill("error"), ...Array(5).fill("skipped")]);
      assert.ok(got.slice(10).every(([r]) => r === "imported"));
      assert.match(await testIdText(page, "import-rows-more"), /另有 1290 行导入成功/);
      await page.click("[data-testid='import-rows-show-more']");
      await page.waitForFunction(() => document.querySelectorAll("[data-testid='import-row']").length === 1210);
      assert.match(await testIdText(page, "import-rows-more"), /另有 290 行导入成功/);
      await page.click("[data-testid='import-rows-show-more']");
      await page.waitForFunction(() => document.querySelectorAll("[data-testid='import-row']").length === 1500);
      assert.equal(await page.locator("[data-testid='import-rows-more']").count(), 0, "every row listed");
      got = await listed();
      // Each row once; the imported ones in the sheet's order.
      assert.equal(new Set(got.map(([, n]) => n)).size, 1500);
      const imported = got.slice(10).map(([, n]) => n);
      assert.deepEqual(imported, [...imported].sort((a, b) => a - b));
      // New tasks: the first 50 named, all counted.
      assert.equal(await page.locator("[data-testid='import-new-task']").count(), 50);
      const news = Number(/将新增任务 (\d+) 项/.exec(await testIdText(page, "import-summary"))?.[1]);
      assert.ok(news >= 1490, `${news}`);
      assert.ok((await page.textContent(".import-preview")).includes(`共新增 ${news} 项`));
      await page.click("[data-testid='import-confirm']");
      await page.waitForSelector("[data-testid='import-done']", { timeout: 60000 });
    }));

  test("an exported ledger imported back changes nothing", () =>
    withPage(async (page) => {
      await page.goto(at("#/data"));
      await page.waitForSelector("[data-testid='export-xlsx']");
      const { path } = await download(page, "export-xlsx");
      await page.setInputFiles("[data-testid='import-file']", path);
      await page.waitForSelector("[data-testid='sheet-report']", { timeout: 30000 });
      await page.waitForSelector("[data-testid='import-nothing']");
      const got = await page.locator("[data-testid='import-row']").evaluateAll((rs) => rs.map((r) => r.dataset.result));
      assert.ok(got.length > 40);
      assert.ok(!got.includes("error"), got.join(","));
    }));
});
