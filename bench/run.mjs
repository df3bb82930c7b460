// Browser benchmark of Luoshi's release build against a plain-JS reference
// page (bench/reference.html) doing the same work on the same stored plan,
// at 1,000 and 5,000 tasks (issue 6, "Large plans stay instant").
//
//   node bench/run.mjs            # 7 repetitions, writes bench/RESULTS.md
//   node bench/run.mjs --quick    # 1 repetition, 1,000 tasks, writes nothing
//   node bench/run.mjs --reps 5   # another number of repetitions
//   node bench/run.mjs --render   # RESULTS.md again from bench/results.json
//
// The release build is read from target/bench-dist (LUOSHI_BENCH_DIST);
// scripts/bench.sh builds it there. Each repetition opens a cold page of
// the app and then of the reference (alternating which goes first): a new
// browser context each (nothing cached, a renderer process of its own) and
// a tab in it, both from the same origin, whose localStorage is set to the
// same plan before the page is opened. In each page:
//   start    navigation start → first frame painted with a task row
//   search   "zz" → "zzb" in the search box → rows right, frame painted
//   filter   level select → red (change event) → rows right, frame painted
//   open     Enter on a selected row → editor showing its title, painted
//   edit     click save with a new title → row shows it, painted
//   saved    the same click → luoshi.plan in storage holds it (both save
//            250 ms after the last change, by design)
// Then, for issue 9 ("Charts and Gantt"), at the same sizes, cold pages of
// the app against bench/dashboard-reference.html (plain JS) and
// bench/frappe-gantt.html (Frappe Gantt from npm), alternating likewise:
//   dash     start at #/dashboard → first frame painted with the headline
//            cards, the donut and the unit ranking (reference: its start)
//   click    click on the donut's red segment → the ledger of exactly
//            those items painted (count-total = the mark's data-count)
//   gantt    start at #/gantt → first frame painted with Gantt rows
//            (Frappe: start → first frame painted with its bars)
//   scroll   the Gantt's scroll box down one screen → the new rows
//            painted (Frappe: the scroll painted; it has drawn every row)
//   nodes    DOM nodes of the Gantt page at start and while scrolled
//            through top to bottom (the maximum), and of each dashboard
// The dashboards' marks and counts are compared once per size, and the
// Gantt's row counts; a difference fails the run.
// Then, for issue 19, the ledger's and the dashboard's starts again with
// the CPU slowed four times (bench/throttled.mjs).
// Medians per measurement, ratio = Luoshi / reference. A missed target is
// reported, not failed; an error in either page (console error, page
// error, a wait that times out) fails the run.
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import {
  APP_PATH,
  DASH_REF_PATH,
  DASH_WATCH,
  DIST,
  FRAPPE_PATH,
  REF_PATH,
  ROOT,
  coldPage,
  largePlan,
  launch,
  planList,
  resetStorage,
  sampleEnvelope,
  serve,
  setValue,
  settle,
  sig,
  startTimings,
  timeChange,
  timeOpenEditor,
  timeSave,
} from "./common.mjs";
import { RATE, renderThrottled, throttledRuns } from "./throttled.mjs";

const args = process.argv.slice(2);
const QUICK = args.includes("--quick");
const repsArg = args.indexOf("--reps");
const REPS = repsArg >= 0 ? Number(args[repsArg + 1]) : QUICK ? 1 : 7;
const SIZES = QUICK ? [1000] : [1000, 5000];

/** The measurements, in table order; `issue` marks the four issue 6 names. */
const MEASURES = [
  { key: "start", label: "start to painted ledger", issue: true },
  { key: "first", label: "first start after the upgrade (no plan list yet: the app migrates `luoshi.plan`) to painted ledger", issue: false },
  { key: "search", label: "search keystroke to painted result (zz → zzb)", issue: true },
  { key: "filter", label: "filter change to painted (level → red)", issue: true },
  { key: "open", label: "open editor (Enter → editor painted)", issue: false },
  { key: "edit", label: "edit to painted (save click → row shows new title)", issue: false },
  { key: "saved", label: "one edit to saved (save click → luoshi.plan holds it; 250 ms debounce in both)", issue: true },
];
/** Issue 19: a cold start at most 1.5× the reference's, at both sizes
 *  (issue 6 had asked 1.3, and 1.0 at 5,000 tasks, of a reference that drew
 *  every row); every other ratio at most 1.3 (issue 6). */
const START_TARGET = 1.5;
const target = (key) => (key === "start" || key === "first" ? START_TARGET : 1.3);

/** Issue 9's measurements, in table order. `issue(size)`: the target is
 *  issue 9's own (else it is this benchmark's, shown for information). */
const CHART_MEASURES = [
  { key: "dash", label: "open the dashboard (cold start at `#/dashboard` → painted charts)", ref: "plain-JS dashboard", target: () => START_TARGET, issue: () => true },
  {
    key: "dashAgain",
    label: "open the dashboard again in the same tab (as a reload: the same renderer process, its V8 keeping the compiled wasm)",
    ref: "plain-JS dashboard",
    target: () => START_TARGET,
    issue: () => false,
  },
  { key: "click", label: "filter click from a chart (donut's red segment → its ledger painted)", ref: "plain-JS dashboard", target: () => 1.3, issue: () => false },
  { key: "gantt", label: "open the Gantt (start at `#/gantt` → painted rows)", ref: "Frappe Gantt", target: () => 0.25, issue: (size) => size >= 5000 },
  { key: "scroll", label: "scroll the Gantt one screen (→ new rows painted)", ref: "Frappe Gantt", target: () => 1.3, issue: () => false },
];
/** The app alone, already started: a page's own share of its start. */
const NAV_MEASURES = [
  ["dashNav", "Luoshi already started: ledger → dashboard (nav link click → painted charts)"],
  ["ganttNav", "Luoshi already started: ledger → Gantt (nav link click → painted rows)"],
];
/** "No more than a few thousand DOM nodes at any time" on the Gantt page. */
const NODE_TARGET = 3000;
const GANTT_WATCH = ["[data-testid='gantt-row']"];
const FRAPPE_WATCH = [".bar-wrapper"];
const FRAPPE_VERSION = (() => {
  try {
    return JSON.parse(readFileSync(join(ROOT, "node_modules", "frappe-gantt", "package.json"), "utf8")).version;
  } catch {
    return null; // not installed: --render still works; a run fails when serving it
  }
})();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

const problems = [];
const RESULTS_JSON = join(ROOT, "bench", "results.json");
const RESULTS_MD = join(ROOT, "bench", "RESULTS.md");
let server;
let browser;
let run; // everything RESULTS.md is made from, also kept in bench/results.json

