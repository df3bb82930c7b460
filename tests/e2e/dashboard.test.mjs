// End-to-end: the dashboard (总览) and looking back (回看). Every chart
// mark's click shows the ledger with exactly as many items as the mark
// says; tooltips give the numbers; the look-back date moves every count as
// the ledger (the model) counts it. Every test also asserts no console error
// and no request outside the page's origin.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  MID_YEAR,
  appReady,
  browserSuite,
  clickConfirmed,
  screenshot,
  testIdText,
  storedPlan,
} from "./harness.mjs";

const suite = browserSuite({ viewport: { width: 1366, height: 900 } });
const withPage = suite.withPage;

const at = (day = MID_YEAR, hash = "#/dashboard") => `${suite.origin()}/?today=${day}${hash}`;

/** The dashboard's card `label` as a number. */
const card = async (page, label) =>
  Number(await page.locator(`[data-testid='chart-mark'][data-label='${label}']`).getAttribute("data-count"));

describe("dashboard", () => {
  test("every chart mark leads to a ledger of exactly its number of work items", () =>
    withPage(async (page) => {
      await page.goto(at());
      await page.waitForSelector("[data-testid='dashboard']");
      await screenshot(page, "dashboard", { fullPage: true });
      const n = await page.locator("[data-testid='chart-mark']").count();
      assert.ok(n > 40, `${n} marks`);
      for (let i = 0; i < n; i++) {
        const mark = page.locator("[data-testid='chart-mark']").nth(i);
        const count = await mark.getAttribute("data-count");
        const label = await mark.getAttribute("aria-label");
        // A ring segment's box centre can fall in the donut's hole, so the
        // click is dispatched on the mark itself; real pointer clicks on
        // bars and cards are tested below.
        await mark.dispatchEvent("click");
        await page.waitForSelector("[data-testid='ledger']");
        await page.waitForFunction(() => location.hash.startsWith("#/ledger"));
        assert.equal(await testIdText(page, "count-total"), count, label);
        await page.click("[data-testid='nav-dashboard']");
        await page.waitForSelector("[data-testid='dashboard']");
      }
    }));

  test("a pointer click on a bar segment and on a card opens their items", () =>
    withPage(async (page) => {
      await page.goto(at());
      await page.waitForSelector("[data-testid='dashboard']");
      for (const selector of ["[data-testid='unit-ranking'] rect[data-testid='chart-mark']", "[data-testid='dashboard-counts'] [data-testid='chart-mark']"]) {
        const mark = page.locator(selector).nth(1);
        const count = await mark.getAttribute("data-count");
        await mark.click();
        await page.waitForSelector("[data-testid='ledger']");
        assert.equal(await testIdText(page, "count-total"), count);
        await page.click("[data-testid='nav-dashboard']");
        await page.waitForSelector("[data-testid='dashboard']");
      }
    }));

  test("hover and keyboard focus show the exact numbers; Enter opens the items", () =>
    withPage(async (page) => {
      await page.goto(at());
      await page.waitForSelector("[data-testid='dashboard']");
      const arc = page.locator("[data-testid='donut'] [data-testid='chart-mark']").first();
      await arc.hover();
      assert.equal(await testIdText(page, "chart-tooltip"), await arc.getAttribute("aria-label"));
      assert.match(await testIdText(page, "chart-tooltip"), /：\d+ 项，占 \d+\.\d%/);
      const bar = page.locator("[data-testid='unit-ranking'] rect[data-testid='chart-mark']").first();
      await bar.focus();
      assert.equal(await testIdText(page, "chart-tooltip"), await bar.getAttribute("aria-label"));
      const count = await bar.getAttribute("data-count");
      await page.keyboard.press("Enter");
      await page.waitForSelector("[data-testid='ledger']");
      assert.equal(await testIdText(page, "count-total"), count);
    }));

  test("the legend toggles each series of the burn-up", () =>
    withPage(async (page) => {
      await page.goto(at());
      await page.waitForSelector("[data-testid='series-planned']");
      const points = () => page.locator("[data-testid='burnup'] [data-testid='chart-mark']").count();
      assert.equal(await points(), 12, "one point per month end");
      await page.click("[data-testid='legend-planned']");
      await page.waitForSelector("[data-testid='series-planned']", { state: "detached" });
      assert.equal(await page.getAttribute("[data-testid='legend-planned']", "aria-pressed"), "false");
      assert.equal(await points(), 0);
      assert.equal(await page.locator("[data-testid='series-closed']").count(), 1, "the other series stays");
      await page.click("[data-testid='legend-planned']");
      await page.waitForSelector("[data-testid='series-planned']");
      assert.equal(await points(), 12);
    }));

  test("the ranking's legend hides and shows a state's segments", () =>
    withPage(async (page) => {
      await page.goto(at());
      const ranking = "[data-testid='unit-ranking']";
      await page.waitForSelector(`${ranking} rect.fill-green`);
      const green = () => page.locator(`${ranking} rect.fill-green`).count();
      const red = await page.locator(`${ranking} rect.fill-red`).count();
      assert.ok((await green()) > 0 && red > 0);
      const toggle = page.locator(`${ranking} [data-testid='legend-state'][data-level='green']`);
      await toggle.click();
      await page.waitForFunction((s) => document.querySelectorAll(`${s} rect.fill-green`).length === 0, ranking);
      assert.equal(await toggle.getAttribute("aria-pressed"), "false");
      assert.equal(await page.locator(`${ranking} rect.fill-red`).count(), red, "other states stay");
      await toggle.click();
      await page.waitForFunction((s) => document.querySelectorAll(`${s} rect.fill-green`).length > 0, ranking);
    }));

  test("the dashboard's counts are the ledger's", () =>
    withPage(async (page) => {
      await page.goto(at(MID_YEAR, "#/ledger"));
      await appReady(page);
      const ledger = {
        total: Number(await testIdText(page, "count-total")),
        overdue: Number(await testIdText(page, "count-overdue")),
        dueSoon: Number(await testIdText(page, "count-due-soon")),
        behind: Number(await testIdText(page, "count-behind")),
        unreported: Number(await testIdText(page, "count-unreported")),
        closed: Number(await testIdText(page, "count-closed")),
      };
      await page.click("[data-testid='nav-dashboard']");
      await page.waitForSelector("[data-testid='dashboard']");
      assert.deepEqual(
        {
          total: await card(page, "工作事项"),
          overdue: await card(page, "已逾期"),
          dueSoon: await card(page, "临近时限"),
          behind: await card(page, "进度滞后"),
          unreported: await card(page, "本期未报送"),
          closed: await card(page, "已办结"),
        },
        ledger,
      );
    }));
});

