//! The code keeps the shape `docs/ARCHITECTURE.md` describes: no import loop between the files of
//! `src/`, and the code map in that document lists every module of `src/` and nothing else.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// A module of `src/` by its path: `app/screens/help` (a folder's `mod.rs` is the folder).
type Module = Vec<String>;

/// Every `.rs` file under `src/`, by module path, with its text.
fn modules() -> BTreeMap<Module, String> {
    fn walk(dir: &Path, prefix: &[String], out: &mut BTreeMap<Module, String>) {
        let mut entries: Vec<_> =
            fs::read_dir(dir).expect("read src").map(|e| e.expect("entry").path()).collect();
        entries.sort();
        for path in entries {
            let name = path.file_name().and_then(|n| n.to_str()).expect("a file name").to_owned();
            if path.is_dir() {
                walk(&path, &[prefix, &[name]].concat(), out);
            } else if let Some(stem) = name.strip_suffix(".rs") {
                let module = match stem {
                    "mod" | "lib" | "main" => prefix.to_vec(),
                    _ => [prefix, &[stem.to_owned()]].concat(),
                };
                out.insert(module, fs::read_to_string(&path).expect("read a source file"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(Path::new("src"), &[], &mut out);
    out
}

/// The source without a trailing inline test module (its imports are the tests', not the code's).
fn without_tests(text: &str) -> &str {
    match text.find("#[cfg(test)]\nmod ") {
        Some(at) => &text[..at],
        None => text,
    }
}

/// The paths a `use crate::…`, `use super::…` or `use self::…` names, from the crate root.
fn imports(module: &Module, text: &str) -> Vec<Module> {
    let mut out = Vec::new();
    for statement in without_tests(text).split(';') {
        // Comments are not code ("refuse alike" in a doc line is no `use`), and `use` is a word.
        let code: Vec<&str> = statement.lines().filter(|l| !l.trim_start().starts_with("//")).collect();
        let code = code.join("\n");
        let word =
            |at: &usize| code[..*at].chars().next_back().is_none_or(|c| !c.is_alphanumeric() && c != '_');
        let Some(at) = code.match_indices("use ").map(|(at, _)| at).find(word) else { continue };
        let path = code[at + 4..].trim();
        let (root, rest) = match path.split_once("::") {
            Some((root, rest)) if ["crate", "super", "self"].contains(&root.trim()) => (root.trim(), rest),
            _ => continue,
        };
        // A folder's `mod.rs` is the folder itself, so `super` is the parent for both.
        let mut base: Module = match root {
            "crate" => Vec::new(),
            "self" => module.clone(),
            _ => module[..module.len().saturating_sub(1)].to_vec(),
        };
        let mut rest = rest.trim();
        while let Some(after) = rest.strip_prefix("super::") {
            base.pop();
            rest = after.trim();
        }
        let (stem, group) = match rest.find('{') {
            Some(open) => (&rest[..open], Some(rest[open + 1..].trim_end_matches('}'))),
            None => (rest, None),
        };
        let prefix: Module = base
            .into_iter()
            .chain(stem.split("::").map(str::trim).filter(|s| !s.is_empty()).map(String::from))
            .collect();
        match group {
            Some(group) => {
                for item in group.split(',') {
                    let first = item
                        .trim()
                        .split("::")
                        .next()
                        .unwrap_or_default()
                        .trim()
                        .trim_start_matches('{')
                        .trim();
                    match first {
                        "" => {}
                        "self" => out.push(prefix.clone()),
                        name => out.push([prefix.as_slice(), &[name.to_owned()]].concat()),
                    }
                }
            }
            None => out.push(prefix),
        }
    }
    out
}

/// The longest prefix of `path` that is a module.
fn resolve<'m>(modules: &'m BTreeMap<Module, String>, path: &[String]) -> Option<&'m Module> {
    (1..=path.len()).rev().find_map(|n| modules.get_key_value(&path[..n]).map(|(k, _)| k))
}

/// The import graph: an edge from a file to each module it imports, except its own ancestors.
fn graph(modules: &BTreeMap<Module, String>) -> BTreeMap<Module, BTreeSet<Module>> {
    let mut edges = BTreeMap::new();
    for (module, text) in modules {
        let targets: BTreeSet<Module> = imports(module, text)
            .iter()
            .filter_map(|path| resolve(modules, path))
            .filter(|target| *target != module && !module.starts_with(target))
            .cloned()
            .collect();
        edges.insert(module.clone(), targets);
    }
    edges
}

/// The strongly connected components of more than one module (Tarjan), each sorted.
fn loops(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    struct Walk<'g> {
        edges: &'g BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<&'g Module, usize>,
        low: BTreeMap<&'g Module, usize>,
        stack: Vec<&'g Module>,
        found: Vec<Vec<Module>>,
    }
    impl<'g> Walk<'g> {
        fn visit(&mut self, v: &'g Module) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            for w in self.edges.get(v).into_iter().flatten() {
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w]);
                    self.low.insert(v, low);
                } else if self.stack.contains(&w) {
                    let low = self.low[v].min(self.index[w]);
                    self.low.insert(v, low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    component.push(w.clone());
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    self.found.push(component);
                }
            }
        }
    }
    let mut walk =
        Walk { edges, index: BTreeMap::new(), low: BTreeMap::new(), stack: Vec::new(), found: Vec::new() };
    let tested = |m: &Module| m.last().is_some_and(|last| last.ends_with("tests"));
    for v in edges.keys().filter(|m| !tested(m)) {
        if !walk.index.contains_key(v) {
            walk.visit(v);
        }
    }
    walk.found.retain(|c| c.iter().all(|m| !tested(m)));
    walk.found
}

