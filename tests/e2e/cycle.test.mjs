// End-to-end: the office's monthly cycle on the sample plan at mid-year —
// reporting progress, 延期, 办结, 暂缓, 督办 with printed notices, who has
// not reported, 问题整改 and the settings. Like every e2e test, each one
// also asserts no console error and no request outside the page's origin.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MID_YEAR, appReady, browserSuite, testIdText } from "./harness.mjs";

const suite = browserSuite({ acceptDownloads: true });
const withPage = suite.withPage;

const at = (day = MID_YEAR, hash = "") => `${suite.origin()}/?today=${day}${hash}`;

/** The first work item (not a heading) whose light reads exactly `label`,
 *  never extended (no 原定 note). */
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
const levelOf = (page, id) => page.locator(`${row(id)} [data-testid='warning']`).getAttribute("data-level");

/** Opens the task panel on `id` at its 进展与办理 tab. */
async function openProgress(page, id) {
  await page.locator(row(id)).dblclick();
  await page.click("[data-testid='tab-progress']");
  await page.waitForSelector("[data-testid='task-progress']");
}

async function waitLevel(page, id, level) {
  await page.waitForFunction(
    ([sel, level]) => document.querySelector(`${sel} [data-testid='warning']`)?.dataset.level === level,
    [row(id), level],
  );
}

describe("reporting progress", () => {
  test("turns a task that has not reported from yellow to green; corrected, removed and undone; kept after reload and export", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      const id = await workItemLabelled(page, "预警：未按期报送");
      await openProgress(page, id);
      assert.equal(await page.getAttribute("[data-testid='reporting-status']", "data-reported"), "no");
      assert.match(await testIdText(page, "reporting-status"), /本期（2026年6月）未报送，报送截止 2026年6月25日/);
      assert.match(await testIdText(page, "light-reasons"), /未按期报送/);
      await page.click("[data-testid='report-progress']");
      assert.equal(await page.inputValue("[data-testid='update-date']"), MID_YEAR, "dated today by default");
      await page.fill("[data-testid='update-percent']", "90");
      await page.fill("[data-testid='update-progress']", "六月已完成主体工作");
      await page.fill("[data-testid='update-problems']", "资金拨付较慢");
      await page.click("[data-testid='save-update']");
      await waitLevel(page, id, "green");
      assert.equal(await page.getAttribute("[data-testid='reporting-status']", "data-reported"), "yes");
      assert.match(await testIdText(page, "expected-vs-reported"), /已报 90%/);
      // Newest first.
      assert.match(await page.locator("[data-testid='update-entry']").first().textContent(), /六月已完成主体工作/);

      // Corrected: a wrong percent fixed in place.
      await page.locator("[data-testid='update-entry']").first().getByText("更正").click();
      assert.equal(await page.inputValue("[data-testid='update-percent']"), "90");
      await page.fill("[data-testid='update-percent']", "101");
      await page.click("[data-testid='save-update']");
      assert.match(await testIdText(page, "field-error-update_percent"), /0 到 100/);
      await page.fill("[data-testid='update-percent']", "80");
      await page.click("[data-testid='save-update']");
      await page.waitForFunction(() => /已报 80%/.test(document.querySelector("[data-testid='expected-vs-reported']")?.textContent));

      // Removed, then the removal undone.
      const before = await page.locator("[data-testid='update-entry']").count();
      await page.locator("[data-testid='remove-update']").first().click();
      await waitLevel(page, id, "yellow");
      assert.equal(await page.locator("[data-testid='update-entry']").count(), before - 1);
      await page.click("[data-testid='undo']");
      await waitLevel(page, id, "green");

      // 留痕: each change is in the task's log.
      await page.locator(row(id)).dblclick();
      await page.click("[data-testid='tab-log']");
      const log = await testIdText(page, "activity-log");
      assert.match(log, /进展报送/);
      assert.match(log, /更正进展.*90%.*→.*80%/);

      await page.reload();
      await appReady(page);
      assert.equal(await levelOf(page, id), "green", "survives a reload");
      await page.click("[data-testid='nav-data']");
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid='export-plan']")]);
      const plan = JSON.parse(await readFile(await download.path(), "utf8")).plan;
      const task = plan.tasks.find((t) => t.id === id);
      assert.ok(task.updates.some((u) => u.progress === "六月已完成主体工作" && u.percent === 80 && u.problems === "资金拨付较慢"));
      assert.ok(task.log.some((e) => e.what === "进展报送"), "the log travels with the export");
    }));
});

