//! What a written reference names: an id, a phase by number, an item, phase or section by its
//! title, or a heading or item by its number ("Task 1.1", "Step 3") — one thing, several
//! (ambiguous), or nothing (an external prerequisite).

use crate::model::{ItemKind, Roadmap};
use crate::parse::{hash_of_normalized, normalize, normalized_hash, normalized_hash_nonempty};
use crate::parse::{is_plan_word, numbered_key, numbered_reference, title_number};
use crate::parse::{plain_lead, stage_key};
use crate::parse::{FastMap as HashMap, FastSet as HashSet};
use std::cell::OnceCell;

/// Most candidates kept for one name: an ambiguous reference lists these.
pub(super) const MAX_CANDIDATES: usize = 12;

/// The things one name answers to, in the order they were met (the first
/// [`MAX_CANDIDATES`]); one allocation only when a name is shared.
#[derive(Debug, Clone)]
enum Cands<'m> {
    One(&'m str),
    Many(Vec<&'m str>),
}

impl<'m> Cands<'m> {
    fn add(&mut self, id: &'m str) {
        match self {
            Cands::One(a) if *a == id => {}
            Cands::One(a) => *self = Cands::Many(vec![*a, id]),
            Cands::Many(v) => {
                if v.len() < MAX_CANDIDATES && !v.contains(&id) {
                    v.push(id);
                }
            }
        }
    }

    fn ids(&self) -> &[&'m str] {
        match self {
            Cands::One(a) => std::slice::from_ref(a),
            Cands::Many(v) => v,
        }
    }
}

/// How a reference was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Found {
    /// The ids given name what the reference names (one thing, or each thing of a range).
    Targets,
    /// The ids given are the candidates of a reference that names two or more things.
    Ambiguous,
    /// Nothing in the document: an external prerequisite.
    External,
    /// Nothing, though the reference is written as something inside the document: an id
    /// (`{#db}`, `#db`) or a numbered name whose word the document numbers things with
    /// ("Task 1.4" where there are Tasks 1.1–1.3).
    Broken,
}

/// Names with the things they answer to, by precedence: the titles of items, then the
/// plain leads of items, then the titles of phases, then those of sections.
const TIER_ITEM: u8 = 0;
const TIER_LEAD: u8 = 1;
const TIER_PHASE: u8 = 2;
const TIER_SECTION: u8 = 3;

/// Numbered headings and items, built when a reference first needs them.
struct Numbers<'m> {
    /// "task 1.1" → the things titled "Task 1.1: …".
    keyed: HashMap<String, Cands<'m>>,
    /// The words the document numbers things with ("task", "phase").
    words: HashSet<String>,
    /// "1.1" → things numbered "1.1 …" / "3. …", each with the section it is in (for a
    /// heading: its parent) to find the word of its context ("Deployment steps").
    bare: HashMap<String, Vec<(&'m str, Option<usize>)>>,
    /// Per section, the index of its parent.
    parent: Vec<Option<usize>>,
}

