// End-to-end: sharing work through files. The office sends 区委组织部 its
// 填报包; the unit, in another browser profile, opens it, reports and edits;
// the office merges the returned file through the preview; bad files are
// refused with a message and change nothing. Like every e2e test, each one
// also asserts no console error and no request outside the page's origin.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFile } from "node:fs/promises";
import {
  appReady,
  clickConfirmed,
  largePlan,
  launchBrowser,
  MID_YEAR,
  serveDist,
  testIdText,
  watchedPage,
  unpackStored,
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

const at = (hash = "") => `${server.origin}/?today=${MID_YEAR}${hash}`;

/** A fresh profile (its own storage) with a watched page on the app. */
async function profile() {
  const context = await browser.newContext({ acceptDownloads: true });
  const { page, problems } = await watchedPage(context, (url) => url.startsWith(server.origin + "/"));
  await page.goto(at());
  await appReady(page);
  return { context, page, problems };
}

/** Clicks `testid` and returns the download as { name, buffer }. */
async function downloaded(page, testid) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid='${testid}']`)]);
  return { name: download.suggestedFilename(), buffer: await readFile(await download.path()) };
}

/** Chooses `file` ({ name, buffer }) in the data page's import. */
async function importFile(page, file) {
  await page.click("[data-testid='nav-data']");
  if (file.buffer.length > 40 * 1024 * 1024) {
    // Playwright hands large files over by path only.
    const path = join(mkdtempSync(join(tmpdir(), "luoshi-import-")), file.name);
    writeFileSync(path, file.buffer);
    return page.setInputFiles("[data-testid='import-file']", path);
  }
  await page.setInputFiles("[data-testid='import-file']", { name: file.name, mimeType: "application/json", buffer: file.buffer });
}

/** The stored text of the plan on screen. */
async function storedPlan(page) {
  await page.waitForFunction(() => {
    const list = JSON.parse(localStorage.getItem("luoshi.plans") ?? "null");
    const entry = list?.plans.find((p) => p.id === list.current);
    return entry && localStorage.getItem(entry.key) !== null;
  });
  return unpackStored(
    await page.evaluate(() => {
      const list = JSON.parse(localStorage.getItem("luoshi.plans"));
      const entry = list.plans.find((p) => p.id === list.current);
      return localStorage.getItem(entry.key);
    }),
  );
}

/** Waits until the stored text of the plan on screen satisfies `test`. */
async function untilStored(page, test, timeout = 30000) {
  const end = Date.now() + timeout;
  while (!test(await storedPlan(page))) {
    if (Date.now() > end) throw new Error(`stored plan never matched: ${test}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function reportOn(page, id, percent, text) {
  await page.goto(at(`#/ledger?edit=${id}`));
  await page.click("[data-testid='tab-progress']");
  await page.click("[data-testid='report-progress']");
  await page.fill("[data-testid='update-percent']", String(percent));
  await page.fill("[data-testid='update-progress']", text);
  await page.click("[data-testid='save-update']");
  await page.locator("[data-testid='update-entry']", { hasText: text }).waitFor();
}

async function retitle(page, id, title) {
  await page.goto(at(`#/ledger?edit=${id}`));
  await page.click("[data-testid='tab-details']");
  await page.fill("[data-testid='editor-title']", title);
  await page.click("[data-testid='save-task']");
  await page.waitForSelector(`[data-testid='task-row'][data-task-id='${id}']:has-text('${title}')`);
}

