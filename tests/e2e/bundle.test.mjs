// The start-up download stays within the budget the README states, and the
// Excel code stays out of it (issue 10: "a test fails if the start-up
// bundle grows past the budget written in the README").
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { DIST, ROOT } from "./harness.mjs";

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

test("the start-up bundle is within the README's budget and holds no Excel code", () => {
  const budget = readFileSync(join(ROOT, "README.md"), "utf8").match(/Start-up budget: (\d+) KB/);
  assert.ok(budget, "the README states the start-up budget");
  const limit = Number(budget[1]) * 1024;
  const index = readFileSync(join(DIST, "index.html"), "utf8");
  // What index.html makes the browser fetch at start: its scripts, the
  // wasm its start script names, its stylesheets.
  const names = [...index.matchAll(/(?:src|href)="\.?\/?([^"#?]+\.(?:js|css|wasm))"/g)].map((m) => m[1]);
  const wasm = index.match(/'\.?\/?([^']+_bg\.wasm)'/)?.[1];
  assert.ok(wasm, "the start script names the app's wasm");
  const files = [...new Set([...names, wasm])];
  assert.ok(!files.some((f) => /excel/.test(f)), `nothing of Excel at start-up: ${files}`);
  const sizes = Object.fromEntries(files.map((f) => [f, brotli(readFileSync(join(DIST, f)))]));
  const total = brotli(Buffer.from(index)) + Object.values(sizes).reduce((a, b) => a + b, 0);
  console.log(`start-up: ${(total / 1024).toFixed(0)} KB brotli of ${budget[1]} KB`, sizes);
  assert.ok(total <= limit, `start-up is ${(total / 1024).toFixed(0)} KB brotli, over the budget of ${budget[1]} KB`);
  const app = readFileSync(join(DIST, wasm)).toString("latin1");
  for (const name of ["calamine", "rust_xlsxwriter", "xl/worksheets"]) {
    assert.ok(!app.includes(name), `the start-up wasm holds ${name}`);
  }
  // The worker's own files are there, for first use.
  const all = readdirSync(DIST);
  for (const f of ["excel-worker.js", "luoshi-excel.js", "luoshi-excel_bg.wasm"]) assert.ok(all.includes(f), `${f} in dist/`);
  assert.ok(readFileSync(join(DIST, "luoshi-excel_bg.wasm")).toString("latin1").includes("calamine"));
});

// The browser floor (README, "Supported browsers"): both wasm files must
// validate with only the MVP and the four features Chromium 86 has.
// Reference types or multivalue anywhere (an externref table from
// wasm-bindgen, say) fail validation here.
const FLOOR = ["--mvp-features", "--enable-bulk-memory", "--enable-sign-ext", "--enable-nontrapping-float-to-int", "--enable-mutable-globals"];

test("both wasm files need nothing beyond Chromium 86's WebAssembly", () => {
  const wasmOpt = join(ROOT, "node_modules", ".bin", "wasm-opt");
  const files = readdirSync(DIST).filter((f) => f.endsWith("_bg.wasm"));
  assert.equal(files.length, 2, `the app's and the Excel worker's: ${files}`);
  for (const f of files) {
    const run = spawnSync(wasmOpt, [join(DIST, f), ...FLOOR, "-o", "/dev/null"], { encoding: "utf8" });
    assert.equal(run.status, 0, `${f} needs more than the floor:\n${(run.stderr || run.stdout).slice(0, 2000)}`);
  }
  // The check does refuse what the floor lacks: a module declaring an
  // externref table (what wasm-bindgen emits with reference types).
  const externref = Buffer.from([0, 97, 115, 109, 1, 0, 0, 0, 4, 4, 1, 0x6f, 0, 0]);
  const tmp = join(ROOT, "target", "externref-table.wasm");
  writeFileSync(tmp, externref);
  const refused = spawnSync(wasmOpt, [tmp, ...FLOOR, "-o", "/dev/null"], { encoding: "utf8" });
  assert.notEqual(refused.status, 0, "the check refuses a module with an externref table");
});
