// The start-up download stays within the budget the README states, and the
// Excel code stays out of it (issue 10: "a test fails if the start-up
// bundle grows past the budget written in the README").
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { DIST, ROOT, serveDist, launchBrowser, watchedPage, appReady, MID_YEAR } from "./harness.mjs";

// The pages other than the ledger and the dashboard, split into wasm
// modules of their own (src/ui/lazy_pages.rs), with their loader.
const SPLIT = "snippets/luoshi-split";
const splitFiles = (ext) => (existsSync(join(DIST, SPLIT)) ? readdirSync(join(DIST, SPLIT)).filter((f) => f.endsWith(ext)).map((f) => `${SPLIT}/${f}`) : []);
// A page's own module (split_page_*) or code two or more split modules share (chunk_*).
const PAGE_MODULE = /(^|\/)(split_page_[^/]*|chunk_\d+)\.wasm$/;

/** What index.html makes the browser fetch at start: its scripts and
 *  their static imports (the split modules' loader), the wasm its start
 *  script names, its stylesheets. */
function startFiles() {
  const index = readFileSync(join(DIST, "index.html"), "utf8");
  const names = [...index.matchAll(/(?:src|href)="\.?\/?([^"#?]+\.(?:js|css|wasm))"/g)].map((m) => m[1]);
  const wasm = index.match(/'\.?\/?([^']+_bg\.wasm)'/)?.[1];
  assert.ok(wasm, "the start script names the app's wasm");
  const glue = index.match(/from '\.\/([^']+\.js)'/)?.[1];
  assert.ok(glue, "the start script imports the app's glue");
  const imported = [...readFileSync(join(DIST, glue), "utf8").matchAll(/^import .* from "\.\/([^"]+\.js)";?$/gm)].map((m) => m[1]);
  return { index, wasm, files: [...new Set([...names, glue, ...imported, wasm])] };
}

/** The split modules the loader knows, by its name for each: the file and
 *  the modules (shared chunks) loaded with it. */
function splitModules() {
  const loader = readFileSync(join(DIST, SPLIT, "__wasm_split.js"), "utf8");
  const re = /const (\w+) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{[\s\S]*?new URL\("\.\/([\w.]+\.wasm)"[\s\S]*?\}\s*,\s*\[([^\]]*)\]\)/g;
  const modules = {};
  for (const m of loader.matchAll(re)) modules[m[1]] = { file: `${SPLIT}/${m[2]}`, deps: m[3].split(",").map((d) => d.trim()).filter(Boolean) };
  return modules;
}

/** The files loading split module `name` fetches. */
function filesOf(modules, name) {
  const out = new Set();
  const walk = (n) => {
    const m = modules[n];
    assert.ok(m, `the loader has ${n}`);
    if (out.has(m.file)) return;
    out.add(m.file);
    m.deps.forEach(walk);
  };
  walk(name);
  return [...out];
}

// The task editor, a module of its own fetched right after the ledger shows.
const EDITOR = "__wasm_split_load_task_editor";

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

