//! Tests of progress storage: merged writes, backups, read-only and locked values, faults.

use super::*;

fn ticks(pairs: &[(&str, bool)]) -> ProgressState {
    let mut s = ProgressState::new();
    for (id, v) in pairs {
        s.set(id, *v, id);
    }
    s
}

#[test]
fn two_tabs_do_not_lose_each_others_ticks() {
    let kv = MemoryStore::new();
    save_changes(&kv, "d", &ticks(&[("a", true)])).expect("tab 1");
    let merged = save_changes(&kv, "d", &ticks(&[("b", true)])).expect("tab 2");
    assert_eq!(merged.items.len(), 2);
    assert_eq!(load_progress(&kv, "d").state.items.len(), 2);
}

#[test]
fn corrupt_value_is_kept_aside_and_reported() {
    let kv = MemoryStore::new();
    kv.set(&progress_key("d"), "{oops").expect("set");
    let l = load_progress(&kv, "d");
    assert!(l.state.items.is_empty());
    assert_eq!(l.mode, SaveMode::Saved);
    assert!(l.notice.expect("notice").message.contains("kept aside"));
    let backups = crate::backup::read_backups(&kv, "d");
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].value, "{oops");
}

#[test]
fn future_versions_are_read_only() {
    let kv = MemoryStore::new();
    let raw = r#"{"version":9,"items":{"a":true},"new_field":[1]}"#;
    kv.set(&progress_key("d"), raw).expect("set");
    let l = load_progress(&kv, "d");
    assert_eq!(l.mode, SaveMode::ReadOnly);
    assert_eq!(l.state.items.get("a"), Some(&true));
    assert!(l.notice.expect("notice").message.contains("newer version"));
    assert_eq!(
        save_changes(&kv, "d", &ticks(&[("b", true)])),
        Err(StorageError::ReadOnly(9))
    );
    assert_eq!(
        replace_progress(&kv, "d", &ProgressState::new()),
        Err(StorageError::ReadOnly(9))
    );
    assert_eq!(
        kv.get(&progress_key("d")).expect("get").as_deref(),
        Some(raw),
        "untouched"
    );
}

#[test]
fn quota_and_blocked_storage_are_errors_not_losses() {
    let kv = MemoryStore::with_quota(40);
    let big = ticks(&[("a-very-long-item-id-that-does-not-fit", true)]);
    assert_eq!(
        save_changes(&kv, "d", &big),
        Err(StorageError::QuotaExceeded)
    );
    let off = MemoryStore::blocked();
    let l = load_progress(&off, "d");
    assert_eq!(l.mode, SaveMode::MemoryOnly);
    assert!(l
        .notice
        .expect("notice")
        .message
        .contains("blocked storage"));
}

#[test]
fn a_full_store_keeps_the_unreadable_value_in_place() {
    let kv = MemoryStore::new();
    kv.set(&progress_key("d"), "garbage").expect("set");
    let kv = MemoryStore {
        quota: Some(kv.used()),
        map: kv.map,
        disabled: false,
        clock: None,
    };
    let l = load_progress(&kv, "d");
    assert_eq!(
        l.mode,
        SaveMode::Locked,
        "no backup possible: do not overwrite"
    );
    assert_eq!(
        kv.get(&progress_key("d")).expect("get").as_deref(),
        Some("garbage")
    );
}

/// Keys are readers' saved data: a typed id writes exactly the text it was read from.
#[test]
fn keys_are_the_id_text_for_every_kind() {
    for id in [
        "roadmaps/plan.md",
        "https://x.org/r.md?raw=1#top",
        "file:a:b.md",
        "paste:untitled-roadmap",
    ] {
        let typed = DocId::parse(id);
        assert_eq!(progress_key(&typed), format!("roadboard:progress:{id}"));
        assert_eq!(backup_key(&typed), format!("roadboard:backup:{id}"));
        assert_eq!(doc_text_key(&typed), format!("roadboard:doc:{id}"));
        assert_eq!(start_key(&typed), format!("roadboard:start:{id}"));
        assert_eq!(progress_key(id), progress_key(typed));
    }
}

#[test]
fn the_start_date_goes_through_the_store() {
    let kv = MemoryStore::new();
    let doc = DocId::parse("roadmaps/plan.md");
    assert_eq!(load_start_date(&kv, &doc), None);
    save_start_date(&kv, &doc, Some("2025-03-03")).expect("save");
    assert_eq!(
        kv.get("roadboard:start:roadmaps/plan.md")
            .expect("get")
            .as_deref(),
        Some("2025-03-03")
    );
    assert_eq!(load_start_date(&kv, &doc).as_deref(), Some("2025-03-03"));
    save_start_date(&kv, &doc, None).expect("forget");
    assert_eq!(load_start_date(&kv, &doc), None);
    let off = MemoryStore::blocked();
    assert_eq!(load_start_date(&off, &doc), None);
    assert_eq!(
        save_start_date(&off, &doc, Some("2025-03-03")),
        Err(StorageError::Unavailable)
    );
}

