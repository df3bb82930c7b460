// End-to-end: a clerk who works by keyboard alone (issue 11). After the
// page is opened, nothing here clicks: Tab and Shift+Tab move between
// controls (each with a visible focus ring), ↑↓ choose a task in the
// ledger's table, Enter edits it, Escape closes the editor (asking first
// when something was typed), the focus comes back to where it was, a
// column is sorted, a task is deleted and the deletion undone, the
// dashboard's chart leads to its tasks, and the Gantt opens a task; the
// plan actions menu closes with Escape.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { MID_YEAR, appReady, browserSuite, testIdText } from "./harness.mjs";

const suite = browserSuite({ viewport: { width: 1280, height: 720 } });

/** What has the keyboard, as a short description. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "body";
    return el.dataset.testid ?? `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : ""}`;
  });

/** Presses Tab (or Shift+Tab) until the focused element matches
 *  `selector`; fails after 200 presses. Checks the focus ring on arrival. */
async function tabTo(page, selector, { back = false } = {}) {
  for (let i = 0; i < 200; i++) {
    if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) {
      const ring = await page.evaluate(() => {
        // The ledger's table has its ring drawn around its scrolling box
        // (.focus-ring), which would clip a ring of its own.
        const el = document.activeElement;
        const st = getComputedStyle(el.parentElement?.classList.contains("focus-ring") ? el.parentElement : el);
        return { style: st.outlineStyle, width: parseFloat(st.outlineWidth) };
      });
      assert.ok(ring.style !== "none" && ring.width > 0, `${selector} shows a focus ring (${JSON.stringify(ring)})`);
      return;
    }
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  assert.fail(`the keyboard never reached ${selector} (last: ${await focused(page)})`);
}

const selectedId = (page) => page.evaluate(() => document.querySelector("tr.task-row.selected")?.dataset.taskId ?? null);
const waitFocus = (page, selector) => page.waitForFunction((s) => !!document.activeElement?.matches(s), selector);

