// Where a cold start's time goes (issue 19): a Chromium trace of one cold
// start of the app or its reference, split into what the renderer's main
// thread did before the painted ledger (or dashboard) and measured in the
// thread's own CPU time (the trace's `tdur`), which other work on the
// machine disturbs far less than wall time:
//   - the app's `main` (the task that runs the wasm: reading the stored
//     plan, assessing it, building the page), and of it the wasm functions
//     V8 compiles on first call (Liftoff, on this thread: `wasm.CompileLazy`);
//   - style, layout and paint of the frames before the painted one;
//   - everything else (navigation, HTML, the scripts' loading and
//     evaluation, the wasm's streaming decode);
//   - and, on other threads, V8's background compilation of the wasm.
//
//   node bench/trace-start.mjs [--size 1000] [--ref] [--page dashboard] [--rate 4] [--events]
//   node bench/trace-start.mjs --markdown [--reps 3] > target/bench-trace.md   (scripts/bench.sh)
//
// --events prints the main thread's top-level tasks in order with their
// larger parts. --markdown: app and reference at 1,000 and 5,000 tasks,
// the median of --reps starts each, as RESULTS.md's table.
import { APP_PATH, DASH_REF_PATH, DASH_WATCH, REF_PATH, largePlan, launch, planList, probe, resetStorage, sampleEnvelope, serve, startTimings, watched } from "./common.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const CATEGORIES = ["devtools.timeline", "v8", "v8.wasm", "blink", "loading", "disabled-by-default-devtools.timeline"];

/** One traced cold start; returns its split (ms) and, with `events`, prints
 *  the main thread's tasks. */