if (args.includes("--render")) {
  // Re-renders RESULTS.md from the last full run's raw numbers (after a
  // change to this file's wording; no browser, no new numbers).
  run = JSON.parse(readFileSync(RESULTS_JSON, "utf8"));
} else {
  run = await measure();
  // Storage capacity (issue 17), measured natively by scripts/bench.sh
  // just before (`cargo bench --bench core -- capacity`).
  try {
    run.capacity = readFileSync(join(ROOT, "target", "bench-capacity.txt"), "utf8").trim();
  } catch {
    run.capacity = null;
  }
  // A 19 MB plan file imported (issue 19), measured by bench/files.mjs
  // just before, on the same build.
  try {
    run.files = readFileSync(join(ROOT, "target", "bench-files.md"), "utf8").trim();
  } catch {
    run.files = null;
  }
  // Where the cold starts' time goes (issue 19), traced by
  // bench/trace-start.mjs just before, on the same build.
  try {
    run.trace = readFileSync(join(ROOT, "target", "bench-trace.md"), "utf8").trim();
  } catch {
    run.trace = null;
  }
  if (problems.length) {
    console.error(`\nThe benchmark could not run cleanly (${run.seconds} s):\n- ${problems.join("\n- ")}`);
    process.exit(1);
  }
}
const report = render(run);
console.log("\n" + report.tables);
console.log(`(${run.reps} repetition${run.reps === 1 ? "" : "s"}, ${run.seconds} s)`);
if (!QUICK) {
  if (!args.includes("--render")) writeFileSync(RESULTS_JSON, JSON.stringify(run, null, 1) + "\n");
  writeFileSync(RESULTS_MD, report.markdown);
  console.log("written: bench/RESULTS.md (raw numbers: bench/results.json)");
}

/** RESULTS.md's section on the wasm's weight (issue 19): bench/weight.md,
 *  written from `bash bench/weight.sh`'s tables (before and after a change
 *  cannot both be measured in one run, so they are kept there). */
function weightSection() {
  let files = "";
  if (run.files) {
    files =
      "\n## A large file does not freeze the page (issue 19)\n\n" +
      "`bench/files.mjs`, same build, just before the run above: a plan file of about 19 MB (5,000 tasks, 12 monthly reports each, the 20 MB import limit's size) chosen in the data page's import, as another plan's file (its preview offers to open it as a plan of its own) and as the plan on screen's (the merge preview), then that merge confirmed; every long task on the page's thread (PerformanceObserver \"longtask\", over 50 ms) from choosing the file to the preview painted, and from the click on 确认导入 to 导入完成. The worker reads the file and restores it, works out the merge and carries it out; the page gets a summary and a preview that names new tasks by title. Confirming brings the whole merged plan to the page (it becomes the plan shown and saved): reading it there is the long task left, outside the issue's \"read, restored and previewed\".\n\n" +
      run.files +
      "\n";
  }
  try {
    return files + "\n" + readFileSync(join(ROOT, "bench", "weight.md"), "utf8");
  } catch {
    return files;
  }
}

/** RESULTS.md's section on storage capacity, from the native run. */
function capacitySection(text) {
  if (!text) return "";
  return `

## Storage capacity (issue 17)

Measured by \`cargo bench --bench core -- capacity\` (run by \`scripts/bench.sh\`): plans and backups stored through the app's own storage repository (\`src/store/repo/\`) into an in-memory storage with the browser's quota (5,242,880 UTF-16 units), counted as the quota counts them. Plans are the sample repeated to size; every work item has twelve monthly reports and the 留痕 entries the app writes for them. The report texts are put together from phrase pools with numbers: they repeat phrases as a unit's monthly reports do, and pack about eight times smaller, where the seed speech (real prose) packs only 1.4 times. So the figures are given twice: for those texts, and for report texts that never repeat a phrase (characters drawn at random from the seed speech), the other end of what reports can be. The twenty import backups are made before twenty weekly imports of the last month's reports (\`before_last_reports\` in \`tests/common/year.rs\`): each is a near whole year, each differs from the next by one group of units' reports. They are kept as reverse deltas (\`src/store/repo/chain.rs\`): the newest whole, each older one as its difference from a newer one. Targets: three plans and twenty import backups leave at least 40 % free; a 5,000-task plan with twelve reports per item saves. \`tests/capacity.rs\` asserts both, for both kinds of report text.

\`\`\`
${text}
\`\`\`
`;
}

/** Runs every measurement; returns the raw numbers and the circumstances. */
async function measure() {
  const began = Date.now();
  const cores = cpus();
  const out = {
    date: new Date().toISOString().slice(0, 10),
    machine: "",
    loadBefore: loadavg()[0],
    loadAfter: null,
    reps: REPS,
    sizes: SIZES,
    seconds: null,
    results: {}, // size → who → key → [{ dom, paint }]; size → charts → …
    appStartDetail: {},
    frappe: FRAPPE_VERSION,
  };
  server = await serve();
  browser = await launch();
  out.machine = `${cores.length} × ${cores[0]?.model.trim() ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Chromium ${browser.version()}, headless, 1280×720 viewport`;
  try {
    const sample = await sampleEnvelope(browser, server.origin, problems);
    for (const size of SIZES) {
      const text = JSON.stringify(largePlan(sample, size));
      const results = (out.results[size] = { app: {}, ref: {} });
      const setup = await browser.newContext();
      const list = await planList(setup, server.origin, text);
      await setup.close();
      for (let rep = 0; rep < REPS; rep++) {
        const order = rep % 2 === 0 ? ["app", "ref"] : ["ref", "app"];
        const got = { app: {}, ref: {} };
        for (const who of order) {
          const page = await onePage(who, size, rep, text, list);
          if (page.detail) out.appStartDetail = page.detail;
          Object.assign(got[who], page.times);
        }
        for (const who of order) got[who].first = await firstStart(who, text);
        for (const who of order) {
          for (const [key, v] of Object.entries(got[who])) (results[who][key] ??= []).push(v);
          process.stdout.write(
            `${size} #${rep + 1} ${who.padEnd(3)} ` + MEASURES.map((m) => `${m.key} ${ms(got[who][m.key].paint)}`).join("  ") + "\n",
          );
        }
      }
      results.charts = await chartRuns(size, text, list);
      results.throttled = await throttledRuns({
        browser,
        origin: server.origin,
        size,
        text,
        list,
        reps: REPS,
        problems,
        log: (line) => process.stdout.write(line + "\n"),
      });
    }
  } catch (err) {
    problems.push(`the run stopped: ${err.stack || err}`);
  } finally {
    await browser.close();
    await server.close();
  }
  out.seconds = Math.round((Date.now() - began) / 1000);
  out.loadAfter = loadavg()[0];
  return out;
}

/** Issue 9's measurements at `size`: REPS repetitions, each a cold
 *  dashboard page and a cold Gantt page of the app and of the reference
 *  (alternating which goes first), whose probe waits for charts or Gantt
 *  rows instead of ledger rows. */
