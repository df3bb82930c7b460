//! The Gantt as printed: every shown line (not only those in view) in a
//! table whose heading repeats on each page, the whole span scaled to the
//! width of an A4 or A3 landscape page, and no row split across pages.
//! Titles wrap instead of being cut, each task's state is written out in
//! the ledger's words (paper has no colours to hover over, and may be
//! copied in black and white), and a legend explains the marks.

use crate::model::charts::gantt::axis::LABEL_OFFSET;
use crate::model::charts::gantt::{fit, layout, Line};
use crate::ui::gantt::legend::GanttLegend;
use crate::ui::gantt::page::Lines;
use crate::ui::gantt::track::Track;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A page size for printing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    A3,
}

/// Width of the name column on paper, in CSS pixels.
const NAME: f64 = 240.0;
/// Width of the state column: "预警：进度滞后" on one line, longer
/// reasons on two or three.
const STATE: f64 = 90.0;
const ROW: f64 = 22.0;

impl Paper {
    pub fn key(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::A3 => "a3",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A3 => "A3",
        }
    }

    /// The printable width of the landscape page with 10 mm margins, in
    /// CSS pixels (96 per inch): 277 mm and 400 mm.
    pub fn width(self) -> f64 {
        let mm = match self {
            Paper::A4 => 277.0,
            Paper::A3 => 400.0,
        };
        (mm / 25.4 * 96.0_f64).floor()
    }
}

#[component]
pub fn GanttPrint(paper: Paper, lines: Lines) -> impl IntoView {
    let state = use_app();
    // A few pixels spare for the table's borders.
    let track = paper.width() - NAME - STATE - 8.0;
    let timeline = state.doc.with_index_untracked(|index| {
        let today = state.today_date();
        state.doc.assessments().with_untracked(|a| {
            lines.0.with_untracked(|(entries, collapsed)| {
                layout(index, a, entries, collapsed, fit(index, track), today)
            })
        })
    });
    let title = state.doc.plan().with_untracked(|p| p.title.clone());
    let day = crate::model::date::format_date(state.today_date());
    let filtered = state
        .nav
        .query()
        .with_untracked(|q| q.filters() || !q.text.trim().is_empty());
    // Worded as on the screen (model::counting).
    let counted = state.doc.with_index_untracked(|index| {
        state.doc.assessments().with_untracked(|a| {
            state.doc.search().with_untracked(|s| {
                state
                    .nav
                    .query()
                    .with_untracked(|q| crate::model::counting::query_line(index, a, s.as_ref(), q))
            })
        })
    });
    let page_rule = format!(
        "@media print {{ @page {{ size: {} landscape; margin: 10mm; }} }}",
        paper.label()
    );
    let today_x = timeline.today_x;
    let width = timeline.width;
    view! {
        <div class="gantt-print" data-testid="gantt-print" data-paper=paper.key()
            style=format!("width:{}px", paper.width())>
            <style>{page_rule}</style>
            <table>
                <colgroup>
                    <col style=format!("width:{NAME}px") />
                    <col style=format!("width:{STATE}px") />
                    <col />
                </colgroup>
                <thead>
                    <tr><th colspan="3" class="gantt-print-title">
                        {format!("{title} · 进度计划（截至 {day}，{}{counted}）", if filtered { "按当前筛选条件：" } else { "" })}
                    </th></tr>
                    <tr><th colspan="3" class="gantt-print-legend"><GanttLegend /></th></tr>
                    <tr>
                        <th class="gantt-print-name">"任务"</th>
                        <th class="gantt-print-state">"状态"</th>
                        <th>
                            <svg class="gantt-track" width=width height="18">
                                {timeline.ticks.iter().filter(|k| k.major).map(|k| view! {
                                    {k.label.clone().map(|label| view! { <text x=k.x + LABEL_OFFSET y="13" class="axis">{label}</text> })}
                                    <line x1=k.x x2=k.x y1="0" y2="18" class="grid" />
                                }).collect_view()}
                            </svg>
                        </th>
                    </tr>
                </thead>
                <tbody>
                    {timeline.rows.into_iter().map(|line| {
                        let (name, state) = match &line {
                            Line::Group(g) => (g.label.clone(), format!("{}{}", crate::model::counting::work_items_text(g.count), if g.red > 0 { format!("，逾期 {}", g.red) } else { String::new() })),
                            Line::Task(r) => (format!("{}{}", r.number, r.title), r.state.clone()),
                        };
                        let (class, indent, id, level) = match &line {
                            Line::Group(_) => ("gantt-print-row gantt-print-group", 2, None, "group"),
                            Line::Task(r) => ("gantt-print-row", 2 + r.depth * 12, Some(r.id.0.clone()), r.level.key()),
                        };
                        view! {
                            <tr class=class data-testid="gantt-print-row" data-task-id=id>
                                <td class="gantt-print-name" style=format!("padding-left:{indent}px")>
                                    <span data-testid="gantt-print-title">{name}</span>
                                </td>
                                <td class=format!("gantt-print-state level-{level}") data-testid="gantt-print-state">{state}</td>
                                <td><Track line=line width=width height=ROW today_x=today_x /></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
