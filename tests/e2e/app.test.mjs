// End-to-end: the release build in Debian's headless Chromium, as a user
// meets it. Every test also asserts that the page logged no console error
// and made no request outside its own origin.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  appReady,
  clickConfirmed,
  DIST,
  fillStorage,
  largePlan,
  launchBrowser,
  MID_YEAR,
  recoveryCopies,
  ROOT,
  serveDist,
  storedPlan,
  storedText,
  unpackCopy,
  unpackStored,
  waitForStored,
  testIdText,
  watchedPage,
} from "./harness.mjs";

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

/** Runs `body` with a fresh browser context (empty storage) and a watched
 *  page; `tolerate(problem)` lets a test expect a particular console error. */
async function withPage(body, { allowed, tolerate = () => false } = {}) {
  const context = await browser.newContext({ acceptDownloads: true });
  const own = allowed ?? ((url) => url.startsWith(server.origin + "/"));
  const { page, problems } = await watchedPage(context, own);
  try {
    await body(page, context);
  } finally {
    await context.close();
  }
  assert.deepEqual(problems.filter((p) => !tolerate(p)), [], "console errors or foreign requests");
}

const at = (path = "/") => `${server.origin}${path}?today=${MID_YEAR}`;

/** Another tab of the same browser, sharing storage, with the app ready. */
async function secondTab(context) {
  const other = await context.newPage();
  await other.goto(at());
  await appReady(other);
  return other;
}

describe("first run", () => {
  test("shows the sample plan with every light and the header counts", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      assert.match(await testIdText(page, "plan-title"), /^2026年区委工作要点（示例）$/);
      assert.equal(await testIdText(page, "today"), `模拟日期 ${MID_YEAR}`);
      assert.match(await testIdText(page, "sample-notice"), /示例计划/);
      const rows = page.locator("[data-testid='task-row']");
      assert.ok((await rows.count()) >= 40, "at least 40 tasks");
      assert.ok(await rows.first().getAttribute("data-task-id"));
      const levels = await page
        .locator("[data-testid='warning']")
        .evaluateAll((els) => [...new Set(els.map((e) => e.dataset.level))].sort());
      assert.deepEqual(levels, ["done-late", "done-on-time", "green", "halted", "red", "yellow"]);
      // Colour is backed by words.
      assert.match(await page.locator("[data-level='red']").first().textContent(), /逾期/);
      assert.match(await page.locator("[data-level='yellow']").first().textContent(), /预警/);
      assert.equal(await testIdText(page, "count-total"), "41");
      for (const id of ["count-closed", "count-overdue", "count-due-soon", "count-behind"]) {
        assert.ok(Number(await testIdText(page, id)) > 0, `${id} is positive`);
      }
      // 一、 (一) 1. numbering from the hierarchy.
      const numbers = await page.locator("tbody tr td.col-no").evaluateAll((tds) => tds.slice(0, 3).map((t) => t.textContent));
      assert.deepEqual(numbers, ["一、", "（一）", "1."]);
    }));

  test("is saved at once, so a reload shows the same plan", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      await page.waitForFunction(() => localStorage.getItem("luoshi.plan") !== null);
      const envelope = await storedPlan(page);
      assert.match(await page.evaluate(() => localStorage.getItem("luoshi.plan")), /^luoshi-plan-1;/, "stored packed");
      assert.equal(envelope.format, "luoshi/plan");
      assert.equal(envelope.version, 3);
      assert.ok(envelope.plan.tasks.length >= 40);
      await page.reload();
      await appReady(page);
      assert.match(await testIdText(page, "plan-title"), /示例/);
    }));
});

describe("empty plan", () => {
  test("chosen from the sample notice after confirming, survives a reload", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      await page.click("[data-testid='start-empty']");
      assert.match(await testIdText(page, "confirm-message"), /工作事项 41 项，任务（含要点）54 项.*撤销/);
      await page.click("[data-testid='confirm-ok']");
      await page.waitForSelector("[data-testid='ledger-empty']");
      assert.equal(await testIdText(page, "count-total"), "0");
      await page.reload();
      await appReady(page);
      await page.waitForSelector("[data-testid='ledger-empty']");
      assert.equal(await testIdText(page, "plan-title"), "2026年区委工作要点");
      assert.equal(await page.locator("[data-testid='sample-notice']").count(), 0);
      assert.equal(await page.locator("[data-testid='task-row']").count(), 0);
    }));
});

