//! `roadboard check FILE…`: the health findings of each document, for people, for tools
//! (JSON) or as GitHub Actions annotations; the exit code says whether CI should fail.

use crate::input::{roadmap, Unreadable};
use roadboard_core::health::{self, Finding, Severity};
use serde::Serialize;
use std::fmt::Write;

/// How findings are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum Format {
    /// `FILE:LINE: error: message`, a summary per file.
    #[default]
    Human,
    /// One JSON object: every file with its findings and counts.
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`): annotations on the
    /// pull request.
    Github,
}

/// What `check` found, and how the command should end.
pub(crate) struct Outcome {
    /// What to print on standard output.
    pub(crate) out: String,
    /// The files that could not be read, with why.
    pub(crate) unreadable: Vec<Unreadable>,
    /// 0: no errors (and no warnings with `deny_warnings`); 1: findings that fail; 2: a file
    /// could not be read.
    pub(crate) code: u8,
}

/// One document's findings.
#[derive(Serialize)]
struct Report {
    file: String,
    errors: usize,
    warnings: usize,
    findings: Vec<Finding>,
}

/// Check each of `files`.
pub(crate) fn run(files: &[String], format: Format, deny_warnings: bool) -> Outcome {
    let mut reports = Vec::new();
    let mut unreadable = Vec::new();
    for file in files {
        match roadmap(file) {
            Ok((_, map)) => {
                let findings = health::check(&map);
                let (errors, warnings) = health::counts(&findings);
                reports.push(Report {
                    file: file.clone(),
                    errors,
                    warnings,
                    findings,
                });
            }
            Err(e) => unreadable.push(e),
        }
    }
    let errors: usize = reports.iter().map(|r| r.errors).sum();
    let warnings: usize = reports.iter().map(|r| r.warnings).sum();
    let out = match format {
        Format::Human => human(&reports, errors, warnings),
        Format::Json => json(&reports, errors, warnings),
        Format::Github => github(&reports),
    };
    let code = if !unreadable.is_empty() {
        2
    } else if errors > 0 || (deny_warnings && warnings > 0) {
        1
    } else {
        0
    };
    Outcome {
        out,
        unreadable,
        code,
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn human(reports: &[Report], errors: usize, warnings: usize) -> String {
    let mut out = String::new();
    for r in reports {
        for f in &r.findings {
            let _ = writeln!(
                out,
                "{}:{}: {}[{}]: {}",
                r.file,
                f.line,
                f.severity.label(),
                f.kind.key(),
                f.message
            );
        }
        let _ = writeln!(
            out,
            "{}: {}, {}",
            r.file,
            plural(r.errors, "error"),
            plural(r.warnings, "warning")
        );
    }
    if reports.len() > 1 {
        let _ = writeln!(
            out,
            "{} files: {}, {}",
            reports.len(),
            plural(errors, "error"),
            plural(warnings, "warning")
        );
    }
    out
}

fn json(reports: &[Report], errors: usize, warnings: usize) -> String {
    let v = serde_json::json!({
        "files": reports,
        "errors": errors,
        "warnings": warnings,
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// GitHub's escaping of a workflow command's message.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// GitHub's escaping of a workflow command's property value.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn github(reports: &[Report]) -> String {
    let mut out = String::new();
    for r in reports {
        for f in &r.findings {
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let _ = writeln!(
                out,
                "::{command} file={},line={},title={}::{}",
                escape_property(&r.file),
                f.line,
                escape_property(&format!("roadboard {}", f.kind.key())),
                escape_data(&f.message)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_commands_escape_what_github_reads_as_syntax() {
        assert_eq!(escape_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(escape_property("docs/a,b:c.md"), "docs/a%2Cb%3Ac.md");
    }
}