async function chartRuns(size, text, list) {
  const charts = { app: {}, ref: {}, nodes: { app: [], ref: [] }, dashNodes: { app: [], ref: [] }, checked: {} };
  for (let rep = 0; rep < REPS; rep++) {
    const order = rep % 2 === 0 ? ["app", "ref"] : ["ref", "app"];
    const got = { app: {}, ref: {} };
    const sigs = {};
    for (const who of order) {
      const d = await dashPage(who, text, list, rep === 0);
      Object.assign(got[who], d.times);
      charts.dashNodes[who].push(d.nodes);
      sigs[who] = d.sig;
    }
    for (const who of order) {
      const g = await ganttPage(who, text, list);
      Object.assign(got[who], g.times);
      charts.nodes[who].push(g.nodes);
      sigs[`${who}Rows`] = g.rows;
    }
    if (rep === 0) charts.checked = checkSame(size, sigs);
    for (const who of order) {
      for (const [key, v] of Object.entries(got[who])) (charts[who][key] ??= []).push(v);
      process.stdout.write(
        `${size} #${rep + 1} ${who === "app" ? "app" : "ref"} ` +
          [...CHART_MEASURES.map((m) => m.key), ...NAV_MEASURES.map(([k]) => k)]
            .filter((k) => got[who][k])
            .map((k) => `${k} ${ms(got[who][k].paint)}`)
            .join("  ") +
          `  nodes ${charts.nodes[who].at(-1).max}\n`,
      );
    }
  }
  return charts;
}

/** The app's and the reference's dashboards must show the same marks with
 *  the same counts (and the same completion rate), and both Gantts as many
 *  rows; a difference is a problem (the run fails). */
function checkSame(size, sigs) {
  const a = sigs.app, b = sigs.ref;
  const diff = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) diff.push(`${a[i] ?? "(none)"} ≠ ${b[i] ?? "(none)"}`);
  if (diff.length) problems.push(`${size} tasks: the dashboards differ (Luoshi ≠ reference): ${diff.slice(0, 8).join("; ")}`);
  if (sigs.appRows !== sigs.refRows) problems.push(`${size} tasks: the Gantts differ in rows: Luoshi ${sigs.appRows}, Frappe ${sigs.refRows}`);
  return { marks: a.length - 1, rate: a.at(-1), rows: sigs.appRows };
}

/** A cold page of `who` (a new browser context) whose probe waits for
 *  `watch`; returns { context, page }. */
function chartPage(who, what, watch) {
  return coldPage(browser, server.origin, who === "app" ? `app (${what})` : `${what} reference`, problems, watch);
}

/** Run in the page: how many elements it holds. */
function countNodes() {
  return document.getElementsByTagName("*").length;
}

/** In the app, already started: times a click on the navigation link
 *  `nav` until every selector of `watch` matches, painted. */
function timeNav(page, nav, watch) {
  return page.evaluate(
    async ([nav, watch]) => {
      const B = window.__bench;
      const link = document.querySelector(`[data-testid='${nav}']`);
      if (!link) throw new Error(`no ${nav}`);
      await B.frameStart();
      const t0 = performance.now();
      link.click();
      await B.until(() => watch.every((sel) => document.querySelector(sel)), 30000, `the page of ${nav}`);
      const dom = performance.now();
      const paint = await B.afterPaint();
      return { dom: dom - t0, paint: paint - t0 };
    },
    [nav, watch],
  );
}

/** One cold dashboard page of `who`: its start, then the filter click;
 *  in the app, then back to the dashboard by its link (`dashNav`). */
async function dashPage(who, text, list, wantSig) {
  const { context, page } = await chartPage(who, "dashboard", DASH_WATCH);
  const times = {};
  let nodes, sig = null;
  try {
    await resetStorage(page, server.origin, text, list);
    await page.goto(server.origin + (who === "app" ? `${APP_PATH}#/dashboard` : DASH_REF_PATH));
    const start = await startTimings(page);
    times.dash = { dom: start.rows, paint: start.painted };
    await page.waitForTimeout(500);
    await settle(page);
    nodes = await page.evaluate(countNodes);
    // What the dashboard shows: every mark (its chart, label or class,
    // count and, for a bar's label, its text), then the completion rate.
    if (wantSig) {
      sig = await page.evaluate(() =>
        [...document.querySelectorAll("[data-testid='chart-mark']")]
          .map((m) => `${m.closest("figure, .headline")?.dataset.testid}|${m.dataset.label ?? m.getAttribute("class")}|${m.dataset.count}|${m.tagName === "text" ? m.textContent : ""}`)
          .concat([document.querySelector("[data-testid='completion-rate']")?.textContent ?? "?"]),
      );
    }
    times.click = await page.evaluate(async () => {
      const B = window.__bench;
      const mark = document.querySelector("[data-testid='donut'] [data-testid='chart-mark'].fill-red");
      if (!mark) throw new Error("no red segment in the donut");
      const want = mark.dataset.count;
      const shown = () =>
        !document.querySelector("[data-testid='dashboard']") &&
        document.querySelector("[data-testid='count-total']")?.textContent.trim() === want &&
        !!B.firstRow();
      await B.frameStart();
      const t0 = performance.now();
      mark.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, view: window }));
      await B.until(shown, 30000, `the ledger of the donut's red segment (${want} items)`);
      const dom = performance.now();
      const paint = await B.afterPaint();
      return { dom: dom - t0, paint: paint - t0, items: Number(want) };
    });
    await settle(page, 100);
    if (who === "app") {
      // The dashboard again, the app started: its own share of "dash".
      times.dashNav = await timeNav(page, "nav-dashboard", DASH_WATCH);
      await settle(page, 100);
    }
    // Started again in the same tab, from the same stored data (as a reload
    // or the next visit in a tab left open): the same renderer process,
    // whose V8 keeps the compiled wasm module in memory, so the app skips
    // compiling it; the reference's script is as small as it was.
    await resetStorage(page, server.origin, text, list);
    await page.goto(server.origin + (who === "app" ? `${APP_PATH}#/dashboard` : DASH_REF_PATH));
    const again = await startTimings(page);
    times.dashAgain = { dom: again.rows, paint: again.painted };
    await settle(page, 100);
  } finally {
    await context.close();
  }
  return { times, nodes, sig };
}

/** One cold Gantt page of `who` (the app, or Frappe Gantt): its start,
 *  one screen of scrolling, and its DOM nodes at start and at 21 scroll
 *  positions from top to bottom. */
