//! The Gantt as printed: every shown line (not only those in view) in a
//! table whose heading repeats on each page, the whole span scaled to the
//! width of an A4 or A3 landscape page, and no row split across pages.

use crate::model::charts::gantt::{fit, layout, Line};
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
    let track = paper.width() - NAME - 8.0;
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
                    <col />
                </colgroup>
                <thead>
                    <tr><th colspan="2" class="gantt-print-title">
                        {format!("{title} · 进度计划（截至 {day}，{}{counted}）", if filtered { "按当前筛选条件：" } else { "" })}
                    </th></tr>
                    <tr>
                        <th class="gantt-print-name">"任务"</th>
                        <th>
                            <svg class="gantt-track" width=width height="18">
                                {timeline.ticks.iter().map(|(x, label)| view! {
                                    <text x=*x + 2.0 y="13" class="axis">{label.clone()}</text>
                                    <line x1=*x x2=*x y1="0" y2="18" class="grid" />
                                }).collect_view()}
                            </svg>
                        </th>
                    </tr>
                </thead>
                <tbody>
                    {timeline.rows.into_iter().map(|line| {
                        let name = match &line {
                            Line::Group(g) => format!("{}（{} 项{}）", g.label, g.count, if g.red > 0 { format!("，逾期 {}", g.red) } else { String::new() }),
                            Line::Task(r) => format!("{}{}（{}）", r.number, r.title, r.level.label()),
                        };
                        let (class, indent) = match &line {
                            Line::Group(_) => ("gantt-print-row gantt-print-group", 2),
                            Line::Task(r) => ("gantt-print-row", 2 + r.depth * 12),
                        };
                        view! {
                            <tr class=class data-testid="gantt-print-row">
                                <td class="gantt-print-name" style=format!("padding-left:{indent}px")>{name}</td>
                                <td><Track line=line width=width height=ROW today_x=today_x /></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