describe("stored data that cannot be read", () => {
  const truncated = '{"format":"luoshi/plan","version":1,"plan":{"title":"2026年","tasks":[{"id":"t1"';

  test("shows the message, keeps the raw text, and offers it as a download", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      await page.evaluate((raw) => localStorage.setItem("luoshi.plan", raw), truncated);
      await page.reload();
      await page.waitForSelector("[data-testid='damage-panel']");
      assert.match(await testIdText(page, "damage-panel"), /本机保存的数据无法完整读取/);
      assert.match(await testIdText(page, "damage-messages"), /JSON.*第 1 行/);
      // Give any stray save a chance to happen, then check nothing was written.
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => localStorage.getItem("luoshi.plan")), truncated);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click("[data-testid='damage-download']"),
      ]);
      assert.match(download.suggestedFilename(), /^落实-原始数据-2026-06-30\.json$/);
      assert.equal(await readFile(await download.path(), "utf8"), truncated);
    }));

  test("a damaged task is named by its path and the rest can be kept", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      await page.waitForFunction(() => localStorage.getItem("luoshi.plan") !== null);
      const stored = await storedPlan(page);
      stored.plan.tasks[1].due = "2026/13/45";
      const raw = JSON.stringify(stored);
      await page.evaluate((r) => localStorage.setItem("luoshi.plan", r), raw);
      await page.reload();
      await page.waitForSelector("[data-testid='damage-panel']");
      assert.match(await testIdText(page, "damage-messages"), /plan\.tasks\[1\]\.due.*2026\/13\/45/);
      assert.equal(await page.evaluate(() => localStorage.getItem("luoshi.plan")), raw);
      await page.click("[data-testid='damage-keep']");
      await page.waitForSelector("[data-testid='damage-panel']", { state: "detached" });
      assert.ok((await page.locator("[data-testid='task-row']").count()) >= 40);
      const kept = await page.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.startsWith("luoshi.recovered.")).map((k) => localStorage.getItem(k)),
      );
      assert.deepEqual(kept.map(unpackCopy), [raw], "raw text set aside before saving the repaired plan");
      // The set-aside copy is listed on the data page.
      await page.click("[data-testid='nav-data']");
      await page.waitForSelector("[data-testid='recovery-copy']");
      assert.equal(await page.locator("[data-testid='recovery-copy']").count(), 1);
    }));

  test("a file from a newer Luoshi is refused with its version named", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      const raw = '{"format":"luoshi/plan","version":7,"plan":{}}';
      await page.evaluate((r) => localStorage.setItem("luoshi.plan", r), raw);
      await page.reload();
      await page.waitForSelector("[data-testid='damage-panel']");
      assert.match(await testIdText(page, "damage-messages"), /较新版本.*版本 7/);
      assert.match(await testIdText(page, "damage-newer"), /更新版本/);
      // Only the download is offered: nothing here may replace that data.
      for (const id of ["damage-keep", "damage-empty", "damage-sample", "load-sample", "start-empty"]) {
        assert.equal(await page.locator(`[data-testid='${id}']`).count(), 0, id);
      }
      assert.equal(await page.evaluate(() => localStorage.getItem("luoshi.plan")), raw);
    }));
});

describe("data an older version stored", () => {
  const fixture = (name) => readFile(join(ROOT, "tests", "fixtures", name), "utf8");

  /** Holds back the worker's script until the returned function is called,
   *  to see what the page shows while the worker would be reading. */
  async function holdWorker(page) {
    let release;
    const held = new Promise((r) => (release = r));
    await page.route("**/excel-worker.js", async (route) => {
      await held;
      await route.continue();
    });
    return release;
  }

  test("is read by the worker while the page says so, set aside, then saved in the current format", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      const old = await fixture("v1_valid.json");
      // As an older version left it: one plan, no list.
      await page.evaluate((t) => {
        localStorage.clear();
        localStorage.setItem("luoshi.plan", t);
      }, old);
      const release = await holdWorker(page);
      await page.reload();
      await page.waitForSelector("[data-testid='reading-status']");
      assert.match(await testIdText(page, "reading-status"), /正在检查本机保存的数据/);
      assert.equal(await page.locator("[data-testid='ledger'], [data-testid='damage-panel']").count(), 0);
      await page.waitForTimeout(600);
      assert.equal(await page.evaluate(() => localStorage.getItem("luoshi.plan")), old, "nothing saved while it is read");
      assert.equal(await testIdText(page, "save-state"), "正在读取…");
      release();
      await page.waitForSelector("[data-testid='ledger']");
      assert.equal(await page.locator("[data-testid='reading-status']").count(), 0);
      assert.equal(await testIdText(page, "plan-title"), "2022年区委工作要点");
      assert.deepEqual(await recoveryCopies(page), [old], "the older text set aside first");
      const saved = await waitForStored(page, (d) => d?.version === 3);
      const list = JSON.parse(await page.evaluate(() => localStorage.getItem("luoshi.plans")));
      assert.deepEqual(list.plans.map((p) => [p.id, p.key, p.title]), [[saved.plan.id, "luoshi.plan", "2022年区委工作要点"]]);
    }));

  test("that the worker cannot read stays unread and unwritten, and the page says why", () =>
    withPage(
      async (page) => {
        await page.goto(at());
        await appReady(page);
        const old = await fixture("v2_valid.json");
        await page.evaluate((t) => {
          localStorage.clear();
          localStorage.setItem("luoshi.plan", t);
        }, old);
        await page.route("**/excel-worker.js", (route) => route.abort());
        await page.reload();
        await page.waitForSelector("[data-testid='reading-status']:has-text('未能完成')");
        assert.match(await testIdText(page, "reading-status"), /后台组件未能载入.*数据没有任何改动.*请刷新页面重试/);
        await page.waitForTimeout(600);
        assert.equal(await page.evaluate(() => localStorage.getItem("luoshi.plan")), old);
        assert.deepEqual(await recoveryCopies(page), []);
        assert.equal(await page.locator("[data-testid='ledger']").count(), 0);
      },
      { tolerate: (p) => p.includes("excel-worker.js") || p.includes("net::ERR_FAILED") },
    ));

  test("is read by the worker when switched to, and the plan left stays as it was", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      await page.waitForFunction(() => localStorage.getItem("luoshi.plans") !== null);
      const old = await fixture("v2_valid.json");
      await page.evaluate((t) => {
        const list = JSON.parse(localStorage.getItem("luoshi.plans"));
        const plan = JSON.parse(t).plan;
        list.plans.push({ id: plan.id, key: "luoshi.plan.older", title: plan.title, year: plan.year });
        localStorage.setItem("luoshi.plan.older", t);
        localStorage.setItem("luoshi.plans", JSON.stringify(list));
      }, old);
      await page.reload();
      await appReady(page);
      const mine = await storedText(page);
      const release = await holdWorker(page);
      await page.selectOption("[data-testid='plan-switcher']", { label: "2022年区委工作要点" });
      await page.waitForSelector("[data-testid='reading-status']");
      await page.waitForTimeout(400);
      assert.equal(await page.evaluate(() => localStorage.getItem("luoshi.plan.older")), old);
      release();
      await page.waitForSelector("[data-testid='ledger']");
      assert.equal(await testIdText(page, "plan-title"), "2022年区委工作要点");
      assert.deepEqual(await recoveryCopies(page), [old]);
      await waitForStored(page, (d) => d?.version === 3, "luoshi.plan.older");
      assert.equal(await storedText(page), mine, "the plan left is untouched");
    }));
});

