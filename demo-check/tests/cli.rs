//! The contract with `cargo xtask test`: a usage error exits with 2, and a checker that
//! cannot even start a browser still ends with its `NAME: N passed, M failed` line,
//! counting that as a failure, whichever browser it was to drive.

use std::process::{Command, Output};

fn run(binary: &str, args: &[&str]) -> Output {
    Command::new(binary)
        .args(args)
        .output()
        .expect("the checker starts")
}

/// Without arguments, each checker prints its usage and exits with 2.
#[test]
fn missing_arguments_are_a_usage_error() {
    for binary in [
        env!("CARGO_BIN_EXE_demo-check"),
        env!("CARGO_BIN_EXE_example-check"),
    ] {
        let output = run(binary, &[]);
        assert_eq!(output.status.code(), Some(2), "{binary}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("usage:"), "{binary}: {stderr}");
    }
}

/// A chromedriver that does not exist (named by `--chromedriver`, the old name of
/// `--driver`) is one failed check, and the closing line says so.
#[test]
fn a_driver_that_cannot_start_is_one_failure_in_the_closing_line() {
    let common = [
        "--url",
        "http://127.0.0.1:9/",
        "--chromedriver",
        "/nonexistent/chromedriver",
        "--screenshot",
        "/nonexistent/shot.png",
    ];
    let demo = run(env!("CARGO_BIN_EXE_demo-check"), &common);
    let mut example_args = vec!["--scenario", "yew"];
    example_args.extend(common);
    let example = run(env!("CARGO_BIN_EXE_example-check"), &example_args);
    for (output, closing) in [
        (demo, "demo: 0 passed, 1 failed"),
        (example, "yew: 0 passed, 1 failed"),
    ] {
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(1), "{stdout}");
        assert_eq!(stdout.lines().last(), Some(closing), "{stdout}");
    }
}

/// A WebKitWebDriver that does not exist is one failed check too, saying which binary;
/// a browser demo-check does not know is a usage error.
#[test]
fn webkit_without_its_driver_fails_once_and_an_unknown_browser_is_a_usage_error() {
    // A display, or demo-check would refuse before it looked for the driver.
    let webkit = Command::new(env!("CARGO_BIN_EXE_demo-check"))
        .args([
            "--url",
            "http://127.0.0.1:9/",
            "--browser",
            "webkit",
            "--driver",
            "/nonexistent/WebKitWebDriver",
            "--screenshot",
            "/nonexistent/shot.png",
        ])
        .env("DISPLAY", ":99")
        .output()
        .expect("the checker starts");
    let stdout = String::from_utf8_lossy(&webkit.stdout);
    assert_eq!(webkit.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("cannot start /nonexistent/WebKitWebDriver"),
        "{stdout}"
    );
    assert_eq!(
        stdout.lines().last(),
        Some("demo: 0 passed, 1 failed"),
        "{stdout}"
    );

    let edge = run(
        env!("CARGO_BIN_EXE_demo-check"),
        &[
            "--url",
            "http://127.0.0.1:9/",
            "--browser",
            "edge",
            "--driver",
            "/usr/bin/msedgedriver",
            "--screenshot",
            "shot.png",
        ],
    );
    assert_eq!(edge.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&edge.stderr);
    assert!(stderr.contains("--browser edge"), "{stderr}");
    assert!(stderr.contains("usage:"), "{stderr}");
}
