//! An opened roadmap: loading it from its source, then the header, the view tabs and the
//! active view.

use crate::components::banners::ProgressBanners;
use crate::components::board_keys::focus_board;
use crate::components::changes::{ChangeMarks, ChangesRegion};
use crate::components::deps_panel::DependenciesPanel;
use crate::components::detail::{self, DetailPanel};
use crate::components::follow::FollowBar;
use crate::components::health::HealthPanel;
use crate::components::kept::KeptViews;
use crate::components::progress_menu::ProgressMenu;
use crate::components::share_link::LinkPrompt;
use crate::components::snapshot::SnapshotButton;
use crate::components::timeline::TimelineView;
use crate::components::undo::UndoToast;
use crate::doc::{DocModel, Highlight};
use crate::dom::{next_task, perf_mark};
use crate::net::fetch_document;
use crate::session::{open_model, Session};
use crate::storage::progress_key;
use leptos::prelude::*;
use leptos::task::spawn_local;
use roadboard_core::address::check_address;
use roadboard_core::docid::DocId;
use roadboard_core::viewstate::View;
use std::sync::Arc;

#[derive(Clone)]
enum Loaded {
    Loading,
    Failed(String),
    Ready(Arc<DocModel>),
}

/// Loads the document named by the address (`src` or `doc`) and shows it.
#[component]
pub fn DocumentPage(
    /// `?src=`: an address to fetch.
    src: Option<String>,
    /// `?doc=`: a document opened from a file or paste, kept in this browser.
    doc: Option<DocId>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let (loaded, set_loaded) = signal(Loaded::Loading);
    // How much of a large document has arrived ("1.2 of 3.4 MB").
    let received = RwSignal::new(None::<String>);
    match (src, doc) {
        (Some(src), _) => {
            if let Err(e) = check_address(&src) {
                set_loaded.set(Loaded::Failed(e.to_string()));
            } else {
                spawn_local(async move {
                    let progress = move |got: usize, total: Option<usize>| {
                        if got >= 512 * 1024 {
                            let mb = |b: usize| b as f64 / 1_048_576.0;
                            received.set(Some(match total {
                                Some(t) => format!("{:.1} of {:.1} MB", mb(got), mb(t)),
                                None => format!("{:.1} MB", mb(got)),
                            }));
                        }
                    };
                    let loaded = match fetch_document(&src, progress).await {
                        Ok(text) => {
                            let model = open_model(DocId::parse(&src), &text, None, None);
                            // Reading and drawing in two tasks: the page stays responsive between.
                            next_task().await;
                            Loaded::Ready(model)
                        }
                        Err(msg) => Loaded::Failed(msg),
                    };
                    set_loaded.set(loaded);
                });
            }
        }
        (None, Some(doc)) => set_loaded.set(match session.open_kept(doc) {
            Ok(model) => Loaded::Ready(model),
            Err(msg) => Loaded::Failed(msg),
        }),
        (None, None) => set_loaded.set(Loaded::Failed("No document was named.".into())),
    }
    view! {
        <header class="topbar">
            <a class="skip-link" href="#view-panel" on:click=|ev: leptos::ev::MouseEvent| {
                ev.prevent_default();
                focus_board();
            }>"Skip to board"</a>
            <a class="brand" href="./">"roadboard"</a>
            <a class="topbar-link" href="./">"All roadmaps"</a>
        </header>
        {move || match loaded.get() {
            Loaded::Loading => view! {
                <main class="status-page" id="main"><p class="loading" role="status">"Loading roadmap…"{move || received.get().map(|r| format!(" {r}"))}</p></main>
            }.into_any(),
            Loaded::Failed(msg) => view! {
                <main class="status-page" id="main">
                    <div class="notice error" role="alert">
                        <h1>"This roadmap could not be opened"</h1>
                        <p>{msg}</p>
                        <p><a href="./">"Back to all roadmaps"</a></p>
                    </div>
                </main>
            }.into_any(),
            Loaded::Ready(model) => view! { <RoadmapScreen model=model/> }.into_any(),
        }}
    }
}