describe("saving", () => {
  test("with storage too full to keep a backup, damaged data is replaced only after download and confirmation", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      const raw = '{"format":"luoshi/plan","version":1,"plan":{"tasks":[{"id":"t1"}],"filler":"' + "x".repeat(3000000) + '"}}';
      await page.evaluate((r) => {
        localStorage.clear();
        localStorage.setItem("luoshi.plan", r);
      }, raw);
      // Even a compressed copy finds no room.
      await fillStorage(page);
      await page.reload();
      await page.waitForSelector("[data-testid='damage-panel']");
      await page.click("[data-testid='damage-empty']");
      await page.waitForSelector("[data-testid='damage-error']");
      assert.match(await testIdText(page, "damage-error"), /存储空间已满.*下载原始数据/);
      assert.equal(await page.locator("[data-testid='damage-replace-downloaded']").count(), 0, "only after a download");
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid='damage-download']")]);
      // The file is whole: the link is not revoked before the browser took it.
      assert.equal(await readFile(await download.path(), "utf8"), raw);
      await clickConfirmed(page, "damage-replace-downloaded");
      await page.waitForSelector("[data-testid='damage-panel']", { state: "detached" });
      await page.waitForSelector("[data-testid='ledger-empty']");
      // Saving runs a moment after the change.
      const stored = await waitForStored(page, (d) => d?.plan.tasks.length === 0);
      assert.equal(stored.plan.tasks.length, 0);
    }));

  test("a full storage quota is shown and the change stays on screen", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      // Store a small (empty) plan, then fill the rest of the origin's quota.
      await clickConfirmed(page, "start-empty");
      await page.waitForSelector("[data-testid='ledger-empty']");
      await waitForStored(page, (d) => d?.plan.tasks.length === 0);
      await fillStorage(page);
      // The sample is far larger than the empty plan it replaces.
      await clickConfirmed(page, "load-sample");
      await page.waitForSelector("[data-testid='save-error']");
      assert.match(await testIdText(page, "save-error"), /存储空间已满/);
      assert.ok((await page.locator("[data-testid='task-row']").count()) >= 40, "data kept in the page");
    }));

  test("a change in another tab pauses saving and asks", () =>
    withPage(async (page, context) => {
      await page.goto(at());
      await appReady(page);
      const other = await secondTab(context);
      // Merely opening the same plan in a second tab is not a conflict.
      await page.waitForTimeout(600);
      assert.equal(await page.locator("[data-testid='external-change']").count(), 0);
      await clickConfirmed(other, "start-empty");
      // The banner here means the other tab has saved.
      await page.waitForSelector("[data-testid='external-change']");
      const theirs = await other.evaluate(() => localStorage.getItem("luoshi.plan"));
      assert.equal(await page.evaluate(() => localStorage.getItem("luoshi.plan")), theirs);
      await page.click("[data-testid='external-load']");
      await page.waitForSelector("[data-testid='ledger-empty']");
      assert.equal(await page.locator("[data-testid='external-change']").count(), 0);
      // This tab's plan (the sample) was copied aside before being replaced.
      const copies = (await recoveryCopies(page)).map((c) => JSON.parse(c).plan.sample);
      assert.deepEqual(copies, [true]);
      await other.close();
    }));

  test("a change made here while paused is not saved over the other tab's data", () =>
    withPage(async (page, context) => {
      await page.goto(at());
      await appReady(page);
      const other = await secondTab(context);
      await clickConfirmed(other, "start-empty");
      // The banner here means the other tab has saved.
      await page.waitForSelector("[data-testid='external-change']");
      const theirs = await other.evaluate(() => localStorage.getItem("luoshi.plan"));
      // This tab makes a plan unlike theirs: the sample, in place of an empty plan.
      await clickConfirmed(page, "start-empty");
      await page.waitForSelector("[data-testid='ledger-empty']");
      await clickConfirmed(page, "load-sample");
      await page.waitForSelector("[data-testid='task-row']");
      await page.waitForTimeout(800);
      assert.equal(await page.evaluate(() => localStorage.getItem("luoshi.plan")), theirs);
      assert.equal(JSON.parse(unpackStored(theirs)).plan.tasks.length, 0, "theirs is the empty plan");
      await other.close();
    }));

  test("keeping this tab's plan never replaces data from a newer Luoshi", () =>
    withPage(async (page, context) => {
      await page.goto(at());
      await appReady(page);
      const other = await secondTab(context);
      const newer = '{"format":"luoshi/plan","version":9,"plan":{}}';
      await other.evaluate((t) => localStorage.setItem("luoshi.plan", t), newer);
      await page.waitForSelector("[data-testid='external-change']");
      await page.click("[data-testid='external-keep']");
      await page.waitForSelector("[data-testid='damage-newer']");
      await page.waitForTimeout(600);
      assert.equal(await page.evaluate(() => localStorage.getItem("luoshi.plan")), newer);
      await other.close();
    }));

  test("a damage panel resolved in another tab closes when its data is loaded", () =>
    withPage(async (page, context) => {
      await page.goto(at());
      await appReady(page);
      await page.waitForFunction(() => localStorage.getItem("luoshi.plan") !== null);
      const stored = await storedPlan(page);
      stored.plan.tasks[1].due = "2026/13/45";
      await page.evaluate((r) => localStorage.setItem("luoshi.plan", r), JSON.stringify(stored));
      await page.reload();
      await page.waitForSelector("[data-testid='damage-panel']");
      const other = await context.newPage();
      await other.goto(at());
      await other.waitForSelector("[data-testid='damage-panel']");
      await other.click("[data-testid='damage-keep']");
      await other.waitForSelector("[data-testid='damage-panel']", { state: "detached" });
      // The same readable part is no silent match while this tab still decides.
      await page.waitForSelector("[data-testid='external-change']");
      await waitForStored(other, (d) => d && !JSON.stringify(d).includes("2026/13/45"));
      const written = await other.evaluate(() => localStorage.getItem("luoshi.plan"));
      await page.click("[data-testid='external-load']");
      await page.waitForSelector("[data-testid='damage-panel']", { state: "detached" });
      assert.equal(await page.evaluate(() => localStorage.getItem("luoshi.plan")), written);
      await other.close();
    }));

  test("keeping this tab's damaged data while another tab resolved it puts it back once, without looping", () =>
    withPage(async (page, context) => {
      await page.goto(at());
      await appReady(page);
      await page.waitForFunction(() => localStorage.getItem("luoshi.plan") !== null);
      const stored = await storedPlan(page);
      stored.plan.tasks[1].due = "2026/13/45";
      const raw = JSON.stringify(stored);
      await page.evaluate((r) => localStorage.setItem("luoshi.plan", r), raw);
      await page.reload();
      await page.waitForSelector("[data-testid='damage-panel']");
      const other = await context.newPage();
      await other.goto(at());
      await other.click("[data-testid='damage-keep']");
      await page.waitForSelector("[data-testid='external-change']");
      await waitForStored(other, (d) => d && !JSON.stringify(d).includes("2026/13/45"));
      const theirs = await other.evaluate(() => localStorage.getItem("luoshi.plan"));
      await other.close();
      // "This tab's data" is the damaged text awaiting a decision: it goes
      // back, and what the other tab wrote is set aside.
      await page.click("[data-testid='external-keep']");
      await page.waitForSelector("[data-testid='external-change']", { state: "detached" });
      assert.equal(await page.evaluate(() => localStorage.getItem("luoshi.plan")), raw);
      const afterKeep = await recoveryCopies(page);
      assert.ok(afterKeep.includes(unpackStored(theirs)), "the other tab's data was set aside");
      // The decision now goes through instead of raising the conflict again.
      await page.click("[data-testid='damage-keep']");
      await page.waitForSelector("[data-testid='damage-panel']", { state: "detached" });
      await page.waitForTimeout(600);
      assert.equal(await page.locator("[data-testid='external-change']").count(), 0, "no second conflict");
      const copies = await recoveryCopies(page);
      assert.equal(copies.length, afterKeep.length + 1, "one more copy: the raw text, once");
      assert.ok(copies.includes(raw));
      await waitForStored(page, (d) => d && !JSON.stringify(d).includes("2026/13/45"));
    }));

  test("keeping this tab's plan sets the other tab's data aside first", () =>
    withPage(async (page, context) => {
      await page.goto(at());
      await appReady(page);
      const other = await secondTab(context);
      await clickConfirmed(other, "start-empty");
      // The banner here means the other tab has saved.
      await page.waitForSelector("[data-testid='external-change']");
      const theirs = await other.evaluate(() => localStorage.getItem("luoshi.plan"));
      await page.click("[data-testid='external-keep']");
      await page.waitForSelector("[data-testid='external-change']", { state: "detached" });
      await waitForStored(page, (d) => d?.plan.sample);
      assert.deepEqual(await recoveryCopies(page), [unpackStored(theirs)]);
      await other.close();
    }));

  test("with no room for a copy, a conflict is resolved after downloading what is given up", () =>
    withPage(async (page, context) => {
      await page.goto(at());
      await appReady(page);
      await page.waitForFunction(() => localStorage.getItem("luoshi.plan") !== null);
      const mine = await storedPlan(page);
      const other = await secondTab(context);
      await clickConfirmed(other, "start-empty");
      await page.waitForSelector("[data-testid='external-change']");
      await other.close();
      await fillStorage(page);
      // Loading theirs would set this tab's plan aside, and there is no room.
      await page.click("[data-testid='external-load']");
      await page.waitForSelector("[data-testid='external-error']");
      assert.match(await testIdText(page, "external-error"), /无法把本窗口的数据另存备份.*下载本窗口的数据/);
      assert.equal(await page.locator("[data-testid='external-replace-downloaded']").count(), 0, "only after a download");
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid='external-download']")]);
      const file = JSON.parse(await readFile(await download.path(), "utf8"));
      assert.deepEqual(file.plan, mine.plan, "the download is this tab's plan");
      await clickConfirmed(page, "external-replace-downloaded");
      await page.waitForSelector("[data-testid='external-change']", { state: "detached" });
      await page.waitForSelector("[data-testid='ledger-empty']");
    }));
});

