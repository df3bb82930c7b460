// End-to-end: the Gantt timeline (进度计划). One row per task in hierarchy
// order, branches collapse, a bar opens its task, the zoom changes the
// scale, and a 5,000-task plan keeps only the rows in view in the page.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { MID_YEAR, appReady, browserSuite, largePlan, testIdText } from "./harness.mjs";

const suite = browserSuite({ viewport: { width: 1366, height: 800 } });
const withPage = suite.withPage;

const at = (hash) => `${suite.origin()}/?today=${MID_YEAR}${hash}`;

describe("gantt", () => {
  test("rows follow the ledger's order, a branch collapses, a bar opens its task, zoom rescales", () =>
    withPage(async (page) => {
      await page.goto(at("#/ledger"));
      await appReady(page);
      const ledgerIds = await page.locator("[data-testid='task-row']").evaluateAll((rs) => rs.slice(0, 10).map((r) => r.dataset.taskId));
      await page.click("[data-testid='nav-gantt']");
      await page.waitForSelector("[data-testid='gantt-row']");
      const ganttIds = await page.locator("[data-testid='gantt-row']").evaluateAll((rs) => rs.slice(0, 10).map((r) => r.dataset.taskId));
      assert.deepEqual(ganttIds, ledgerIds, "hierarchy order, as the ledger");
      const total = Number((await testIdText(page, "gantt-count")).match(/\d+/)[0]);
      await page.locator("[data-testid='gantt-toggle']").first().click();
      await page.waitForFunction((n) => !document.querySelector("[data-testid='gantt-count']").textContent.includes(`共 ${n} 行`), total);
      await page.click("[data-testid='gantt-expand-all']");
      await page.waitForFunction((n) => document.querySelector("[data-testid='gantt-count']").textContent.includes(`共 ${n} 行`), total);
      const before = await page.locator("svg.gantt-track").first().getAttribute("width");
      await page.click("[data-testid='gantt-zoom-month']");
      await page.waitForFunction((w) => document.querySelector("svg.gantt-track").getAttribute("width") !== w, before);
      assert.ok(Number(await page.locator("svg.gantt-track").first().getAttribute("width")) > Number(before));
      const row = page.locator("[data-testid='gantt-row']").nth(2);
      const id = await row.getAttribute("data-task-id");
      await row.locator("[data-testid='gantt-bar']").dispatchEvent("click");
      await page.waitForSelector("[data-testid='task-editor']");
      assert.ok(page.url().includes(`edit=${id}`) || (await page.locator(`[data-testid='task-row'][data-task-id='${id}'].selected`).count()) === 1);
    }));

  test("at 5,000 tasks only the rows in view are in the page, and scrolling brings the next ones", () =>
    withPage(async (page) => {
      await page.goto(at("#/ledger"));
      await appReady(page);
      await page.waitForFunction(() => localStorage.getItem("luoshi.plan") !== null);
      const sample = await page.evaluate(() => localStorage.getItem("luoshi.plan"));
      const big = largePlan(JSON.parse(sample), 5000);
      await page.evaluate((t) => {
        localStorage.clear();
        localStorage.setItem("luoshi.plan", t);
      }, JSON.stringify(big));
      await page.reload();
      await appReady(page);
      await page.click("[data-testid='nav-gantt']");
      await page.waitForSelector("[data-testid='gantt-row']");
      assert.match(await testIdText(page, "gantt-count"), /共 5000 行/);
      const rows = await page.locator("[data-testid='gantt-row']").count();
      assert.ok(rows < 80, `${rows} rows in the page`);
      const nodes = await page.evaluate(() => document.querySelectorAll("*").length);
      assert.ok(nodes < 3000, `${nodes} DOM nodes`);
      const first = await page.locator("[data-testid='gantt-row']").first().getAttribute("data-task-id");
      await page.locator("[data-testid='gantt-scroll']").evaluate((el) => (el.scrollTop = 30 * 2500));
      await page.waitForFunction((f) => document.querySelector("[data-testid='gantt-row']")?.dataset.taskId !== f, first);
      assert.ok((await page.locator("[data-testid='gantt-row']").count()) < 80);
    }));
});
