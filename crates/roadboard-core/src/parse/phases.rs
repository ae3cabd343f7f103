//! Phases: headings and timeline-table rows that name a stage with time, placed on one
//! axis in working days.
//!
//! Explicit ranges go where they say ("Day 4-5" → 3..5, "Week 1-2" → 0..10); a nested
//! range that does not fit inside its parent is read relative to the parent's start
//! ("Phase 2 (Week 2)" › "Day 1-2" → 5..7). Phases with only a duration follow each other in
//! document order; "Week 8+" and "Ongoing" are open-ended; calendar dates and quarters keep
//! their dates and are placed by working days from the earliest date. Phases without any
//! time get a nominal length so they still have a place. This placement is provisional: once
//! dependencies are known, the schedule step ([`crate::schedule::place`]) places every phase
//! that has no written dates or range after its prerequisites.
//!
//! Issue 15: a summary, criteria, checklist or gate section is no phase (its items belong to
//! the phase it names; with a time of its own it is a gate milestone); a release heading
//! ("v3.6.0", "Release 2.0") or a row of a release table is a milestone; each phase belongs to
//! a track (sibling headings under one section, one table, one list); no two phases share a
//! display title.

use super::grammar;
use super::ids::{self, IdAllocator};
use super::walk::{RawSection, TablePhase};
use crate::calendar::{Date, WorkCalendar};
use crate::model::{Phase, PhaseKind, Placement, Status};
use crate::schedule::{NOMINAL_DAYS, NOMINAL_NESTED_DAYS};

/// An explicit place on the axis: start, end (none = open), phrase.
type Range = (f64, Option<f64>, String);
/// A duration in working days and its phrase.
type Span = ([f64; 2], String);

struct Seed {
    title: String,
    line: usize,
    key: Option<String>,
    range: Option<Range>,
    duration: Option<Span>,
    open: Option<String>,
    dates: Option<(String, String)>,
    /// The dates were introduced as its end ("Estimated Completion: March 9, 2024").
    dates_end: bool,
    section: Option<usize>,
    parent: Option<usize>,
    /// The list of phases it is in.
    track: Track,
    /// It says it runs in parallel.
    parallel: bool,
    /// A release or gate.
    milestone: bool,
    /// Its own written status.
    status: Option<Status>,
    /// The heading's title before the time phrase was cut (to tell rows apart).
    full_title: String,
}

/// Which list of phases a seed is in.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Track {
    /// Sibling headings: the parent section and the heading level.
    Headings(Option<usize>, u8),
    /// One table.
    Table(usize),
    /// The list of stage bullets.
    List,
}

/// The phases of a document, and which phase each section names or falls under.
pub(crate) struct Built {
    pub(crate) phases: Vec<Phase>,
    /// Per section: index into `phases` of the phase the section names.
    pub(crate) section_phase: Vec<Option<usize>>,
    /// Per section: index of the innermost phase the section is in (itself included).
    pub(crate) section_in_phase: Vec<Option<usize>>,
}

fn time_of_cell(cell: &str) -> (Option<Range>, Option<Span>, Option<String>) {
    if let Some(r) = grammar::explicit_range(cell) {
        return (Some(r), None, None);
    }
    if let Some((d, _)) = grammar::duration_at(cell, 0) {
        return (None, Some((d, cell.trim().to_string())), None);
    }
    if let Some(e) = grammar::find_estimate(cell) {
        return (None, Some(e), None);
    }
    let w = ids::normalize(cell);
    if [
        "ongoing",
        "continuous",
        "indefinite",
        "open ended",
        "permanent",
        "tbd",
    ]
    .iter()
    .any(|k| w.contains(k))
    {
        return (None, None, Some(cell.trim().to_string()));
    }
    (None, None, None)
}

