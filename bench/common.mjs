// Shared pieces of the browser benchmark (bench/run.mjs) and its profiling
// helper (bench/profile.mjs): a static server on loopback that serves the
// release build and, from the same origin, the plain-JS reference page;
// Debian's Chromium with the end-to-end tests' flags; a probe installed in
// every page before its own scripts run; the stored plans of 1,000 and
// 5,000 tasks; and the in-page measurements.
//
// Kept apart from tests/e2e/harness.mjs (copied, not imported) so changes to
// the tests never change what the benchmark measures.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { inflateSync } from "node:zlib";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const DIST = process.env.LUOSHI_BENCH_DIST || join(ROOT, "target", "bench-dist");
export const TODAY = "2026-06-30";
export const APP_PATH = `/?today=${TODAY}`;
export const REF_PATH = `/bench-reference.html?today=${TODAY}`;
/** Issue 9's references: the plain-JS dashboard and Frappe Gantt. */
export const DASH_REF_PATH = `/bench-dashboard-reference.html?today=${TODAY}`;
export const FRAPPE_PATH = `/bench-frappe-gantt.html?today=${TODAY}`;
/** What a painted dashboard holds (both the app's and the reference's):
 *  the headline cards, the donut's segments and the unit ranking's marks. */
export const DASH_WATCH = [
  "[data-testid='dashboard-counts'] [data-testid='chart-mark']",
  "[data-testid='donut'] [data-testid='chart-mark']",
  "[data-testid='unit-ranking'] [data-testid='chart-mark']",
];
const FRAPPE_DIST = join(ROOT, "node_modules", "frappe-gantt", "dist");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
};

/** Serves DIST on 127.0.0.1, plus /bench-reference.html (bench/reference.html),
 *  /bench-dashboard-reference.html (bench/dashboard-reference.html),
 *  /bench-frappe-gantt.html (bench/frappe-gantt.html) with Frappe Gantt's
 *  dist files under /bench-frappe/ (from node_modules/frappe-gantt), and
 *  /bench-blank.html (an empty page for storage set-up). No cache
 *  headers, as tests/e2e/harness.mjs: every load fetches every file. */
