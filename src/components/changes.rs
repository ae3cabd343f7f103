//! What changed in the document: since the reader's last visit in this browser, or against an
//! older version they name ("Compare with…"). The summary region, the marks on cards, bars and
//! document items (`data-change` and a badge), and the older plan as ghost bars on the
//! timeline. The diff itself is the core's ([`roadboard_core::changes`]).

use crate::doc::DocModel;
use crate::dom::{event_element, query_all};
use crate::net::fetch_document;
use crate::storage::store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use roadboard_core::calendar::Date;
use roadboard_core::changes::seen::{load_seen, save_seen, SeenLoad};
use roadboard_core::changes::{diff, text_hash, Change, ChangeKind, Changes, Snapshot};
use roadboard_core::load::decode_document;
use roadboard_core::notice::Notice;
use roadboard_core::schedule::Timeline;
use roadboard_core::store::{KeyValue, StorageError};
use std::collections::BTreeMap;
use std::sync::Arc;
use wasm_bindgen_futures::JsFuture;

/// One comparison being shown: against the last visit or an older version.
pub struct Comparison {
    /// The region's heading.
    pub heading: String,
    /// Since the last visit (offers "Mark as seen"), or against a version the reader named
    /// (offers "Stop comparing" and draws ghost bars).
    pub since_visit: bool,
    /// What changed.
    pub changes: Changes,
    /// The mark of each changed item and phase, by id.
    pub marks: BTreeMap<String, ChangeKind>,
    /// The older version.
    pub old: Snapshot,
}

impl Comparison {
    fn new(heading: String, since_visit: bool, old: Snapshot, now: &Snapshot) -> Arc<Self> {
        let changes = diff(&old, now);
        Arc::new(Comparison {
            heading,
            since_visit,
            marks: changes.marks(),
            changes,
            old,
        })
    }
}

/// The comparison the views mark, shared as context by the opened document's screen.
#[derive(Clone, Copy)]
pub struct ChangeMarks {
    /// The comparison shown, if any.
    pub current: RwSignal<Option<Arc<Comparison>>>,
    /// "Show only changes" is on.
    pub only: RwSignal<bool>,
}

impl Default for ChangeMarks {
    fn default() -> Self {
        Self::new()
    }
}

impl ChangeMarks {
    /// Nothing to mark yet.
    pub fn new() -> Self {
        ChangeMarks {
            current: RwSignal::new(None),
            only: RwSignal::new(false),
        }
    }

    /// The mark of item or phase `id` (tracked).
    pub fn kind(self, id: &str) -> Option<ChangeKind> {
        self.current
            .with(|c| c.as_ref().and_then(|c| c.marks.get(id).copied()))
    }

    /// The `data-change` value of `id`, live.
    pub fn attr(self, id: String) -> impl Fn() -> Option<&'static str> + Clone + 'static {
        move || self.kind(&id).map(ChangeKind::key)
    }

    /// The visible badge of `id`, live (nothing when it did not change).
    pub fn badge(self, id: String) -> impl IntoView {
        move || {
            self.kind(&id).map(|k| {
                view! { <span class="badge change" data-kind=k.key() title="Changed in this version">{k.label()}</span> }
            })
        }
    }
}

/// Today as an ISO date, from the browser's clock.
fn today() -> String {
    let now = js_sys::Date::new_0();
    Date::from_ymd(
        i64::from(now.get_full_year()),
        now.get_month() + 1,
        now.get_date(),
    )
    .map(|d| d.iso())
    .unwrap_or_default()
}

/// "1 Dec 2026" for an ISO date, the text itself otherwise.
fn date_words(iso: &str) -> String {
    Date::parse_iso(iso).map_or_else(
        || iso.to_string(),
        |d| {
            let (y, m, day) = d.ymd();
            format!("{day} {} {y}", roadboard_core::calendar::month_name(m))
        },
    )
}

/// The document as it is now, as the diff needs it: made when first needed (a large
/// document's snapshot takes milliseconds, and most openings need none: the text is unchanged
/// since the last visit, or the document is too large to be remembered).
#[derive(Clone)]
struct NowSnapshot {
    model: Arc<DocModel>,
    made: StoredValue<Option<Arc<Snapshot>>>,
}

impl NowSnapshot {
    fn new(model: Arc<DocModel>) -> Self {
        NowSnapshot {
            model,
            made: StoredValue::new(None),
        }
    }

