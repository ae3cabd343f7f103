//! Lists the bundled roadmaps (`public/roadmaps/*.md`) for the home page at build time,
//! so a deployer adds a file, rebuilds, and it appears.

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("public/roadmaps");
    println!("cargo:rerun-if-changed=public/roadmaps");
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".md") || n.ends_with(".markdown"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let body: String = names.iter().map(|n| format!("    {n:?},\n")).collect();
    let code = format!(
        "/// File names under `public/roadmaps/`, sorted.\npub const BUNDLED: &[&str] = &[\n{body}];\n"
    );
    let out = Path::new(&env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("bundled.rs");
    if let Err(e) = fs::write(&out, code) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
    }
}
