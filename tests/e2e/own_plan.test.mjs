// End-to-end: starting one's own plan from a blank page, as issue 18 asks,
// at the commonest office screen (1366×768) and at 1920×1080. A unit and
// an area typed in the task editor that the plan lacks are added there;
// registries are copied from another plan and from the sample, merged
// without duplicates and undone; a pasted Excel column adds units; the
// empty ledger's three next steps each work; 取消 with typed content asks
// and keeps the text when the user goes on editing. Every test asserts no
// console error and no request outside the page's origin (browserSuite).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { MID_YEAR, ROOT, appReady, browserSuite, clickConfirmed, screenshot, testIdText } from "./harness.mjs";

const suite = browserSuite();
const withPage = suite.withPage;
const at = (hash = "") => `${suite.origin()}/?today=${MID_YEAR}${hash}`;
const SIZES = [
  [1366, 768],
  [1920, 1080],
];

const sel = (id) => `[data-testid='${id}']`;
const count = (page, id) => page.locator(sel(id)).count();

/** A new blank plan from the 计划操作 menu (the sample stays in the list). */
async function newBlankPlan(page) {
  await page.click(sel("nav-ledger"));
  await page.click(sel("plan-actions"));
  await page.click(sel("new-plan"));
  await page.waitForSelector(sel("ledger-empty"));
}

/** The undo button's label once it names `what`. */
async function undoSays(page, what) {
  await page.waitForFunction((w) => document.querySelector("[data-testid='undo']")?.textContent.includes(w), what);
  return testIdText(page, "undo");
}

/** Nothing of the element sticks out of the window sideways. */
async function insideWidth(page, id) {
  const box = await page.locator(sel(id)).first().boundingBox();
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  assert.ok(box && box.x >= 0 && box.x + box.width <= width + 0.5, `${id} within the page: ${JSON.stringify(box)} in ${width}`);
}

