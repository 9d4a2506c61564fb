//! Checking the demo page and the framework examples in a browser through its WebDriver
//! server (Chromium through chromedriver, Firefox through geckodriver, WebKit through
//! WebKitWebDriver), the way a person would try them: the library behind the
//! `demo-check` and `example-check` binaries, which `cargo xtask test` runs against a
//! test server that serves the built page.
//!
//! | module | what it holds |
//! |---|---|
//! | [`browser`] | the browsers, and the capabilities each session asks for |
//! | [`browser_args`] | `--browser`, `--driver` and `--driver-log`, which both binaries take |
//! | [`driver`] | starting a WebDriver server on a free port with a log, and stopping it whatever happens |
//! | [`page`] | a WebDriver session on a page: fill, click, wait for, describe |
//! | [`report`] | counting and printing checks, and the closing `NAME: N passed, M failed` |
//! | [`demo`] | `demo-check`: the demo page's checks and command line |
//! | [`example`] | `example-check`: the examples' checks and command line |

pub mod browser;
pub mod browser_args;
pub mod demo;
pub mod driver;
pub mod example;
mod http;
pub mod page;
pub mod report;
pub mod tabs;
