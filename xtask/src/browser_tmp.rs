//! A browser's temporary directory: short whatever the checkout path, and removed after.
//!
//! A headless browser keeps its profile under `TMPDIR` (about 12 MB a run), and Chromium
//! also binds a Unix socket there (`.org.chromium.Chromium.XXXXXX/SingletonSocket`),
//! whose path must fit in 107 bytes (`sockaddr_un`). A directory inside the checkout
//! broke every Chromium step from a checkout path over about 34 characters, so the
//! directory lives under the system's temp dir instead, with a short name.

use crate::output::errln;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// The longest temp dir used as it is; a longer `TMPDIR` gives way to `/tmp`. Chromium
/// starts with a `TMPDIR` of up to 62 bytes, and the name added here is at most 20.
const LONGEST_BASE: usize = 40;

/// Where the directories go: the system's temp dir, unless that is too long for
/// Chromium's socket.
fn base() -> PathBuf {
    let system = std::env::temp_dir();
    if system.as_os_str().len() <= LONGEST_BASE {
        system
    } else {
        PathBuf::from("/tmp")
    }
}

/// A fresh, empty directory for one browser run; dropping it deletes it.
#[derive(Debug)]
pub struct BrowserTmp {
    path: PathBuf,
}

impl BrowserTmp {
    /// Creates `<temp>/bw-<pid>-<n>`: unique to this process and call.
    pub fn new() -> std::io::Result<BrowserTmp> {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = base().join(format!("bw-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path)?;
        Ok(BrowserTmp { path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for BrowserTmp {
    fn drop(&mut self) {
        if let Err(err) = std::fs::remove_dir_all(&self.path) {
            errln!("warning: could not delete {}: {err}", self.path.display());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The longest Unix socket path Chromium puts under `TMPDIR`, past the directory.
    const CHROMIUM_SOCKET_SUFFIX: &str = "/.org.chromium.Chromium.XXXXXX/SingletonSocket";

    #[test]
    fn a_browser_tmp_leaves_room_for_chromiums_socket_whatever_the_checkout() {
        let tmp = BrowserTmp::new().unwrap();
        let socket = tmp.path().display().to_string() + CHROMIUM_SOCKET_SUFFIX;
        assert!(socket.len() <= 107, "{socket} is {} bytes", socket.len());
        assert!(!tmp.path().starts_with(crate::cmd::workspace_root()));
    }

    #[test]
    fn a_browser_tmp_is_fresh_and_removed_on_drop() {
        let (first, second) = (BrowserTmp::new().unwrap(), BrowserTmp::new().unwrap());
        assert_ne!(first.path(), second.path());
        let path = first.path().to_owned();
        std::fs::write(path.join("profile"), b"x").unwrap();
        drop(first);
        assert!(!path.exists());
    }
}
