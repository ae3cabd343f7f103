//! The home page: open a roadmap (file, drop, paste), the bundled roadmaps with the reader's
//! progress, and the recently opened documents.

use crate::components::follow::{open_through_picker, FollowHint};
use crate::dom::event_element;
use crate::net::fetch_document;
use crate::session::{bundled_href, bundled_id, Session, BUNDLED};
use crate::storage::{forget_recent, load_progress, read_recent, store};
use leptos::prelude::*;
use leptos::task::spawn_local;
use roadboard_core::recent::RecentDoc;

/// A readable name from a file name: `miro-clone-cycle-35.md` → "Miro clone cycle 35".
pub fn readable_name(file: &str) -> String {
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let words = stem.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        // ASCII only: Unicode upper-casing would bring core's 12 KB case table into the wasm for
        // one letter of a file name (a name starting "é" keeps its lower case).
        Some(c) => std::iter::once(c.to_ascii_uppercase())
            .chain(chars)
            .collect(),
        None => file.to_string(),
    }
}

/// The landing page.
#[component]
pub fn HomePage() -> impl IntoView {
    let session = expect_context::<Session>();
    // Read when "Show" is pressed, not copied on every keystroke (a paste can be megabytes).
    let paste = NodeRef::<leptos::html::Textarea>::new();
    let show_paste = move |_| {
        let text = paste.get_untracked().map(|t| t.value()).unwrap_or_default();
        session.open_paste(text);
    };
    let recent = RwSignal::new(
        store()
            .map(|kv| read_recent(kv.as_ref()))
            .unwrap_or_default(),
    );
    let forget = move |query: String| {
        if let Ok(kv) = store() {
            let _ = forget_recent(kv.as_ref(), &query);
            recent.set(read_recent(kv.as_ref()));
        }
    };
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title("roadboard — roadmaps as boards");
    }
    view! {
        <header class="topbar">
            <a class="brand" href="./">"roadboard"</a>
        </header>
        <main class="home" id="main">
            <section class="hero">
                <h1>"Your roadmap, as a board"</h1>
                <p class="lead">
                    "roadboard reads a roadmap written in Markdown — checklists, ✅ status marks, priorities, phases — and shows it as a board and a timeline you can tick off. The file never leaves your browser, and your progress is kept here."
                </p>
            </section>
            {move || session.load_error.get().map(|n| view! {
                <div class="notice error" role="alert">
                    <p>{n.message}</p>
                    <button type="button" class="link-button" on:click=move |_| session.load_error.set(None)>"Dismiss"</button>
                </div>
            })}
            <section class="open-panel" aria-labelledby="open-h">
                <h2 id="open-h">"Open a roadmap"</h2>
                <div class="open-grid">
                    <div class="open-file">
                        <label class="file-button" for="open-file">"Open roadmap file"</label>
                        <input id="open-file" class="visually-hidden" type="file" accept=".md,.markdown,.txt,text/markdown,text/plain"
                            on:click=move |ev| open_through_picker(session, ev)
                            on:change=move |ev| {
                                let input: Option<web_sys::HtmlInputElement> = event_element(&ev);
                                if let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|f| f.get(0)) {
                                    crate::follow::forget();
                                    session.open_file(file);
                                }
                                if let Some(i) = input { i.set_value(""); }
                            }/>
                        <p class="hint">"…or drop a Markdown file anywhere on this page."</p>
                        <FollowHint/>
                    </div>
                    <div class="open-paste">
                        <label for="paste-md">"Paste Markdown"</label>
                        <textarea id="paste-md" rows="5" placeholder="# My roadmap\n- [x] Design\n- [ ] Build"
                            node_ref=paste></textarea>
                        <button type="button" class="primary" on:click=show_paste>"Show"</button>
                    </div>
                </div>
            </section>
            {move || {
                let list = recent.get();
                (!list.is_empty()).then(|| view! {
                    <section class="recent" aria-labelledby="recent-h">
                        <h2 id="recent-h">"Recently opened"</h2>
                        <ul class="recent-list">
                            {list.into_iter().map(|d: RecentDoc| {
                                let q = d.query.clone();
                                let title = d.title.clone();
                                view! {
                                    <li>
                                        <a href=format!("?{}", d.query)>{d.title.clone()}</a>
                                        <span class="entry-file">{d.origin.clone()}</span>
                                        <button type="button" class="link-button"
                                            aria-label=format!("Forget {title}")
                                            title="Remove from this list (saved ticks are kept)"
                                            on:click=move |_| forget(q.clone())>"Forget"</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                })
            }}
            <section class="examples" aria-labelledby="examples-h">
                <h2 id="examples-h">"Roadmaps on this site"</h2>
                {if BUNDLED.is_empty() {
                    view! { <p class="empty">"No roadmaps are bundled with this site. Add .md files to public/roadmaps/ and rebuild, or open one above."</p> }.into_any()
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
    let id = bundled_id(file);
    spawn_local(async move {
        if let Ok(text) = fetch_document(id.name(), |_, _| {}).await {
            let map = roadboard_core::parse_named(&text, Some(&id.fallback_title()));
            let state = store()
                .map(|kv| load_progress(kv.as_ref(), &id).state)
                .unwrap_or_default();
            // as the header counts: items out of scope only once ticked
            let (mut done, mut total) = (0, 0);
            for i in &map.items {
                let ticked = state.is_done(&map, &i.id);
                if ticked || i.status.counts() {
                    total += 1;
                    done += usize::from(ticked);
                }
            }
            set_summary.set(Some((map.title.clone(), done, total)));
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
                    let pct = roadboard_core::model::percent(done, total);
                    view! {
                        <span class="entry-progress">
                            <span class="bar" aria-hidden="true"><span style:width=format!("{pct}%")></span></span>
                            <span class="count">{format!("{done}/{total} done")}</span>
                        </span>
                    }
                })}
            </a>
        </li>
    }
}
