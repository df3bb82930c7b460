// End-to-end: numbers that agree and words that say what happens (issue 18),
// at 1366×768 and 1920×1080 on the sample plan at mid-year. One word and one
// number for one thing on the ledger, the Gantt, the dashboard and the
// dialogs; a chart click leads to a ledger that counts what the mark said
// and closes an open panel; every chart's marks show their numbers at the
// mark; 即将到期 keeps to the due-soon window; a new task's heading and undo
// label; 办结说明 and 延期理由 seen after saving; the export message beside
// its button; the notice's 主送 and a placeholder 落款 said before printing.
// Like every e2e test, each asserts no console error and no request outside
// the page's origin.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { MID_YEAR, appReady, browserSuite, screenshot, storedPlan, testIdText } from "./harness.mjs";

const SIZES = [
  [1366, 768],
  [1920, 1080],
];

/** A point (viewport pixels) where `locator`'s element is the topmost one,
 *  as near its middle as may be: a ring segment's box centre can fall in
 *  the donut's hole, and a burn-up point can lie under another. */
async function pointOn(locator) {
  await locator.scrollIntoViewIfNeeded();
  const p = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const cx = r.left + r.width / 2;
    const cy = r.top + r.height / 2;
    let best = null;
    const steps = 15;
    for (let i = 0; i < steps; i++) {
      for (let j = 0; j < steps; j++) {
        const x = r.left + (r.width * (i + 0.5)) / steps;
        const y = r.top + (r.height * (j + 0.5)) / steps;
        const hit = document.elementFromPoint(x, y);
        if (hit && (hit === el || el.contains(hit))) {
          const d = (x - cx) ** 2 + (y - cy) ** 2;
          if (!best || d < best.d) best = { x, y, d };
        }
      }
    }
    return best && { x: best.x, y: best.y };
  });
  assert.ok(p, "the mark can be pointed at");
  return p;
}

/** The number in the ledger's match line that counts work items. */
const matchedWorkItems = async (page) => Number((await testIdText(page, "match-count")).match(/符合条件的工作事项 (\d+) 项/)?.[1]);

/** The first work item (not a heading) whose light reads exactly `label`. */
async function workItemLabelled(page, label) {
  const rows = page.locator("tr[data-testid='task-row']:not(.is-parent)");
  const n = await rows.count();
  for (let i = 0; i < n; i++) {
    const r = rows.nth(i);
    const text = (await r.locator("[data-testid='warning']").textContent()).trim();
    if (text === label && (await r.locator(".original-due").count()) === 0) return r.getAttribute("data-task-id");
  }
  throw new Error(`no work item labelled ${label}`);
}

const row = (id) => `tr[data-testid='task-row'][data-task-id='${id}']`;