describe("storage space and found data", () => {
  test("a backup with problems says them before it is restored, and cancelling changes nothing", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      const doc = await waitForStored(page, (d) => d != null);
      doc.plan.tasks[1].due = "2026/13/45";
      await page.evaluate((t) => localStorage.setItem("luoshi.recovered.2026-06-01T08:00:00Z|导入前", t), JSON.stringify(doc));
      await page.click("[data-testid='nav-data']");
      await page.locator("[data-testid='recovery-copy']").first().locator("[data-testid='restore-backup']").click();
      assert.match(await testIdText(page, "confirm-message"), /这份备份有 1 处问题.*plan\.tasks\[1\]\.due/);
      const before = await storedText(page);
      await page.click("[data-testid='confirm-cancel']");
      await page.waitForTimeout(400);
      assert.equal(await storedText(page), before);
    }));

  test("a plan no list names is found and listed on the data page, and opens again", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      const doc = await waitForStored(page, (d) => d != null);
      // As an interrupted deletion in an older version left it.
      const stray = structuredClone(doc);
      stray.plan.id = "strayplan01";
      stray.plan.title = "2025年区委工作要点";
      stray.plan.year = 2025;
      await page.evaluate((t) => localStorage.setItem("luoshi.plan.strayplan01", t), JSON.stringify(stray));
      await page.reload();
      await appReady(page);
      await page.click("[data-testid='nav-data']");
      await page.waitForSelector("[data-testid='found-plan']");
      assert.match(await testIdText(page, "found-plan"), /2025年区委工作要点/);
      await page.click("[data-testid='found-open']");
      await page.waitForSelector("[data-testid='plan-title']:has-text('2025年')");
      assert.equal(await page.locator("[data-testid='plan-switcher'] option").count(), 2);
      assert.equal(await page.locator("[data-testid='found-plan']").count(), 0);
    }));

  test("when space runs low the data page says what takes it, and removes a plan only after it was downloaded and confirmed", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      // A second plan, then storage filled past 80 %.
      await page.click("[data-testid='plan-actions']");
      await page.click("[data-testid='copy-plan']");
      await page.waitForSelector("[data-testid='plan-title']:has-text('2027年')");
      await page.selectOption("[data-testid='plan-switcher']", { index: 0 });
      await page.waitForSelector("[data-testid='plan-title']:has-text('2026年')");
      await page.evaluate(() => localStorage.setItem("filler.big", "x".repeat(4_500_000)));
      await page.click("[data-testid='nav-data']");
      // Measured again after a save.
      await page.click("[data-testid='plan-actions']");
      await page.click("[data-testid='rename-plan']");
      await page.fill("[data-testid='plan-title-input']", "2026年区委工作要点（改名）");
      await page.click("[data-testid='save-plan-title']");
      await page.waitForSelector("[data-testid='space-advice']");
      const items = await page.locator("[data-testid='space-item']").allTextContents();
      assert.ok(items.some((t) => t.includes("2027年")), items.join(" | "));
      assert.ok(!items.some((t) => t.includes("改名")), "the plan on screen is not offered");
      const item = page.locator("[data-testid='space-item']", { hasText: "2027年" });
      const [download] = await Promise.all([page.waitForEvent("download"), item.locator("[data-testid='space-remove']").click()]);
      const file = JSON.parse(await readFile(await download.path(), "utf8"));
      assert.equal(file.plan.year, 2027);
      assert.match(await testIdText(page, "confirm-message"), /已下载.*删除后只能从下载的文件恢复/);
      await page.click("[data-testid='confirm-ok']");
      await page.waitForFunction(() => document.querySelectorAll("[data-testid='plan-switcher'] option").length === 1);
      const list = JSON.parse(await page.evaluate(() => localStorage.getItem("luoshi.plans")));
      assert.equal(list.plans.length, 1);
    }));
});

