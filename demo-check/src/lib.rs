//! Checking the demo page and the framework examples in headless Chromium through
//! chromedriver, the way a person would try them: the library behind the `demo-check`
//! and `example-check` binaries, which `cargo xtask test` runs against a test server
//! that serves the built page.
//!
//! | module | what it holds |
//! |---|---|
//! | [`chromedriver`] | starting chromedriver on a free port, and stopping it whatever happens |
//! | [`page`] | a WebDriver session on a page: fill, click, wait for, describe |
//! | [`report`] | counting and printing checks, and the closing `NAME: N passed, M failed` |
//! | [`demo`] | `demo-check`: the demo page's checks and command line |
//! | [`example`] | `example-check`: the examples' checks and command line |

pub mod chromedriver;
pub mod demo;
pub mod example;
pub mod page;
pub mod report;
