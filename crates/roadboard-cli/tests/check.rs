//! `roadboard check`, and the conventions of the clap command line (help, version, bad
//! arguments), run as a user would.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::{Command, Output};

fn roadboard(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roadboard"))
        .args(args)
        .output()
        .expect("run roadboard")
}

fn temp_file(name: &str, contents: &str) -> String {
    let dir: PathBuf = std::env::temp_dir().join(format!("roadboard-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, contents).expect("write temp file");
    p.to_string_lossy().into_owned()
}

const CYCLE: &str = "# Plan\n\n- [ ] Build {#build} (depends on: {#test})\n- [ ] Test {#test} (depends on: {#build})\n";
const NO_TIME: &str =
    "# Plan\n\n## Phase 1: Setup\n- [ ] a\n\n## Phase 2: Build (Week 2)\n- [ ] b\n";
const CLEAN: &str = "# Plan\n\n## Phase 1 (Week 1)\n- [x] a\n\n## Phase 2 (Week 2)\n- [ ] b\n";

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn exit_0_when_clean_1_on_errors_2_on_unreadable_input() {
    let clean = temp_file("clean.md", CLEAN);
    let out = roadboard(&["check", &clean]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("clean.md: 0 errors, 0 warnings"));

    let cycle = temp_file("cycle.md", CYCLE);
    let out = roadboard(&["check", &clean, &cycle]);
    assert_eq!(out.status.code(), Some(1));
    let s = stdout(&out);
    assert!(
        s.contains("cycle.md:3: error[cycle]: dependency cycle"),
        "{s}"
    );
    assert!(s.contains("2 files: 1 error, 0 warnings"), "{s}");

    let out = roadboard(&["check", &clean, "/nonexistent/ROADMAP.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/ROADMAP.md"));
}

#[test]
fn warnings_fail_only_when_denied() {
    let f = temp_file("no-time.md", NO_TIME);
    let out = roadboard(&["check", &f]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains(":3: warning[no_time]: phase \"Phase 1: Setup\""));
    let out = roadboard(&["check", "--deny-warnings", &f]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn github_format_writes_workflow_commands() {
    let f = temp_file("cycle-gh.md", CYCLE);
    let out = roadboard(&["check", "--format", "github", &f]);
    assert_eq!(out.status.code(), Some(1));
    let s = stdout(&out);
    let line = s.lines().next().unwrap_or_default();
    assert!(line.starts_with("::error file="), "{s}");
    assert!(
        line.contains("cycle-gh.md,line=3,title=roadboard cycle::dependency cycle"),
        "{s}"
    );
}

#[test]
fn json_format_lists_files_findings_and_counts() {
    let f = temp_file("no-time-json.md", NO_TIME);
    let out = roadboard(&["check", "--format=json", &f]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["errors"], 0);
    assert_eq!(v["warnings"], 1);
    let finding = &v["files"][0]["findings"][0];
    assert_eq!(finding["severity"], "warning");
    assert_eq!(finding["kind"], "no_time");
    assert_eq!(finding["line"], 3);
    assert!(finding["message"].as_str().is_some_and(|m| !m.is_empty()));
}

#[test]
fn standard_input_can_be_checked() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_roadboard"))
        .args(["check", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(CYCLE.as_bytes()).expect("write");
    }
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).starts_with("-:3: error[cycle]"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn help_version_and_bad_arguments_follow_the_convention() {
    let out = roadboard(&["help", "check"]);
    assert!(out.status.success());
    let s = stdout(&out);
    assert!(
        s.contains("--deny-warnings") && s.contains("--format"),
        "{s}"
    );
    assert!(s.contains("Exit codes"), "{s}");

    let out = roadboard(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        format!("roadboard {}\n", env!("CARGO_PKG_VERSION"))
    );

    let out = roadboard(&["check", "--format", "xml", "x.md"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("'xml'") && err.contains("--format"), "{err}");

    let out = roadboard(&["json", "a.md", "--frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--frobnicate"));

    let out = roadboard(&["check"]);
    assert_eq!(out.status.code(), Some(2), "check needs a file");
}

#[test]
fn svg_and_html_draw_the_document() {
    let f = temp_file("ROADMAP.md", "# Launch & more\n\n## Phase 1: Build (Week 1-2)\n- [x] a\n\n## Phase 2: Ship (Week 3)\n- [ ] b\n");
    let out = roadboard(&["svg", &f, "--as-of", "2026-12-01"]);
    assert!(out.status.success());
    let svg = stdout(&out);
    assert!(
        svg.starts_with("<?xml") && svg.trim_end().ends_with("</svg>"),
        "{svg}"
    );
    assert!(
        svg.contains("Launch &amp; more")
            && svg.contains("As of Tue 1 Dec 2026 · 1/2 done (50%) · ROADMAP.md"),
        "{svg}"
    );
    let out = roadboard(&["html", &f, "--as-of", "2026-12-01", "--group", "status"]);
    assert!(out.status.success());
    let html = stdout(&out);
    assert!(
        html.contains("<h2>Board</h2>") && html.contains("Grouped by status"),
        "{html}"
    );
    assert!(!html.contains("<script"));
    let out = roadboard(&["svg", &f, "--as-of", "1 Dec"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--as-of"));
}
