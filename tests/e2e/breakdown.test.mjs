// End-to-end: 从工作要点生成计划 (issue 20). The 工作要点 pasted, read in
// the worker, previewed as areas, 要点 and work items; one item corrected
// in the preview; confirmed as a new plan, seen in the ledger and undone;
// the same document as a .docx (made by LibreOffice from the text) and
// added to the plan on screen; an old .doc refused with what to do; the
// seed speech (not a 要点 list) refused without inventing tasks. Every test
// asserts no console error and no request outside the page's origin.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MID_YEAR, ROOT, appReady, browserSuite, screenshot, testIdText } from "./harness.mjs";

const suite = browserSuite();
const withPage = suite.withPage;
const at = (hash = "") => `${suite.origin()}/?today=${MID_YEAR}${hash}`;
const sel = (id) => `[data-testid='${id}']`;
const FIXTURE = join(ROOT, "tests/fixtures/breakdown/bracketed-2023.txt");
const TEXT = readFileSync(FIXTURE, "utf8");

/** The breakdown page, opened from the data page's button. */
async function openBreakdown(page) {
  await page.goto(at());
  await appReady(page);
  await page.click(sel("nav-data"));
  await page.click(sel("breakdown-open"));
  await page.waitForSelector(sel("breakdown-text"));
}

/** The proposed entries as "level title" lines. */
async function entries(page) {
  return page.$$eval("[data-testid='breakdown-item']", (els) =>
    els.map((e) => `${e.dataset.level} ${e.querySelector(".breakdown-title").textContent}`),
  );
}

/** The row of the ledger naming `title`, and its text. */
async function rowText(page, title) {
  const row = page.locator(sel("task-row"), { hasText: title }).first();
  await row.waitFor();
  return row.textContent();
}

test("pasted text: preview, one item corrected, a new plan in the ledger, undone", () =>
  withPage(async (page) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await openBreakdown(page);
    await page.fill(sel("breakdown-text"), TEXT);
    await page.click(sel("breakdown-read"));
    await page.waitForSelector(sel("breakdown-preview"));
    assert.deepEqual(await entries(page), [
      "area 党的建设",
      "group 加强党的政治建设",
      "item 深入学习宣传贯彻党的二十大精神",
      "item 严格执行重大事项请示报告制度",
      "group 加强基层党组织建设",
      "item 开展软弱涣散基层党组织整顿",
      "item 落实“三会一课”制度",
      "area 宣传思想文化",
      "group 巩固壮大主流舆论",
      "item 办好区融媒体中心",
      "item 加强网络意识形态阵地管理",
    ]);
    assert.equal(await page.inputValue(sel("breakdown-title")), "中共××区委2023年工作要点");
    assert.equal(await page.inputValue(sel("breakdown-year")), "2023");
    assert.match(await testIdText(page, "breakdown-summary"), /将新建 2 个领域、3 个要点、6 项工作事项、6 个新单位；1 项缺少牵头单位或完成时限/);
    // The item without a deadline is marked, and says so.
    const last = page.locator(sel("breakdown-item"), { hasText: "加强网络意识形态阵地管理" });
    assert.equal(await last.getAttribute("data-marked"), "true");
    assert.match(await last.textContent(), /未写完成时限/);
    await screenshot(page, "breakdown-preview", { fullPage: true });

    // Words no one can read are said, and the item stays marked.
    await last.locator(sel("breakdown-edit")).click();
    await page.fill(sel("breakdown-edit-deadline"), "尽快");
    await page.click(sel("breakdown-edit-save"));
    assert.match(await testIdText(page, "breakdown-edit-error"), /看不懂完成时限“尽快”/);
    // Corrected: a deadline and a leader.
    await page.fill(sel("breakdown-edit-deadline"), "10月底前");
    await page.fill(sel("breakdown-edit-leader"), "李华");
    await page.click(sel("breakdown-edit-save"));
    await page.waitForSelector(sel("breakdown-form"), { state: "detached" });
    const fixed = page.locator(sel("breakdown-item"), { hasText: "加强网络意识形态阵地管理" });
    assert.equal(await fixed.getAttribute("data-marked"), "false");
    assert.match(await fixed.textContent(), /完成时限：10月底前（2023-10-31）/);
    assert.match(await fixed.textContent(), /责任领导：李华/);
    assert.doesNotMatch(await testIdText(page, "breakdown-summary"), /缺少/);

    await page.click(sel("breakdown-confirm"));
    await page.waitForSelector(sel("ledger"));
    assert.match(await page.locator(`${sel("plan-switcher")} option:checked`).textContent(), /中共××区委2023年工作要点/);
    assert.match(await rowText(page, "加强网络意识形态阵地管理"), /2023-10-31/);
    assert.match(await rowText(page, "深入学习宣传贯彻党的二十大精神"), /区委组织部/);
    assert.match(await rowText(page, "深入学习宣传贯彻党的二十大精神"), /2023-03-31/);
    assert.equal(await testIdText(page, "count-total").then((t) => t.match(/\d+/)?.[0]), "6");
    await screenshot(page, "breakdown-ledger");

    // One step, undone as one: the sample is shown again.
    await page.click(sel("undo"));
    await page.waitForFunction(() => !document.querySelector("[data-testid='plan-switcher'] option:checked")?.textContent.includes("2023"));
    const titles = await page.$$eval("[data-testid='plan-switcher'] option", (os) => os.map((o) => o.textContent));
    assert.ok(!titles.some((t) => t.includes("中共××区委2023年工作要点")), titles.join(" / "));
  }));