/// The title without its time phrase ("Phase 1: Core (Week 1-2)" → "Phase 1: Core"), unless
/// the phrase is the title's start ("Day 4-5: Deploy" stays).
fn clean_title(title: &str, phrase: &str) -> String {
    let phrase = phrase.trim();
    let Some(p) = (!phrase.is_empty()).then(|| title.find(phrase)).flatten() else {
        return title.to_string();
    };
    if p == 0 {
        return title.to_string();
    }
    let end = p + phrase.len();
    let before = title.get(..p).unwrap_or("");
    let after = title.get(end..).unwrap_or("");
    let open = before.rfind('(');
    let close = after.find(')');
    let cleaned = match (open, close) {
        (Some(o), Some(c))
            if before.get(o + 1..).is_some_and(|x| x.trim().is_empty())
                && after.get(..c).is_some_and(|x| x.trim().is_empty()) =>
        {
            format!(
                "{}{}",
                before.get(..o).unwrap_or(""),
                after.get(c + 1..).unwrap_or("")
            )
        }
        _ => format!("{before}{after}"),
    };
    let t = without_lead_in(trim_separators(&cleaned));
    if t.is_empty() {
        title.to_string()
    } else {
        t.to_string()
    }
}

/// `s` without the separators and marks a cut time phrase leaves at its end.
fn trim_separators(s: &str) -> &str {
    s.trim()
        .trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | '`' | '~' | '⏱' | '(' | '|')
        })
        .trim_end_matches('\u{fe0f}')
        .trim()
}

/// `title` without a last part, after a dash, colon or comma, made only of words that
/// introduced the date just cut ("Phase 1: Rollout - Estimated Completion" → "Phase 1:
/// Rollout"); "Phase 2: Launch Target" keeps its words.
fn without_lead_in(title: &str) -> &str {
    // "Phase 2: Beta (Due: Q3 2025)" leaves "Phase 2: Beta (Due: )".
    let body = trim_separators(title.trim_end().trim_end_matches(')'));
    let Some(cut) = body.rfind([':', '-', '–', '—', ',', '|', '(']) else {
        return title;
    };
    let tail = body.get(cut..).unwrap_or("");
    let tail = tail
        .get(tail.chars().next().map_or(0, char::len_utf8)..)
        .unwrap_or("");
    let norm = ids::normalize(tail);
    let lead_in = !norm.is_empty() && norm.split(' ').all(grammar::leads_in_date);
    let head = trim_separators(body.get(..cut).unwrap_or(""));
    if lead_in && !head.is_empty() {
        head
    } else {
        title
    }
}

/// A release heading that makes a milestone: the release grammar names a version, and the
/// version has a dot ("v3.6.0", "1.13") or the heading says "Release"/"Version" — "V1: Tool
/// call blocks" is a backlog id, not a release.
fn is_release(plain: &str) -> bool {
    grammar::release_version(plain).is_some_and(|v| {
        v.contains('.') || {
            let n = ids::normalize(plain);
            n.split(' ')
                .any(|w| matches!(w, "release" | "version" | "versión" | "versi"))
        }
    })
}

/// The date phrase `phrase` annotates `title` — it is in parentheses or after a colon, dash or
/// comma ("Launch (2026-03-02 → 2026-03-06)", "Phase 2: Jan 6 – Feb 14, 2026") — so the title
/// reads without it; "Sometime Q2" keeps its date.
fn annotates(title: &str, phrase: &str) -> bool {
    title.find(phrase).is_some_and(|p| {
        title
            .get(..p)
            .unwrap_or("")
            .trim_end()
            .ends_with(['(', ':', '-', '–', '—', ',', '|'])
    })
}

