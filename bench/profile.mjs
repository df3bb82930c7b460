// Where the app's time goes at a given size (default 5,000 tasks): a V8 CPU
// profile (Chrome DevTools Protocol) of one start, one search keystroke and
// one edit-to-saved, summarised as self time by function and by kind
// (wasm, the wasm-bindgen glue, browser built-ins, garbage collection,
// rendering outside script). For investigating bench/RESULTS.md; not part
// of the benchmark's numbers.
//
//   node bench/profile.mjs [--size 5000] [--ref] [--first]
//   node bench/profile.mjs --page dashboard|gantt [--size 5000] [--ref]
//
// --page: issue 9's pages instead of the ledger: a start at #/dashboard and
// the click on the donut's red segment (--ref: bench/dashboard-reference.html),
// or a start at #/gantt and one screen of scrolling (--ref: Frappe Gantt).
//
// --first: storage without the plan list, so the app's start includes
// migrating the legacy key (as "first start after the upgrade" in the
// results); otherwise the list is there, as on every later start.
//
// The release wasm carries no function names (opt-level "z", wasm-opt), so
// wasm functions show as wasm-function[N]; the split between wasm, glue and
// built-ins (localStorage, TextEncoder/Decoder, DOM) is what is useful.
import {
  APP_PATH,
  DASH_REF_PATH,
  FRAPPE_PATH,
  REF_PATH,
  largePlan,
  launch,
  planList,
  probe,
  resetStorage,
  sampleEnvelope,
  serve,
  setValue,
  settle,
  startTimings,
  timeOpenEditor,
  timeSave,
  watched,
} from "./common.mjs";

const args = process.argv.slice(2);
const SIZE = args.includes("--size") ? Number(args[args.indexOf("--size") + 1]) : 5000;
const WHO = args.includes("--ref") ? "ref" : "app";
const FIRST = args.includes("--first");
const PAGE = args.includes("--page") ? args[args.indexOf("--page") + 1] : null;
if (PAGE && !["dashboard", "gantt"].includes(PAGE)) throw new Error("--page is dashboard or gantt");
const problems = [];
const server = await serve();
const browser = await launch();

/** Rust's legacy symbol mangling (`_ZN6luoshi2ui3app…17h…E`) read back
 *  to `luoshi::ui::app::…`, so the named build's frames can be grouped by
 *  path; other names are returned unchanged. */
export function demangle(name) {
  const m = /^_ZN(.*)E$/.exec(name);
  if (!m) return name;
  const parts = [];
  let s = m[1];
  while (s.length) {
    const n = /^(\d+)/.exec(s);
    if (!n) break;
    const len = Number(n[1]);
    parts.push(s.slice(n[1].length, n[1].length + len));
    s = s.slice(n[1].length + len);
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts.at(-1))) parts.pop();
  const subs = { $LT$: "<", $GT$: ">", $C$: ",", $RF$: "&", $BP$: "*", $LP$: "(", $RP$: ")", $u20$: " ", $u7b$: "{", $u7d$: "}", $u27$: "'", $u5b$: "[", $u5d$: "]", $u3b$: ";", $u7e$: "~" };
  return parts.join("::").replace(/\$[A-Za-z0-9]+\$/g, (x) => subs[x] ?? x).replace(/\.\./g, "::");
}