describe("the office ↔ unit round trip", () => {
  test("a package goes out, comes back with progress, merges with one conflict decided, and a second import changes nothing", async () => {
    const office = await profile();
    const unit = await profile();
    try {
      // The office sends 区委组织部 its package.
      await office.page.click("[data-testid='nav-data']");
      await office.page.selectOption("[data-testid='export-unit']", "u-zzb");
      const pkg = await downloaded(office.page, "export-package");
      assert.match(pkg.name, /^2026年区委工作要点（示例）-区委组织部-填报包-2026-06-30\.json$/);
      const sent = JSON.parse(pkg.buffer.toString("utf8"));
      assert.equal(sent.plan.package.unit, "u-zzb");

      // The unit opens it as a plan of its own.
      await importFile(unit.page, pkg);
      await unit.page.waitForSelector("[data-testid='import-other-plan']");
      await unit.page.click("[data-testid='import-as-new']");
      await unit.page.click("[data-testid='nav-ledger']");
      await appReady(unit.page);
      const rows = unit.page.locator("tr[data-testid='task-row']:not(.is-parent)");
      assert.equal(await rows.count(), sent.plan.tasks.filter((t) => !sent.plan.tasks.some((c) => c.parent === t.id)).length);
      // Two items still open (closed ones take no reports).
      const items = await rows.evaluateAll((rs) =>
        rs.filter((r) => ["red", "yellow", "green"].includes(r.querySelector("[data-testid='warning']").dataset.level)).map((r) => r.dataset.taskId),
      );
      assert.ok(items.length >= 2);
      const [a, b] = items;
      await reportOn(unit.page, a, 75, "组织部七月报送甲");
      await reportOn(unit.page, b, 40, "组织部七月报送乙");
      await retitle(unit.page, a, "组织部改的任务名称");
      await unit.page.click("[data-testid='nav-data']");
      const back = await downloaded(unit.page, "export-plan");
      assert.match(back.name, /-区委组织部-填报包-2026-06-30\.json$/, "returned as the unit's package");

      // Meanwhile the office renames the same task (and it is saved: a
      // save landing later would look like a change made by the preview).
      await retitle(office.page, a, "区委办改的任务名称");
      await untilStored(office.page, (t) => t.includes("区委办改的任务名称"));
      const before = await storedPlan(office.page);

      // The office imports the returned file: a preview, one conflict.
      await importFile(office.page, back);
      await office.page.waitForSelector("[data-testid='import-preview']");
      assert.match(await testIdText(office.page, "import-summary"), /更新任务 \d+ 项，新增进展 2 条；需要选择的冲突 1 处/);
      const conflict = office.page.locator("[data-testid='conflict']");
      assert.equal(await conflict.count(), 1);
      assert.match(await conflict.textContent(), /区委办改的任务名称.*组织部改的任务名称/);
      assert.equal(await storedPlan(office.page), before, "nothing changes before confirming");
      await conflict.locator("[data-testid='choose-theirs']").check();
      await office.page.click("[data-testid='import-confirm']");
      await office.page.waitForSelector("[data-testid='import-done']");
      assert.match(await testIdText(office.page, "undo"), /撤销：导入/);

      await office.page.click("[data-testid='nav-ledger']");
      await appReady(office.page);
      await office.page.waitForSelector(`[data-testid='task-row'][data-task-id='${a}']:has-text('组织部改的任务名称')`);
      await office.page.waitForFunction(() => document.querySelector("[data-testid='save-state']")?.dataset.state === "saved");
      await untilStored(office.page, (t) => t.includes("组织部七月报送乙"));
      const merged = JSON.parse(await storedPlan(office.page)).plan;
      const find = (id) => merged.tasks.find((t) => t.id === id);
      assert.ok(find(a).updates.some((u) => u.progress === "组织部七月报送甲"));
      assert.ok(find(b).updates.some((u) => u.progress === "组织部七月报送乙"));
      assert.ok(find(a).log.some((e) => e.what === "导入合并"));

      // The same file again: nothing to import.
      const after = await storedPlan(office.page);
      await importFile(office.page, back);
      await office.page.waitForSelector("[data-testid='import-nothing']");
      await office.page.click("[data-testid='import-cancel']");
      assert.equal(await storedPlan(office.page), after);

      // The plan as it was before the import was backed up, and restores.
      const backups = office.page.locator("[data-testid='backup-list'] [data-testid='recovery-copy']");
      assert.match(await backups.first().textContent(), /导入前备份/);
      await backups.first().locator("[data-testid='restore-backup']").click();
      await office.page.click("[data-testid='confirm-ok']");
      await office.page.click("[data-testid='nav-ledger']");
      await office.page.waitForSelector(`[data-testid='task-row'][data-task-id='${a}']:has-text('区委办改的任务名称')`);
      // Restoring is itself undoable.
      assert.match(await testIdText(office.page, "undo"), /撤销：恢复备份/);
      await office.page.click("[data-testid='undo']");
      await office.page.waitForSelector(`[data-testid='task-row'][data-task-id='${a}']:has-text('组织部改的任务名称')`);
    } finally {
      await office.context.close();
      await unit.context.close();
    }
    assert.deepEqual([...office.problems, ...unit.problems], [], "console errors or foreign requests");
  });
});