    fn get(&self) -> Arc<Snapshot> {
        if let Some(s) = self.made.get_value() {
            return s;
        }
        let m = &self.model;
        let s = Arc::new(Snapshot::of(&m.map, &m.original, &today()));
        self.made.set_value(Some(s.clone()));
        s
    }

    /// Remember this version as seen (nothing to do for a document too large to be kept).
    fn save_seen(&self, kv: &dyn KeyValue) -> Result<(), StorageError> {
        if Snapshot::certainly_too_large(&self.model.map) {
            return Ok(());
        }
        save_seen(kv, &self.model.doc_id, &self.get())
    }
}

/// Compare with the version last seen here; remember this one when there was none (or it
/// could not be read: then say so). A fault of storage never stops the document opening.
fn since_last_visit(
    model: &DocModel,
    now: &NowSnapshot,
) -> (Option<Arc<Comparison>>, Option<Notice>) {
    let Ok(kv) = store() else {
        return (None, None);
    };
    match load_seen(kv.as_ref(), &model.doc_id) {
        SeenLoad::Seen(old) if old.hash == text_hash(&model.original) => (None, None),
        SeenLoad::Seen(old) => {
            let heading = if old.seen.is_empty() {
                "Changes since your last visit".to_string()
            } else {
                format!("Changes since your last visit ({})", date_words(&old.seen))
            };
            let c = Comparison::new(heading, true, old, &now.get());
            if c.changes.is_empty() {
                let _ = now.save_seen(kv.as_ref());
                (None, None)
            } else {
                (Some(c), None)
            }
        }
        SeenLoad::Never => {
            let _ = now.save_seen(kv.as_ref());
            (None, None)
        }
        SeenLoad::Dropped(n) => {
            let _ = now.save_seen(kv.as_ref());
            (None, Some(n))
        }
    }
}

/// The summary of what changed, with "Show only changes" and "Mark as seen" (or "Stop
/// comparing"), and "Compare with…" an older version from a file, an address or a paste.
#[component]
pub fn ChangesRegion(
    /// The opened document.
    model: Arc<DocModel>,
) -> impl IntoView {
    let marks = expect_context::<ChangeMarks>();
    let now = NowSnapshot::new(model.clone());
    let (visit, dropped) = since_last_visit(&model, &now);
    let visit = StoredValue::new(visit);
    marks.current.set(visit.get_value());
    // Said where the document's other storage notices are (never over one of those).
    let notice = model.notice;
    if dropped.is_some() && notice.with_untracked(Option::is_none) {
        notice.set(dropped);
    }
    let now_seen = now.clone();
    let mark_seen = move |_| {
        if let Ok(kv) = store() {
            if let Err(e) = now_seen.save_seen(kv.as_ref()) {
                notice.set(Some(e.into()));
            }
        }
        visit.set_value(None);
        marks.only.set(false);
        marks.current.set(None);
    };
    let stop = move |_| {
        marks.only.set(false);
        marks.current.set(visit.get_value());
    };
    let region = move || {
        marks.current.get().map(|c| {
            let removed: Vec<(String, String)> = c
                .changes
                .removed
                .iter()
                .map(|r| (r.title.clone(), format!(" (was line {})", r.line)))
                .collect();
            let redated: Vec<(String, String)> = c
                .changes
                .redated
                .iter()
                .filter(|r| r.phase)
                .map(|r| (r.title.clone(), redated_words(r)))
                .collect();
            let since = c.since_visit;
            view! {
                <section class="changes" aria-labelledby="changes-h">
                    <h2 id="changes-h">{c.heading.clone()}</h2>
                    <p class="changes-summary">{c.changes.summary()}</p>
                    {(!since).then(|| view! { <p class="hint">"On the timeline, dashed outlines are the older plan; “+5 wd” is a slip of 5 working days."</p> })}
                    <div class="changes-actions">
                        <button type="button" class="toggle" aria-pressed=move || marks.only.get().to_string()
                            on:click=move |_| marks.only.update(|o| *o = !*o)>"Show only changes"</button>
                        {if since {
                            let mark_seen = mark_seen.clone();
                            view! { <button type="button" class="toggle" on:click=mark_seen>"Mark as seen"</button> }.into_any()
                        } else {
                            view! { <button type="button" class="toggle" on:click=stop>"Stop comparing"</button> }.into_any()
                        }}
                    </div>
                    {change_list("Removed", "changes-removed", removed)}
                    {change_list("Re-dated", "changes-redated", redated)}
                </section>
            }
        })
    };
    view! {
        {region}
        <CompareWith now=now/>
    }
}

