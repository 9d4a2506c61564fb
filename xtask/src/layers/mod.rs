//! The import rule of the library's `src/`: each file imports only from its own layer or
//! the layers below it, and no files import each other in a circle.
//!
//! | rank | layer | modules |
//! |--:|---|---|
//! | 0 | vocabulary | the files at the root: `error.rs`, `event.rs`, `message.rs`, ... |
//! | 1 | browser | `browser/` |
//! | 2 | flow | `flow/` |
//! | 3 | socket | `socket/` |
//! | 4 | reconnect | `reconnect/` |
//! | 5 | on top | `typed/`, `byte_stream.rs`, `rpc/`, `tabs/` |
//! | 6 | frameworks | `ui/` |
//!
//! `lib.rs` only declares and re-exports, so it is in no layer. Paths that go through the
//! crate root (`use crate::Error`) are followed to the file that defines the item.
//! `scan.rs` reads the paths, `tree.rs` resolves them, this file judges them.

mod scan;
mod tree;

use crate::cmd::{announce, workspace_root};
use crate::failure::{Failure, Result};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use tree::{File, ModulePath, Tree};

/// The layers from the bottom, by their first module name (`None`: the root's files).
const LAYERS: [(&str, &[&str]); 7] = [
    (
        "vocabulary",
        &[
            "binary_type",
            "close",
            "close_check",
            "connection_status",
            "error",
            "event",
            "inbox_limit",
            "message",
            "ready_state",
            "role",
            "transport",
        ],
    ),
    ("browser", &["browser"]),
    ("flow", &["flow"]),
    ("socket", &["socket"]),
    ("reconnect", &["reconnect"]),
    ("on top", &["typed", "byte_stream", "rpc", "tabs"]),
    ("frameworks", &["ui"]),
];

pub const USAGE: &str = "imports";
pub const ABOUT: &str =
    "check that the library's files import only from their own layer or below, in no cycle";

/// `cargo xtask imports`: the check alone.
pub fn run(args: &[String]) -> Result {
    if let Some(extra) = args.first() {
        return Err(Failure::usage(format!(
            "`imports` takes no options, got `{extra}`"
        )));
    }
    check()
}

/// The step of `cargo xtask test`: the library's imports, judged.
pub fn check() -> Result {
    announce("imports: one way, no cycles (src/)");
    let src = workspace_root().join("src");
    let sources = read_sources(&src)?;
    let tree = Tree::new(sources.iter().map(|(n, s)| (n.as_str(), s.as_str())));
    let problems = problems(&tree);
    if problems.is_empty() {
        println!(
            "    {} files, every import one way, no cycles",
            tree.files.len()
        );
        Ok(())
    } else {
        for problem in &problems {
            println!("    {problem}");
        }
        Err(Failure::new(format!(
            "{} import problem(s) in src/: a file may import only from its own layer or \
             those below (see xtask/src/layers/mod.rs), through its module's path (not the \
             crate root's re-export), and files may not import each other in a circle",
            problems.len()
        )))
    }
}

/// Each upward import, then each cycle, as a line to print.
fn problems(tree: &Tree) -> Vec<String> {
    let mut problems = Vec::new();
    let mut edges: BTreeMap<&ModulePath, BTreeMap<&ModulePath, usize>> = BTreeMap::new();
    for file in tree.files.values() {
        let Some(from) = layer(file) else { continue };
        for reference in file.references.iter().filter(|r| r.reexport.is_none()) {
            let Some(target) = tree.resolve(file, reference) else {
                continue;
            };
            if reference.from_use && reference.path.len() == 2 && reference.path[0] == "crate" {
                problems.push(format!(
                    "src/{}:{}: `use {}` hides where it lives: name its module \
                     (`use crate::{}::{}`)",
                    file.name,
                    reference.line,
                    reference.path.join("::"),
                    target.module.first().map_or("", String::as_str),
                    reference.path[1]
                ));
            }
            if target.module == file.module {
                continue;
            }
            let to = layer(target);
            if let Some(to) = to.filter(|to| to.0 > from.0) {
                problems.push(format!(
                    "src/{}:{}: `{}` is in src/{} ({}), above {}",
                    file.name,
                    reference.line,
                    reference.path.join("::"),
                    target.name,
                    to.1,
                    from.1
                ));
            }
            edges
                .entry(&file.module)
                .or_default()
                .entry(&target.module)
                .or_insert(reference.line);
        }
    }
    for cycle in cycles(&edges) {
        let steps: Vec<String> = cycle
            .windows(2)
            .map(|pair| {
                let file = &tree.files[pair[0]];
                format!("src/{}:{}", file.name, edges[pair[0]][pair[1]])
            })
            .collect();
        problems.push(format!("cycle: {}", steps.join(" -> ")));
    }
    problems
}

/// The file's layer: its rank and name; `None` for `lib.rs`.
fn layer(file: &File) -> Option<(usize, &'static str)> {
    let first = file.module.first()?;
    LAYERS
        .iter()
        .enumerate()
        .find(|(_, (_, modules))| modules.contains(&first.as_str()))
        .map(|(rank, (name, _))| (rank, *name))
        // A module nobody placed sits above everything: the check then names it.
        .or(Some((
            LAYERS.len(),
            "a layer not in xtask/src/layers/mod.rs",
        )))
}

