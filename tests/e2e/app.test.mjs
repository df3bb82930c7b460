// End-to-end: the release build in Debian's headless Chromium, as a user
// meets it. Every test also asserts that the page logged no console error
// and made no request outside its own origin.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { appReady, DIST, launchBrowser, MID_YEAR, serveDist, testIdText, watchedPage } from "./harness.mjs";

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
      assert.deepEqual(levels, ["done-late", "done-on-time", "green", "red", "yellow"]);
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
      const stored = await page.evaluate(() => localStorage.getItem("luoshi.plan"));
      const envelope = JSON.parse(stored);
      assert.equal(envelope.format, "luoshi/plan");
      assert.equal(envelope.version, 1);
      assert.ok(envelope.plan.tasks.length >= 40);
      await page.reload();
      await appReady(page);
      assert.match(await testIdText(page, "plan-title"), /示例/);
    }));
});

describe("empty plan", () => {
  test("chosen from the sample notice, survives a reload", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      await page.click("[data-testid='start-empty']");
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
      const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("luoshi.plan")));
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
      assert.deepEqual(kept, [raw], "raw text set aside before saving the repaired plan");
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

describe("saving", () => {
  test("with storage too full to keep a backup, damaged data is replaced only after download and confirmation", () =>
    withPage(async (page) => {
      page.on("dialog", (d) => d.accept());
      await page.goto(at());
      await appReady(page);
      const raw = '{"format":"luoshi/plan","version":1,"plan":{"tasks":[{"id":"t1"}],"filler":"' + "x".repeat(3000000) + '"}}';
      await page.evaluate((r) => {
        localStorage.clear();
        localStorage.setItem("luoshi.plan", r);
      }, raw);
      await page.reload();
      await page.waitForSelector("[data-testid='damage-panel']");
      await page.click("[data-testid='damage-empty']");
      await page.waitForSelector("[data-testid='damage-error']");
      assert.match(await testIdText(page, "damage-error"), /存储空间已满.*下载原始数据/);
      assert.equal(await page.locator("[data-testid='damage-replace-downloaded']").count(), 0, "only after a download");
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid='damage-download']")]);
      assert.equal((await readFile(await download.path(), "utf8")).length, raw.length);
      await page.click("[data-testid='damage-replace-downloaded']");
      await page.waitForSelector("[data-testid='damage-panel']", { state: "detached" });
      await page.waitForSelector("[data-testid='ledger-empty']");
      // Saving runs just after the screen updates.
      await page.waitForFunction(() => localStorage.getItem("luoshi.plan").length < 100000);
      const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("luoshi.plan")));
      assert.equal(stored.plan.tasks.length, 0);
    }));

  test("a full storage quota is shown and the change stays on screen", () =>
    withPage(async (page) => {
      await page.goto(at());
      await appReady(page);
      // Store a small (empty) plan, then fill the rest of the origin's quota.
      await page.click("[data-testid='start-empty']");
      await page.waitForSelector("[data-testid='ledger-empty']");
      await page.evaluate(() => {
        const chunk = "x".repeat(256 * 1024);
        for (let i = 0; i < 200; i++) {
          try {
            localStorage.setItem(`filler.${i}`, chunk);
          } catch {
            let size = chunk.length;
            while (size > 16) {
              size = Math.floor(size / 2);
              try {
                localStorage.setItem(`filler.${i}.${size}`, "x".repeat(size));
              } catch {}
            }
            return;
          }
        }
      });
      // The sample is far larger than the empty plan it replaces.
      await page.click("[data-testid='load-sample']");
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
      await page.waitForTimeout(300);
      assert.equal(await page.locator("[data-testid='external-change']").count(), 0);
      await other.click("[data-testid='start-empty']");
      // The banner here means the other tab has saved.
      await page.waitForSelector("[data-testid='external-change']");
      const theirs = await other.evaluate(() => localStorage.getItem("luoshi.plan"));
      assert.equal(await page.evaluate(() => localStorage.getItem("luoshi.plan")), theirs);
      await page.click("[data-testid='external-load']");
      await page.waitForSelector("[data-testid='ledger-empty']");
      assert.equal(await page.locator("[data-testid='external-change']").count(), 0);
      // This tab's plan (the sample) was copied aside before being replaced.
      const copies = await page.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.startsWith("luoshi.recovered.")).map((k) => JSON.parse(localStorage.getItem(k)).plan.sample),
      );
      assert.deepEqual(copies, [true]);
      await other.close();
    }));

  test("a change made here while paused is not saved over the other tab's data", () =>
    withPage(async (page, context) => {
      await page.goto(at());
      await appReady(page);
      const other = await secondTab(context);
      await other.click("[data-testid='start-empty']");
      await other.click("[data-testid='load-sample']");
      await other.click("[data-testid='start-empty']");
      // The banner here means the other tab has saved.
      await page.waitForSelector("[data-testid='external-change']");
      const theirs = await other.evaluate(() => localStorage.getItem("luoshi.plan"));
      await page.click("[data-testid='start-empty']");
      await page.waitForSelector("[data-testid='ledger-empty']");
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => localStorage.getItem("luoshi.plan")), theirs);
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
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => localStorage.getItem("luoshi.plan")), newer);
      await other.close();
    }));

  test("a damage panel resolved in another tab closes when its data is loaded", () =>
    withPage(async (page, context) => {
      await page.goto(at());
      await appReady(page);
      await page.waitForFunction(() => localStorage.getItem("luoshi.plan") !== null);
      const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("luoshi.plan")));
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
      const written = await other.evaluate(() => localStorage.getItem("luoshi.plan"));
      await page.click("[data-testid='external-load']");
      await page.waitForSelector("[data-testid='damage-panel']", { state: "detached" });
      assert.equal(await page.evaluate(() => localStorage.getItem("luoshi.plan")), written);
      await other.close();
    }));

  test("keeping this tab's plan sets the other tab's data aside first", () =>
    withPage(async (page, context) => {
      await page.goto(at());
      await appReady(page);
      const other = await secondTab(context);
      await other.click("[data-testid='start-empty']");
      // The banner here means the other tab has saved.
      await page.waitForSelector("[data-testid='external-change']");
      const theirs = await other.evaluate(() => localStorage.getItem("luoshi.plan"));
      await page.click("[data-testid='external-keep']");
      await page.waitForSelector("[data-testid='external-change']", { state: "detached" });
      const state = await page.evaluate(() => ({
        plan: JSON.parse(localStorage.getItem("luoshi.plan")).plan,
        copies: Object.keys(localStorage).filter((k) => k.startsWith("luoshi.recovered.")).map((k) => localStorage.getItem(k)),
      }));
      assert.ok(state.plan.sample, "this tab's sample plan was written");
      assert.deepEqual(state.copies, [theirs]);
      await other.close();
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
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid='export-json']")]);
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
        const stored = await page.evaluate(() => localStorage.getItem("luoshi.plan"));
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
        await page.click("[data-testid='start-empty']");
        await page.waitForSelector("[data-testid='ledger-empty']");
        await page.reload();
        await appReady(page);
        await page.waitForSelector("[data-testid='ledger-empty']");
      },
      { allowed: (u) => u.startsWith(pathToFileURL(join(DIST, "luoshi.html")).href) },
    ));
});
