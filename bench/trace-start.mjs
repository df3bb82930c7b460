// A Chromium trace of one cold start (app or reference), summarised as the
// renderer main thread's top-level work by event name, in order: where the
// milliseconds before the painted ledger go (compile, parse, script, style,
// layout, paint). For investigating; not part of the benchmark's numbers.
//   node bench/trace-start.mjs [--size 1000] [--ref] [--page dashboard]
import { APP_PATH, REF_PATH, DASH_REF_PATH, DASH_WATCH, largePlan, launch, planList, probe, resetStorage, sampleEnvelope, serve, startTimings, watched } from "./common.mjs";

const args = process.argv.slice(2);
const SIZE = args.includes("--size") ? Number(args[args.indexOf("--size") + 1]) : 1000;
const WHO = args.includes("--ref") ? "ref" : "app";
const DASH = args.includes("--page");
const problems = [];
const server = await serve();
const browser = await launch();
try {
  const sample = await sampleEnvelope(browser, server.origin, problems);
  const text = JSON.stringify(largePlan(sample, SIZE));
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const list = await planList(context, server.origin, text);
  const page = await watched(context, server.origin, WHO, problems);
  if (DASH) await page.addInitScript(probe, DASH_WATCH);
  else await page.addInitScript(probe);
  await resetStorage(page, server.origin, text, list);
  await browser.startTracing(page, { categories: ["devtools.timeline", "v8", "v8.wasm", "blink", "loading", "disabled-by-default-devtools.timeline"] });
  const path = WHO === "app" ? APP_PATH + (DASH ? "#/dashboard" : "") : DASH ? DASH_REF_PATH : REF_PATH;
  await page.goto(server.origin + path);
  const start = await startTimings(page);
  const buf = await browser.stopTracing();
  const events = JSON.parse(buf.toString()).traceEvents;
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain" && events.some((x) => x.pid === e.pid && x.name === "ParseHTML"));
  const nav = events.find((e) => e.name === "navigationStart" && e.pid === main.pid) || events.find((e) => e.name === "TracingStartedInBrowser");
  const t0 = nav.ts;
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur > 0);
  // top-level only: not contained in an earlier event
  mine.sort((a, b) => a.ts - b.ts);
  const top = [];
  let end = 0;
  for (const e of mine) if (e.ts >= end) { top.push(e); end = e.ts + e.dur; }
  console.log(`${WHO} ${SIZE} ${DASH ? "dashboard" : "ledger"}: painted ${start.painted.toFixed(0)} ms, rows ${start.rows?.toFixed?.(0)}`);
  for (const e of top.filter((e) => e.dur > 1000)) {
    const kids = mine.filter((k) => k !== e && k.ts >= e.ts && k.ts + k.dur <= e.ts + e.dur && k.dur > 2000).map((k) => `${k.name}${k.args?.data?.url ? "(" + k.args.data.url.split("/").pop().slice(0, 20) + ")" : ""} ${(k.dur / 1000).toFixed(1)}`);
    console.log(`${((e.ts - t0) / 1000).toFixed(1).padStart(7)} +${(e.dur / 1000).toFixed(1).padStart(6)}  ${e.name}  ${kids.slice(0, 12).join(", ")}`);
  }
  // Totals by event name on the main thread (nested events counted in
  // their own name too) and wasm compilation on every thread.
  const totals = new Map();
  for (const e of events.filter((e) => e.pid === main.pid && e.ph === "X" && e.dur > 0 && (e.tid === main.tid || /wasm/i.test(e.name)))) {
    const k = `${e.tid === main.tid ? "main" : "other"} ${e.name}`;
    const t = totals.get(k) ?? [0, 0];
    totals.set(k, [t[0] + e.dur / 1000, t[1] + 1]);
  }
  for (const [k, [ms, n]] of [...totals].sort((a, b) => b[1][0] - a[1][0]).slice(0, Number(process.env.TOTALS || 0)))
    console.log(`  ${ms.toFixed(1).padStart(8)} ms ×${n}  ${k}`);
  if (process.env.LAZY_ARGS) console.log(JSON.stringify(events.filter((e) => e.name === "wasm.CompileLazy").slice(0, 3)));
  // wasm compile on any thread
  for (const e of events.filter((e) => /wasm/i.test(e.name) && e.dur > 1000 && e.pid === main.pid).slice(0, 20))
    console.log(`  [tid ${e.tid}] ${((e.ts - t0) / 1000).toFixed(1)} +${(e.dur / 1000).toFixed(1)} ${e.name}`);
} finally {
  await browser.close();
  await server.close();
}