export async function serve() {
  const extra = {
    "/bench-reference.html": () => readFile(join(ROOT, "bench", "reference.html")),
    "/bench-dashboard-reference.html": () => readFile(join(ROOT, "bench", "dashboard-reference.html")),
    "/bench-frappe-gantt.html": () => readFile(join(ROOT, "bench", "frappe-gantt.html")),
    "/bench-frappe/frappe-gantt.umd.js": () => readFile(join(FRAPPE_DIST, "frappe-gantt.umd.js")),
    "/bench-frappe/frappe-gantt.css": () => readFile(join(FRAPPE_DIST, "frappe-gantt.css")),
    "/bench-blank.html": async () => Buffer.from('<!doctype html><title>blank</title><link rel="icon" href="data:,">'),
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const rel = normalize(path === "/" ? "/index.html" : path).replace(/^(\.\.[/\\])+/, "");
    try {
      const body = extra[rel] ? await extra[rel]() : await readFile(join(DIST, rel));
      res.writeHead(200, { "content-type": TYPES[extname(rel)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((ok) => server.close(ok)) };
}

/** Debian's Chromium with the flags of tests/e2e/harness.mjs. */
export function launch() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/** Installed in every page before its own scripts (context.addInitScript,
 *  or page.addInitScript with `watch`). Identical for the app and the
 *  reference. It records:
 *  - `painted`: ms from navigation start to the first frame painted after
 *    the first `[data-testid='task-row']` exists — or, when `watch` (a list
 *    of selectors) is given, once every one of them matches — found by a
 *    MutationObserver, then a double requestAnimationFrame: the second
 *    callback runs once the frame holding the rows has been produced; and
 *    `rowsAt`, when the rows appeared;
 *  - `savedAt`: when the first `localStorage.setItem("luoshi.plan", …)`
 *    after `mark` was set returned (Storage.prototype.setItem is wrapped;
 *    the plan is stored packed, so the value is checked afterwards, from
 *    here, by `storedText`);
 *  - long tasks (PerformanceObserver), for the notes. */
export function probe(watch) {
  const B = (window.__bench = { painted: null, rowsAt: null, mark: null, savedAt: null, onSaved: null, longtasks: [] });
  B.afterPaint = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(performance.now()))));
  /** Resolves just after a frame has been produced (a task queued from a
   *  requestAnimationFrame callback runs after that frame's rendering), so
   *  every timed event starts at the same point of the frame cycle and
   *  "painted" counts whole frames alike for both pages instead of
   *  depending on where between two frames the event happened to land. */
  B.frameStart = () =>
    new Promise((ok) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => ok();
        ch.port2.postMessage(0);
      }),
    );
  /** Resolves when `cond()` holds, checked now, after every DOM change and
   *  at every frame (a property such as a field's value is no mutation). */
  B.until = (cond, ms = 30000, what = "condition") =>
    new Promise((ok, fail) => {
      if (cond()) return ok();
      let done = false;
      const finish = (err) => {
        if (done) return;
        done = true;
        mo.disconnect();
        clearTimeout(timer);
        err ? fail(err) : ok();
      };
      const check = () => !done && cond() && finish();
      const mo = new MutationObserver(check);
      const frame = () => {
        check();
        if (!done) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      const timer = setTimeout(() => finish(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
      mo.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    });
  B.firstRow = () => document.querySelector("[data-testid='task-row']");
  /** What the ledger shows, cheaply: the header total and the first ten
   *  task rows (ids, context or not), walked from the first row. */
  B.sig = () => {
    const ids = [];
    for (let r = B.firstRow(); r && ids.length < 10; r = r.nextElementSibling) {
      if (r.dataset.testid === "task-row") ids.push(r.dataset.taskId + (r.classList.contains("context") ? "~" : ""));
    }
    return `${document.querySelector("[data-testid='count-total']")?.textContent ?? "?"}|${ids.join(",")}`;
  };
  const ready = Array.isArray(watch) ? () => watch.every((sel) => document.querySelector(sel)) : () => B.firstRow();
  const mo = new MutationObserver(() => {
    if (B.rowsAt == null && ready()) {
      B.rowsAt = performance.now();
      mo.disconnect();
      B.afterPaint().then((t) => (B.painted = t));
    }
  });
  mo.observe(document, { childList: true, subtree: true });
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    const out = setItem.call(this, key, value);
    if (B.mark && B.savedAt == null && key === "luoshi.plan") {
      B.savedAt = performance.now();
      B.onSaved?.();
    }
    return out;
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longtasks.push([Math.round(e.startTime), Math.round(e.duration)]);
    }).observe({ type: "longtask", buffered: true });
  } catch {}
}

/** A plan envelope of `count` tasks at the sample's density: the sample's
 *  tasks repeated with fresh ids and remapped parents (as `largePlan` in
 *  tests/e2e/harness.mjs). */
export function largePlan(sampleEnvelope, count) {
  const env = structuredClone(sampleEnvelope);
  const base = env.plan.tasks;
  const tasks = [];
  for (let copy = 0; tasks.length < count; copy++) {
    for (const t of base) {
      if (tasks.length >= count) break;
      const c = structuredClone(t);
      c.id = `${t.id}-${copy}`;
      if (c.parent) c.parent = `${c.parent}-${copy}`;
      c.order += copy * 100;
      tasks.push(c);
    }
  }
  const ids = new Set(tasks.map((t) => t.id));
  for (const t of tasks) if (t.parent && !ids.has(t.parent)) t.parent = null;
  env.plan.tasks = tasks;
  env.plan.sample = false;
  env.plan.title = `${count}项任务的计划`;
  return env;
}

/** A page that records console errors, page errors and requests leaving
 *  the origin into `problems` (prefixed with `who`). */
export async function watched(context, origin, who, problems) {
  const page = await context.newPage();
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`${who}: console error: ${msg.text()} (${msg.location()?.url ?? "?"})`);
  });
  page.on("pageerror", (err) => problems.push(`${who}: page error: ${err.message}`));
  page.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith(origin + "/") && !/^(data|blob):/.test(url)) problems.push(`${who}: request left the origin: ${url}`);
  });
  return page;
}

