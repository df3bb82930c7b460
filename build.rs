// The split tool (scripts/tools/wasm-bindgen runs it before wasm-bindgen)
// needs the linker's relocations, kept only for the app's own wasm and only
// with the `split` feature.
fn main() {
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bin=luoshi=--emit-relocs");
    }
}