async function traceStart({ browser, origin, text, list, who, dash, rate = 1, events: print = false, problems }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await watched(context, origin, who, problems);
    await page.addInitScript(probe, dash ? DASH_WATCH : null);
    await resetStorage(page, origin, text, list);
    if (rate !== 1) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate });
    await browser.startTracing(page, { categories: CATEGORIES });
    const path = who === "app" ? APP_PATH + (dash ? "#/dashboard" : "") : dash ? DASH_REF_PATH : REF_PATH;
    await page.goto(origin + path);
    const start = await startTimings(page);
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain" && events.some((x) => x.pid === e.pid && x.name === "ParseHTML"));
    const nav = events.find((e) => e.name === "navigationStart" && e.pid === main.pid) || events.find((e) => e.name === "TracingStartedInBrowser");
    const t0 = nav.ts;
    const paintTs = t0 + start.painted * 1000;
    const cpu = (e) => (e.tdur ?? e.dur) / 1000;
    const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur > 0).sort((a, b) => a.ts - b.ts);
    const top = [];
    let end = 0;
    for (const e of mine) if (e.ts >= end) (top.push(e), (end = e.ts + e.dur));
    const before = top.filter((e) => e.ts >= t0 && e.ts < paintTs);
    const inside = (outer) => (e) => e.ts >= outer.ts && e.ts + e.dur <= outer.ts + outer.dur;
    // The app's main: the task calling into the glue script for longest.
    const calls = (t) => mine.filter(inside(t)).some((e) => e.name === "FunctionCall" && /luoshi-[0-9a-f]+\.js/.test(e.args?.data?.url ?? ""));
    const mainTask = who === "app" ? before.filter(calls).sort((a, b) => b.dur - a.dur)[0] : null;
    const sum = (list, f = cpu) => list.reduce((a, e) => a + f(e), 0);
    // Style, layout and paint wherever they ran: in a frame, or forced by
    // a script reading the layout (the reference's does, to window its
    // rows; so does the app's, once its rows are in).
    const RENDERING = /^(UpdateLayoutTree|Layout|PrePaint|LocalFrameView::RunPaintLifecyclePhase)$/;
    const rendering = (t) => mine.filter(inside(t)).filter((e) => RENDERING.test(e.name));
    const inMain = mainTask ? sum(rendering(mainTask)) : 0;
    const split = {
      painted: start.painted,
      total: sum(before),
      main: mainTask ? cpu(mainTask) - inMain : 0,
      lazy: mainTask ? sum(mine.filter(inside(mainTask)).filter((e) => e.name === "wasm.CompileLazy")) : 0,
      frames: sum(before.flatMap(rendering)),
      background: sum(
        events.filter((e) => e.pid === main.pid && e.tid !== main.tid && e.ph === "X" && e.ts < paintTs && /^wasm\.(ExecuteCompilationUnits|ValidateFunctionsStreaming)$/.test(e.name)),
        (e) => e.dur / 1000,
      ),
    };
    split.other = split.total - split.main - split.frames;
    if (print) {
      console.log(`${who} ${dash ? "dashboard" : "ledger"}: painted ${start.painted.toFixed(0)} ms; main thread CPU before the paint ${split.total.toFixed(0)} ms`);
      for (const e of top.filter((e) => e.dur > 1000 && e.ts < paintTs + 100000)) {
        const kids = mine
          .filter((k) => k !== e && inside(e)(k) && k.dur > 2000)
          .map((k) => `${k.name}${k.args?.data?.url ? "(" + k.args.data.url.split("/").pop().slice(0, 24) + ")" : ""} ${(k.dur / 1000).toFixed(1)}`);
        console.log(`${((e.ts - t0) / 1000).toFixed(1).padStart(7)} +${(e.dur / 1000).toFixed(1).padStart(6)} (CPU ${cpu(e).toFixed(1)})  ${kids.slice(0, Number(process.env.KIDS || 10)).join(", ")}`);
      }
    }
    return split;
  } finally {
    await context.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const f0 = (x) => x.toFixed(0);

const problems = [];
const server = await serve();
const browser = await launch();
try {
  const sample = await sampleEnvelope(browser, server.origin, problems);
  if (args.includes("--markdown")) {
    const reps = Number(opt("--reps", 3));
    const rows = [];
    for (const size of [1000, 5000]) {
      const text = JSON.stringify(largePlan(sample, size));
      const ctx = await browser.newContext();
      const list = await planList(ctx, server.origin, text);
      await ctx.close();
      for (const who of ["app", "ref"]) {
        const runs = [];
        for (let i = 0; i < reps; i++) runs.push(await traceStart({ browser, origin: server.origin, text, list, who, problems }));
        const m = (k) => median(runs.map((r) => r[k]));
        rows.push(
          `| ${size.toLocaleString("en")} | ${who === "app" ? "Luoshi" : "reference"} | ${f0(m("painted"))} | **${f0(m("total"))}** | ${who === "app" ? `${f0(m("main"))} (${f0(m("lazy"))})` : "—"} | ${f0(m("frames"))} | ${f0(m("other"))} | ${who === "app" ? f0(m("background")) : "—"} |`,
        );
      }
    }
    console.log(
      [
        `Where a cold start's time goes (\`node bench/trace-start.mjs --markdown\`, run by \`scripts/bench.sh\` just before the benchmark, on the same build: a Chromium trace of each start, the median of ${Number(opt("--reps", 3))} starts each; traced starts run somewhat slower than the untraced ones above). CPU time of the page's main thread (the trace's thread time, which other work on the machine disturbs far less than wall time) from navigation to the painted ledger, split into the app's \`main\` — reading the stored plan, assessing it and building the page in wasm, less any style or layout it forced; in brackets, V8 compiling each wasm function on its first call (Liftoff, on this thread) — style, layout and paint wherever they ran (in a frame, or forced by a script reading the layout, as the reference's does to window its rows), and the rest (navigation, HTML, loading and evaluating the scripts, the wasm's streaming decode). Background: V8 compiling the wasm on other threads (with two cores, beside the main thread).`,
        "",
        "| tasks | page | painted, ms (wall) | main thread CPU before the paint, ms | of it: the app's `main` (first-call compiling) | style, layout, paint (in frames or forced by script) | the rest | background wasm compiling, ms |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
        ...rows,
      ].join("\n"),
    );
  } else {
    const size = Number(opt("--size", 1000));
    const text = JSON.stringify(largePlan(sample, size));
    const ctx = await browser.newContext();
    const list = await planList(ctx, server.origin, text);
    await ctx.close();
    const who = args.includes("--ref") ? "ref" : "app";
    const split = await traceStart({
      browser,
      origin: server.origin,
      text,
      list,
      who,
      dash: args.includes("--page"),
      rate: Number(opt("--rate", 1)),
      events: args.includes("--events"),
      problems,
    });
    console.log(`${who} ${size}: ${Object.entries(split).map(([k, v]) => `${k} ${f0(v)}`).join(", ")}`);
  }
} finally {
  await browser.close();
  await server.close();
}
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
