//! The dependency graph: resolving written references to ids, implicit phase order, and the
//! cycles and upstream/downstream sets of the edges (walked by [`crate::graph`]).
//!
//! Everything here is linear in the size of the graph and iterative (no recursion).

use crate::graph::Graph;
use crate::model::{Dependency, DependencyCycle, DependencyKind, Diagnostic, Roadmap, Unresolved};
use crate::parse::{hash_of_normalized, normalize, normalized_hash, normalized_hash_nonempty};
use crate::parse::{plain_lead, stage_key};
use crate::parse::{FastMap as HashMap, FastSet as HashSet};

/// Who a dependency phrase belongs to: an index into the roadmap's items, phases or
/// sections.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Owner {
    /// `Roadmap::items[i]`.
    Item(usize),
    /// `Roadmap::phases[i]`.
    Phase(usize),
    /// `Roadmap::sections[i]`.
    Section(usize),
}

impl Owner {
    fn id(self, map: &Roadmap) -> &str {
        match self {
            Owner::Item(i) => map.items.get(i).map(|x| x.id.as_str()),
            Owner::Phase(i) => map.phases.get(i).map(|x| x.id.as_str()),
            Owner::Section(i) => map.sections.get(i).map(|x| x.id.as_str()),
        }
        .unwrap_or("")
    }
}

/// A dependency phrase found in the document, before resolution.
#[derive(Debug, Clone)]
pub(crate) struct Statement {
    /// The dependent item, phase or section.
    pub(crate) from: Owner,
    /// One reference as written ("Phase 1", "{#db}", "Database Setup").
    pub(crate) reference: String,
    /// 1-based line of the phrase.
    pub(crate) line: usize,
}

struct Lookup<'m> {
    map: &'m Roadmap,
    /// Every id, built on first use (only references without whitespace can be ids).
    ids: std::cell::OnceCell<HashSet<&'m str>>,
    keys: HashMap<&'m str, &'m str>,
    /// Hash of the normalised title → id.
    titles: HashMap<u64, &'m str>,
}

