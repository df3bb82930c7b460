// A Trunk post_build hook run before scripts/single-file.mjs: the page
// modules scripts/tools/wasm-bindgen split off (snippets/luoshi-split/) get
// the loader pointed at Trunk's hashed glue and the same wasm-opt as Trunk
// gives the main module (npm binaryen).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dist = process.argv[2] || process.env.TRUNK_STAGING_DIR || "dist";
const dir = join(dist, "snippets", "luoshi-split");
if (!existsSync(dir)) process.exit(0);
const index = readFileSync(join(dist, "index.html"), "utf8");
const glue = index.match(/from '\.\/(luoshi-[0-9a-f]+\.js)'/)?.[1];
const fail = (msg) => {
  console.error(`split-finish: ${msg}`);
  process.exit(1);
};
if (!glue) fail("no luoshi-<hash>.js in index.html");
const loader = join(dir, "__wasm_split.js");
let js = readFileSync(loader, "utf8").replace(/from "\.\/luoshi\.js"/, `from "../../${glue}"`);
if (!js.includes(`../../${glue}`)) fail("the loader does not import ./luoshi.js (did wasm-split-cli change?)");
// instantiateStreaming refuses a .wasm not sent as application/wasm (an
// intranet server may not know the type): then the bytes are compiled, as
// wasm-bindgen's own loader does for the main module. A failed fetch is an
// error the page shows (src/ui/lazy_pages.rs), not a compile error of a
// 404 page.
const streaming = /WebAssembly\.instantiateStreaming\(src, imports\)/g;
if (!streaming.test(js)) fail("the loader does not call instantiateStreaming(src, imports) (did wasm-split-cli change?)");
js = js.replace(/^(import \{ initSync \} from "[^"]+";?)$/m, `$1
function luoshiInstantiate(src, imports) {
  return src.then((r) => {
    if (!r.ok) throw new Error(r.url + ": HTTP " + r.status);
    return (r.headers.get("content-type") || "").startsWith("application/wasm")
      ? WebAssembly.instantiateStreaming(r, imports)
      : r.arrayBuffer().then((bytes) => WebAssembly.instantiate(bytes, imports));
  });
}`).replace(streaming, "luoshiInstantiate(src, imports)");
writeFileSync(loader, js);
// Trunk preloads every file under snippets/ at start, with integrity hashes
// of the files as they were before this step: the page modules must not be
// fetched at start at all, and the loader's hash is of it before its import
// was changed.
const sri = `sha384-${createHash("sha384").update(js, "utf8").digest("base64")}`;
const page = index
  .replace(/<link rel="modulepreload" href="\.\/snippets\/luoshi-split\/[^"]+\.wasm"[^>]*>\s*/g, "")
  .replace(/(<link rel="modulepreload" href="\.\/snippets\/luoshi-split\/__wasm_split\.js"[^>]*integrity=")[^"]*"/, (_, head) => `${head}${sri}"`);
if (/snippets\/luoshi-split\/[^"]+\.wasm/.test(page)) fail("index.html still names a page module");
writeFileSync(join(dist, "index.html"), page);
const release = process.env.TRUNK_PROFILE !== "debug";
const opt = new URL("../node_modules/.bin/wasm-opt", import.meta.url).pathname;
const flags = ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals"];
const modules = readdirSync(dir).filter((f) => f.endsWith(".wasm"));
if (release) for (const f of modules) execFileSync(opt, [...flags, join(dir, f), "-o", join(dir, f)]);
console.log(`split-finish: ${modules.length} page modules in snippets/luoshi-split/ (loader imports ${glue})`);
