// The Excel worker: writes the ledger, the summary and CSV, and reads
// offices' workbooks, off the page's thread, with the Excel wasm
// (excel-worker/, calamine and rust_xlsxwriter). Started by the app on
// first use (src/ui/excel/worker.rs).
//
// Served as a file next to the app, it loads the wasm-bindgen glue and
// the wasm from there. In the single file (luoshi.html) there are no
// files: scripts/single-file.mjs puts the glue and the wasm (base64, in
// self.LUOSHI_EXCEL_WASM) before this script in one blob.
//
// Requests: { id, kind, args } with kind one of the wasm's exports
// (KINDS below) and args its
// arguments (an ArrayBuffer stands for bytes); the answer is { id, ok }
// or { id, error: message }.
/* global wasm_bindgen, importScripts */
let ready;
if (self.LUOSHI_EXCEL_WASM) {
  const bytes = Uint8Array.from(atob(self.LUOSHI_EXCEL_WASM), (c) => c.charCodeAt(0));
  ready = wasm_bindgen({ module_or_path: bytes });
} else {
  importScripts("./luoshi-excel.js");
  ready = wasm_bindgen({ module_or_path: "./luoshi-excel_bg.wasm" });
}

const KINDS = [
  "ledger_xlsx", "summary_xlsx", "ledger_csv", "intake_workbook",
  // Plan work (excel-worker/src/plans.rs): restores, merge previews, merges.
  "restore", "incoming", "merge_preview", "merge_confirm",
];

self.onmessage = async (event) => {
  const { id, kind, args } = event.data;
  try {
    await ready;
    if (!KINDS.includes(kind)) throw new Error(`unknown request ${kind}`);
    const out = wasm_bindgen[kind](...args.map((a) => (a instanceof ArrayBuffer ? new Uint8Array(a) : a)));
    self.postMessage({ id, ok: out }, out instanceof Uint8Array ? [out.buffer] : []);
  } catch (err) {
    self.postMessage({ id, error: String((err && err.message) || err) });
  }
};
