//! The page's side of the worker, started on first use. The worker runs
//! what is not drawing, off the page's thread and with its own wasm
//! (excel-worker/), so none of that code is in the start-up download:
//! Excel reading and writing (`ui::excel::worker`) and the plan work of
//! imports and restores (`ui::worker::plans`). The page sends plans as the
//! documents it stores.
//!
//! Served as files, the worker is `excel-worker.js` next to the app. The
//! single file (luoshi.html) has no files beside it: there the worker's
//! whole source, wasm included, is in a `<script type="text/plain"
//! id="luoshi-excel-worker">` and is started from a Blob.

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// What the page says when the worker cannot start or answer.
pub const UNAVAILABLE: &str = "后台组件未能载入";

struct Worker {
    worker: web_sys::Worker,
    next: u32,
    /// Requests awaiting an answer: id → (resolve, reject).
    pending: HashMap<u32, (Function, Function)>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

/// The worker's script: from the single file's inline source, else the
/// file served beside the app.
fn script_url() -> Result<String, String> {
    let inline = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("luoshi-excel-worker"))
        .and_then(|el| el.text_content());
    match inline {
        Some(source) => {
            let parts = Array::of1(&JsValue::from_str(&source));
            let opts = web_sys::BlobPropertyBag::new();
            opts.set_type("text/javascript");
            let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
                .map_err(|_| format!("{UNAVAILABLE}（无法创建组件）"))?;
            web_sys::Url::create_object_url_with_blob(&blob)
                .map_err(|_| format!("{UNAVAILABLE}（无法创建组件）"))
        }
        None => Ok("./excel-worker.js".into()),
    }
}

/// Most a deflated worker wasm may unpack to: far above its real size,
/// low enough that a doctored single file cannot exhaust memory.
const MAX_WASM_BYTES: usize = 64 * 1024 * 1024;

/// In the single file: the worker's wasm, kept there deflated and in
/// base64 (scripts/single-file.mjs), unpacked for the worker; `None`
/// when served as files (the worker fetches its wasm itself).
fn inline_wasm() -> Result<Option<Uint8Array>, String> {
    let broken =
        |what: &str| format!("{UNAVAILABLE}（本文件中的组件{what}，请重新获取 luoshi.html）");
    let Some(window) = web_sys::window() else {
        return Ok(None);
    };
    let element = |id: &str| window.document().and_then(|d| d.get_element_by_id(id));
    // Served as files: the worker fetches its own wasm.
    if element("luoshi-excel-worker").is_none() {
        return Ok(None);
    }
    // The single file's worker waits for its wasm from here: without it
    // (a file cut short or edited), say so rather than wait for ever.
    let packed = element("luoshi-excel-wasm")
        .and_then(|el| el.text_content())
        .ok_or_else(|| broken("不完整"))?;
    let binary = window
        .atob(packed.trim())
        .map_err(|_| broken("编码已损坏"))?;
    // atob gives one character per byte (0–255).
    let deflated: Vec<u8> = binary.chars().map(|c| c as u32 as u8).collect();
    let wasm = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&deflated, MAX_WASM_BYTES)
        .map_err(|_| broken("无法解压"))?;
    Ok(Some(Uint8Array::from(wasm.as_slice())))
}

/// Answers every request still waiting with `message` and forgets the
/// worker, so the next request starts a fresh one.
fn fail_all(message: &str) {
    let gone = WORKER.with(|e| e.borrow_mut().take());
    if let Some(excel) = gone {
        excel.worker.terminate();
        for (_, (_, reject)) in excel.pending {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(message));
        }
    }
}