/// The seed a heading makes when it names a phase or a release (criteria sections are
/// sorted out by the caller).
fn heading_seed(s: &RawSection, i: usize, parent: Option<usize>, release: bool) -> Option<Seed> {
    if !s.is_phase && !release {
        return None;
    }
    let range = grammar::explicit_range(&s.plain);
    let duration = if range.is_none() {
        grammar::find_estimate(&s.plain).or_else(|| s.body_estimate.clone())
    } else {
        None
    };
    let open = if range.is_none() && duration.is_none() {
        let w = ids::normalize(&s.plain);
        ["ongoing", "continuous"]
            .iter()
            .any(|k| w.split(' ').any(|x| x == *k))
            .then(|| "ongoing".to_string())
    } else {
        None
    };
    // Dates in the heading win; dates in the body's first lines count when the heading
    // writes no time of its own.
    let heading_dates = grammar::calendar_phrase(&s.title, s.year);
    let body = (heading_dates.is_none() && range.is_none() && duration.is_none() && open.is_none())
        .then(|| s.body_dates.clone())
        .flatten();
    let dates_end = match &heading_dates {
        Some((_, phrase)) => grammar::introduces_end(&s.title, phrase),
        None => body.is_some() && s.body_dates_end,
    };
    let dates = heading_dates.as_ref().map(|d| d.0.clone()).or(body);
    let phrase = range
        .as_ref()
        .map(|r| r.2.as_str())
        .or_else(|| duration.as_ref().map(|d| d.1.as_str()))
        .or_else(|| {
            heading_dates
                .as_ref()
                .map(|d| d.1)
                .filter(|p| annotates(&s.title, p))
        })
        .unwrap_or("");
    Some(Seed {
        title: clean_title(&s.title, phrase),
        line: s.line,
        key: grammar::stage_key(&s.plain),
        range,
        duration,
        open,
        dates,
        dates_end,
        section: Some(i),
        parent,
        track: Track::Headings(s.parent, s.level),
        parallel: grammar::says_parallel(&s.plain) || s.body_parallel,
        milestone: release,
        status: s.own_status.or(s.body_status),
        full_title: s.title.clone(),
    })
}