test("a .docx file is read in the worker and added to the plan on screen", () =>
  withPage(async (page) => {
    // The document as Word would hold it: LibreOffice writes the .docx.
    const dir = mkdtempSync(join(tmpdir(), "luoshi-docx-"));
    const txt = join(dir, "工作要点.txt");
    copyFileSync(FIXTURE, txt);
    execFileSync("soffice", ["--headless", "--norestore", "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "docx:MS Word 2007 XML", "--outdir", dir, txt], {
      stdio: "ignore",
      timeout: 120000,
    });
    const docx = readdirSync(dir).find((f) => f.endsWith(".docx"));
    assert.ok(docx, "LibreOffice wrote the .docx");

    await openBreakdown(page);
    await page.setInputFiles(sel("breakdown-file"), join(dir, docx));
    await page.waitForSelector(sel("breakdown-preview"));
    assert.equal((await entries(page)).length, 11);
    assert.equal(await page.inputValue(sel("breakdown-year")), "2023");
    const before = Number((await testIdText(page, "breakdown-summary")).match(/(\d+) 项工作事项/)[1]);
    assert.equal(before, 6);

    // Added to the sample on screen, as one undoable edit.
    await page.check(sel("breakdown-target-current"));
    await page.click(sel("breakdown-confirm"));
    await page.waitForSelector(sel("ledger"));
    assert.match(await rowText(page, "办好区融媒体中心"), /2023-09-30/);
    assert.match(await testIdText(page, "undo"), /从工作要点添加任务/);
    await page.click(sel("undo"));
    await page.waitForFunction(() => ![...document.querySelectorAll("[data-testid='task-row']")].some((r) => r.textContent.includes("办好区融媒体中心")));
  }));

test("an old .doc is refused with what to do, and the seed speech proposes nothing", () =>
  withPage(async (page) => {
    await openBreakdown(page);
    // An OLE compound file, as Word 97–2003 and WPS write.
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    await page.setInputFiles(sel("breakdown-file"), { name: "2026年工作要点.doc", mimeType: "application/msword", buffer: ole });
    assert.match(await testIdText(page, "breakdown-error"), /另存为/);
    assert.equal(await page.locator(sel("breakdown-preview")).count(), 0);
    // The same bytes under a .docx name: the worker tells them apart.
    await page.setInputFiles(sel("breakdown-file"), { name: "要点.docx", mimeType: "application/octet-stream", buffer: ole });
    await page.waitForFunction(() => /另存为/.test(document.querySelector("[data-testid='breakdown-error']")?.textContent ?? "") && !document.querySelector("[data-testid='breakdown-status']"));

    const speech = readFileSync(join(ROOT, "tests/fixtures/text/speech-2022-district-committee.txt"), "utf8");
    await page.fill(sel("breakdown-text"), speech);
    await page.click(sel("breakdown-read"));
    await page.waitForFunction(() => /没有找到编号的工作事项/.test(document.querySelector("[data-testid='breakdown-error']")?.textContent ?? ""));
    assert.equal(await page.locator(sel("breakdown-preview")).count(), 0);
    await screenshot(page, "breakdown-refused");
  }));

test("a 200-page document: read in the worker, shown a page at a time, marked items found", () =>
  withPage(async (page) => {
    // 5,000 items under 50 areas, every tenth without a deadline.
    const lines = ["中共××区委2026年工作要点"];
    for (let a = 1; a <= 50; a++) {
      lines.push(`${"一二三四五六七八九十"[(a - 1) % 10]}、领域${a}`);
      for (let i = 1; i <= 100; i++) {
        const n = (a - 1) * 100 + i;
        lines.push(`${i}. 第${n}项工作，完成${n}件。（牵头单位：区单位${n % 40}局${n % 10 === 0 ? "" : "；完成时限：9月底前"}）`);
      }
    }
    await openBreakdown(page);
    await page.evaluate((text) => {
      const box = document.querySelector("[data-testid='breakdown-text']");
      box.value = text;
      box.dispatchEvent(new Event("input", { bubbles: true }));
    }, lines.join("\n"));
    await page.click(sel("breakdown-read"));
    await page.waitForSelector(sel("breakdown-preview"), { timeout: 60000 });
    assert.match(await testIdText(page, "breakdown-summary"), /50 个领域、0 个要点、5000 项工作事项、40 个新单位；500 项缺少/);
    assert.equal(await page.locator(sel("breakdown-item")).count(), 200);
    assert.match(await testIdText(page, "breakdown-pager"), /第 1–200 条，共 5050 条/);
    await page.locator(sel("breakdown-next-page")).first().click();
    assert.match(await testIdText(page, "breakdown-pager"), /第 201–400 条/);
    await page.check(sel("breakdown-marked-only"));
    assert.match(await testIdText(page, "breakdown-pager"), /第 1–200 条，共 500 条/);
    const marked = await page.$$eval("[data-testid='breakdown-item']", (els) => els.every((e) => e.dataset.marked === "true"));
    assert.ok(marked);
  }));