describe("keyboard alone", () => {
  test("a whole working session without the mouse: ledger, editor, sorting, delete and undo, dashboard, Gantt", () =>
    suite.withPage(async (page) => {
      await page.goto(`${suite.origin()}/?today=${MID_YEAR}#/ledger`);
      await appReady(page);

      // The table takes the keyboard; ↓ chooses the first task, then the next.
      await tabTo(page, ".ledger-table");
      await page.keyboard.press("ArrowDown");
      await page.waitForSelector("tr.task-row.selected");
      const first = await selectedId(page);
      await page.keyboard.press("ArrowDown");
      await page.waitForFunction((id) => document.querySelector("tr.task-row.selected")?.dataset.taskId !== id, first);
      const id = await selectedId(page);
      const row = `[data-testid='task-row'][data-task-id='${id}']`;
      const title = (await page.locator(`${row} .col-title`).textContent()).replace(/重点$/, "").trim();

      // Enter edits it, the keyboard starting in the title.
      await page.keyboard.press("Enter");
      await page.waitForSelector("[data-testid='task-editor']");
      await waitFocus(page, "[data-testid='editor-title']");
      await page.keyboard.press("End");
      await page.keyboard.type("（键盘）");
      // Escape with something typed asks first; 取消 keeps the editing.
      await page.keyboard.press("Escape");
      await page.waitForSelector("[data-testid='confirm-dialog']");
      assert.match(await testIdText(page, "confirm-dialog"), /尚未保存的修改/);
      await waitFocus(page, "[data-testid='confirm-cancel']");
      await page.keyboard.press("Enter");
      await page.waitForSelector("[data-testid='confirm-dialog']", { state: "detached" });
      await waitFocus(page, "[data-testid='editor-title']");
      assert.equal(await page.inputValue("[data-testid='editor-title']"), `${title}（键盘）`, "nothing typed was lost");
      // Tab on to 保存; Enter saves, and the keyboard is back on the table.
      await tabTo(page, "[data-testid='save-task']");
      await page.keyboard.press("Enter");
      await page.waitForSelector("[data-testid='task-editor']", { state: "detached" });
      await page.waitForFunction(([r, t]) => document.querySelector(r)?.textContent.includes(t), [row, `${title}（键盘）`]);
      await waitFocus(page, ".ledger-table");
      assert.equal(await selectedId(page), id, "the edited task stays chosen");

      // Opened and closed with nothing typed: Escape closes at once.
      await page.keyboard.press("Enter");
      await waitFocus(page, "[data-testid='editor-title']");
      await page.keyboard.press("Escape");
      await page.waitForSelector("[data-testid='task-editor']", { state: "detached" });
      assert.equal(await page.locator("[data-testid='confirm-dialog']").count(), 0);
      await waitFocus(page, ".ledger-table");

      // Sorting by a column heading.
      await tabTo(page, "[data-testid='sort-by-due'] button");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.querySelector("[data-testid='sort-by-due']").getAttribute("aria-sort") === "ascending");
      await page.keyboard.press("Enter");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.querySelector("[data-testid='sort-by-due']").getAttribute("aria-sort") === "none");

      // Delete asks, Tab goes to 删除, Enter deletes; Ctrl+Z brings it back.
      await tabTo(page, ".ledger-table", { back: true });
      assert.equal(await selectedId(page), id);
      await page.keyboard.press("Delete");
      await page.waitForSelector("[data-testid='confirm-dialog']");
      await waitFocus(page, "[data-testid='confirm-cancel']");
      await page.keyboard.press("Tab");
      assert.equal(await focused(page), "confirm-ok");
      await page.keyboard.press("Enter");
      await page.waitForSelector(row, { state: "detached" });
      await waitFocus(page, ".ledger-table");
      await page.keyboard.press("Control+z");
      await page.waitForSelector(row);

      // The dashboard: a chart's mark, reached by Tab, opens its tasks.
      await tabTo(page, "[data-testid='nav-dashboard']", { back: true });
      await page.keyboard.press("Enter");
      await page.waitForSelector("[data-testid='donut'] [data-testid='chart-mark']");
      const red = "[data-testid='donut'] [data-testid='chart-mark'].fill-red";
      await tabTo(page, red);
      const count = await page.locator(red).getAttribute("data-count");
      await page.keyboard.press("Enter");
      await page.waitForFunction((n) => document.querySelector("[data-testid='count-total']")?.textContent.trim() === n, count);

      // The Gantt: Tab to its rows, ↓ to a task, Enter opens it in the
      // editor with the keyboard in it; Escape closes it onto the ledger.
      await tabTo(page, "[data-testid='nav-gantt']", { back: true });
      await page.keyboard.press("Enter");
      await page.waitForSelector("[data-testid='gantt-row']");
      await tabTo(page, "[data-index] [data-focus]");
      await page.keyboard.press("ArrowDown");
      await page.waitForFunction(() => document.activeElement?.closest("[data-index]")?.dataset.index === "1");
      const ganttId = await page.locator("[data-index='1']").getAttribute("data-task-id");
      await page.keyboard.press("Enter");
      await page.waitForSelector("[data-testid='task-editor']");
      assert.ok(page.url().includes(`edit=${ganttId}`));
      await waitFocus(page, "[data-testid='editor-title']");
      await page.keyboard.press("Escape");
      await page.waitForSelector("[data-testid='task-editor']", { state: "detached" });
      await waitFocus(page, ".ledger-table");
      assert.equal(await selectedId(page), ganttId, "the task opened from the Gantt is the chosen one");
    }));

  test("the plan actions menu opens with Enter and closes with Escape, the keyboard staying on it", () =>
    suite.withPage(async (page) => {
      await page.goto(`${suite.origin()}/?today=${MID_YEAR}#/ledger`);
      await appReady(page);
      await tabTo(page, "[data-testid='plan-actions']");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.querySelector(".plan-actions").open);
      await page.keyboard.press("Tab");
      assert.equal(await focused(page), "new-plan", "Tab goes into the menu");
      await page.keyboard.press("Escape");
      await page.waitForFunction(() => !document.querySelector(".plan-actions").open);
      assert.equal(await focused(page), "plan-actions");
    }));

  test("Escape with a 进展与办理 form open asks before anything typed there is dropped", () =>
    suite.withPage(async (page) => {
      await page.goto(`${suite.origin()}/?today=${MID_YEAR}#/ledger`);
      await appReady(page);
      await page.locator("tr.task-row:not(.is-parent)").first().dblclick();
      await page.click("[data-testid='tab-progress']");
      await page.click("[data-testid='report-progress']");
      await page.fill("[data-testid='update-progress']", "已完成调研");
      await page.keyboard.press("Escape");
      await page.waitForSelector("[data-testid='confirm-dialog']");
      await waitFocus(page, "[data-testid='confirm-cancel']");
      await page.keyboard.press("Enter"); // 取消: back to the form
      await page.waitForSelector("[data-testid='confirm-dialog']", { state: "detached" });
      assert.equal(await page.inputValue("[data-testid='update-progress']"), "已完成调研", "the form and its text are still there");
      // The keyboard is given back to the field (in the next frame).
      await waitFocus(page, "[data-testid='update-progress']");
      await page.keyboard.press("Escape");
      await page.waitForSelector("[data-testid='confirm-dialog']");
      await waitFocus(page, "[data-testid='confirm-cancel']");
      await page.keyboard.press("Tab");
      assert.equal(await focused(page), "confirm-ok");
      await page.keyboard.press("Enter"); // 放弃修改
      await page.waitForSelector("[data-testid='task-editor']", { state: "detached" });
    }));
});