async function ganttPage(who, text, list) {
  const { context, page } = await chartPage(who, "Gantt", who === "app" ? GANTT_WATCH : FRAPPE_WATCH);
  const times = {};
  let nodes, rows;
  try {
    await resetStorage(page, server.origin, text, list);
    await page.goto(server.origin + (who === "app" ? `${APP_PATH}#/gantt` : FRAPPE_PATH));
    const start = await startTimings(page);
    times.gantt = { dom: start.rows, paint: start.painted };
    await page.waitForTimeout(500);
    await settle(page);
    const box = who === "app" ? "[data-testid='gantt-scroll']" : ".gantt-container";
    rows = await page.evaluate(ganttRows);
    const atStart = await page.evaluate(countNodes);
    if (who === "app") {
      // The row at the bottom of the next screen, seen once untimed (and
      // not in the page before: only rows in view are drawn), so the timed
      // wait ends exactly when it is there.
      const id = await page.evaluate(async (box) => {
        const B = window.__bench;
        const el = document.querySelector(box);
        const ids = () => [...document.querySelectorAll("[data-testid='gantt-row']")].map((r) => r.dataset.taskId);
        const before = new Set(ids());
        el.scrollTop = el.clientHeight;
        await B.afterPaint();
        await new Promise((ok) => setTimeout(ok, 100));
        await B.afterPaint();
        const view = el.getBoundingClientRect();
        let last = null;
        for (const r of document.querySelectorAll("[data-testid='gantt-row']")) {
          const b = r.getBoundingClientRect();
          if (b.top >= view.top && b.bottom <= view.bottom && (!last || b.top > last.top)) last = { top: b.top, id: r.dataset.taskId };
        }
        el.scrollTop = 0;
        await B.afterPaint();
        await new Promise((ok) => setTimeout(ok, 100));
        await B.afterPaint();
        if (!last) throw new Error("no Gantt row in view after scrolling one screen");
        if (before.has(last.id) || ids().includes(last.id)) throw new Error(`the row at the bottom of the next screen (${last.id}) is drawn before scrolling; the scroll measurement would be empty`);
        return last.id;
      }, box);
      await settle(page);
      times.scroll = await page.evaluate(
        async ([box, id]) => {
          const B = window.__bench;
          const el = document.querySelector(box);
          const sel = `[data-testid='gantt-row'][data-task-id="${CSS.escape(id)}"]`;
          await B.frameStart();
          const t0 = performance.now();
          el.scrollTop += el.clientHeight;
          await B.until(() => !!document.querySelector(sel), 30000, "the Gantt rows of the next screen");
          const dom = performance.now();
          const paint = await B.afterPaint();
          return { dom: dom - t0, paint: paint - t0 };
        },
        [box, id],
      );
    } else {
      // Frappe has drawn every row: the scroll event handled (its own
      // listener runs first), then the frame painted.
      times.scroll = await page.evaluate(async (box) => {
        const B = window.__bench;
        const el = document.querySelector(box);
        let seen = false;
        el.addEventListener("scroll", () => (seen = true), { once: true });
        await B.frameStart();
        const t0 = performance.now();
        el.scrollTop += el.clientHeight;
        await B.until(() => seen, 30000, "Frappe's scroll event");
        const dom = performance.now();
        const paint = await B.afterPaint();
        return { dom: dom - t0, paint: paint - t0 };
      }, box);
    }
    await settle(page, 100);
    const max = await page.evaluate(async (box) => {
      const B = window.__bench;
      const el = document.querySelector(box);
      let most = document.getElementsByTagName("*").length;
      for (let k = 0; k <= 20; k++) {
        el.scrollTop = ((el.scrollHeight - el.clientHeight) * k) / 20;
        await B.afterPaint();
        most = Math.max(most, document.getElementsByTagName("*").length);
      }
      return most;
    }, box);
    nodes = { start: atStart, max: Math.max(atStart, max) };
    if (who === "app") {
      // The Gantt again, the app started (from the unfiltered ledger): the
      // Gantt's own share of "gantt".
      await timeNav(page, "nav-ledger", ["[data-testid='task-row']"]);
      await settle(page, 100);
      times.ganttNav = await timeNav(page, "nav-gantt", GANTT_WATCH);
      const shown = await page.evaluate(ganttRows);
      if (shown !== rows) throw new Error(`the Gantt opened from the ledger shows ${shown}, at start ${rows}`);
      await settle(page, 100);
    }
  } finally {
    await context.close();
  }
  return { times, nodes, rows };
}

/** Run in the page: how many task rows its Gantt has, read from its count
 *  line — the app's ends “显示 N 行” (the task rows; issue 18 put the
 *  counts of work items and tasks before it), the Frappe page's is
 *  “共 N 项任务” — as “N 行”, or the whole line when it has neither. */
function ganttRows() {
  const line = (document.querySelector("[data-testid='gantt-count']") ?? document.querySelector("[data-testid='frappe-count']"))?.textContent.trim() ?? "";
  const n = line.match(/显示\s*(\d+)\s*行/) ?? line.match(/共\s*(\d+)\s*项任务/);
  return n ? `${n[1]} 行` : line;
}

/** One cold page of `who` ("app" or "ref"): every measurement once. */
async function onePage(who, size, rep, text, list) {
  const { context, page } = await coldPage(browser, server.origin, who === "app" ? "app" : "reference", problems);
  const out = {};
  let detail = null;
  try {
    await resetStorage(page, server.origin, text, list);
    await page.goto(server.origin + (who === "app" ? APP_PATH : REF_PATH));
    const start = await startTimings(page);
    out.start = { dom: start.rows, paint: start.painted };
    if (who === "app" && size === SIZES.at(-1)) detail = await startBreakdown(page);
    // Let start-up work that runs after the first frame (the app checks its
    // storage 250 ms after start) finish before timing anything else.
    await page.waitForTimeout(500);
    await settle(page);
    const initial = await sig(page);

    // Search: the index is built by the first, untimed search ("zzb").
    await setValue(page, "[data-testid='search']", "zzb", "input");
    const zzb = await sig(page);
    await setValue(page, "[data-testid='search']", "zz", "input");
    if ((await sig(page)) === zzb) throw new Error(`${who}: "zz" and "zzb" show the same rows; the search measurement would be empty`);
    out.search = await timeChange(page, "[data-testid='search']", "zzb", "input", zzb);
    await setValue(page, "[data-testid='search']", "", "input");

    // Filter: the red view is seen once (untimed) to know when it is there.
    await setValue(page, "[data-testid='filter-level']", "red", "change");
    const red = await sig(page);
    await setValue(page, "[data-testid='filter-level']", "", "change");
    if ((await sig(page)) !== initial) throw new Error(`${who}: clearing search and filter did not bring back the full ledger`);
    out.filter = await timeChange(page, "[data-testid='filter-level']", "red", "change", red);
    await setValue(page, "[data-testid='filter-level']", "", "change");

    // Edit: select the first row, Enter, new title, save.
    const opened = await timeOpenEditor(page);
    out.open = { dom: opened.dom, paint: opened.paint };
    const title = `基准编辑${size}第${rep + 1}次${who}`;
    const saved = await timeSave(page, opened.id, title);
    out.edit = { dom: saved.dom, paint: saved.paint };
    out.saved = { dom: saved.saved, paint: saved.saved };
    await settle(page, 100);
  } finally {
    await context.close();
  }
  return { times: out, detail };
}

/** One cold page of `who` on storage holding the plan alone (no plan
 *  list, as left by the single-plan version): its start only. */
async function firstStart(who, text) {
  const { context, page } = await coldPage(browser, server.origin, who === "app" ? "app" : "reference", problems);
  try {
    await resetStorage(page, server.origin, text);
    await page.goto(server.origin + (who === "app" ? APP_PATH : REF_PATH));
    const start = await startTimings(page);
    await settle(page, 50);
    return { dom: start.rows, paint: start.painted };
  } finally {
    await context.close();
  }
}

/** Where the app's start went, from Resource Timing, for the notes. */
function startBreakdown(page) {
  return page.evaluate(() => {
    const r = (suffix) => performance.getEntriesByType("resource").find((e) => e.name.endsWith(suffix));
    const wasm = r("_bg.wasm");
    const js = performance.getEntriesByType("resource").find((e) => /luoshi-[^/]*\.js$/.test(e.name));
    const nav = performance.getEntriesByType("navigation")[0];
    return {
      domContentLoaded: nav?.domContentLoadedEventEnd,
      jsEnd: js?.responseEnd,
      wasmEnd: wasm?.responseEnd,
      wasmBytes: wasm?.encodedBodySize,
      rows: window.__bench.rowsAt,
      painted: window.__bench.painted,
      longtasks: window.__bench.longtasks,
    };
  });
}