describe("look back", () => {
  test("a date chosen moves every light and count as the model says, is carried in the address, and one click returns to today", () =>
    withPage(async (page) => {
      await page.goto(at());
      await page.waitForSelector("[data-testid='dashboard']");
      const midYearClosed = await card(page, "已办结");
      await page.fill("[data-testid='as-of-date']", "2026-03-31");
      await page.waitForFunction(() => location.search.includes("today=2026-03-31"));
      assert.match(await testIdText(page, "as-of-banner"), /正在回看 3月31日 的状态/);
      const marchClosed = await card(page, "已办结");
      assert.ok(marchClosed < midYearClosed, `fewer closed by 3月31日 (${marchClosed}) than by 6月30日 (${midYearClosed})`);
      const dashboard = { closed: marchClosed, overdue: await card(page, "已逾期") };
      // The ledger on the same day counts the same.
      await page.click("[data-testid='nav-ledger']");
      await appReady(page);
      assert.deepEqual(
        { closed: Number(await testIdText(page, "count-closed")), overdue: Number(await testIdText(page, "count-overdue")) },
        dashboard,
      );
      // A bookmark of the address opens the same day.
      await page.goto(page.url());
      await appReady(page);
      assert.equal(await page.inputValue("[data-testid='as-of-date']"), "2026-03-31");
      assert.equal(Number(await testIdText(page, "count-closed")), marchClosed);
      // Back to today.
      await page.click("[data-testid='as-of-reset']");
      await page.waitForFunction(() => !location.search.includes("today="));
      assert.equal(await page.locator("[data-testid='as-of-banner']").count(), 0);
      assert.match(await testIdText(page, "today"), /^今天 /);
    }));

  test("the slider moves across the plan's year", () =>
    withPage(async (page) => {
      await page.goto(at());
      await page.waitForSelector("[data-testid='dashboard']");
      await page.locator("[data-testid='as-of-slider']").fill("0");
      await page.waitForFunction(() => location.search.includes("today=2026-01-01"));
      assert.equal(await page.inputValue("[data-testid='as-of-date']"), "2026-01-01");
      assert.equal(await card(page, "已办结"), 0, "nothing closed on 1月1日");
    }));

  test("an empty plan and a one-task plan: the dashboard says so and its marks still lead to their items", () =>
    withPage(async (page) => {
      await page.goto(at(MID_YEAR, "#/ledger"));
      await appReady(page);
      await page.waitForFunction(() => localStorage.getItem("luoshi.plan") !== null);
      const sample = await storedPlan(page);
      await clickConfirmed(page, "start-empty");
      await page.waitForSelector("[data-testid='ledger-empty']");
      await page.click("[data-testid='nav-dashboard']");
      await page.waitForSelector("[data-testid='dashboard']");
      assert.match(await testIdText(page, "donut"), /计划中还没有工作事项/);
      assert.match(await testIdText(page, "unit-ranking"), /还没有指定牵头单位的工作事项/);
      const counts = await page.locator("[data-testid='chart-mark']").evaluateAll((ms) => ms.map((m) => Number(m.dataset.count)));
      assert.ok(counts.length > 0 && counts.every((n) => n === 0), `${counts}`);
      await screenshot(page, "dashboard-empty", { fullPage: true });
      // One task: the sample's first task that has no subtasks, alone.
      const parents = new Set(sample.plan.tasks.map((t) => t.parent).filter(Boolean));
      const only = { ...sample.plan.tasks.find((t) => !parents.has(t.id)), parent: null };
      const plan = { ...sample, plan: { ...sample.plan, sample: false, tasks: [only] } };
      await page.evaluate((text) => {
        const list = JSON.parse(localStorage.getItem("luoshi.plans"));
        const key = list.plans.find((p) => p.id === list.current)?.key ?? "luoshi.plan";
        const doc = JSON.parse(text);
        doc.plan.id = list.current;
        localStorage.setItem(key, JSON.stringify(doc));
      }, JSON.stringify(plan));
      await page.reload();
      await page.waitForSelector("[data-testid='dashboard'] [data-testid='chart-mark']");
      const total = await page.locator("[data-testid='donut'] text.donut-total").textContent();
      assert.equal(total.trim(), "1");
      const mark = page.locator("[data-testid='donut'] [data-testid='chart-mark']").first();
      assert.equal(await mark.getAttribute("data-count"), "1");
      // A whole ring: its middle is the hole, so by keyboard.
      await mark.focus();
      await page.keyboard.press("Enter");
      await page.waitForSelector("[data-testid='ledger']");
      assert.equal(await testIdText(page, "count-total"), "1");
    }));
});
