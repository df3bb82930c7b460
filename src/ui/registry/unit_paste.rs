//! Adding many units at once from a pasted list: one name a line, or a
//! column copied from Excel (the first cell of each row is taken). The
//! preview says how many are new and what is skipped; one button adds them
//! all with the kind chosen once, as one undoable edit. The reading is
//! `model::registry_intake`'s.

use crate::model::registry::{kind_from_key, kind_key, UNIT_KINDS};
use crate::model::registry_intake::{add_units, common_kind, paste_preview};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The paste box, its preview, the batch's kind and the confirm button.
#[component]
pub fn PasteUnits() -> impl IntoView {
    let state = use_app();
    let text = RwSignal::new(String::new());
    let preview = Memo::new(move |_| text.with(|t| state.doc.plan().with(|p| paste_preview(p, t))));
    // The kind most units have, until the user picks one.
    let picked = RwSignal::new(None);
    let kind = move || {
        picked
            .get()
            .unwrap_or_else(|| state.doc.plan().with(common_kind))
    };
    let message = RwSignal::new(None::<String>);
    let add = move |_| {
        let names = preview.with_untracked(|p| p.new.clone());
        if names.is_empty() {
            return;
        }
        let label = format!("粘贴新增单位 {} 个", names.len());
        match state.edit(add_units(&names, kind()), label) {
            Ok(()) => {
                text.set(String::new());
                message.set(Some(format!(
                    "已新增单位 {} 个：{}。",
                    names.len(),
                    names.join("、")
                )));
            }
            Err(e) => message.set(Some(format!("未能添加：{e}"))),
        }
    };
    view! {
        <div class="registry-intake-part" data-testid="paste-units-panel">
            <h4>"粘贴单位名单"</h4>
            <label class="field">
                <span class="hint">"每行一个单位；也可以从 Excel 中复制一列（有多列时取每行第一格）。已有的和重复的名称自动跳过。"</span>
                <textarea data-testid="paste-units" rows="5" placeholder="区委组织部\n区委宣传部\n区发展改革委"
                    prop:value=move || text.get()
                    on:input=move |e| { text.set(event_target_value(&e)); message.set(None); }></textarea>
            </label>
            <Show when=move || text.with(|t| !t.trim().is_empty())>
                <p class="hint" data-testid="paste-units-preview" role="status">{move || preview.with(|p| p.summary())}</p>
            </Show>
            <div class="field-row">
                <label class="field">
                    <span>"类别"</span>
                    <select data-testid="paste-units-kind"
                        on:change=move |e| picked.set(Some(kind_from_key(&event_target_value(&e))))>
                        {UNIT_KINDS.into_iter().map(|k| view! {
                            <option value=kind_key(k) selected=move || kind() == k>{k.label()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" data-testid="paste-units-confirm"
                    disabled=move || preview.with(|p| p.new.is_empty())
                    on:click=add>
                    {move || match preview.with(|p| p.new.len()) {
                        0 => "全部添加".to_string(),
                        n => format!("全部添加（{n} 个）"),
                    }}
                </button>
            </div>
            {move || message.get().map(|m| view! {
                <p class="hint" data-testid="paste-units-result" role="status">{m}</p>
            })}
        </div>
    }
}
