//! The import preview: what the file is, every problem found in it, and
//! what merging would do — new tasks, fields taken, new records, records
//! and tasks the file deleted, 督办 numbers changed, and each conflict
//! (of a field, or of the outline) with both sides and a choice. Nothing
//! has changed yet.

use crate::model::merge::{Side, NEW_TASKS_NAMED};
use crate::model::TaskId;
use crate::ui::sharing::import_panel::Incoming;
use leptos::prelude::*;
use std::collections::HashMap;

fn record_name(list: &str) -> &'static str {
    match list {
        "updates" => "进展",
        "extensions" => "延期记录",
        "supervisions" => "督办记录",
        "log" => "留痕",
        "milestones" => "进度节点",
        _ => "记录",
    }
}

#[component]
pub fn ImportPreview(
    incoming: Incoming,
    choices: RwSignal<HashMap<(TaskId, String), Side>>,
    on_confirm: Callback<()>,
    on_new: Callback<()>,
    on_cancel: Callback<()>,
    /// A workbook's column corrected.
    on_role: Callback<(u16, crate::format::sheets::intake::columns::Role)>,
) -> impl IntoView {
    let Incoming {
        name,
        summary,
        merge,
        other_plan,
        sheet,
        refreshed,
        token,
        ..
    } = incoming;
    let kind = match &summary.unit {
        Some(unit) => format!("“{unit}”的填报包"),
        None => "工作计划文件".to_string(),
    };
    let head = if sheet.is_some() {
        format!("文件“{name}”：Excel 表格，读入计划“{}”。", summary.title)
    } else {
        format!(
            "文件“{name}”：{kind}，计划“{}”，{}，数据格式第 {} 版{}。",
            summary.title,
            summary.counted,
            summary.version,
            if summary.exported_at.is_empty() {
                String::new()
            } else {
                format!("，导出于 {}", summary.exported_at)
            }
        )
    };
    let report = sheet
        .map(|s| view! { <crate::ui::sharing::workbook::SheetReport sheet=*s token=token on_role=on_role /> });
    let problems = summary.problems.clone();
    let body = match merge {
        Some(pv) if pv.is_empty() => view! {
            <p data-testid="import-nothing">"文件中的内容与当前计划一致（或已经导入过），无需导入。"</p>
        }.into_any(),
        Some(pv) => {
            let mut summary = format!(
                "将新增任务 {} 项，更新任务 {} 项，新增进展 {} 条；需要选择的冲突 {} 处。",
                pv.new_task_count(),
                pv.changed.len(),
                pv.new_updates(),
                pv.conflicts()
            );
            if !pv.removed.is_empty() || pv.removed_records() > 0 {
                summary.push_str(&format!(
                    "文件中已删除的任务 {} 项、记录 {} 条，导入后在本计划中同样删除。",
                    pv.removed.len(),
                    pv.removed_records()
                ));
            }
            if pv.incoming_deletions() > 0 {
                summary.push_str(&format!(
                    "记下文件中的删除记录 {} 条，以后导入的旧文件不会把这些内容带回。",
                    pv.incoming_deletions()
                ));
            }
            if !pv.renumbered.is_empty() {
                summary.push_str(&format!("督办编号重复 {} 处，导入后改用新编号。", pv.renumbered.len()));
            }
            view! {
                {refreshed.then(|| view! {
                    <p class="alert alert-warn" data-testid="import-refreshed" role="alert">
                        "计划在预览之后有了改动，下面的预览已按当前计划重新生成，尚未导入。请再核对一遍，然后确认。"
                    </p>
                })}
                <p data-testid="import-summary">{summary}</p>
                {(!pv.new_units.is_empty()).then(|| view! {
                    <p>{format!("新增单位：{}", pv.new_units.iter().map(|u| u.name.clone()).collect::<Vec<_>>().join("、"))}</p>
                })}
                {(pv.new_task_count() > 0).then(|| view! {
                    <h4>"新增任务"</h4>
                    // The first ones by name: a list of thousands says
                    // nothing more and takes long to draw.
                    <ul class="plain">{pv.new_tasks.iter().take(NEW_TASKS_NAMED).map(|t| view! { <li data-testid="import-new-task">{t.title.clone()}</li> }).collect_view()}</ul>
                    {(pv.new_task_count() > NEW_TASKS_NAMED).then(|| view! {
                        <p class="hint">{format!("……以上为前 {NEW_TASKS_NAMED} 项，共新增 {} 项。", pv.new_task_count())}</p>
                    })}
                })}
                {(!pv.changed.is_empty()).then(|| view! {
                    <h4>"更新的任务"</h4>
                    <ul class="import-changes">
                        {pv.changed.iter().map(|c| {
                            let id = c.id.clone();
                            view! {
                                <li data-testid="import-change" data-task-id=c.id.0.clone()>
                                    <strong>{c.title.clone()}</strong>
                                    {c.new_records.iter().filter(|(_, n)| *n > 0).map(|(list, n)| view! {
                                        <span class="tag">{format!("新增{} {n} 条", record_name(list))}</span>
                                    }).collect_view()}
                                    {c.removed_records.iter().map(|(list, n)| view! {
                                        <span class="tag">{format!("删除{} {n} 条（文件中已删除）", record_name(list))}</span>
                                    }).collect_view()}
                                    <ul class="plain">
                                        {c.taken.iter().map(|t| view! {
                                            <li>{format!("{}：{} → {}", t.label, t.ours, t.theirs)}</li>
                                        }).collect_view()}
                                        {c.conflicts.iter().map(|k| {
                                            let key = (id.clone(), k.key.clone());
                                            let (k1, k2, k3, k4) = (key.clone(), key.clone(), key.clone(), key);
                                            let default = k.default;
                                            let chosen = move |side| choices.with(|m| m.get(&k1).copied().unwrap_or(default) == side);
                                            let chosen2 = move |side| choices.with(|m| m.get(&k2).copied().unwrap_or(default) == side);
                                            view! {
                                                <li class="conflict" data-testid="conflict" data-field=k.key.clone()>
                                                    <span>{format!("{}（两边都改了）：", k.label)}</span>
                                                    <label class="check"><input type="radio" data-testid="choose-ours"
                                                        prop:checked=move || chosen(Side::Ours)
                                                        on:change=move |_| choices.update(|m| { m.insert(k3.clone(), Side::Ours); }) />
                                                        {format!("保留本计划：{}", k.ours)}</label>
                                                    <label class="check"><input type="radio" data-testid="choose-theirs"
                                                        prop:checked=move || chosen2(Side::Theirs)
                                                        on:change=move |_| choices.update(|m| { m.insert(k4.clone(), Side::Theirs); }) />
                                                        {format!("采用文件：{}", k.theirs)}</label>
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })}
                <crate::ui::sharing::clash_choices::ClashChoices clashes=pv.clashes.clone() choices=choices />
                <crate::ui::sharing::deletions::ImportDeletions preview=pv.clone() />
                {pv.notes.iter().map(|n| view! { <p class="hint">{n.clone()}</p> }).collect_view()}
                <button type="button" class="primary" data-testid="import-confirm" on:click=move |_| on_confirm.run(())>"确认导入"</button>
            }.into_any()
        }
        None => {
            let message = match &other_plan {
                Some(title) => format!("该文件属于本机的另一个计划“{title}”。如要合并，请先在右上角切换到该计划再导入；也可以作为新计划打开（另存为副本）。"),
                None => "该文件不是当前计划的数据，可以作为新计划打开（单位收到的填报包即如此打开，填报后从“导出”报回）。".to_string(),
            };
            view! { <p data-testid="import-other-plan">{message}</p> }.into_any()
        }
    };
    view! {
        <div class="import-preview" data-testid="import-preview">
            <p>{head}</p>
            {report}
            {(!problems.is_empty()).then(|| view! {
                <div class="alert alert-warn">
                    <p>{format!("文件中有 {} 处问题，这些内容不会导入，其余部分可以导入：", problems.len())}</p>
                    <ul>{problems.into_iter().map(|p| view! {
                        <li data-testid="import-problem">{format!("{}：{}", p.path, p.message)}</li>
                    }).collect_view()}</ul>
                </div>
            })}
            {body}
            <button type="button" data-testid="import-as-new" on:click=move |_| on_new.run(())>"作为新计划打开"</button>
            <button type="button" data-testid="import-cancel" on:click=move |_| on_cancel.run(())>"取消"</button>
        </div>
    }
}
