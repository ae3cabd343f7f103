//! Helpers shared by the native integration tests.

use std::path::PathBuf;

/// The seed document whose file name starts with `prefix` ("000" … "004"), byte-exact.
pub(crate) fn seed_path(prefix: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
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