describe("several plans", () => {
  test("data from the single-plan version is listed under its own key and keeps saving there", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      await page.waitForFunction(() => localStorage.getItem("luoshi.plans") !== null);
      // As the previous version left it: one plan, no list.
      const single = await page.evaluate(() => localStorage.getItem("luoshi.plan"));
      await page.evaluate(() => localStorage.removeItem("luoshi.plans"));
      await page.reload();
      await appReady(page);
      await page.waitForFunction(() => localStorage.getItem("luoshi.plans") !== null);
      const list = JSON.parse(await page.evaluate(() => localStorage.getItem("luoshi.plans")));
      assert.equal(list.plans.length, 1);
      assert.equal(list.plans[0].key, "luoshi.plan");
      assert.equal(await page.evaluate(() => localStorage.getItem("luoshi.plan")), single, "nothing copied or rewritten");
      await clickConfirmed(page, "start-empty");
      await waitForStored(page, (d) => d?.plan.tasks.length === 0);
      assert.equal(await testIdText(page, "save-state"), "已保存");
    }));

  test("a copy for next year, renamed, then deleted with a backup kept", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      await page.click("[data-testid='plan-actions']");
      await page.click("[data-testid='copy-plan']");
      await page.waitForSelector("[data-testid='plan-title']:has-text('2027年')");
      // Structure kept, the year's records cleared: nothing is closed yet.
      assert.equal(await page.locator("[data-level='done-on-time'], [data-level='done-late']").count(), 0);
      await page.click("[data-testid='plan-actions']");
      await page.click("[data-testid='rename-plan']");
      await page.fill("[data-testid='plan-title-input']", "2027年区委工作要点（草稿）");
      await page.click("[data-testid='save-plan-title']");
      await page.waitForSelector("[data-testid='plan-title']:has-text('草稿')");
      await page.waitForFunction(() => JSON.parse(localStorage.getItem("luoshi.plans")).plans.some((p) => p.title.includes("草稿")));
      assert.equal(await page.locator("[data-testid='plan-switcher'] option").count(), 2);
      await page.click("[data-testid='plan-actions']");
      await clickConfirmed(page, "delete-plan");
      await page.waitForSelector("[data-testid='plan-title']:has-text('2026年')");
      assert.equal(await page.locator("[data-testid='plan-switcher'] option").count(), 1);
      const copies = await recoveryCopies(page);
      assert.equal(copies.length, 1);
      assert.match(JSON.parse(copies[0]).plan.title, /草稿/);
      // Undo brings the deleted plan back, then undoes the copy itself.
      assert.equal(await testIdText(page, "undo"), "撤销：删除计划“2027年区委工作要点（草稿）”");
      await page.click("[data-testid='undo']");
      await page.waitForSelector("[data-testid='plan-title']:has-text('草稿')");
      assert.equal(await page.locator("[data-testid='plan-switcher'] option").count(), 2);
      // The copy was renamed since: undoing its creation would lose that,
      // so it is not offered.
      assert.equal(await page.locator("[data-testid='undo']").count(), 0);
      // A copy left as made is undone at once (a copy of it kept, like any
      // deletion), and the plan open before it is shown again.
      await page.click("[data-testid='plan-actions']");
      await page.click("[data-testid='copy-plan']");
      await page.waitForFunction(() => document.querySelectorAll("[data-testid='plan-switcher'] option").length === 3);
      assert.equal(await testIdText(page, "undo"), "撤销：复制为下一年计划");
      await page.click("[data-testid='undo']");
      await page.waitForFunction(() => document.querySelectorAll("[data-testid='plan-switcher'] option").length === 2);
      await page.waitForSelector("[data-testid='plan-title']:has-text('草稿')", { timeout: 5000 });
      // And redone: the copy comes back from the copy kept.
      assert.equal(await testIdText(page, "redo"), "重做：复制为下一年计划");
      await page.keyboard.press("Control+y");
      await page.waitForFunction(() => document.querySelectorAll("[data-testid='plan-switcher'] option").length === 3);
      await page.waitForSelector("[data-testid='plan-title']:has-text('2028年')");
    }));

  test("copying to next year says first that 中止 work stays behind, and leaves it out", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      const doc = await waitForStored(page, (d) => d != null);
      // One work item stopped for good (中止).
      const parents = new Set(doc.plan.tasks.map((t) => t.parent).filter(Boolean));
      const stopped = doc.plan.tasks.find((t) => !parents.has(t.id));
      stopped.status = "stopped";
      stopped.status_note = "工作取消";
      doc.plan.sample = false;
      await page.evaluate((t) => localStorage.setItem("luoshi.plan", t), JSON.stringify(doc));
      await page.reload();
      await appReady(page);
      await page.click("[data-testid='plan-actions']");
      await page.click("[data-testid='copy-plan']");
      assert.match(await testIdText(page, "confirm-message"), /2027年计划.*已中止的 1 项任务不带入新计划/);
      // 取消 copies nothing.
      await page.click("[data-testid='confirm-cancel']");
      assert.equal(await page.locator("[data-testid='plan-switcher'] option").count(), 1);
      await page.click("[data-testid='plan-actions']");
      await clickConfirmed(page, "copy-plan");
      await page.waitForSelector("[data-testid='plan-title']:has-text('2027年')");
      const list = JSON.parse(await page.evaluate(() => localStorage.getItem("luoshi.plans")));
      const copy = await waitForStored(page, (d) => d?.plan.year === 2027, list.plans.find((p) => p.id === list.current).key);
      assert.equal(copy.plan.tasks.length, doc.plan.tasks.length - 1);
      assert.ok(!copy.plan.tasks.some((t) => t.title === stopped.title && t.status === "stopped"));
    }));
});

