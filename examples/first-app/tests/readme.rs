//! The README's code is code that is built: "First app" shows this crate's `src/lib.rs`
//! and `index.html` as they are, and "Using with Yew"/"Using with Leptos" show the
//! framework crates' README examples, which are their doc-tests.

const README: &str = include_str!("../../../README.md");

/// The body of the README's fenced block that follows `heading` (a line of its own).
fn block_after(heading: &str) -> String {
    let start = README
        .find(heading)
        .unwrap_or_else(|| panic!("the README has no {heading:?}"));
    let rest = &README[start..];
    let open = rest.find("```").expect("a fenced block follows");
    let body = &rest[open..];
    let body = &body[body.find('\n').expect("a fence line") + 1..];
    body[..body.find("```").expect("a closing fence")].to_owned()
}

#[test]
fn the_readme_shows_src_lib_rs_as_it_is() {
    assert_eq!(block_after("`src/lib.rs`:"), include_str!("../src/lib.rs"));
}

#[test]
fn the_readme_shows_index_html_as_it_is() {
    assert_eq!(block_after("`index.html`:"), include_str!("../index.html"));
}

/// The first Rust block of a crate's README.
fn first_rust_block(readme: &str) -> &str {
    let start = readme.find("```rust").expect("a Rust block");
    let end = start + readme[start..].find("\n```\n").expect("its end") + 5;
    &readme[start..end]
}

#[test]
fn using_with_yew_is_the_yew_crates_example() {
    let example = first_rust_block(include_str!("../../../browser-websocket-yew/README.md"));
    let section = &README[README.find("## Using with Yew").expect("the section")..];
    assert!(
        section.contains(example),
        "copy it from browser-websocket-yew/README.md"
    );
}

#[test]
fn using_with_leptos_is_the_leptos_crates_example() {
    let example = first_rust_block(include_str!("../../../browser-websocket-leptos/README.md"));
    let section = &README[README.find("## Using with Leptos").expect("the section")..];
    assert!(
        section.contains(example),
        "copy it from browser-websocket-leptos/README.md"
    );
}
