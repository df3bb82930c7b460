//! Entry point: install the crash screen, then mount the app. Nothing else.

#[cfg(all(target_arch = "wasm32", feature = "ui"))]
fn main() {
    luoshi::ui::crash_screen::install();
    leptos::mount::mount_to_body(luoshi::ui::app::App);
    // The static "loading" note in index.html has done its job.
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}

#[cfg(not(all(target_arch = "wasm32", feature = "ui")))]
fn main() {
    eprintln!("落实是网页应用：请用 README 中的命令构建并在浏览器中打开。");
}
