// End-to-end: the layout holds on an office screen (1280×720), at 200%
// browser zoom on it (the page then has 640×360 CSS pixels, drawn at
// twice the density — what the browser's zoom does), and with the largest
// text size of the settings (issue 11). On every page:
// - nothing runs off the side of the window and the page never scrolls
//   sideways: the ledger's table keeps its columns readable by scrolling
//   sideways in its own box (issue 18), as any wide table may (WCAG 1.4.10);
// - no short label (a page name, a button, a count) breaks across lines,
//   as when a squeezed column puts one character per line;
// - the header's parts do not overlap;
// - a chart's words are not cut off at its edge;
// and on the ledger the title column stays readable and the editor fits
// the window with 保存 reachable.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { MID_YEAR, appReady, browserSuite, screenshot } from "./harness.mjs";

const PAGES = [
  ["ledger", "[data-testid='task-row']"],
  ["dashboard", "[data-testid='chart-mark']"],
  ["gantt", "[data-testid='gantt-row']"],
  ["audit", "main"],
  ["supervision", "[data-testid='supervision-list']"],
  ["problems", "main"],
  ["units", "main"],
  ["data", "[data-testid='data-page']"],
  ["settings", "[data-testid='text-size']"],
];

/** Run in the page: what is wrong with its layout, as readable lines. */
function layoutProblems() {
  const width = document.documentElement.clientWidth;
  const name = (el) =>
    `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ""}${typeof el.className === "string" && el.className ? "." + el.className.split(" ")[0] : ""} “${(el.textContent || "").trim().slice(0, 12)}”`;
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && el.checkVisibility({ checkVisibilityCSS: true });
  };
  // Inside something that clips or scrolls sideways (the Gantt's timeline,
  // a list box): its own scrolling, not the page's.
  const clipped = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== "visible") return true;
    }
    return false;
  };
  const problems = [];
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth) problems.push(`the page scrolls sideways (${page.scrollWidth} wide in ${page.clientWidth})`);
  for (const el of document.body.querySelectorAll("*")) {
    if (!shown(el) || el.closest("[aria-hidden='true']") || clipped(el)) continue;
    if (getComputedStyle(el).position === "fixed" && el.closest(".editor") == null) continue;
    const r = el.getBoundingClientRect();
    if (r.right > width + 1 || r.left < -1) problems.push(`runs off the side (${Math.round(r.left)}–${Math.round(r.right)} of ${width}): ${name(el)}`);
  }
  // A chart's words inside its drawing (an SVG clips what runs past it).
  for (const text of document.querySelectorAll("svg text")) {
    const svg = text.ownerSVGElement;
    if (!shown(text) || !svg) continue;
    const t = text.getBoundingClientRect();
    const box = svg.getBoundingClientRect();
    if (t.right > box.right + 1 || t.left < box.left - 1) problems.push(`cut off by its chart (${Math.round(t.left)}–${Math.round(t.right)} of ${Math.round(box.left)}–${Math.round(box.right)}): ${name(text)}`);
  }
  // Short labels on one line: each of their words (text pieces of up to
  // eight characters) on one line.
  const labels = document.querySelectorAll(".nav-link, button, .count-label, .ledger-table th, .tab, label, .today, .save-state");
  for (const el of labels) {
    if (!shown(el)) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const text = t.textContent.trim();
      if (text.length < 2 || text.length > 8) continue;
      const range = document.createRange();
      range.selectNodeContents(t);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1) problems.push(`“${text}” breaks over ${lines.size} lines: ${name(el)}`);
    }
  }
  // The header's parts side by side or on their own rows, never on top of
  // each other.
  const parts = [...document.querySelectorAll(".app-header > *, .app-header > .nav > *")].filter(shown);
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      if (parts[i].contains(parts[j]) || parts[j].contains(parts[i])) continue;
      const a = parts[i].getBoundingClientRect();
      const b = parts[j].getBoundingClientRect();
      const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
      if (overlap) problems.push(`overlap in the header: ${name(parts[i])} and ${name(parts[j])}`);
    }
  }
  return problems;
}

const SCREENS = [
  { label: "1280×720", viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 },
  { label: "200% zoom on 1280×720", viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 },
  { label: "1280×720 with the largest text size", viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, textSize: "larger" },
];

/** Opens the ledger on the sample plan with the screen's text size set
 *  (remembered by the browser, as a user would have set it). */
async function start(page, suite, screen) {
  const at = (hash) => `${suite.origin()}/?today=${MID_YEAR}${hash}`;
  await page.goto(at("#/ledger"));
  await appReady(page);
  if (!screen.textSize) return;
  await page.goto(at("#/settings"));
  await page.selectOption("[data-testid='text-size']", screen.textSize);
  await page.goto(at("#/ledger"));
  await appReady(page);
}

for (const screen of SCREENS) {
  const suite = browserSuite({ viewport: screen.viewport, deviceScaleFactor: screen.deviceScaleFactor });
  describe(`layout at ${screen.label}`, () => {
    test("every page: no sideways scroll, nothing off the side, no label broken, no overlap in the header", () =>
      suite.withPage(async (page) => {
        await start(page, suite, screen);
        const found = [];
        for (const [name, ready] of PAGES) {
          await page.goto(`${suite.origin()}/?today=${MID_YEAR}#/${name}`);
          await page.waitForSelector(ready);
          await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
          for (const p of await page.evaluate(layoutProblems)) found.push(`${name}: ${p}`);
        }
        assert.deepEqual(found, [], `${found.length} problems:\n${found.slice(0, 400).join("\n")}`);
      }));

    test("the ledger: the title column readable, the editor within the window with 保存 reachable", () =>
      suite.withPage(async (page) => {
        await start(page, suite, screen);
        const em = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".ledger-table td.col-title")).fontSize));
        const title = await page.locator("td.col-title").first().boundingBox();
        assert.ok(title.width >= 10 * em, `the title column is ${Math.round(title.width)} px wide, at least 10 characters (${10 * em} px)`);
        await page.locator("[data-testid='task-row']").nth(1).dblclick();
        await page.waitForSelector("[data-testid='task-editor']");
        const panel = await page.evaluate(() => {
          const r = document.querySelector("[data-testid='task-editor']").getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
        });
        assert.ok(panel.left >= 0 && panel.right <= panel.width + 1, `the editor within the window's width (${JSON.stringify(panel)})`);
        assert.ok(panel.bottom <= panel.height + 1, `the editor within the window's height (${JSON.stringify(panel)})`);
        // 保存 is reached by scrolling the editor and is then really there
        // (not under something else).
        const save = page.locator("[data-testid='save-task']");
        await save.scrollIntoViewIfNeeded();
        const onTop = await save.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === el;
        });
        assert.ok(onTop, "保存 is visible and on top once scrolled to");
        await screenshot(page, `editor-${screen.viewport.width}${screen.textSize ? "-" + screen.textSize : ""}`);
      }));
  });
}