/// Everything a reference can be matched against, for one roadmap.
pub(super) struct Lookup<'m> {
    map: &'m Roadmap,
    /// Every id, built on first use (only references without whitespace can be ids).
    ids: OnceCell<HashSet<&'m str>>,
    /// Stage key ("phase 2") → phases.
    keys: HashMap<&'m str, Cands<'m>>,
    /// The words of the stage keys ("phase", "sprint").
    stage_words: HashSet<&'m str>,
    /// Hash of a normalised title → (tier, things).
    titles: HashMap<u64, (u8, Cands<'m>)>,
    /// Per section: what a reference to its heading names (the heading's item, else its
    /// phase, else the section).
    section_target: Vec<&'m str>,
    numbers: OnceCell<Numbers<'m>>,
    /// Id → line, built for the first ambiguous reference.
    lines: OnceCell<HashMap<&'m str, usize>>,
    /// Numbered references already resolved by their number (key → what was found), so
    /// that many "Step 3" references cost one search.
    by_number: std::cell::RefCell<HashMap<String, (Found, Vec<&'m str>)>>,
}

impl<'m> Lookup<'m> {
    pub(super) fn new(map: &'m Roadmap) -> Self {
        let mut keys: HashMap<&str, Cands> = HashMap::default();
        // up to four names per item (title, text, text without remarks, plain lead)
        let mut titles: HashMap<u64, (u8, Cands)> = HashMap::with_capacity_and_hasher(
            3 * map.items.len() + 2 * map.phases.len() + map.sections.len(),
            Default::default(),
        );
        let mut add = |h: u64, tier: u8, id: &'m str| {
            titles
                .entry(h)
                .and_modify(|(t, c)| {
                    if *t == tier {
                        c.add(id);
                    }
                })
                .or_insert((tier, Cands::One(id)));
        };
        let mut buf = String::new();
        for item in &map.items {
            let id = item.id.as_str();
            if let Some(t) = &item.title {
                add(normalized_hash(t), TIER_ITEM, id);
            }
            add(normalized_hash(&item.text), TIER_ITEM, id);
            // "Write API (depends on: …)" is also "Write API"
            if item.text.bytes().any(|c| matches!(c, b'(' | b'[' | b':')) {
                if let Some(short) = without_remarks_hash(&item.text, &mut buf) {
                    add(short, TIER_ITEM, id);
                }
            }
        }
        // "Alpha: design the schema" is also "Alpha", as a bold "**Alpha**:" lead would be;
        // after every item's own title and text, so it never takes another item's match
        for item in map.items.iter().filter(|i| i.title.is_none()) {
            if let Some(h) = plain_lead(&item.text).and_then(normalized_hash_nonempty) {
                add(h, TIER_LEAD, item.id.as_str());
            }
        }
        for phase in &map.phases {
            let id = phase.id.as_str();
            if let Some(k) = &phase.key {
                keys.entry(k.as_str())
                    .and_modify(|c| c.add(id))
                    .or_insert(Cands::One(id));
            }
            let norm = normalize(&phase.title);
            // "Phase 2: Database Setup" is also "Database Setup"
            if let Some(k) = &phase.key {
                if let Some(rest) = norm.strip_prefix(k.as_str()) {
                    let short = rest.trim();
                    if !short.is_empty() {
                        add(hash_of_normalized(short), TIER_PHASE, id);
                    }
                }
            }
            add(hash_of_normalized(&norm), TIER_PHASE, id);
        }
        let section_target = section_targets(map);
        for (s, target) in map.sections.iter().zip(&section_target) {
            add(normalized_hash(&s.title), TIER_SECTION, target);
        }
        let stage_words = keys.keys().filter_map(|k| k.split(' ').next()).collect();
        Lookup {
            map,
            ids: OnceCell::new(),
            keys,
            stage_words,
            titles,
            section_target,
            numbers: OnceCell::new(),
            lines: OnceCell::new(),
            by_number: Default::default(),
        }
    }

    /// The id `s`, if some item, phase or section has it.
    fn id(&self, s: &str) -> Option<&'m str> {
        // ids never contain whitespace
        if s.bytes()
            .any(|c| c.is_ascii_whitespace() || c == 0x0b || c >= 0x80)
            && s.contains(char::is_whitespace)
        {
            return None;
        }
        let map = self.map;
        self.ids
            .get_or_init(|| {
                let mut ids: HashSet<&str> = HashSet::default();
                ids.extend(map.items.iter().map(|x| x.id.as_str()));
                ids.extend(map.phases.iter().map(|x| x.id.as_str()));
                ids.extend(map.sections.iter().map(|x| x.id.as_str()));
                ids
            })
            .get(s)
            .copied()
    }

    /// The line of the item, phase or section `id`, for messages.
    pub(super) fn line_of(&self, id: &str) -> Option<usize> {
        let map = self.map;
        self.lines
            .get_or_init(|| {
                let mut lines: HashMap<&str, usize> = HashMap::default();
                for (id, line) in (map.sections.iter().map(|x| (x.id.as_str(), x.line)))
                    .chain(map.phases.iter().map(|x| (x.id.as_str(), x.line)))
                    .chain(map.items.iter().map(|x| (x.id.as_str(), x.line)))
                {
                    lines.insert(id, line);
                }
                lines
            })
            .get(id)
            .copied()
    }

    /// Whether `reference` names something in the document (one thing or several).
    pub(super) fn knows(&self, reference: &str) -> bool {
        let mut out = Vec::new();
        matches!(
            self.resolve(reference, &mut out),
            Found::Targets | Found::Ambiguous
        )
    }

    /// What a reference names, into `out` (cleared first): the targets ("Phases 1-3" names
    /// three), or the candidates when it is ambiguous; empty when nothing matches.
    pub(super) fn resolve(&self, reference: &str, out: &mut Vec<&'m str>) -> Found {
        out.clear();
        let r = reference.trim();
        let bare = r
            .strip_prefix("{#")
            .and_then(|x| x.strip_suffix('}'))
            .or_else(|| r.strip_prefix('#'))
            .map(str::trim);
        if let Some(id) = bare {
            out.extend(self.id(id));
            return if out.is_empty() {
                Found::Broken
            } else {
                Found::Targets
            };
        }
        if let Some(id) = self.id(r) {
            out.push(id);
            return Found::Targets;
        }
        if let Some(range) = phase_range(r) {
            out.extend(range.iter().filter_map(|k| {
                self.keys
                    .get(k.as_str())
                    .and_then(|c| c.ids().first().copied())
            }));
            if !out.is_empty() {
                return Found::Targets;
            }
        }
        let stage = stage_key(r);
        if let Some(c) = stage.as_deref().and_then(|k| self.keys.get(k)) {
            return found(c.ids(), out);
        }
        if let Some((_, c)) = self.titles.get(&normalized_hash(r)) {
            return found(c.ids(), out);
        }
        let Some(n) = numbered_reference(r) else {
            return Found::External;
        };
        let key = numbered_key(&n);
        if let Some((f, ids)) = self.by_number.borrow().get(&key) {
            out.extend_from_slice(ids);
            return *f;
        }
        let f = self.by_number_uncached(&key, stage.as_deref(), out);
        self.by_number.borrow_mut().insert(key, (f, out.clone()));
        f
    }

    /// [`Lookup::resolve`] of a numbered reference whose `key` ("task 1.1", "1.2") names no
    /// phase and no title: a heading or item numbered so.
    fn by_number_uncached(&self, key: &str, stage: Option<&str>, out: &mut Vec<&'m str>) -> Found {
        let numbers = self.numbers.get_or_init(|| self.numbers());
        if let Some(c) = numbers.keyed.get(key) {
            return found(c.ids(), out);
        }
        let word = key.rsplit_once(' ').map(|(w, _)| w);
        // "Step 3" is also a heading numbered "3." under "Deployment steps"; a number alone
        // ("1.2") is any heading or item numbered so
        if word.is_none_or(is_plan_word) {
            let number = key.rsplit(' ').next().unwrap_or("");
            if let Some(cands) = numbers.bare.get(number) {
                let in_context: Vec<&str> = match word {
                    Some(w) => cands
                        .iter()
                        .filter(|(_, s)| self.under_word(numbers, *s, w))
                        .map(|(id, _)| *id)
                        .take(MAX_CANDIDATES)
                        .collect(),
                    None => Vec::new(),
                };
                if !in_context.is_empty() {
                    return found(&in_context, out);
                }
                let all: Vec<&str> = cands
                    .iter()
                    .map(|(id, _)| *id)
                    .take(MAX_CANDIDATES)
                    .collect();
                return found(&all, out);
            }
        }
        let used = word.is_some_and(|w| numbers.words.contains(w))
            || stage.is_some_and(|k| {
                k.split(' ')
                    .next()
                    .is_some_and(|w| self.stage_words.contains(w))
            });
        if used {
            Found::Broken
        } else {
            Found::External
        }
    }

    /// Whether section `s` or one above it has the word `word` (singular, lowercase) in its
    /// title ("Deployment Steps" for "step").
    fn under_word(&self, numbers: &Numbers<'_>, mut s: Option<usize>, word: &str) -> bool {
        let sections = &self.map.sections;
        // parents come before their children: the walk ends
        for _ in 0..sections.len().min(64) {
            let Some(sec) = s.and_then(|i| sections.get(i)) else {
                return false;
            };
            let norm = normalize(&sec.title);
            if norm
                .split(' ')
                .any(|w| crate::parse::singular(w).eq_ignore_ascii_case(word))
            {
                return true;
            }
            s = s.and_then(|i| numbers.parent.get(i).copied().flatten());
        }
        false
    }

    /// The numbered headings and items of the document.
    fn numbers(&self) -> Numbers<'m> {
        let map = self.map;
        let mut keyed: HashMap<String, Cands> = HashMap::default();
        let mut words: HashSet<String> = HashSet::default();
        let mut bare: HashMap<String, Vec<(&str, Option<usize>)>> = HashMap::default();
        let section_index: HashMap<&str, usize> = map
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let parent: Vec<Option<usize>> = map
            .sections
            .iter()
            .map(|s| {
                s.parent
                    .as_deref()
                    .and_then(|p| section_index.get(p).copied())
            })
            .collect();
        let mut add = |title: &str, id: &'m str, context: Option<usize>| {
            let Some(n) = title_number(title) else {
                return;
            };
            let key = numbered_key(&n);
            if n.kind.is_some() {
                if let Some((w, _)) = key.rsplit_once(' ') {
                    words.insert(w.to_string());
                }
                keyed
                    .entry(key)
                    .and_modify(|c| c.add(id))
                    .or_insert(Cands::One(id));
            } else {
                let list = bare.entry(key).or_default();
                if list.last().is_none_or(|(x, _)| *x != id) {
                    list.push((id, context));
                }
            }
        };
        for ((s, target), up) in map.sections.iter().zip(&self.section_target).zip(&parent) {
            add(&s.title, target, *up);
        }
        for item in map.items.iter().filter(|i| i.kind != ItemKind::Heading) {
            let section = item
                .section
                .as_deref()
                .and_then(|p| section_index.get(p).copied());
            add(
                item.title.as_deref().unwrap_or(&item.text),
                item.id.as_str(),
                section,
            );
        }
        for p in map.phases.iter().filter(|p| p.section.is_none()) {
            add(&p.title, p.id.as_str(), None);
        }
        Numbers {
            keyed,
            words,
            bare,
            parent,
        }
    }
}

