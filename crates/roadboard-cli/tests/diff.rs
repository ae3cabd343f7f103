//! `roadboard diff OLD NEW` run as a user would (issue 17): grouped lines for people, the
//! contract arrays with `--json`, exit 0 whatever changed, 1 for an unreadable file.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../../../tests/common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

fn roadboard(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roadboard"))
        .args(args)
        .output()
        .expect("run roadboard")
}

fn temp_file(name: &str, contents: &str) -> String {
    let dir = std::env::temp_dir().join(format!("roadboard-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p: PathBuf = dir.join(name);
    std::fs::write(&p, contents).expect("write temp file");
    p.to_string_lossy().into_owned()
}

const OLD: &str = "# Plan\n\n## Phase 1: Setup (Week 1-2)\n\n- [ ] Set up CI\n- [ ] Write the documentaiton\n- [x] Pick a licence\n- [ ] Drop this one\n\n## Phase 2: Build (Week 3-4)\n\n- [ ] Build the parser\n";
const NEW: &str = "# Plan\n\n## Phase 1: Setup (Week 1-3)\n\n- [x] Set up CI\n- [ ] Write the documentation\n- [x] Pick a licence\n- [ ] Build the parser\n\n## Phase 2: Build (Week 4-5)\n\n- [ ] Add a brand new exporter\n";

#[test]
fn json_has_every_array_with_ids_titles_lines_and_checkboxes() {
    let (old, new) = (temp_file("old.md", OLD), temp_file("new.md", NEW));
    let out = roadboard(&["diff", &old, &new, "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let titles = |k: &str| -> Vec<String> {
        v[k].as_array()
            .map(|a| {
                a.iter()
                    .map(|e| e["title"].as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(titles("added"), ["Add a brand new exporter"]);
    assert_eq!(titles("removed"), ["Drop this one"]);
    assert_eq!(titles("edited"), ["Write the documentation"]);
    assert_eq!(titles("status_changed"), ["Set up CI"]);
    assert_eq!(titles("moved"), ["Build the parser"]);
    assert_eq!(titles("redated"), ["Phase 1: Setup", "Phase 2: Build"]);
    assert_eq!(
        v["removed"][0]["line"], 8,
        "removed items carry their OLD line"
    );
    assert_eq!(v["added"][0]["line"], 12);
    assert_eq!(v["added"][0]["checkbox"], true);
    assert!(v["added"][0]["id"]
        .as_str()
        .is_some_and(|s| s.starts_with("i-")));
    assert_eq!(v["status_changed"][0]["from"], "todo");
    assert_eq!(v["status_changed"][0]["to"], "done");
    assert_eq!(v["redated"][0]["old"]["end"], 10.0);
    assert_eq!(v["redated"][0]["new"]["end"], 15.0);
}

#[test]
fn people_get_a_summary_and_groups_with_lines() {
    let (old, new) = (temp_file("old.md", OLD), temp_file("new.md", NEW));
    let out = roadboard(&["diff", &old, &new]);
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains(": 1 done, 1 new, 1 removed, 2 re-dated, 1 edited, 1 moved to Phase 1: Setup\n"),
        "{s}"
    );
    assert!(
        s.contains("\nAdded (1)\n  + line   12  Add a brand new exporter\n"),
        "{s}"
    );
    assert!(
        s.contains("  * line    5  Set up CI: to do → done\n"),
        "{s}"
    );
    assert!(s.contains("(5 working days later)"), "{s}");
}

#[test]
fn the_same_file_twice_has_no_changes() {
    let seed = common::seed_path("003").to_string_lossy().into_owned();
    let out = roadboard(&["diff", &seed, &seed, "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    for k in [
        "added",
        "removed",
        "edited",
        "status_changed",
        "moved",
        "redated",
    ] {
        assert_eq!(v[k].as_array().map(Vec::len), Some(0), "{k}");
    }
}

#[test]
fn a_missing_file_exits_1_and_bad_usage_2() {
    let new = temp_file("new.md", NEW);
    let out = roadboard(&["diff", "/nonexistent/old.md", &new]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/old.md"));
    assert_eq!(roadboard(&["diff", &new]).status.code(), Some(2));
}
