// End-to-end: the ledger fits the screen (issue 18), measured as a person
// sees it, on the commonest office screen (1366×768) and on 1920×1080, at
// the standard text size and at 特大:
// - every badge, tag, note and text of a ledger row stays inside its cell,
//   and nothing in a cell lies on top of anything else in it;
// - the page never scrolls sideways; where the columns need more than the
//   window, the ledger's own box scrolls sideways, 序号 and 任务 staying in
//   view;
// - the first task row is whole within the first screen: its bottom is at
//   most the window's height, so a task is seen without scrolling (the
//   count cards, toolbar and filters above it leave room for it);
// - the count cards take one or two rows;
// - the top bar (undo, 已保存) is still in view after scrolling the page
//   down, the ledger's headings and the task panel below it, not under it;
// and on the 单位与领域 page numbers stand right-aligned under their
// headings, on the 督办 page every group's columns start at the same x.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { MID_YEAR, appReady, browserSuite, largePlan, screenshot, storedPlan } from "./harness.mjs";

const SCREENS = [
  { label: "1366×768", viewport: { width: 1366, height: 768 }, shot: "ledger-1366" },
  { label: "1920×1080", viewport: { width: 1920, height: 1080 }, shot: "ledger-1920" },
  { label: "1366×768 at 特大", viewport: { width: 1366, height: 768 }, textSize: "larger", shot: "ledger-1366-xl" },
  { label: "1920×1080 at 特大", viewport: { width: 1920, height: 1080 }, textSize: "larger" },
];

/** Opens `hash` on the sample plan with the screen's text size set (as a
 *  user would have set it, remembered by the browser). */
async function open(page, suite, screen, hash = "#/ledger", ready = "[data-testid='task-row']") {
  const at = (h) => `${suite.origin()}/?today=${MID_YEAR}${h}`;
  await page.goto(at("#/ledger"));
  await appReady(page);
  if (screen.textSize) {
    await page.goto(at("#/settings"));
    await page.selectOption("[data-testid='text-size']", screen.textSize);
  }
  await page.goto(at(hash));
  await page.waitForSelector(ready);
  await settle(page);
}

/** Two frames: what was laid out has been measured and drawn. */
const settle = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

/** Run in the page: what leaves its cell or overlaps in the ledger's rows,
 *  as readable lines. Every task row is checked, seen or scrolled away. */
function cellProblems() {
  const problems = [];
  const inside = (r, cell) => r.left >= cell.left - 1 && r.right <= cell.right + 1 && r.top >= cell.top - 1 && r.bottom <= cell.bottom + 1;
  const fmt = (r) => `${Math.round(r.left)}–${Math.round(r.right)}×${Math.round(r.top)}–${Math.round(r.bottom)}`;
  const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  for (const row of document.querySelectorAll("[data-testid='task-row'], [data-testid='area-row']")) {
    const cells = [...row.children];
    cells.forEach((td, i) => {
      const cell = td.getBoundingClientRect();
      const where = `row ${row.dataset.taskId || td.textContent.trim().slice(0, 8)}, column ${i + 1}`;
      // Its text, as laid out (a line that will not wrap runs past the cell).
      const range = document.createRange();
      range.selectNodeContents(td);
      for (const r of range.getClientRects()) {
        if (r.width > 0 && !inside(r, cell)) problems.push(`${where}: text ${fmt(r)} outside its cell ${fmt(cell)}`);
      }
      // Its badges, tags, notes, bars and quick edits.
      const parts = [...td.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().width > 0);
      for (const el of parts) {
        const r = el.getBoundingClientRect();
        if (!inside(r, cell)) problems.push(`${where}: ${el.className || el.tagName} ${fmt(r)} outside its cell ${fmt(cell)}`);
      }
      // The cell's own pieces side by side or one under another, never on
      // top of each other (the text around them included).
      const pieces = [...td.children].filter((el) => el.getBoundingClientRect().width > 0);
      for (let a = 0; a < pieces.length; a++) {
        for (let b = a + 1; b < pieces.length; b++) {
          if (overlap(pieces[a].getBoundingClientRect(), pieces[b].getBoundingClientRect())) {
            problems.push(`${where}: ${pieces[a].className} and ${pieces[b].className} overlap`);
          }
        }
        for (const node of td.childNodes) {
          if (node.nodeType !== Node.TEXT_NODE || !node.textContent.trim()) continue;
          const text = document.createRange();
          text.selectNodeContents(node);
          for (const r of text.getClientRects()) {
            if (r.width > 0 && overlap(r, pieces[a].getBoundingClientRect())) problems.push(`${where}: the text “${node.textContent.trim()}” and ${pieces[a].className} overlap`);
          }
        }
      }
    });
  }
  return problems;
}