/// `ids` into `out`: one target, or the candidates of an ambiguous reference.
fn found<'m>(ids: &[&'m str], out: &mut Vec<&'m str>) -> Found {
    out.extend_from_slice(ids);
    match ids.len() {
        0 => Found::External,
        1 => Found::Targets,
        _ => Found::Ambiguous,
    }
}

/// Per section, what its heading names: the item the heading is (an item on the heading's
/// line), else the phase it names, else the section itself.
fn section_targets(map: &Roadmap) -> Vec<&str> {
    let heading_items: HashMap<usize, &str> = map
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Heading)
        .map(|i| (i.line, i.id.as_str()))
        .collect();
    map.sections
        .iter()
        .map(|s| {
            heading_items
                .get(&s.line)
                .copied()
                .or(s.phase.as_deref())
                .unwrap_or(s.id.as_str())
        })
        .collect()
}

/// Hash of the normalised text without parenthesised remarks and from a dependency phrase
/// on; `None` when that is empty. `buf` is scratch space reused across calls.
fn without_remarks_hash(text: &str, buf: &mut String) -> Option<u64> {
    buf.clear();
    // the brackets are ASCII, so whole runs between them are copied as slices
    let mut depth = 0usize;
    let mut run = 0;
    for (i, c) in text.bytes().enumerate() {
        if matches!(c, b'(' | b'[' | b')' | b']') {
            if depth == 0 {
                buf.push_str(text.get(run..i).unwrap_or(""));
            }
            if matches!(c, b'(' | b'[') {
                depth += 1;
            } else {
                depth = depth.saturating_sub(1);
            }
            run = i + 1;
        }
    }
    if depth == 0 {
        buf.push_str(text.get(run..).unwrap_or(""));
    }
    let cut = crate::parse::first_dependency_phrase(buf).unwrap_or(buf.len());
    normalized_hash_nonempty(buf.get(..cut).unwrap_or(buf))
}

/// "Phases 1-3" / "Phase 1–3" → ["phase 1", "phase 2", "phase 3"].
fn phase_range(r: &str) -> Option<Vec<String>> {
    // the first word must be "phase(s)": checked before normalising
    let first = r.trim_start_matches(|c: char| !c.is_alphanumeric());
    if !first
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("phase"))
    {
        return None;
    }
    let norm = normalize(r);
    let mut words = norm.split(' ');
    let kw = words.next()?;
    if kw != "phase" && kw != "phases" {
        return None;
    }
    let a: u32 = words.next()?.parse().ok()?;
    let b: u32 = words.next()?.parse().ok()?;
    if words.next().is_some() || b < a || b - a > 50 {
        return None;
    }
    Some((a..=b).map(|n| format!("phase {n}")).collect())
}
