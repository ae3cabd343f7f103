//! The Timeline view. For now the phases as a table; the drawn timeline comes with its issue.

use crate::components::state::DocModel;
use leptos::prelude::*;
use std::sync::Arc;

fn days(d: f64) -> String {
    if (d - d.round()).abs() < 0.01 {
        format!("day {}", d.round() as i64)
    } else {
        format!("day {d:.2}")
    }
}

/// Phases of the roadmap with their place in working days.
#[component]
pub fn TimelineView(
    /// The opened document.
    model: Arc<DocModel>,
) -> impl IntoView {
    if model.map.phases.is_empty() {
        return view! {
            <div class="empty-state">
                <h2>"No phases with time found"</h2>
                <p>"roadboard places phases on a timeline when headings or items say when or how long: “Phase 2: Database (Day 2)”, “Week 1-2”, “Week 8+”, “⏱ ~2 hours”, “Time: 1-2 days”, “Q3 2025”, or a table with Phase and Duration columns."</p>
            </div>
        }
        .into_any();
    }
    let rows = model
        .map
        .phases
        .iter()
        .map(|p| {
            let (done, total) = p
                .items
                .iter()
                .filter_map(|id| model.index.item_pos.get(id))
                .fold((0, 0), |(d, t), i| {
                    (d + usize::from(model.ticked_untracked(*i)), t + 1)
                });
            view! {
                <tr>
                    <th scope="row">{p.title.clone()}</th>
                    <td>{p.duration_text.clone()}</td>
                    <td>{days(p.start)}</td>
                    <td>{p.end.map_or_else(|| "open-ended".to_string(), days)}</td>
                    <td>{format!("{done}/{total}")}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="timeline-table">
            <p class="hint">"The drawn timeline is coming; here are the phases roadboard found, in working days from the start."</p>
            <div class="table-wrap">
                <table>
                    <thead><tr><th scope="col">"Phase"</th><th scope="col">"As written"</th><th scope="col">"Starts"</th><th scope="col">"Ends"</th><th scope="col">"Done"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
    .into_any()
}
