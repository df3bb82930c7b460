//! The page shown for a `Page`. In the release build (`split` feature, set
//! in index.html) every page other than the ledger and the dashboard lives
//! in a wasm module of its own, fetched when the page is first opened, so the
//! start-up download carries only what the first screen needs (issue 19).
//! The ledger's task editor (with its 进展与办理 tab) is one too: fetched
//! right after the ledger first shows, or at once when a task is opened
//! before that.
//!
//! The split points are `wasm_split` functions (Leptos re-exports the
//! helper crate as `leptos::wasm_split`; it is what `#[lazy]` expands to,
//! here with the `fallible` option, which `#[lazy]` does not pass). The
//! linked wasm is split by `wasm-split-cli` (crates.io
//! wasm_split_cli_support, installed by scripts/setup.sh) before
//! wasm-bindgen: scripts/tools/wasm-bindgen, build.rs (--emit-relocs) and
//! scripts/split-finish.mjs. A build with the feature but without that step
//! does not start (its split imports stay unresolved), so the ordinary cargo
//! builds (native tests, component tests, clippy) keep every page eager.

use crate::ui::navigation::Page;
use leptos::prelude::*;

/// The view of `page`: loaded first if it lives in a split module.
pub fn page_view(page: Page) -> AnyView {
    #[cfg(feature = "split")]
    {
        split::page_view(page)
    }
    #[cfg(not(feature = "split"))]
    {
        eager(page)
    }
}

/// The ledger's task editor (`TaskEditor`), mounted once its module is
/// there. It shows nothing until a task is opened.
pub fn task_editor() -> AnyView {
    #[cfg(feature = "split")]
    {
        split::task_editor()
    }
    #[cfg(not(feature = "split"))]
    {
        view! { <crate::ui::editor::panel::TaskEditor /> }.into_any()
    }
}

#[cfg(not(feature = "split"))]
fn eager(page: Page) -> AnyView {
    use crate::ui::*;
    match page {
        Page::Ledger => view! { <ledger::page::LedgerPage /> }.into_any(),
        Page::Dashboard => view! { <dashboard::page::DashboardPage /> }.into_any(),
        Page::Gantt => view! { <gantt::page::GanttPage /> }.into_any(),
        Page::Data => view! { <data::page::DataPage /> }.into_any(),
        Page::Audit => view! { <audit::page::AuditPage /> }.into_any(),
        Page::Units => view! { <registry::page::RegistryPage /> }.into_any(),
        Page::Supervision => view! { <supervision::page::SupervisionPage /> }.into_any(),
        Page::Problems => view! { <problems::page::ProblemsPage /> }.into_any(),
        Page::Settings => view! { <settings::page::SettingsPage /> }.into_any(),
        Page::Notice => view! { <notice::page::NoticePage /> }.into_any(),
        Page::Breakdown => view! { <breakdown::page::BreakdownPage /> }.into_any(),
        Page::Reports => view! { <reports::page::ReportsPage /> }.into_any(),
    }
}

#[cfg(feature = "split")]
mod split {
    use crate::ui::navigation::Page;
    use crate::ui::*;
    use leptos::prelude::*;
    use leptos::wasm_split::{wasm_split, SplitLoaderError};
    use std::future::Future;