describe("backups made before imports", () => {
  test("the older of two import backups is kept as a difference and restores whole", async () => {
    const office = await profile();
    const page = office.page;
    try {
      await page.click("[data-testid='nav-data']");
      const file = await downloaded(page, "export-plan");
      const doc = JSON.parse(file.buffer.toString("utf8"));
      const parents = new Set(doc.plan.tasks.map((t) => t.parent).filter(Boolean));
      const item = doc.plan.tasks.find((t) => !parents.has(t.id) && t.status !== "done");
      for (const [i, words] of ["第一次导入的进展", "第二次导入的进展"].entries()) {
        const sent = structuredClone(doc);
        sent.plan.tasks.find((t) => t.id === item.id).updates.push(
          ...["第一次导入的进展", "第二次导入的进展"].slice(0, i + 1).map((w, k) => ({
            id: `e2eimport${k}`,
            date: "2026-06-2" + k,
            percent: 30 + k * 10,
            progress: w,
            problems: "",
            next_steps: "",
            by: "区委办",
          })),
        );
        await importFile(page, { name: `导入${i + 1}.json`, buffer: Buffer.from(JSON.stringify(sent)) });
        await page.waitForSelector("[data-testid='import-preview']");
        await page.click("[data-testid='import-confirm']");
        await page.waitForSelector("[data-testid='import-done']");
        await untilStored(page, (t) => t.includes(words));
      }
      // Two backups: the newer whole, the older a difference against it.
      const heads = await page.evaluate(() =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith("luoshi.recovered."))
          .sort()
          .map((k) => localStorage.getItem(k).slice(0, 15)),
      );
      assert.equal(heads.length, 2);
      assert.equal(heads[0], "luoshi-delta-1\n", "the older backup is a difference");
      assert.match(heads[1], /^luoshi-zlib-1:/, "the newer is whole");

      // The older (listed last: newest first) restores the plan as it was
      // before the first import.
      await page.click("[data-testid='nav-data']");
      const backups = page.locator("[data-testid='backup-list'] [data-testid='recovery-copy']");
      await backups.last().locator("[data-testid='restore-backup']").click();
      await page.click("[data-testid='confirm-ok']");
      await untilStored(page, (t) => !t.includes("第一次导入的进展"));
      const restored = JSON.parse(await storedPlan(page)).plan;
      assert.deepEqual(
        restored.tasks.find((t) => t.id === item.id).updates.map((u) => u.id),
        item.updates.map((u) => u.id),
      );
    } finally {
      await office.context.close();
    }
    assert.deepEqual(office.problems, [], "console errors or foreign requests");
  });
});

describe("a preview belongs to the plan it was read against", () => {
  test("a plan changed while the preview is open is previewed again before anything is merged; a plan switch ends the preview", async () => {
    const office = await profile();
    const page = office.page;
    try {
      const doc = JSON.parse(await storedPlan(page));
      const parents = new Set(doc.plan.tasks.map((t) => t.parent).filter(Boolean));
      const [x, y] = doc.plan.tasks.filter((t) => !parents.has(t.id)).map((t) => t.id);
      const yTitle = doc.plan.tasks.find((t) => t.id === y).title;
      // An edit to undo while the preview is open.
      await retitle(page, y, "先改的名称");
      await untilStored(page, (t) => t.includes("先改的名称"));
      const file = JSON.parse(await storedPlan(page));
      // Changed in the file after anything here (a whole-plan file has no
      // base: the side changed last is taken by default).
      Object.assign(file.plan.tasks.find((t) => t.id === x), { title: "文件中的名称", updated_at: "2099-01-01T00:00:00Z" });
      const buffer = Buffer.from(JSON.stringify(file));
      await importFile(page, { name: "改过的计划.json", buffer });
      await page.waitForSelector("[data-testid='import-summary']");
      // The plan changes under the open preview: the earlier edit is undone.
      await page.click("[data-testid='undo']");
      await page.click("[data-testid='import-confirm']");
      await page.waitForSelector("[data-testid='import-refreshed']");
      assert.ok(!(await storedPlan(page)).includes("文件中的名称"), "nothing merged yet");
      // Confirmed again, as now shown: the file's change comes in, and the
      // undone title is not put back from the file (the undo is newer).
      await page.click("[data-testid='import-confirm']");
      await page.waitForSelector("[data-testid='import-done']");
      await untilStored(page, (t) => t.includes("文件中的名称"));
      const merged = JSON.parse(await storedPlan(page)).plan;
      assert.equal(merged.tasks.find((t) => t.id === y).title, yTitle);

      // A preview open while another plan is opened is void.
      await importFile(page, { name: "改过的计划.json", buffer });
      await page.waitForSelector("[data-testid='import-preview']");
      await page.click("[data-testid='plan-actions']");
      await page.click("[data-testid='new-plan']");
      await page.waitForSelector("[data-testid='import-error']");
      assert.match(await testIdText(page, "import-error"), /计划已切换.*预览已作废/);
      assert.equal(await page.locator("[data-testid='import-confirm']").count(), 0);
    } finally {
      await office.context.close();
    }
    assert.deepEqual(office.problems, [], "console errors or foreign requests");
  });
});

