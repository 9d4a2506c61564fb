//! Serves the `--static` directory at `/` for every path no route claims: the test page,
//! its JavaScript and its wasm.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use axum::extract::State;
use axum::http::{header, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use percent_encoding::percent_decode_str;

use crate::routes::AppState;

pub async fn handler(State(state): State<AppState>, method: Method, uri: Uri) -> Response {
    let Some(root) = state.static_dir else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if method != Method::GET && method != Method::HEAD {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    let Some(relative) = relative_path(uri.path()) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mut path = root.join(relative);
    if tokio::fs::metadata(&path)
        .await
        .is_ok_and(|metadata| metadata.is_dir())
    {
        path.push("index.html");
    }
    match tokio::fs::read(&path).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, content_type(&path)),
                // The test bundle is rebuilt between runs; a cached copy would test old code.
                (header::CACHE_CONTROL, "no-store"),
            ],
            bytes,
        )
            .into_response(),
        Err(error) if error.kind() == ErrorKind::NotFound => StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            eprintln!("cannot read {}: {error}", path.display());
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The file path a URL path names, relative to the served directory.
///
/// `None` for paths that would leave the directory (`..`) or that do not decode; `/` and
/// paths ending in `/` name the directory itself (served as its `index.html`).
pub fn relative_path(url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode_str(url_path).decode_utf8().ok()?;
    let mut relative = PathBuf::new();
    for segment in decoded.split('/').filter(|segment| !segment.is_empty()) {
        if segment == "." || segment == ".." || segment.contains(['\\', '\0']) {
            return None;
        }
        relative.push(segment);
    }
    Some(relative)
}

/// The `Content-Type` for a file, by extension; browsers insist on `application/wasm` for
/// `WebAssembly.instantiateStreaming` and on a JavaScript type for module scripts.
pub fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|extension| extension.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json" | "map") => "application/json",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        Some("ico") => "image/x-icon",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_paths_map_inside_the_directory() {
        assert_eq!(relative_path("/"), Some(PathBuf::new()));
        assert_eq!(
            relative_path("/index.html"),
            Some(PathBuf::from("index.html"))
        );
        assert_eq!(
            relative_path("/pkg/app_bg.wasm"),
            Some(PathBuf::from("pkg/app_bg.wasm"))
        );
        assert_eq!(relative_path("/pkg/"), Some(PathBuf::from("pkg")));
        assert_eq!(relative_path("//a//b"), Some(PathBuf::from("a/b")));
        assert_eq!(relative_path("/a%20b.js"), Some(PathBuf::from("a b.js")));
    }

    #[test]
    fn paths_that_escape_or_do_not_decode_are_refused() {
        assert_eq!(relative_path("/../etc/passwd"), None);
        assert_eq!(relative_path("/a/%2e%2e/%2e%2e/secret"), None);
        assert_eq!(relative_path("/./a"), None);
        assert_eq!(relative_path("/a%5c..%5cb"), None);
        assert_eq!(relative_path("/%00"), None);
        assert_eq!(relative_path("/%ff"), None);
    }

    #[test]
    fn content_types_cover_a_wasm_test_page() {
        assert_eq!(
            content_type(Path::new("index.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("pkg/app.js")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("pkg/app_bg.wasm")),
            "application/wasm"
        );
        assert_eq!(
            content_type(Path::new("style.CSS")),
            "text/css; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("logo.png")), "image/png");
        assert_eq!(content_type(Path::new("logo.svg")), "image/svg+xml");
        assert_eq!(content_type(Path::new("data.json")), "application/json");
        assert_eq!(
            content_type(Path::new("LICENSE")),
            "application/octet-stream"
        );
    }
}