describe("lifecycle", () => {
  test("an extension keeps the original date; lateness follows the setting, undoably", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      const id = await workItemLabelled(page, "逾期");
      const due = (await page.locator(`${row(id)} .col-due`).textContent()).trim();
      await openProgress(page, id);
      await page.click("[data-testid='extend-task']");
      await page.fill("[data-testid='extend-due']", "2026-09-30");
      await page.click("[data-testid='save-extend']");
      assert.match(await testIdText(page, "field-error-extend_reason"), /延期理由/);
      await page.fill("[data-testid='extend-reason']", "受汛期影响，经区委办同意延期");
      await page.click("[data-testid='save-extend']");
      // The selected row shows its due date in the quick-edit field.
      await page.locator(`${row(id)} .original-due`).waitFor();
      assert.equal(await page.inputValue(`${row(id)} [data-testid='inline-due']`), "2026-09-30");
      assert.match(await page.locator(`${row(id)} .col-due`).textContent(), new RegExp(`原定 ${due}，已延期`));
      assert.match(await testIdText(page, "task-dues"), new RegExp(`原定完成时限 ${due}，现完成时限 2026-09-30（延期 1 次）`));
      // Judged on the original deadline by default: still red.
      assert.equal(await levelOf(page, id), "red");
      assert.match(await testIdText(page, "light-reasons"), /已延期 1 次，按原定时限判断/);

      await page.click("[data-testid='close-panel']");
      await page.click("[data-testid='nav-settings']");
      await page.selectOption("[data-testid='settings-lateness']", "current");
      await page.click("[data-testid='nav-ledger']");
      await appReady(page);
      assert.notEqual(await levelOf(page, id), "red", "judged on the current deadline");
      assert.match(await testIdText(page, "undo"), /修改设置：逾期判断依据/);
      await page.click("[data-testid='undo']");
      await waitLevel(page, id, "red");
    }));

  test("moving a red task's date in the ledger row asks for the 延期理由: cancelling keeps the date, confirming records a 延期 and it stays red", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      const id = await workItemLabelled(page, "逾期");
      await page.locator(`${row(id)} td.col-no`).click();
      const input = `${row(id)} [data-testid='inline-due']`;
      const ask = `${row(id)} [data-testid='inline-extension']`;
      await page.waitForSelector(input);
      const due = await page.inputValue(input);
      await page.fill(input, "2026-12-31");
      await page.press(input, "Enter");
      await page.waitForSelector(ask);
      assert.match(await page.locator(ask).textContent(), /修改完成时限将记为延期，请填写延期理由/);
      assert.equal(await levelOf(page, id), "red", "nothing saved while asking");

      // 取消: the date is put back and nothing is recorded.
      await page.click(`${row(id)} [data-testid='inline-extension-cancel']`);
      await page.waitForSelector(ask, { state: "detached" });
      assert.equal(await page.inputValue(input), due);
      assert.equal(await page.locator(`${row(id)} .original-due`).count(), 0);
      assert.equal(await levelOf(page, id), "red");

      // Without a reason nothing is saved; with one it is a 延期.
      await page.fill(input, "2026-12-31");
      await page.press(input, "Enter");
      await page.waitForSelector(ask);
      await page.click(`${row(id)} [data-testid='inline-extension-save']`);
      assert.match(await testIdText(page, "inline-extension-error"), /延期理由/);
      assert.equal(await page.locator(`${row(id)} .original-due`).count(), 0);
      await page.fill(`${row(id)} [data-testid='inline-extension-reason']`, "经区委办同意延至年底");
      await page.click(`${row(id)} [data-testid='inline-extension-save']`);
      await page.locator(`${row(id)} .original-due`).waitFor();
      assert.match(await page.locator(`${row(id)} .col-due`).textContent(), new RegExp(`原定 ${due}，已延期`));
      assert.equal(await page.inputValue(input), "2026-12-31");
      assert.equal(await levelOf(page, id), "red", "judged on the original date: still red");
      assert.match(await testIdText(page, "undo"), /^撤销：延期“/);
      await openProgress(page, id);
      assert.match(await testIdText(page, "task-dues"), new RegExp(`原定完成时限 ${due}，现完成时限 2026-12-31（延期 1 次）`));
    }));

  test("moving a red task's date in the editor asks for the 延期理由; 取消 leaves the date", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      const id = await workItemLabelled(page, "逾期");
      const due = (await page.locator(`${row(id)} .col-due`).textContent()).trim();
      await page.locator(row(id)).dblclick();
      await page.waitForSelector("[data-testid='task-editor']");
      assert.equal(await page.locator("[data-testid='editor-extension']").count(), 0, "asked only once the date moves");
      await page.fill("[data-testid='editor-due']", "2026-12-31");
      await page.waitForSelector("[data-testid='editor-extension']");
      assert.match(await testIdText(page, "editor-extension"), /修改完成时限将记为延期，请填写延期理由/);
      await page.click("[data-testid='save-task']");
      assert.match(await testIdText(page, "field-error-extend_reason"), /延期理由/);
      // The date was typed: 取消 asks before dropping it.
      await page.click("[data-testid='cancel-edit']");
      await page.click("[data-testid='confirm-ok']");
      await page.waitForSelector("[data-testid='task-editor']", { state: "detached" });
      // The row is selected now, so its date shows in the quick-edit field.
      assert.equal(await page.inputValue(`${row(id)} [data-testid='inline-due']`), due, "取消 leaves the date");

      await page.locator(row(id)).dblclick();
      await page.waitForSelector("[data-testid='task-editor']");
      await page.fill("[data-testid='editor-due']", "2026-12-31");
      await page.fill("[data-testid='editor-extension-reason']", "工程量调整，经区委办同意");
      await page.click("[data-testid='save-task']");
      await page.waitForSelector("[data-testid='task-editor']", { state: "detached" });
      await page.locator(`${row(id)} .original-due`).waitFor();
      assert.match(await page.locator(`${row(id)} .col-due`).textContent(), new RegExp(`原定 ${due}，已延期`));
      assert.equal(await levelOf(page, id), "red", "judged on the original date: still red");
    }));

  test("closing late needs a note and counts as closed late; reopening needs a reason", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      const closedLate = Number(await testIdText(page, "count-closed-late"));
      const id = await workItemLabelled(page, "逾期");
      await openProgress(page, id);
      await page.click("[data-testid='close-task']");
      await page.click("[data-testid='save-close']");
      assert.match(await testIdText(page, "field-error-close_note"), /办结说明/);
      await page.fill("[data-testid='close-note']", "已全部完成，形成工作总结");
      await page.click("[data-testid='save-close']");
      await waitLevel(page, id, "done-late");
      assert.equal(Number(await testIdText(page, "count-closed-late")), closedLate + 1);
      assert.match(await testIdText(page, "light-reasons"), /2026年6月30日办结.*逾期办结/);

      await page.click("[data-testid='reopen-task']");
      await page.click("[data-testid='save-reopen']");
      assert.match(await testIdText(page, "field-error-reopen_reason"), /原因/);
      await page.fill("[data-testid='reopen-reason']", "核验发现尚有遗留事项");
      await page.click("[data-testid='save-reopen']");
      await waitLevel(page, id, "red");
      await page.click("[data-testid='tab-log']");
      assert.match(await testIdText(page, "activity-log"), /状态已办结 → 推进中（核验发现尚有遗留事项）/);
    }));

  test("a paused item needs a reason, shows as its own state and leaves the lateness counts", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      const overdue = Number(await testIdText(page, "count-overdue"));
      const halted = Number(await testIdText(page, "count-halted"));
      const id = await workItemLabelled(page, "逾期");
      await openProgress(page, id);
      await page.click("[data-testid='halt-task']");
      await page.click("[data-testid='save-halt']");
      assert.match(await testIdText(page, "field-error-halt_reason"), /暂缓的原因/);
      await page.fill("[data-testid='halt-reason']", "等待规划调整批复");
      await page.click("[data-testid='save-halt']");
      await waitLevel(page, id, "halted");
      assert.equal(Number(await testIdText(page, "count-overdue")), overdue - 1);
      assert.equal(Number(await testIdText(page, "count-halted")), halted + 1);
      assert.match(await testIdText(page, "light-reasons"), /已暂缓：等待规划调整批复，不计入逾期统计/);
    }));
});