/// Header with progress, view tabs and the active view of an opened roadmap.
#[component]
pub fn RoadmapScreen(
    /// The opened document.
    model: Arc<DocModel>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(&format!("{} · roadboard", model.map.title));
    }
    // The first frame after this screen is built: the board is on screen and interactive.
    request_animation_frame(|| perf_mark("rb-board-ready"));
    let selected = Memo::new(move |_| session.view.with(|v| v.item.clone()));
    let highlight = Highlight::new(&model, selected);
    provide_context(highlight);
    let changes = ChangeMarks::new();
    provide_context(changes);
    // Escape clears the selection (and any hover preview).
    let hovered = model.hovered;
    let esc = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            hovered.set(None);
            if session.view.with_untracked(|v| v.item.is_some()) {
                session.view.update(|v| v.item = None);
            }
        }
    });
    on_cleanup(move || esc.remove());
    // Another tab ticked something: show it here too.
    let key = progress_key(&model.doc_id);
    let m_storage = model.clone();
    let storage_listener =
        window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
            if ev.key().as_deref() == Some(key.as_str()) {
                m_storage.reload_from_storage();
            }
        });
    on_cleanup(move || storage_listener.remove());
    // Leaving the page: write what is pending now rather than after the delay.
    let m_hide = model.clone();
    let hide_listener = window_event_listener(leptos::ev::pagehide, move |_| m_hide.flush());
    on_cleanup(move || hide_listener.remove());
    let overall = {
        let m = model.clone();
        Memo::new(move |_| m.overall())
    };
    let percent = move || {
        let (done, total) = overall.get();
        roadboard_core::model::Progress { done, total }.percent() as usize
    };
    // Only what the document claims about itself: a phase's claim shows on that phase.
    let claim = model.map.document_claim().map(|c| c.percent);
    let repair = model.map.encoding_repair;
    let tab = move |v: View| {
        view! {
            <button type="button" role="tab" id=format!("tab-{}", v.key())
                aria-controls="view-panel"
                aria-selected=move || (session.view.with(|s| s.view) == v).to_string()
                tabindex=move || if session.view.with(|s| s.view) == v { "0" } else { "-1" }
                class="tab"
                on:click=move |_| session.view.update(|s| s.view = v)
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    let all = View::ALL;
                    let pos = all.iter().position(|x| *x == v).unwrap_or(0);
                    let next = match ev.key().as_str() {
                        "ArrowRight" => all.get((pos + 1) % all.len()),
                        "ArrowLeft" => all.get((pos + all.len() - 1) % all.len()),
                        _ => None,
                    };
                    if let Some(n) = next.copied() {
                        ev.prevent_default();
                        session.view.update(|s| s.view = n);
                        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&format!("tab-{}", n.key()))) {
                            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) { let _ = el.focus(); }
                        }
                    }
                }>
                {v.label()}
            </button>
        }
    };
    let panel_model = model.clone();
    // Only a change of tab re-creates the panel (not every filter keystroke).
    let current_view = Memo::new(move |_| session.view.with(|s| s.view));
    view! {
        <main class="roadmap" id="main" class:only-changes=move || changes.only.get()
            class:panel-open={
                let m = model.clone();
                move || selected.with(|s| s.as_deref().is_some_and(|id| detail::shows(&m, id)))
            }>
            <div class="doc-header">
                <h1 class="doc-title">{model.map.title.clone()}</h1>
                <div class="doc-actions">
                    <ProgressMenu model=model.clone()/>
                    <SnapshotButton model=model.clone()/>
                </div>
                <div class="overall">
                    <div class="progressbar" role="progressbar" aria-label="Overall progress"
                        aria-valuemin="0" aria-valuemax="100" aria-valuenow=move || percent().to_string()
                        aria-valuetext=move || { let (d, t) = overall.get(); format!("{}%, {d} of {t} done", percent()) }>
                        <span style:width=move || format!("{}%", percent())></span>
                    </div>
                    <span class="overall-text">
                        {move || { let (d, t) = overall.get(); format!("{}% · {d} of {t} done", percent()) }}
                    </span>
                    {claim.map(|c| {
                        let differs = move || (c - percent() as f64).abs() >= 1.0;
                        view! {
                        <span class="claim" class:differs=differs
                            title="The document states its own progress; roadboard measures it from the checklist">
                            {move || if differs() {
                                format!("claims {c}% · measured {}%", percent())
                            } else {
                                format!("claims {c}%")
                            }}
                        </span>
                    }})}
                </div>
            </div>
            {repair.map(|r| view! {
                <p class="notice info" role="note">{format!(
                    "This file's special characters had been garbled (UTF-8 read as {}); roadboard repaired them for display.",
                    r.name()
                )}</p>
            })}
            <ProgressBanners model=model.clone()/>
            <FollowBar model=model.clone()/>
            <ChangesRegion model=model.clone()/>
            <LinkPrompt model=model.clone()/>
            <div class="doc-panels">
                <DependenciesPanel model=model.clone()/>
                <HealthPanel model=model.clone()/>
            </div>
            <div class="tabs" role="tablist" aria-label="Views">
                {tab(View::Board)}{tab(View::Timeline)}{tab(View::Document)}
            </div>
            <div id="view-panel" role="tabpanel" class="view-panel"
                aria-labelledby=move || format!("tab-{}", current_view.get().key())>
                <KeptViews model=panel_model.clone() current=current_view/>
                {move || (current_view.get() == View::Timeline).then(|| {
                    view! { <TimelineView model=panel_model.clone()/> }
                })}
            </div>
            <DetailPanel model=model.clone()/>
            <UndoToast model=model.clone()/>
        </main>
    }
}