/// Builds and places the phases.
pub(crate) fn build(
    sections: &[RawSection],
    section_ids: &[String],
    table: &[TablePhase],
    list: &[TablePhase],
) -> Built {
    let mut seeds: Vec<Seed> = Vec::new();
    let mut section_seed: Vec<Option<usize>> = vec![None; sections.len()];
    let mut section_in_seed: Vec<Option<usize>> = vec![None; sections.len()];
    for (i, s) in sections.iter().enumerate() {
        let inherited = s
            .parent
            .and_then(|p| section_in_seed.get(p).copied().flatten());
        let release = s.level > 1 && is_release(&s.plain);
        let criteria = grammar::is_criteria_section(&s.title);
        if grammar::is_state_section(&s.title) {
            if let Some(x) = section_in_seed.get_mut(i) {
                *x = inherited;
            }
            continue;
        }
        let named = match heading_seed(s, i, inherited, release) {
            Some(seed) if !criteria => Some(seed),
            // A gate with a time of its own ("End of Week 1 Go/No-Go") is a milestone there.
            Some(mut seed) if seed.range.is_some() || seed.dates.is_some() => {
                seed.milestone = true;
                seed.duration = None;
                seed.open = None;
                seed.title = s.title.clone();
                Some(seed)
            }
            _ => None,
        };
        let own = match named {
            Some(seed) => {
                seeds.push(seed);
                let idx = seeds.len() - 1;
                if let Some(x) = section_seed.get_mut(i) {
                    *x = Some(idx);
                }
                Some(idx)
            }
            // A summary or criteria section belongs to the phase it names, else to the one
            // it is in.
            None if criteria => grammar::stage_key(&s.plain)
                .and_then(|k| seeds.iter().rposition(|x| x.key.as_deref() == Some(&k)))
                .or(inherited),
            None => inherited,
        };
        if let Some(x) = section_in_seed.get_mut(i) {
            *x = own;
        }
    }
    // List items that name a stage with time count only when no heading names a phase.
    if seeds.is_empty() {
        for row in list {
            seeds.push(Seed {
                title: row.name.clone(),
                line: row.line,
                key: grammar::stage_key(&row.name),
                range: grammar::explicit_range(&row.time),
                duration: grammar::find_estimate(&row.time),
                open: None,
                dates: None,
                dates_end: false,
                section: None,
                parent: None,
                track: Track::List,
                parallel: grammar::says_parallel(&row.time),
                milestone: false,
                status: None,
                full_title: row.name.clone(),
            });
        }
    }
    // Timeline tables: fill in time for phases named by headings, or add phases.
    for row in table {
        let key = grammar::stage_key(&row.name);
        let norm = ids::normalize(&row.name);
        let (range, duration, open) = time_of_cell(&row.time);
        // "1. Dead Code Removal" names "Phase 1: Dead Code Removal"
        let bare = norm.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
        let matched = seeds.iter().position(|s| {
            let title = ids::normalize(&s.title);
            s.section.is_some()
                && (key.is_some() && s.key == key
                    || title.starts_with(&norm)
                    || bare.len() >= 4 && bare.len() < norm.len() && title.ends_with(bare))
        });
        match matched.and_then(|m| seeds.get_mut(m)) {
            Some(seed) => {
                if seed.range.is_none() && seed.duration.is_none() && seed.open.is_none() {
                    seed.range = range;
                    seed.duration = duration;
                    seed.open = open;
                }
                if seed.dates.is_none() {
                    seed.dates = row.dates.clone();
                    seed.dates_end = row.dates_end;
                }
                seed.status = seed.status.or(row.status);
            }
            None => {
                seeds.push(Seed {
                    title: row.name.clone(),
                    line: row.line,
                    key,
                    range,
                    duration,
                    open,
                    dates: row
                        .dates
                        .clone()
                        .or_else(|| grammar::calendar_span(&row.time, None)),
                    dates_end: row.dates.is_some() && row.dates_end,
                    section: None,
                    parent: None,
                    track: Track::Table(row.group),
                    parallel: grammar::says_parallel(&row.time),
                    milestone: row.milestone,
                    status: row.status,
                    full_title: row.name.clone(),
                });
            }
        }
    }
    // Document order; parents always come before their children (earlier lines).
    let mut order: Vec<usize> = (0..seeds.len()).collect();
    order.sort_by_key(|&i| seeds.get(i).map_or(0, |s| s.line));
    // Dated phases count working days from the earliest written date.
    let calendar = seeds
        .iter()
        .filter_map(|s| s.dates.as_ref())
        .filter_map(|(a, _)| Date::parse_iso(a))
        .min()
        .map(WorkCalendar::new);
    let mut placed: Vec<(f64, Option<f64>, bool)> = vec![(0.0, None, false); seeds.len()];
    let mut how: Vec<Placement> = vec![Placement::Nominal; seeds.len()];
    let mut cursor_of: Vec<f64> = vec![0.0; seeds.len()];
    // Per parent: whether its children's explicit ranges count from the parent's start.
    // Decided by the first such child: "Day 1-2" under "Week 2" (before the parent) means
    // relative, "Day 8-10" under "Week 2" means absolute; its siblings follow suit.
    let mut relative: Vec<Option<bool>> = vec![None; seeds.len()];
    let mut top_cursor = 0.0f64;
    for &i in &order {
        let Some(seed) = seeds.get(i) else { continue };
        let parent = seed
            .parent
            .and_then(|p| placed.get(p).copied().map(|x| (p, x)));
        let cursor = match parent {
            Some((p, _)) => cursor_of.get(p).copied().unwrap_or(0.0),
            None => top_cursor,
        };
        let dated = seed.dates.as_ref().zip(calendar).and_then(|((a, b), cal)| {
            // From the first working day of the start date to the end of the last date; a
            // milestone is the start of its last day.
            let (a, b) = (Date::parse_iso(a)?, Date::parse_iso(b)?);
            if seed.milestone {
                let d = cal.day_of(b);
                return Some((d, Some(d), Placement::Dates));
            }
            let s = cal.day_of(a);
            let e = cal.day_of(Date(b.0 + 1)).max(s + 1.0);
            Some((s, Some(e), Placement::Dates))
        });
        let (start, end, placement) = if let Some(d) = dated {
            d
        } else if let Some((a, b, _)) = &seed.range {
            let (a, b, how) = match parent {
                Some((p, (ps, _, _))) => {
                    let rel = match relative.get(p).copied().flatten() {
                        Some(r) => r,
                        None => {
                            let r = *a < ps;
                            if let Some(x) = relative.get_mut(p) {
                                *x = Some(r);
                            }
                            r
                        }
                    };
                    if rel {
                        (a + ps, b.map(|b| b + ps), Placement::RangeInParent)
                    } else {
                        (*a, *b, Placement::Range)
                    }
                }
                None => (*a, *b, Placement::Range),
            };
            if seed.milestone {
                let at = b.unwrap_or(a);
                (at, Some(at), how)
            } else {
                (a, b, how)
            }
        } else if let Some(([_, max], _)) = &seed.duration {
            (cursor, Some(cursor + max), Placement::Duration)
        } else if seed.open.is_some() {
            (cursor, None, Placement::Open)
        } else {
            let len = if parent.is_some() {
                NOMINAL_NESTED_DAYS
            } else {
                NOMINAL_DAYS
            };
            (cursor, Some(cursor + len), Placement::Nominal)
        };
        let nominal = placement == Placement::Nominal;
        let round = |v: f64| (v * 1000.0).round() / 1000.0;
        let start = round(start);
        let end = end.map(round);
        if let Some(p) = placed.get_mut(i) {
            *p = (start, end, nominal);
        }
        if let Some(h) = how.get_mut(i) {
            *h = placement;
        }
        if let Some(c) = cursor_of.get_mut(i) {
            *c = start;
        }
        let reach = end.unwrap_or(start);
        top_cursor = top_cursor.max(reach);
        // Up the chain: parents' cursors move on, and a phase with no time of its own
        // stretches to cover its children.
        let mut up = seed.parent;
        let mut guard = 0;
        while let Some(p) = up {
            guard += 1;
            if guard > 64 {
                break;
            }
            if let Some(c) = cursor_of.get_mut(p) {
                *c = c.max(reach);
            }
            if let Some(pp) = placed.get_mut(p) {
                if pp.2 {
                    pp.1 = pp.1.map(|e| e.max(reach));
                }
            }
            up = seeds.get(p).and_then(|s| s.parent);
        }
    }
    let mut alloc = IdAllocator::default();
    let mut phases: Vec<Phase> = Vec::with_capacity(seeds.len());
    let mut new_index = vec![0usize; seeds.len()];
    for (k, &i) in order.iter().enumerate() {
        if let Some(n) = new_index.get_mut(i) {
            *n = k;
        }
    }
    let titles = display_titles(&seeds, &order, sections);
    let mut tracks: Vec<Track> = Vec::new();
    for &i in &order {
        let Some(seed) = seeds.get(i) else { continue };
        let (start, end, nominal) = placed.get(i).copied().unwrap_or((0.0, None, true));
        let track = tracks
            .iter()
            .position(|t| *t == seed.track)
            .unwrap_or_else(|| {
                tracks.push(seed.track);
                tracks.len() - 1
            });
        let slug = ids::slug(&seed.title, 40);
        let id = alloc.unique(if slug.is_empty() {
            format!("p-{}", ids::short_hash(&seed.title, 4))
        } else {
            format!("p-{slug}")
        });
        let duration_text = seed
            .range
            .as_ref()
            .map(|r| r.2.clone())
            .or_else(|| seed.duration.as_ref().map(|d| d.1.clone()))
            .or_else(|| seed.open.clone())
            .unwrap_or_default();
        phases.push(Phase {
            id,
            title: titles.get(i).cloned().unwrap_or_else(|| seed.title.clone()),
            line: seed.line,
            start,
            end,
            duration_text,
            duration_days: seed.duration.as_ref().map(|d| d.0),
            items: Vec::new(),
            parent: None,
            section: seed.section.and_then(|s| section_ids.get(s).cloned()),
            key: seed.key.clone(),
            nominal,
            start_date: seed.dates.as_ref().map(|d| d.0.clone()),
            end_date: seed.dates.as_ref().map(|d| d.1.clone()),
            depends_on: Vec::new(),
            kind: if seed.milestone {
                PhaseKind::Milestone
            } else {
                PhaseKind::Phase
            },
            track,
            parallel: seed.parallel,
            placed_by: how.get(i).copied().unwrap_or(Placement::Nominal),
            status: seed.status,
            end_only: seed.dates_end
                && !seed.milestone
                && seed.dates.as_ref().is_some_and(|(a, b)| a == b),
        });
    }
    // parents, now that ids exist
    for &i in &order {
        let Some(seed) = seeds.get(i) else { continue };
        let Some(p) = seed.parent else { continue };
        let pid = new_index
            .get(p)
            .and_then(|&n| phases.get(n))
            .map(|ph| ph.id.clone());
        if let Some(ph) = new_index.get(i).and_then(|&n| phases.get_mut(n)) {
            ph.parent = pid;
        }
    }
    let remap = |v: Vec<Option<usize>>| -> Vec<Option<usize>> {
        v.into_iter()
            .map(|s| s.and_then(|s| new_index.get(s).copied()))
            .collect()
    };
    Built {
        phases,
        section_phase: remap(section_seed),
        section_in_phase: remap(section_in_seed),
    }
}