describe("bad files", () => {
  const sample = async (page) => JSON.parse(await storedPlan(page));
  // Small cases are fixture files (tests/fixtures/import/); the huge ones
  // are made here rather than kept in the repository.
  const fixture = (name) => () => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));
  const cases = [
    ["not JSON", "计划.json", fixture("not_json.json"), /不是有效的 JSON/],
    ["empty", "空.json", fixture("empty.json"), /是空的/],
    ["a JSON array", "数组.json", fixture("array.json"), /最外层应为对象/],
    ["null", "null.json", fixture("null.json"), /最外层应为对象/],
    ["deeply nested", "深.json", () => Buffer.from("[".repeat(100000) + "]".repeat(100000)), /不是有效的 JSON|无法导入/],
    ["a spreadsheet renamed", "台账.json", fixture("spreadsheet.json"), /Excel 表格或压缩文件/],
    ["a 50 MB string", "大.json", () => Buffer.concat([Buffer.from('{"format":"luoshi/plan","version":3,"plan":{"title":"'), Buffer.alloc(50 * 1024 * 1024, 0x61), Buffer.from('"}}')]), /超过 20\.0 MB 的上限/],
    ["from a newer Luoshi", "新版.json", fixture("newer.json"), /较新版本.*版本 99/],
    ["not a Luoshi file", "别的.json", fixture("not_luoshi.json"), /不是落实的工作计划文件/],
  ];
  for (const [what, name, bytes, message] of cases) {
    test(`${what}: a clear message, nothing changed`, async () => {
      const { context, page, problems } = await profile();
      try {
        await page.click("[data-testid='nav-data']");
        const before = await storedPlan(page);
        await importFile(page, { name, buffer: bytes() });
        await page.waitForSelector("[data-testid='import-error']");
        const text = await testIdText(page, "import-error");
        assert.match(text, message);
        assert.match(text, new RegExp(name.replace(".", "\\.")));
        assert.equal(await storedPlan(page), before);
      } finally {
        await context.close();
      }
      assert.deepEqual(problems, []);
    });
  }

  test("a file with one bad task lists the problem by path and imports the rest", async () => {
    const { context, page, problems } = await profile();
    try {
      const plan = await sample(page);
      plan.plan.tasks[3].title = "改过的名称";
      plan.plan.tasks[3].updated_at = "2099-01-01T00:00:00Z";
      plan.plan.tasks[5].due = "2022/13/01";
      plan.plan.tasks.push({ id: "new-task", title: "<b>新任务</b>", parent: plan.plan.tasks[0].id });
      await importFile(page, { name: "一处错误.json", buffer: Buffer.from(JSON.stringify(plan)) });
      await page.waitForSelector("[data-testid='import-preview']");
      const problem = await testIdText(page, "import-problem");
      assert.match(problem, /plan\.tasks\[5\]\.due：.*2022\/13\/01/);
      // Text from files is text, never HTML.
      assert.equal(await page.locator("[data-testid='import-new-task']").textContent(), "<b>新任务</b>");
      assert.equal(await page.locator("[data-testid='import-preview'] b").count(), 0);
      await page.click("[data-testid='import-confirm']");
      await page.waitForSelector("[data-testid='import-done']");
      await untilStored(page, (t) => t.includes('"id":"new-task"'));
      const after = JSON.parse(await storedPlan(page)).plan;
      assert.ok(after.tasks.some((t) => t.id === "new-task"));
      assert.equal(after.tasks.find((t) => t.title === "改过的名称")?.title, "改过的名称", "changed last in the file: taken by default");
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, []);
  });

  test("duplicate ids, a dangling parent, a number out of range and a bad date are each named in the preview; cancelling changes nothing", async () => {
    const { context, page, problems } = await profile();
    try {
      const before = await storedPlan(page);
      await importFile(page, { name: "有问题.json", buffer: readFileSync(new URL("../fixtures/import/problems.json", import.meta.url)) });
      await page.waitForSelector("[data-testid='import-preview']");
      const listed = (await page.locator("[data-testid='import-problem']").allTextContents()).join("\n");
      assert.match(listed, /plan\.tasks\[1\]\.id：.*重复/);
      assert.match(listed, /plan\.tasks\[2\]\.parent：/);
      assert.match(listed, /plan\.tasks\[3\]\.updates\[0\]\.percent：.*150/);
      assert.match(listed, /plan\.tasks\[4\]\.due：.*2022\/13\/01/);
      await page.click("[data-testid='import-cancel']");
      assert.equal(await storedPlan(page), before);
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, []);
  });

  test("a large file is read and checked with the page usable, and 取消 while it is worked on drops it", async () => {
    const { context, page, problems } = await profile();
    try {
      const before = await storedPlan(page);
      const big = largePlan(JSON.parse(before), 3000);
      big.plan.id = "another-large-plan";
      const buffer = Buffer.from(JSON.stringify(big));
      await importFile(page, { name: "大计划.json", buffer });
      // Reading and the worker's check show what is going on, with 取消.
      await page.click("[data-testid='import-cancel-reading']");
      await page.waitForSelector("[data-testid='import-cancel-reading']", { state: "detached" });
      // Whatever the worker finds later is dropped: no preview comes.
      await page.waitForTimeout(4000);
      assert.equal(await page.locator("[data-testid='import-preview']").count(), 0);
      assert.equal(await page.locator("[data-testid='import-error']").count(), 0);
      assert.equal(await storedPlan(page), before);
      // The same file chosen again is read to its preview.
      await importFile(page, { name: "大计划.json", buffer });
      await page.waitForSelector("[data-testid='import-other-plan']", { timeout: 60000 });
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, []);
  });

  test("a file dropped on the page goes through the same preview, and cancelling changes nothing", async () => {
    const { context, page, problems } = await profile();
    try {
      const before = await storedPlan(page);
      const text = JSON.stringify({ format: "luoshi/plan", version: 3, plan: { id: "other-plan", title: "别的计划", year: 2026, tasks: [{ id: "x", title: "一项任务" }] } });
      const transfer = await page.evaluateHandle((t) => {
        const dt = new DataTransfer();
        dt.items.add(new File([t], "拖入.json", { type: "application/json" }));
        return dt;
      }, text);
      await page.dispatchEvent("main", "drop", { dataTransfer: transfer });
      await page.waitForSelector("[data-testid='import-other-plan']");
      await page.click("[data-testid='import-cancel']");
      await page.waitForSelector("[data-testid='import-preview']", { state: "detached" });
      assert.equal(await storedPlan(page), before);
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, []);
  });
});