/** A cold page: a new browser context (its own in-memory HTTP cache and
 *  code cache, its own renderer processes, empty storage) with one new tab
 *  in it, watched as `watched` and with the probe installed (waiting for
 *  `watch`, or for the first task row). Close `context` when done. */
export async function coldPage(browser, origin, who, problems, watch) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(probe, watch ?? null);
  const page = await watched(context, origin, who, problems);
  return { context, page };
}

/** The plan text of a value under a plan's key: the app stores it packed
 *  behind a stamp (src/store/stored.rs, codec.rs): "luoshi-plan-1;<stamp>;"
 *  then "luoshi-zlib-1:<bytes>:" and 15 bits per character (U+3400 +
 *  value) of zlib data. Plain values (what the benchmark seeds) pass
 *  through. */
export function unpackStored(stored) {
  if (stored == null) return null;
  let rest = stored;
  const STAMPED = "luoshi-plan-1;";
  if (rest.startsWith(STAMPED)) {
    rest = rest.slice(STAMPED.length);
    rest = rest.slice(rest.indexOf(";") + 1);
  }
  const PACKED = "luoshi-zlib-1:";
  if (!rest.startsWith(PACKED)) return rest;
  rest = rest.slice(PACKED.length);
  const colon = rest.indexOf(":");
  const len = Number(rest.slice(0, colon));
  const bytes = Buffer.alloc(len);
  let acc = 0;
  let nbits = 0;
  let k = 0;
  for (const ch of rest.slice(colon + 1)) {
    acc = (acc << 15) | (ch.codePointAt(0) - 0x3400);
    nbits += 15;
    while (nbits >= 8 && k < len) {
      nbits -= 8;
      bytes[k++] = (acc >> nbits) & 0xff;
    }
    acc &= (1 << nbits) - 1;
  }
  return inflateSync(bytes).toString("utf8");
}

/** The sample plan as the app stores it on first start. */
export async function sampleEnvelope(browser, origin, problems) {
  const context = await browser.newContext();
  const page = await watched(context, origin, "app (seeding)", problems);
  await page.goto(origin + APP_PATH);
  await page.waitForFunction(() => localStorage.getItem("luoshi.plan") !== null, null, { timeout: 60000 });
  const text = unpackStored(await page.evaluate(() => localStorage.getItem("luoshi.plan")));
  await context.close();
  const env = JSON.parse(text);
  if (!Array.isArray(env?.plan?.tasks) || env.plan.tasks.length < 10) throw new Error("the app stored no sample plan");
  return env;
}

/** Leaves exactly `plan` under luoshi.plan and, unless null, `list` under
 *  luoshi.plans in the origin's storage (nothing else: no recovery
 *  copies), from an empty same-origin page in `page`; the page is then
 *  navigated to what is measured, so the next document reads the storage
 *  this renderer has just written. */
export async function resetStorage(page, origin, plan, list = null) {
  await page.goto(origin + "/bench-blank.html");
  const ok = await page.evaluate(
    ([plan, list]) => {
      localStorage.clear();
      localStorage.setItem("luoshi.plan", plan);
      if (list != null) localStorage.setItem("luoshi.plans", list);
      return localStorage.getItem("luoshi.plan") === plan && localStorage.length === (list == null ? 1 : 2);
    },
    [plan, list],
  );
  if (!ok) throw new Error("could not set up luoshi.plan");
}

/** The plan list the app writes when it first opens `plan` (it migrates
 *  the single legacy key by listing it); every later start reads it. */
export async function planList(context, origin, plan) {
  const page = await context.newPage();
  await resetStorage(page, origin, plan);
  await page.goto(origin + APP_PATH);
  await page.waitForFunction(() => localStorage.getItem("luoshi.plans") !== null, null, { timeout: 60000 });
  const list = await page.evaluate(() => localStorage.getItem("luoshi.plans"));
  await page.close();
  return list;
}

/** Waits until the page has painted its ledger; returns the start timings. */
export async function startTimings(page) {
  await page.waitForFunction(() => window.__bench?.painted != null, null, { timeout: 60000, polling: 50 });
  return page.evaluate(() => ({ painted: window.__bench.painted, rows: window.__bench.rowsAt }));
}

