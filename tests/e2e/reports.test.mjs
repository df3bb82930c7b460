// End-to-end: 报告 (issue 21). The 落实情况通报 drafted from the sample
// plan for the last month ended, its headline figures equal to the
// ledger's and the dashboard's for the same day; another period and
// judged day; the printed PDF (A4, the body and each attachment on pages
// of their own); the .docx as LibreOffice reads it, checked against the
// ledger; the 领导版; the 下步工作 sentences from the settings. Every test
// asserts no console error and no request outside the page's origin.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MID_YEAR, appReady, browserSuite, screenshot, testIdText } from "./harness.mjs";

const suite = browserSuite();
const withPage = suite.withPage;
const at = (day, hash = "") => `${suite.origin()}/?today=${day}${hash}`;
const sel = (id) => `[data-testid='${id}']`;

async function number(page, id) {
  return Number((await testIdText(page, id)).match(/\d+/)?.[0]);
}

/** The sheet's headline counts. */
async function headline(page) {
  const sheet = page.locator(sel("report-sheet"));
  const get = async (k) => Number(await sheet.getAttribute(`data-${k}`));
  return { total: await get("total"), closed: await get("closed"), overdue: await get("overdue"), lagging: await get("lagging") };
}

/** The ledger's counts with the app judging as of `day`. */
async function ledgerCounts(page, day) {
  await page.goto(at(day, "#/ledger"));
  await appReady(page);
  return {
    total: await number(page, "count-total"),
    closed: await number(page, "count-closed"),
    overdue: await number(page, "count-overdue"),
    lagging: await number(page, "count-behind"),
  };
}

async function openReports(page, day = MID_YEAR) {
  await page.goto(at(day));
  await appReady(page);
  await page.click(sel("nav-reports"));
  await page.waitForSelector(sel("report-sheet"));
}

test("the last month ended, drafted with the ledger's and dashboard's figures for its end", () =>
  withPage(async (page) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await openReports(page);
    // 2026-06-30: the last month ended is May, judged at its end.
    assert.equal(await page.inputValue(sel("report-period")), "2026-05");
    assert.equal(await page.inputValue(sel("report-as-of")), "2026-05-31");
    const sheet = await testIdText(page, "report-sheet");
    assert.match(sheet, /关于区委2026年工作要点落实情况的通报/);
    for (const part of ["一、总体情况", "二、主要成效", "三、存在问题", "四、下步工作", "落实情况汇总表", "滞后事项清单"]) {
      assert.ok(sheet.includes(part), part);
    }
    const drafted = await headline(page);
    assert.ok(drafted.total > 0);
    assert.match(sheet, new RegExp(`共分解工作事项${drafted.total}项`));
    await screenshot(page, "report-sheet");

    // The same day in the ledger and on the dashboard.
    assert.deepEqual(await ledgerCounts(page, "2026-05-31"), drafted);
    await page.click(sel("nav-dashboard"));
    await page.waitForSelector(sel("dashboard-counts"));
    const card = async (label) => Number(await page.locator(`${sel("chart-mark")}[data-label='${label}']`).first().getAttribute("data-count"));
    assert.deepEqual(
      { total: await card("工作事项"), closed: await card("已办结"), overdue: await card("已逾期"), lagging: await card("进度滞后") },
      drafted,
    );

    // Another period, judged at another day: the figures follow.
    await page.click(sel("nav-reports"));
    await page.waitForSelector(sel("report-sheet"));
    await page.selectOption(sel("report-period"), "2026-Q1");
    assert.equal(await page.inputValue(sel("report-as-of")), "2026-03-31");
    const q1 = await headline(page);
    assert.deepEqual(await ledgerCounts(page, "2026-03-31"), q1);
    await page.goto(at("2026-05-31", "#/reports"));
    await page.waitForSelector(sel("report-sheet"));
    await page.fill(sel("report-as-of"), "2026-04-15");
    await page.locator(sel("report-as-of")).dispatchEvent("change");
    await page.waitForFunction(() => document.querySelector("[data-testid='report-as-of']").value === "2026-04-15");
    const mid = await headline(page);
    assert.deepEqual(await ledgerCounts(page, "2026-04-15"), mid);
  }));

