// End-to-end: the Gantt timeline (进度计划). One row per task in hierarchy
// order, branches collapse, a bar opens its task, the zoom changes the
// scale, grouping by area or lead unit, the ledger's filters in its own
// bar and address, walking the rows by keyboard, only the time span in
// view drawn, printing on A4/A3 landscape, and a 5,000-task plan keeping
// only the rows in view in the page. At 1366×768 and 1920×1080: the zoom
// buttons say which is pressed, 年 fits the year to the width with labels
// apart, the default view fills the width, 月 opens at today, and the
// printed page wraps titles, writes each state and has a legend.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  MID_YEAR,
  ROOT,
  appReady,
  browserSuite,
  largePlan,
  screenshot,
  testIdText,
  storedPlan,
  waitForStored,
} from "./harness.mjs";

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
      await screenshot(page, "gantt");
      const total = Number((await testIdText(page, "gantt-count")).match(/显示 (\d+) 行/)[1]);
      await page.locator("[data-testid='gantt-toggle']").first().click();
      await page.waitForFunction((n) => !document.querySelector("[data-testid='gantt-count']").textContent.includes(`显示 ${n} 行`), total);
      await page.click("[data-testid='gantt-expand-all']");
      await page.waitForFunction((n) => document.querySelector("[data-testid='gantt-count']").textContent.includes(`显示 ${n} 行`), total);
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
      const big = largePlan(await storedPlan(page), 5000);
      await page.evaluate((t) => {
        localStorage.clear();
        localStorage.setItem("luoshi.plan", t);
      }, JSON.stringify(big));
      await page.reload();
      await appReady(page);
      await page.click("[data-testid='nav-gantt']");
      await page.waitForSelector("[data-testid='gantt-row']");
      assert.match(await testIdText(page, "gantt-count"), /任务（含要点）5000 项；显示 \d+ 行/);
      const rows = await page.locator("[data-testid='gantt-row']").count();
      assert.ok(rows < 80, `${rows} rows in the page`);
      const nodes = await page.evaluate(() => document.querySelectorAll("*").length);
      assert.ok(nodes < 3000, `${nodes} DOM nodes`);
      const first = await page.locator("[data-testid='gantt-row']").first().getAttribute("data-task-id");
      await page.locator("[data-testid='gantt-scroll']").evaluate((el) => (el.scrollTop = 30 * 2500));
      await page.waitForFunction((f) => document.querySelector("[data-testid='gantt-row']")?.dataset.taskId !== f, first);
      assert.ok((await page.locator("[data-testid='gantt-row']").count()) < 80);
    }));

  test("grouped by lead unit: a heading per unit with its count, closing one hides its rows", () =>
    withPage(async (page) => {
      await openGantt(page);
      const areas = await page.locator("[data-testid='gantt-group']").count();
      assert.ok(areas >= 2, "grouped by area by default");
      await page.selectOption("[data-testid='gantt-grouping']", "unit");
      await page.waitForFunction(() => document.querySelector("[data-testid='gantt-group']")?.dataset.group.startsWith("unit:"));
      const lines = await page.locator("[data-index]").evaluateAll((ls) =>
        ls.map((l) => ({ i: Number(l.dataset.index), group: l.dataset.testid === "gantt-group", text: l.textContent, id: l.dataset.taskId })),
      );
      const heads = lines.filter((l) => l.group);
      assert.ok(heads.length >= 2);
      // The first heading counts the work items (tasks with no subtasks,
      // as the ledger's 工作事项) among its rows up to the next heading.
      const plan = (await storedPlan(page)).plan;
      const parents = new Set(plan.tasks.map((t) => t.parent).filter(Boolean));
      const under = lines.filter((l) => !l.group && l.i > heads[0].i && l.i < heads[1].i);
      const items = Number(heads[0].text.match(/（工作事项 (\d+) 项/)[1]);
      assert.equal(items, under.filter((l) => !parents.has(l.id)).length, "a heading counts its work items");
      const n = heads[1].i - heads[0].i - 1;
      const total = await shownCount(page);
      await page.locator("[data-testid='gantt-group'] [data-testid='gantt-toggle']").first().click();
      await page.waitForFunction((t) => !document.querySelector("[data-testid='gantt-count']").textContent.includes(`显示 ${t} 行`), total);
      assert.equal(await shownCount(page), total - n);
      await page.click("[data-testid='gantt-expand-all']");
      await page.waitForFunction((t) => document.querySelector("[data-testid='gantt-count']").textContent.includes(`显示 ${t} 行`), total);
    }));

  test("the Gantt's filters select what the ledger's do and stay in its address", () =>
    withPage(async (page) => {
      await page.setViewportSize({ width: 1366, height: 2400 });
      await page.goto(at("#/ledger?level=red"));
      await appReady(page);
      const ledgerRed = await page.locator("[data-testid='task-row']").evaluateAll((rs) => rs.map((r) => r.dataset.taskId));
      assert.ok(ledgerRed.length > 0);
      await page.goto(at("#/ledger"));
      await page.click("[data-testid='nav-gantt']");
      await page.waitForSelector("[data-testid='gantt-row']");
      await page.selectOption("[data-testid='gantt-grouping']", "outline");
      await page.selectOption("[data-testid='filter-level']", "red");
      await page.waitForFunction((n) => document.querySelector("[data-testid='gantt-count']").textContent.includes(`显示 ${n} 行`), ledgerRed.length);
      assert.match(page.url(), /#\/gantt\?.*level=red/, "the view is in the Gantt's address");
      const ganttRed = await page.locator("[data-testid='gantt-row']").evaluateAll((rs) => rs.map((r) => r.dataset.taskId));
      assert.deepEqual(ganttRed, ledgerRed, "the same tasks in the same order");
      assert.equal(await page.locator("[data-testid='sort']").count(), 0, "no sort: the timeline keeps the outline's order");
      // The address alone brings the filtered Gantt back.
      await page.reload();
      await appReadyOn(page, "gantt-row");
      assert.equal(await shownCount(page), ledgerRed.length);
    }));

  test("the keyboard walks the rows, scrolling as it goes, and folds branches and groups", () =>
    withPage(async (page) => {
      await openGantt(page);
      await page.locator("[data-index='0'] [data-focus]").focus();
      const at0 = await focusedIndex(page);
      assert.equal(at0, 0);
      for (let k = 0; k < 25; k++) await page.keyboard.press("ArrowDown");
      await page.waitForFunction(() => document.activeElement?.closest("[data-index]")?.dataset.index === "25");
      assert.ok((await page.locator("[data-testid='gantt-scroll']").evaluate((el) => el.scrollTop)) > 0, "scrolled to keep it in view");
      const total = await shownCount(page);
      const lines = Number(await page.locator("[data-testid='gantt-count']").getAttribute("data-lines"));
      await page.keyboard.press("End");
      await page.waitForFunction((n) => document.activeElement?.closest("[data-index]")?.dataset.index === String(n - 1), lines);
      await page.keyboard.press("Home");
      await page.waitForFunction(() => document.activeElement?.closest("[data-index]")?.dataset.index === "0");
      // Row 0 is the first area's heading: ← closes it, → opens it again.
      await page.keyboard.press("ArrowLeft");
      await page.waitForFunction((t) => !document.querySelector("[data-testid='gantt-count']").textContent.includes(`显示 ${t} 行`), total);
      assert.equal(await page.locator("[data-index='0']").getAttribute("data-testid"), "gantt-group");
      assert.equal(await focusedIndex(page), 0, "the focus stays on the heading");
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction((t) => document.querySelector("[data-testid='gantt-count']").textContent.includes(`显示 ${t} 行`), total);
      // Enter on a task opens it.
      await page.keyboard.press("ArrowDown");
      await page.waitForFunction(() => document.activeElement?.closest("[data-index]")?.dataset.index === "1");
      const id = await page.locator("[data-index='1']").getAttribute("data-task-id");
      await page.keyboard.press("Enter");
      await page.waitForSelector("[data-testid='task-editor']");
      assert.ok(page.url().includes(`edit=${id}`));
    }));

  test("only the time span in view is drawn: scrolling right brings the later months", () =>
    withPage(async (page) => {
      await page.setViewportSize({ width: 900, height: 800 });
      await openGantt(page);
      await page.click("[data-testid='gantt-zoom-month']");
      const ticks = () => page.locator(".gantt-head text.axis").allTextContents();
      const shows = (label) => page.waitForFunction((l) => [...document.querySelectorAll(".gantt-head text.axis")].some((t) => t.textContent === l), label);
      // Opened at today (30 June): neither end of the year is drawn.
      await shows("7月");
      const now = await ticks();
      assert.ok(!now.includes("12月") && !now.includes("2月"), `at today: ${now}`);
      await page.locator("[data-testid='gantt-scroll']").evaluate((el) => (el.scrollLeft = el.scrollWidth));
      await shows("12月");
      const late = await ticks();
      assert.ok(!late.includes("2月") && !late.includes("6月"), `at the end: ${late}`);
      await page.locator("[data-testid='gantt-scroll']").evaluate((el) => (el.scrollLeft = 0));
      await shows("2月");
      // A February-only task's bar is no longer drawn; the rows still are.
      assert.ok((await page.locator("[data-testid='gantt-row']").count()) > 5);
    }));

  for (const [paper, size, width] of [["a4", "A4", 1047], ["a3", "A3", 1511]]) {
    test(`printing on ${size} landscape: every row, the timeline within the page width, headings repeated`, () =>
      withPage(async (page) => {
        await openGantt(page);
        const total = Number(await page.locator("[data-testid='gantt-count']").getAttribute("data-lines"));
        await page.evaluate(() => {
          window.print = () => (window.__printed = (window.__printed || 0) + 1);
        });
        await page.click(`[data-testid='gantt-print-${paper}']`);
        await page.waitForFunction(() => window.__printed === 1);
        await page.emulateMedia({ media: "print" });
        const printed = page.locator("[data-testid='gantt-print-row']");
        assert.equal(await printed.count(), total, "every shown row, not only those in view");
        // The tracks themselves, not only the rows holding them, end within the page.
        const widest = await printed.evaluateAll((rs) => Math.max(...rs.map((r) => r.querySelector("svg").getBoundingClientRect().right)));
        assert.ok(widest <= width + 1, `rows end at ${widest}px, the page is ${width}px wide`);
        assert.equal(await page.locator("[data-testid='gantt-scroll']").isVisible(), false, "the screen's scroll area is not printed");
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        const dir = mkdtempSync(join(tmpdir(), "luoshi-gantt-"));
        writeFileSync(join(dir, "gantt.pdf"), pdf);
        // The first page as an image, to be looked at.
        execFileSync("pdftoppm", ["-r", "96", "-png", "-f", "1", "-l", "1", "-singlefile", join(dir, "gantt.pdf"), join(ROOT, "target", "screenshots", `gantt-print-${paper}`)]);
        const info = execFileSync("pdfinfo", [join(dir, "gantt.pdf")], { encoding: "utf8" });
        assert.match(info, new RegExp(`Page size:.*\\(${size}\\)`), info);
        const [w, h] = info.match(/Page size:\s+([\d.]+) x ([\d.]+)/).slice(1).map(Number);
        assert.ok(w > h, "landscape");
        await page.emulateMedia({ media: "screen" });
        await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
        await page.waitForSelector("[data-testid='gantt-print']", { state: "detached" });
      }));
  }

  for (const [width, height] of [[1366, 768], [1920, 1080]]) {
    test(`at ${width}×${height}: the pressed zoom is marked, 年 fits the width with labels apart, the default fills it, 月 opens at today`, () =>
      withPage(async (page) => {
        await page.setViewportSize({ width, height });
        await openGantt(page);
        const zooms = page.locator("[data-testid='gantt-zoom']");
        assert.equal(await zooms.count(), 3);
        assert.deepEqual(await pressed(page), { month: "false", quarter: "true", year: "false" }, "季 by default");
        // The default view: the timeline reaches the right edge of its box.
        const strip = await emptyStrip(page);
        assert.ok(strip <= 40, `an empty strip of ${strip}px right of the timeline`);
        await todayInView(page);
        await screenshot(page, `gantt-${width}`);

        await page.click("[data-testid='gantt-zoom'][data-zoom='year']");
        assert.deepEqual(await pressed(page), { month: "false", quarter: "false", year: "true" });
        const [on, off] = await page.evaluate(() =>
          ["year", "month"].map((z) => getComputedStyle(document.querySelector(`[data-testid='gantt-zoom'][data-zoom='${z}']`)).backgroundColor),
        );
        assert.notEqual(on, off, "the pressed button looks pressed");
        await page.waitForFunction(() => {
          const box = document.querySelector("[data-testid='gantt-scroll']");
          return box.scrollWidth <= box.clientWidth;
        });
        const fit = await page.evaluate(() => {
          const box = document.querySelector("[data-testid='gantt-scroll']");
          const b = box.getBoundingClientRect();
          const axis = document.querySelector("[data-testid='gantt-axis']").getBoundingClientRect();
          return { available: b.left + box.clientLeft + box.clientWidth, right: axis.right, scroll: box.scrollWidth - box.clientWidth };
        });
        assert.ok(Math.abs(fit.available - fit.right) <= 3, `the year ends at ${fit.right}px, the box at ${fit.available}px`);
        assert.equal(fit.scroll, 0, "no sideways scroll in 年");
        const labels = await axisLabels(page);
        assert.ok(labels.filter((l) => /月$/.test(l.text)).length >= 12, `a label for every month: ${labels.map((l) => l.text)}`);
        assertApart(labels, fit.right);
        await screenshot(page, `gantt-year-${width}`);

        await page.click("[data-testid='gantt-zoom'][data-zoom='month']");
        assert.deepEqual(await pressed(page), { month: "true", quarter: "false", year: "false" });
        await todayInView(page);
        const box = await page.locator("[data-testid='gantt-scroll']").evaluate((el) => el.getBoundingClientRect().right);
        assertApart((await axisLabels(page)).filter((l) => l.left < box), Infinity);
        await screenshot(page, `gantt-month-${width}`);

        await page.click("[data-testid='gantt-zoom'][data-zoom='quarter']");
        assert.deepEqual(await pressed(page), { month: "false", quarter: "true", year: "false" });
        await todayInView(page);
      }));

    test(`at ${width}×${height}: printed, no title is cut, each row says its state in the ledger's words, and a legend explains the marks`, () =>
      withPage(async (page) => {
        await page.setViewportSize({ width, height });
        await page.goto(at("#/ledger"));
        await appReady(page);
        const badges = Object.fromEntries(
          await page.locator("[data-testid='task-row']").evaluateAll((rs) =>
            rs.map((r) => [r.dataset.taskId, r.querySelector("[data-testid='warning']").textContent.trim()]),
          ),
        );
        const titles = Object.fromEntries((await waitForStored(page, (doc) => doc !== null)).plan.tasks.map((t) => [t.id, t.title]));
        await page.click("[data-testid='nav-gantt']");
        await page.waitForSelector("[data-testid='gantt-row']");
        await page.evaluate(() => {
          window.print = () => (window.__printed = (window.__printed || 0) + 1);
        });
        await page.click("[data-testid='gantt-print-a4']");
        await page.waitForFunction(() => window.__printed === 1);
        await page.emulateMedia({ media: "print" });
        const rows = await page.locator("[data-testid='gantt-print-row']").evaluateAll((rs) =>
          rs.map((r) => {
            const cell = r.querySelector(".gantt-print-name");
            const title = r.querySelector("[data-testid='gantt-print-title']");
            const c = cell.getBoundingClientRect();
            const t = title.getBoundingClientRect();
            const style = getComputedStyle(cell);
            return {
              id: r.dataset.taskId,
              text: title.textContent,
              state: r.querySelector("[data-testid='gantt-print-state']").textContent.trim(),
              cut: cell.scrollWidth > cell.clientWidth || cell.scrollHeight > cell.clientHeight + 1,
              inside: t.left >= c.left - 1 && t.right <= c.right + 1 && t.top >= c.top - 1 && t.bottom <= c.bottom + 1,
              ellipsis: style.textOverflow === "ellipsis" && style.whiteSpace === "nowrap",
            };
          }),
        );
        const tasks = rows.filter((r) => r.id);
        assert.ok(tasks.length >= 40, `${tasks.length} task rows printed`);
        const compared = [];
        for (const r of tasks) {
          assert.ok(!r.cut && r.inside && !r.ellipsis, `title cut off: ${r.text}`);
          assert.ok(r.text.endsWith(titles[r.id]), `the whole title: ${r.text} / ${titles[r.id]}`);
          assert.ok(r.state.length > 0, `a state for ${r.text}`);
          if (badges[r.id] !== undefined) {
            assert.equal(r.state, badges[r.id], `the ledger's words for ${r.text}`);
            compared.push(r.id);
          }
        }
        assert.ok(compared.length >= 40, `${compared.length} states compared with the ledger`);
        for (const word of ["正常", "预警", "逾期", "按时办结"]) {
          assert.ok(tasks.some((r) => r.state.startsWith(word)), `some row is ${word}`);
        }
        const legend = page.locator("[data-testid='gantt-print'] [data-testid='gantt-legend']");
        assert.ok(await legend.isVisible(), "the legend is printed");
        const words = await legend.textContent();
        for (const w of ["正常", "预警", "逾期", "按时办结", "逾期办结", "暂缓", "计划时段", "已报进度", "应达进度", "进度节点", "原定完成时限", "今天"]) {
          assert.ok(words.includes(w), `the legend explains ${w}: ${words}`);
        }
        const box = await legend.boundingBox();
        assert.ok(box.width > 200 && box.height > 8, JSON.stringify(box));
        await page.emulateMedia({ media: "screen" });
        await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
      }));
  }
});