/// One cycle (first file repeated at the end) per strongly connected group of files,
/// found by a depth-first search from each file in order.
fn cycles<'a>(
    edges: &BTreeMap<&'a ModulePath, BTreeMap<&'a ModulePath, usize>>,
) -> Vec<Vec<&'a ModulePath>> {
    let mut found = Vec::new();
    let mut in_cycle: BTreeSet<&ModulePath> = BTreeSet::new();
    for &start in edges.keys() {
        if in_cycle.contains(start) {
            continue;
        }
        if let Some(path) = path_back(edges, start) {
            in_cycle.extend(path.iter().copied());
            found.push(path);
        }
    }
    found
}

/// The shortest path from `start` back to itself (breadth first), if there is one.
fn path_back<'a>(
    edges: &BTreeMap<&'a ModulePath, BTreeMap<&'a ModulePath, usize>>,
    start: &'a ModulePath,
) -> Option<Vec<&'a ModulePath>> {
    let mut came_from: BTreeMap<&ModulePath, &ModulePath> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(at) = queue.pop_front() {
        for &next in edges.get(at).into_iter().flat_map(|targets| targets.keys()) {
            if next == start {
                let mut path = vec![at];
                while path.last() != Some(&start) {
                    let step = path[path.len() - 1];
                    path.push(came_from[step]);
                }
                path.reverse();
                path.push(start);
                return Some(path);
            }
            if !came_from.contains_key(next) {
                came_from.insert(next, at);
                queue.push_back(next);
            }
        }
    }
    None
}

/// Every `.rs` file under `src`, as (path relative to it with `/`, contents).
fn read_sources(src: &Path) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut folders = vec![src.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|err| Failure::new(format!("cannot read {}: {err}", folder.display())))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let contents = std::fs::read_to_string(&path).map_err(|err| {
                    Failure::new(format!("cannot read {}: {err}", path.display()))
                })?;
                let relative = path.strip_prefix(src).unwrap_or(&path);
                out.push((relative.to_string_lossy().replace('\\', "/"), contents));
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(files: &[(&str, &str)]) -> Vec<String> {
        problems(&Tree::new(files.iter().copied()))
    }

    const ROOT: (&str, &str) = ("lib.rs", "mod error;\nmod browser;\nmod socket;\n");

    #[test]
    fn imports_downward_and_within_a_layer_pass() {
        assert_eq!(
            judged(&[
                ROOT,
                ("error.rs", "pub struct Error;"),
                ("browser/mod.rs", "mod hub;\nmod inbox;"),
                (
                    "browser/hub.rs",
                    "use super::inbox::Inbox;\nuse crate::error::Error;"
                ),
                ("browser/inbox.rs", "pub struct Inbox;"),
                ("socket.rs", "use crate::browser::hub::Hub;"),
            ]),
            Vec::<String>::new()
        );
    }

    #[test]
    fn an_upward_import_is_named_with_its_line() {
        assert_eq!(
            judged(&[
                ROOT,
                ("error.rs", "pub struct Error;"),
                (
                    "browser.rs",
                    "pub struct Hub;\n\nfn f() -> crate::socket::Socket { todo!() }"
                ),
                ("socket.rs", "pub struct Socket;"),
            ]),
            [
                "src/browser.rs:3: `crate::socket::Socket` is in src/socket.rs (socket), above browser"
            ]
        );
    }

    #[test]
    fn an_import_through_the_crate_root_is_named_with_the_module_to_use() {
        let problems = judged(&[
            ("lib.rs", "mod error;\nmod browser;\npub use error::Error;"),
            ("error.rs", "pub struct Error;"),
            ("browser/mod.rs", "mod hub;"),
            ("browser/hub.rs", "use crate::Error;\npub struct Hub;"),
        ]);
        assert_eq!(
            problems,
            [
                "src/browser/hub.rs:1: `use crate::Error` hides where it lives: name its module \
              (`use crate::error::Error`)"
            ]
        );
    }

    #[test]
    fn files_that_import_each_other_are_a_cycle() {
        assert_eq!(
            judged(&[
                ROOT,
                ("browser/mod.rs", "mod hub;\nmod inbox;"),
                (
                    "browser/hub.rs",
                    "use super::inbox::Inbox;\npub struct Hub;"
                ),
                (
                    "browser/inbox.rs",
                    "pub struct Inbox;\n\nuse super::hub::Hub;"
                ),
            ]),
            ["cycle: src/browser/hub.rs:1 -> src/browser/inbox.rs:3"]
        );
    }

    #[test]
    fn every_root_module_of_the_library_has_a_layer() {
        let root = std::fs::read_to_string(workspace_root().join("src/lib.rs")).unwrap();
        for line in root.lines() {
            let Some(name) = line
                .trim_start_matches("pub ")
                .strip_prefix("mod ")
                .and_then(|rest| rest.strip_suffix(';'))
            else {
                continue;
            };
            let file = File {
                module: vec![name.to_owned()],
                name: format!("{name}.rs"),
                references: Vec::new(),
            };
            assert!(
                layer(&file).is_some_and(|(rank, _)| rank < LAYERS.len()),
                "{name}"
            );
        }
    }
}
