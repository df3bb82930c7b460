// The cold starts alone (bench/run.mjs's "start" and "dash" rows, and
// bench/throttled.mjs's 4× CPU ledger start at 1,000 tasks), app and
// reference alternated, medians printed: a quick comparison while working
// on the start. Not part of bench/RESULTS.md.
//   LUOSHI_BENCH_DIST=target/bench-dist node bench/starts.mjs [--reps 5] [--sizes 1000,5000] [--no-throttle]
import { APP_PATH, DASH_REF_PATH, DASH_WATCH, REF_PATH, coldPage, largePlan, launch, planList, resetStorage, sampleEnvelope, serve, startTimings } from "./common.mjs";
import { RATE } from "./throttled.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const REPS = Number(opt("--reps", 5));
const SIZES = opt("--sizes", "1000,5000").split(",").map(Number);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const problems = [];
const server = await serve();
const browser = await launch();
const origin = server.origin;

async function once(who, path, watch, text, list, rate = 1) {
  const { context, page } = await coldPage(browser, origin, who, problems, watch);
  try {
    await resetStorage(page, origin, text, list);
    if (rate !== 1) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate });
    await page.goto(origin + path);
    const t = await startTimings(page);
    const long = await page.evaluate(() => window.__bench.longtasks.map(([s, d]) => Math.round(d)));
    return { paint: t.painted, long };
  } finally {
    await context.close();
  }
}

try {
  const sample = await sampleEnvelope(browser, origin, problems);
  for (const size of SIZES) {
    const text = JSON.stringify(largePlan(sample, size));
    const ctx = await browser.newContext();
    const list = await planList(ctx, origin, text);
    await ctx.close();
    const kinds = [
      ["ledger", APP_PATH, REF_PATH, null, 1],
      ["dashboard", `${APP_PATH}#/dashboard`, DASH_REF_PATH, DASH_WATCH, 1],
    ];
    if (size === 1000 && !args.includes("--no-throttle")) kinds.push([`ledger ${RATE}× CPU`, APP_PATH, REF_PATH, null, RATE]);
    for (const [name, app, ref, watch, rate] of kinds) {
      const a = [], r = [], longs = [];
      for (let i = 0; i < REPS; i++) {
        const order = i % 2 ? ["ref", "app"] : ["app", "ref"];
        for (const who of order) {
          const x = await once(who, who === "app" ? app : ref, watch, text, list, rate);
          (who === "app" ? a : r).push(x.paint);
          if (who === "app") longs.push(Math.max(0, ...x.long));
        }
      }
      const line = `${String(size).padStart(5)} ${name.padEnd(14)} app ${median(a).toFixed(0).padStart(5)}  ref ${median(r).toFixed(0).padStart(5)}  ratio ${(median(a) / median(r)).toFixed(2)}  app's longest task ${median(longs)}  [${a.map((x) => x.toFixed(0)).join(" ")}]`;
      console.log(line);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