/// A folded list of changes under `title`: each a name and words after it.
fn change_list(
    title: &str,
    class: &'static str,
    rows: Vec<(String, String)>,
) -> Option<impl IntoView> {
    (!rows.is_empty()).then(|| {
        let summary = format!("{title} ({})", rows.len());
        let open = rows.len() <= 5;
        let rows = rows
            .into_iter()
            .map(|(name, words)| view! { <li><b>{name}</b><span class="hint">{words}</span></li> })
            .collect_view();
        view! {
            <details class="changes-list" open=open>
                <summary>{summary}</summary>
                <ul class=class>{rows}</ul>
            </details>
        }
    })
}

/// A re-dated phase: "slips 5 working days · 2026-01-19 – 2026-02-06 → …".
fn redated_words(c: &Change) -> String {
    let spans = match (&c.old_span, &c.new_span) {
        (Some(a), Some(b)) => format!(" · {} → {}", a.words(), b.words()),
        _ => String::new(),
    };
    format!(" {}{spans}", slip_words(c.slip_days()))
}

/// "slips 5 working days", "3 working days earlier", "same end".
fn slip_words(slip: Option<f64>) -> String {
    match slip {
        Some(d) if d >= 0.05 => format!("slips {} working days", days(d)),
        Some(d) if d <= -0.05 => format!("{} working days earlier", days(-d)),
        Some(_) => "same end".to_string(),
        None => "open-ended".to_string(),
    }
}