test("the start-up bundle is within the README's budget and holds no Excel code", () => {
  const budget = readFileSync(join(ROOT, "README.md"), "utf8").match(/Start-up budget: (\d+) KB/);
  assert.ok(budget, "the README states the start-up budget");
  const limit = Number(budget[1]) * 1024;
  const { index, wasm, files } = startFiles();
  assert.ok(!files.some((f) => /excel/.test(f)), `nothing of Excel at start-up: ${files}`);
  // The pages are split off, their loader is counted, and no page module
  // is named (Trunk would preload every file under snippets/).
  assert.ok(splitFiles(".wasm").some((f) => PAGE_MODULE.test(f)), "the pages are split into modules of their own");
  assert.ok(files.includes(`${SPLIT}/__wasm_split.js`), `the split modules' loader is counted: ${files}`);
  assert.ok(!/\.wasm"/.test(index.replace(/"[^"]*_bg\.wasm"/g, "")), "index.html names no page module");
  assert.ok(!files.some((f) => PAGE_MODULE.test(f)), `no page module at start-up: ${files}`);
  const sizes = Object.fromEntries(files.map((f) => [f, brotli(readFileSync(join(DIST, f)))]));
  const total = brotli(Buffer.from(index)) + Object.values(sizes).reduce((a, b) => a + b, 0);
  console.log(`start-up: ${(total / 1024).toFixed(0)} KB brotli of ${budget[1]} KB`, sizes);
  const editor = filesOf(splitModules(), EDITOR).reduce((sum, f) => sum + brotli(readFileSync(join(DIST, f))), 0);
  console.log(`the task editor, fetched after the ledger shows: ${(editor / 1024).toFixed(0)} KB brotli`);
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

test("every wasm file needs nothing beyond Chromium 86's WebAssembly", () => {
  const wasmOpt = join(ROOT, "node_modules", ".bin", "wasm-opt");
  const main = readdirSync(DIST).filter((f) => f.endsWith("_bg.wasm"));
  assert.equal(main.length, 2, `the app's and the Excel worker's: ${main}`);
  const pages = splitFiles(".wasm");
  assert.ok(pages.length > 0, "the page modules are there");
  const files = [...main, ...pages];
  for (const f of files) {
    const run = spawnSync(wasmOpt, [join(DIST, f), ...FLOOR, "-o", "/dev/null"], { encoding: "utf8" });
    assert.equal(run.status, 0, `${f} needs more than the floor:\n${(run.stderr || run.stdout).slice(0, 2000)}`);
  }
  // The check does refuse what the floor lacks: a module declaring an
  // externref table (what wasm-bindgen emits with reference types).
  const externref = Buffer.from([0, 97, 115, 109, 1, 0, 0, 0, 4, 4, 1, 0x6f, 0, 0]);
  mkdirSync(join(ROOT, "target"), { recursive: true });
  const tmp = join(ROOT, "target", "externref-table.wasm");
  writeFileSync(tmp, externref);
  const refused = spawnSync(wasmOpt, [tmp, ...FLOOR, "-o", "/dev/null"], { encoding: "utf8" });
  assert.notEqual(refused.status, 0, "the check refuses a module with an externref table");
});

// The browser floor for scripts, as for wasm above: every script the two
// pages and the Excel worker run must parse and run on Chromium 86 (and
// Firefox 79, whose one later gap here is private class members). acorn
// reads them as ES2022 (class fields, which Chromium has had since 72-74,
// are in it), and the tree is searched for syntax newer than 86 —
// top-level await (Chromium 89) first — and for built-ins newer than 86.
import * as acorn from "acorn";

/** What in `source` needs more than Chromium 86, as readable lines. */
function newerThan86(source, sourceType, where) {
  let tree;
  try {
    tree = acorn.parse(source, { ecmaVersion: 2022, sourceType });
  } catch (err) {
    return [`${where}: does not parse for Chromium 86 (${err.message})`];
  }
  const found = [];
  // Built-ins and methods later than Chromium 86, by name, with the version that brought them.
  const later = {
    at: 92, hasOwn: 93, structuredClone: 98, findLast: 97, findLastIndex: 97, toSorted: 110, toReversed: 110,
    toSpliced: 110, groupBy: 117, fromAsync: 121, isWellFormed: 111, toWellFormed: 111, Segmenter: 87,
  };
  const visit = (node, inFunction = false) => {
    if (!node || typeof node.type !== "string") return;
    const inside = inFunction || /Function/.test(node.type);
    if (!inside && (node.type === "AwaitExpression" || (node.type === "ForOfStatement" && node.await))) {
      found.push(`${where}: top-level await (Chromium 89)`);
    }
    if (node.type === "StaticBlock") found.push(`${where}: a static block (Chromium 94)`);
    // Private members: Chromium has them since 74, Firefox (the floor's 79) only since 90.
    if (node.type === "PrivateIdentifier") found.push(`${where}: a private class member (Firefox 90)`);
    if (node.type === "Literal" && node.regex && /[dv]/.test(node.regex.flags)) found.push(`${where}: regex flag ${node.regex.flags} (Chromium 90+)`);
    const name =
      node.type === "CallExpression" && node.callee.type === "MemberExpression" && !node.callee.computed
        ? node.callee.property.name
        : node.type === "Identifier" && node.name !== "at"
          ? node.name
          : null;
    if (name && Object.hasOwn(later, name)) found.push(`${where}: ${name} (Chromium ${later[name]})`);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach((v) => visit(v, inside));
      else if (value && typeof value === "object") visit(value, inside);
    }
  };
  visit(tree);
  return [...new Set(found)];
}