describe("leaving the page", () => {
  test("a change is written at once when the page goes away", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      await page.waitForFunction(() => localStorage.getItem("luoshi.plan") !== null);
      await clickConfirmed(page, "start-empty");
      // Reload straight away, before the save's short delay has passed.
      await page.reload();
      await appReady(page);
      await page.waitForSelector("[data-testid='ledger-empty']");
    }));

  test("warns before leaving while a conflict keeps a change unsaved, and not otherwise", () =>
    withPage(async (page, context) => {
      await page.goto(at());
      await appReady(page);
      const other = await secondTab(context);
      // Nothing unsaved: closing asks nothing.
      const asked = [];
      other.on("dialog", (d) => {
        asked.push(d.type());
        d.dismiss();
      });
      await other.click("[data-testid='nav-data']");
      await clickConfirmed(page, "start-empty");
      await other.waitForSelector("[data-testid='external-change']");
      // The other tab is paused now: leaving it would lose its view.
      await other.close({ runBeforeUnload: true });
      await new Promise((ok) => setTimeout(ok, 500));
      assert.deepEqual(asked, ["beforeunload"]);
      const calm = [];
      page.on("dialog", (d) => {
        calm.push(d.type());
        d.accept();
      });
      await waitForStored(page, (d) => d?.plan.tasks.length === 0);
      await page.close({ runBeforeUnload: true });
      await new Promise((ok) => setTimeout(ok, 500));
      assert.deepEqual(calm, [], "everything saved: no question");
    }));
});