function render(run) {
  const { date, machine, reps: REPS, sizes: SIZES, results, seconds, appStartDetail, loadBefore, loadAfter } = run;
  const cores = { length: Number(machine.split(" ")[0]) || "?" };
  let tables = "";
  const missed = [];
  const slower = [];
  for (const size of SIZES) {
    const rows = [
      `### ${size.toLocaleString("en")} tasks`,
      "",
      "| measurement | Luoshi median ms | reference median ms | ratio (Luoshi/reference) | target | met? |",
      "|---|---:|---:|---:|---:|:---:|",
    ];
    for (const m of MEASURES) {
      const a = median(results[size].app[m.key].map((x) => x.paint));
      const b = median(results[size].ref[m.key].map((x) => x.paint));
      const ratio = a / b;
      const t = target(m.key, size);
      const met = ratio <= t;
      if (!met) missed.push(`${size} tasks, ${m.key}${m.issue ? "" : " (extra)"}: ratio ${ratio.toFixed(2)} (target ≤ ${t.toFixed(1)})`);
      if (ratio > 1) slower.push({ size, key: m.key, ratio, a, b, close: Math.abs(ratio - t) <= 0.1 });
      rows.push(
        `| ${m.label}${m.issue ? "" : " *(extra)*"} | ${ms(a)} | ${ms(b)} | ${ratio.toFixed(2)} | ≤ ${t.toFixed(1)} | ${met ? "yes" : "**no**"} |`,
      );
    }
    tables += rows.join("\n") + "\n\n";
  }
  let details = "";
  for (const size of SIZES) {
    details += `\n${size.toLocaleString("en")} tasks — every repetition, painted ms (DOM ready ms):\n\n`;
    details += "| measurement | Luoshi | reference |\n|---|---|---|\n";
    for (const m of MEASURES) {
      const fmt = (xs) => xs.map((x) => (m.key === "saved" ? ms(x.paint) : `${ms(x.paint)} (${ms(x.dom)})`)).join(", ");
      details += `| ${m.key} | ${fmt(results[size].app[m.key])} | ${fmt(results[size].ref[m.key])} |\n`;
    }
  }
  const d = appStartDetail;
  const startNote = d.painted
    ? `At ${SIZES.at(-1).toLocaleString("en")} tasks, one app start (the last repetition, with the plan list): DOMContentLoaded ${ms(d.domContentLoaded)} ms, ` +
      `glue script loaded ${ms(d.jsEnd)} ms, wasm (${((d.wasmBytes ?? 0) / 1024).toFixed(0)} KiB) loaded ${ms(d.wasmEnd)} ms, first task row in the DOM ${ms(d.rows)} ms, painted ${ms(d.painted)} ms; ` +
      `long tasks [start ms, duration ms]: ${JSON.stringify(d.longtasks)}.`
    : "";
  const charts = renderCharts(run);
  const starts = renderThrottled(run, START_TARGET);
  const markdown = `# Browser benchmark: Luoshi against plain-JS pages and Frappe Gantt

Run by \`bash scripts/bench.sh\` (issue 6, “Large plans stay instant”; issue 9's performance clause, [Charts and Gantt](#charts-and-gantt-issue-9)). Generated by \`bench/run.mjs\`; do not edit by hand.

- Date: ${date}
- Machine: ${machine}
- Load: 1-minute load average ${loadBefore.toFixed(2)} when the run began (whatever ran in the minute before, here or in other work on this machine) and ${loadAfter.toFixed(2)} at its end (the run itself keeps both cores busy).${
    loadAfter > 2 * cores.length
      ? ` A load at the end above twice the cores means other work ran alongside: single repetitions (see below) were slowed on both sides; the medians absorb a few of them.`
      : ""
  }
- Repetitions: ${REPS} per measurement and page, app and reference alternated (A B, then B A, …), a cold page each time; medians below. Whole run: ${seconds} s.
- Build: \`trunk build --release\` into \`target/bench-dist\`, served from 127.0.0.1 with no cache headers.
- Cold pages: every page measured, the app's and the references', is a new tab in a new browser context (its own in-memory HTTP cache and code cache, its own renderer processes, empty storage), so every start fetches and compiles everything, as a first visit does ([issue 19's section](#starts-cold-and-on-an-older-pc-issue-19) says more). The one exception is the row “open the dashboard again in the same tab”, warm by design.

${tables}Targets: every ratio at most 1.3 (issue 6); a cold start at most ${START_TARGET.toFixed(1)} at both sizes (issue 19, against a reference that draws only the rows in view as the app does; issue 6 had asked 1.3, and 1.0 at 5,000 tasks, of a reference that drew every row). Rows marked *(extra)* are not among the issue's four measurements and are shown with the same targets for information.

${missed.length ? `**Missed:** ${missed.join("; ")}.` : "Every target met."}

${slowerNote(slower)}

## Method

- **Data.** The app is opened once on a fresh profile with \`?today=2026-06-30\`; the sample plan it stores (54 tasks) is repeated with fresh ids and remapped parents to 1,000 and 5,000 tasks (\`largePlan\`, as in the end-to-end tests), \`sample: false\`, written to \`luoshi.plan\`. The app is opened on it once, untimed, to get the plan list it writes when it migrates that legacy key (\`luoshi.plans\`). Every page is a new tab in a new browser context; its storage is set (from an empty same-origin page in that tab, which is then navigated to the app or the reference), so every page starts from the same data: the plan and that list for “start” and everything after it (as on every start but the first), the plan alone for “first start after the upgrade” (the app then lists the legacy key, parsing the plan once more, and writes the list). The reference ignores the list.
- **Reference** (\`bench/reference.html\`, served as \`/bench-reference.html\` from the same origin): plain JavaScript, no framework. It parses \`luoshi.plan\`, computes a light per task (due date in force, closing, latest progress as of ?today=), numbers the outline and lists the lines the query shows, then draws the table as the app does (\`src/ui/ledger/table.rs\`): in a box one screen high that scrolls (the app's height: the window's less 144 px, 576 px here), with more than 150 lines only the rows in view and 12 either side (36 px each; 29 rows at the top) between two spacer rows, as one \`innerHTML\`, drawn again on a scroll event that changes which rows those are; it reads where the table body is from the layout, as the app does. With the app's own fixed-layout table styles, it draws the same rows as the app at the same scroll positions (checked by hand, 2026-12-07: the same row counts, first and last rows in view at three scroll positions, the same scroll height to a pixel). Until issue 19 it drew every row, so its start, search and filter grew with the plan and the ratios at 5,000 tasks flattered the app. Search runs on every keystroke over title, 工作要求, 成果形式, unit names, leaders, tags and progress text, plus pinyin initials (from \`Intl.Collator\`'s pinyin order; no full-pinyin matching, and no roll-up of progress to parents, so it does somewhat less work than the app). Its editor has the title field only (the app's has every field of a task, so “open editor” compares unequal amounts of DOM); saving it replaces that one row and 250 ms later re-serialises the whole envelope and writes it, as the app does.
- **Timing.** In the page, with \`performance.now()\`. A probe installed before the page's own scripts (identical in both) watches the DOM with a MutationObserver; “painted” is the second \`requestAnimationFrame\` callback after the DOM is right, i.e. the frame holding the change has been produced. Start is measured from navigation start. Search, filter, open and edit dispatch the event in the page just after a frame has been produced (a task queued from a \`requestAnimationFrame\` callback), so both pages start at the same point of the frame cycle, and time to the painted frame; the expected view is recorded once untimed first, so the wait ends exactly when the rows are right. “Saved” wraps \`Storage.prototype.setItem\` and stops when the write of \`luoshi.plan\` holding the new title returns. The search index of both pages is built by an untimed first search (\`zzb\`, which also records the expected view), then \`zz\` is set and \`zz\` → \`zzb\` timed.
- **Caveats.** Headless Chromium on a shared ${cores.length}-core machine; frames are ~16.7 ms apart and “painted” waits for the frame after the change, so a change that fits in one frame reads about 33 ms on either page: there, a ratio near 1 means “as many frames”, and a difference below one frame (~17 ms) is within the measurement's grain. “Saved” is dominated by the 250 ms debounce both pages use by design; the difference is serialising and writing the plan.

${startNote}

## Every repetition
${details}
${charts.markdown}${starts.markdown}${capacitySection(run.capacity)}${weightSection()}`;
  return {
    tables:
      tables.trim() +
      (missed.length ? `\n\nMissed: ${missed.join("; ")}` : "\n\nEvery target met.") +
      (charts.tables ? `\n\nCharts and Gantt (issue 9):\n\n${charts.tables}` : "") +
      (starts.tables ? `\n\nStarts, cold and with the CPU slowed ${RATE}× (issue 19):\n\n${starts.tables}` : ""),
    markdown,
  };
}