test("every script of the pages and the worker runs on Chromium 86 and Firefox 79", () => {
  // The check itself: refuses what is newer, passes what is not.
  assert.match(newerThan86("const w = await init();", "module", "t").join(), /top-level await/);
  assert.deepEqual(newerThan86("init().then(async (w) => { await w; });", "module", "t"), []);
  assert.match(newerThan86("[1].at(-1);", "script", "t").join(), /at \(Chromium 92\)/);
  assert.match(newerThan86("class A { static { } }", "script", "t").join(), /static block/);
  assert.match(newerThan86("class A { #x = 1; }", "script", "t").join(), /private class member/);
  assert.deepEqual(newerThan86("class A { static s = 1; y = a?.b ?? c; z() { this.q ||= 1; } }", "script", "t"), []);

  const problems = [];
  const inline = (page, name) => {
    for (const m of page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const attrs = m[1];
      // Data, not script: the single file's deflated worker wasm in base64.
      if (/\bsrc=|type="application\/octet-stream"/.test(attrs)) continue;
      const kind = /type="module"/.test(attrs) ? "module" : "script";
      // The worker's source kept as text in the single file is a classic worker script.
      problems.push(...newerThan86(m[2], kind, `${name} <script${attrs}>`));
    }
  };
  inline(readFileSync(join(DIST, "index.html"), "utf8"), "index.html");
  inline(readFileSync(join(DIST, "luoshi.html"), "utf8"), "luoshi.html");
  for (const file of readdirSync(DIST).filter((f) => f.endsWith(".js"))) {
    // The app's glue is an ES module; the Excel worker's glue and script are classic worker scripts.
    const kind = /^luoshi-(?!excel)[^.]*\.js$/.test(file) ? "module" : "script";
    problems.push(...newerThan86(readFileSync(join(DIST, file), "utf8"), kind, file));
  }
  // The split modules' loader, an ES module the app's glue imports.
  const loader = splitFiles(".js");
  assert.deepEqual(loader, [`${SPLIT}/__wasm_split.js`]);
  problems.push(...newerThan86(readFileSync(join(DIST, loader[0]), "utf8"), "module", loader[0]));
  assert.deepEqual(problems, [], problems.join("\n"));
});

// The stylesheet too: nothing Chromium 86 would drop (it skips a rule or a
// property it does not know, so a dialog's backdrop with `inset: 0` would
// not cover the page there).
test("the stylesheet uses nothing newer than Chromium 86", () => {
  const later = [
    [/(^|[;{\s])inset\s*:/m, "inset (Chromium 87)"],
    [/:is\(/, ":is() (Chromium 88)"],
    [/:where\(/, ":where() (Chromium 88)"],
    [/:has\(/, ":has() (Chromium 105)"],
    [/aspect-ratio\s*:/, "aspect-ratio (Chromium 88)"],
    [/color-mix\(/, "color-mix() (Chromium 111)"],
    [/@container|@layer/, "@container / @layer (Chromium 99+)"],
    [/accent-color\s*:/, "accent-color (Chromium 93)"],
    [/text-wrap\s*:/, "text-wrap (Chromium 114)"],
    [/\d(dvh|svh|lvh)\b/, "dvh/svh/lvh units (Chromium 108)"],
    [/overflow(-[xy])?\s*:\s*clip/, "overflow: clip (Chromium 90)"],
    [/&\s*[.:#>[]/, "nested rules (Chromium 112)"],
  ];
  const css = readdirSync(DIST).filter((f) => f.endsWith(".css")).map((f) => readFileSync(join(DIST, f), "utf8")).join("\n");
  assert.ok(css.length > 1000, "the stylesheet was found");
  const found = later.filter(([re]) => re.test(css)).map(([, what]) => what);
  assert.deepEqual(found, []);
  // The check itself refuses what it should.
  assert.ok(later[0][0].test(".x { position: fixed; inset: 0; }"));
});

// What the browser really fetches at start is what the budget counts (and
// the task editor, asked for after the ledger's first paint), and no page's
// module is among it, nor fetched while the ledger stands.
test("the browser fetches at start only what the budget counts and the editor, no page module", async () => {
  const { files } = startFiles();
  const editor = filesOf(splitModules(), EDITOR);
  assert.ok(editor.some((f) => /split_task_editor\.wasm$/.test(f)), `the editor's module: ${editor}`);
  assert.ok(!editor.some((f) => /split_page_/.test(f)));
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const { page, problems } = await watchedPage(context, (u) => u.startsWith(server.origin));
    const fetched = [];
    page.on("request", (r) => fetched.push(new URL(r.url()).pathname.replace(/^\//, "")));
    await page.goto(`${server.origin}/?today=${MID_YEAR}`);
    await appReady(page);
    const atStart = fetched.filter((f) => f !== "" && f !== "index.html");
    assert.deepEqual(atStart.filter((f) => !files.includes(f) && !editor.includes(f)), [], `fetched at start but not counted: ${atStart}`);
    // The editor is preloaded without being opened, and nothing else comes.
    await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("split_task_editor.wasm")), null, { timeout: 20000 });
    await page.waitForTimeout(1000);
    assert.deepEqual(fetched.filter((f) => f.endsWith(".wasm") && !files.includes(f) && !editor.includes(f)), [], `no page module fetched: ${fetched}`);
    assert.deepEqual(editor.filter((f) => !fetched.includes(f)), [], "the editor's files are all fetched");
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
