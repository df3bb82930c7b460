//! The Excel worker's wasm: two functions the worker script
//! (excel/worker.js) calls with what the page sends it. Loaded on first
//! use, so calamine and rust_xlsxwriter are never in the app's start-up.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// Reads a workbook's bytes; returns the `Book` as JSON.
    #[wasm_bindgen]
    pub fn read_workbook(bytes: &[u8]) -> Result<String, JsValue> {
        let book = luoshi_excel::read::read(bytes).map_err(|e| JsValue::from_str(&e))?;
        serde_json::to_string(&book).map_err(|e| JsValue::from_str(&e.to_string()))
    }

    /// Writes the `WorkbookSpec` given as JSON; returns the .xlsx bytes.
    #[wasm_bindgen]
    pub fn write_workbook(spec: &str) -> Result<Vec<u8>, JsValue> {
        let spec: luoshi_excel::WorkbookSpec = serde_json::from_str(spec)
            .map_err(|e| JsValue::from_str(&format!("导出内容有误：{e}")))?;
        luoshi_excel::write::write(&spec).map_err(|e| JsValue::from_str(&e))
    }
}

fn main() {}
