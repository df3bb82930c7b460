// Removes the `target_features` custom section from a wasm file, in place.
//
// Rust's precompiled std for wasm32 is built with reference types and
// multivalue on (Rust >= 1.82) and says so in that section; wasm-bindgen
// reads it and then emits externref, which Chromium before 96 cannot run.
// Our own code is compiled for the MVP plus four features every Chromium
// 86 has (scripts/tools/wasm-bindgen strips this section before handing
// the file to the real wasm-bindgen; see README, "Supported browsers").
//   node scripts/strip-target-features.mjs file.wasm
import { readFileSync, writeFileSync } from "node:fs";

const file = process.argv[2];
if (!file) {
  console.error("usage: strip-target-features.mjs file.wasm");
  process.exit(2);
}
const bytes = readFileSync(file);
if (bytes.readUInt32BE(0) !== 0x0061736d) {
  console.error(`${file}: not a wasm module`);
  process.exit(1);
}
function leb(at) {
  let value = 0, shift = 0, pos = at, byte;
  do {
    byte = bytes[pos++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, pos];
}
const kept = [bytes.subarray(0, 8)];
let pos = 8, removed = 0;
while (pos < bytes.length) {
  const start = pos;
  const id = bytes[pos++];
  const [size, body] = leb(pos);
  const end = body + size;
  let drop = false;
  if (id === 0) {
    const [nameLen, nameAt] = leb(body);
    drop = bytes.subarray(nameAt, nameAt + nameLen).toString("utf8") === "target_features";
  }
  if (drop) removed++;
  else kept.push(bytes.subarray(start, end));
  pos = end;
}
if (removed) writeFileSync(file, Buffer.concat(kept));