    // One split point per page: each becomes its own module (code shared by
    // several lands in shared chunks). They take nothing and return an
    // erased view, which is what an `extern "C"` call between the modules
    // can carry. `fallible`: a module that does not load is an `Err`, not a
    // panic (which would abort the whole app).
    #[wasm_split(page_gantt, wasm_split_path = ::leptos::wasm_split, preload(__preload_gantt), fallible)]
    fn gantt() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <gantt::page::GanttPage /> }.into_any())
    }
    #[wasm_split(page_data, wasm_split_path = ::leptos::wasm_split, preload(__preload_data), fallible)]
    fn data() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <data::page::DataPage /> }.into_any())
    }
    #[wasm_split(page_audit, wasm_split_path = ::leptos::wasm_split, preload(__preload_audit), fallible)]
    fn audit() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <audit::page::AuditPage /> }.into_any())
    }
    #[wasm_split(page_units, wasm_split_path = ::leptos::wasm_split, preload(__preload_units), fallible)]
    fn units() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <registry::page::RegistryPage /> }.into_any())
    }
    #[wasm_split(page_supervision, wasm_split_path = ::leptos::wasm_split, preload(__preload_supervision), fallible)]
    fn supervision() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <supervision::page::SupervisionPage /> }.into_any())
    }
    #[wasm_split(page_problems, wasm_split_path = ::leptos::wasm_split, preload(__preload_problems), fallible)]
    fn problems() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <problems::page::ProblemsPage /> }.into_any())
    }
    #[wasm_split(page_settings, wasm_split_path = ::leptos::wasm_split, preload(__preload_settings), fallible)]
    fn settings() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <settings::page::SettingsPage /> }.into_any())
    }
    #[wasm_split(page_notice, wasm_split_path = ::leptos::wasm_split, preload(__preload_notice), fallible)]
    fn notice() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <notice::page::NoticePage /> }.into_any())
    }
    #[wasm_split(page_breakdown, wasm_split_path = ::leptos::wasm_split, preload(__preload_breakdown), fallible)]
    fn breakdown() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <breakdown::page::BreakdownPage /> }.into_any())
    }
    #[wasm_split(page_reports, wasm_split_path = ::leptos::wasm_split, preload(__preload_reports), fallible)]
    fn reports() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <reports::page::ReportsPage /> }.into_any())
    }

    #[wasm_split(task_editor, wasm_split_path = ::leptos::wasm_split, preload(__preload_editor), fallible)]
    fn editor() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <editor::panel::TaskEditor /> }.into_any())
    }

    #[derive(Clone, Copy, PartialEq)]
    enum Load {
        NotAsked,
        Waiting,
        Ready,
        Failed,
    }

    /// Starts loading a module, unless it is loading or loaded; `state`
    /// follows. Harmless once the view that asked is gone.
    fn start<P>(state: RwSignal<Load>, preload: fn() -> P)
    where
        P: Future<Output = Result<(), SplitLoaderError>> + 'static,
    {
        if matches!(
            state.try_get_untracked(),
            None | Some(Load::Waiting | Load::Ready)
        ) {
            return;
        }
        match ready_now(preload()) {
            Some(Ok(())) => state.set(Load::Ready),
            Some(Err(_)) => state.set(Load::Failed),
            None => {
                state.set(Load::Waiting);
                leptos::task::spawn_local(async move {
                    let done = if preload().await.is_ok() {
                        Load::Ready
                    } else {
                        Load::Failed
                    };
                    state.try_set(done);
                });
            }
        }
    }

    /// Shows the page once its module is loaded, or says that it could not
    /// be (with 重试: a failed load is not remembered, so it is fetched
    /// again). The page is built in a plain reactive closure, as the eager
    /// build does: rendered through `<Suspense>`/`Suspend` instead, the
    /// Gantt's rows did not follow a change of grouping until scrolled.
    /// Only the load state is tracked here.
    fn loaded<P, V>(preload: fn() -> P, view: fn() -> V) -> AnyView
    where
        P: Future<Output = Result<(), SplitLoaderError>> + 'static,
        V: Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
    {
        let state = RwSignal::new(Load::NotAsked);
        let load = move || start(state, preload);
        load();
        (move || match state.get() {
            // Loaded: the split function's future is ready at once.
            Load::Ready => match untrack(|| ready_now(view())) {
                Some(Ok(page)) => page,
                _ => failed(load),
            },
            Load::NotAsked | Load::Waiting => {
                view! { <p class="boot page-loading" data-testid="page-loading">"正在载入……"</p> }
                    .into_any()
            }
            Load::Failed => failed(load),
        })
        .into_any()
    }

    /// The task editor: its module is asked for after the ledger's first
    /// paint (so that a double-click finds it there), or when a task is
    /// opened before that or after a failed load. Once loaded it stays
    /// mounted, as the eager build's editor is.
    pub fn task_editor() -> AnyView {
        let panel = crate::ui::ledger::panel_state::use_panel();
        use std::sync::atomic::{AtomicBool, Ordering};
        // Whether an earlier ledger already loaded it. Asking the loader
        // instead (polling the preload) would start the load at once, in
        // the middle of drawing the first screen.
        static LOADED: AtomicBool = AtomicBool::new(false);
        let state = RwSignal::new(if LOADED.load(Ordering::Relaxed) {
            Load::Ready
        } else {
            Load::NotAsked
        });
        let load = move || start(state, __preload_editor);
        if state.get_untracked() != Load::Ready {
            // A moment after the first frame, so that fetching and
            // compiling it does not hold up painting the ledger.
            request_animation_frame(move || {
                set_timeout(load, std::time::Duration::from_millis(300))
            });
        }
        Effect::new(move |_| {
            if state.get() == Load::Ready {
                LOADED.store(true, Ordering::Relaxed);
            }
        });
        Effect::new(move |_| {
            if panel.editing.with(Option::is_some)
                && matches!(state.get_untracked(), Load::NotAsked | Load::Failed)
            {
                load();
            }
        });
        (move || match state.get() {
            Load::Ready => match untrack(|| ready_now(editor())) {
                Some(Ok(editor)) => editor,
                _ => failed(load),
            },
            _ if panel.editing.with(Option::is_none) => ().into_any(),
            Load::Failed => failed(load),
            Load::NotAsked | Load::Waiting => {
                view! { <p class="boot page-loading" data-testid="page-loading">"正在载入……"</p> }
                    .into_any()
            }
        })
        .into_any()
    }

    /// What shows in the page's place when its module did not load; the
    /// header and the other pages keep working.
    fn failed(retry: impl Fn() + Copy + Send + Sync + 'static) -> AnyView {
        view! {
            <div class="alert alert-error page-load-failed" role="alert" data-testid="page-load-failed">
                "本页的组件未能载入，请刷新页面重试（可能是网络中断，或网站上的文件不全）。其他页面仍可使用。"
                " "
                <button type="button" data-testid="page-load-retry" on:click=move |_| retry()>"重试"</button>
            </div>
        }
        .into_any()
    }

    /// Polls `f` once: its value if it is ready without waiting.
    fn ready_now<T>(f: impl Future<Output = T>) -> Option<T> {
        use std::task::{Context, Poll, Waker};
        let mut f = std::pin::pin!(f);
        match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(v) => Some(v),
            Poll::Pending => None,
        }
    }

    pub fn page_view(page: Page) -> AnyView {
        match page {
            Page::Ledger => view! { <ledger::page::LedgerPage /> }.into_any(),
            Page::Dashboard => view! { <dashboard::page::DashboardPage /> }.into_any(),
            Page::Gantt => loaded(__preload_gantt, gantt),
            Page::Data => loaded(__preload_data, data),
            Page::Audit => loaded(__preload_audit, audit),
            Page::Units => loaded(__preload_units, units),
            Page::Supervision => loaded(__preload_supervision, supervision),
            Page::Problems => loaded(__preload_problems, problems),
            Page::Settings => loaded(__preload_settings, settings),
            Page::Notice => loaded(__preload_notice, notice),
            Page::Breakdown => loaded(__preload_breakdown, breakdown),
            Page::Reports => loaded(__preload_reports, reports),
        }
    }
}
