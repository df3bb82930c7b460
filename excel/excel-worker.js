// The Excel worker: reads workbooks and writes them, off the page's
// thread, with the luoshi-excel wasm (calamine and rust_xlsxwriter).
// Started by the app on first use (src/ui/excel/worker.rs).
//
// Served as a file next to the app, it loads the wasm-bindgen glue and
// the wasm from there. In the single file (luoshi.html) there are no
// files: scripts/single-file.mjs puts the glue and the wasm (base64, in
// self.LUOSHI_EXCEL_WASM) before this script in one blob.
//
// Requests: { id, kind: "read", bytes: ArrayBuffer } → { id, ok: JSON of a Book }
//           { id, kind: "write", spec: JSON of a WorkbookSpec } → { id, ok: Uint8Array }
// A failure answers { id, error: message }.
/* global wasm_bindgen, importScripts */
let ready;
if (self.LUOSHI_EXCEL_WASM) {
  const bytes = Uint8Array.from(atob(self.LUOSHI_EXCEL_WASM), (c) => c.charCodeAt(0));
  ready = wasm_bindgen({ module_or_path: bytes });
} else {
  importScripts("./luoshi-excel.js");
  ready = wasm_bindgen({ module_or_path: "./luoshi-excel_bg.wasm" });
}

self.onmessage = async (event) => {
  const { id, kind } = event.data;
  try {
    await ready;
    if (kind === "read") {
      const json = wasm_bindgen.read_workbook(new Uint8Array(event.data.bytes));
      self.postMessage({ id, ok: json });
    } else if (kind === "write") {
      const bytes = wasm_bindgen.write_workbook(event.data.spec);
      self.postMessage({ id, ok: bytes }, [bytes.buffer]);
    } else {
      self.postMessage({ id, error: `unknown request ${kind}` });
    }
  } catch (err) {
    self.postMessage({ id, error: String((err && err.message) || err) });
  }
};