fn start() -> Result<Worker, String> {
    let url = script_url()?;
    let worker = web_sys::Worker::new(&url).map_err(|e| {
        format!(
            "{UNAVAILABLE}（{}）",
            e.as_string().unwrap_or_else(|| "浏览器拒绝启动".into())
        )
    })?;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| {
            let data = e.data();
            let id = Reflect::get(&data, &"id".into())
                .ok()
                .and_then(|v| v.as_f64())
                .map(|v| v as u32);
            let Some(id) = id else { return };
            let waiting =
                WORKER.with(|x| x.borrow_mut().as_mut().and_then(|x| x.pending.remove(&id)));
            let Some((resolve, reject)) = waiting else {
                return;
            };
            match Reflect::get(&data, &"error".into()) {
                Ok(err) if !err.is_undefined() => {
                    let _ = reject.call1(&JsValue::NULL, &err);
                }
                _ => {
                    let ok = Reflect::get(&data, &"ok".into()).unwrap_or(JsValue::NULL);
                    let _ = resolve.call1(&JsValue::NULL, &ok);
                }
            }
        });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
        e.prevent_default();
        let detail = e
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(|e| e.message())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "组件文件缺失或无法运行".into());
        fail_all(&format!("{UNAVAILABLE}（{detail}）"));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let inline = inline_wasm().inspect_err(|_| worker.terminate())?;
    if let Some(wasm) = inline {
        let message = Object::new();
        let _ = Reflect::set(&message, &"wasm".into(), &wasm);
        worker
            .post_message_with_transfer(&message, &Array::of1(&wasm.buffer()))
            .map_err(|_| format!("{UNAVAILABLE}（无法发送组件）"))?;
    }
    Ok(Worker {
        worker,
        next: 1,
        pending: HashMap::new(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Asks the worker to run its export `kind` with `args`, handing over
/// `transfer`; resolves with the answer.
pub async fn call(kind: &str, args: Array, transfer: Option<JsValue>) -> Result<JsValue, String> {
    let started = WORKER.with(|e| -> Result<(), String> {
        let mut e = e.borrow_mut();
        if e.is_none() {
            *e = Some(start()?);
        }
        Ok(())
    });
    started?;
    let message = Object::new();
    let _ = Reflect::set(&message, &"kind".into(), &JsValue::from_str(kind));
    let _ = Reflect::set(&message, &"args".into(), &args);
    let mut sent: Result<(), String> = Ok(());
    let promise = Promise::new(&mut |resolve, reject| {
        sent = WORKER.with(|e| {
            let mut e = e.borrow_mut();
            let Some(excel) = e.as_mut() else {
                return Err(UNAVAILABLE.to_string());
            };
            let id = excel.next;
            excel.next += 1;
            let _ = Reflect::set(&message, &"id".into(), &JsValue::from(id));
            excel.pending.insert(id, (resolve, reject));
            let posted = match &transfer {
                Some(t) => excel
                    .worker
                    .post_message_with_transfer(&message, &Array::of1(t)),
                None => excel.worker.post_message(&message),
            };
            posted.map_err(|_| format!("{UNAVAILABLE}（无法发送数据）"))
        });
    });
    sent?;
    JsFuture::from(promise)
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| UNAVAILABLE.to_string()))
}

pub fn bytes_of(answer: JsValue) -> Result<Vec<u8>, String> {
    answer
        .dyn_into::<Uint8Array>()
        .map(|b| b.to_vec())
        .map_err(|_| format!("{UNAVAILABLE}（答复格式不对）"))
}

pub fn text_of(answer: JsValue) -> Result<String, String> {
    answer
        .as_string()
        .ok_or_else(|| format!("{UNAVAILABLE}（答复格式不对）"))
}

/// Asks the worker for `kind` with `args` and reads its JSON answer with
/// the page's one typed reader (`format::json::from_text`, the one it
/// reads its storage with), so no second copy of the reading code is
/// compiled in.
pub async fn ask_json<T: serde::de::DeserializeOwned>(
    kind: &str,
    args: &[JsValue],
) -> Result<T, String> {
    let list = Array::new();
    for a in args {
        list.push(a);
    }
    let json = text_of(call(kind, list, None).await?)?;
    crate::format::json::from_text(&json)
        .map(|(v, _)| v)
        .map_err(|e| format!("{UNAVAILABLE}（答复无法读取：{e}）"))
}