impl<'m> Lookup<'m> {
    fn new(map: &'m Roadmap) -> Self {
        let mut keys: HashMap<&str, &str> = HashMap::default();
        // up to four names per item (title, text, text without remarks, plain lead)
        let mut titles: HashMap<u64, &str> = HashMap::with_capacity_and_hasher(
            3 * map.items.len() + 2 * map.phases.len() + map.sections.len(),
            Default::default(),
        );
        let mut buf = String::new();
        for item in &map.items {
            if let Some(t) = &item.title {
                titles.entry(normalized_hash(t)).or_insert(item.id.as_str());
            }
            titles
                .entry(normalized_hash(&item.text))
                .or_insert(item.id.as_str());
            // "Write API (depends on: …)" is also "Write API"
            if item.text.bytes().any(|c| matches!(c, b'(' | b'[' | b':')) {
                if let Some(short) = without_remarks_hash(&item.text, &mut buf) {
                    titles.entry(short).or_insert(item.id.as_str());
                }
            }
        }
        // "Alpha: design the schema" is also "Alpha", as a bold "**Alpha**:" lead would be;
        // after every item's own title and text, so it never takes another item's match
        for item in map.items.iter().filter(|i| i.title.is_none()) {
            if let Some(h) = plain_lead(&item.text).and_then(normalized_hash_nonempty) {
                titles.entry(h).or_insert(item.id.as_str());
            }
        }
        for phase in &map.phases {
            if let Some(k) = &phase.key {
                keys.entry(k.as_str()).or_insert(phase.id.as_str());
            }
            let norm = normalize(&phase.title);
            // "Phase 2: Database Setup" is also "Database Setup"
            if let Some(k) = &phase.key {
                if let Some(rest) = norm.strip_prefix(k.as_str()) {
                    let short = rest.trim();
                    if !short.is_empty() {
                        titles
                            .entry(hash_of_normalized(short))
                            .or_insert(phase.id.as_str());
                    }
                }
            }
            titles
                .entry(hash_of_normalized(&norm))
                .or_insert(phase.id.as_str());
        }
        for s in &map.sections {
            titles
                .entry(normalized_hash(&s.title))
                .or_insert(s.id.as_str());
        }
        Lookup {
            map,
            ids: std::cell::OnceCell::new(),
            keys,
            titles,
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

    /// The ids a reference names (several for "Phases 1-3"), into `out` (cleared first);
    /// empty when nothing matches.
    fn resolve(&self, reference: &str, out: &mut Vec<&'m str>) {
        out.clear();
        let r = reference.trim();
        let bare = r
            .strip_prefix("{#")
            .and_then(|x| x.strip_suffix('}'))
            .or_else(|| r.strip_prefix('#'))
            .map(str::trim);
        if let Some(id) = bare {
            out.extend(self.id(id));
            return;
        }
        if let Some(id) = self.id(r) {
            out.push(id);
            return;
        }
        if let Some(range) = phase_range(r) {
            out.extend(
                range
                    .iter()
                    .filter_map(|k| self.keys.get(k.as_str()).copied()),
            );
            if !out.is_empty() {
                return;
            }
        }
        if let Some(k) = stage_key(r) {
            if let Some(id) = self.keys.get(k.as_str()) {
                out.push(id);
                return;
            }
        }
        out.extend(self.titles.get(&normalized_hash(r)).copied());
    }
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

/// Resolves `statements` into edges on `map` (dependencies, `depends_on`, unresolved
/// references, diagnostics), adds phase-order edges, and reports cycles.
pub(crate) fn resolve(map: &mut Roadmap, statements: Vec<Statement>) {
    let mut edges: Vec<Dependency> = Vec::new();
    let mut unresolved: Vec<Unresolved> = Vec::new();
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    if !statements.is_empty() {
        let lookup = Lookup::new(map);
        let mut seen: HashSet<(&str, &str)> =
            HashSet::with_capacity_and_hasher(statements.len(), Default::default());
        edges.reserve(statements.len());
        let mut targets: Vec<&str> = Vec::new();
        for st in statements {
            let from = st.from.id(map);
            lookup.resolve(&st.reference, &mut targets);
            if targets.is_empty() {
                diagnostics.push(Diagnostic {
                    line: st.line,
                    message: format!(
                        "dependency \"{}\" matches no item, phase or section",
                        st.reference
                    ),
                });
                unresolved.push(Unresolved {
                    text: st.reference,
                    line: st.line,
                    from: Some(from.to_string()),
                });
                continue;
            }
            let mut text = Some(st.reference);
            let last = targets.len() - 1;
            for (n, &to) in targets.iter().enumerate() {
                if to == from {
                    diagnostics.push(Diagnostic {
                        line: st.line,
                        message: format!(
                            "\"{}\" depends on itself; ignored",
                            text.as_deref().unwrap_or("")
                        ),
                    });
                    continue;
                }
                if !seen.insert((from, to)) {
                    continue;
                }
                // the reference moves into the last edge made of it
                let text = if n == last {
                    text.take().unwrap_or_default()
                } else {
                    text.clone().unwrap_or_default()
                };
                edges.push(Dependency {
                    from: from.to_string(),
                    to: to.to_string(),
                    kind: DependencyKind::Explicit,
                    line: st.line,
                    text,
                });
            }
        }
    }
    map.dependencies.extend(edges);
    map.unresolved.extend(unresolved);
    map.diagnostics.extend(diagnostics);
    // Phase order within each track, where nothing written contradicts it (the rule lives
    // with the schedule: `schedule::implicit_order`).
    let order_edges = {
        let explicit_from: HashSet<&str> =
            map.dependencies.iter().map(|d| d.from.as_str()).collect();
        crate::schedule::implicit_order(&map.phases, |id| explicit_from.contains(id))
    };
    map.dependencies.extend(order_edges);
    // depends_on lists: plan with borrowed ids, then apply.
    enum Owner {
        Item(usize),
        Phase(usize),
    }
    let plan: Vec<(Owner, usize)> = {
        let item_index: HashMap<&str, usize> = map
            .items
            .iter()
            .enumerate()
            .map(|(i, it)| (it.id.as_str(), i))
            .collect();
        let phase_index: HashMap<&str, usize> = map
            .phases
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        map.dependencies
            .iter()
            .enumerate()
            .filter_map(|(k, d)| {
                if let Some(&i) = item_index.get(d.from.as_str()) {
                    Some((Owner::Item(i), k))
                } else {
                    phase_index
                        .get(d.from.as_str())
                        .map(|&i| (Owner::Phase(i), k))
                }
            })
            .collect()
    };
    for (owner, k) in plan {
        let Some(to) = map.dependencies.get(k).map(|d| d.to.clone()) else {
            continue;
        };
        let list = match owner {
            Owner::Item(i) => map.items.get_mut(i).map(|x| &mut x.depends_on),
            Owner::Phase(i) => map.phases.get_mut(i).map(|x| &mut x.depends_on),
        };
        // edges are already unique per (from, to)
        if let Some(list) = list {
            list.push(to);
        }
    }
    for cycle in find_cycles(&map.dependencies) {
        map.diagnostics.push(Diagnostic {
            line: cycle.line,
            message: format!("dependency cycle: {}", {
                let mut s = cycle.ids.join(" → ");
                if let Some(first) = cycle.ids.first() {
                    s.push_str(" → ");
                    s.push_str(first);
                }
                s
            }),
        });
        map.cycles.push(cycle);
    }
}

/// The ids named by some edges, numbered in order of first appearance (each edge's `from`, then
/// its `to`), and those edges as a [`Graph`].
struct Numbered<'m> {
    /// Id → node.
    node: HashMap<&'m str, usize>,
    /// Node → id.
    ids: Vec<&'m str>,
    /// The edges `from → to`, as nodes, in the order given.
    pairs: Vec<(usize, usize)>,
}

impl<'m> Numbered<'m> {
    fn new(edges: &'m [Dependency]) -> Self {
        let mut node: HashMap<&str, usize> = HashMap::default();
        let mut ids: Vec<&str> = Vec::new();
        let mut number = |s: &'m str| {
            *node.entry(s).or_insert_with(|| {
                ids.push(s);
                ids.len() - 1
            })
        };
        let pairs = edges
            .iter()
            .map(|d| (number(d.from.as_str()), number(d.to.as_str())))
            .collect();
        Numbered { node, ids, pairs }
    }

    /// The ids of `nodes`.
    fn named(&self, nodes: &[usize]) -> Vec<String> {
        nodes
            .iter()
            .filter_map(|&v| self.ids.get(v).map(|s| s.to_string()))
            .collect()
    }
}

/// The dependency cycles among `edges` (strongly connected components of more than one id),
/// each with the first line of an edge inside it.
pub fn find_cycles(edges: &[Dependency]) -> Vec<DependencyCycle> {
    let numbered = Numbered::new(edges);
    let n = numbered.ids.len();
    let cycles = Graph::new(n, &numbered.pairs).cycles();
    // The first line of an edge inside each cycle: one pass over the edges.
    let mut cycle_of: Vec<Option<usize>> = vec![None; n];
    for (c, cycle) in cycles.iter().enumerate() {
        for &v in cycle {
            if let Some(slot) = cycle_of.get_mut(v) {
                *slot = Some(c);
            }
        }
    }
    let mut line: Vec<Option<usize>> = vec![None; cycles.len()];
    for (&(a, b), d) in numbered.pairs.iter().zip(edges) {
        let inside = cycle_of
            .get(a)
            .copied()
            .flatten()
            .filter(|&c| cycle_of.get(b).copied().flatten() == Some(c));
        if let Some(l) = inside.and_then(|c| line.get_mut(c)) {
            *l = Some(l.map_or(d.line, |l| l.min(d.line)));
        }
    }
    cycles
        .iter()
        .zip(line)
        .map(|(cycle, line)| DependencyCycle {
            ids: numbered.named(cycle),
            line: line.unwrap_or(0),
        })
        .collect()
}

/// Everything `id` depends on, directly or through others (breadth-first, nearest first).
pub fn upstream_of(map: &Roadmap, id: &str) -> Vec<String> {
    let numbered = Numbered::new(&map.dependencies);
    walk(&numbered, id, Graph::new)
}

/// Everything that depends on `id`, directly or through others.
pub fn downstream_of(map: &Roadmap, id: &str) -> Vec<String> {
    let numbered = Numbered::new(&map.dependencies);
    walk(&numbered, id, Graph::reversed)
}

/// The ids reachable from `id` in the graph `build` makes of the edges.
fn walk(
    numbered: &Numbered<'_>,
    id: &str,
    build: fn(usize, &[(usize, usize)]) -> Graph,
) -> Vec<String> {
    let Some(&start) = numbered.node.get(id) else {
        return Vec::new();
    };
    let graph = build(numbered.ids.len(), &numbered.pairs);
    numbered.named(&graph.reachable(start))
}
