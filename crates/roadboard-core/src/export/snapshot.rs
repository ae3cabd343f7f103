//! The roadmap as one static HTML page: title, "as of" date and source, overall and per-phase
//! progress, the board's columns with their cards and statuses, the timeline (inline SVG) and
//! the health findings. Inline CSS, no scripts, no links to anything outside the page — for CI
//! artefacts, e-mail and archives.

use super::long_date;
use super::timeline::{timeline_svg, TimelineFile};
use crate::board::{self, BoardIndex, Filter, GroupBy};
use crate::health;
use crate::model::{percent, Roadmap, Status};
use crate::schedule::xml_escape as esc;
use std::fmt::Write;

/// The page's stylesheet: light and dark, printable, no external fonts.
const CSS: &str = "
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f2a;--muted:#5b6275;--line:#e3e6ee;--card:#f7f8fb;--bar:#c9d2f5;--fill:#3553d1;--done:#1f7a3f;--prog:#9a6700;--blocked:#b42318}
@media (prefers-color-scheme:dark){:root{--bg:#15171e;--fg:#e7e9f0;--muted:#a3a9ba;--line:#2c3140;--card:#1f2330;--bar:#3a4370;--fill:#8ea2ff;--done:#6fd08c;--prog:#e3b341;--blocked:#ff8a7a}}
*{box-sizing:border-box}
body{margin:0;padding:24px;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px}h3{font-size:14px;margin:0 0 8px}
.meta,.hint{color:var(--muted)}
.meter{height:10px;background:var(--bar);border-radius:5px;overflow:hidden;min-width:80px}.meter>span{display:block;height:100%;background:var(--fill)}
.overall{display:flex;align-items:center;gap:12px;max-width:640px;margin:12px 0}.overall .meter{flex:1}
table{border-collapse:collapse;width:100%;max-width:960px}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:middle}th{font-size:12px;color:var(--muted);font-weight:600}
td.n{white-space:nowrap;font-variant-numeric:tabular-nums}td.m{width:30%}
.board{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:14px;align-items:start}
.column{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px}
.column h3 .count{color:var(--muted);font-weight:400}
.lane{font-size:12px;color:var(--muted);margin:10px 0 4px;font-weight:600}
ul.cards{list-style:none;margin:0;padding:0}ul.cards>li{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:6px 8px;margin:0 0 6px}
ul.sub{list-style:none;margin:4px 0 0;padding:0 0 0 12px;font-size:13px}
.st{display:inline-block;font-size:11px;font-weight:600;border-radius:4px;padding:0 5px;margin-right:6px;border:1px solid currentColor}
.st.done{color:var(--done)}.st.in_progress{color:var(--prog)}.st.blocked{color:var(--blocked)}.st.todo{color:var(--muted)}
li.is-done>.text{color:var(--muted)}
.tag{font-size:11px;color:var(--muted);margin-left:6px}
.timeline{overflow-x:auto;border:1px solid var(--line);border-radius:8px}.timeline svg{display:block}
ul.health{padding-left:18px}ul.health .sev{font-weight:600}ul.health .error .sev{color:var(--blocked)}ul.health .warning .sev{color:var(--prog)}
footer{margin-top:32px;font-size:12px;color:var(--muted)}
@media print{body{padding:0}.column,ul.cards>li{break-inside:avoid}}
";

/// The roadmap as a self-contained HTML page; `done(i)` says whether item `i` is done (the
/// document's boxes, or a reader's ticks); `group` is the board's grouping; `opts` gives the
/// "as of" date, the source name and the timeline's colours and width.
pub fn snapshot_html(
    map: &Roadmap,
    done: &dyn Fn(usize) -> bool,
    group: GroupBy,
    opts: &TimelineFile,
) -> String {
    let mut out = String::with_capacity(16_384 + map.items.len() * 300);
    let title = esc(&map.title);
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"color-scheme\" content=\"light dark\"><title>{title} — roadboard snapshot</title><style>{CSS}</style></head><body>\n<header><h1>{title}</h1>"
    );
    let mut meta = Vec::new();
    if let Some(day) = &opts.as_of {
        meta.push(format!("As of {}", esc(&long_date(day))));
    }
    if let Some(src) = &opts.source {
        meta.push(format!("from {}", esc(src)));
    }
    meta.push("a static snapshot made by roadboard".to_string());
    let _ = write!(out, "<p class=\"meta\">{}</p>", meta.join(" · "));
    let total = map.items.len();
    let d = (0..total).filter(|&i| done(i)).count();
    let pct = percent(d, total);
    let _ = write!(
        out,
        "<div class=\"overall\" role=\"img\" aria-label=\"{d} of {total} done\"><div class=\"meter\"><span style=\"width:{pct}%\"></span></div><strong>{d}/{total} done ({pct}%)</strong></div>"
    );
    if let Some(c) = map.document_claim() {
        let _ = write!(
            out,
            "<p class=\"hint\">The document claims {}% (line {}).</p>",
            c.percent, c.line
        );
    }
    out.push_str("</header>\n");
    phases(&mut out, map, done);
    board_columns(&mut out, map, done, group);
    if !map.phases.is_empty() {
        let svg = timeline_svg(map, done, opts);
        // Inline SVG in HTML needs neither the XML declaration nor the namespace.
        let body = svg.find("<svg").and_then(|i| svg.get(i..)).unwrap_or("");
        let body = body.replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1);
        let _ = writeln!(
            out,
            "<section><h2>Timeline</h2><div class=\"timeline\">{}</div></section>",
            body.trim_end()
        );
    }
    health_list(&mut out, map);
    let _ = writeln!(
        out,
        "<footer>{} items · {} sections · {} phases.</footer>\n</body></html>",
        total,
        map.sections.len(),
        map.phases.len()
    );
    out
}

