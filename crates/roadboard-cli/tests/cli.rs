//! The `roadboard` binary: json, stats and export, run as a user would.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../../../tests/common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

/// The binary under test; `ROADBOARD_BIN` runs these tests against another build (an older
/// one, to show a regression test fails there).
fn bin() -> String {
    std::env::var("ROADBOARD_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_roadboard").into())
}

fn roadboard(args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .output()
        .expect("run roadboard")
}

fn seed(prefix: &str) -> String {
    common::seed_path(prefix).to_string_lossy().into_owned()
}

fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("roadboard-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, contents).expect("write temp file");
    p
}

#[test]
fn json_prints_schema_1() {
    let out = roadboard(&["json", &seed("003")]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["schema"], 1);
    assert_eq!(v["title"], "Sacred Shifter Production Implementation Plan");
    assert!(v["encoding_repair"].is_null());
    for key in [
        "sections",
        "items",
        "phases",
        "dependencies",
        "unresolved",
        "claimed_progress",
        "diagnostics",
    ] {
        assert!(v[key].is_array(), "{key}");
    }
    let item = &v["items"][0];
    for key in [
        "id",
        "text",
        "line",
        "section",
        "checkbox",
        "status",
        "priority",
        "estimate_days",
        "depends_on",
        "parent",
    ] {
        assert!(item.get(key).is_some(), "item.{key}");
    }
    let phases = v["phases"].as_array().expect("phases");
    assert_eq!(phases.len(), 6);
    assert_eq!(phases[0]["start"], 0.0);
    assert_eq!(phases[0]["end"], 10.0);
    assert!(phases[5]["end"].is_null());
    assert_eq!(v["progress"]["total"].as_u64().map(|t| t > 126), Some(true));
}

#[test]
fn json_reports_the_repair() {
    let out = roadboard(&["json", &seed("002")]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["encoding_repair"], "mac-roman");
    assert_eq!(v["title"], "🚀 LyoApp Production Readiness: Action Plan");
    let out = roadboard(&["json", &seed("004")]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["encoding_repair"], "windows-1252");
}

#[test]
fn stats_summarises() {
    let out = roadboard(&["stats", &seed("000")]);
    assert!(out.status.success());
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.starts_with("🚀 Production Roadmap - Palytt Integration\n"),
        "{s}"
    );
    assert!(s.contains("claimed: 85% (line 158)"), "{s}");
    assert!(
        s.contains("phase Phase 1: Core Functionality [days 0..0.25]: 0/4"),
        "{s}"
    );
    assert!(s.contains("diagnostics: 0"), "{s}");
}

