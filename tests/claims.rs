//! Claims have a scope (issue 14, rule 5): each claimed percentage says whether it is about
//! the document or about the phase, section or item it is written on or in.
#![cfg(not(target_arch = "wasm32"))]

use roadboard_core::model::{Roadmap, DOCUMENT_SCOPE};

/// (percent, line, scope) of every claim.
fn claims(map: &Roadmap) -> Vec<(f64, usize, String)> {
    map.claimed_progress
        .iter()
        .map(|c| (c.percent, c.line, c.scope.clone()))
        .collect()
}

fn scope_of(doc: &str, line: usize) -> (Roadmap, String) {
    let map = roadboard_core::parse(doc);
    let scope = map
        .claimed_progress
        .iter()
        .find(|c| c.line == line)
        .map(|c| c.scope.clone())
        .unwrap_or_else(|| panic!("no claim on line {line}: {:?}", claims(&map)));
    (map, scope)
}

fn section(map: &Roadmap, start: &str) -> String {
    map.sections
        .iter()
        .find(|s| s.title.starts_with(start))
        .map(|s| s.id.clone())
        .unwrap_or_else(|| panic!("no section {start:?}"))
}

fn phase(map: &Roadmap, start: &str) -> String {
    map.phases
        .iter()
        .find(|p| p.title.starts_with(start))
        .map(|p| p.id.clone())
        .unwrap_or_else(|| panic!("no phase {start:?}"))
}

#[test]
fn the_title_and_the_top_of_the_document_are_the_document() {
    assert_eq!(
        scope_of("# Plan (60% complete)\n- [ ] a\n", 1).1,
        DOCUMENT_SCOPE
    );
    assert_eq!(
        scope_of("We are 60% done.\n\n# Plan\n", 1).1,
        DOCUMENT_SCOPE
    );
    assert_eq!(
        scope_of(
            "# Plan\n\n**Current Status**: 88% production-ready\n\n## Phase 1\n- [ ] a\n",
            3
        )
        .1,
        DOCUMENT_SCOPE
    );
}

#[test]
fn status_and_summary_sections_at_the_top_are_the_document() {
    let doc = "# Plan\n\n## Executive Summary\n\nThe system is 75% complete.\n\n### Current Status\n\n75% done overall so far\n\n## 🎉 CURRENT SUCCESS STATE\n\n> **Integration is 85% Complete!**\n\n## Phase 1: Build\n- [ ] a\n";
    let map = roadboard_core::parse(doc);
    let scopes: Vec<String> = claims(&map).into_iter().map(|c| c.2).collect();
    assert_eq!(scopes, vec![DOCUMENT_SCOPE; 3]);
    assert_eq!(map.document_claim().map(|c| c.percent), Some(75.0));
}

#[test]
fn a_phase_heading_and_its_body_are_the_phase() {
    let doc = "# Plan\n\n## Phase 1: Build (Week 1-2) (96% Complete)\n- [ ] a\n\n## Phase 2: Ship (Week 3)\n\n**Status**: 70% complete\n\n### Status\n\n50% done\n- [ ] b\n";
    let map = roadboard_core::parse(doc);
    let (p1, p2) = (phase(&map, "Phase 1"), phase(&map, "Phase 2"));
    assert_eq!(
        claims(&map),
        vec![
            (96.0, 3, p1.clone()),
            (70.0, 8, p2.clone()),
            (50.0, 12, p2.clone())
        ]
    );
    // none of them is the document's: the header shows no claim
    assert_eq!(map.document_claim(), None);
    assert_eq!(map.claim_about(&p1).map(|c| c.percent), Some(96.0));
}

#[test]
fn a_section_heading_and_its_body_are_the_section() {
    let doc = "# Plan\n\n## Backend (80% complete)\n- [ ] a\n\n### 1.1 Caching\n\n**Status**: 75% complete\n- [ ] b\n";
    let map = roadboard_core::parse(doc);
    assert_eq!(
        claims(&map),
        vec![
            (80.0, 3, section(&map, "Backend")),
            (75.0, 8, section(&map, "1.1 Caching"))
        ]
    );
}