/** aria-pressed of each zoom button, by its zoom. */
async function pressed(page) {
  return Object.fromEntries(
    await page.locator("[data-testid='gantt-zoom']").evaluateAll((bs) => bs.map((b) => [b.dataset.zoom, b.getAttribute("aria-pressed")])),
  );
}

/** Pixels between the timeline's end and the right edge of its box. */
async function emptyStrip(page) {
  return page.evaluate(() => {
    const box = document.querySelector("[data-testid='gantt-scroll']");
    const head = document.querySelector(".gantt-head");
    return box.clientWidth - head.getBoundingClientRect().width;
  });
}

/** Waits until the today marker is in the visible part of the scroll box
 *  (right of the name column, which stays in place). */
async function todayInView(page) {
  await page.waitForFunction(() => {
    const box = document.querySelector("[data-testid='gantt-scroll']");
    const mark = document.querySelector("[data-testid='gantt-today']");
    if (!box || !mark) return false;
    const b = box.getBoundingClientRect();
    const m = mark.getBoundingClientRect();
    const name = document.querySelector(".gantt-head .gantt-name").getBoundingClientRect();
    return m.width > 0 && m.left >= name.right && m.right <= b.left + box.clientLeft + box.clientWidth;
  });
}

/** The axis labels drawn, as boxes, left to right. */
async function axisLabels(page) {
  return (
    await page.locator(".gantt-head text.axis").evaluateAll((ts) =>
      ts.map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent, left: r.left, right: r.right };
      }),
    )
  ).sort((a, b) => a.left - b.left);
}

/** No label overlaps the next, and none ends past `right`. */
function assertApart(labels, right) {
  for (let i = 1; i < labels.length; i++) {
    assert.ok(labels[i].left >= labels[i - 1].right, `${labels[i - 1].text} and ${labels[i].text} overlap: ${JSON.stringify(labels.slice(i - 1, i + 1))}`);
  }
  assert.ok(labels.every((l) => l.right <= right + 1), `a label runs past ${right}`);
}

async function openGantt(page) {
  await page.goto(at("#/ledger"));
  await appReady(page);
  await page.click("[data-testid='nav-gantt']");
  await page.waitForSelector("[data-testid='gantt-row']");
}

async function appReadyOn(page, testid) {
  await page.waitForSelector(`[data-testid='${testid}']`);
}

async function shownCount(page) {
  return Number((await testIdText(page, "gantt-count")).match(/显示 (\d+) 行/)[1]);
}

const focusedIndex = (page) => page.evaluate(() => Number(document.activeElement?.closest("[data-index]")?.dataset.index));
