//! Issue 19 spike (branch `split`): the pages other than the ledger and the
//! dashboard, each loaded from its own wasm module when first opened, by
//! Leptos 0.8's `#[lazy]` (wasm_split_helpers) and wasm_split_cli_support's
//! `wasm-split-cli` run on the linked wasm before wasm-bindgen
//! (scripts/split-build.sh). Only with the `split` feature: without the
//! split step the `#[lazy]` imports are left unresolved and the wasm does
//! not start, so the ordinary Trunk build keeps every page in one module.

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
    }
}

#[cfg(feature = "split")]
mod split {
    use crate::ui::navigation::Page;
    use crate::ui::*;
    use leptos::prelude::*;
    use std::future::Future;

    // One split point per page: each `#[lazy]` function becomes its own
    // module (code shared by several of them lands in a shared chunk).
    // The functions take and return only what an `extern "C"` function may
    // carry across modules: nothing, and an erased view.
    #[lazy]
    fn gantt() -> AnyView {
        view! { <gantt::page::GanttPage /> }.into_any()
    }
    #[lazy]
    fn data() -> AnyView {
        view! { <data::page::DataPage /> }.into_any()
    }
    #[lazy]
    fn audit() -> AnyView {
        view! { <audit::page::AuditPage /> }.into_any()
    }
    #[lazy]
    fn units() -> AnyView {
        view! { <registry::page::RegistryPage /> }.into_any()
    }
    #[lazy]
    fn supervision() -> AnyView {
        view! { <supervision::page::SupervisionPage /> }.into_any()
    }
    #[lazy]
    fn problems() -> AnyView {
        view! { <problems::page::ProblemsPage /> }.into_any()
    }
    #[lazy]
    fn settings() -> AnyView {
        view! { <settings::page::SettingsPage /> }.into_any()
    }
    #[lazy]
    fn notice() -> AnyView {
        view! { <notice::page::NoticePage /> }.into_any()
    }

    /// Shows the page once its module is loaded. The view is made and
    /// built in a plain reactive closure, as the eager build does (a first
    /// try rendered the page through `<Suspense>` and `Suspend`: the Gantt's
    /// rows then did not follow a change of grouping until scrolled; see
    /// /work/notes/split-findings.md); only `ready` is tracked here.
    fn loaded<P, V>(preload: fn() -> P, view: fn() -> V) -> AnyView
    where
        P: Future<Output = ()> + 'static,
        V: Future<Output = AnyView> + 'static,
    {
        let ready = RwSignal::new(false);
        if ready_now(preload()).is_some() {
            ready.set(true);
        } else {
            leptos::task::spawn_local(async move {
                preload().await;
                ready.try_set(true);
            });
        }
        (move || {
            if ready.get() {
                // Loaded: the split function's future is ready at once.
                untrack(|| ready_now(view()))
            } else {
                Some(
                    view! { <p class="page-loading" data-testid="page-loading">"正在载入……"</p> }
                        .into_any(),
                )
            }
        })
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
        }
    }
}