test("printed: A4, the body then each attachment on pages of its own, no page chrome", () =>
  withPage(async (page) => {
    await openReports(page);
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "report-print", { fullPage: true });
    const dir = mkdtempSync(join(tmpdir(), "luoshi-report-"));
    const pdf = join(dir, "report.pdf");
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const size = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/);
    assert.ok(size, info);
    assert.ok(Math.abs(Number(size[1]) - 595.3) < 2 && Math.abs(Number(size[2]) - 841.9) < 2, `A4: ${size[0]}`);
    const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
    assert.ok(pages >= 3, `${pages} pages`);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    const byPage = text.split("\f");
    assert.match(byPage[0], /关于区委2026年工作要点落实情况的通报/);
    // No navigation or buttons on paper.
    assert.doesNotMatch(text, /任务台账|下载 Word 文档|数据管理/);
    // Each attachment begins a page.
    const annex1 = byPage.findIndex((p) => /^\s*附件1/.test(p));
    const annex2 = byPage.findIndex((p) => /^\s*附件2/.test(p));
    assert.ok(annex1 > 0 && annex2 > annex1, `附件 pages ${annex1}, ${annex2} of ${byPage.length}`);
    // Page numbers in the footer.
    assert.match(byPage[0], /—\s*1\s*—/);
  }));

test("下载 Word 文档: LibreOffice reads the draft's text and the summary table's cells", () =>
  withPage(async (page) => {
    await openReports(page);
    const drafted = await headline(page);
    const first = page.locator(`${sel("report-summary")} tbody tr`).first();
    const unit = await first.getAttribute("data-unit");
    const cells = await first.locator("td").allTextContents();
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60000 }), page.click(sel("report-docx"))]);
    assert.match(download.suggestedFilename(), /\.docx$/);
    const dir = mkdtempSync(join(tmpdir(), "luoshi-docx-"));
    const file = join(dir, "report.docx");
    await download.saveAs(file);
    execFileSync("soffice", ["--headless", "--norestore", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir, file], { stdio: "ignore", timeout: 120000 });
    const txt = readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith(".txt"))), "utf8");
    assert.match(txt, /关于区委2026年工作要点落实情况的通报/);
    assert.match(txt, new RegExp(`共分解工作事项${drafted.total}项`));
    assert.match(txt, /附件1/);
    // 附件1's row of the unit: its name, then the same nine counts as on
    // screen (LibreOffice writes a table's cells one per line).
    const annex = txt.slice(txt.lastIndexOf("附件1"));
    const lines = annex.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
    const at = lines.indexOf(unit);
    assert.ok(at > 0, `${unit} in 附件1:\n${annex.slice(0, 800)}`);
    assert.deepEqual(lines.slice(at + 1, at + 10), cells.slice(2), annex.slice(0, 800));
    assert.match(await testIdText(page, "report-docx-status"), /已生成/);
  }));

test("领导版: one page per 责任领导; 下步工作 from the settings", () =>
  withPage(async (page) => {
    await openReports(page);
    await page.check(sel("report-leaders"));
    await page.waitForSelector(sel("report-leader-sheet"));
    const leaders = await page.$$eval(sel("report-leader-sheet"), (els) => els.map((e) => e.dataset.leader));
    assert.ok(leaders.length >= 2, leaders.join(","));
    assert.equal(new Set(leaders).size, leaders.length);
    await screenshot(page, "report-leaders");

    await page.click(sel("nav-settings"));
    await page.fill(sel("settings-next-steps"), "全力抓好年底冲刺。\n\n严格考核问责。");
    await page.locator(sel("settings-next-steps")).dispatchEvent("change");
    await page.click(sel("nav-reports"));
    await page.waitForSelector(sel("report-sheet"));
    const sheet = await testIdText(page, "report-sheet");
    assert.match(sheet, /四、下步工作全力抓好年底冲刺。严格考核问责。/);
  }));
