// The split tool (scripts/tools/wasm-bindgen runs it before wasm-bindgen)
// needs the linker's relocations, kept only for the app's own wasm and only
// with the `split` feature.
//
// `page_read`: the page's build (wasm with the `ui` feature) reads text with
// plain serde_json, its plan types refusing fields they do not know
// (src/format/json.rs says why); native builds and the Excel worker keep
// the reader that notes such fields and reads past them.
fn main() {
    println!("cargo:rustc-check-cfg=cfg(page_read)");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_UI").is_some() {
        println!("cargo:rustc-cfg=page_read");
    }
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bin=luoshi=--emit-relocs");
    }
}