describe("milestones and standing work", () => {
  test("a milestone past due makes the task behind until it is ticked; expected progress follows the milestones", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      const id = await workItemLabelled(page, "预警：进度滞后");
      await page.locator(row(id)).dblclick();
      await page.click("[data-testid='add-milestone']");
      await page.locator("[aria-label='节点名称']").last().fill("完成方案制定");
      await page.locator("[aria-label='节点日期']").last().fill("2026-06-01");
      await page.click("[data-testid='save-task']");
      await page.locator(row(id)).dblclick();
      await page.click("[data-testid='tab-progress']");
      assert.match(await testIdText(page, "expected-vs-reported"), /按进度节点，\d+ 个节点中 \d+ 个已到期/);
      assert.match(await testIdText(page, "light-reasons"), /1 个进度节点已过期未完成/);
      const tick = page.locator("[data-testid='milestone-tick']", { hasText: "完成方案制定" });
      assert.match(await tick.textContent(), /已过期未完成/);
      await tick.locator("input[type='checkbox']").check();
      await tick.locator("[data-testid='milestone-done-on']").waitFor();
      assert.equal(await tick.locator("[data-testid='milestone-done-on']").inputValue(), MID_YEAR);
      assert.doesNotMatch(await testIdText(page, "light-reasons"), /进度节点已过期未完成/);
      await page.click("[data-testid='tab-log']");
      assert.match(await testIdText(page, "activity-log"), /节点完成/);
    }));

  test("monthly standing work shows each month, and a month without a report is missed and warned", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      const id = await workItemLabelled(page, "预警：未按期报送");
      await page.locator(row(id)).dblclick();
      await page.selectOption("[data-testid='editor-recurrence']", "monthly");
      await page.click("[data-testid='save-task']");
      await page.waitForFunction(
        (sel) => /常态化工作漏报/.test(document.querySelector(`${sel} [data-testid='warning']`)?.textContent),
        row(id),
      );
      await page.locator(row(id)).dblclick();
      await page.click("[data-testid='tab-progress']");
      const states = await page.locator("[data-testid='occurrence']").evaluateAll((os) => os.map((o) => o.dataset.state));
      const missed = states.filter((s) => s === "missed").length;
      assert.ok(missed > 0, "some month went unreported");
      assert.equal(states.at(-1), "open", "June is still open on 6月30日");
      assert.match(await testIdText(page, "occurrences"), new RegExp(`漏报 ${missed} 期`));
      assert.match(await testIdText(page, "light-reasons"), new RegExp(`常态化工作漏报 ${missed} 次`));
      await page.click("[data-testid='tab-log']");
      assert.match(await testIdText(page, "activity-log"), /常态化周期不重复 → 每月/);
    }));
});