/** Run in the page: the page's and the ledger box's sizes. */
function sizes() {
  const box = document.querySelector("[data-testid='ledger-scroll']");
  const b = box.getBoundingClientRect();
  return {
    page: { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth },
    box: { scrollWidth: box.scrollWidth, clientWidth: box.clientWidth, left: b.left, right: b.right, top: b.top, bottom: b.bottom },
    window: { width: innerWidth, height: innerHeight },
  };
}

for (const screen of SCREENS) {
  const suite = browserSuite({ viewport: screen.viewport });
  describe(`the ledger fits ${screen.label}`, () => {
    test("rows: everything inside its cell, nothing overlapping; no sideways page; a whole task row on the first screen; counts in one or two rows", () =>
      suite.withPage(async (page) => {
        await open(page, suite, screen);
        const found = await page.evaluate(cellProblems);
        assert.deepEqual(found, [], `${found.length} problems:\n${found.slice(0, 40).join("\n")}`);
        const s = await page.evaluate(sizes);
        assert.ok(s.page.scrollWidth <= s.page.clientWidth, `the page does not scroll sideways (${JSON.stringify(s.page)})`);
        const first = await page.locator("[data-testid='task-row']").first().boundingBox();
        assert.ok(first.y + first.height <= s.window.height,
          `the first task row (${Math.round(first.y)}–${Math.round(first.y + first.height)}) is whole within the first screen (${s.window.height})`);
        const rows = await page.evaluate(() => new Set([...document.querySelectorAll(".counts .count")].map((c) => Math.round(c.getBoundingClientRect().top))).size);
        assert.ok(rows >= 1 && rows <= 2, `the count cards take ${rows} rows`);
        if (screen.shot) await screenshot(page, screen.shot);
      }));

    test("the top bar stays in view when the page scrolls; the headings and the task panel line up under it", () =>
      suite.withPage(async (page) => {
        await open(page, suite, screen);
        // An edit, so that there is something to undo: the undo button shows.
        await page.locator("[data-testid='task-row']").nth(1).click();
        await page.click("[data-testid='move-down']");
        await page.waitForSelector("[data-testid='undo']");
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await settle(page);
        assert.ok(await page.evaluate(() => window.scrollY > 0), "the page scrolled down");
        const bar = await page.evaluate(() => {
          const seen = (id) => {
            const el = document.querySelector(`[data-testid='${id}']`);
            const r = el.getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return { top: r.top, bottom: r.bottom, onTop: hit !== null && (el === hit || el.contains(hit)) };
          };
          return { undo: seen("undo"), saved: seen("save-state"), bottom: document.querySelector(".app-header").getBoundingClientRect().bottom };
        });
        for (const [name, r] of [["undo", bar.undo], ["已保存", bar.saved]]) {
          assert.ok(r.top >= 0 && r.bottom <= bar.bottom && r.onTop, `${name} in view and on top after scrolling (${JSON.stringify(r)})`);
        }
        // The ledger's box under the bar, its headings seen at its top, also
        // once the box itself is scrolled down.
        await page.locator("[data-testid='ledger-scroll']").evaluate((el) => (el.scrollTop = el.scrollHeight));
        await settle(page);
        const under = await page.evaluate(() => {
          const th = document.querySelector(".ledger-table th.col-title").getBoundingClientRect();
          const box = document.querySelector("[data-testid='ledger-scroll']").getBoundingClientRect();
          const hit = document.elementFromPoint(th.left + 4, th.top + th.height / 2);
          return { th: th.top, box: box.top, boxBottom: box.bottom, onTop: hit?.closest("th") != null, height: innerHeight };
        });
        assert.ok(under.box >= bar.bottom - 1, `the ledger's box starts under the bar (${under.box} ≥ ${bar.bottom})`);
        assert.ok(Math.abs(under.th - under.box) <= 2 && under.onTop, `the headings at the top of the scrolled box (${JSON.stringify(under)})`);
        assert.ok(under.boxBottom <= under.height + 1, `the box ends within the window (${JSON.stringify(under)})`);
        // The task panel opens right under the bar, however tall it is.
        await page.locator("[data-testid='task-row']").last().dblclick();
        await page.waitForSelector("[data-testid='task-editor']");
        const panel = await page.evaluate(() => ({
          top: document.querySelector(".editor").getBoundingClientRect().top,
          bar: document.querySelector(".app-header").getBoundingClientRect().bottom,
        }));
        assert.ok(Math.abs(panel.top - panel.bar) <= 1.5, `the task panel starts where the bar ends (${JSON.stringify(panel)})`);
      }));

    test("单位与领域: numbers right-aligned under their headings; 督办: every group's columns at the same x", () =>
      suite.withPage(async (page) => {
        await open(page, suite, screen, "#/units", "[data-testid='unit-row']");
        const misaligned = await page.evaluate(() => {
          const problems = [];
          const textRight = (cell) => {
            const range = document.createRange();
            range.selectNodeContents(cell);
            return range.getBoundingClientRect().right;
          };
          for (const table of document.querySelectorAll(".registry-table")) {
            const heads = [...table.querySelectorAll("thead th")];
            heads.forEach((th, i) => {
              if (!th.classList.contains("col-num")) return;
              const head = textRight(th);
              if (getComputedStyle(th).textAlign !== "right") problems.push(`heading “${th.textContent}” is not right-aligned`);
              for (const tr of table.querySelectorAll("tbody tr")) {
                const td = tr.children[i];
                if (!td || tr.children.length !== heads.length) continue;
                if (getComputedStyle(td).textAlign !== "right") problems.push(`“${td.textContent}” under “${th.textContent}” is not right-aligned`);
                const right = textRight(td);
                if (Math.abs(right - head) > 1.5) problems.push(`“${td.textContent}” ends at ${right.toFixed(1)}, its heading “${th.textContent}” at ${head.toFixed(1)}`);
              }
            });
          }
          return problems;
        });
        assert.deepEqual(misaligned, []);
        assert.ok(await page.evaluate(() => document.querySelectorAll(".registry-table th.col-num").length) >= 3, "the numeric headings were found");

        await page.goto(`${suite.origin()}/?today=${MID_YEAR}#/supervision`);
        await page.waitForSelector("[data-testid='supervision-group']");
        await settle(page);
        const groups = await page.evaluate(() =>
          [...document.querySelectorAll("[data-testid='supervision-group'] table")].map((t) =>
            [...t.querySelectorAll("thead th")].map((th) => Math.round(th.getBoundingClientRect().left * 10) / 10)));
        assert.ok(groups.length >= 2, `${groups.length} groups`);
        for (const [i, xs] of groups.entries()) assert.deepEqual(xs, groups[0], `group ${i + 1}'s columns start where the first group's do`);
        const page_ = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
        assert.ok(page_, "the supervision page does not scroll sideways");
      }));
  });
}