/// Display titles, indexed like `seeds`, no two alike: a title shared with another phase
/// takes back the words its time phrase took ("End of Week 1 …"), then its section's
/// parent title, then its line.
fn display_titles(seeds: &[Seed], order: &[usize], sections: &[RawSection]) -> Vec<String> {
    let mut titles: Vec<String> = seeds.iter().map(|s| s.title.clone()).collect();
    for round in 0..3 {
        // titles are normalised once and counted: thousands of "Phase 1" stay linear
        let norms: Vec<String> = order
            .iter()
            .map(|&k| titles.get(k).map(|t| ids::normalize(t)).unwrap_or_default())
            .collect();
        let mut seen: super::FastMap<&str, usize> = super::FastMap::default();
        for n in &norms {
            *seen.entry(n.as_str()).or_default() += 1;
        }
        let clashing: Vec<usize> = order
            .iter()
            .zip(&norms)
            .filter(|(_, n)| seen.get(n.as_str()).is_some_and(|&c| c > 1))
            .map(|(&i, _)| i)
            .collect();
        for i in clashing {
            let Some(seed) = seeds.get(i) else { continue };
            let parent_title = seed
                .section
                .and_then(|k| sections.get(k))
                .and_then(|s| s.parent)
                .and_then(|p| sections.get(p))
                .map(|p| p.title.as_str())
                .filter(|t| !t.is_empty());
            let current = titles.get(i).cloned().unwrap_or_default();
            let next = match (round, parent_title) {
                (0, _) if seed.full_title != current => seed.full_title.clone(),
                (0, _) => continue,
                (1, Some(pt)) => format!("{current} — {pt}"),
                _ => format!("{current} (line {})", seed.line),
            };
            if let Some(t) = titles.get_mut(i) {
                *t = next;
            }
        }
    }
    titles
}

