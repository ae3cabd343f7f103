//! Markdown → [`Roadmap`]: a tolerant reader for roadmap documents as teams write them.
//!
//! Parsing never fails: every input is some roadmap, problems become diagnostics with
//! 1-based lines. The pipeline is linear and iterative:
//!
//! 1. strip a BOM and repair mojibake (`encoding`);
//! 2. one pass over pulldown-cmark events (GFM task lists and tables on) collecting
//!    headings, items, timeline tables, claims and dependency phrases (`walk`);
//! 3. numbered step headings become items, stable ids are assigned (`ids`);
//! 4. phases are placed on the working-day axis (`phases`);
//! 5. dependency references are resolved and cycles reported ([`crate::deps`]).
//!
//! What is an item: GFM task items (`[ ]`, `[x]`, also `[~]`/`[-]` as in progress);
//! bullets or paragraph lines led by a status mark (✅ ❌ ⚠️ 🚧 ⏳ …); top-level list items
//! under a heading that states a status ("Completed", "Not Started"); a numbered list
//! that opens a section whose heading gives a priority or names a phase; numbered step
//! headings under status/priority headings; rows of tables with a Status column.
//! Nothing inside code blocks or HTML blocks is read. See `docs/syntax.md`.

mod encoding;
mod fxhash;
mod grammar;
mod ids;
mod lines;
mod phases;
mod walk;

// What the rest of the core uses of the reader. The engine's modules are private and these
// re-exports are the only doors into them, so that the dependency resolver, the timeline
// and the document view read text exactly as the parser does, and so that moving a rule
// inside the reader never breaks a caller.

// The dependency resolver (`deps`) matches references as the reader wrote them: stage keys
// ("phase 2"), plain leads ("Alpha: …"), an item's text up to its dependency phrase, and
// normalised text and its hashes; it keys its maps with the reader's fast hasher.
pub(crate) use fxhash::{FastMap, FastSet};
pub(crate) use grammar::{first_dependency_phrase, plain_lead, stage_key};
pub(crate) use ids::{hash_of_normalized, normalize, normalized_hash, normalized_hash_nonempty};
// The timeline reads a phase's written duration range ("1-2 weeks") with the same grammar.
pub(crate) use grammar::duration_at;
// The document view shows the text the model was read from (mojibake repaired), parsed
// with the same Markdown options, so that its lines and task boxes are the model's.
pub(crate) use encoding::repair as repair_encoding;
pub(crate) use walk::markdown_options;

use crate::deps::{self, Owner, Statement};
use crate::model::*;
use fxhash::FastMap as HashMap;
use ids::IdAllocator;
use lines::LineIndex;
use walk::RawItem;

/// Parse a roadmap document. Never fails, never panics.
pub fn parse(text: &str) -> Roadmap {
    parse_named(text, None)
}

/// "1. Title" / "2) Title" (one number, not "1.1") → "Title".
fn numbered_heading(title: &str) -> Option<&str> {
    let digits = title.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = title.get(digits..)?;
    let rest = rest.strip_prefix(['.', ')'])?;
    if !rest.starts_with(' ') {
        return None;
    }
    Some(rest.trim())
}