describe("supervision", () => {
  test("supervise an item, pass its reply-by date and see it flagged; print its 督办通知单 on one A4 page", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      const id = await workItemLabelled(page, "逾期");
      await openProgress(page, id);
      await page.click("[data-testid='supervise-task']");
      assert.equal(await page.inputValue("[data-testid='supervise-reply']"), "2026-07-07", "a week to reply by default");
      await page.fill("[data-testid='supervise-note']", "请于7月7日前书面说明逾期原因及整改措施");
      await page.click("[data-testid='save-supervise']");
      const record = page.locator("[data-testid='supervision-record']").first();
      await record.waitFor();
      assert.equal(await record.getAttribute("data-state"), "waiting");
      // The sample already issued 督字〔2026〕1号 to 4号: numbers run on.
      assert.match(await record.textContent(), /督字〔2026〕5号/);

      // Ten days later, no reply: flagged on the task and on the list.
      await page.goto(at("2026-07-10", "#/supervision"));
      await page.waitForSelector("[data-testid='supervision-list']");
      const listed = page.locator(`[data-testid='supervision-row'][data-task-id='${id}']`);
      // The sample's own 督办 of 6月20日 went unanswered too.
      assert.match(await listed.locator("[data-testid='unanswered']").textContent(), /^逾期未反馈 2$/);
      assert.match(await testIdText(page, "supervision-totals"), /督办逾期未反馈 [1-9]\d* 项/);

      // The notice, as printed.
      await page.goto(at("2026-07-10", `#/ledger?edit=${id}`));
      await page.click("[data-testid='tab-progress']");
      const mine = page.locator("[data-testid='supervision-record']", { hasText: "督字〔2026〕5号" });
      assert.equal(await mine.getAttribute("data-state"), "late");
      assert.equal(await mine.locator("[data-testid='reply-state']").textContent(), "逾期未反馈");
      await mine.locator("[data-testid='print-notice']").click();
      await page.waitForSelector("[data-testid='notice-sheet']");
      assert.equal(await page.locator("[data-testid='notice-sheet']").count(), 1);
      assert.equal(await testIdText(page, "notice-number"), "督字〔2026〕5号");
      const sheet = await testIdText(page, "notice-sheet");
      for (const part of ["督办通知单", "督办事项", "牵头单位", "配合单位", "责任领导", "原定完成时限", "现完成时限", "逾期天数", "最近进展", "督办要求", "请于2026年7月7日前", "中共××区委办公室", "2026年6月30日"]) {
        assert.ok(sheet.includes(part), `the notice shows ${part}`);
      }
      await page.emulateMedia({ media: "print" });
      assert.equal(await page.locator("[data-testid='notice-print']").isVisible(), false, "no buttons on paper");
      assert.equal(await page.locator("[data-testid='nav-ledger']").isVisible(), false, "no navigation on paper");
      const pages = await printed(page, "notice");
      assert.equal(pages.length, 1, "one A4 page");
    }));

  test("the list groups red and yellow items by unit and by leader; a unit's items are supervised at once and print one page each", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      const toSupervise = Number(await testIdText(page, "nav-supervision-count"));
      assert.ok(toSupervise > 0);
      await page.click("[data-testid='nav-supervision']");
      await page.waitForSelector("[data-testid='supervision-list']");
      const listed = await page.locator("[data-testid='supervision-row']").count();
      assert.equal(listed, toSupervise, "the count in the navigation is the list's length");
      const levels = await page.locator("[data-testid='supervision-row']").evaluateAll((rs) => [...new Set(rs.map((r) => r.dataset.level))].sort());
      assert.deepEqual(levels, ["red", "yellow"]);
      await page.click("[data-testid='group-by-leader']");
      await page.waitForFunction(() => !document.querySelector("[data-testid='supervision-group']")?.dataset.key?.startsWith("u-"));
      assert.equal(await page.locator("[data-testid='supervision-row']").count(), listed, "the same items, grouped otherwise");
      await page.click("[data-testid='group-by-unit']");

      // 本期未报送, per unit.
      const units = page.locator("[data-testid='unreported-unit']");
      assert.ok((await units.count()) > 0);
      const missing = await units.evaluateAll((rs) => rs.map((r) => Number(r.dataset.count)));
      assert.ok(missing.some((n) => n > 0), "someone has not reported in June");
      assert.deepEqual([...missing].sort((a, b) => b - a), missing, "most missing first");

      // The unit with the most items: all supervised in one go.
      const group = page.locator("[data-testid='supervision-group']").first();
      const count = Number(await group.getAttribute("data-count"));
      await group.locator("[data-testid='supervise-unit']").click();
      await page.click("[data-testid='supervise-kind-chase']");
      await page.fill("[data-testid='supervise-note']", "请抓紧推进并报送进展");
      await page.click("[data-testid='save-supervise']");
      await page.waitForSelector("[data-testid='notice-sheet']");
      assert.equal(await page.locator("[data-testid='notice-sheet']").count(), count);
      const numbers = await page.locator("[data-testid='notice-number']").allTextContents();
      assert.deepEqual(numbers, numbers.map((_, i) => `催字〔2026〕${i + 1}号`));
      await page.emulateMedia({ media: "print" });
      assert.equal((await printed(page, "unit")).length, count, "one page per item");
      await page.emulateMedia({ media: "screen" });
      // One undo takes back the whole batch.
      assert.match(await testIdText(page, "undo"), new RegExp(`撤销：催办工作事项 ${count} 项`));
    }));
});

