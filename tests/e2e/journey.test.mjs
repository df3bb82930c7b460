// End-to-end: a whole journey of someone who has never seen Luoshi,
// building a plan from empty in the release build, as issue 6 describes:
// registries, tasks added beside and below, validation, editing, moving,
// search by pinyin initials, a filter kept in the address across a reload,
// undo of a delete, a second plan, and everything still there after a
// reload.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { appReady, clickConfirmed, launchBrowser, serveDist, testIdText, watchedPage } from "./harness.mjs";

let server;
let browser;
before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const rowTitles = (page) =>
  page.locator("[data-testid='task-row'] td.col-title").evaluateAll((tds) => tds.map((t) => t.firstChild?.textContent ?? t.textContent));
const numbers = (page) => page.locator("[data-testid='task-row'] td.col-no").evaluateAll((tds) => tds.map((t) => t.textContent));

/** Opens the editor for a new task with `button`, fills it and saves. */
async function addTask(page, button, { title, lead, leader = "区委副书记", start = "2026-01-01", due = "2026-12-31" }) {
  await page.click(`[data-testid='${button}']`);
  await page.waitForSelector("[data-testid='task-editor']");
  await page.fill("[data-testid='editor-title']", title);
  await page.fill("[data-testid='editor-lead-unit']", lead);
  await page.fill("[data-testid='editor-leader']", leader);
  await page.fill("[data-testid='editor-start']", start);
  await page.fill("[data-testid='editor-due']", due);
  await page.click("[data-testid='save-task']");
  await page.waitForSelector("[data-testid='task-editor']", { state: "detached" });
}

async function selectRow(page, title) {
  await page.locator("[data-testid='task-row']", { hasText: title }).first().click();
}