describe("defence in depth", () => {
  test("both built pages carry a Content-Security-Policy that forbids remote sources and inline handlers, and still start without evaluating text", async () => {
    const { DIST } = await import("./harness.mjs");
    for (const name of ["index.html", "luoshi.html"]) {
      const html = await readFile(`${DIST}/${name}`, "utf8");
      const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
      assert.ok(policy, `${name} has a policy`);
      const script = policy.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"));
      assert.match(script, /'sha256-[A-Za-z0-9+/=]+'/, `${name}: its inline script allowed by hash`);
      assert.doesNotMatch(script, /'unsafe-inline'|https?:|\*/, `${name}: ${script}`);
      // 'unsafe-eval' is there only because Chromium before 97 compiles
      // wasm under nothing else (scripts/single-file.mjs); the app itself
      // never evaluates text, which the start below checks.
      assert.match(script, /'wasm-unsafe-eval' 'unsafe-eval'/, `${name}: ${script}`);
      assert.match(policy, /object-src 'none'/);
      assert.match(policy, /default-src '(self|none)'/);
    }
    // Started under the policy, with no violation in the console (a
    // violation is a console error, which every test here refuses).
    const { context, page, problems } = await profile();
    try {
      const violations = [];
      page.on("console", (m) => /Content Security Policy/.test(m.text()) && violations.push(m.text()));
      // Any eval or new Function while starting is noted on <html> (read
      // back through the DOM: Playwright's own page.evaluate uses eval).
      await page.addInitScript(() => {
        const seen = [];
        const note = (what) => {
          seen.push(what);
          document.documentElement.setAttribute("data-evaluated", JSON.stringify(seen));
        };
        const original = window.eval;
        window.eval = (text) => (note(`eval: ${String(text).slice(0, 60)}`), original(text));
        const F = window.Function;
        window.Function = function (...args) {
          note(`Function: ${args.join(",").slice(0, 60)}`);
          return F(...args);
        };
      });
      await page.reload();
      await page.waitForSelector("[data-testid='task-row']");
      assert.equal(await page.getAttribute("html", "data-evaluated"), null, "nothing evaluated from text while starting");
      await appReady(page);
      assert.deepEqual(violations, []);
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, []);
  });
});