fn meter(done: usize, total: usize) -> String {
    format!(
        "<div class=\"meter\"><span style=\"width:{}%\"></span></div>",
        percent(done, total)
    )
}

fn phases(out: &mut String, map: &Roadmap, done: &dyn Fn(usize) -> bool) {
    if map.phases.is_empty() {
        return;
    }
    let at = map.item_positions();
    out.push_str("<section><h2>Phases</h2><table><thead><tr><th>Phase</th><th>Time written</th><th>Done</th><th>Progress</th></tr></thead><tbody>");
    for p in &map.phases {
        let idx: Vec<usize> = p
            .items
            .iter()
            .filter_map(|id| at.get(id.as_str()).copied())
            .collect();
        let d = idx.iter().filter(|&&i| done(i)).count();
        let t = idx.len();
        let indent = if p.parent.is_some() {
            "padding-left:24px"
        } else {
            ""
        };
        let time = if p.duration_text.is_empty() {
            "<span class=\"hint\">no time written</span>".to_string()
        } else {
            esc(&p.duration_text)
        };
        let (count, bar) = if t == 0 {
            ("no items".to_string(), String::new())
        } else {
            (format!("{d}/{t} ({}%)", percent(d, t)), meter(d, t))
        };
        let _ = write!(
            out,
            "<tr><td style=\"{indent}\">{}</td><td class=\"n\">{time}</td><td class=\"n\">{count}</td><td class=\"m\">{bar}</td></tr>",
            esc(&p.title),
        );
    }
    out.push_str("</tbody></table></section>\n");
}

fn board_columns(out: &mut String, map: &Roadmap, done: &dyn Fn(usize) -> bool, group: GroupBy) {
    let index = BoardIndex::new(map);
    let cols = board::columns(map, &index, group, &Filter::default(), done, &|_| false);
    let _ = write!(
        out,
        "<section><h2>Board</h2><p class=\"hint\">Grouped by {}.</p><div class=\"board\">",
        group.label().to_lowercase()
    );
    for c in cols.iter().filter(|c| c.total > 0) {
        let title = if c.title.is_empty() {
            column_title(group, &c.key, map)
        } else {
            c.title.clone()
        };
        let _ = write!(
            out,
            "<div class=\"column\"><h3>{} <span class=\"count\">{}/{}</span></h3>",
            esc(&title),
            c.done,
            c.total
        );
        for lane in &c.lanes {
            if let Some(t) = &lane.title {
                let _ = write!(out, "<div class=\"lane\">{}</div>", esc(t));
            }
            out.push_str("<ul class=\"cards\">");
            for &i in &lane.cards {
                card(out, map, &index, done, i, 0);
            }
            out.push_str("</ul>");
        }
        out.push_str("</div>");
    }
    out.push_str("</div></section>\n");
}

/// A column's title when the grouping names it by key (status, priority, phase).
fn column_title(group: GroupBy, key: &str, map: &Roadmap) -> String {
    match group {
        GroupBy::Status => board::status_from_key(key)
            .map_or_else(|| key.to_string(), |s| board::status_label(s).to_string()),
        GroupBy::Priority => board::priority_from_key(key)
            .map_or("No priority", board::priority_label)
            .to_string(),
        GroupBy::Phase => map
            .phases
            .iter()
            .find(|p| p.id == key)
            .map_or_else(|| "No phase".to_string(), |p| p.title.clone()),
        GroupBy::Section => key.to_string(),
    }
}

/// Nesting shown on a card (deeper sub-items are counted, not drawn).
const MAX_DEPTH: usize = 4;

fn card(
    out: &mut String,
    map: &Roadmap,
    index: &BoardIndex,
    done: &dyn Fn(usize) -> bool,
    i: usize,
    depth: usize,
) {
    let Some(item) = map.items.get(i) else { return };
    let status = board::effective_status(item, done(i));
    let class = if status == Status::Done {
        " class=\"is-done\""
    } else {
        ""
    };
    let _ = write!(
        out,
        "<li{class}><span class=\"st {}\">{}</span><span class=\"text\">{}</span>",
        board::status_key(status),
        board::status_label(status),
        esc(&item.text)
    );
    if let Some(p) = item.priority {
        let _ = write!(
            out,
            "<span class=\"tag\">{}</span>",
            board::priority_label(p)
        );
    }
    if let Some(e) = item.estimate_days {
        let _ = write!(
            out,
            "<span class=\"tag\">{}</span>",
            esc(&board::format_estimate(e))
        );
    }
    let children = index.children.get(i).map_or(&[][..], Vec::as_slice);
    if !children.is_empty() {
        if depth >= MAX_DEPTH {
            let (d, t) = children
                .iter()
                .map(|&c| index.count(c, done))
                .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
            let _ = write!(out, "<span class=\"tag\">{d}/{t} sub-items done</span>");
        } else {
            out.push_str("<ul class=\"sub\">");
            for &c in children {
                card(out, map, index, done, c, depth + 1);
            }
            out.push_str("</ul>");
        }
    }
    out.push_str("</li>");
}

fn health_list(out: &mut String, map: &Roadmap) {
    let findings = health::check(map);
    out.push_str("<section><h2>Health</h2>");
    if findings.is_empty() {
        out.push_str("<p class=\"hint\">No findings: no dependency cycles, no ambiguous or broken references, claims match progress, every phase has a time.</p></section>\n");
        return;
    }
    out.push_str("<ul class=\"health\">");
    for f in &findings {
        let _ = write!(
            out,
            "<li class=\"{}\"><span class=\"sev\">{}</span> · line {}: {}</li>",
            f.severity.label(),
            f.severity.label(),
            f.line,
            esc(&f.message)
        );
    }
    out.push_str("</ul></section>\n");
}