test("build a plan from empty, find things in it, and find it all again after a reload", async () => {
  const context = await browser.newContext();
  const { page, problems } = await watchedPage(context, (u) => u.startsWith(server.origin + "/"));
  const origin = `${server.origin}/?today=2026-06-30`;
  await page.goto(origin);
  await appReady(page);
  await clickConfirmed(page, "start-empty");
  await page.waitForSelector("[data-testid='ledger-empty']");

  // Registries: two units and an area.
  await page.click("[data-testid='nav-units']");
  await page.waitForSelector("[data-testid='registry-page']");
  for (const [name, short] of [["区委组织部", "组织部"], ["区委宣传部", "宣传部"]]) {
    await page.fill("[data-testid='add-unit'] [data-testid='unit-name-input']", name);
    await page.fill("[data-testid='add-unit'] [data-testid='unit-short-input']", short);
    await page.click("[data-testid='add-unit'] [data-testid='add-unit-submit']");
    await page.waitForSelector(`[data-testid='unit-row']:has-text('${name}')`);
  }
  await page.fill("[data-testid='add-area'] [data-testid='area-name-input']", "党的建设");
  await page.click("[data-testid='add-area'] [data-testid='add-area-submit']");
  await page.waitForSelector("[data-testid='registry-area-row']:has-text('党的建设')");

  // Tasks: a 要点 and three below it.
  await page.click("[data-testid='nav-ledger']");
  await page.waitForSelector("[data-testid='ledger']");
  await addTask(page, "add-task", { title: "加强党的建设", lead: "区委组织部" });
  await selectRow(page, "加强党的建设");
  await addTask(page, "add-child", { title: "加强基层党组织建设", lead: "组织部", due: "2026-09-30" });
  await selectRow(page, "加强基层党组织建设");
  await addTask(page, "add-sibling", { title: "做好宣传思想工作", lead: "区委宣传部" });
  await selectRow(page, "做好宣传思想工作");
  await addTask(page, "add-sibling", { title: "开展干部培训", lead: "区委组织部" });
  assert.deepEqual(await rowTitles(page), ["加强党的建设", "加强基层党组织建设", "做好宣传思想工作", "开展干部培训"]);
  assert.deepEqual(await numbers(page), ["（一）", "1.", "2.", "3."]);
  assert.match(await testIdText(page, "area-row"), /党的建设/);

  // Validation: nothing is saved half-way.
  await selectRow(page, "加强党的建设");
  await page.click("[data-testid='add-child']");
  await page.fill("[data-testid='editor-start']", "2026-06-01");
  await page.fill("[data-testid='editor-due']", "2026-03-01");
  await page.fill("[data-testid='editor-lead-unit']", "不存在的单位");
  await page.click("[data-testid='save-task']");
  assert.match(await testIdText(page, "field-error-title"), /请填写任务名称/);
  assert.match(await testIdText(page, "field-error-due"), /早于开始日期/);
  assert.match(await testIdText(page, "field-error-lead_unit"), /不在单位名录中/);
  // Something was typed: 取消 asks before dropping it.
  await clickConfirmed(page, "cancel-edit");
  await page.waitForSelector("[data-testid='task-editor']", { state: "detached" });
  assert.equal((await rowTitles(page)).length, 4);

  // Editing: a double-click opens the editor; the change shows at once.
  await page.locator("[data-testid='task-row']", { hasText: "开展干部培训" }).dblclick();
  await page.fill("[data-testid='editor-title']", "开展干部能力培训");
  await page.click("[data-testid='save-task']");
  await page.waitForSelector("[data-testid='task-row']:has-text('开展干部能力培训')");

  // Quick edits in the selected row.
  await selectRow(page, "加强基层党组织建设");
  await page.fill("[data-testid='inline-due']", "2026-10-31");
  await page.press("[data-testid='inline-due']", "Enter");
  await page.waitForFunction(() => document.querySelector("[data-testid='undo']")?.textContent.includes("完成时限"));
  assert.equal(await testIdText(page, "undo"), "撤销：修改“加强基层党组织建设”的完成时限");
  await page.selectOption("[data-testid='inline-status']", "推进中");
  await page.waitForFunction(() => document.querySelector("[data-testid='undo']")?.textContent.includes("状态"));

  // Moving and indenting with the keyboard.
  await selectRow(page, "开展干部能力培训");
  await page.keyboard.press("Alt+ArrowUp");
  assert.deepEqual((await rowTitles(page)).slice(1), ["加强基层党组织建设", "开展干部能力培训", "做好宣传思想工作"]);
  await page.keyboard.press("Alt+ArrowRight");
  assert.deepEqual(await numbers(page), ["（一）", "1.", "（1）", "2."]);
  await page.keyboard.press("Alt+ArrowLeft");
  assert.deepEqual(await numbers(page), ["（一）", "1.", "2.", "3."]);

  // Search by pinyin initials: 组织部 is zzb.
  await page.fill("[data-testid='search']", "zzb");
  await page.waitForFunction(() => location.hash.includes("q=zzb"));
  const found = await page.locator("[data-testid='task-row']:not(.context)").evaluateAll((rs) => rs.length);
  assert.equal(found, 3, "the three tasks 组织部 leads");
  assert.match(await testIdText(page, "match-count"), /符合条件的工作事项 \d+ 项，任务（含要点）3 项/);
  await page.fill("[data-testid='search']", "");

  // Sorting by a column heading: ascending, descending, then the hierarchy again.
  await page.click("[data-testid='sort-by-due']");
  await page.waitForFunction(() => location.hash.includes("sort=due"));
  assert.equal((await rowTitles(page))[0], "加强基层党组织建设", "due 10-31 comes first");
  await page.click("[data-testid='sort-by-due']");
  await page.waitForFunction(() => location.hash.includes("desc=1"));
  await page.click("[data-testid='sort-by-due']");
  await page.waitForFunction(() => !location.hash.includes("sort="));
  assert.equal((await rowTitles(page))[0], "加强党的建设");

  // A filter in the address survives a reload.
  const unitId = await page.locator("[data-testid='filter-unit'] option", { hasText: "区委宣传部" }).getAttribute("value");
  await page.selectOption("[data-testid='filter-unit']", unitId);
  await page.waitForFunction((id) => location.hash.includes(`unit=${id}`), unitId);
  assert.equal(await testIdText(page, "count-total"), "1", "the counts follow the filter");
  const bookmark = page.url();
  await page.goto("about:blank");
  await page.goto(bookmark);
  await appReady(page);
  await page.waitForSelector("[data-testid='task-row']");
  assert.equal(await page.inputValue("[data-testid='filter-unit']"), unitId);
  assert.deepEqual(await page.locator("[data-testid='task-row']:not(.context) td.col-title").allTextContents(), ["做好宣传思想工作"]);
  await page.click("[data-testid='clear-filters']");
  await page.waitForFunction(() => !location.hash.includes("unit="));

  // Delete, then undo.
  await selectRow(page, "做好宣传思想工作");
  await clickConfirmed(page, "delete-selected");
  await page.waitForSelector("[data-testid='task-row']:has-text('做好宣传思想工作')", { state: "detached" });
  assert.match(await testIdText(page, "undo"), /撤销：删除任务“做好宣传思想工作”/);
  await page.keyboard.press("Control+z");
  await page.waitForSelector("[data-testid='task-row']:has-text('做好宣传思想工作')");

  // A second plan, then back to the first.
  const first = await page.inputValue("[data-testid='plan-switcher']");
  await page.click("[data-testid='plan-actions']");
  await page.click("[data-testid='new-plan']");
  await page.waitForSelector("[data-testid='ledger-empty']");
  assert.equal(await page.locator("[data-testid='plan-switcher'] option").count(), 2);
  await page.selectOption("[data-testid='plan-switcher']", first);
  await page.waitForSelector("[data-testid='task-row']:has-text('开展干部能力培训')");

  // Everything as left, after a reload.
  await page.waitForTimeout(600);
  await page.goto(origin);
  await appReady(page);
  await page.waitForSelector("[data-testid='task-row']");
  assert.equal(await page.inputValue("[data-testid='plan-switcher']"), first, "the plan in use is remembered");
  assert.deepEqual(await rowTitles(page), ["加强党的建设", "加强基层党组织建设", "开展干部能力培训", "做好宣传思想工作"]);
  assert.equal(await page.locator("[data-testid='plan-switcher'] option").count(), 2);
  await context.close();
  assert.deepEqual(problems, []);
});
