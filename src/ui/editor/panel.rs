//! The task editor, a side panel over the ledger: every field of one task
//! (or of a new one), checked by `validate_task` before anything is saved,
//! saved as one undoable edit.

use crate::model::date::{format_date, parse_date};
use crate::model::due_change::settle_due;
use crate::model::edit::{add_task, new_task_noun, Place};
use crate::model::id::TaskId;
use crate::model::ops::Op;
use crate::model::recurrence::Recurrence;
use crate::model::task::Task;
use crate::model::validate::{validate_task, FieldError};
use crate::ui::clock::now_iso;
use crate::ui::editor::actions::delete_with_confirmation;
use crate::ui::editor::area_offer::AddAreaInline;
use crate::ui::editor::draft::{new_draft, tags_from, with_editor_fields};
use crate::ui::editor::extension_reason::ExtensionReason;
use crate::ui::editor::field::Field;
use crate::ui::editor::keyboard::{close_asking, keep_focus};
use crate::ui::editor::milestones::MilestonesEditor;
use crate::ui::editor::support_units::{support_offers, SupportUnits};
use crate::ui::editor::unit_input::{unit_id_for, UnitOptions};
use crate::ui::editor::unit_offer::AddUnitOffer;
use crate::ui::ledger::panel_state::use_panel;
use crate::ui::progress::activity_log::ActivityLog;
use crate::ui::progress::panel::TaskProgress;
use crate::ui::state::{use_app, Editing, TaskTab};
use leptos::prelude::*;