// Where the columns need more than the window (特大 on a 1024-pixel-wide
// screen, 200% zoom), the ledger's box scrolls sideways, not the page,
// and 序号 and 任务 stay in view at its left.
const NARROW = [
  { label: "1024×768 at 特大", viewport: { width: 1024, height: 768 }, textSize: "larger" },
  { label: "200% zoom on 1366×768", viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 },
];
for (const screen of NARROW) {
  const suite = browserSuite({ viewport: screen.viewport, deviceScaleFactor: screen.deviceScaleFactor ?? 1 });
  test(`the ledger scrolls sideways in its own box at ${screen.label}, 序号 and 任务 staying in view`, () =>
    suite.withPage(async (page) => {
      await open(page, suite, screen);
      const before = await page.evaluate(sizes);
      assert.ok(before.page.scrollWidth <= before.page.clientWidth, `the page does not scroll sideways (${JSON.stringify(before.page)})`);
      assert.ok(before.box.scrollWidth > before.box.clientWidth, `the columns need more than the box here (${JSON.stringify(before.box)})`);
      // The page scrolled down to the box (the task rows in view), then the
      // box to its right end.
      const box = page.locator("[data-testid='ledger-scroll']");
      await box.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - (document.querySelector(".app-header").getBoundingClientRect().bottom > 0 ? document.querySelector(".app-header").getBoundingClientRect().bottom : 0)));
      await box.evaluate((el) => (el.scrollLeft = el.scrollWidth));
      await settle(page);
      const after = await page.evaluate(() => {
        const box = document.querySelector("[data-testid='ledger-scroll']");
        const b = box.getBoundingClientRect();
        const at = (sel) => {
          const el = document.querySelector(sel);
          const r = el.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + 3, r.top + Math.min(r.height / 2, 12));
          return { left: r.left, right: r.right, onTop: hit !== null && (el === hit || el.contains(hit)) };
        };
        return {
          scrollLeft: box.scrollLeft,
          box: { left: b.left, right: b.right },
          heads: [at(".ledger-table th.col-no"), at(".ledger-table th.col-title")],
          cells: [at("[data-testid='task-row'] td.col-no"), at("[data-testid='task-row'] td.col-title")],
          state: at("[data-testid='task-row'] td.col-state"),
          pageScrollX: window.scrollX,
        };
      });
      assert.ok(after.scrollLeft > 0 && after.pageScrollX === 0, `the box scrolled, not the page (${JSON.stringify(after)})`);
      for (const [no, title] of [after.heads, after.cells]) {
        assert.ok(Math.abs(no.left - after.box.left) <= 2 && Math.abs(title.left - no.right) <= 1 && no.onTop && title.onTop,
          `序号 at the box's left, 任务 beside it, both seen (${JSON.stringify(after)})`);
      }
      assert.ok(after.state.right <= after.box.right + 1, `the last column came into view (${JSON.stringify(after)})`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), "still no sideways page");
    }));
}

