//! Helpers shared by the native integration tests.

use std::path::PathBuf;

/// The seed document whose file name starts with `prefix` ("000" … "004"), byte-exact.
#[allow(dead_code, reason = "each test crate uses a part of the helpers")]
pub(crate) fn seed_path(prefix: &str) -> PathBuf {
    let dir = workspace_root().join("tests/fixtures/seeds");
    std::fs::read_dir(&dir)
        .expect("seed fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .expect("seed file")
}

/// The workspace root (the tests of `crates/*` share the root's fixtures).
pub(crate) fn workspace_root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.ancestors()
        .find(|d| d.join("tests/fixtures").is_dir())
        .map(PathBuf::from)
        .unwrap_or(here)
}
