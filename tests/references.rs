//! References (issue 14, rule 6): numbered names ("Task 1.1", "Step 3", "Milestone 2",
//! "Epic 4", "Story 2.3", "Phase 2"), lists and ranges of them, lists that are one name,
//! external prerequisites, ambiguous and broken references.
#![cfg(not(target_arch = "wasm32"))]

use roadboard_core::model::{DependencyKind, Roadmap};

fn fixture(name: &str) -> Roadmap {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture");
    roadboard_core::parse(&text)
}

/// The id of the item, phase or section whose title (or text) starts with `start`.
fn id_of(map: &Roadmap, start: &str) -> String {
    map.items
        .iter()
        .find(|i| i.title.as_deref().unwrap_or(&i.text).starts_with(start))
        .map(|i| i.id.clone())
        .or_else(|| {
            map.phases
                .iter()
                .find(|p| p.title.starts_with(start))
                .map(|p| p.id.clone())
        })
        .or_else(|| {
            map.sections
                .iter()
                .find(|s| s.title.starts_with(start))
                .map(|s| s.id.clone())
        })
        .unwrap_or_else(|| panic!("nothing titled {start:?}"))
}

/// The explicit edges written on `line`, as (from, to, reference as written).
fn edges_on(map: &Roadmap, line: usize) -> Vec<(String, String, String)> {
    map.dependencies
        .iter()
        .filter(|d| d.kind == DependencyKind::Explicit && d.line == line)
        .map(|d| (d.from.clone(), d.to.clone(), d.text.clone()))
        .collect()
}

fn external(map: &Roadmap) -> Vec<&str> {
    map.unresolved
        .iter()
        .filter(|u| u.external)
        .map(|u| u.text.as_str())
        .collect()
}

#[test]
fn task_numbers_resolve_to_numbered_headings() {
    let map = fixture("references.md");
    // "**Dependencies**: Task 1.1 (file upload)" against "### Task 1.1: File Upload System"
    let edges = edges_on(&map, 28);
    assert_eq!(
        edges,
        vec![(
            id_of(&map, "Task 1.2"),
            id_of(&map, "Task 1.1"),
            "Task 1.1".to_string()
        )]
    );
}

#[test]
fn a_list_of_numbers_carries_its_word() {
    let map = fixture("references.md");
    // "**Depends on**: Tasks 1.1, 1.2, 1.3"
    let to: Vec<String> = edges_on(&map, 43).into_iter().map(|e| e.1).collect();
    assert_eq!(
        to,
        vec![
            id_of(&map, "Task 1.1"),
            id_of(&map, "Task 1.2"),
            id_of(&map, "Task 1.3")
        ]
    );
    let texts: Vec<String> = edges_on(&map, 43).into_iter().map(|e| e.2).collect();
    assert_eq!(texts, vec!["Task 1.1", "Task 1.2", "Task 1.3"]);
}

#[test]
fn a_numbered_range_expands_and_milestones_and_epics_resolve() {
    let map = fixture("references.md");
    // "## Milestone 2: Beta Launch" / "**Depends on**: Tasks 2.1–2.3, Epic 4"
    let milestone = id_of(&map, "Milestone 2");
    assert!(map.phases.iter().any(|p| p.id == milestone));
    let to: Vec<String> = edges_on(&map, 78)
        .into_iter()
        .inspect(|e| assert_eq!(e.0, milestone))
        .map(|e| e.1)
        .collect();
    assert_eq!(
        to,
        vec![
            id_of(&map, "Task 2.1"),
            id_of(&map, "Task 2.2"),
            id_of(&map, "Task 2.3"),
            id_of(&map, "Epic 4"),
        ]
    );
    // "Announce … (after: Milestone 2, Smoke test production)"
    assert!(edges_on(&map, 100).iter().any(|e| e.1 == milestone));
}

#[test]
fn stories_resolve_to_items_numbered_so() {
    let map = fixture("references.md");
    assert_eq!(
        edges_on(&map, 73),
        vec![(
            id_of(&map, "Story 4.2"),
            id_of(&map, "Story 4.1"),
            "Story 4.1".to_string()
        )]
    );
    // a list mixing a numbered name and an outside one
    let story_3 = id_of(&map, "Story 4.3");
    assert_eq!(edges_on(&map, 74).len(), 1);
    assert!(map
        .unresolved
        .iter()
        .any(|u| u.text == "Apple developer account" && u.from.as_deref() == Some(&story_3)));
}

