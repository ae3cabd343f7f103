//! Fixture-driven tests: small documents that pin one part of the syntax each
//! (tests/fixtures/*.md), plus inline edge cases (BOM, CRLF, tabs).
#![cfg(not(target_arch = "wasm32"))]

use roadboard_core::model::{DependencyKind, ItemKind, Priority, Roadmap, Status};

fn fixture(name: &str) -> Roadmap {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture");
    roadboard_core::parse(&text)
}

fn item<'m>(map: &'m Roadmap, text_start: &str) -> &'m roadboard_core::model::Item {
    map.items
        .iter()
        .find(|i| i.text.starts_with(text_start))
        .unwrap_or_else(|| panic!("no item {text_start:?}"))
}

fn phase_id(map: &Roadmap, title_start: &str) -> String {
    map.phases
        .iter()
        .find(|p| p.title.starts_with(title_start))
        .map(|p| p.id.clone())
        .unwrap_or_else(|| panic!("no phase {title_start:?}"))
}

#[test]
fn dependencies_resolve_by_title_id_and_phase_number() {
    let map = fixture("dependencies.md");
    let db = item(&map, "Set up database");
    assert_eq!(db.id, "db", "{{#db}} names the item");
    let ci = item(&map, "Configure CI").id.clone();
    let write = item(&map, "Write API");
    assert_eq!(write.depends_on, vec!["db".to_string(), ci]);
    let deploy = item(&map, "Deploy API");
    // `{#db}` inside "blocked by:" is a reference, not the item's own id
    assert_ne!(deploy.id, "db");
    assert!(deploy.depends_on.contains(&"db".to_string()));
    assert!(deploy.depends_on.contains(&write.id));
    // a nested "requires:" bullet belongs to the item above it and may name a section
    let security = map
        .sections
        .iter()
        .find(|s| s.title == "Security review")
        .map(|s| s.id.clone());
    assert!(deploy.depends_on.contains(&security.unwrap_or_default()));
    // "Depends on: Phase 1, Phase 2" under a phase heading makes phase edges
    let p1 = phase_id(&map, "Phase 1");
    let p2 = phase_id(&map, "Phase 2");
    let p3 = phase_id(&map, "Phase 3");
    let explicit: Vec<(&str, &str)> = map
        .dependencies
        .iter()
        .filter(|d| d.kind == DependencyKind::Explicit)
        .map(|d| (d.from.as_str(), d.to.as_str()))
        .collect();
    assert!(explicit.contains(&(p2.as_str(), p1.as_str())));
    assert!(explicit.contains(&(p3.as_str(), p1.as_str())));
    assert!(explicit.contains(&(p3.as_str(), p2.as_str())));
    // explicit phase deps replace the implicit phase-order edge
    assert!(!map
        .dependencies
        .iter()
        .any(|d| d.kind == DependencyKind::PhaseOrder && d.from == p3));
    // "Nothing" is no dependency
    assert!(item(&map, "Announce").depends_on.is_empty());
}

#[test]
fn unresolved_references_and_cycles_are_reported_with_lines() {
    let map = fixture("dependencies.md");
    assert_eq!(map.unresolved.len(), 1);
    assert_eq!(map.unresolved[0].text, "billing-service");
    assert_eq!(map.unresolved[0].line, 16);
    // a name the document does not define is an external prerequisite, not a problem
    assert!(map.unresolved[0].external);
    assert!(!map
        .diagnostics
        .iter()
        .any(|d| d.message.contains("billing-service")));
    assert_eq!(map.cycles.len(), 1);
    assert_eq!(map.cycles[0].ids.len(), 3);
    assert_eq!(map.cycles[0].line, 24);
    assert!(map
        .diagnostics
        .iter()
        .any(|d| d.line == 24 && d.message.starts_with("dependency cycle")));
}

#[test]
fn upstream_and_downstream_sets() {
    let map = fixture("dependencies.md");
    let deploy = item(&map, "Deploy API").id.clone();
    let up = roadboard_core::deps::upstream_of(&map, &deploy);
    assert!(up.contains(&"db".to_string()));
    assert!(
        up.contains(&item(&map, "Configure CI").id),
        "transitive via Write API"
    );
    let down = roadboard_core::deps::downstream_of(&map, "db");
    assert!(down.contains(&deploy));
}

#[test]
fn code_html_and_tables() {
    let map = fixture("blocks.md");
    assert!(!map.items.iter().any(|i| i.text.contains("not a")));
    assert!(!map.items.iter().any(|i| i.text.contains("raw HTML")));
    // Markdown between HTML tags is Markdown, as GFM says
    assert!(map
        .items
        .iter()
        .any(|i| i.text.starts_with("a task inside details")));
    let rows: Vec<_> = map
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::TableRow)
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].id, "T1");
    assert_eq!(rows[0].status, Status::Done);
    assert_eq!(rows[0].priority, Some(Priority::High));
    assert_eq!(rows[0].estimate_days, Some([2.0, 2.0]));
    assert_eq!(rows[1].status, Status::InProgress);
    assert_eq!(rows[1].priority, Some(Priority::Critical));
    assert_eq!(rows[1].estimate_days, Some([0.375, 0.5]));
    assert_eq!(rows[2].status, Status::Todo);
    assert_eq!(rows[2].priority, Some(Priority::Low));
    // timeline table
    let spans: Vec<_> = map.phases.iter().map(|p| (p.start, p.end)).collect();
    assert_eq!(
        spans,
        vec![(0.0, Some(10.0)), (10.0, Some(13.0)), (13.0, None)]
    );
}