// The table's focus ring is drawn around its box (the box would clip a
// ring drawn by the table, its sticky cells would cover it); from the
// keyboard, not on a click.
describe("the ledger's focus ring", () => {
  const suite = browserSuite({ viewport: { width: 1366, height: 768 } });
  test("shows around the box when the table is reached by keyboard", () =>
    suite.withPage(async (page) => {
      await open(page, suite, { viewport: { width: 1366, height: 768 } });
      await page.locator("[data-testid='task-row']").first().click();
      assert.equal(await page.locator(".ledger-scroll.focus-ring").count(), 0, "no ring after a click");
      // From the search box, Tab goes through the filters to the table.
      await page.locator("[data-testid='search']").focus();
      let reached = false;
      for (let i = 0; i < 30 && !reached; i++) {
        reached = await page.evaluate(() => document.activeElement?.classList.contains("ledger-table"));
        if (!reached) await page.keyboard.press("Tab");
      }
      assert.ok(reached, "Tab reaches the table");
      const ring = await page.locator("[data-testid='ledger-scroll']").evaluate((el) => ({ on: el.classList.contains("focus-ring"), style: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth }));
      assert.deepEqual(ring, { on: true, style: "solid", width: "3px" });
    }));
});

// A plan of thousands of tasks is drawn windowed (only the rows in view
// exist): in its box, at 特大 too (where a row is 1.3 times as tall on
// screen), the rows seen are drawn wherever the box is scrolled, and ↓
// keeps the chosen row in view.
describe("a 5,000-task ledger at 特大", () => {
  const screen = { viewport: { width: 1366, height: 768 }, textSize: "larger" };
  const suite = browserSuite({ viewport: screen.viewport });
  test("the rows in view are drawn where the box is scrolled, and ↓ keeps the chosen row in view", () =>
    suite.withPage(async (page) => {
      await open(page, suite, screen);
      await page.waitForFunction(() => localStorage.getItem("luoshi.plan") !== null);
      const big = JSON.stringify(largePlan(await storedPlan(page), 5000));
      // Stored as the only plan, the text size kept.
      await page.evaluate((t) => {
        const size = localStorage.getItem("luoshi.textSize");
        localStorage.clear();
        localStorage.setItem("luoshi.textSize", size);
        localStorage.setItem("luoshi.plan", t);
      }, big);
      await page.reload();
      await page.waitForSelector(".ledger-table.windowed [data-testid='task-row']", { timeout: 60000 });
      const box = page.locator("[data-testid='ledger-scroll']");
      // The page down to the box, which fills the window under the bar.
      await box.evaluate((el) => el.scrollIntoView({ block: "end" }));
      for (const share of [0.5, 0.9]) {
        await box.evaluate((el, s) => (el.scrollTop = el.scrollHeight * s), share);
        await settle(page);
        await settle(page);
        const seen = await page.evaluate(() => {
          const b = document.querySelector("[data-testid='ledger-scroll']").getBoundingClientRect();
          const head = document.querySelector(".ledger-table th").getBoundingClientRect().bottom;
          return [head + 4, (head + b.bottom) / 2, Math.min(b.bottom, innerHeight) - 24].map((y) => {
            const hit = document.elementFromPoint(b.left + 200, y);
            return { y: Math.round(y), row: hit?.closest("tr")?.dataset.testid ?? hit?.closest("tr")?.className ?? null };
          });
        });
        for (const p of seen) assert.ok(p.row === "task-row" || p.row === "area-row", `a row is drawn where the box shows (at ${share}): ${JSON.stringify(seen)}`);
      }
      const middle = await page.evaluate(() => {
        const b = document.querySelector("[data-testid='ledger-scroll']").getBoundingClientRect();
        return document.elementFromPoint(b.left + 200, (b.top + b.bottom) / 2).closest("tr").dataset.taskId;
      });
      await page.locator(`[data-task-id='${middle}']`).click();
      for (let i = 0; i < 20; i++) await page.keyboard.press("ArrowDown");
      await settle(page);
      const chosen = await page.evaluate(() => {
        const r = document.querySelector("[data-testid='task-row'].selected")?.getBoundingClientRect();
        const b = document.querySelector("[data-testid='ledger-scroll']").getBoundingClientRect();
        const head = document.querySelector(".ledger-table th").getBoundingClientRect().bottom;
        return r && { top: r.top, bottom: r.bottom, head, boxBottom: b.bottom, height: innerHeight };
      });
      assert.ok(chosen && chosen.top >= chosen.head - 1 && chosen.bottom <= Math.min(chosen.boxBottom, chosen.height) + 1,
        `the chosen row is seen below the headings (${JSON.stringify(chosen)})`);
    }));
});