#[test]
fn steps_resolve_to_numbered_headings_under_a_steps_heading() {
    let map = fixture("references.md");
    // "#### 3. Deploy" under "## Deployment Steps"
    let step_1 = id_of(&map, "1. Provision");
    let step_3 = id_of(&map, "3. Deploy");
    assert_eq!(
        edges_on(&map, 91).first().map(|e| e.1.clone()),
        Some(step_1)
    );
    assert_eq!(
        edges_on(&map, 99).first().map(|e| e.1.clone()),
        Some(step_3)
    );
}

#[test]
fn phases_resolve_by_number() {
    let map = fixture("references.md");
    assert_eq!(
        edges_on(&map, 49),
        vec![(
            id_of(&map, "Phase 2"),
            id_of(&map, "Phase 1"),
            "Phase 1".to_string()
        )]
    );
}

#[test]
fn a_number_alone_and_a_plain_numbered_heading() {
    // "1.1 Runtime": a heading numbered 1.1 answers to "Task 1.1"; "Section 2" to "## 2. Docs"
    let map = roadboard_core::parse(
        "# Plan\n## 1. Core\n### 1.1 Runtime\n- [ ] Boot\n### 1.2 Tooling\n- [ ] CLI (needs: Task 1.1)\n## 2. Docs\n- [ ] Guide (after: Section 1, 1.2)\n",
    );
    let runtime = id_of(&map, "1.1 Runtime");
    assert_eq!(
        edges_on(&map, 6).first().map(|e| e.1.clone()),
        Some(runtime)
    );
    let to: Vec<String> = edges_on(&map, 8).into_iter().map(|e| e.1).collect();
    assert_eq!(to, vec![id_of(&map, "1. Core"), id_of(&map, "1.2 Tooling")]);
    assert!(map.unresolved.is_empty() && map.ambiguous.is_empty());
}

#[test]
fn any_word_with_a_number_names_a_heading_that_starts_so() {
    // corpus 045: "**Dependencies:** Agent 1 (caching)" against "### 🔧 Agent 1: …"
    let map = roadboard_core::parse(
        "# Team\n### 🔧 Agent 1: Caching Engineer\n- [ ] Cache\n### 📊 Agent 3: Comparison\n**Dependencies:** Agent 1 (caching)\n- [ ] Compare\n### Agent 4\n**Dependencies:** All agents\n",
    );
    assert_eq!(
        edges_on(&map, 5),
        vec![(
            id_of(&map, "Agent 3"),
            id_of(&map, "Agent 1"),
            "Agent 1".to_string()
        )]
    );
    assert_eq!(external(&map), vec!["All agents"]);
}

#[test]
fn a_list_of_nouns_is_one_reference() {
    let map = fixture("references.md");
    // "**Needs**: Listing, creation, submission, grading UIs"
    let on_45: Vec<&str> = map
        .unresolved
        .iter()
        .filter(|u| u.line == 45)
        .map(|u| u.text.as_str())
        .collect();
    assert_eq!(on_45, vec!["Listing, creation, submission, grading UIs"]);
    // but names of things are split, and a phrase of its own stays apart
    let on_56: Vec<&str> = map
        .unresolved
        .iter()
        .filter(|u| u.line == 56)
        .map(|u| u.text.as_str())
        .collect();
    assert_eq!(
        on_56,
        vec!["Salesforce API access", "a sandbox org from the sales team"]
    );
    let on_18: Vec<&str> = map
        .unresolved
        .iter()
        .filter(|u| u.line == 18)
        .map(|u| u.text.as_str())
        .collect();
    assert_eq!(on_18, vec!["Redis setup", "AWS account from IT"]);
}

#[test]
fn names_outside_the_document_are_external_prerequisites_not_problems() {
    let map = fixture("references.md");
    assert_eq!(
        external(&map),
        vec![
            "LTI 1.3 certification",
            "Apple developer account",
            "Zendesk licence",
            "Redis setup",
            "AWS account from IT",
            "Listing, creation, submission, grading UIs",
            "Salesforce API access",
            "a sandbox org from the sales team",
            "SSO provider contract",
        ]
    );
    for u in map.unresolved.iter().filter(|u| u.external) {
        assert!(
            !map.diagnostics.iter().any(|d| d.message.contains(&u.text)),
            "{} is not a problem",
            u.text
        );
    }
}