for (const [width, height] of SIZES) {
  describe(`at ${width}×${height}`, () => {
    const sized = (body) =>
      withPage(async (page, context) => {
        await page.setViewportSize({ width, height });
        await body(page, context);
      });

    test("a blank plan's first task: the lead unit, a cooperating unit and the area are added from the editor", () =>
      sized(async (page) => {
        await page.goto(at());
        await appReady(page);
        await newBlankPlan(page);
        await page.click(sel("empty-add-point"));
        await page.waitForSelector(sel("task-editor"));
        await page.fill(sel("editor-title"), "推进科技创新");
        await page.fill(sel("editor-lead-unit"), "区科协");
        await page.waitForSelector(sel("unit-offer"));
        assert.match(await testIdText(page, "unit-offer"), /“区科协”不在单位名录中/);
        await insideWidth(page, "unit-offer");
        await insideWidth(page, "add-unit-inline");
        await screenshot(page, `blank-plan-first-task-${width}`);
        // The kind is asked; 其他 when the registry has no units to go by.
        assert.equal(await page.inputValue(sel("add-unit-inline-kind")), "other");
        await page.selectOption(sel("add-unit-inline-kind"), "government_department");
        await page.click(sel("add-unit-inline"));
        await page.waitForSelector(sel("unit-offer"), { state: "detached" });
        assert.equal(await page.inputValue(sel("editor-lead-unit")), "区科协", "the field keeps the unit");
        assert.equal(await undoSays(page, "区科协"), "撤销：新增单位“区科协”", "an ordinary, undoable registry edit");

        // 领域: a blank plan has none; one is added and chosen.
        assert.equal(await page.locator(`${sel("editor-area")} option`).count(), 1, "only （未分领域）");
        await page.click(sel("add-area-open"));
        await page.fill(sel("add-area-inline-name"), "科技创新");
        await page.click(sel("add-area-inline"));
        await page.waitForFunction(() => {
          const s = document.querySelector("[data-testid='editor-area']");
          return s && s.value && s.selectedOptions[0]?.textContent === "科技创新";
        });
        assert.equal(await undoSays(page, "科技创新"), "撤销：新增领域“科技创新”");

        // A cooperating unit typed that is not there: a chip, and the offer.
        await page.fill(sel("support-unit-input"), "区科技局");
        await page.press(sel("support-unit-input"), "Enter");
        await page.waitForSelector(sel("unit-offer"));
        assert.match(await testIdText(page, "unit-offer"), /“区科技局”不在单位名录中/);
        await page.click(sel("add-unit-inline"));
        await page.waitForSelector(sel("unit-offer"), { state: "detached" });
        assert.deepEqual(await page.locator(sel("support-unit")).allTextContents(), ["区科技局×"]);

        await page.fill(sel("editor-leader"), "副区长");
        await page.fill(sel("editor-due"), "2026-11-30");
        await page.click(sel("save-task"));
        await page.waitForSelector(sel("task-editor"), { state: "detached" });
        const row = page.locator(sel("task-row"), { hasText: "推进科技创新" });
        // The row is selected, so its lead unit shows in the quick-edit select.
        const lead = await row.locator("td.col-lead").evaluate((td) => (td.querySelector("select")?.selectedOptions[0] ?? td).textContent.trim());
        assert.equal(lead, "区科协");
        assert.equal((await row.locator("td.col-support").textContent()).trim(), "区科技局");
        assert.match(await testIdText(page, "area-row"), /科技创新/);

        // Saved like any registry edit: there after a reload, with its kind.
        await page.waitForTimeout(600);
        await page.reload();
        await appReady(page);
        await page.click(sel("nav-units"));
        const unit = page.locator(sel("unit-row"), { hasText: "区科协" });
        assert.match(await unit.textContent(), /政府部门/);
        assert.equal(await unit.locator(sel("unit-lead-count")).textContent(), "1");
        assert.equal(await count(page, "registry-area-row"), 1);
      }));

    test("registries copied from last year's plan and from the sample, merged without duplicates, and undone", () =>
      sized(async (page) => {
        await page.goto(at());
        await appReady(page);
        await page.click(sel("nav-units"));
        await page.waitForSelector(sel("unit-row"));
        const units = await count(page, "unit-row");
        const areas = await count(page, "registry-area-row");
        assert.ok(units > 10 && areas > 3);
        // Next year's plan from the sample, then a blank one beside them.
        await page.click(sel("plan-actions"));
        await page.click(sel("copy-plan"));
        if (await page.locator(sel("confirm-dialog")).count()) await page.click(sel("confirm-ok"));
        await page.waitForFunction(() => /2027/.test(document.querySelector("[data-testid='plan-switcher']")?.selectedOptions[0]?.textContent ?? ""));
        const lastYear = await page.evaluate(() => document.querySelector("[data-testid='plan-switcher']").selectedOptions[0].textContent);
        await newBlankPlan(page);
        await page.click(sel("nav-units"));
        await page.waitForSelector(sel("units-empty"));
        assert.equal(await page.locator(sel("registry-intake")).getAttribute("open"), "", "open on an empty registry");
        await insideWidth(page, "copy-registry");
        await insideWidth(page, "paste-units");

        // Last year's plan is offered first.
        const offered = await page.locator(`${sel("copy-registry-source")} option:checked`).textContent();
        assert.equal(offered, lastYear);
        await page.click(sel("copy-registry"));
        await page.waitForSelector(sel("copy-registry-result"));
        assert.equal(await testIdText(page, "copy-registry-result"), `已从“${lastYear}”复制单位 ${units} 个、领域 ${areas} 个。`);
        assert.equal(await count(page, "unit-row"), units);
        assert.equal(await count(page, "registry-area-row"), areas);
        assert.match(await undoSays(page, "复制单位和领域"), /撤销：从“.+”复制单位和领域/);
        await page.click(sel("undo"));
        await page.waitForSelector(sel("units-empty"));
        assert.equal(await count(page, "registry-area-row"), 0, "one undo takes it all back");

        // From the sample; then again, which adds nothing.
        await page.selectOption(sel("copy-registry-source"), "");
        await page.click(sel("copy-registry"));
        await page.waitForFunction((n) => document.querySelectorAll("[data-testid='unit-row']").length === n, units);
        assert.match(await testIdText(page, "copy-registry-result"), new RegExp(`^已从“2026年区委工作要点（示例）”复制单位 ${units} 个、领域 ${areas} 个。$`));
        await page.click(sel("copy-registry"));
        await page.waitForFunction(() => document.querySelector("[data-testid='copy-registry-result']")?.textContent.includes("没有复制"));
        assert.equal(
          await testIdText(page, "copy-registry-result"),
          `“2026年区委工作要点（示例）”的单位和领域本计划都已有，没有复制；本计划已有的单位 ${units} 个、领域 ${areas} 个未重复添加。`,
        );
        assert.equal(await count(page, "unit-row"), units, "no unit twice");

        // A column copied from Excel: heading, a second column, a repeat, a
        // blank line and a unit already there.
        const existing = (await page.locator(`${sel("unit-row")} .unit-name`).first().textContent()).trim();
        await page.fill(sel("paste-units"), `单位名称\t类别\n${existing}\t区委部门\n区科协\t其他\n区科协\t其他\n\n  区侨联 \t其他\n`);
        assert.equal(await testIdText(page, "paste-units-preview"), "将新增 2 个单位（跳过已在名录中 1 个、重复 1 个）");
        await page.selectOption(sel("paste-units-kind"), "other");
        await page.click(sel("paste-units-confirm"));
        await page.waitForSelector(sel("paste-units-result"));
        assert.equal(await testIdText(page, "paste-units-result"), "已新增单位 2 个：区科协、区侨联。");
        assert.equal(await page.inputValue(sel("paste-units")), "", "the box is emptied");
        assert.equal(await count(page, "unit-row"), units + 2);
        const added = await page.locator(sel("unit-row")).evaluateAll((rs) => rs.slice(-2).map((r) => [r.querySelector(".unit-name").textContent, r.children[3].textContent]));
        assert.deepEqual(added, [["区科协", "其他"], ["区侨联", "其他"]]);
        assert.equal(await undoSays(page, "粘贴"), "撤销：粘贴新增单位 2 个");
      }));

    test("the empty ledger offers its three next steps, and each works", () =>
      sized(async (page) => {
        await page.goto(at());
        await appReady(page);
        await clickConfirmed(page, "start-empty");
        await page.waitForSelector(sel("ledger-empty"));
        for (const id of ["empty-add-point", "empty-import-excel", "load-sample"]) await insideWidth(page, id);
        assert.deepEqual(
          await page.locator(`${sel("next-steps")} button`).allTextContents(),
          ["＋ 新增要点", "导入 Excel 台账", "载入示例计划"],
          "no 工作要点 generation: it does not exist yet",
        );

        // ＋ 新增要点: the editor for a new 要点, the cursor in its title.
        await page.click(sel("empty-add-point"));
        await page.waitForSelector(sel("task-editor"));
        await page.waitForFunction(() => document.activeElement?.dataset.testid === "editor-title");
        assert.equal(await page.locator(sel("editor-area")).count(), 1, "a 要点 has a 领域");
        await page.click(sel("cancel-edit"));
        await page.waitForSelector(sel("task-editor"), { state: "detached" });
        assert.equal(await count(page, "confirm-dialog"), 0, "nothing typed, nothing asked");

        // 导入 Excel 台账: the data page's import, its file chooser open.
        const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click(sel("empty-import-excel"))]);
        await page.waitForSelector(sel("import-panel"));
        assert.equal(new URL(page.url()).hash, "#/data");
        await chooser.setFiles(join(ROOT, "tests/fixtures/xlsx/messy-ledger.xlsx"));
        await page.waitForSelector(sel("sheet-report"), { timeout: 30000 });
        await page.click(sel("import-confirm"));
        await page.waitForSelector(sel("import-done"));
        await page.click(sel("nav-ledger"));
        await page.waitForSelector(sel("task-row"));
        assert.equal(await count(page, "task-row"), 7);

        // Back to empty by undo, then 载入示例计划.
        await page.click(sel("undo"));
        await page.waitForSelector(sel("ledger-empty"));
        await clickConfirmed(page, "load-sample");
        await page.waitForSelector(sel("task-row"));
        assert.ok((await count(page, "task-row")) > 40);
      }));

    test("取消 with typed content asks first, and 继续编辑 keeps what was typed", () =>
      sized(async (page) => {
        await page.goto(at());
        await appReady(page);
        const row = page.locator("tr.task-row:not(.is-parent)").first();
        const title = (await row.locator("td.col-title").evaluate((td) => td.firstChild.textContent)).trim();

        // The task editor.
        await row.dblclick();
        await page.waitForSelector(sel("task-editor"));
        await page.fill(sel("editor-title"), "改过的任务名称");
        await page.click(sel("cancel-edit"));
        await page.waitForSelector(sel("confirm-dialog"));
        assert.equal(await testIdText(page, "confirm-cancel"), "继续编辑");
        assert.equal(await testIdText(page, "confirm-ok"), "放弃修改");
        await page.click(sel("confirm-cancel"));
        await page.waitForSelector(sel("confirm-dialog"), { state: "detached" });
        assert.equal(await page.inputValue(sel("editor-title")), "改过的任务名称", "the text is still there");

        // The progress report form inside it.
        await page.click(sel("tab-progress"));
        await page.click(sel("report-progress"));
        await page.fill(sel("update-progress"), "已完成调研");
        await page.click(sel("cancel-update"));
        await page.waitForSelector(sel("confirm-dialog"));
        await page.click(sel("confirm-cancel"));
        assert.equal(await page.inputValue(sel("update-progress")), "已完成调研");
        await page.click(sel("cancel-update"));
        await page.click(sel("confirm-ok"));
        await page.waitForSelector(sel("update-form"), { state: "detached" });
        await page.click(sel("tab-details"));
        await page.click(sel("cancel-edit"));
        await page.click(sel("confirm-ok"));
        await page.waitForSelector(sel("task-editor"), { state: "detached" });
        assert.equal((await row.locator("td.col-title").evaluate((td) => td.firstChild.textContent)).trim(), title, "nothing saved");

        // A unit's editor and an area's name.
        await page.click(sel("nav-units"));
        await page.locator(sel("edit-unit")).first().click();
        const name = await page.inputValue(`${sel("unit-editor")} ${sel("unit-name-input")}`);
        await page.fill(`${sel("unit-editor")} ${sel("unit-name-input")}`, "改过的单位");
        await page.click(sel("cancel-unit"));
        await page.click(sel("confirm-cancel"));
        assert.equal(await page.inputValue(`${sel("unit-editor")} ${sel("unit-name-input")}`), "改过的单位");
        await page.click(sel("cancel-unit"));
        await page.click(sel("confirm-ok"));
        await page.waitForSelector(sel("unit-editor"), { state: "detached" });
        assert.equal((await page.locator(`${sel("unit-row")} .unit-name`).first().textContent()).trim(), name);

        await page.locator(sel("rename-area")).first().click();
        await page.fill(`${sel("area-editor")} ${sel("area-name-input")}`, "改过的领域");
        await page.click(sel("cancel-area"));
        await page.click(sel("confirm-cancel"));
        assert.equal(await page.inputValue(`${sel("area-editor")} ${sel("area-name-input")}`), "改过的领域");
        await page.click(sel("cancel-area"));
        await page.click(sel("confirm-ok"));
        await page.waitForSelector(sel("area-editor"), { state: "detached" });
        // Nothing typed: 取消 just closes.
        await page.locator(sel("edit-unit")).first().click();
        await page.click(sel("cancel-unit"));
        await page.waitForSelector(sel("unit-editor"), { state: "detached" });
        assert.equal(await count(page, "confirm-dialog"), 0);

        // The plan's name in the plan menu.
        await page.click(sel("plan-actions"));
        await page.click(sel("rename-plan"));
        const planTitle = await page.inputValue(sel("plan-title-input"));
        await page.fill(sel("plan-title-input"), "改过的计划名称");
        await page.click(sel("cancel-plan-title"));
        await page.click(sel("confirm-cancel"));
        assert.equal(await page.inputValue(sel("plan-title-input")), "改过的计划名称");
        await page.click(sel("cancel-plan-title"));
        await page.click(sel("confirm-ok"));
        await page.waitForSelector(sel("plan-title-input"), { state: "detached" });
        assert.match(await page.locator(sel("plan-switcher")).evaluate((s) => s.selectedOptions[0].textContent), new RegExp(planTitle.slice(0, 4)));
      }));
  });
}
