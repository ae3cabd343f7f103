//! Property tests for document ids (issue 12): a typed [`DocId`] writes back exactly the text it
//! was read from — the storage keys and links readers' browsers already hold — and a link made
//! for a document reopens the same document.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use roadboard_core::docid::DocId;
use roadboard_core::recent::RecentDoc;
use roadboard_core::store::{progress_key, MemoryStore};
use roadboard_core::viewstate::ViewState;

/// Ids as they occur, and odd ones: prefixes, colons, URLs with queries and fragments,
/// relative paths, non-ASCII, percent signs and `&`/`=` that the address must escape.
fn id_text() -> impl Strategy<Value = String> {
    let part = "[a-zA-Z0-9 :/?#&=%+.~_-]{0,12}|[ü計🚀\\x00\\t\\n]{0,3}";
    let prefix = prop_oneof![
        Just(""),
        Just("file:"),
        Just("paste:"),
        Just("https://"),
        Just("roadmaps/"),
        Just("data:"),
        Just("//"),
        Just("FILE:"),
        Just("file://"),
    ];
    (prefix, part, part).prop_map(|(p, a, b)| format!("{p}{a}{b}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_text_round_trips(s in id_text()) {
        let id = DocId::parse(&s);
        prop_assert_eq!(id.to_string(), s.clone());
        prop_assert_eq!(DocId::parse(&id.to_string()), id.clone());
        prop_assert_eq!(progress_key(&id), format!("roadboard:progress:{s}"));
    }

    #[test]
    fn arbitrary_strings_round_trip(s in any::<String>()) {
        prop_assert_eq!(DocId::parse(&s).to_string(), s);
    }

    #[test]
    fn files_and_pastes_keep_their_kind(name in any::<String>()) {
        for id in [DocId::File(name.clone()), DocId::Paste(name.clone())] {
            prop_assert_eq!(DocId::parse(&id.to_string()), id.clone());
            prop_assert!(id.is_kept_here());
        }
    }

    /// The link (and the recent entry) made for a document names the same document again.
    #[test]
    fn links_reopen_the_same_document(s in id_text()) {
        let id = DocId::parse(&s);
        let st = ViewState::from_query(&ViewState::opening(&id).to_query());
        if s.is_empty() {
            prop_assert_eq!(&st.src, &None, "an empty address names nothing");
        } else if id.is_kept_here() {
            prop_assert_eq!(&st.doc, &Some(id.clone()));
            prop_assert_eq!(&st.src, &None);
        } else {
            prop_assert_eq!(st.src.as_deref(), Some(s.as_str()));
            prop_assert_eq!(&st.doc, &None);
        }
        let recent = RecentDoc::new(&id, "T".into());
        let from_recent = ViewState::from_query(&recent.query);
        prop_assert_eq!(
            (from_recent.src, from_recent.doc),
            (st.src, st.doc),
            "the recent entry opens what the link opens"
        );
    }
}

/// The store seam accepts a typed id and its text alike: both name one stored value.
#[test]
fn typed_and_text_ids_name_the_same_stored_progress() {
    use roadboard_core::progress::ProgressState;
    use roadboard_core::store::{load_progress, replace_progress};
    let kv = MemoryStore::new();
    let mut st = ProgressState::new();
    st.set("i-abc", true, "abc");
    replace_progress(&kv, DocId::File("a:b.md".into()), &st).expect("write");
    assert_eq!(load_progress(&kv, "file:a:b.md").state, st);
}