fn days(d: f64) -> String {
    let r = (d * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// "Compare with…": an older version from a file, an address or pasted text.
#[component]
fn CompareWith(now: NowSnapshot) -> impl IntoView {
    let marks = expect_context::<ChangeMarks>();
    let (error, set_error) = signal(None::<String>);
    let details = NodeRef::<leptos::html::Details>::new();
    let url = NodeRef::<leptos::html::Input>::new();
    let paste = NodeRef::<leptos::html::Textarea>::new();
    let compare = {
        let now = now.clone();
        move |name: String, text: String| {
            let map = roadboard_core::parse_named(&text, Some(&name));
            let old = Snapshot::of(&map, &text, "");
            let c = Comparison::new(
                format!("Changes compared with “{name}”"),
                false,
                old,
                &now.get(),
            );
            set_error.set(None);
            if let Some(d) = details.get_untracked() {
                d.set_open(false);
            }
            marks.current.set(Some(c));
        }
    };
    let on_file = {
        let compare = compare.clone();
        move |ev: leptos::ev::Event| {
            let Some(file) = event_element::<web_sys::HtmlInputElement>(&ev)
                .and_then(|i| i.files())
                .and_then(|f| f.get(0))
            else {
                return;
            };
            let compare = compare.clone();
            spawn_local(async move {
                let name = file.name();
                let bytes = match JsFuture::from(file.array_buffer()).await {
                    Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
                    Err(_) => {
                        set_error.set(Some(format!("“{name}” could not be read.")));
                        return;
                    }
                };
                match decode_document(&bytes) {
                    Ok(text) => compare(name, text),
                    Err(e) => set_error.set(Some(format!("“{name}”: {e}"))),
                }
            });
        }
    };
    let on_url = {
        let compare = compare.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let address = url.get_untracked().map(|i| i.value()).unwrap_or_default();
            if address.trim().is_empty() {
                return;
            }
            let compare = compare.clone();
            spawn_local(async move {
                match fetch_document(address.trim(), |_, _| {}).await {
                    Ok(text) => compare(address.trim().to_string(), text),
                    Err(e) => set_error.set(Some(e)),
                }
            });
        }
    };
    let on_paste = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = paste.get_untracked().map(|t| t.value()).unwrap_or_default();
        if !text.trim().is_empty() {
            compare("the pasted version".to_string(), text);
        }
    };
    view! {
        <details class="compare" node_ref=details>
            <summary>"Compare with…"</summary>
            <div class="compare-body">
                <p class="hint">"An older version of this roadmap: what changed shows on the board, and its plan as ghost bars on the timeline."</p>
                <label class="compare-file">"A file: "<input type="file" accept=".md,.markdown,.txt,text/markdown,text/plain" on:change=on_file/></label>
                <form class="compare-url" on:submit=on_url>
                    <label for="compare-url">"An address"</label>
                    <input id="compare-url" type="url" placeholder="https://…/ROADMAP.md" node_ref=url/>
                    <button type="submit" class="toggle">"Compare"</button>
                </form>
                <form class="compare-paste" on:submit=on_paste>
                    <label for="compare-paste">"Or paste the older text"</label>
                    <textarea id="compare-paste" rows="4" node_ref=paste></textarea>
                    <button type="submit" class="toggle">"Compare with pasted text"</button>
                </form>
                {move || error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
            </div>
        </details>
    }
}

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// Mark the drawn timeline: `data-change` on changed bars and, when comparing with an older
/// version, its plan as a ghost bar behind each bar with the slip in working days. Runs after
/// every redraw (the chart draws only the rows on screen).
pub fn decorate_timeline(marks: ChangeMarks, host: &web_sys::Element, t: &Timeline) {
    let current = marks.current.get_untracked();
    for g in query_all(Some(host), "g[data-phase-id], g[data-item-id]") {
        let id = g
            .get_attribute("data-phase-id")
            .or_else(|| g.get_attribute("data-item-id"))
            .unwrap_or_default();
        match current.as_ref().and_then(|c| c.marks.get(&id)) {
            Some(k) => {
                let _ = g.set_attribute("data-change", k.key());
            }
            None => {
                let _ = g.remove_attribute("data-change");
            }
        }
        for old in query_all(Some(&g), ".tl-baseline, .tl-slip") {
            old.remove();
        }
        let Some(c) = current.as_ref().filter(|c| !c.since_visit) else {
            continue;
        };
        let Some(row) = t.rows.iter().find(|r| r.id == id) else {
            continue;
        };
        let Some(was) = c.old.phases.iter().find(|p| p.id == id).or_else(|| {
            c.old
                .phases
                .iter()
                .find(|p| p.title.eq_ignore_ascii_case(&row.title))
        }) else {
            continue;
        };
        // Where the older plan sat on this axis: by its dates when both have a calendar.
        let cal = t.anchor.calendar();
        let day = |iso: &Option<String>, fallback: f64| {
            iso.as_deref()
                .and_then(Date::parse_iso)
                .zip(cal.as_ref())
                .map_or(fallback, |(d, cal)| cal.day_of(d))
        };
        let start = day(&was.start_date, was.start);
        let end = day(&was.end_date, was.end.unwrap_or(was.start));
        let (x, w) = (t.x_of(start), ((end - start) * t.px_per_day).max(4.0));
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Ok(rect) = doc.create_element_ns(Some(SVG_NS), "rect") {
                let b = row.bar;
                for (k, v) in [
                    ("class", "tl-baseline".to_string()),
                    ("x", format!("{x:.1}")),
                    ("y", format!("{:.1}", b.y - 3.0)),
                    ("width", format!("{w:.1}")),
                    ("height", format!("{:.1}", b.h + 6.0)),
                    ("rx", "4".to_string()),
                ] {
                    let _ = rect.set_attribute(k, &v);
                }
                let _ = g.insert_before(
                    &rect,
                    g.first_element_child()
                        .and_then(|e| e.next_sibling())
                        .as_ref(),
                );
                let slip = row.end.zip(was.end).map(|(a, b)| a - b);
                if let Some(s) = slip.filter(|s| s.abs() >= 0.05) {
                    if let Ok(text) = doc.create_element_ns(Some(SVG_NS), "text") {
                        let right = (x + w).max(b.x + b.w);
                        let _ = text.set_attribute("class", "tl-slip");
                        let _ = text.set_attribute("x", &format!("{:.1}", right + 6.0));
                        let _ = text.set_attribute("y", &format!("{:.1}", b.y - 4.0));
                        let sign = if s > 0.0 { "+" } else { "−" };
                        text.set_text_content(Some(&format!("{sign}{} wd", days(s.abs()))));
                        let _ = g.append_child(&text);
                    }
                }
            }
        }
    }
    let _ = host.class_list().toggle_with_force(
        "comparing",
        current.as_ref().is_some_and(|c| !c.since_visit),
    );
}
