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

    /// Shows the page once its module is loaded (at once when it already
    /// is: `Suspend` polls the future before showing nothing).
    fn loaded(page: impl Future<Output = AnyView> + Send + 'static) -> AnyView {
        view! {
            <Suspense fallback=|| view! { <p class="page-loading" data-testid="page-loading">"正在载入……"</p> }>
                {Suspend::new(page)}
            </Suspense>
        }
        .into_any()
    }

    pub fn page_view(page: Page) -> AnyView {
        match page {
            Page::Ledger => view! { <ledger::page::LedgerPage /> }.into_any(),
            Page::Dashboard => view! { <dashboard::page::DashboardPage /> }.into_any(),
            Page::Gantt => loaded(gantt()),
            Page::Data => loaded(data()),
            Page::Audit => loaded(audit()),
            Page::Units => loaded(units()),
            Page::Supervision => loaded(supervision()),
            Page::Problems => loaded(problems()),
            Page::Settings => loaded(settings()),
            Page::Notice => loaded(notice()),
        }
    }
}
