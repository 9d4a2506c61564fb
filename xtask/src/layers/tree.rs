//! The crate's modules as files, and which file a path names: through child modules and
//! through the re-exports (`pub use`) of each module on the way.

use super::scan::{references, Reference};
use std::collections::BTreeMap;

/// A module path from the crate root: `[]` is `lib.rs`, `["browser", "hub"]` is
/// `browser/hub.rs`.
pub type ModulePath = Vec<String>;

/// One source file: its module, its name relative to `src/`, and what it references.
#[derive(Debug)]
pub struct File {
    pub module: ModulePath,
    pub name: String,
    pub references: Vec<Reference>,
}

/// Every file of one crate, by module.
#[derive(Debug, Default)]
pub struct Tree {
    pub files: BTreeMap<ModulePath, File>,
}

impl Tree {
    /// From `(path relative to src/, contents)` pairs: `lib.rs`, `a.rs`, `a/mod.rs`,
    /// `a/b.rs`.
    pub fn new<'a>(sources: impl IntoIterator<Item = (&'a str, &'a str)>) -> Tree {
        let mut tree = Tree::default();
        for (name, source) in sources {
            let module = module_of(name);
            tree.files.insert(
                module.clone(),
                File {
                    module,
                    name: name.to_owned(),
                    references: references(source),
                },
            );
        }
        tree
    }

    /// The file that `reference`, written in `file`, names; `None` for paths outside the
    /// crate (`std::..`, another crate) or that this tree cannot follow.
    pub fn resolve(&self, file: &File, reference: &Reference) -> Option<&File> {
        let absolute = self.absolute(file, reference)?;
        self.follow(&absolute, 0)
    }

    /// The path from the crate root.
    fn absolute(&self, file: &File, reference: &Reference) -> Option<Vec<String>> {
        let mut module = file.module.clone();
        let mut inline = reference.inline_depth;
        let mut segments = reference.path.iter().peekable();
        match segments.peek().map(|s| s.as_str()) {
            Some("crate") => {
                segments.next();
                module.clear();
            }
            Some("self") => {
                segments.next();
            }
            Some("super") => {
                while segments.peek().is_some_and(|s| *s == "super") {
                    segments.next();
                    if inline > 0 {
                        inline -= 1;
                    } else {
                        module.pop()?;
                    }
                }
            }
            // A `use` path is relative to its module when it starts with a child module.
            Some(first) if reference.from_use => {
                let mut child = module.clone();
                child.push(first.to_owned());
                if inline > 0 || !self.files.contains_key(&child) {
                    return None;
                }
            }
            _ => return None,
        }
        module.extend(segments.cloned());
        Some(module)
    }

    /// Walks `path` from the root: into child modules while they exist, then through the
    /// re-export of the next name, if the module has one; else the item is the module's.
    fn follow(&self, path: &[String], hops: usize) -> Option<&File> {
        if hops > 16 {
            return None;
        }
        let mut module: ModulePath = Vec::new();
        for (index, segment) in path.iter().enumerate() {
            let mut child = module.clone();
            child.push(segment.clone());
            if self.files.contains_key(&child) {
                module = child;
                continue;
            }
            let here = self.files.get(&module)?;
            let reexport = here
                .references
                .iter()
                .find(|r| r.reexport.as_deref() == Some(segment.as_str()));
            if let Some(reexport) = reexport {
                let mut target = self.absolute(here, reexport)?;
                target.extend(path[index + 1..].iter().cloned());
                return self.follow(&target, hops + 1);
            }
            return Some(here);
        }
        self.files.get(&module)
    }
}

fn module_of(name: &str) -> ModulePath {
    let without = name.strip_suffix(".rs").unwrap_or(name);
    let mut parts: Vec<String> = without.split('/').map(str::to_owned).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> Tree {
        Tree::new([
            (
                "lib.rs",
                "mod error;\nmod browser;\npub use error::Error;\npub use browser::Hub;\n",
            ),
            ("error.rs", "pub struct Error;\n"),
            ("browser/mod.rs", "mod hub;\npub(crate) use hub::Hub;\n"),
            (
                "browser/hub.rs",
                "use crate::Error;\npub struct Hub;\nmod tests {\n    use super::*;\n}\n",
            ),
        ])
    }

    fn targets(tree: &Tree, module: &[&str]) -> Vec<String> {
        let module: ModulePath = module.iter().map(|s| s.to_string()).collect();
        let file = &tree.files[&module];
        file.references
            .iter()
            .map(|r| {
                tree.resolve(file, r)
                    .map_or("-".to_owned(), |f| f.name.clone())
            })
            .collect()
    }

    #[test]
    fn paths_resolve_through_reexports_to_the_defining_file() {
        let tree = tree();
        assert_eq!(
            targets(&tree, &["browser", "hub"]),
            ["error.rs", "browser/hub.rs"]
        );
        assert_eq!(
            targets(&tree, &[]),
            ["error.rs", "browser/hub.rs"],
            "the root's re-exports"
        );
    }
}