#[test]
fn status_marks_and_partial_boxes() {
    let map = fixture("blocks.md");
    let half = item(&map, "half done");
    assert_eq!(half.status, Status::InProgress);
    assert!(!half.checkbox, "[~] is not a GFM task");
    assert_eq!(item(&map, "also half done").status, Status::InProgress);
    assert_eq!(item(&map, "waiting").status, Status::InProgress);
    assert_eq!(item(&map, "dropped").status, Status::Blocked);
    assert_eq!(item(&map, "ticked").status, Status::Done);
    assert!(!map.items.iter().any(|i| i.text.starts_with("plain bullet")));
}

#[test]
fn nested_phases_relative_and_absolute_days() {
    let map = fixture("nested_phases.md");
    let span = |t: &str| {
        map.phases
            .iter()
            .find(|p| p.title.starts_with(t))
            .map(|p| (p.start, p.end))
            .unwrap_or_else(|| panic!("{t}"))
    };
    assert_eq!(span("Phase 1"), (0.0, Some(5.0)));
    assert_eq!(span("Day 1-2: Database"), (0.0, Some(2.0)));
    assert_eq!(span("Day 3-5"), (2.0, Some(5.0)));
    assert_eq!(span("Phase 2"), (5.0, Some(10.0)));
    // "Day 1-2" under "Week 2" counts from the phase's start, and so do its siblings…
    assert_eq!(span("Day 1-2: Core"), (5.0, Some(7.0)));
    assert_eq!(span("Day 3-5: Regression"), (7.0, Some(10.0)));
    // …while "Day 11-12" under "Week 3" already lies inside it
    assert_eq!(span("Sprint 3"), (10.0, Some(15.0)));
    assert_eq!(span("Day 11-12"), (10.0, Some(12.0)));
    // a duration follows the previous phase; no time at all gets a nominal week
    assert_eq!(span("Phase 3"), (15.0, Some(18.0)));
    assert_eq!(span("Phase 4"), (18.0, Some(23.0)));
    assert!(map
        .phases
        .iter()
        .any(|p| p.title.starts_with("Phase 4") && p.nominal));
    assert_eq!(span("Post-launch"), (35.0, None));
    let q3 = map
        .phases
        .iter()
        .find(|p| p.title.starts_with("Q3 2025"))
        .expect("quarter phase");
    assert_eq!(q3.start_date.as_deref(), Some("2025-07-01"));
    assert_eq!(q3.end_date.as_deref(), Some("2025-09-30"));
    let oct = map
        .phases
        .iter()
        .find(|p| p.title.starts_with("Early Q4"))
        .expect("month phase");
    assert_eq!(
        oct.start_date.as_deref(),
        Some("2025-10-01"),
        "year from the heading above"
    );
    // items belong to the innermost phase and count for the enclosing one too
    let provision = item(&map, "provision");
    let day12 = phase_id(&map, "Day 1-2: Database");
    assert_eq!(provision.phase.as_deref(), Some(day12.as_str()));
    let p1 = map
        .phases
        .iter()
        .find(|p| p.title.starts_with("Phase 1"))
        .expect("p1");
    assert!(p1.items.contains(&provision.id));
}

#[test]
fn bom_crlf_and_tabs() {
    let text = "\u{feff}# Title\r\n\r\n## ✅ Done\r\n\r\n-\t[x] tabbed task\r\n- plain done item\r\n\r\n## Todo\r\n\r\n* [ ] star task\r\n";
    let map = roadboard_core::parse(text);
    assert_eq!(map.title, "Title");
    assert_eq!(map.sections.len(), 3);
    assert_eq!(map.sections[1].line, 3);
    let tasks: Vec<_> = map.items.iter().filter(|i| i.checkbox).collect();
    assert_eq!(tasks.len(), 2);
    assert_eq!(tasks[0].text, "tabbed task");
    assert_eq!(tasks[0].line, 5);
    assert_eq!(tasks[1].line, 10);
    let off = tasks[0].checkbox_offset.expect("offset");
    assert_eq!(text.as_bytes().get(off), Some(&b'x'));
    assert_eq!(item(&map, "plain done item").status, Status::Done);
}