describe("problems and settings", () => {
  test("a problem follows its rectification tasks", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      await page.click("[data-testid='nav-problems']");
      await page.waitForSelector("[data-testid='problems-page']");
      // The sample's problem is fixed by an overdue task and a closed one.
      assert.equal(await page.locator("[data-testid='problem-row']").first().getAttribute("data-state"), "overdue");
      await page.click("[data-testid='add-problem']");
      await page.click("[data-testid='save-problem']");
      assert.match(await testIdText(page, "field-error-description"), /问题描述/);
      await page.fill("[data-testid='problem-description']", "基层减负成效不够明显");
      await page.fill("[data-testid='problem-source']", "巡察反馈");
      const closed = await page.locator("[data-testid='problem-task-picker'] option").nth(3).getAttribute("value");
      await page.selectOption("[data-testid='problem-task-picker']", closed);
      await page.click("[data-testid='problem-add-task']");
      await page.click("[data-testid='save-problem']");
      await page.waitForFunction(() => document.querySelectorAll("[data-testid='problem-row']").length === 2);
      assert.match(await page.locator("[data-testid='problem-row']").nth(1).textContent(), /基层减负成效不够明显.*巡察反馈/);
      await page.reload();
      await page.waitForSelector("[data-testid='problem-row']");
      assert.equal(await page.locator("[data-testid='problem-row']").count(), 2, "kept after reload");
    }));

  test("a threshold change shows at once in the counts and is undone in one click", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      const dueSoon = Number(await testIdText(page, "count-due-soon"));
      await page.click("[data-testid='nav-settings']");
      await page.fill("[data-testid='settings-due-soon']", "-5");
      await page.press("[data-testid='settings-due-soon']", "Tab");
      assert.match(await testIdText(page, "settings-error"), /“临近时限提前天数”应为 0 或正整数/);
      await page.fill("[data-testid='settings-due-soon']", "130");
      await page.press("[data-testid='settings-due-soon']", "Tab");
      await page.fill("[data-testid='settings-due-day']", "31");
      await page.press("[data-testid='settings-due-day']", "Tab");
      assert.match(await testIdText(page, "settings-error"), /1 日到 28 日/);
      await page.click("[data-testid='nav-ledger']");
      await appReady(page);
      assert.ok(Number(await testIdText(page, "count-due-soon")) > dueSoon, "more tasks due within 130 days");
      await page.click("[data-testid='undo']");
      await page.waitForFunction((n) => document.querySelector("[data-testid='count-due-soon']")?.textContent === String(n), dueSoon);
    }));
});

/** The page printed to PDF (A4) and turned into PNGs with pdftoppm; returns
 *  the image files, one per page, left in a temporary folder to look at. */
async function printed(page, name) {
  const dir = mkdtempSync(join(tmpdir(), "luoshi-print-"));
  const pdf = join(dir, `${name}.pdf`);
  writeFileSync(pdf, await page.pdf({ format: "A4", printBackground: true }));
  execFileSync("pdftoppm", ["-png", "-r", "50", pdf, join(dir, name)]);
  const pngs = readdirSync(dir).filter((f) => f.endsWith(".png")).sort();
  for (const png of pngs) assert.ok(readFileSync(join(dir, png)).length > 1000, "a page with something on it");
  if (process.env.LUOSHI_KEEP_PRINTS) console.log(`printed ${name}: ${dir}`);
  return pngs.map((f) => join(dir, f));
}
