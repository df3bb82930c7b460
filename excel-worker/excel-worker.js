// The worker: what is not drawing, off the page's thread, with its own
// wasm (excel-worker/): Excel (calamine and rust_xlsxwriter: the ledger,
// the summary and CSV written, offices' workbooks read), the 通报 and its
// 领导版 written as .docx (report-docx/, docx-rs) and the plan work
// of imports and restores (excel-worker/src/plans.rs). Started by the app
// on first use (src/ui/worker/client.rs).
//
// Served as a file next to the app, it loads the wasm-bindgen glue and
// the wasm from there. In the single file (luoshi.html) there are no
// files: scripts/single-file.mjs puts the glue before this script in one
// blob (with self.LUOSHI_EXCEL_INLINE set), and the page sends the wasm's
// bytes, unpacked, as the first message: { wasm }.
//
// Requests: { id, kind, args } with kind one of the wasm's exports
// (KINDS below) and args its arguments (an ArrayBuffer stands for
// bytes, a File for its text, or for its bytes in the kinds of
// AS_BYTES); the answer is { id, ok } or { id, error: message }.
/* global wasm_bindgen, importScripts */
let ready;
let arrives;
if (self.LUOSHI_EXCEL_INLINE) {
  ready = new Promise((resolve) => {
    arrives = resolve;
  }).then((bytes) => wasm_bindgen({ module_or_path: bytes }));
} else {
  importScripts("./luoshi-excel.js");
  ready = wasm_bindgen({ module_or_path: "./luoshi-excel_bg.wasm" });
}

const KINDS = [
  "ledger_xlsx", "summary_xlsx", "ledger_csv", "intake_workbook",
  // Word (report-docx/): the 通报 and the 领导版.
  "report_docx", "leaders_docx",
  // Plan work (excel-worker/src/plans.rs): restores, merge previews, merges.
  "restore", "incoming", "incoming_plan", "merge_preview", "merge_confirm",
  // A workbook's imported rows, a page at a time, for the preview's pager.
  "intake_rows",
  // The 工作要点 reader (excel-worker/src/breakdown.rs).
  "breakdown_read", "breakdown_text", "breakdown_plan",
];

// Kinds whose file is read as bytes (a Word document), not as text.
const AS_BYTES = ["breakdown_read"];

self.onmessage = async (event) => {
  if (event.data && event.data.wasm) {
    if (arrives) arrives(event.data.wasm);
    return;
  }
  const { id, kind, args } = event.data;
  try {
    await ready;
    if (!KINDS.includes(kind)) throw new Error(`unknown request ${kind}`);
    // A file (Blob) is read here, as text (or bytes), so a large one never
    // passes through the page's thread.
    const read = (a) => (AS_BYTES.includes(kind) ? a.arrayBuffer() : a.text());
    const given = await Promise.all(args.map((a) => (a instanceof Blob ? read(a) : a)));
    const out = wasm_bindgen[kind](...given.map((a) => (a instanceof ArrayBuffer ? new Uint8Array(a) : a)));
    self.postMessage({ id, ok: out }, out instanceof Uint8Array ? [out.buffer] : []);
  } catch (err) {
    self.postMessage({ id, error: String((err && err.message) || err) });
  }
};
