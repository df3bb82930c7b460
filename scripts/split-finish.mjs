// Issue 19 spike (branch `split`), a Trunk post_build hook run before
// scripts/single-file.mjs: the page modules scripts/tools/wasm-bindgen split
// off (snippets/luoshi-split/) get the loader pointed at Trunk's hashed glue
// and the same wasm-opt as Trunk gives the main module (npm binaryen).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dist = process.argv[2] || process.env.TRUNK_STAGING_DIR || "dist";
const dir = join(dist, "snippets", "luoshi-split");
if (!existsSync(dir)) process.exit(0);
const index = readFileSync(join(dist, "index.html"), "utf8");
const glue = index.match(/from '\.\/(luoshi-[0-9a-f]+\.js)'/)?.[1];
if (!glue) {
  console.error("split-finish: no luoshi-<hash>.js in index.html");
  process.exit(1);
}
const loader = join(dir, "__wasm_split.js");
const js = readFileSync(loader, "utf8").replace(/from "\.\/luoshi\.js"/, `from "../../${glue}"`);
if (!js.includes(`../../${glue}`)) {
  console.error("split-finish: the loader does not import ./luoshi.js (did wasm-split-cli change?)");
  process.exit(1);
}
writeFileSync(loader, js);
const release = process.env.TRUNK_PROFILE !== "debug";
const opt = new URL("../node_modules/.bin/wasm-opt", import.meta.url).pathname;
const flags = ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals"];
const modules = readdirSync(dir).filter((f) => f.endsWith(".wasm"));
if (release) for (const f of modules) execFileSync(opt, [...flags, join(dir, f), "-o", join(dir, f)]);
console.log(`split-finish: ${modules.length} page modules in snippets/luoshi-split/ (loader imports ${glue})`);