#[component]
pub fn TaskEditor() -> impl IntoView {
    let state = use_app();
    let panel = use_panel();
    let draft = RwSignal::new(Task::new(TaskId::default(), ""));
    let loaded = StoredValue::new(Task::new(TaskId::default(), ""));
    // Forms in the 进展与办理 tab belong to one task; the tab resets when
    // the panel closes.
    Effect::new(move |previous: Option<Option<Editing>>| {
        let now = panel.editing.get();
        match &now {
            None => {
                panel.tab.set(TaskTab::Details);
                panel.action.set(None);
            }
            Some(_) if previous.flatten() != now => panel.action.set(None),
            _ => {}
        }
        now
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    // The 延期理由, asked for when the new due date must be an extension.
    let extension_reason = RwSignal::new(String::new());
    let lead_text = RwSignal::new(String::new());
    let units = Signal::derive(move || state.doc.plan().with(|p| p.units.clone()));
    let unit_name = move |id: &str| {
        state.doc.plan().with_untracked(|p| {
            p.unit(id)
                .map_or_else(|| id.to_string(), |u| u.name.clone())
        })
    };
    let lead_name = move |t: &Task| t.lead_unit.as_deref().map(unit_name).unwrap_or_default();
    // Load the draft whenever the editor opens on something else.
    Effect::new(move |_| {
        let Some(editing) = panel.editing.get() else {
            return;
        };
        let task = match &editing {
            Editing::Task(id) => match state.doc.plan().with_untracked(|p| p.task(id).cloned()) {
                Some(t) => t,
                None => return panel.editing.set(None),
            },
            Editing::New(place) => new_draft(state, place),
        };
        lead_text.set(lead_name(&task));
        loaded.set_value(task.clone());
        draft.set(task);
        errors.set(Vec::new());
        extension_reason.set(String::new());
    });
    // Something typed into the form and not saved.
    let typed = move || {
        let before = loaded.get_value();
        draft.with_untracked(|d| *d != before) || lead_text.get_untracked() != lead_name(&before)
    };
    // A change made meanwhile in the 进展与办理 tab (an extension moving
    // the due date, a milestone reached, an undo) shows here at once, as
    // long as nothing has been typed into the form yet.
    Effect::new(move |_| {
        let Some(Editing::Task(id)) = panel.editing.get() else {
            return;
        };
        let Some(current) = state.doc.plan().with(|p| p.task(&id).cloned()) else {
            return;
        };
        if !typed() && current != loaded.get_value() {
            lead_text.set(lead_name(&current));
            loaded.set_value(current.clone());
            draft.set(current);
        }
    });
    let is_root = move || match panel.editing.get() {
        Some(Editing::New(Place::EndOfArea(_))) => true,
        Some(Editing::New(_)) => false,
        _ => draft.with(|t| t.parent.is_none()),
    };
    let date_input = move |get: fn(&Task) -> Option<chrono::NaiveDate>,
                           set: fn(&mut Task, Option<chrono::NaiveDate>),
                           name: &'static str| {
        view! {
            <input type="date" data-testid=format!("editor-{name}")
                prop:value=move || draft.with(|t| get(t).map(format_date).unwrap_or_default())
                on:change=move |e| {
                    let text = event_target_value(&e);
                    match text.trim() {
                        "" => draft.update(|t| set(t, None)),
                        v => match parse_date(v) {
                            Ok(d) => draft.update(|t| set(t, Some(d))),
                            Err(err) => errors.update(|es| es.push(FieldError { field: name.into(), message: err.to_string() })),
                        },
                    }
                } />
        }
    };
    let save = move || {
        let Some(editing) = panel.editing.get_untracked() else {
            return;
        };
        let mut edited = draft.get_untracked();
        edited.title = edited.title.trim().to_string();
        edited.lead_unit = state
            .doc
            .plan()
            .with_untracked(|p| unit_id_for(&p.units, &lead_text.get_untracked()));
        // The editor's fields go onto the task as it is now: whatever
        // changed meanwhile (a move, an inline edit) is kept.
        let task = match &editing {
            Editing::Task(id) => match state.doc.plan().with_untracked(|p| p.task(id).cloned()) {
                Some(current) => {
                    let mut before = loaded.get_value();
                    before.title = before.title.trim().to_string();
                    let task = with_editor_fields(current.clone(), &before, edited);
                    let found = state.doc.plan().with_untracked(|p| validate_task(p, &task));
                    if !found.is_empty() {
                        return errors.set(found);
                    }
                    // A later date on a started or overdue task is saved
                    // as a 延期 with its reason, the original date kept.
                    let reason = extension_reason.get_untracked();
                    match settle_due(
                        &current,
                        task,
                        &reason,
                        state.today.with_untracked(|t| t.date),
                        &now_iso(),
                    ) {
                        Ok(task) => task,
                        Err(found) => return errors.set(found),
                    }
                }
                None => {
                    panel.editing.set(None);
                    state.edit_error.set(Some(
                        "该任务已不存在（可能已被删除或撤销），修改没有保存。".into(),
                    ));
                    return;
                }
            },
            Editing::New(_) => edited,
        };
        let found = state.doc.plan().with_untracked(|p| validate_task(p, &task));
        if !found.is_empty() {
            return errors.set(found);
        }
        let label = match &editing {
            Editing::New(place) => {
                let noun = state.doc.plan().with_untracked(|p| new_task_noun(p, place));
                format!("新增{noun}“{}”", task.title)
            }
            Editing::Task(_) => format!("编辑任务“{}”", task.title),
        };
        let id = task.id.clone();
        let op = match editing {
            Editing::Task(_) => Ok(Op::PutTask {
                task: Box::new(task),
                at: None,
            }),
            // A new 要点 goes at the end of the area chosen in the form.
            Editing::New(Place::EndOfArea(_)) => {
                let place = Place::EndOfArea(task.area.clone());
                state
                    .doc
                    .plan()
                    .with_untracked(|p| add_task(p, task, &place))
            }
            Editing::New(place) => state
                .doc
                .plan()
                .with_untracked(|p| add_task(p, task, &place)),
        };
        if op.and_then(|op| state.edit(op, label)).is_ok() {
            panel.editing.set(None);
            panel.selected.set(Some(id));
        }
    };
    // Something typed and not saved — in the form, or in a 进展与办理 form
    // still open: closing by 取消, Escape or × asks first.
    let changed = move || panel.action.with_untracked(Option::is_some) || typed();
    let aside = NodeRef::<leptos::html::Aside>::new();
    keep_focus(panel, aside);
    let on_key = move |e: leptos::ev::KeyboardEvent| {
        if e.key() == "Escape" && state.confirm.with_untracked(Option::is_none) {
            e.prevent_default();
            // Not on to the window, where the confirm dialog's own Escape
            // would close the question this asks.
            e.stop_propagation();
            close_asking(state, panel, changed());
        }
    };
    let text = move |get: fn(&Task) -> String, set: fn(&mut Task, String), testid: &'static str| {
        view! {
            <input data-testid=testid prop:value=move || draft.with(get)
                on:input=move |e| draft.update(|t| set(t, event_target_value(&e))) />
        }
    };
    view! {
        <Show when=move || panel.editing.with(Option::is_some)>
            <aside class="editor" data-testid="task-editor" role="dialog" aria-label="编辑任务" node_ref=aside on:keydown=on_key>
                {move || match panel.editing.get() {
                    Some(Editing::Task(id)) => {
                        let tab = |t: TaskTab, label: &'static str, testid: &'static str| view! {
                            <button type="button" role="tab" data-testid=testid class="tab"
                                class:active=move || panel.tab.get() == t
                                aria-selected=move || (panel.tab.get() == t).to_string()
                                on:click=move |_| panel.tab.set(t)>{label}</button>
                        };
                        let title = state.doc.plan().with_untracked(|p| p.task(&id).map(|t| t.title.clone()).unwrap_or_default());
                        view! {
                            <div class="panel-title">
                                <h2 class="task-title">{title}</h2>
                                <button type="button" class="close" aria-label="关闭" data-testid="close-panel"
                                    on:click=move |_| close_asking(state, panel, changed())>"×"</button>
                            </div>
                            <div class="tabs" role="tablist">
                                {tab(TaskTab::Details, "基本信息", "tab-details")}
                                {tab(TaskTab::Progress, "进展与办理", "tab-progress")}
                                {tab(TaskTab::Log, "留痕", "tab-log")}
                            </div>
                            {move || match panel.tab.get() {
                                TaskTab::Progress => view! { <TaskProgress id=id.clone() /> }.into_any(),
                                TaskTab::Log => view! { <ActivityLog id=id.clone() /> }.into_any(),
                                TaskTab::Details => ().into_any(),
                            }}
                        }.into_any()
                    }
                    _ => ().into_any(),
                }}
                <form on:submit=move |e| { e.prevent_default(); save(); }
                    style:display=move || if panel.tab.get() == TaskTab::Details || !matches!(panel.editing.get(), Some(Editing::Task(_))) { "" } else { "none" }>
                    <h2 data-testid="editor-heading">{move || match panel.editing.get() {
                        Some(Editing::New(place)) => format!("新增{}", state.doc.plan().with_untracked(|p| new_task_noun(p, &place))),
                        _ => "编辑任务".to_string(),
                    }}</h2>
                    <UnitOptions units=units />
                    <Field label="任务名称" name="title" errors=errors>
                        <textarea data-testid="editor-title" rows="2" prop:value=move || draft.with(|t| t.title.clone())
                            on:input=move |e| draft.update(|t| t.title = event_target_value(&e))></textarea>
                    </Field>
                    <Field label="工作要求" name="detail" errors=errors>
                        <textarea data-testid="editor-detail" rows="3" prop:value=move || draft.with(|t| t.detail.clone())
                            on:input=move |e| draft.update(|t| t.detail = event_target_value(&e))></textarea>
                    </Field>
                    <Field label="成果形式" name="deliverable" errors=errors>
                        {text(|t| t.deliverable.clone(), |t, v| t.deliverable = v, "editor-deliverable")}
                    </Field>
                    <Show when=is_root>
                        <Field label="领域" name="area" errors=errors>
                            <select data-testid="editor-area" prop:value=move || draft.with(|t| t.area.clone().unwrap_or_default()) on:change=move |e| {
                                let v = event_target_value(&e);
                                draft.update(|t| t.area = (!v.is_empty()).then_some(v));
                            }>
                                <option value="">"（未分领域）"</option>
                                {move || state.doc.plan().with(|p| p.areas.clone()).into_iter().map(|a| {
                                    // Reactive: an area added below is chosen
                                    // whether its option or the choice comes first.
                                    let id = a.id.clone();
                                    let selected = move || draft.with(|t| t.area.as_deref() == Some(id.as_str()));
                                    view! { <option value=a.id.clone() selected=selected>{a.name}</option> }
                                }).collect_view()}
                            </select>
                        </Field>
                        <AddAreaInline on_added=Callback::new(move |id: String| {
                            draft.update(|t| t.area = Some(id));
                            errors.update(|es| es.retain(|e| e.field != "area"));
                        }) />
                    </Show>
                    <Field label="牵头单位" name="lead_unit" errors=errors>
                        <input list="unit-options" data-testid="editor-lead-unit" placeholder="输入单位名称选择"
                            prop:value=move || lead_text.get() on:input=move |e| lead_text.set(event_target_value(&e)) />
                    </Field>
                    <AddUnitOffer name=lead_text on_added=Callback::new(move |_| {
                        // The field keeps the name, which now names the unit.
                        lead_text.update(|t| *t = t.trim().to_string());
                        errors.update(|es| es.retain(|e| e.field != "lead_unit"));
                    }) />
                    <Field label="配合单位" name="support_units" errors=errors>
                        <SupportUnits draft=draft units=units />
                    </Field>
                    {support_offers(draft, units)}
                    <div class="field-row">
                        <Field label="责任领导" name="leader" errors=errors>
                            {text(|t| t.leader.clone(), |t, v| t.leader = v, "editor-leader")}
                        </Field>
                        <Field label="责任人" name="owner" errors=errors>
                            {text(|t| t.owner.clone(), |t, v| t.owner = v, "editor-owner")}
                        </Field>
                    </div>
                    <div class="field-row">
                        <Field label="开始日期" name="start" errors=errors>
                            {date_input(|t| t.start, |t, d| t.start = d, "start")}
                        </Field>
                        <Field label="完成时限" name="due" errors=errors>
                            {date_input(|t| t.due, |t, d| t.due = d, "due")}
                        </Field>
                    </div>
                    <ExtensionReason draft=draft reason=extension_reason errors=errors />
                    <MilestonesEditor draft=draft errors=errors />
                    <Field label="常态化工作（定期报送）" name="recurrence" errors=errors>
                        <select data-testid="editor-recurrence" prop:value=move || draft.with(|t| t.recurrence.map_or("", |r| r.key())) on:change=move |e| {
                            let v = event_target_value(&e);
                            draft.update(|t| t.recurrence = Recurrence::from_key(&v));
                        }>
                            <option value="" selected=move || draft.with(|t| t.recurrence.is_none())>"不重复（一次性任务）"</option>
                            {Recurrence::ALL.into_iter().map(|r| view! {
                                <option value=r.key() selected=move || draft.with(|t| t.recurrence == Some(r))>{r.label()}</option>
                            }).collect_view()}
                        </select>
                        {move || draft.with(|t| (!t.recurrence_note.is_empty()).then(|| {
                            let note = format!("原记录：{}", t.recurrence_note);
                            view! { <span class="hint">{note}</span> }
                        }))}
                    </Field>
                    <label class="check">
                        <input type="checkbox" data-testid="editor-key-task" prop:checked=move || draft.with(|t| t.key_task)
                            on:change=move |e| draft.update(|t| t.key_task = event_target_checked(&e)) />
                        "重点任务"
                    </label>
                    <Field label="专项标签（用逗号或顿号分隔）" name="tags" errors=errors>
                        <input data-testid="editor-tags" prop:value=move || draft.with(|t| t.tags.join("、"))
                            on:change=move |e| draft.update(|t| t.tags = tags_from(&event_target_value(&e))) />
                    </Field>
                    <div class="actions">
                        <button type="submit" class="primary" data-testid="save-task">"保存"</button>
                        <button type="button" data-testid="cancel-edit" on:click=move |_| close_asking(state, panel, changed())>"取消"</button>
                        <Show when=move || matches!(panel.editing.get(), Some(Editing::Task(_)))>
                            <button type="button" class="danger-text" data-testid="delete-task"
                                on:click=move |_| delete_with_confirmation(state, panel, draft.with_untracked(|t| t.id.clone()))>
                                "删除任务"
                            </button>
                        </Show>
                    </div>
                </form>
            </aside>
        </Show>
    }
}
