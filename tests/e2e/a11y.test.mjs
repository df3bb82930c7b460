// Accessibility: every page passes axe-core (npm `axe-core`) with no
// serious or critical violation of WCAG 2 A/AA (issue 11), on the sample
// plan judged mid-year, so lights of every colour, tags and notes are on
// screen.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MID_YEAR, ROOT, appReady, browserSuite } from "./harness.mjs";

// The page's Content-Security-Policy allows only its own scripts; axe is
// put in by the test, so the policy is bypassed for it alone.
const suite = browserSuite({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
const AXE = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

const PAGES = [
  ["ledger", "#/ledger", "[data-testid='task-row']"],
  ["dashboard", "#/dashboard", "[data-testid='chart-mark']"],
  ["gantt", "#/gantt", "[data-testid='gantt-row']"],
  ["audit", "#/audit", "main"],
  ["supervision", "#/supervision", "[data-testid='supervision-list']"],
  ["problems", "#/problems", "main"],
  ["units", "#/units", "main"],
  ["data", "#/data", "[data-testid='data-page']"],
  ["settings", "#/settings", "main"],
];

/** The serious and critical violations on the page, as readable lines. */
async function violations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary.split("\n").slice(0, 2).join(" ")}`));
}

describe("accessibility (axe-core)", () => {
  for (const [name, hash, ready] of PAGES) {
    test(`${name}: no serious or critical violation`, () =>
      suite.withPage(async (page) => {
        await page.goto(`${suite.origin()}/?today=${MID_YEAR}#/ledger`);
        await appReady(page);
        await page.goto(`${suite.origin()}/?today=${MID_YEAR}${hash}`);
        await page.waitForSelector(ready);
        const found = await violations(page);
        assert.deepEqual(found, [], `${found.length} violations:\n${found.join("\n")}`);
      }));
  }

  test("the task panel: no serious or critical violation", () =>
    suite.withPage(async (page) => {
      await page.goto(`${suite.origin()}/?today=${MID_YEAR}#/ledger`);
      await appReady(page);
      await page.locator("[data-testid='task-row']").nth(1).dblclick();
      await page.waitForSelector("[data-testid='task-editor']");
      const found = await violations(page);
      assert.deepEqual(found, [], `${found.length} violations:\n${found.join("\n")}`);
    }));

  test("the text size is raised in the settings and remembered by this browser", () =>
    suite.withPage(async (page) => {
      await page.goto(`${suite.origin()}/?today=${MID_YEAR}#/ledger`);
      await appReady(page);
      await page.goto(`${suite.origin()}/?today=${MID_YEAR}#/settings`);
      await page.selectOption("[data-testid='text-size']", "large");
      const zoom = () => page.evaluate(() => document.documentElement.style.zoom);
      assert.equal(await zoom(), "1.15");
      await page.reload();
      await appReady(page).catch(() => {});
      await page.waitForSelector("[data-testid='text-size']");
      assert.equal(await zoom(), "1.15", "remembered");
      assert.equal(await page.locator("[data-testid='text-size']").inputValue(), "large");
      await page.selectOption("[data-testid='text-size']", "standard");
      assert.equal(await zoom(), "");
    }));

  test("a confirm dialog keeps the keyboard inside and gives it back when closed", () =>
    suite.withPage(async (page) => {
      await page.goto(`${suite.origin()}/?today=${MID_YEAR}#/ledger`);
      await appReady(page);
      const focused = () => page.evaluate(() => document.activeElement?.dataset.testid ?? document.activeElement?.tagName);
      await page.locator("[data-testid='start-empty']").focus();
      await page.keyboard.press("Enter");
      await page.waitForSelector("[data-testid='confirm-dialog']");
      await page.waitForFunction(() => document.activeElement?.dataset.testid === "confirm-cancel");
      // 取消 is the last control: Tab goes round to the first (the action),
      // Shift+Tab from there round to the last again.
      await page.keyboard.press("Tab");
      assert.equal(await focused(), "confirm-ok", "Tab from the last control goes round to the first");
      await page.keyboard.press("Shift+Tab");
      assert.equal(await focused(), "confirm-cancel", "Shift+Tab from the first goes round to the last");
      await page.keyboard.press("Escape");
      await page.waitForSelector("[data-testid='confirm-dialog']", { state: "detached" });
      await page.waitForFunction(() => document.activeElement?.dataset.testid === "start-empty");
    }));
});