describe("a tab left open", () => {
  test("moves to the new day after midnight", () =>
    withPage(async (page) => {
      await page.clock.install({ time: new Date(2026, 5, 30, 23, 59, 30) });
      await page.goto(`${server.origin}/`);
      await appReady(page);
      assert.equal(await testIdText(page, "today"), "今天 2026-06-30");
      await page.clock.runFor(61_000);
      await page.waitForSelector("[data-testid='today']:has-text('2026-07-01')");
    }));

  test("stays on a date fixed in the address", () =>
    withPage(async (page) => {
      await page.clock.install({ time: new Date(2026, 5, 30, 23, 59, 30) });
      await page.goto(at());
      await appReady(page);
      await page.clock.runFor(121_000);
      await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
      assert.equal(await testIdText(page, "today"), `模拟日期 ${MID_YEAR}`);
    }));
});

describe("a 5,000-task plan", () => {
  /** Stores a 5,000-task plan and opens it; returns its stored text. */
  async function openLarge(page) {
    await page.goto(at());
    await appReady(page);
    await page.waitForFunction(() => localStorage.getItem("luoshi.plan") !== null);
    const sample = await storedPlan(page);
    const text = JSON.stringify(largePlan(sample, 5000));
    await page.evaluate((t) => {
      localStorage.clear();
      localStorage.setItem("luoshi.plan", t);
    }, text);
    await page.reload();
    await appReady(page);
    return text;
  }

  test("draws only the rows in view, and the last rows when scrolled there", () =>
    withPage(async (page) => {
      await openLarge(page);
      await page.waitForSelector("[data-testid='task-row']", { timeout: 60000 });
      const shown = await storedPlan(page);
      assert.equal(await testIdText(page, "count-total"), String(
        shown.plan.tasks.filter((t, _, all) => !all.some((c) => c.parent === t.id)).length));
      const drawn = await page.locator("[data-testid='task-row']").count();
      assert.ok(drawn > 10 && drawn < 150, `${drawn} rows drawn of 5,000`);
      const first = await page.locator("[data-testid='task-row']").first().getAttribute("data-task-id");
      // The ledger scrolls in its own box (one screen high).
      await page.locator("[data-testid='ledger-scroll']").evaluate((el) => (el.scrollTop = el.scrollHeight));
      // At the bottom the last line is drawn: no spacer is left below it.
      await page.waitForFunction(() => document.querySelector("tbody").lastElementChild?.dataset.testid === "task-row");
      assert.notEqual(await page.locator("[data-testid='task-row']").first().getAttribute("data-task-id"), first);
      assert.ok((await page.locator("[data-testid='task-row']").count()) < 150);
      const last = await page.evaluate(() => document.querySelector("tbody").lastElementChild.dataset.taskId);
      // Keyboard navigation moves the selection and keeps it in view.
      await page.locator(`[data-task-id='${last}']`).click();
      await page.keyboard.press("ArrowUp");
      await page.waitForSelector("[data-testid='task-row'].selected");
      assert.notEqual(await page.locator("[data-testid='task-row'].selected").getAttribute("data-task-id"), last);
    }));

  test("damaged, it is set aside and the readable part kept", () =>
    withPage(async (page) => {
      const text = await openLarge(page);
      const broken = text.replace(/"due":"(\d{4})-(\d\d)-(\d\d)"/, '"due":"$1/$2/$3"');
      await page.evaluate((t) => localStorage.setItem("luoshi.plan", t), broken);
      await page.reload();
      await page.waitForSelector("[data-testid='damage-panel']", { timeout: 60000 });
      await page.click("[data-testid='damage-keep']");
      await page.waitForSelector("[data-testid='damage-panel']", { state: "detached", timeout: 60000 });
      assert.deepEqual(await recoveryCopies(page), [broken]);
      await waitForStored(page, (d) => d && !JSON.stringify(d).includes('"due":"2026/'), "luoshi.plan", 60000);
    }));

  test("in a conflict, either side can be kept with the other set aside", () =>
    withPage(async (page, context) => {
      const text = await openLarge(page);
      await page.waitForSelector("[data-testid='task-row']", { timeout: 60000 });
      const theirs = text.replace(`"title":"5000项任务的计划"`, `"title":"另一窗口改过的计划"`);
      // Another window of the same origin writes (a storage event only
      // reaches other windows); keeping this one's sets theirs aside.
      const writer = await context.newPage();
      await writer.goto(`${server.origin}/missing-page-for-storage-writes`);
      await writer.evaluate((t) => localStorage.setItem("luoshi.plan", t), theirs);
      await page.waitForSelector("[data-testid='external-change']", { timeout: 60000 });
      await page.click("[data-testid='external-keep']");
      await page.waitForSelector("[data-testid='external-change']", { state: "detached", timeout: 60000 });
      assert.equal(await page.locator("[data-testid='external-error']").count(), 0);
      assert.deepEqual(await recoveryCopies(page), [theirs]);
      await waitForStored(page, (d) => d?.plan.title === "5000项任务的计划", "luoshi.plan", 60000);
      // And again, loading theirs: this tab's plan is set aside.
      await writer.evaluate((t) => localStorage.setItem("luoshi.plan", t), theirs);
      await page.waitForSelector("[data-testid='external-change']", { timeout: 60000 });
      await page.click("[data-testid='external-load']");
      await page.waitForSelector("[data-testid='external-change']", { state: "detached", timeout: 60000 });
      await page.waitForSelector("[data-testid='plan-title']:has-text('另一窗口改过的计划')");
      const copies = await recoveryCopies(page);
      assert.equal(copies.length, 2);
      assert.equal(JSON.parse(copies[1]).plan.tasks.length, 5000);
      await writer.close();
    }));
});