/** Lets the page finish what a change set off (a frame, then `ms`). */
export async function settle(page, ms = 60) {
  await page.evaluate(() => window.__bench.afterPaint());
  if (ms) await page.waitForTimeout(ms);
}

/** Sets `selector`'s value and fires `type` without timing it; then settles. */
export async function setValue(page, selector, value, type) {
  await page.evaluate(
    ([sel, v, t]) => {
      const el = document.querySelector(sel);
      if (!el) throw new Error(`no ${sel}`);
      el.value = v;
      el.dispatchEvent(new Event(t, { bubbles: true }));
    },
    [selector, value, type],
  );
  await settle(page);
}

export const sig = (page) => page.evaluate(() => window.__bench.sig());

/** Times one change of `selector` to `value` (event `type`) until the
 *  ledger shows `expected` (a `sig`) and a frame has been painted.
 *  Returns { dom, paint }: ms from the event to the rows being right, and
 *  to the frame after. */
export function timeChange(page, selector, value, type, expected) {
  return page.evaluate(
    async ([sel, v, t, want]) => {
      const B = window.__bench;
      const el = document.querySelector(sel);
      await B.frameStart();
    const t0 = performance.now();
      el.value = v;
      el.dispatchEvent(new Event(t, { bubbles: true }));
      await B.until(() => B.sig() === want, 30000, `the ledger after ${sel} = ${v}`);
      const dom = performance.now();
      const paint = await B.afterPaint();
      return { dom: dom - t0, paint: paint - t0 };
    },
    [selector, value, type, expected],
  );
}

/** Selects the first task row (a click), then times Enter until the editor
 *  shows that task's title, painted. Returns { id, title, dom, paint }. */
export async function timeOpenEditor(page) {
  const { id, title } = await page.evaluate(() => {
    const row = window.__bench.firstRow();
    row.click();
    const cell = row.querySelector("td.col-title");
    return { id: row.dataset.taskId, title: (cell.firstChild?.textContent ?? cell.textContent).trim() };
  });
  await settle(page, 50);
  const t = await page.evaluate(async (title) => {
    const B = window.__bench;
    await B.frameStart();
    const t0 = performance.now();
    document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", code: "Enter", bubbles: true, cancelable: true }));
    await B.until(() => document.querySelector("[data-testid='task-editor'] [data-testid='editor-title']")?.value === title, 30000, "the editor");
    const dom = performance.now();
    const paint = await B.afterPaint();
    return { dom: dom - t0, paint: paint - t0 };
  }, title);
  return { id, title, ...t };
}

/** With the editor open on task `id`, types `title` (untimed), then times
 *  the click on save until the row shows it, painted (`paint`), and until
 *  luoshi.plan in storage holds it (`saved`). */
export async function timeSave(page, id, title) {
  await setValue(page, "[data-testid='editor-title']", title, "input");
  const t = await page.evaluate(
    async ([id, title]) => {
      const B = window.__bench;
      B.mark = title;
      B.savedAt = null;
      const saved = new Promise((ok) => (B.onSaved = ok));
      await B.frameStart();
    const t0 = performance.now();
      document.querySelector("[data-testid='save-task']").click();
      const rowShows = () => {
        if (document.querySelector("[data-testid='task-editor']")) return false;
        const cell = document.querySelector(`tr[data-task-id="${CSS.escape(id)}"] td.col-title`);
        return !!cell && cell.textContent.startsWith(title);
      };
      await B.until(rowShows, 30000, "the edited row");
      const dom = performance.now();
      const paint = await B.afterPaint();
      await Promise.race([
        saved,
        new Promise((_, fail) => setTimeout(() => fail(new Error("the edit was not saved within 30 s")), 30000)),
      ]);
      return { dom: dom - t0, paint: paint - t0, saved: B.savedAt - t0 };
    },
    [id, title],
  );
  const stored = unpackStored(await page.evaluate(() => localStorage.getItem("luoshi.plan")));
  if (!stored?.includes(title)) throw new Error("luoshi.plan does not hold the edited title");
  return t;
}