#[test]
fn src_has_no_import_loop() {
    let edges = graph(&modules());
    let found = loops(&edges);
    let shown: Vec<String> = found
        .iter()
        .map(|component| {
            let names: Vec<String> = component.iter().map(|m| m.join("/")).collect();
            let inside: Vec<String> = component
                .iter()
                .flat_map(|a| {
                    edges[a]
                        .iter()
                        .filter(|b| component.contains(b))
                        .map(move |b| format!("  {} -> {}", a.join("/"), b.join("/")))
                })
                .collect();
            format!("loop of {}:\n{}", names.join(", "), inside.join("\n"))
        })
        .collect();
    assert!(
        found.is_empty(),
        "import loops in src/ (docs/ARCHITECTURE.md, \"Floors\"):\n{}",
        shown.join("\n")
    );
}

#[test]
fn the_loop_check_finds_a_loop() {
    let mut modules = BTreeMap::new();
    let m = |p: &str| p.split('/').map(String::from).collect::<Module>();
    modules.insert(m("a"), "use crate::b::B;\n".to_owned());
    modules.insert(m("b"), "use crate::{a::A, c};\n".to_owned());
    modules.insert(m("c"), "use super::d;\n".to_owned());
    modules.insert(m("d"), String::new());
    modules.insert(m("e"), "use crate::a;\n#[cfg(test)]\nmod tests {\n    use crate::e;\n}\n".to_owned());
    // A doc line with a word ending in "use" before the first import hides nothing.
    modules.insert(m("f"), "//! The checks moves and adds refuse alike.\n\nuse super::g::G;\n".to_owned());
    modules.insert(m("g"), "//! Because of a cause.\nuse crate::f;\n".to_owned());
    let found = loops(&graph(&modules));
    assert_eq!(found, vec![vec![m("a"), m("b")], vec![m("f"), m("g")]]);
}

/// The files the code map lists: the lines of its tree block (```text after "## The map").
fn mapped() -> BTreeSet<String> {
    let doc = fs::read_to_string("docs/ARCHITECTURE.md").expect("docs/ARCHITECTURE.md");
    let start = doc.find("<!-- map -->").expect("the code map starts with <!-- map -->");
    let end = doc.find("<!-- /map -->").expect("the code map ends with <!-- /map -->");
    let mut out = BTreeSet::new();
    let mut folders: Vec<(usize, String)> = Vec::new();
    for line in doc[start..end]
        .lines()
        .filter(|l| l.contains(".rs") || l.trim_end().ends_with('/') || l.contains("/ "))
    {
        let indent = line.len() - line.trim_start().len();
        let Some(name) = line.split_whitespace().next() else { continue };
        if !(name.ends_with('/') || name.ends_with(".rs")) {
            continue;
        }
        while folders.last().is_some_and(|(depth, _)| *depth >= indent) {
            folders.pop();
        }
        let path: String = folders.iter().map(|(_, f)| f.as_str()).chain([name]).collect();
        if let Some(folder) = name.strip_suffix('/') {
            folders.push((indent, format!("{folder}/")));
            out.insert(path);
        } else {
            out.insert(path);
        }
    }
    out
}

#[test]
fn the_code_map_lists_every_module_and_nothing_else() {
    fn walk(dir: &Path, prefix: &str, out: &mut BTreeSet<String>) {
        for entry in fs::read_dir(dir).expect("read src") {
            let path = entry.expect("entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).expect("a file name").to_owned();
            if path.is_dir() {
                out.insert(format!("{prefix}{name}/"));
                walk(&path, &format!("{prefix}{name}/"), out);
            } else if name.ends_with(".rs") && !name.ends_with("tests.rs") && name != "mod.rs" {
                out.insert(format!("{prefix}{name}"));
            }
        }
    }
    let mut actual = BTreeSet::new();
    walk(Path::new("src"), "src/", &mut actual);
    actual.insert("src/".to_owned());
    let listed = mapped();
    let missing: Vec<&String> = actual.difference(&listed).collect();
    let stale: Vec<&String> = listed.difference(&actual).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "docs/ARCHITECTURE.md's map is out of date:\nmissing: {missing:?}\nno longer in src/: {stale:?}"
    );
}