/** Issue 9's section of RESULTS.md and its tables for the console (empty
 *  for a results.json from before these measurements). */
function renderCharts(run) {
  const { reps: REPS, sizes: SIZES, results } = run;
  if (!SIZES.every((size) => results[size]?.charts)) return { tables: "", markdown: "" };
  const frappe = `Frappe Gantt ${run.frappe ?? ""}`.trim();
  const fmtT = (t) => (t < 1 ? t.toFixed(2) : t.toFixed(1));
  let tables = "";
  const missed = [];
  const slower = [];
  const checks = [];
  for (const size of SIZES) {
    const c = results[size].charts;
    const rows = [
      `### ${size.toLocaleString("en")} tasks`,
      "",
      "| measurement | Luoshi median ms | reference | reference median ms | ratio (Luoshi/reference) | target | met? |",
      "|---|---:|---|---:|---:|---:|:---:|",
    ];
    for (const m of CHART_MEASURES) {
      const a = median(c.app[m.key].map((x) => x.paint));
      const b = median(c.ref[m.key].map((x) => x.paint));
      const ratio = a / b;
      const t = m.target(size);
      const issue = m.issue(size);
      const met = ratio <= t;
      if (!met) missed.push(`${size} tasks, ${m.key}${issue ? "" : " (target for information)"}: ratio ${ratio.toFixed(2)} (target ≤ ${fmtT(t)})`);
      if (!met || ratio > 1) slower.push({ size, key: m.key, ratio, a, b, t, met });
      rows.push(
        `| ${m.label}${issue ? "" : " *(target for information)*"} | ${ms(a)} | ${m.ref === "Frappe Gantt" ? frappe : m.ref} | ${ms(b)} | ${ratio.toFixed(2)} | ≤ ${fmtT(t)} | ${met ? "yes" : "**no**"} |`,
      );
    }
    const most = (xs) => Math.max(...xs.map((x) => x.max));
    const appNodes = most(c.nodes.app);
    const refNodes = most(c.nodes.ref);
    const nodesMet = appNodes <= NODE_TARGET;
    if (!nodesMet) missed.push(`${size} tasks, Gantt DOM nodes: ${appNodes} (target ≤ ${NODE_TARGET.toLocaleString("en")})`);
    for (const [key, what] of NAV_MEASURES) {
      if (c.app[key]) rows.push(`| ${what} *(information, no reference)* | ${ms(median(c.app[key].map((x) => x.paint)))} | — | — | — | — | — |`);
    }
    rows.push(
      `| Gantt page, most DOM nodes (at start and at 21 scroll positions top to bottom; the most in any repetition) | ${appNodes.toLocaleString("en")} nodes | ${frappe} | ${refNodes.toLocaleString("en")} nodes | ${(appNodes / refNodes).toFixed(3)} | Luoshi ≤ ${NODE_TARGET.toLocaleString("en")} | ${nodesMet ? "yes" : "**no**"} |`,
      `| dashboard, DOM nodes after start *(information)* | ${Math.max(...c.dashNodes.app).toLocaleString("en")} nodes | plain-JS dashboard | ${Math.max(...c.dashNodes.ref).toLocaleString("en")} nodes | — | — | — |`,
    );
    tables += rows.join("\n") + "\n\n";
    checks.push(
      `${size.toLocaleString("en")} tasks: ${c.checked.marks} marks with the same counts in both, completion rate ${c.checked.rate?.replace("完成率", "")}; both Gantts ${c.checked.rows}`,
    );
  }
  let details = "";
  for (const size of SIZES) {
    const c = results[size].charts;
    details += `\n${size.toLocaleString("en")} tasks — every repetition, painted ms (DOM ready ms):\n\n`;
    details += "| measurement | Luoshi | reference |\n|---|---|---|\n";
    for (const m of CHART_MEASURES) {
      const fmt = (xs) => xs.map((x) => `${ms(x.paint)} (${ms(x.dom)})`).join(", ");
      details += `| ${m.key} | ${fmt(c.app[m.key])} | ${fmt(c.ref[m.key])} |\n`;
    }
    for (const [key] of NAV_MEASURES) {
      if (c.app[key]) details += `| ${key} | ${c.app[key].map((x) => `${ms(x.paint)} (${ms(x.dom)})`).join(", ")} | — |\n`;
    }
    const nodes = (xs) => xs.map((x) => `${x.start} / ${x.max}`).join(", ");
    details += `| Gantt DOM nodes (at start / most) | ${nodes(c.nodes.app)} | ${nodes(c.nodes.ref)} |\n`;
    details += `| dashboard DOM nodes | ${c.dashNodes.app.join(", ")} | ${c.dashNodes.ref.join(", ")} |\n`;
  }
  const markdown = `
## Charts and Gantt (issue 9)

Issue 9: “at 1,000 and 5,000 tasks, open the dashboard, open the Gantt, scroll the Gantt one screen, and one filter click from a chart. Run Frappe Gantt on the same tasks in the same run and print the ratio. Targets: Luoshi's Gantt builds in at most a quarter of Frappe Gantt's time at 5,000 tasks, with no more than a few thousand DOM nodes at any time; the dashboard opens in at most 1.3× the time of a plain-JS page that computes the same counts from the same stored data.”

Same run, machine and stored plans as above; ${REPS} repetition${REPS === 1 ? "" : "s"}, Luoshi and the reference alternated, a cold page each time; medians.

${tables}Targets: the dashboard's cold start at most ${START_TARGET.toFixed(1)} (both sizes; issue 19's, in place of issue 9's 1.3; the same for the start again in the same tab, for information), the Gantt's quarter at 5,000 tasks and “a few thousand” DOM nodes (taken as ${NODE_TARGET.toLocaleString("en")}) are issue 9's. The issue names the filter click and the scroll without a target, and the Gantt's quarter only at 5,000 tasks: those rows are marked *(target for information)* and hold to 1.3 (the issue-6 target for an interaction) and to a quarter at 1,000 tasks.

${missed.length ? `**Missed:** ${missed.join("; ")}.` : "Every target met."}

Checked in the run (the first repetition; a difference fails it): ${checks.join(". ")}.

${chartsWhy(slower, run)}

### Method (issue 9)

- **Dashboard reference** (\`bench/dashboard-reference.html\`, served as \`/bench-dashboard-reference.html\`): plain JavaScript, no framework. It parses \`luoshi.plan\` and judges every work item (a task without children) as of ?today= with the app's rules ported from \`src/model/schedule.rs\`, \`reporting.rs\` and \`recurrence.rs\` (the rules of \`bench/reference.html\` are a simplification that would not give the same counts: it judges by the due date in force and knows no 暂缓/中止, milestones, reporting periods, standing work or 督办). From those it computes everything the app's 总览 shows — the nine headline counts and the completion rate, the donut by state, the burn-up (due by each month end and closed by then), the rankings by lead unit, area and leader, the next deadlines and the red list — and draws it as one \`innerHTML\` with the app's dashboard styles: the same 116 marks (every one \`data-testid="chart-mark"\` with \`data-count\`), compared with the app's in the run. **Less than the app:** one delegated listener for clicks and tooltips (the app binds six to every mark: hover, focus, leave, blur, click, key), no legend toggles, no look-back slider or the rest of the app's frame (header, navigation, plan list), and in its ledger only the total among the counts; parents' lights in its ledger table are the most urgent of their children's (the app also judges a parent on its rolled-up progress). **Not quite the same:** the app's bar charts currently have no \`viewBox\` (it is set as a property, which an SVG element ignores), so they draw at the default 300 × 150 px and the unit ranking's seventh row is cut off, where the reference's scale to the page's width as the app means them to: the reference paints larger charts. **The same:** the counts (checked), the drawing in SVG, and a click that shows the ledger of exactly the mark's items: every matching row with its ancestors as context rows, drawn in full (no windowing; issue 19 keeps this reference as it is, while \`bench/reference.html\` now windows its rows), with the count in \`count-total\`.
- **Gantt reference** (\`bench/frappe-gantt.html\`, with \`frappe-gantt\` ${run.frappe ?? ""} from npm, pinned in \`package.json\`, its \`dist/\` files served under \`/bench-frappe/\`): every task of the plan, in the ledger's outline order, as \`{ id, name: title, start, end, progress, dependencies: "" }\` — end is the due date in force on ?today= (as the app's bar), progress the task's own latest report by then (100 when closed). A task without a start would start on the plan year's 1 January, one without a due date end on its 31 December, one due before it starts end on its start day (so Frappe draws a bar for every task and as many rows as Luoshi; the generated plans have start and due on every task, so this fallback is never used here). \`new Gantt(…)\` with view mode Month (Luoshi opens at its 季 zoom, 2 px a day; Month is Frappe's nearest, 4 px a day), rows 30 px apart as Luoshi's (bar 20 + padding 10), a scroll box as tall as Luoshi's (window height − 220 px), read-only (no drag handles: Luoshi's bars cannot be dragged), \`infinite_padding\` off (Frappe's default adds 30 months either side), scrolled to the start, no “Today” button. It does not colour bars by light nor roll parents' progress up (a little less work than the app).
- **Timing**, with the probe described above, now waiting for given elements: *dash* from navigation start (\`/?today=2026-06-30#/dashboard\`, a cold start as “start” above: fetch and compile the wasm, read and check the plan, assess it, lay out the charts) to the first frame painted once the headline cards, the donut's segments and the unit ranking's marks all exist; the reference the same from its navigation start. *dashAgain*: the same, once more in the same tab after the page's other measurements (storage set again as before, through the blank page of the same origin), so the same renderer process, whose V8 keeps compiled wasm modules in memory and reuses one whose bytes it has compiled before; the reference's page is loaded again the same way. *click* dispatches a click on the donut's red segment just after a frame and stops at the painted frame where the dashboard is gone, \`count-total\` equals the segment's \`data-count\` and a task row is there (the app sets the address to \`#/ledger?level=red\` and its router swaps the page; the reference draws its table). *gantt* from navigation start (\`#/gantt\`) to the first frame painted with a Gantt row; for Frappe with a bar: it builds everything synchronously in \`new Gantt\` and positions each bar's label in its next animation frame (\`getBBox\` per bar), which that painted frame includes; its bars then grow for 0.4 s (an SVG animation from 0.1 s), which is not waited for. *scroll* sets the scroll box's \`scrollTop\` one \`clientHeight\` further just after a frame; for the app it stops at the painted frame once the row at the bottom of the new screen exists (that row is found once untimed before, and is not in the page before the scroll: only rows in view and 8 either side are drawn); Frappe has drawn every row, so it stops at the painted frame once its scroll listener has run (it walks every bar on each scroll event). *nodes* is \`document.getElementsByTagName('*').length\` after start and at 21 scroll positions from top to bottom (each after a painted frame).
- **Caveats.** The frame grain of the issue-6 caveats applies: a ratio between two one- or two-frame times (click, scroll) says “as many frames” more than “faster”. The app's *dash* and *gantt* include its whole cold start (fetching and compiling the wasm; see the start note above), which the plain-JS pages do not have; Frappe's includes fetching and compiling its 47 KiB script.

### Every repetition (issue 9)
${details}`;
  return { tables: tables.trim() + (missed.length ? `\n\nMissed: ${missed.join("; ")}` : "\n\nEvery target met."), markdown };
}

