//! The dashboard page: the charts laid out by `model::charts`, from the
//! shared assessments, so its numbers are the ledger's.

use crate::model::charts::burnup::burn_up;
use crate::model::charts::donut::donut;
use crate::model::charts::ranking::{ranking, unit_ranking, Group};
use crate::model::charts::{completion_rate, deadlines, headline, STATES};
use crate::ui::dashboard::burnup_chart::BurnUpChart;
use crate::ui::dashboard::donut_chart::DonutChart;
use crate::ui::dashboard::headline::HeadlineCards;
use crate::ui::dashboard::lists::ItemList;
use crate::ui::dashboard::mark::{Listeners, Tip};
use crate::ui::dashboard::unit_bars::{UnitBars, WIDTH};
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let state = use_app();
    let tip = Tip(RwSignal::new(None));
    let marks = Listeners::new(tip);
    let laid_out = Memo::new_with_compare(
        move |_| {
            let today = state.today_date();
            state.doc.with_index(|index| {
                let p = index.plan;
                state.doc.assessments().with(|a| {
                    let counts: Vec<_> = STATES
                        .iter()
                        .map(|&l| {
                            (
                                l,
                                index
                                    .work_items()
                                    .filter(|&i| a.get(i).is_some_and(|x| x.level == l))
                                    .count(),
                            )
                        })
                        .collect();
                    (
                        headline(index, a),
                        completion_rate(index, a),
                        donut(&counts, 45.0, 75.0),
                        counts.iter().map(|(_, n)| n).sum::<usize>(),
                        unit_ranking(index, a, WIDTH),
                        burn_up(index, p.year, today, 600.0, 180.0),
                        ranking(index, a, Group::Area, WIDTH),
                        ranking(index, a, Group::Leader, WIDTH),
                        deadlines(index, a, 8),
                    )
                })
            })
        },
        |_, _| true,
    );
    let cards = Signal::derive(move || laid_out.with(|l| l.0.clone()));
    let rate = Signal::derive(move || laid_out.with(|l| l.1));
    let arcs = Signal::derive(move || laid_out.with(|l| l.2.clone()));
    let total = Signal::derive(move || laid_out.with(|l| l.3));
    let bars = Signal::derive(move || laid_out.with(|l| l.4.clone()));
    let burn = Signal::derive(move || laid_out.with(|l| l.5.clone()));
    let areas = Signal::derive(move || laid_out.with(|l| l.6.clone()));
    let leaders = Signal::derive(move || laid_out.with(|l| l.7.clone()));
    let next = Signal::derive(move || laid_out.with(|l| l.8 .0.clone()));
    let red = Signal::derive(move || laid_out.with(|l| l.8 .1.clone()));
    view! {
        // One set of listeners for every chart mark (ui/dashboard/mark.rs).
        <section class="dashboard" data-testid="dashboard"
            on:click=marks.click() on:keydown=marks.key() on:mouseover=marks.over() on:mouseout=marks.out()
            on:focusin=marks.focus_in() on:focusout=marks.focus_out()>
            <h1>{move || state.doc.plan().with(|p| p.title.clone())}" · 总览"</h1>
            <HeadlineCards cards=cards rate=rate />
            <p class="hint">"将鼠标移到图上或用 Tab 键选中，可查看具体数字；点击可查看对应的任务。"</p>
            // At the mark (ui/dashboard/mark.rs), above the point it names.
            <p data-testid="chart-tooltip" aria-live="polite"
                class=move || tip.0.with(|t| match t {
                    Some(t) => format!("chart-tooltip shown {}", t.anchor),
                    None => "chart-tooltip".to_string(),
                })
                style:left=move || tip.0.with(|t| t.as_ref().map(|t| format!("{:.0}px", t.x)))
                style:top=move || tip.0.with(|t| t.as_ref().map(|t| format!("{:.0}px", t.y)))>
                {move || tip.0.with(|t| t.as_ref().map(|t| t.text.clone()))}
            </p>
            <div class="charts">
                <DonutChart arcs=arcs total=total />
                <BurnUpChart burn=burn />
            </div>
            <div class="charts">
                <ItemList caption=Signal::derive(move || format!("即将到期（{} 天内）", state.doc.plan().with(|p| p.settings.due_soon_days))) testid="next-deadlines" items=next empty="临近时限内没有到期的事项。" />
                <ItemList caption="逾期事项（红灯）".to_string() testid="red-list" items=red empty="没有逾期事项。" />
            </div>
            <UnitBars bars=bars />
            <UnitBars bars=areas caption="各领域完成率" testid="area-ranking" empty="还没有工作事项。" />
            <UnitBars bars=leaders caption="各责任领导分管事项完成率" testid="leader-ranking" empty="还没有填写责任领导的工作事项。" />
        </section>
    }
}
