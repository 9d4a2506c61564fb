//! Reads one source file's paths into the crate: every `use` (expanded, `{..}` groups
//! included) and every `crate::`/`super::`/`self::` path written inline, with its line.
//!
//! A scanner, not a parser: comments, strings and character literals are blanked first,
//! then the code is split into identifiers and punctuation. It is exact for the code
//! rustfmt writes, which is all this repository has.

/// One path the file names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// As written: `["super", "hub", "Hub"]`, `["crate", "Error"]`, `["hub", "Hub"]`.
    pub path: Vec<String>,
    /// 1-based.
    pub line: usize,
    /// How many inline `mod name { .. }` blocks it sits in (`mod tests`): `super` there
    /// means the file's own module first.
    pub inline_depth: usize,
    /// From a `use` statement (a path without `crate`/`super`/`self` is then relative to
    /// the module), not an inline path.
    pub from_use: bool,
    /// A `pub use` (any visibility): the module re-exports the item. Re-exports are how a
    /// module shows its children, not a dependency; they only serve to resolve paths.
    pub reexport: Option<String>,
}

/// Every reference in `source`.
pub fn references(source: &str) -> Vec<Reference> {
    let tokens = tokens(&blank_comments_and_literals(source));
    let mut out = Vec::new();
    let mut braces: Vec<bool> = Vec::new(); // true: the brace opened an inline module
    let mut i = 0;
    while i < tokens.len() {
        let (text, line) = (&tokens[i].0, tokens[i].1);
        let depth = braces.iter().filter(|inline| **inline).count();
        match text.as_str() {
            "{" => {
                let inline = i >= 2 && tokens[i - 2].0 == "mod" && is_ident(&tokens[i - 1].0);
                braces.push(inline);
            }
            "}" => {
                braces.pop();
            }
            "use" if starts_statement(&tokens, i) => {
                let public = is_public(&tokens, i);
                let end = (i..tokens.len())
                    .find(|&j| tokens[j].0 == ";")
                    .unwrap_or(tokens.len());
                let mut paths = Vec::new();
                use_tree(&tokens[i + 1..end], Vec::new(), &mut paths);
                for (path, name) in paths {
                    out.push(Reference {
                        path,
                        line,
                        inline_depth: depth,
                        from_use: true,
                        reexport: public.then_some(name),
                    });
                }
                i = end;
            }
            "crate" | "super" | "self"
                if tokens.get(i + 1).is_some_and(|next| next.0 == "::")
                    && !(i > 0 && tokens[i - 1].0 == "$")
                    && !(i > 0 && tokens[i - 1].0 == "::") =>
            {
                let mut path = vec![text.clone()];
                let mut j = i + 1;
                while j + 1 < tokens.len() && tokens[j].0 == "::" && is_ident(&tokens[j + 1].0) {
                    path.push(tokens[j + 1].0.clone());
                    j += 2;
                }
                out.push(Reference {
                    path,
                    line,
                    inline_depth: depth,
                    from_use: false,
                    reexport: None,
                });
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// Expands a use tree (`a::{b, c::{self, D as E}, *}`) into full paths, each with the
/// name it brings into scope.
fn use_tree(tokens: &[(String, usize)], prefix: Vec<String>, out: &mut Vec<(Vec<String>, String)>) {
    let mut path = prefix;
    let mut i = 0;
    // A leading `::` (`use ::std::..`) names an external crate.
    if tokens.first().is_some_and(|token| token.0 == "::") {
        return;
    }
    while i < tokens.len() {
        let token = tokens[i].0.as_str();
        match token {
            "{" => {
                let close = matching_brace(tokens, i);
                for item in split_top_level(&tokens[i + 1..close]) {
                    use_tree(item, path.clone(), out);
                }
                return;
            }
            "*" => {
                out.push((path, "*".to_owned()));
                return;
            }
            "::" => {}
            "as" => {
                let alias = tokens.get(i + 1).map(|t| t.0.clone()).unwrap_or_default();
                out.push((path, alias));
                return;
            }
            "self" if !path.is_empty() => {}
            _ if is_ident(token) => path.push(token.to_owned()),
            _ => {}
        }
        i += 1;
    }
    if let Some(name) = path.last().cloned() {
        out.push((path, name));
    }
}

fn matching_brace(tokens: &[(String, usize)], open: usize) -> usize {
    let mut depth = 0;
    for (j, token) in tokens.iter().enumerate().skip(open) {
        match token.0.as_str() {
            "{" => depth += 1,
            "}" => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    tokens.len()
}

fn split_top_level(tokens: &[(String, usize)]) -> Vec<&[(String, usize)]> {
    let mut items = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (j, token) in tokens.iter().enumerate() {
        match token.0.as_str() {
            "{" => depth += 1,
            "}" => depth -= 1,
            "," if depth == 0 => {
                items.push(&tokens[start..j]);
                start = j + 1;
            }
            _ => {}
        }
    }
    items.push(&tokens[start..]);
    items.into_iter().filter(|item| !item.is_empty()).collect()
}

/// `use` as a statement (not `r#use` or a field): after `;`, `{`, `}`, an attribute's
/// `]`, or a visibility.
fn starts_statement(tokens: &[(String, usize)], i: usize) -> bool {
    i == 0
        || matches!(
            tokens[i - 1].0.as_str(),
            ";" | "{" | "}" | "]" | "pub" | ")"
        )
}

/// `pub use`, `pub(crate) use`, `pub(super) use`, `pub(in ..) use`.
fn is_public(tokens: &[(String, usize)], i: usize) -> bool {
    match i.checked_sub(1).map(|j| tokens[j].0.as_str()) {
        Some("pub") => true,
        Some(")") => (0..i)
            .rev()
            .find(|&j| tokens[j].0 == "(")
            .is_some_and(|open| open > 0 && tokens[open - 1].0 == "pub"),
        _ => false,
    }
}

fn is_ident(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// Identifiers (with their line) and single punctuation characters, `::` as one token.
fn tokens(code: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut line = 1;
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push((chars[start..i].iter().collect(), line));
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push(("::".to_owned(), line));
            i += 2;
        } else {
            out.push((c.to_string(), line));
            i += 1;
        }
    }
    out
}

/// The code with comments, strings and character literals replaced by spaces (newlines
/// kept, so lines still count).
fn blank_comments_and_literals(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !prev_is_ident(&chars, i)
        {
            // r"..", r#".."#
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (1..=hashes).all(|k| chars.get(j + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.extend(chars[i..j.min(chars.len())].iter().map(|&c| blank(c)));
            i = j;
        } else if c == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(chars.len());
            out.extend(chars[i..end].iter().map(|&c| blank(c)));
            i = end;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{..}'), or else a lifetime.
            let end = if next == Some('\\') {
                (i + 2..chars.len()).find(|&j| chars[j] == '\'')
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(end) => {
                    out.extend(chars[i..=end].iter().map(|&c| blank(c)));
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn prev_is_ident(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(source: &str) -> Vec<String> {
        references(source)
            .into_iter()
            .map(|r| r.path.join("::"))
            .collect()
    }

    #[test]
    fn use_groups_expand_to_full_paths() {
        assert_eq!(
            paths("use super::hub::{self, Hub, inbox::{Inbox as In, *}};"),
            [
                "super::hub",
                "super::hub::Hub",
                "super::hub::inbox::Inbox",
                "super::hub::inbox"
            ]
        );
    }

    #[test]
    fn inline_paths_count_and_comments_strings_and_macros_do_not() {
        let source = r#"
            // use crate::Commented;
            /// [`X`](crate::Doc)
            fn f() -> crate::Error { let s = "crate::InString"; $crate::Macro; crate::a::b() }
        "#;
        assert_eq!(paths(source), ["crate::Error", "crate::a::b"]);
    }

    #[test]
    fn reexports_inline_modules_and_lines_are_recorded() {
        let source = "pub(crate) use hub::Hub;\nmod tests {\n    use super::*;\n}\n";
        let refs = references(source);
        assert_eq!(refs[0].reexport.as_deref(), Some("Hub"));
        assert_eq!((refs[1].line, refs[1].inline_depth), (3, 1));
        assert_eq!(refs[1].reexport, None);
    }

    #[test]
    fn lifetimes_are_not_character_literals() {
        assert_eq!(
            paths("fn f<'a>(x: &'a str) -> crate::Error { let c = '{'; todo!() }"),
            ["crate::Error"]
        );
    }
}