#[test]
fn a_numbered_name_the_document_lacks_is_broken() {
    let map = fixture("references.md");
    // "Task 1.9" beside Tasks 1.1–2.3: written as something inside the document
    let broken: Vec<&str> = map
        .unresolved
        .iter()
        .filter(|u| !u.external)
        .map(|u| u.text.as_str())
        .collect();
    assert_eq!(broken, vec!["Task 1.9"]);
    assert!(map
        .diagnostics
        .iter()
        .any(|d| d.line == 63 && d.message.contains("Task 1.9")));
    // an explicit id that nothing has is broken too
    let map = roadboard_core::parse("# P\n## A\n- [ ] x (after: {#nope})\n");
    assert!(map.unresolved.iter().all(|u| !u.external));
    assert_eq!(map.diagnostics.len(), 1);
}

#[test]
fn ambiguous_references_list_every_candidate_and_make_no_edge() {
    let map = fixture("references.md");
    // "Write tests" is in Task 1.4 and in Task 2.2
    assert_eq!(map.ambiguous.len(), 1);
    let a = &map.ambiguous[0];
    assert_eq!(a.text, "Write tests");
    assert_eq!(a.line, 67);
    let lines: Vec<usize> = a
        .candidates
        .iter()
        .map(|c| {
            map.items
                .iter()
                .find(|i| &i.id == c)
                .map(|i| i.line)
                .unwrap_or(0)
        })
        .collect();
    assert_eq!(lines, vec![41, 61]);
    assert!(edges_on(&map, 67).is_empty());
    assert!(!map.unresolved.iter().any(|u| u.text == "Write tests"));
    assert!(map
        .diagnostics
        .iter()
        .any(|d| d.line == 67 && d.message.contains("lines 41, 61")));
}

#[test]
fn steps_numbered_twice_prefer_the_steps_heading_else_are_ambiguous() {
    let doc = "# Plan\n## Phase A\n### 3. Testing\n- [ ] t\n## Rollout steps\n### 3. Deploy\n- [ ] d\n## Launch\n- [ ] go (after: Step 3)\n- [ ] check (after: Task 3)\n";
    let map = roadboard_core::parse(doc);
    assert_eq!(
        edges_on(&map, 9).first().map(|e| e.1.clone()),
        Some(id_of(&map, "3. Deploy"))
    );
    // no heading above either says "tasks": both are candidates
    assert_eq!(map.ambiguous.len(), 1);
    assert_eq!(map.ambiguous[0].text, "Task 3");
    assert_eq!(map.ambiguous[0].candidates.len(), 2);
}

#[test]
fn json_keeps_unresolved_and_adds_ambiguous() {
    let map = fixture("references.md");
    let json = serde_json::to_value(&map).expect("json");
    assert!(json["unresolved"].as_array().is_some_and(|a| a.len() == 10));
    assert_eq!(json["unresolved"][0]["external"], serde_json::json!(true));
    assert_eq!(json["ambiguous"][0]["text"], "Write tests");
    assert_eq!(json["ambiguous"][0]["line"], 67);
    assert!(json["ambiguous"][0]["candidates"].is_array());
    assert!(json["ambiguous"][0]["from"].is_string());
}

#[test]
fn external_prerequisites_are_grouped_by_name_with_who_waits() {
    let map = roadboard_core::parse(
        "# P\n## Work\n- [ ] API (needs: Redis setup)\n- [ ] Cache (needs: redis Setup, Design review)\n- [ ] Web\n",
    );
    let ext = roadboard_core::deps::external_prerequisites(&map);
    let names: Vec<&str> = ext.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(names, vec!["Redis setup", "Design review"]);
    let lines: Vec<usize> = ext[0].needed_by.iter().map(|w| w.line).collect();
    assert_eq!(lines, vec![3, 4]);
    assert_eq!(
        ext[0].needed_by[0].id.as_deref(),
        Some(id_of(&map, "API").as_str())
    );
    // named without its dependency phrase
    assert_eq!(ext[0].needed_by[0].name, "API");
}
