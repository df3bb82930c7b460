//! Where the document comes in: the paste box and its 读取 button, the
//! file chooser, and 取消 while the worker reads.

use crate::ui::breakdown::reading::{read_file, read_pasted};
use crate::ui::breakdown::state::{Breakdown, Stage};
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn BreakdownSource(bd: Breakdown) -> impl IntoView {
    let state = use_app();
    let reading = move || bd.stage.with(|s| matches!(s, Stage::Reading(_)));
    let on_file = move |e: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&e);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            read_file(state, bd, file);
        }
        // The same file can be chosen again after it was corrected.
        input.set_value("");
    };
    view! {
        <div class="breakdown-source">
            <label class="breakdown-paste">
                <span>"粘贴工作要点全文"</span>
                <textarea data-testid="breakdown-text" rows="10"
                    placeholder="例如：\n中共××区委2026年工作要点\n一、全面加强党的建设\n（一）加强党的政治建设\n1. 深入学习贯彻……（牵头单位：区委组织部；配合单位：区委宣传部；完成时限：6月底前）"
                    prop:value=move || bd.text.get()
                    on:input=move |e| bd.text.set(event_target_value(&e))></textarea>
            </label>
            <div class="breakdown-actions">
                <button class="primary" data-testid="breakdown-read" disabled=reading
                    on:click=move |_| read_pasted(state, bd)>"读取文字"</button>
                <label class="file-choice">
                    <span>"或选择文件（.docx、.txt，也可拖放到本页）："</span>
                    <input type="file" data-testid="breakdown-file"
                        accept=".docx,.txt,.doc,.wps,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
                        on:change=on_file />
                </label>
            </div>
            {move || match bd.stage.get() {
                Stage::Reading(what) => view! {
                    <p class="status" role="status" data-testid="breakdown-status">
                        {what}
                        <button data-testid="breakdown-cancel" on:click=move |_| bd.cancel()>"取消"</button>
                    </p>
                }.into_any(),
                Stage::Failed(why) => view! {
                    <p class="error" role="alert" data-testid="breakdown-error">{why}</p>
                }.into_any(),
                _ => ().into_any(),
            }}
        </div>
    }
}