/** Why Luoshi was slower, or missed, where it did: the run's own numbers
 *  (the app's in-app navigation, its start breakdown) and what
 *  `node bench/profile.mjs --page dashboard|gantt` shows (on a build with
 *  function names, bench/named-dist.sh). */
function chartsWhy(slower, run) {
  if (!slower.length) return "Luoshi was faster than the reference in every row.";
  const nav = (size, key) => {
    const xs = run.results[size].charts.app[key];
    return xs ? ms(median(xs.map((x) => x.paint))) : "?";
  };
  const again = (size, who) => {
    const xs = run.results[size].charts[who].dashAgain;
    return xs ? ms(median(xs.map((x) => x.paint))) : "?";
  };
  const frame = (size, who, key) => ms(median(run.results[size].charts[who][key].map((x) => x.paint - x.dom)));
  const startFrame = (size) => ms(median(run.results[size].app.start.map((x) => x.paint - x.dom)));
  const d = run.appStartDetail ?? {};
  const wasm = d.wasmBytes ? `its ${(d.wasmBytes / 1024).toFixed(0)} KiB wasm (loaded ${ms(d.wasmEnd)} ms after navigation start in the start note above)` : "its wasm";
  const why = {
    dash: (size) =>
      `Once started, the app opens its dashboard in ${nav(size, "dashNav")} ms (the row “ledger → dashboard”). Started again in the same tab (the row ` +
      `“again in the same tab”) it paints in ${again(size, "app")} ms against the reference's ${again(size, "ref")} ms: both gain there (the same renderer ` +
      "process, its fonts and caches; for the app, V8 hands back the module it compiled before), and the app is still slower. Chromium traces of one start " +
      "at 1,000 tasks (2026-11-30, from the document's request) show why. In the same tab the app's wasm has arrived at 49 ms, the compiled module is handed " +
      "back by 74 ms, the glue has run by 84 ms, and only then does `main` run (about 36 ms: reading, checking and assessing the plan, laying out and drawing " +
      "the charts), followed by 13 ms of style and layout: about 85 ms of the app's time goes before any of its own code runs, which alone is more than 1.3× " +
      "the reference's whole start there. In a new tab the wasm has arrived at 65 ms, then one task of 203 ms finishes compiling the module and runs `main`: " +
      "V8 compiles each function as it is first called (about 1,400 of them, about 60–70 ms) and runs them as unoptimised baseline (Liftoff) code while it " +
      "optimises on background threads that share the machine's two cores; then 34 ms of style and layout (fonts are new to the process). Built at opt-level 3 " +
      "instead of “z” the module is 4.7 MB and the cold start was slower (medians about 460 against 400 ms at 1,000 tasks, 2026-11-30). Long HTTP cache " +
      "lifetimes in a persistent profile helped somewhat (240–330 ms), but Chromium keeps compiled wasm on disk only after a megabyte of optimised code, " +
      "and the single file opened from `file://` never gets that cache.",
    dashAgain: () => "Explained with the row above (*dash*).",
    gantt: (size) =>
      `Once started, the app opens its Gantt in ${nav(size, "ganttNav")} ms (the row “ledger → Gantt”); the rest is the app's start (below). ` +
      "Frappe Gantt draws every row (its DOM grows with the plan) and then measures every bar's label (`getBBox` per bar, forcing layout), so its time grows " +
      "with the plan faster than the app's, whose start grows only with reading the plan and whose fixed costs (the wasm) weigh most on a small plan.",
    click: () =>
      "The app changes its address (`#/ledger?level=red`), and its router swaps the dashboard for the ledger, which selects the items, lays out " +
      "the outline and draws the rows in view; the reference replaces the dashboard's `innerHTML` with a table of every matching row. Both take a few frames; " +
      "a difference within a frame (~17 ms) is frame alignment.",
    scroll: () =>
      "Both take one or two frames: the app draws the rows that come into view from its scroll handler, Frappe walks every bar in its own scroll handler " +
      "(it has drawn every row already); a difference within a frame (~17 ms) is frame alignment.",
  };
  const lines = slower.map(
    ({ size, key, ratio, a, b, met }) =>
      `- ${size.toLocaleString("en")} tasks, ${key}: ${ms(a)} ms against ${ms(b)} ms (ratio ${ratio.toFixed(2)}${met ? "" : ", target missed"}). ${why[key]?.(size) ?? ""}`,
  );
  const start = slower.some(({ key }) => key === "dash" || key === "gantt")
    ? `\n\n**The app's start.** *dash* and *gantt* are cold starts, the same as the ledger's “start” above: fetching and compiling ${wasm}, then reading the ` +
      "stored plan (`store::interpret` → `format::restore::restore_plan`, one typed pass for text of the current version, item by item only when that fails), " +
      "checking it (`model::audit`), indexing and assessing it, all before the first page is drawn. A profile of the start at `#/dashboard` on a build with " +
      "function names (`bash bench/named-dist.sh`, then `LUOSHI_BENCH_DIST=target/bench-named-dist node bench/profile.mjs --page dashboard`; 1,000 tasks, " +
      "2026-11-30) put 59 of the 185 ms under `luoshi::main` in reading the plan (`read_key`; 15 ms of it in chrono's date parser), 17 ms in the audit and " +
      "the index, and under 4 ms in the charts' layout (`model::charts`); after dates were read by hand and the dashboard's marks left their six listeners " +
      "each for one set on the page, the same profile put 124 ms under `main`, 40 of them reading the plan. The plain-JS dashboard reads the same text " +
      "with V8's native `JSON.parse`, has nothing but itself to fetch and compile, and trusts the data. So the dashboard's target is missed by the cost of " +
      "loading and starting a 2.5 MB wasm module, which comes before the dashboard's own code and which, at 1,000 tasks, is by itself more than the target " +
      "allows; the charts' own share is a few milliseconds."
    : "";
  return `Where Luoshi was slower than the reference or missed a target:\n\n${lines.join("\n")}${start}`;
}