#[test]
fn load_notices_say_what_happened_by_kind() {
    let kv = MemoryStore::new();
    kv.set(&progress_key("d"), "{oops").expect("set");
    let kind = |l: LoadedProgress| l.notice.map(|n| n.kind);
    assert_eq!(kind(load_progress(&kv, "d")), Some(NoticeKind::Unreadable));
    kv.set(&progress_key("d"), r#"{"version":7,"items":{}}"#)
        .expect("set");
    assert_eq!(kind(load_progress(&kv, "d")), Some(NoticeKind::ReadOnly));
    let off = MemoryStore::blocked();
    assert_eq!(kind(load_progress(&off, "d")), Some(NoticeKind::NotSaved));
    assert_eq!(kind(load_progress(&MemoryStore::new(), "d")), None);
}

#[test]
fn forgetting_a_kept_document_drops_its_text_not_its_ticks() {
    let kv = MemoryStore::new();
    let file = DocId::parse("file:a b.md");
    let site = DocId::parse("roadmaps/plan.md");
    kv.set(&doc_text_key(&file), "# A").expect("set");
    kv.set(&progress_key(&file), r#"{"version":1,"items":{"x":true}}"#)
        .expect("set");
    for d in [&file, &site] {
        remember_recent(&kv, RecentDoc::new(d, "T".into())).expect("remember");
    }
    let queries: Vec<String> = read_recent(&kv).into_iter().map(|d| d.query).collect();
    assert_eq!(queries, ["src=roadmaps/plan.md", "doc=file:a%20b.md"]);
    forget_recent(&kv, "doc=file:a%20b.md").expect("forget");
    assert_eq!(kv.get(&doc_text_key(&file)).expect("get"), None);
    assert!(kv.get(&progress_key(&file)).expect("get").is_some());
    assert_eq!(read_recent(&kv).len(), 1);
}

/// Issue 13, point 4: ticks that were not booleans were dropped and the key rewritten with
/// no backup and no message; `{"items":{…}}` without `version` showed 0 of 2 ticks.
#[test]
fn r13_4_nothing_is_dropped_silently() {
    let kv = MemoryStore::new();
    let raw = r#"{"version":1,"items":{"a":true,"b":"yes"},"labels":{"a":7}}"#;
    kv.set(&progress_key("d"), raw).expect("set");
    let l = load_progress(&kv, "d");
    assert_eq!(l.mode, SaveMode::Saved);
    assert_eq!(l.state.items.get("a"), Some(&true));
    let notice = l.notice.expect("announced");
    assert_eq!(notice.kind, NoticeKind::Unreadable);
    assert!(
        notice
            .message
            .starts_with("2 entries of the saved progress"),
        "{notice}"
    );
    assert!(notice.message.contains("kept aside"), "{notice}");
    save_changes(&kv, "d", &ticks(&[("c", true)])).expect("save");
    let backups = crate::backup::read_backups(&kv, "d");
    assert_eq!(backups.len(), 1, "kept once");
    assert_eq!(backups[0].value, raw, "the whole value, as it was");
    // No version, but the shape of version 1: read as such, not as the flat format.
    kv.set(&progress_key("e"), r#"{"items":{"a":true,"b":true}}"#)
        .expect("set");
    let l = load_progress(&kv, "e");
    assert_eq!((l.state.items.len(), l.notice), (2, None));
}

/// Issue 13, point 5: a stored value too big to back up locked the document without saying
/// that new ticks were not saved; now it says so, offers the value and a real clear.
#[test]
fn r13_5_a_value_too_big_to_back_up_is_said_offered_and_cleared() {
    let kv = MemoryStore::with_quota(200);
    let big = format!("{{not json {}", "x".repeat(120));
    kv.set(&progress_key("d"), &big).expect("set");
    let l = load_progress(&kv, "d");
    assert_eq!(l.mode, SaveMode::Locked);
    let notice = l.notice.expect("notice");
    assert_eq!(notice.kind, NoticeKind::Locked);
    assert!(notice.ticks_stay_in_tab());
    assert!(
        notice.message.contains("new ticks are not being saved"),
        "{notice}"
    );
    assert_eq!(stored_progress(&kv, "d").expect("get"), Some(big.clone()));
    // Writes never overwrite it while it cannot be kept aside.
    assert_eq!(
        replace_progress(&kv, "d", &ProgressState::new()),
        Err(StorageError::QuotaExceeded)
    );
    assert_eq!(stored_progress(&kv, "d").expect("get"), Some(big));
    clear_progress(&kv, "d").expect("clear");
    save_changes(&kv, "d", &ticks(&[("a", true)])).expect("saving again");
    assert_eq!(load_progress(&kv, "d").mode, SaveMode::Saved);
}

/// "Forget" on one paste deleted the text of every paste with the same title.
#[test]
fn r13_forgetting_one_paste_keeps_the_others() {
    let kv = MemoryStore::new();
    let texts = ["- [ ] Buy milk\n", "- [ ] Fix roof\n"];
    let ids: Vec<DocId> = texts.iter().map(|t| DocId::paste_for_text(t)).collect();
    for (id, text) in ids.iter().zip(texts) {
        kv.set(&doc_text_key(id), text).expect("set");
        remember_recent(&kv, RecentDoc::new(id, "Pasted roadmap".into())).expect("recent");
    }
    assert_eq!(read_recent(&kv).len(), 2);
    let first = RecentDoc::new(&ids[0], String::new()).query;
    forget_recent(&kv, &first).expect("forget");
    assert_eq!(kv.get(&doc_text_key(&ids[0])).expect("get"), None);
    assert_eq!(
        kv.get(&doc_text_key(&ids[1])).expect("get").as_deref(),
        Some(texts[1]),
        "the other paste is kept"
    );
}
