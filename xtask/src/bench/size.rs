//! The size table: the same minimal app (connect, send text and bytes, log what comes
//! back) written with raw web-sys, this crate (its `Stream`, and its `connect_with`
//! handler), gloo-net and ws_stream_wasm (`bench/size/*`), built as a size-conscious app ships: `opt-level = "z"`, LTO, one
//! codegen unit, `wasm-bindgen --target web`, `wasm-opt -Oz`, then `gzip -9 -n`.

use crate::cmd::{self, announce, cargo, command, find_in_path, probe, target_dir};
use crate::failure::{Failure, Result};
use crate::setup::WASM32;
use std::path::{Path, PathBuf};

/// The Cargo profile of the minimal apps (root Cargo.toml).
const PROFILE: &str = "bench-size";

/// binaryen from npm: Debian's binaryen (108) cannot read this toolchain's output.
const BINARYEN_VERSION: &str = "132.0.0";

/// One app: its package, its key in `results.json`, and its label in the table.
struct App {
    package: &'static str,
    name: &'static str,
    label: &'static str,
}

const APPS: [App; 5] = [
    App {
        package: "size-raw",
        name: "raw",
        label: "raw web-sys",
    },
    App {
        package: "size-crate",
        name: "crate",
        label: "browser-websocket (Stream)",
    },
    App {
        package: "size-crate-callback",
        name: "crate-callback",
        label: "browser-websocket (connect_with)",
    },
    App {
        package: "size-gloo",
        name: "gloo",
        label: "gloo-net 0.7",
    },
    App {
        package: "size-wsw",
        name: "wsw",
        label: "ws_stream_wasm 0.7",
    },
];

/// One app's optimised `.wasm`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppSize {
    pub name: &'static str,
    pub label: &'static str,
    pub wasm: u64,
    pub gzip: u64,
}

/// Every app's size, in table order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sizes {
    pub apps: Vec<AppSize>,
}

/// Builds and shrinks the apps; their files stay in `target/bench/size/<name>/`.
pub fn measure() -> Result<Sizes> {
    announce(&format!("size: building the minimal apps ({PROFILE})"));
    let mut build = cargo();
    build.args(["build", "--profile", PROFILE, "--target", WASM32]);
    for app in &APPS {
        build.args(["-p", app.package]);
    }
    cmd::run(&mut build)?;

    let wasm_bindgen = find_in_path("wasm-bindgen").ok_or_else(|| {
        Failure::new(
            "`wasm-bindgen` is not on PATH: it comes with wasm-bindgen-cli, which setup installs",
        )
    })?;
    let wasm_opt = ensure_wasm_opt()?;
    announce("size: wasm-bindgen --target web, wasm-opt -Oz, gzip -9 -n");
    let built = target_dir().join(WASM32).join(PROFILE);
    let mut apps = Vec::new();
    for app in &APPS {
        let stem = app.package.replace('-', "_");
        let out_dir = target_dir().join("bench").join("size").join(app.name);
        let _ = std::fs::remove_dir_all(&out_dir);
        cmd::run(
            command(&wasm_bindgen)
                .args(["--target", "web", "--out-dir"])
                .arg(&out_dir)
                .arg(built.join(format!("{stem}.wasm"))),
        )?;
        let bindgen_output = out_dir.join(format!("{stem}_bg.wasm"));
        let optimised = out_dir.join(format!("{stem}.opt.wasm"));
        cmd::run(
            command(&wasm_opt)
                .arg("-Oz")
                .args(WASM_OPT_FEATURES)
                .arg(&bindgen_output)
                .arg("-o")
                .arg(&optimised),
        )?;
        apps.push(AppSize {
            name: app.name,
            label: app.label,
            wasm: file_size(&optimised)?,
            gzip: gzip_size(&optimised)?,
        });
    }
    Ok(Sizes { apps })
}

/// The wasm features rustc enables by default for wasm32-unknown-unknown (and which the
/// benchmark browsers support); wasm-opt must be told, as wasm-bindgen drops the
/// `target_features` section it would read them from.
const WASM_OPT_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// `wasm-opt` from the pinned npm `binaryen`, installed into `target/bench` if missing.
fn ensure_wasm_opt() -> Result<PathBuf> {
    let prefix = target_dir().join("bench");
    let wasm_opt = prefix.join("node_modules").join(".bin").join("wasm-opt");
    let major = BINARYEN_VERSION
        .split('.')
        .next()
        .unwrap_or(BINARYEN_VERSION);
    let pinned = |path: &Path| {
        probe(command(path).arg("--version"))
            .is_some_and(|version| version.contains(&format!("version {major}")))
    };
    if pinned(&wasm_opt) {
        println!("    wasm-opt {major}: {}", wasm_opt.display());
        return Ok(wasm_opt);
    }
    let npm = find_in_path("npm").ok_or_else(|| {
        Failure::usage(
            "the size table needs npm, to install binaryen's wasm-opt: \
             `apt-get install nodejs npm` as root (or run with --no-size)",
        )
    })?;
    announce(&format!("installing binaryen {BINARYEN_VERSION} from npm"));
    cmd::run(
        command(npm)
            .arg("install")
            .arg("--prefix")
            .arg(&prefix)
            .args(["--no-audit", "--no-fund"])
            .arg(format!("binaryen@{BINARYEN_VERSION}")),
    )?;
    if pinned(&wasm_opt) {
        Ok(wasm_opt)
    } else {
        Err(Failure::new(format!(
            "npm installed binaryen {BINARYEN_VERSION} but {} does not report version {major}",
            wasm_opt.display()
        )))
    }
}

fn file_size(path: &Path) -> Result<u64> {
    std::fs::metadata(path)
        .map(|meta| meta.len())
        .map_err(|err| Failure::new(format!("cannot read {}: {err}", path.display())))
}

/// The size of `gzip -9 -n -c path`: xtask has no compression library, the system has
/// gzip. `-n` leaves the file's name and time out of the header, as a server's gzipped
/// response has them: with them, each app's figure also counted its file name's length.
fn gzip_size(path: &Path) -> Result<u64> {
    let mut gzip = command("gzip");
    gzip.args(["-9", "-n", "-c"]).arg(path);
    let output = gzip
        .output()
        .map_err(|err| cmd::spawn_failure(&gzip, err))?;
    if output.status.success() {
        Ok(output.stdout.len() as u64)
    } else {
        Err(Failure::new(format!(
            "`gzip -9 -n -c {}` failed ({})",
            path.display(),
            output.status
        )))
    }
}