#[test]
fn export_sets_the_stated_boxes_and_keeps_every_other_byte() {
    let doc = "\u{feff}# Plan\r\n\r\n## Now\r\n- [ ] first\r\n- [x] second\r\n- [ ] third ✅\r\n";
    let file = temp_file("plan.md", doc.as_bytes());
    let json = roadboard(&["json", file.to_str().expect("path")]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let id = |k: usize| v["items"][k]["id"].as_str().expect("id").to_string();
    let state = format!(
        "{{\"version\":1,\"items\":{{\"{}\":true,\"{}\":false}}}}",
        id(0),
        id(1)
    );
    let state_file = temp_file("state.json", state.as_bytes());
    let out = roadboard(&[
        "export",
        file.to_str().expect("path"),
        "--state",
        state_file.to_str().expect("path"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).expect("utf-8"),
        "\u{feff}# Plan\r\n\r\n## Now\r\n- [x] first\r\n- [ ] second\r\n- [ ] third ✅\r\n"
    );
}

#[test]
fn export_of_a_repaired_seed_changes_only_box_bytes() {
    let path = seed("004");
    let original = std::fs::read(&path).expect("seed");
    let json = roadboard(&["json", &path]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let mut ticks = serde_json::Map::new();
    for item in v["items"].as_array().expect("items") {
        if item["checkbox"] == true {
            ticks.insert(item["id"].as_str().expect("id").to_string(), true.into());
        }
    }
    let state = serde_json::json!({"version": 1, "items": ticks}).to_string();
    let state_file = temp_file("state-004.json", state.as_bytes());
    let out = roadboard(&["export", &path, "--state", state_file.to_str().expect("p")]);
    assert!(out.status.success());
    assert_eq!(out.stdout.len(), original.len());
    let changed: Vec<(u8, u8)> = original
        .iter()
        .zip(&out.stdout)
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (*a, *b))
        .collect();
    assert_eq!(changed.len(), 129 - 11, "every unticked box, nothing else");
    assert!(changed.iter().all(|c| *c == (b' ', b'x')));
}

#[test]
fn usage_and_input_errors_have_exit_codes_and_messages() {
    let out = roadboard(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage:"));
    let out = roadboard(&["json", "/nonexistent/roadmap.md"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/roadmap.md"));
    let latin1 = temp_file("latin1.md", b"# Caf\xe9\n\n- [ ] x\n");
    let out = roadboard(&["json", latin1.to_str().expect("p")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1"));
    let out = roadboard(&["--help"]);
    assert!(out.status.success());
}

/// Issue 13, point 8: empty input (`/dev/null`) and NUL bytes are refused as the web refuses
/// them (exit 1, the web's words); UTF-16 with a BOM is text.
#[test]
fn r13_8_input_is_read_as_the_web_reads_it() {
    for (name, bytes, words) in [
        ("empty.md", &b""[..], "is empty"),
        ("blank.md", &b" \n\t\n"[..], "is empty"),
        (
            "nul.md",
            &b"# A\n\0- [ ] b\n"[..],
            "looks like a binary file",
        ),
    ] {
        let f = temp_file(name, bytes);
        let out = roadboard(&["stats", f.to_str().expect("p")]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(words), "{name}: {err}");
        assert!(out.stdout.is_empty(), "{name}");
    }
    let out = roadboard(&["json", "/dev/null"]);
    assert_eq!(out.status.code(), Some(1), "/dev/null");
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "# Plan\n- [x] done\n- [ ] open\n".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    let f = temp_file("utf16.md", &utf16);
    let out = roadboard(&["stats", f.to_str().expect("p")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Plan\nprogress: 1/2 done"));
}

/// Issue 13, point 6: `roadboard json big.md | head -c 10` panicked ("failed printing to
/// stdout: Broken pipe", exit 134). A closed pipe is a quiet exit 0, as `cat`'s.
#[test]
fn r13_6_a_closed_pipe_is_not_a_panic() {
    use std::io::Read as _;
    use std::process::Stdio;
    let big: String = (0..20_000).map(|i| format!("- [ ] item {i}\n")).collect();
    let f = temp_file("big.md", format!("# Big\n{big}").as_bytes());
    let mut child = Command::new(bin())
        .args(["json", f.to_str().expect("p")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut head = [0u8; 10];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut head)
        .expect("10 bytes");
    // The reading end is closed here (dropped), as `head -c 10` closes it.
    let out = child.wait_with_output().expect("wait");
    assert_eq!(&head[..], &b"{\n  \"schem"[..]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A full disk is an error message and exit 1, not a panic.
#[test]
fn r13_6_a_full_disk_is_a_message_and_exit_1() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // no /dev/full on this system
    };
    let big: String = (0..20_000).map(|i| format!("- [ ] item {i}\n")).collect();
    let f = temp_file("big-full.md", big.as_bytes());
    let out = Command::new(bin())
        .args(["json", f.to_str().expect("p")])
        .stdout(full)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("roadboard: cannot write the output"),
        "{err}"
    );
}

/// Issue 13, point 7: `export --state` refused the flat map and a BOM, rejected a whole file
/// for one `"yes"`, and applied `{"version":99}` with exit 0. It reads as the web's import.
#[test]
fn r13_7_export_state_reads_what_the_web_reads() {
    let doc = temp_file("state-doc.md", b"# Plan\n- [ ] a\n- [ ] b\n");
    let doc = doc.to_str().expect("p");
    let json = roadboard(&["json", doc]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let (a, b) = (
        v["items"][0]["id"].as_str().expect("id"),
        v["items"][1]["id"].as_str().expect("id"),
    );
    let export = |name: &str, state: String| {
        let f = temp_file(name, state.as_bytes());
        roadboard(&["export", doc, "--state", f.to_str().expect("p")])
    };
    let ticked = "# Plan\n- [x] a\n- [ ] b\n";
    let out = export("flat.json", format!(r#"{{"{a}":true}}"#));
    assert_eq!(String::from_utf8_lossy(&out.stdout), ticked, "flat map");
    let out = export(
        "bom.json",
        format!("\u{feff}{{\"version\":1,\"items\":{{\"{a}\":true}}}}"),
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), ticked, "BOM");
    let out = export(
        "yes.json",
        format!(r#"{{"version":1,"items":{{"{a}":true,"{b}":"yes"}}}}"#),
    );
    assert!(out.status.success(), "one bad entry is not a bad file");
    assert_eq!(String::from_utf8_lossy(&out.stdout), ticked);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("left out") && err.contains("\"yes\""), "{err}");
    let out = export(
        "v99.json",
        format!(r#"{{"version":99,"items":{{"{a}":true}}}}"#),
    );
    assert_eq!(out.status.code(), Some(2), "a newer version is refused");
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("newer version") && err.contains("99"), "{err}");
}
