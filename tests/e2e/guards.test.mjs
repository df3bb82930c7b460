// End-to-end: guards found by review — nothing on screen is dropped by
// switching plans, a stale editor cannot bring back what was undone, and
// editing keys do not act on buttons, links or an open editor.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { appReady, clickConfirmed, launchBrowser, MID_YEAR, serveDist, testIdText, watchedPage } from "./harness.mjs";

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

async function withPage(body) {
  const context = await browser.newContext();
  const { page, problems } = await watchedPage(context, (u) => u.startsWith(server.origin + "/"));
  try {
    await page.goto(`${server.origin}/?today=${MID_YEAR}`);
    await appReady(page);
    await body(page, context);
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, []);
}

test("switching plans while a change cannot be saved is refused, and the change stays", () =>
  withPage(async (page, context) => {
    await page.waitForFunction(() => localStorage.getItem("luoshi.plans") !== null);
    const other = await context.newPage();
    await other.goto(`${server.origin}/?today=${MID_YEAR}`);
    await appReady(other);
    await clickConfirmed(other, "start-empty");
    await page.waitForSelector("[data-testid='external-change']");
    await other.close();
    // A change here cannot be saved while the conflict is open.
    await page.locator("[data-testid='task-row']").first().click();
    await clickConfirmed(page, "delete-selected");
    const rows = await page.locator("[data-testid='task-row']").count();
    await page.click("[data-testid='plan-actions']");
    await page.click("[data-testid='new-plan']");
    await page.waitForSelector("[data-testid='edit-error']");
    assert.match(await testIdText(page, "edit-error"), /尚未保存/);
    assert.equal(await page.locator("[data-testid='task-row']").count(), rows, "the change is still on screen");
    assert.equal(await page.locator("[data-testid='plan-switcher'] option").count(), 1);
  }));

test("an editor open across an undo is closed, so it cannot save what was undone", () =>
  withPage(async (page) => {
    await page.click("[data-testid='add-task']");
    await page.fill("[data-testid='editor-title']", "新增的要点");
    await page.click("[data-testid='save-task']");
    await page.waitForSelector("[data-testid='task-row']:has-text('新增的要点')");
    await page.locator("[data-testid='task-row']", { hasText: "新增的要点" }).dblclick();
    await page.waitForSelector("[data-testid='task-editor']");
    await page.click("[data-testid='undo']");
    await page.waitForSelector("[data-testid='task-editor']", { state: "detached" });
    assert.equal(await page.locator("[data-testid='task-row']:has-text('新增的要点')").count(), 0);
  }));

test("Enter on a focused button or link does what the button or link does", () =>
  withPage(async (page) => {
    await page.locator("[data-testid='task-row']").nth(1).click();
    await page.click("[data-testid='add-sibling']");
    await page.fill("[data-testid='editor-title']", "用回车保存的任务");
    await page.focus("[data-testid='save-task']");
    await page.keyboard.press("Enter");
    await page.waitForSelector("[data-testid='task-row']:has-text('用回车保存的任务')");
    await page.locator("[data-testid='task-row']").nth(1).click();
    await page.focus("[data-testid='nav-audit']");
    await page.keyboard.press("Enter");
    await page.waitForSelector("[data-testid='audit-page']");
    assert.equal(await page.locator("[data-testid='task-editor']").count(), 0);
  }));

test("a plan deleted in another tab is said to be deleted, and can be kept", () =>
  withPage(async (page, context) => {
    await page.waitForFunction(() => localStorage.getItem("luoshi.plans") !== null);
    const other = await context.newPage();
    await other.goto(`${server.origin}/?today=${MID_YEAR}`);
    await appReady(other);
    // The other tab adds a plan, goes back to the sample and deletes it.
    await other.click("[data-testid='plan-actions']");
    await other.click("[data-testid='new-plan']");
    await other.waitForSelector("[data-testid='ledger-empty']");
    await other.selectOption("[data-testid='plan-switcher']", { index: 0 });
    await other.waitForSelector("[data-testid='task-row']");
    await other.click("[data-testid='plan-actions']");
    await clickConfirmed(other, "delete-plan");
    await other.waitForSelector("[data-testid='ledger-empty']");
    await page.waitForSelector("[data-testid='external-change']");
    assert.match(await testIdText(page, "external-change"), /删除了本计划/);
    assert.equal(await page.locator("[data-testid='external-load']").count(), 0);
    await page.click("[data-testid='external-keep']");
    await page.waitForSelector("[data-testid='external-change']", { state: "detached" });
    await page.waitForFunction(() => JSON.parse(localStorage.getItem("luoshi.plans")).plans.length === 2);
    assert.ok(await page.evaluate(() => localStorage.getItem("luoshi.plan") !== null), "written back");
    await other.close();
  }));

test("a filtered view's address names its plan, and opens it from another plan", () =>
  withPage(async (page) => {
    await page.fill("[data-testid='search']", "zzb");
    await page.waitForFunction(() => location.hash.includes("plan="));
    const view = page.url();
    const rows = await page.locator("[data-testid='task-row']").count();
    await page.click("[data-testid='plan-actions']");
    await page.click("[data-testid='new-plan']");
    await page.waitForSelector("[data-testid='ledger-empty']");
    assert.ok(!(await page.evaluate(() => location.hash.includes("q="))), "the old plan's filters left the address");
    await page.goto("about:blank");
    await page.goto(view);
    await appReady(page);
    await page.waitForSelector("[data-testid='task-row']");
    assert.match(await testIdText(page, "plan-title"), /示例/);
    assert.equal(await page.inputValue("[data-testid='search']"), "zzb");
    assert.equal(await page.locator("[data-testid='task-row']").count(), rows);
  }));