/** Notes on every row where Luoshi was slower than the reference. */
function slowerNote(slower) {
  if (!slower.length) return "Luoshi was faster than the reference in every row.";
  const why = {
    saved:
      "Both pages wait 250 ms after the change, so the difference is the save itself: the reference runs `JSON.stringify` and `setItem`; " +
      "the app's save (src/ui/persistence/saving.rs, `Repo::save`) reads the stored value's first characters to check its stamp " +
      "(no other tab wrote meanwhile), serialises the plan in Rust, packs it (deflate, about a tenth of the text) and hands that " +
      "across the wasm boundary to `setItem`; and its 250 ms timer starts from the plan change, after the edit has been applied " +
      "in wasm, where the reference's starts at the click.",
    open:
      "The app's editor is a full form (every field of a task, the unit list for type-ahead), the reference's one text box; the app's " +
      "time does not grow with the plan (compare the sizes): its script is brief and the rest is the form's own style and layout.",
    edit: "Both take a frame or two; a difference within one frame (~17 ms) is mostly frame alignment.",
    start:
      "Both draw the same few dozen rows (the reference windows them as the app does); the app's start also fetches and compiles its wasm, " +
      "then reads, checks and assesses the whole plan in it, where the reference parses the text with V8's native `JSON.parse` and trusts it " +
      "(the dashboard's start below is the same story, in more detail; [where a cold start's time goes](#where-a-cold-starts-time-goes) " +
      "splits both starts' main-thread time from a trace).",
    first: "The first start after the upgrade also lists the legacy key, which parses the whole plan once more; otherwise as *start*.",
  };
  const lines = slower.map(
    ({ size, key, ratio, a, b, close }) =>
      `- ${size.toLocaleString("en")} tasks, ${key}: ${ms(a)} ms against ${ms(b)} ms (ratio ${ratio.toFixed(2)}). ${why[key] ?? ""}` +
      (close ? " **Borderline:** within 0.1 of its target (either side), about as much as this ratio has moved between full runs on this machine." : ""),
  );
  return `Where Luoshi was slower than the reference (\`node bench/profile.mjs\` profiles the app; \`bench/named-dist.sh\` gives it function names):\n\n${lines.join("\n")}`;
}
