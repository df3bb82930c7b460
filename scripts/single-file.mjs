// Turns Trunk's dist/ into one self-contained HTML file that works when
// opened from file:// by double-click: the CSS is inlined as <style>, the
// wasm-bindgen glue as a module script with its exports removed, and the
// wasm deflated and in base64, unpacked and handed to the glue's init.
// Trunk cannot inline wasm itself.
//
// Run by Trunk as a post_build hook (Trunk.toml), on the staging directory
// before it becomes dist/; or by hand: node scripts/single-file.mjs dist
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

if (process.env.TRUNK_PROFILE === "debug") {
  // A debug wasm is tens of megabytes; the single file is for release builds.
  console.log("single-file: skipped for a debug build (run scripts/build.sh)");
  process.exit(0);
}
const [distDir = process.env.TRUNK_STAGING_DIR || "dist", outFile = join(distDir, "luoshi.html")] =
  process.argv.slice(2);
const fail = (msg) => {
  console.error(`single-file: ${msg}`);
  process.exit(1);
};
const read = (name) => readFileSync(join(distDir, name.replace(/^\.?\//, "")));

// Chromium before 89 has no top-level await: Trunk's loader, which awaits
// the wasm at the top level of a module script, is a SyntaxError there, and
// the app would never start on the 86–88 kernels of the browser floor
// (README, "Supported browsers"). It becomes a promise chain.
const withoutTopLevelAwait = (page) => {
  const loader = /(<script type="module"[^>]*>[\s\S]*?)const wasm = await init\((\{[^}]*\})\);([\s\S]*?)<\/script>/;
  if (!loader.test(page)) fail("Trunk's loader no longer reads `const wasm = await init({...});` (did Trunk change its output?)");
  return page.replace(loader, (_, head, options, rest) => `${head}init(${options}).then((wasm) => {${rest}});\n</script>`);
};
let html = withoutTopLevelAwait(read("index.html").toString("utf8"));

const initScript = html.match(/<script type="module"[^>]*>([\s\S]*?)<\/script>/);
if (!initScript) fail("no module init script in index.html (did Trunk change its output?)");
const jsName = initScript[1].match(/from '([^']+\.js)'/)?.[1];
const wasmName = initScript[1].match(/'([^']+_bg\.wasm)'/)?.[1];
if (!jsName || !wasmName) fail("could not find the glue .js or the .wasm in the init script");

// The glue is an ES module; in an inline module script its exports are
// plain declarations. Anything else that exports would be missed loudly.
let glue = read(jsName).toString("utf8");
glue = glue
  .replace(/^export (function|class|const|let|async function) /gm, "$1 ")
  .replace(/^export \{[^}]*\};?\s*$/gm, "")
  .replace(/^export default [^;]+;\s*$/gm, "");
if (/^export /m.test(glue)) fail("the glue still has an export this script does not handle");
if (!/function __wbg_init\b/.test(glue)) fail("the glue has no __wbg_init");

// Pages split into modules of their own
// (scripts/tools/wasm-bindgen, snippets/luoshi-split/). Their loader joins
// the glue in the one module script: its `import { initSync }` is the
// glue's own function there, its exports plain declarations, and the
// namespace objects the glue imported it as are made from them. Each page
// module travels deflated in base64 in an inert element, and the loader's
// fetch of it becomes a Response made from that element, unpacked as the
// app's wasm is.
const SPLIT_DIR = "snippets/luoshi-split";
const splitImports = [...glue.matchAll(/^import \* as (\w+) from "\.\/snippets\/luoshi-split\/__wasm_split\.js";?\s*$/gm)];
let splitCode = "";
const splitModules = [];
if (splitImports.length) {
  let loader = read(`${SPLIT_DIR}/__wasm_split.js`).toString("utf8");
  loader = loader.replace(/^import \{ initSync \} from "[^"]+";?\s*$/m, "");
  const names = [...loader.matchAll(/^export const (\w+) =/gm)].map((m) => m[1]);
  loader = loader.replace(/^export const /gm, "const ");
  loader = loader.replace(/fetch\(new URL\("\.\/([\w.]+)\.wasm", import\.meta\.url\)\)/g, (_, name) => {
    splitModules.push(name);
    return `__luoshiSplitFetch(${JSON.stringify(name)})`;
  });
  if (/^\s*(import|export) /m.test(loader) || loader.includes("import.meta")) fail("the split loader has an import, export or import.meta this script does not handle");
  glue = glue.replace(/^import \* as \w+ from "\.\/snippets\/luoshi-split\/__wasm_split\.js";?\s*$/gm, "");
  if (/^import /m.test(glue)) fail("the glue imports a module this script does not handle");
  splitCode = `
function __luoshiSplitFetch(name) {
  const packed = Uint8Array.from(atob(document.getElementById("luoshi-split-" + name).textContent), (c) => c.charCodeAt(0));
  const bytes =
    typeof DecompressionStream === "function"
      ? new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream("deflate"))).arrayBuffer()
      : Promise.resolve().then(() => self.pako.inflate(packed));
  return bytes.then((b) => new Response(b, { headers: { "content-type": "application/wasm" } }));
}
${loader}
${splitImports.map((m) => `const ${m[1]} = { ${names.join(", ")} };`).join("\n")}
`;
}