/// Issue 14, rule 7: the first `#` heading, else the first heading of the highest level
/// present; the file name only for a document without a heading.
#[test]
fn titles_are_the_top_heading_never_the_file_name_when_there_is_one() {
    assert_eq!(
        roadboard_core::parse_named("## Second\n### Third\n", Some("plan")).title,
        "Second"
    );
    assert_eq!(
        roadboard_core::parse_named("### A\n## B\n", Some("plan")).title,
        "B"
    );
    assert_eq!(
        roadboard_core::parse_named("- [ ] x\n", Some("plan")).title,
        "plan"
    );
    assert_eq!(roadboard_core::parse("## Second\n").title, "Second");
    assert_eq!(roadboard_core::parse("").title, "Untitled roadmap");
    assert_eq!(roadboard_core::parse("## A\n# Real\n").title, "Real");
    assert_eq!(
        roadboard_core::parse("Moby\n====\n\n# 1. Features\n").title,
        "Moby"
    );
}

#[test]
fn estimates_and_claims() {
    let map = roadboard_core::parse(
        "# P\n\nWe are 60% done.\n\n## Work\n\n- [ ] one ⏱ `~15 minutes`\n- [ ] two (2-3 days)\n- [ ] three\n  - Time: 1-2 weeks\n- [ ] four ~2 hours\n",
    );
    assert_eq!(map.claimed_progress.len(), 1);
    assert_eq!(map.claimed_progress[0].percent, 60.0);
    assert_eq!(map.claimed_progress[0].line, 3);
    assert_eq!(
        item(&map, "one").estimate_days,
        Some([15.0 / 480.0, 15.0 / 480.0])
    );
    assert_eq!(item(&map, "two").estimate_days, Some([2.0, 3.0]));
    assert_eq!(item(&map, "three").estimate_days, Some([5.0, 10.0]));
    assert_eq!(item(&map, "four").estimate_days, Some([0.25, 0.25]));
}

#[test]
fn nested_items_have_parents_and_children() {
    let map = roadboard_core::parse(
        "# T\n- [ ] parent\n  - [x] child\n    - [ ] grandchild\n  - not an item\n",
    );
    let parent = item(&map, "parent");
    let child = item(&map, "child");
    let grand = item(&map, "grandchild");
    assert_eq!(child.parent.as_deref(), Some(parent.id.as_str()));
    assert_eq!(grand.parent.as_deref(), Some(child.id.as_str()));
    assert_eq!(parent.children, vec![child.id.clone()]);
    assert_eq!(map.items.len(), 3);
}

#[test]
fn list_items_name_phases_only_when_no_heading_does() {
    let text = "# Plan\n\n- Phase 1 (Week 1-2): Setup the basics\n- **Phase 2**: Build it ~3 days\n- Week 4: Launch\n- Phase 3: no time given\n- [ ] Phase 9 (Week 9): a task is not a phase\n";
    let map = roadboard_core::parse(text);
    let spans: Vec<_> = map.phases.iter().map(|p| (p.start, p.end)).collect();
    assert_eq!(
        spans,
        vec![(0.0, Some(10.0)), (10.0, Some(13.0)), (15.0, Some(20.0))]
    );
    let with_heading = format!("{text}\n## Phase 7: Real (Day 1)\n");
    assert_eq!(roadboard_core::parse(&with_heading).phases.len(), 1);
}

#[test]
fn stage_arrows_are_dependencies() {
    let map = roadboard_core::parse(
        "# P\n## Phase 1: A\n## Phase 2: B\n## Phase 3: C\n## Critical Dependencies\n- Phase 1 → Phase 3: C needs A\n- Frontend → Backend\n",
    );
    let p1 = phase_id(&map, "Phase 1");
    let p3 = phase_id(&map, "Phase 3");
    assert!(map
        .dependencies
        .iter()
        .any(|d| d.from == p3 && d.to == p1 && d.kind == DependencyKind::Explicit && d.line == 6));
    assert!(map.unresolved.is_empty());
}

#[test]
fn plain_leads_name_items_for_dependencies() {
    let map = fixture("plain_leads.md");
    let alpha = item(&map, "Alpha: design");
    // the lead is for matching only: no title, and the id is made of the whole text
    assert_eq!(alpha.title, None);
    assert!(
        alpha.id.starts_with("i-alpha-design-the-schema-"),
        "{}",
        alpha.id
    );
    let beta = item(&map, "Beta: write");
    assert_eq!(beta.depends_on, vec![alpha.id.clone()]);
    let gamma = item(&map, "Gamma");
    assert_eq!(gamma.depends_on, vec![alpha.id.clone(), beta.id.clone()]);
    // a time, a URL and a sentence are not leads
    let unresolved: Vec<&str> = map.unresolved.iter().map(|u| u.text.as_str()).collect();
    assert!(unresolved.contains(&"Standup at 10"), "{unresolved:?}");
    assert!(unresolved.contains(&"See https"), "{unresolved:?}");
    assert!(
        unresolved.contains(&"One two three four five six seven"),
        "{unresolved:?}"
    );
    // an item's whole text wins over another item's lead
    let theta = map
        .items
        .iter()
        .find(|i| i.text == "Theta")
        .expect("item Theta");
    assert_eq!(item(&map, "Iota").depends_on, vec![theta.id.clone()]);
}