function summarise(profile, label, wall) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const kinds = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    const ms = (dt[i + 1] ?? 0) / 1000;
    const f = n.callFrame;
    const url = f.url.split("/").pop() || "";
    const name = `${f.functionName || "(anonymous)"}${url ? ` ${url}` : ""}`;
    self.set(name, (self.get(name) ?? 0) + ms);
    const kind = /^wasm-function|\.wasm/.test(name) || f.url.includes(".wasm") || /^\$?wasm/.test(f.functionName)
      ? "wasm"
      : f.functionName === "(idle)" ? "idle"
      : f.functionName === "(garbage collector)" ? "gc"
      : f.functionName === "(program)" ? "program (native: parse, style, layout, paint)"
      : /luoshi-.*\.js/.test(f.url) ? "wasm-bindgen glue (JS)"
      : f.url ? "page JS" : "built-ins / other";
    kinds.set(kind, (kinds.get(kind) ?? 0) + ms);
  }
  // Inclusive time of the app's own functions (luoshi::…), by stack.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (dt[i + 1] ?? 0) / 1000;
    const seen = new Set();
    for (let id = profile.samples[i]; id != null; id = parent.get(id)) {
      const f = demangle(byId.get(id).callFrame.functionName).replace(/::h[0-9a-f]{16}$/, "");
      if (/luoshi::/.test(f) && !seen.has(f)) {
        seen.add(f);
        incl.set(f, (incl.get(f) ?? 0) + ms);
      }
    }
  }
  // LUOSHI_PROFILE_TREE=<regex>: the callees of the frames it matches,
  // by inclusive time, three levels deep (named build).
  const treeOf = process.env.LUOSHI_PROFILE_TREE && new RegExp(process.env.LUOSHI_PROFILE_TREE);
  if (treeOf) {
    const tree = new Map();
    for (let i = 0; i < profile.samples.length; i++) {
      const ms = (dt[i + 1] ?? 0) / 1000;
      const stack = [];
      for (let id = profile.samples[i]; id != null; id = parent.get(id)) stack.unshift(demangle(byId.get(id).callFrame.functionName || "(anonymous)").replace(/::h[0-9a-f]{16}$/, ""));
      const at = stack.findIndex((f) => treeOf.test(f));
      if (at < 0) continue;
      const path = stack.slice(at, at + Number(process.env.LUOSHI_PROFILE_DEPTH || 4));
      for (let d = 1; d <= path.length; d++) {
        const key = path.slice(0, d).join(" > ");
        tree.set(key, (tree.get(key) ?? 0) + ms);
      }
    }
    console.log(`  callees of ${treeOf}:`);
    for (const [k, v] of [...tree].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
      if (v >= 0.8) console.log(`  ${v.toFixed(1).padStart(8)} ms  ${"  ".repeat(k.split(" > ").length - 1)}${k.split(" > ").at(-1).slice(0, 150)}`);
  }
  // The innermost luoshi:: frame of every sample: where the app's own code
  // (with the library code it calls, down to the next luoshi:: frame) spends.
  const own = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (dt[i + 1] ?? 0) / 1000;
    for (let id = profile.samples[i]; id != null; id = parent.get(id)) {
      const f = demangle(byId.get(id).callFrame.functionName).replace(/::h[0-9a-f]{16}$/, "");
      if (/luoshi::/.test(f)) {
        own.set(f, (own.get(f) ?? 0) + ms);
        break;
      }
    }
  }
  // LUOSHI_PROFILE_CALLERS=<regex>: for samples whose stack holds a frame
  // it matches, the nearest luoshi:: frame above that frame.
  const callersOf = process.env.LUOSHI_PROFILE_CALLERS && new RegExp(process.env.LUOSHI_PROFILE_CALLERS);
  if (callersOf) {
    const by = new Map();
    for (let i = 0; i < profile.samples.length; i++) {
      const ms = (dt[i + 1] ?? 0) / 1000;
      let hit = null;
      for (let id = profile.samples[i]; id != null; id = parent.get(id)) {
        const f = demangle(byId.get(id).callFrame.functionName).replace(/::h[0-9a-f]{16}$/, "");
        if (!hit && (callersOf.test(f) || callersOf.test(byId.get(id).callFrame.functionName))) hit = f;
        else if (hit && /luoshi::/.test(f)) { const k = `${hit.slice(0, 60)} ← ${f}`; by.set(k, (by.get(k) ?? 0) + ms); hit = null; break; }
      }
    }
    console.log(`  callers of ${callersOf}:`);
    for (const [n, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${v.toFixed(1).padStart(8)} ms  ${n.slice(0, 200)}`);
  }
  if (process.env.LUOSHI_PROFILE_OWN) {
    // self time of the leaves under frames that are directly luoshi::main's
    const leaves = new Map();
    for (let i = 0; i < profile.samples.length; i++) {
      const ms = (dt[i + 1] ?? 0) / 1000;
      const leaf = byId.get(profile.samples[i]).callFrame.functionName || "(anon)";
      for (let id = profile.samples[i]; id != null; id = parent.get(id)) {
        const f = demangle(byId.get(id).callFrame.functionName).replace(/::h[0-9a-f]{16}$/, "");
        if (/luoshi::/.test(f)) {
          if (f === "luoshi::main") { const l = demangle(leaf).replace(/::h[0-9a-f]{16}$/, ""); leaves.set(l, (leaves.get(l) ?? 0) + ms); }
          break;
        }
      }
    }
    console.log("  leaves under luoshi::main's own part:");
    for (const [n, v] of [...leaves].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${v.toFixed(1).padStart(8)} ms  ${n.slice(0, 160)}`);
    console.log("  innermost luoshi:: frame (its own time and the libraries it calls):");
    for (const [n, v] of [...own].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${v.toFixed(1).padStart(8)} ms  ${n.slice(0, 160)}`);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 14);
  const topIncl = [...incl].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.LUOSHI_PROFILE_TOP || 16));
  console.log(`\n== ${WHO} ${SIZE} tasks: ${label} (wall ${wall.toFixed(0)} ms)`);
  console.log("  by kind: " + [...kinds].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(", "));
  console.log("  self time:");
  for (const [n, v] of top) console.log(`  ${v.toFixed(1).padStart(8)} ms  ${n}`);
  if (topIncl.length) console.log("  inclusive time of luoshi:: functions (names only in a named build, see bench/named-dist.sh):");
  for (const [n, v] of topIncl) console.log(`  ${v.toFixed(1).padStart(8)} ms  ${n}`);
  // The charts' and the Gantt's own share (issue 9's pages).
  const charts = [...incl].filter(([f]) => /::(dashboard|charts|gantt)::/.test(f)).sort((a, b) => b[1] - a[1]).slice(0, 8);
  if (charts.length) console.log("  of which charts and Gantt (luoshi::ui::dashboard, ::gantt, model::charts):");
  for (const [n, v] of charts) console.log(`  ${v.toFixed(1).padStart(8)} ms  ${n}`);
}

/** Issue 9's pages: the start at the dashboard or the Gantt, then the
 *  click on the donut's red segment or one screen of scrolling. */
async function profilePage(text) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const list = await planList(context, server.origin, text);
  const page = await watched(context, server.origin, WHO, problems);
  const watch =
    PAGE === "dashboard"
      ? ["[data-testid='dashboard-counts'] [data-testid='chart-mark']", "[data-testid='donut'] [data-testid='chart-mark']", "[data-testid='unit-ranking'] [data-testid='chart-mark']"]
      : WHO === "app" ? ["[data-testid='gantt-row']"] : [".bar-wrapper"];
  await page.addInitScript(probe, watch);
  await resetStorage(page, server.origin, text, list);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  const path = WHO === "app" ? `${APP_PATH}#/${PAGE}` : PAGE === "dashboard" ? DASH_REF_PATH : FRAPPE_PATH;
  await page.goto(server.origin + path);
  const start = await startTimings(page);
  summarise((await cdp.send("Profiler.stop")).profile, `start at ${PAGE} to painted (DOM ${start.rows.toFixed(0)} ms)`, start.painted);
  await page.waitForTimeout(600);
  await settle(page);
  await cdp.send("Profiler.start");
  const t = await page.evaluate(async (what) => {
    const B = window.__bench;
    await B.frameStart();
    const t0 = performance.now();
    if (what === "dashboard") {
      const mark = document.querySelector("[data-testid='donut'] [data-testid='chart-mark'].fill-red");
      const want = mark.dataset.count;
      mark.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, view: window }));
      await B.until(() => !document.querySelector("[data-testid='dashboard']") && document.querySelector("[data-testid='count-total']")?.textContent.trim() === want && !!B.firstRow());
    } else {
        const el = document.querySelector("[data-testid='gantt-scroll'], .gantt-container");
        const before = el.scrollTop;
        el.scrollTop += el.clientHeight;
        await B.until(() => el.scrollTop !== before);
      }
      return (await B.afterPaint()) - t0;
    }, PAGE);
    await settle(page, 150);
    summarise((await cdp.send("Profiler.stop")).profile, `${PAGE === "dashboard" ? "click on the red segment → ledger" : "scroll one screen"} painted ${t.toFixed(0)} ms (with a frame and 150 ms after)`, t + 150);
    console.log("\nlong tasks [start ms, duration ms]:", JSON.stringify(await page.evaluate(() => window.__bench.longtasks)));
    await context.close();
  }

  try {
    const sample = await sampleEnvelope(browser, server.origin, problems);
    const text = JSON.stringify(largePlan(sample, SIZE));
    if (PAGE) {
      await profilePage(text);
    } else {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(probe);
    const list = FIRST ? null : await planList(context, server.origin, text);
    const page = await watched(context, server.origin, WHO, problems);
    await resetStorage(page, server.origin, text, list);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });

    await cdp.send("Profiler.start");
    await page.goto(server.origin + (WHO === "app" ? APP_PATH : REF_PATH));
    const start = await startTimings(page);
    summarise((await cdp.send("Profiler.stop")).profile, `start to painted ledger${FIRST ? " (no plan list: migration)" : ""}`, start.painted);
    await page.waitForTimeout(600);
    await setValue(page, "[data-testid='search']", "z", "input");
    await setValue(page, "[data-testid='search']", "zz", "input");

    await cdp.send("Profiler.start");
    const t0 = Date.now();
    await setValue(page, "[data-testid='search']", "zzb", "input");
    summarise((await cdp.send("Profiler.stop")).profile, "search zz → zzb (with a frame and 150 ms after)", Date.now() - t0);
    await setValue(page, "[data-testid='search']", "", "input");

    await cdp.send("Profiler.start");
    const opened = await timeOpenEditor(page);
    summarise(
      (await cdp.send("Profiler.stop")).profile,
      `open editor: row click, then Enter → editor painted ${opened.paint.toFixed(0)} ms (DOM ${opened.dom.toFixed(0)} ms)`,
      opened.paint + 50,
    );
    await cdp.send("Profiler.start");
    const saved = await timeSave(page, opened.id, "基准剖析编辑");
    summarise(
      (await cdp.send("Profiler.stop")).profile,
      `edit: save click → row painted ${saved.paint.toFixed(0)} ms, → saved ${saved.saved.toFixed(0)} ms (incl. 250 ms debounce)`,
      saved.saved,
    );
    await settle(page);
    console.log("\nlong tasks [start ms, duration ms]:", JSON.stringify(await page.evaluate(() => window.__bench.longtasks)));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