// The app's wasm travels deflated (zlib), a third of its size: the browser
// unpacks it where it can (DecompressionStream: Chromium 80, Firefox 113),
// else pako's inflate (npm pako, pinned; ES5), inlined before the module,
// does (the Firefox ESR 102 of some office desktops). Unpacking 2 MB takes
// a few milliseconds either way.
const wasm = deflateSync(read(wasmName), { level: 9 }).toString("base64");
const pako = readFileSync(new URL("../node_modules/pako/dist/pako_inflate.es5.min.js", import.meta.url), "utf8");
if (/<\/script|<!--/i.test(pako)) fail("pako's inflate cannot be inlined as it is");
const script = `<script>
${pako}
</script>
<script type="module">
${glue.replaceAll("</script", "<\\/script")}
${splitCode}
const packed = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
const unpacked =
  typeof DecompressionStream === "function"
    ? new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream("deflate")))
        .arrayBuffer()
        .then((b) => new Uint8Array(b))
    : Promise.resolve().then(() => self.pako.inflate(packed));
unpacked.then((bytes) => __wbg_init({ module_or_path: bytes }));
</script>`;
html = html.replace(initScript[0], () => script);

// Preload hints point at files the single file does not need.
html = html.replace(/<link rel="(modulepreload|preload)"[^>]*>\s*/g, "");

// Stylesheets become inline <style>.
html = html.replace(/<link rel="stylesheet" href="([^"]+)"[^>]*>/g, (_, href) => {
  const css = read(href).toString("utf8");
  return `<style>\n${css.replaceAll("</style", "<\\/style")}\n</style>`;
});
if (/<link[^>]+href="\/?[^"#]+\.(css|js|wasm)"/.test(html)) fail("a linked asset was left behind");

// The worker (its glue and excel-worker.js) as one inert script the app
// starts from a Blob on first use (src/ui/worker/client.rs), and its wasm
// deflated (zlib) and in base64 in an inert element of its own: the app
// unpacks it with the inflate it already carries for storage and hands it
// to the worker, so it travels at about a third of its size and no browser
// needs DecompressionStream. Nothing of it runs, or is even compiled, at
// start-up.
{
  const glue = read("luoshi-excel.js").toString("utf8");
  const worker = read("excel-worker.js").toString("utf8");
  const wasm = deflateSync(read("luoshi-excel_bg.wasm"), { level: 9 }).toString("base64");
  const source = `self.LUOSHI_EXCEL_INLINE = true;\n${glue}\n${worker}`;
  // Inside a script element, "</script" would end it and "<!--" changes how
  // the rest is read; neither may appear.
  if (/<\/script|<!--/i.test(source)) fail("the Excel worker's source cannot be inlined as it is");
  if (!html.includes("</body>")) fail("no </body> to put the Excel worker before");
  html = html.replace(
    "</body>",
    () =>
      `<script type="application/octet-stream" id="luoshi-excel-wasm">${wasm}</script>\n` +
      splitModules
        .map((name) => `<script type="application/octet-stream" id="luoshi-split-${name}">${deflateSync(read(`${SPLIT_DIR}/${name}.wasm`), { level: 9 }).toString("base64")}</script>\n`)
        .join("") +
      `<script type="text/plain" id="luoshi-excel-worker">${source}</script>\n</body>`,
  );
}

// Content-Security-Policy for both pages: nothing from anywhere else, no
// inline event handlers. The inline scripts are allowed by their hash;
// WebAssembly needs 'wasm-unsafe-eval' (compiling wasm, not eval), which
// Chromium knows from 97 on: before that (the 86–96 kernels of the browser
// floor, and the Excel worker started from a Blob, which inherits the
// policy) it compiles wasm only under 'unsafe-eval', so that is allowed
// too. No script of the app evaluates text; what the policy still keeps
// out is any script from elsewhere, inline handlers, and every connection.
// Styles may be inline (Leptos sets style attributes; styles run no code).
const hashes = (page) =>
  [...page.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/\bsrc=/.test(m[0].slice(0, m[0].indexOf(">"))))
    .map((m) => `'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`);
const withPolicy = (page, self) => {
  const policy = [
    `default-src ${self ? "'self'" : "'none'"}`,
    `script-src ${self ? "'self' " : ""}'wasm-unsafe-eval' 'unsafe-eval' ${hashes(page).join(" ")}`,
    `style-src ${self ? "'self' " : ""}'unsafe-inline'`,
    "img-src 'self' data: blob:",
    `connect-src ${self ? "'self'" : "'none'"}`,
    // The Excel worker: a file beside the app, or a Blob in the single file.
    `worker-src ${self ? "'self'" : "blob:"}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join("; ");
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  if (!/<meta charset="utf-8">/.test(page)) fail("no <meta charset> to put the policy after");
  return page.replace(/<meta charset="utf-8">/, (m) => `${m}\n  ${meta}`);
};

writeFileSync(outFile, withPolicy(html, false));
console.log(`single-file: wrote ${outFile} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB)`);
const index = withoutTopLevelAwait(read("index.html").toString("utf8"));
if (index.includes("Content-Security-Policy")) fail("index.html already has a Content-Security-Policy (run on Trunk's output only)");
writeFileSync(join(distDir, "index.html"), withPolicy(index, true));
console.log("single-file: index.html's loader without top-level await, and its Content-Security-Policy");