/// `**Title** …` → "Title".
fn leading_bold(s: &str) -> Option<String> {
    let r = s.strip_prefix("**")?;
    let end = r.find("**")?;
    let t = r.get(..end)?.trim().trim_end_matches(':').trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The part of an item's text its id is made of: up to its first dependency phrase.
fn id_text(it: &RawItem) -> &str {
    let cut = it
        .dep_cut
        .unwrap_or_else(|| grammar::first_dependency_phrase(&it.text));
    grammar::without_dependencies_at(&it.text, cut)
}

/// Parse a roadmap document, with a file name to fall back on for the title.
pub fn parse_named(input: &str, file_name: Option<&str>) -> Roadmap {
    let bom = if input.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let body = input.get(bom..).unwrap_or("");
    let repaired = encoding::repair(body);
    let text: &str = &repaired.text;
    let mut c = walk::walk(text);
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    if let Some(kind) = repaired.kind {
        diagnostics.push(Diagnostic {
            line: repaired.first_line.unwrap_or(1),
            message: format!(
                "repaired {} run(s) of UTF-8 text that had been decoded as {}",
                repaired.runs,
                kind.name()
            ),
        });
    }

    // Numbered step headings ("#### 1. Database Production Setup") become items when their
    // headings say what they are and no task list lives below them.
    let n_sec = c.sections.len();
    let mut has_task = vec![false; n_sec];
    for item in c.items.iter().filter(|i| i.checkbox) {
        let mut s = item.section;
        while let Some(k) = s {
            match has_task.get_mut(k) {
                Some(flag) if !*flag => *flag = true,
                _ => break,
            }
            s = c.sections.get(k).and_then(|x| x.parent);
        }
    }
    let mut heading_item: Vec<Option<usize>> = vec![None; n_sec];
    for k in 0..n_sec {
        let Some(s) = c.sections.get_mut(k) else {
            continue;
        };
        let Some(rest) = numbered_heading(&s.title) else {
            continue;
        };
        let estimate = grammar::find_estimate(&s.plain).or_else(|| s.body_estimate.clone());
        if s.is_phase
            || has_task.get(k).copied().unwrap_or(true)
            || !(s.status.is_some() || s.priority.is_some() || estimate.is_some())
        {
            continue;
        }
        let status = grammar::leading_status_mark(rest)
            .map(|x| x.0)
            .or(s.body_status)
            .or(s.status)
            .unwrap_or(Status::Todo);
        let text = grammar::leading_status_mark(rest)
            .map_or(rest, |x| x.1)
            .to_string();
        let markdown = numbered_heading(&s.raw_title)
            .unwrap_or(&s.raw_title)
            .to_string();
        let item = RawItem {
            kind: ItemKind::Heading,
            title: leading_bold(&markdown),
            markdown,
            line: s.line,
            section: s.parent,
            checkbox: false,
            status,
            priority: s.priority,
            estimate,
            parent: None,
            checkbox_pos: None,
            explicit_id: s.explicit_id.clone(),
            deps: std::mem::take(&mut s.deps),
            dep_cut: None,
            heading_section: Some(k),
            text,
        };
        if let Some(h) = heading_item.get_mut(k) {
            *h = Some(c.items.len());
        }
        c.items.push(item);
    }
    // Items under a step heading are its children.
    for i in 0..c.items.len() {
        let Some(item) = c.items.get(i) else { continue };
        if item.parent.is_some() || item.kind == ItemKind::Heading {
            continue;
        }
        let mut s = item.section;
        let mut found = None;
        while let Some(k) = s {
            if let Some(h) = heading_item.get(k).copied().flatten() {
                found = Some(h);
                break;
            }
            s = c.sections.get(k).and_then(|x| x.parent);
        }
        if let (Some(h), Some(item)) = (found, c.items.get_mut(i)) {
            item.parent = Some(h);
        }
    }
    // Document order (usually already so: then nothing moves).
    let in_order = c
        .items
        .windows(2)
        .all(|w| w.first().map(|a| a.line) <= w.get(1).map(|b| b.line));
    let raw_items: Vec<RawItem> = if in_order {
        c.items
    } else {
        let mut order: Vec<usize> = (0..c.items.len()).collect();
        order.sort_by_key(|&i| c.items.get(i).map_or(0, |x| x.line));
        let mut new_pos = vec![0usize; c.items.len()];
        for (k, &i) in order.iter().enumerate() {
            if let Some(p) = new_pos.get_mut(i) {
                *p = k;
            }
        }
        let mut slots: Vec<Option<RawItem>> = c.items.into_iter().map(Some).collect();
        let mut raw_items: Vec<RawItem> = Vec::with_capacity(slots.len());
        for &i in &order {
            if let Some(mut it) = slots.get_mut(i).and_then(Option::take) {
                it.parent = it.parent.and_then(|p| new_pos.get(p).copied());
                raw_items.push(it);
            }
        }
        for h in heading_item.iter_mut() {
            *h = h.and_then(|x| new_pos.get(x).copied());
        }
        raw_items
    };

    // Ids.
    let mut alloc = IdAllocator::default();
    let mut section_ids: Vec<String> = Vec::with_capacity(n_sec);
    // hash state of each section's path, shared by everything under it
    let root_hash = ids::path_hash("");
    let path_hashes: Vec<u64> = c
        .sections
        .iter()
        .map(|s| ids::path_hash(&s.path_key))
        .collect();
    for s in &c.sections {
        let parent_path = s
            .parent
            .and_then(|p| path_hashes.get(p).copied())
            .unwrap_or(root_hash);
        let id = match &s.explicit_id {
            Some(e) if alloc.reserve(e) => e.clone(),
            Some(e) => {
                diagnostics.push(Diagnostic {
                    line: s.line,
                    message: format!("id {{#{e}}} is used twice; this heading got another id"),
                });
                alloc.unique(ids::section_base_hashed(parent_path, &s.title))
            }
            None => alloc.unique(ids::section_base_hashed(parent_path, &s.title)),
        };
        section_ids.push(id);
    }
    let mut item_ids: Vec<String> = Vec::with_capacity(raw_items.len());
    for it in &raw_items {
        let path = it
            .section
            .and_then(|s| path_hashes.get(s).copied())
            .unwrap_or(root_hash);
        let id = match &it.explicit_id {
            Some(e) if alloc.reserve(e) => e.clone(),
            Some(e) => {
                diagnostics.push(Diagnostic {
                    line: it.line,
                    message: format!("id {{#{e}}} is used twice; this item got another id"),
                });
                alloc.unique(ids::item_base_hashed(path, id_text(it)))
            }
            None => alloc.unique(ids::item_base_hashed(path, id_text(it))),
        };
        item_ids.push(id);
    }

    // Phases.
    let built = phases::build(&c.sections, &section_ids, &c.table_phases, &c.list_phases);
    let mut phase_list = built.phases;
    let phase_index: HashMap<String, usize> = phase_list
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), i))
        .collect();

    // Checkbox offsets in the original input (line tables only when the text was repaired).
    let walk_lines = c.lines.take();
    let line_maps = repaired.kind.map(|_| {
        (
            walk_lines.unwrap_or_else(|| LineIndex::new(text)),
            LineIndex::new(body),
        )
    });
    let map_offset = |pos: usize| -> Option<usize> {
        let orig = match &line_maps {
            None => pos,
            Some((lines_rep, lines_orig)) => {
                let line = lines_rep.line_of(pos);
                let col = pos.checked_sub(lines_rep.start(line)?)?;
                lines_orig.start(line)? + col
            }
        };
        let b = body.as_bytes();
        let ok = b.get(orig.checked_sub(1)?) == Some(&b'[')
            && matches!(b.get(orig), Some(b' ' | b'x' | b'X'))
            && b.get(orig + 1) == Some(&b']');
        ok.then_some(orig + bom)
    };

    let mut items: Vec<Item> = Vec::with_capacity(raw_items.len());
    let mut statements: Vec<Statement> = Vec::new();
    let raw_parents: Vec<Option<usize>> = raw_items.iter().map(|it| it.parent).collect();
    for (k, it) in raw_items.into_iter().enumerate() {
        // moved out: later items find their parent's id in `items` (parents come first)
        // or, should one not, still in `item_ids`
        let id = item_ids.get_mut(k).map(std::mem::take).unwrap_or_default();
        let phase_idx = it
            .heading_section
            .or(it.section)
            .and_then(|s| built.section_in_phase.get(s).copied().flatten());
        let checkbox_offset = it.checkbox_pos.and_then(&map_offset);
        if it.checkbox && checkbox_offset.is_none() {
            diagnostics.push(Diagnostic {
                line: it.line,
                message:
                    "task box could not be located in the original text; export leaves it unchanged"
                        .into(),
            });
        }
        for (refs, line) in &it.deps {
            grammar::for_each_ref(refs, |r| {
                statements.push(Statement {
                    from: Owner::Item(k),
                    reference: r.to_string(),
                    line: *line,
                });
            });
        }
        if let Some(p) = phase_idx {
            let mut cur = Some(p);
            let mut guard = 0;
            while let Some(pi) = cur {
                guard += 1;
                if guard > 64 {
                    break;
                }
                let Some(ph) = phase_list.get_mut(pi) else {
                    break;
                };
                ph.items.push(id.clone());
                cur = ph
                    .parent
                    .as_ref()
                    .and_then(|pid| phase_index.get(pid).copied());
            }
        }
        items.push(Item {
            id,
            text: it.text,
            title: it.title,
            markdown: it.markdown,
            line: it.line,
            section: it.section.and_then(|s| section_ids.get(s).cloned()),
            checkbox: it.checkbox,
            status: it.status,
            priority: it.priority,
            estimate_days: it.estimate.as_ref().map(|e| e.0),
            estimate_text: it.estimate.map(|e| e.1),
            depends_on: Vec::new(),
            parent: it.parent.and_then(|p| {
                if p < k {
                    items.get(p).map(|x| x.id.clone())
                } else {
                    item_ids.get(p).cloned()
                }
            }),
            checkbox_offset,
            kind: it.kind,
            children: Vec::new(),
            phase: phase_idx
                .and_then(|p| phase_list.get(p))
                .map(|p| p.id.clone()),
        });
    }
    // children, by the raw parent indices (items and raw_items share their order)
    for (k, parent) in raw_parents.into_iter().enumerate() {
        let (Some(p), Some(cid)) = (parent, items.get(k).map(|x| x.id.clone())) else {
            continue;
        };
        if let Some(parent) = items.get_mut(p) {
            parent.children.push(cid);
        }
    }

    // Section-level dependency phrases belong to the step heading, phase or section.
    let mut sections: Vec<Section> = Vec::with_capacity(n_sec);
    for (k, s) in c.sections.iter().enumerate() {
        let id = section_ids.get(k).cloned().unwrap_or_default();
        let phase_idx = built
            .section_phase
            .get(k)
            .copied()
            .flatten()
            .filter(|&p| p < phase_list.len());
        let phase = phase_idx
            .and_then(|p| phase_list.get(p))
            .map(|p| p.id.clone());
        let owner = phase_idx.map_or(Owner::Section(k), Owner::Phase);
        for (refs, line) in &s.deps {
            grammar::for_each_ref(refs, |r| {
                statements.push(Statement {
                    from: owner,
                    reference: r.to_string(),
                    line: *line,
                });
            });
        }
        sections.push(Section {
            id,
            title: s.title.clone(),
            raw_title: s.raw_title.clone(),
            level: s.level,
            line: s.line,
            parent: s.parent.and_then(|p| section_ids.get(p).cloned()),
            status: s.own_status,
            priority: s.own_priority,
            phase,
        });
    }
    // "Phase 1 → Phase 2": the later stage depends on the earlier one.
    let mut phase_by_key: HashMap<&str, usize> = HashMap::default();
    for (i, p) in phase_list.iter().enumerate() {
        if let Some(k) = p.key.as_deref() {
            phase_by_key.entry(k).or_insert(i);
        }
    }
    for (before, after, line) in &c.arrows {
        if let Some(&dependent) = phase_by_key.get(after.as_str()) {
            statements.push(Statement {
                from: Owner::Phase(dependent),
                reference: before.clone(),
                line: *line,
            });
        }
    }
    for (refs, line) in &c.loose_deps {
        diagnostics.push(Diagnostic {
            line: *line,
            message: format!("dependency phrase before the first heading has no owner: {refs}"),
        });
    }
    for (line, message) in c.diagnostics {
        diagnostics.push(Diagnostic { line, message });
    }

    let mut claimed_progress: Vec<ClaimedProgress> = Vec::new();
    for (percent, line) in c.claims {
        if !claimed_progress
            .iter()
            .any(|x| x.line == line && x.percent == percent)
        {
            claimed_progress.push(ClaimedProgress { percent, line });
        }
    }
    claimed_progress.sort_by_key(|x| x.line);

    let title = c
        .sections
        .iter()
        .find(|s| s.level == 1)
        .map(|s| s.plain.clone())
        .filter(|t| !t.is_empty())
        .or_else(|| file_name.map(str::to_string))
        .or_else(|| c.sections.first().map(|s| s.plain.clone()))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "Untitled roadmap".to_string());
    let done = items.iter().filter(|i| i.status == Status::Done).count();
    let total = items.len();
    let _ = phase_index;
    let mut map = Roadmap {
        schema: SCHEMA_VERSION,
        title,
        encoding_repair: repaired.kind,
        sections,
        items,
        phases: phase_list,
        dependencies: Vec::new(),
        unresolved: Vec::new(),
        claimed_progress,
        progress: Progress { done, total },
        cycles: Vec::new(),
        diagnostics,
    };
    deps::resolve(&mut map, statements);
    map.diagnostics.sort_by_key(|d| d.line);
    map
}