for (const [width, height] of SIZES) {
  describe(`words at ${width}×${height}`, () => {
    const suite = browserSuite({ viewport: { width, height }, acceptDownloads: true });
    const withPage = suite.withPage;
    const at = (hash = "#/ledger", day = MID_YEAR) => `${suite.origin()}/?today=${day}${hash}`;
    const shot = (page, name) => screenshot(page, `words-${name}-${width}`);

    test("one word and one number for one thing: ledger, Gantt, dashboard, supervision and the dialogs", () =>
      withPage(async (page) => {
        await page.goto(at());
        await appReady(page);
        const workItems = Number(await testIdText(page, "count-total"));
        const rows = await page.locator("[data-testid='task-row']").count();
        assert.ok(workItems > 0 && rows > workItems, `${workItems} work items, ${rows} rows`);
        const label = await page.locator("[data-testid='count-total'] + .count-label").textContent();
        assert.equal(label, "工作事项");
        const both = `工作事项 ${workItems} 项，任务（含要点）${rows} 项`;

        // The replace dialog says the same.
        await page.click("[data-testid='start-empty']");
        assert.match(await testIdText(page, "confirm-message"), new RegExp(`（${both}）`));
        await page.click("[data-testid='confirm-cancel']");
        // And the delete dialog.
        await page.click("[data-testid='plan-actions']");
        await page.click("[data-testid='delete-plan']");
        assert.match(await testIdText(page, "confirm-message"), new RegExp(`（${both}）`));
        await page.click("[data-testid='confirm-cancel']");

        await page.click("[data-testid='nav-gantt']");
        await page.waitForSelector("[data-testid='gantt-row']");
        assert.match(await testIdText(page, "gantt-count"), new RegExp(`^${both}；`));

        await page.click("[data-testid='nav-dashboard']");
        await page.waitForSelector("[data-testid='dashboard']");
        const card = page.locator("[data-testid='dashboard-counts'] [data-testid='chart-mark'][data-label='工作事项']");
        assert.equal(Number(await card.getAttribute("data-count")), workItems);
        assert.equal((await page.locator("[data-testid='donut'] .donut-total").textContent()).trim(), String(workItems));
        assert.equal((await page.locator("[data-testid='donut'] .donut-caption").textContent()).trim(), "工作事项");

        await page.click("[data-testid='nav-supervision']");
        await page.waitForSelector("[data-testid='supervision-list']");
        assert.match(await testIdText(page, "supervision-totals"), /^需督办的工作事项 \d+ 项：/);
      }));

    test("the donut's red segment opens the ledger on as many work items as it said, and closes an open panel", () =>
      withPage(async (page) => {
        await page.goto(at());
        await appReady(page);
        await page.locator("[data-testid='task-row']").nth(2).dblclick();
        await page.waitForSelector("[data-testid='task-editor']");
        await page.click("[data-testid='nav-dashboard']");
        await page.waitForSelector("[data-testid='dashboard']");
        const red = page.locator("[data-testid='donut'] path.fill-red");
        const count = Number(await red.getAttribute("data-count"));
        assert.ok(count > 0);
        const p = await pointOn(red);
        await page.mouse.click(p.x, p.y);
        await page.waitForSelector("[data-testid='match-count']");
        assert.match(page.url(), /#\/ledger\?/);
        assert.equal(await matchedWorkItems(page), count, await testIdText(page, "match-count"));
        assert.equal(Number(await testIdText(page, "count-total")), count);
        assert.equal(await page.locator("[data-testid='task-editor']").count(), 0, "no panel left open");
        await shot(page, "red-ledger");

        // From the ledger itself: a panel open, then the dashboard, then
        // the browser's Back and Forward do not bring a stale panel either.
        await page.locator("[data-testid='task-row']").first().dblclick();
        await page.waitForSelector("[data-testid='task-editor']");
        await page.click("[data-testid='nav-dashboard']");
        await page.waitForSelector("[data-testid='dashboard']");
        const bar = page.locator("[data-testid='unit-ranking'] rect.fill-red").first();
        const barCount = Number(await bar.getAttribute("data-count"));
        const q = await pointOn(bar);
        await page.mouse.click(q.x, q.y);
        await page.waitForSelector("[data-testid='match-count']");
        assert.equal(await matchedWorkItems(page), barCount);
        assert.equal(await page.locator("[data-testid='task-editor']").count(), 0);

        // By keyboard: Enter on the red segment, a panel open before.
        await page.locator("[data-testid='task-row']").first().dblclick();
        await page.waitForSelector("[data-testid='task-editor']");
        await page.click("[data-testid='nav-dashboard']");
        await page.waitForSelector("[data-testid='dashboard']");
        await page.locator("[data-testid='donut'] path.fill-red").focus();
        await page.keyboard.press("Enter");
        await page.waitForSelector("[data-testid='match-count']");
        assert.equal(await matchedWorkItems(page), count);
        await page.waitForTimeout(200);
        assert.equal(await page.locator("[data-testid='task-editor']").count(), 0, "Enter does not open a panel either");
      }));

    test("every series of every chart shows its numbers at the mark hovered or focused", () =>
      withPage(async (page) => {
        await page.goto(at("#/dashboard"));
        await page.waitForSelector("[data-testid='chart-mark']");
        const tooltip = page.locator("[data-testid='chart-tooltip']");
        const series = [
          ["headline card", "[data-testid='dashboard-counts'] [data-testid='chart-mark']"],
          ["unit bar label", "[data-testid='unit-ranking'] text[data-testid='chart-mark']"],
          ["burn-up 应完成", "[data-testid='burnup'] circle.planned"],
          ["burn-up 已办结", "[data-testid='burnup'] circle.closed"],
        ];
        for (const level of ["done-on-time", "done-late", "green", "yellow", "red", "halted"]) {
          series.push([`donut ${level}`, `[data-testid='donut'] path.fill-${level}`]);
          series.push([`unit bar ${level}`, `[data-testid='unit-ranking'] rect.fill-${level}`]);
          series.push([`area bar ${level}`, `[data-testid='area-ranking'] rect.fill-${level}`]);
          series.push([`leader bar ${level}`, `[data-testid='leader-ranking'] rect.fill-${level}`]);
        }
        let checked = 0;
        for (const [name, selector] of series) {
          const marks = page.locator(selector);
          const n = await marks.count();
          if (n === 0) continue; // a state no item of that chart is in
          // The first and the last of the series (the last burn-up point
          // is December's, at the right edge).
          for (const k of new Set([0, n - 1])) {
            const mark = marks.nth(k);
            const text = await mark.getAttribute("data-tip");
            assert.ok(text, `${name} has numbers to show`);
            await page.mouse.move(1, 1);
            const p = await pointOn(mark);
            await page.mouse.move(p.x, p.y);
            await page.waitForFunction(
              (t) => document.querySelector("[data-testid='chart-tooltip']")?.textContent === t && document.querySelector(".chart-tooltip.shown"),
              text,
            );
            const box = await tooltip.boundingBox();
            const bottom = box.y + box.height;
            assert.ok(bottom <= p.y + 1 && p.y - bottom <= 24, `${name}: the tooltip stands just above the pointer (${bottom} vs ${p.y})`);
            assert.ok(box.x - 1 <= p.x && p.x <= box.x + box.width + 1, `${name}: the tooltip is over the pointer (${box.x}–${box.x + box.width} vs ${p.x})`);
            assert.ok(box.x >= 0 && box.x + box.width <= width, `${name}: inside the window`);
            checked++;
          }
        }
        assert.ok(checked >= 20, `${checked} marks hovered`);
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(sideways <= 0, "the page never scrolls sideways for a tooltip");

        // The keyboard: a bar reached with Tab shows its numbers above it.
        await page.mouse.move(1, 1);
        const bar = page.locator("[data-testid='unit-ranking'] rect[data-testid='chart-mark']").first();
        await bar.focus();
        await page.waitForFunction(() => document.querySelector(".chart-tooltip.shown"));
        assert.equal(await testIdText(page, "chart-tooltip"), await bar.getAttribute("aria-label"));
        const [b, t] = [await bar.boundingBox(), await tooltip.boundingBox()];
        assert.ok(Math.abs(t.y + t.height - b.y) <= 24, "just above the bar");
        assert.ok(t.x <= b.x + b.width / 2 + 1 && b.x + b.width / 2 <= t.x + t.width + 1, "over the bar's middle");
        await shot(page, "tooltip");
      }));

    test("即将到期 lists only what falls due within the due-soon window", () =>
      withPage(async (page) => {
        const listed = async () => {
          await page.waitForSelector("[data-testid='next-deadlines']");
          const items = await page.locator("[data-testid='next-deadlines'] li .muted").allTextContents();
          return items.map((t) => (t.includes("今天到期") ? 0 : Number(t.match(/还有 (\d+) 天/)?.[1])));
        };
        await page.goto(at("#/dashboard"));
        assert.match(await page.locator("[data-testid='next-deadlines'] figcaption").textContent(), /即将到期（7 天内）/);
        const days = await listed();
        assert.ok(days.length > 0, "the sample has items due soon at mid-year");
        assert.ok(days.every((d) => d >= 0 && d <= 7), `days left: ${days}`);
        const dueSoon = Number(await page.locator("[data-testid='chart-mark'][data-label='临近时限']").getAttribute("data-count"));
        assert.equal(days.length, Math.min(dueSoon, 8), "the items the 临近时限 card counts");

        // A wider window in the settings lists more, still within it.
        await page.click("[data-testid='nav-settings']");
        await page.fill("[data-testid='settings-due-soon']", "60");
        await page.press("[data-testid='settings-due-soon']", "Tab");
        await page.click("[data-testid='nav-dashboard']");
        assert.match(await page.locator("[data-testid='next-deadlines'] figcaption").textContent(), /即将到期（60 天内）/);
        const wider = await listed();
        assert.ok(wider.length >= days.length && wider.every((d) => d >= 0 && d <= 60), `days left: ${wider}`);
        // Nothing months away (the sample's next items after these are
        // due at the end of the year).
        assert.ok(wider.every((d) => d <= 60));
      }));

    test("a new 要点 and a new 任务: the panel's heading and the undo button say which", () =>
      withPage(async (page) => {
        await page.goto(at());
        await appReady(page);
        await page.click("[data-testid='add-task']");
        await page.waitForSelector("[data-testid='task-editor']");
        assert.equal(await testIdText(page, "editor-heading"), "新增要点");
        await page.fill("[data-testid='editor-title']", "做好年度考核工作");
        await page.fill("[data-testid='editor-lead-unit']", "区委组织部");
        await page.fill("[data-testid='editor-due']", "2026-12-31");
        await page.click("[data-testid='save-task']");
        await page.waitForSelector("[data-testid='task-editor']", { state: "detached" });
        assert.equal(await testIdText(page, "undo"), "撤销：新增要点“做好年度考核工作”");

        await page.locator("[data-testid='task-row']", { hasText: "做好年度考核工作" }).first().click();
        await page.click("[data-testid='add-child']");
        await page.waitForSelector("[data-testid='task-editor']");
        assert.equal(await testIdText(page, "editor-heading"), "新增任务");
        await page.fill("[data-testid='editor-title']", "制定考核方案");
        await page.fill("[data-testid='editor-due']", "2026-09-30");
        await shot(page, "new-task");
        await page.click("[data-testid='save-task']");
        await page.waitForSelector("[data-testid='task-editor']", { state: "detached" });
        assert.equal(await testIdText(page, "undo"), "撤销：新增任务“制定考核方案”");
      }));

    test("延期理由 and 办结说明 are seen in the 进展与办理 tab after saving", () =>
      withPage(async (page) => {
        await page.goto(at());
        await appReady(page);
        const id = await workItemLabelled(page, "逾期");
        await page.locator(row(id)).dblclick();
        await page.click("[data-testid='tab-progress']");
        await page.waitForSelector("[data-testid='task-progress']");
        await page.click("[data-testid='extend-task']");
        await page.fill("[data-testid='extend-due']", "2026-09-30");
        await page.fill("[data-testid='extend-reason']", "受汛期影响，经区委办同意延期");
        await page.click("[data-testid='save-extend']");
        const extension = page.locator("[data-testid='handling-record'][data-kind='extension']");
        await extension.waitFor();
        assert.match(await extension.textContent(), /延期理由：受汛期影响，经区委办同意延期/);
        assert.match(await extension.textContent(), /延至 2026-09-30/);
        assert.equal(await page.getAttribute("[data-testid='tab-progress']", "aria-selected"), "true", "still on 进展与办理");

        await page.click("[data-testid='close-task']");
        await page.fill("[data-testid='close-note']", "已全部完成，形成工作总结");
        await page.click("[data-testid='save-close']");
        const closing = page.locator("[data-testid='handling-record'][data-kind='closing']");
        await closing.waitFor();
        assert.match(await closing.textContent(), /办结说明：已全部完成，形成工作总结/);
        assert.equal(await extension.count(), 1, "the extension's reason stays");
        assert.ok(await closing.isVisible());
        await shot(page, "handling");
      }));

    test("the export message stands beside the button that was clicked", () =>
      withPage(async (page) => {
        await page.goto(at());
        await appReady(page);
        await page.click("[data-testid='nav-data']");
        await page.waitForSelector("[data-testid='export-panel']");
        const near = async (button, message) => {
          const [b, m] = [await page.locator(button).boundingBox(), await page.locator(message).boundingBox()];
          // Beside it on its row, or right under it.
          const beside = Math.abs(b.y + b.height / 2 - (m.y + m.height / 2)) <= b.height && m.x >= b.x + b.width - 1 && m.x - (b.x + b.width) <= 40;
          const under = m.y >= b.y + b.height - 1 && m.y - (b.y + b.height) <= 40;
          assert.ok(beside || under, `${message} (${JSON.stringify(m)}) near ${button} (${JSON.stringify(b)})`);
          assert.ok(m.y + m.height <= height + (await page.evaluate(() => window.scrollY)) + 1, "in view");
        };
        const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid='export-plan']")]);
        assert.match(download.suggestedFilename(), /\.json$/);
        await page.waitForSelector("[data-testid='data-message']");
        assert.match(await testIdText(page, "data-message"), /已生成数据文件/);
        await near("[data-testid='export-plan']", "[data-testid='data-message']");

        await page.click("[data-testid='export-package']");
        await page.waitForSelector("[data-testid='export-message']");
        assert.match(await testIdText(page, "export-message"), /请先选择单位/);
        assert.equal(await page.locator("[data-testid='data-message']").count(), 0, "one message, at the button clicked");
        await near("[data-testid='export-package']", "[data-testid='export-message']");
        await shot(page, "export");
      }));

    test("the notice is addressed (主送) and says before printing that its 落款 is still the sample's", () =>
      withPage(async (page) => {
        await page.goto(at());
        await appReady(page);
        await page.waitForFunction(() => localStorage.getItem("luoshi.plan") !== null);
        const plan = (await storedPlan(page)).plan;
        const task = plan.tasks.find((t) => (t.supervisions ?? []).length > 0);
        const lead = plan.units.find((u) => u.id === task.lead_unit).name;
        await page.goto(at(`#/notice?ids=${task.supervisions[0].id}`));
        await page.waitForSelector("[data-testid='notice-sheet']");
        assert.equal(await testIdText(page, "notice-to"), `主送：${lead}`);
        const warning = page.locator("[data-testid='notice-signature-warning']");
        assert.ok(await warning.isVisible());
        assert.match(await warning.textContent(), /中共××区委办公室/);
        assert.equal(await page.getAttribute("[data-testid='notice-settings-link']", "href"), "#/settings");
        assert.ok(await page.locator("[data-testid='notice-print']").isEnabled(), "printing stays possible");
        await shot(page, "notice");
        await page.emulateMedia({ media: "print" });
        assert.equal(await warning.isVisible(), false, "not on paper");
        assert.ok(await page.locator("[data-testid='notice-to']").isVisible(), "主送 is on paper");
        await page.emulateMedia({ media: "screen" });

        await page.click("[data-testid='notice-settings-link']");
        await page.fill("[data-testid='settings-office']", "中共东城区委办公室");
        await page.press("[data-testid='settings-office']", "Tab");
        await page.goBack();
        await page.waitForSelector("[data-testid='notice-sheet']");
        assert.equal(await page.locator("[data-testid='notice-signature-warning']").count(), 0);
        assert.match(await testIdText(page, "notice-sheet"), /中共东城区委办公室/);
      }));
  });
}
