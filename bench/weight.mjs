// The tables of bench/weight.sh, from twiggy's `top` (JSON) of the app's
// wasm with names: totals, the largest items, and the bytes grouped by
// crate and by Luoshi module. Names are Rust's legacy mangling: generic
// code carries the name of the generic function (its crate), not of the
// type it was made for; what the groups mean is said under the tables.
//   node bench/weight.mjs target/weight
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const dir = process.argv[2] ?? "target/weight";
const items = JSON.parse(readFileSync(join(dir, "top.json"), "utf8"));
const shipped = readFileSync(join(dir, "shipped.wasm"));
// As tests/e2e/bundle.test.mjs measures.
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const isNames = (name) => /^"(function|data|local|global|type|elem|table|label|memory|module) names" subsection$|^"name"/.test(name);
const code = items.filter((x) => !isNames(x.name));
const total = code.reduce((a, x) => a + x.shallow_size, 0);

/** The crate a wasm item belongs to, by its (demangled) name. */
function group(raw) {
  const name = raw.replace(/::h[0-9a-f]{16}$/, "").replace(/\[[0-9a-f]{16}\]/g, "");
  if (name.startsWith("data segment")) return "(static data: strings, tables)";
  if (/^(import|export|elem|table|type|global|memory|code section|data section|custom section|wasm magic|"producers")/.test(name) || /^(elem|table)\[/.test(name))
    return "(wasm structure: imports, exports, tables)";
  if (name.startsWith("core::slice::sort::")) return "core::slice::sort (a copy per sorted type)";
  if (name.startsWith("core::ptr::drop_in_place<")) return "core::ptr::drop_in_place (drop glue)";
  if (name.startsWith("core::ops::function::")) return "core::ops::function (closure shims)";
  let path = name;
  if (path.startsWith("<")) {
    // `<A as B>::f`: A's crate, unless A is a type parameter or a reference
    // to one (then B, the trait, says more).
    let depth = 0;
    let end = -1;
    for (let i = 1; i < path.length; i++) {
      if (path[i] === "<") depth++;
      else if (path[i] === ">") {
        if (depth === 0) {
          end = i;
          break;
        }
        depth--;
      } else if (depth === 0 && path.startsWith(" as ", i)) {
        end = i;
        break;
      }
    }
    const inner = path.slice(1, end < 0 ? undefined : end).replace(/^(&mut |&|\*const |\*mut |dyn )+/, "");
    if (/^[A-Z][A-Za-z0-9]?\b/.test(inner) || inner.startsWith("[") || inner.startsWith("(")) {
      const trait = path.slice(end).match(/^ as ([^>]*)/);
      path = trait ? trait[1] : inner;
    } else path = inner;
  }
  const crate = path.split(/::|</)[0].replace(/^&|^\s+/, "");
  if (crate === "luoshi") return "luoshi";
  return crate || name.slice(0, 40);
}

/** For Luoshi's own code: its module two levels down (luoshi::ui::sharing). */
function module(raw) {
  const m = raw.replace(/::h[0-9a-f]{16}$/, "").match(/^<?luoshi::(\w+)(?:::(\w+))?/);
  if (!m) return null;
  return m[2] && !/^[A-Z_]/.test(m[2]) && !m[2].startsWith("__component") ? `luoshi::${m[1]}::${m[2]}` : `luoshi::${m[1]}`;
}

const kb = (n) => (n / 1024).toFixed(1);
const pct = (n) => ((100 * n) / total).toFixed(1);
const sum = (key) => {
  const m = new Map();
  for (const x of code) {
    const k = key(x.name);
    if (!k) continue;
    const e = m.get(k) ?? { bytes: 0, count: 0 };
    e.bytes += x.shallow_size;
    e.count += 1;
    m.set(k, e);
  }
  return [...m].sort((a, b) => b[1].bytes - a[1].bytes);
};

const out = [];
out.push(
  `app wasm with the names stripped (within 0.3 % of dist/'s): ${shipped.length.toLocaleString("en")} bytes raw, ` +
    `${brotli(shipped).toLocaleString("en")} bytes brotli; twiggy counts ${total.toLocaleString("en")} bytes of code and data in ${code.length} items`,
  "",
  "By crate (shallow bytes, generic code under the crate of the generic function):",
  "",
  "| crate | KB | % | items |",
  "|---|---:|---:|---:|",
);
for (const [k, v] of sum(group).slice(0, 30)) out.push(`| ${k} | ${kb(v.bytes)} | ${pct(v.bytes)} | ${v.count} |`);
out.push("", "Luoshi's own code by module:", "", "| module | KB | % | items |", "|---|---:|---:|---:|");
for (const [k, v] of sum(module).slice(0, 25)) out.push(`| ${k} | ${kb(v.bytes)} | ${pct(v.bytes)} | ${v.count} |`);
const top = Number(process.env.WEIGHT_TOP ?? 40);
out.push("", `The ${top} largest items (twiggy top -n ${top}, names section left out):`, "", "| bytes | % | item |", "|---:|---:|---|");
for (const x of code.slice(0, top)) {
  const name = x.name.replace(/::h[0-9a-f]{16}$/, "").replace(/\|/g, "\\|");
  out.push(`| ${x.shallow_size.toLocaleString("en")} | ${pct(x.shallow_size)} | \`${name.length > 110 ? name.slice(0, 107) + "…" : name}\` |`);
}
console.log(out.join("\n"));