#[cfg(test)]
mod tests {
    use super::clean_title;

    #[test]
    fn time_phrases_leave_titles() {
        assert_eq!(
            clean_title("Phase 1: Core Infrastructure (Week 1-2)", "Week 1-2"),
            "Phase 1: Core Infrastructure"
        );
        assert_eq!(
            clean_title("Phase 1: Core Functionality ⏱ ~2 hours", "⏱ ~2 hours"),
            "Phase 1: Core Functionality"
        );
        assert_eq!(
            clean_title("Day 4-5: Production Deploy", "Day 4-5"),
            "Day 4-5: Production Deploy"
        );
        assert_eq!(clean_title("Week 5", "Week 5"), "Week 5");
        assert_eq!(
            clean_title(
                "Phase 1: Rollout - Estimated Completion: March 9, 2024",
                "March 9, 2024"
            ),
            "Phase 1: Rollout"
        );
        assert_eq!(
            clean_title("Phase 2: Beta (Due: Q3 2025)", "Q3 2025"),
            "Phase 2: Beta"
        );
        assert_eq!(
            clean_title("Phase 3: Launch Target (Q4 2025)", "Q4 2025"),
            "Phase 3: Launch Target"
        );
        assert_eq!(
            clean_title("Phase 4 - Done (2026-01-20)", "2026-01-20"),
            "Phase 4"
        );
    }
}
