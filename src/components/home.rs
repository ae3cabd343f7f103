//! The home page: bundled example roadmaps with their progress.

use crate::app::{bundled_href, BUNDLED};
use crate::net::fetch_document;
use crate::storage::{read_progress, LocalStorage};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A readable name from a file name: `miro-clone-cycle-35.md` → "Miro clone cycle 35".
pub fn readable_name(file: &str) -> String {
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let words = stem.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => file.to_string(),
    }
}

/// The landing page.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <header class="topbar">
            <a class="brand" href="./">"roadboard"</a>
        </header>
        <main class="home">
            <section class="hero">
                <h1>"Your roadmap, as a board"</h1>
                <p class="lead">
                    "roadboard reads a roadmap written in Markdown — checklists, status marks, phases — and shows it as a board you can tick off. Your progress stays in this browser."
                </p>
            </section>
            <section class="examples" aria-labelledby="examples-h">
                <h2 id="examples-h">"Roadmaps"</h2>
                {if BUNDLED.is_empty() {
                    view! { <p class="empty">"No roadmaps are bundled with this site yet."</p> }.into_any()
                } else {
                    view! {
                        <ul class="roadmap-list">
                            {BUNDLED.iter().map(|f| view! { <BundledEntry file=f/> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
        </main>
    }
}

#[component]
fn BundledEntry(file: &'static str) -> impl IntoView {
    let (summary, set_summary) = signal(None::<(String, usize, usize)>);
    let src = format!("roadmaps/{file}");
    spawn_local(async move {
        if let Ok(text) = fetch_document(&src).await {
            let map = crate::parse_named(&text, Some(file));
            let state = LocalStorage::open()
                .map(|kv| read_progress(&kv, &src).0)
                .unwrap_or_default();
            let done = map
                .items
                .iter()
                .filter(|i| state.is_done(&map, &i.id))
                .count();
            set_summary.set(Some((map.title.clone(), done, map.items.len())));
        }
    });
    view! {
        <li class="roadmap-entry">
            <a href=bundled_href(file)>
                <span class="entry-title">
                    {move || summary.get().map_or_else(|| readable_name(file), |s| s.0)}
                </span>
                <span class="entry-file">{file}</span>
                {move || summary.get().map(|(_, done, total)| {
                    let pct = if total == 0 { 0 } else { done * 100 / total };
                    view! {
                        <span class="entry-progress">
                            <span class="bar" aria-hidden="true"><span style=format!("width:{pct}%")></span></span>
                            <span class="count">{format!("{done}/{total} done")}</span>
                        </span>
                    }
                })}
            </a>
        </li>
    }
}
