//! The import preview's deletions and renumbering: tasks the file deleted
//! that go here too, and incoming 督办/催办 records whose number is taken
//! here, with the number they get.

use crate::model::merge::MergePreview;
use leptos::prelude::*;

#[component]
pub fn ImportDeletions(
    /// The merge previewed.
    preview: MergePreview,
) -> impl IntoView {
    let removed = preview.removed.clone();
    let renumbered = preview.renumbered.clone();
    view! {
        {(!removed.is_empty()).then(|| view! {
            <h4>"文件中已删除的任务（导入后在本计划中删除）"</h4>
            <ul class="plain">{removed.into_iter().map(|r| view! {
                <li data-testid="import-removed-task">{r.title}</li>
            }).collect_view()}</ul>
        })}
        {(!renumbered.is_empty()).then(|| view! {
            <h4>"督办编号调整"</h4>
            <ul class="plain">{renumbered.into_iter().map(|r| view! {
                <li data-testid="import-renumbered">{r.text}</li>
            }).collect_view()}</ul>
        })}
    }
}