#[test]
fn an_item_line_is_the_item() {
    let (map, scope) = scope_of("# Plan\n## Work\n- [ ] Migrate users (60% done)\n", 3);
    assert_eq!(Some(scope), map.items.first().map(|i| i.id.clone()));
    // also on the second line of an item's own text
    let (map, scope) = scope_of("# Plan\n## Work\n- [ ] Migrate users\n  now 60% done\n", 4);
    assert_eq!(Some(scope), map.items.first().map(|i| i.id.clone()));
}

#[test]
fn words_for_the_whole_document_win() {
    let doc = "# Plan\n\n## Phase 1: Build\n\n**Overall**: 40% complete\n- [ ] a\n\n| Phase | Status |\n|---|---|\n| **Total** | **25% complete** |\n\nThe project is 30% complete.\n";
    let map = roadboard_core::parse(doc);
    let scopes: Vec<(usize, String)> = claims(&map).into_iter().map(|c| (c.1, c.2)).collect();
    assert_eq!(
        scopes,
        vec![
            (5, DOCUMENT_SCOPE.to_string()),
            (10, DOCUMENT_SCOPE.to_string()),
            (12, DOCUMENT_SCOPE.to_string())
        ]
    );
}

#[test]
fn a_label_naming_something_is_not_the_document() {
    // extra corpus 117: "### Current Status" › "- **Core Features**: ✅ 75% complete"
    let doc = "# Plan\n\n**Status**: 75% Complete\n\n## Executive Summary\n\n### Current Status\n\n- **Core Features**: ✅ 75% complete\n- **Documentation**: ✅ 80% complete\n";
    let map = roadboard_core::parse(doc);
    // a status after a bold lead makes each line an item (issue 14, rule 2): the claim is
    // about that item, in progress (the percentage says more than the ✅)
    let item = |t: &str| {
        let i = map.items.iter().find(|i| i.title.as_deref() == Some(t));
        assert_eq!(
            i.map(|i| i.status),
            Some(roadboard_core::model::Status::InProgress)
        );
        i.map(|i| i.id.clone()).unwrap_or_default()
    };
    assert_eq!(
        claims(&map),
        vec![
            (75.0, 3, DOCUMENT_SCOPE.to_string()),
            (75.0, 9, item("Core Features")),
            (80.0, 10, item("Documentation"))
        ]
    );
}

#[test]
fn measures_quotes_and_goals_are_not_claims() {
    let doc = "# Plan\n\n96% of tests pass. Coverage: 85% coverage.\n\n## Phase 1\n- Gamification: show users \"You're 73% done!\"\n\n**Acceptance criterion:** System 100% production-ready\n\n**Target**: 100% complete\n";
    let map = roadboard_core::parse(doc);
    assert!(map.claimed_progress.is_empty(), "{:?}", claims(&map));
}

#[test]
fn every_claim_of_the_seeds_and_corpus_has_a_scope() {
    for dir in ["tests/fixtures/seeds", "tests/corpus"] {
        let dir = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
        for entry in std::fs::read_dir(&dir).expect("dir").flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            let map = roadboard_core::parse(&text);
            let ids: std::collections::HashSet<&str> = map
                .items
                .iter()
                .map(|i| i.id.as_str())
                .chain(map.phases.iter().map(|p| p.id.as_str()))
                .chain(map.sections.iter().map(|s| s.id.as_str()))
                .collect();
            for c in &map.claimed_progress {
                assert!(
                    c.scope == DOCUMENT_SCOPE || ids.contains(c.scope.as_str()),
                    "{:?}: {c:?}",
                    entry.path()
                );
            }
        }
    }
}

#[test]
fn a_phase_claim_shows_on_its_timeline_bar() {
    let doc = "# Plan\n\n**Overall:** 30% complete\n\n## Phase 1: Build (Week 1-2) (90% complete)\n- [x] a\n- [ ] b\n\n## Phase 2: Ship (Week 3)\n- [ ] c\n";
    let map = roadboard_core::parse(doc);
    let t = roadboard_core::schedule::layout(&map, &roadboard_core::schedule::Options::default());
    let notes: Vec<String> = t.rows.iter().map(|r| r.note(1, 2)).collect();
    assert_eq!(notes.len(), 2);
    assert!(notes[0].ends_with("1/2 · claims 90%"), "{notes:?}");
    assert!(!notes[1].contains("claims"), "{notes:?}");
    // the document's own claim is the header's, not a phase's
    assert_eq!(map.document_claim().map(|c| c.percent), Some(30.0));
}