describe("navigation and dates", () => {
  test("the data page shows the storage meter and exports the plan", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      await page.click("[data-testid='nav-data']");
      await page.waitForSelector("[data-testid='data-page']");
      assert.match(await testIdText(page, "storage-meter"), /已使用约 \d+\.\d%/);
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid='export-plan']")]);
      const envelope = JSON.parse(await readFile(await download.path(), "utf8"));
      assert.equal(envelope.format, "luoshi/plan");
      assert.ok(envelope.plan.tasks.length >= 40);
      await page.click("[data-testid='nav-ledger']");
      await page.waitForSelector("[data-testid='ledger']");
    }));

  test("without ?today= the sample offers its mid-year view", () =>
    withPage(async (page) => {
      await page.goto(`${server.origin}/`);
      await appReady(page);
      assert.match(await testIdText(page, "today"), /^今天 /);
      await page.click("[data-testid='sample-mid-year']");
      await page.waitForSelector("[data-testid='today']:has-text('模拟日期')");
      assert.match(await testIdText(page, "today"), /^模拟日期 \d{4}-06-30$/);
      assert.equal(await page.locator("[data-testid='sample-mid-year']").count(), 0);
    }));

  test("a malformed ?today= is explained and today's date is used", () =>
    withPage(async (page) => {
      await page.goto(`${server.origin}/?today=2026-6-31`);
      await appReady(page);
      assert.match(await testIdText(page, "today-problem"), /2026-6-31.*格式不正确/);
      assert.match(await testIdText(page, "today"), /^今天 \d{4}-\d{2}-\d{2}$/);
    }));
});

describe("crash", () => {
  test("a real panic shows the Chinese crash screen with the stored data to download", () =>
    withPage(
      async (page) => {
        await page.goto(at());
        await appReady(page);
        await page.waitForFunction(() => localStorage.getItem("luoshi.plan") !== null);
        const stored = await storedText(page);
        await page.evaluate(() => window.wasmBindings.luoshiCrashSelfTest()).catch(() => {});
        await page.waitForSelector("[data-testid='crash-screen']");
        assert.match(await testIdText(page, "crash-screen"), /落实遇到内部错误.*最近一次成功保存的数据/s);
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.click("[data-testid='crash-download']"),
        ]);
        assert.equal(await readFile(await download.path(), "utf8"), stored);
      },
      { tolerate: (p) => p.startsWith("console error: panicked at") },
    ));
});

describe("single file", () => {
  test("works from file:// with storage, and loads nothing else", () =>
    withPage(
      async (page) => {
        const url = pathToFileURL(join(DIST, "luoshi.html")).href;
        await page.goto(`${url}?today=${MID_YEAR}`);
        await appReady(page);
        assert.ok((await page.locator("[data-testid='task-row']").count()) >= 40);
        await clickConfirmed(page, "start-empty");
        await page.waitForSelector("[data-testid='ledger-empty']");
        await page.reload();
        await appReady(page);
        await page.waitForSelector("[data-testid='ledger-empty']");
      },
      { allowed: (u) => u.startsWith(pathToFileURL(join(DIST, "luoshi.html")).href) },
    ));

  test("is under 3 MB, and a browser without DecompressionStream (Firefox before 113) unpacks its wasm with the inlined inflate", () =>
    withPage(
      async (page) => {
        const file = join(DIST, "luoshi.html");
        const size = statSync(file).size;
        assert.ok(size <= 3 * 1024 * 1024, `luoshi.html is ${size} bytes`);
        await page.addInitScript(() => {
          delete window.DecompressionStream;
        });
        await page.goto(`${pathToFileURL(file).href}?today=${MID_YEAR}`);
        await appReady(page);
        assert.equal(await page.evaluate(() => typeof DecompressionStream), "undefined");
        assert.ok((await page.locator("[data-testid='task-row']").count()) >= 40);
      },
      { allowed: (u) => u.startsWith(pathToFileURL(join(DIST, "luoshi.html")).href) },
    ));
});
