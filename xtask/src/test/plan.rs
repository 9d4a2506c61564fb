//! Which browser steps `cargo xtask test` runs, as one lane per browser: the lanes run
//! side by side (`lanes.rs`), the steps of a lane one after another. Pure, so the plan
//! has fast tests of its own.
//!
//! With every browser selected:
//!
//! | lane | steps |
//! |---|---|
//! | chromium | tests, tests over the stream transport, long path, wasm-pack, framework crates, demo, tabs |
//! | firefox | tests (auto transport), long path, framework crates, tabs |
//! | webkit | tests (auto transport), long path, framework crates, demo, tabs, examples |

use super::browser_tests::Suite;
use crate::browser::Browser;

/// One step of a browser's lane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Every browser test binary (page, dedicated and shared worker, third-party server)
    /// over one default transport.
    Tests(Suite),
    /// One browser test of that suite, run from a directory over 100 characters deep.
    LongPath(Suite),
    /// The dedicated-worker tests through `wasm-pack test --headless --chrome`.
    WasmPack,
    /// The Yew, Leptos and Dioxus crates' browser tests.
    Frameworks,
    /// The demo page, driven by demo-check.
    Demo,
    /// The demo's shared connection in three windows of one session (`example-check
    /// --scenario tabs`).
    Tabs,
    /// The framework examples, driven by example-check.
    Examples,
}

/// A browser and its steps, in order.
#[derive(Debug, PartialEq, Eq)]
pub struct Lane {
    pub browser: Browser,
    pub steps: Vec<Step>,
}

/// What the plan depends on besides the browsers.
#[derive(Debug, Clone, Copy)]
pub struct Available {
    /// wasm-pack was installed (it is when Chromium is selected).
    pub wasm_pack: bool,
    /// The demo and the examples were built.
    pub sites: bool,
}

/// One lane per browser in `browsers`, in that order.
///
/// The framework crates' tests run in every browser, as their promises are the crate's.
/// Where a step needs fewer, the plan picks the browsers that keep the lanes even: the
/// demo in Chromium and in WebKit (whose event timing differs most); the examples, which
/// test the frameworks' hooks rather than the engine, in WebKit when it runs, whose lane
/// is otherwise the shorter, else Chromium.
pub fn lanes(browsers: &[Browser], available: Available) -> Vec<Lane> {
    let examples_in = [Browser::WebKit, Browser::Chromium]
        .into_iter()
        .find(|browser| browsers.contains(browser));
    browsers
        .iter()
        .map(|&browser| {
            let mut steps = Vec::new();
            let suites: &[Suite] = match browser {
                // Chromium has WebSocketStream: every test over the classic socket, then
                // again over the stream transport.
                Browser::Chromium => &[Suite::Classic, Suite::OverTransport(STREAM)],
                // Firefox and WebKit have not: one run with `Auto` as the default, which
                // falls back to the classic socket, so it is the classic run too.
                Browser::Firefox | Browser::WebKit => &[Suite::OverTransport(AUTO)],
            };
            steps.extend(suites.iter().map(|&suite| Step::Tests(suite)));
            steps.push(Step::LongPath(suites[0]));
            if browser == Browser::Chromium && available.wasm_pack {
                steps.push(Step::WasmPack);
            }
            steps.push(Step::Frameworks);
            if browser != Browser::Firefox && available.sites {
                steps.push(Step::Demo);
            }
            if available.sites {
                steps.push(Step::Tabs);
            }
            if available.sites && examples_in == Some(browser) {
                steps.push(Step::Examples);
            }
            Lane { browser, steps }
        })
        .collect()
}

/// The feature that makes the stream transport the tests' default.
const STREAM: &str = "test-stream-transport";
/// The feature that makes `Auto` the tests' default.
const AUTO: &str = "test-auto-transport";

impl Step {
    /// The step's name in the log and the summary, e.g. `long checkout path (webkit)`.
    pub fn name(self, browser: Browser) -> String {
        match self {
            Step::Tests(Suite::Classic) => browser.name().to_owned(),
            Step::Tests(Suite::OverTransport(STREAM)) => format!("{browser}, stream transport"),
            Step::Tests(Suite::OverTransport(AUTO)) => {
                format!("{browser}, auto transport (falls back to classic)")
            }
            Step::Tests(Suite::OverTransport(feature)) => format!("{browser}, {feature}"),
            Step::LongPath(_) => format!("long checkout path ({browser})"),
            Step::WasmPack => "wasm-pack".to_owned(),
            Step::Frameworks => format!("framework crates ({browser})"),
            Step::Demo => format!("demo ({browser})"),
            Step::Tabs => format!("one connection for every tab ({browser})"),
            Step::Examples => format!("examples ({browser})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVERYTHING: Available = Available {
        wasm_pack: true,
        sites: true,
    };

    fn steps_in(lanes: &[Lane], wanted: Step) -> Vec<Browser> {
        lanes
            .iter()
            .filter(|lane| lane.steps.contains(&wanted))
            .map(|lane| lane.browser)
            .collect()
    }

    #[test]
    fn every_browser_gets_a_lane_in_order_with_its_tests_and_a_long_path() {
        let lanes = lanes(&Browser::ALL, EVERYTHING);
        let browsers: Vec<Browser> = lanes.iter().map(|lane| lane.browser).collect();
        assert_eq!(browsers, Browser::ALL);
        for lane in &lanes {
            assert!(matches!(lane.steps[0], Step::Tests(_)), "{lane:?}");
            assert!(
                lane.steps
                    .iter()
                    .any(|step| matches!(step, Step::LongPath(_))),
                "{lane:?}"
            );
        }
        assert_eq!(
            lanes[0].steps[..2],
            [
                Step::Tests(Suite::Classic),
                Step::Tests(Suite::OverTransport(STREAM))
            ]
        );
    }

    #[test]
    fn one_off_steps_go_where_the_lanes_stay_even() {
        let lanes = lanes(&Browser::ALL, EVERYTHING);
        assert_eq!(steps_in(&lanes, Step::WasmPack), [Browser::Chromium]);
        assert_eq!(steps_in(&lanes, Step::Frameworks), Browser::ALL);
        assert_eq!(
            steps_in(&lanes, Step::Demo),
            [Browser::Chromium, Browser::WebKit]
        );
        assert_eq!(steps_in(&lanes, Step::Examples), [Browser::WebKit]);
        assert_eq!(steps_in(&lanes, Step::Tabs), Browser::ALL);
    }

    #[test]
    fn without_webkit_the_examples_run_in_chromium_and_without_sites_nowhere() {
        let two = lanes(&[Browser::Chromium, Browser::Firefox], EVERYTHING);
        assert_eq!(steps_in(&two, Step::Examples), [Browser::Chromium]);
        let firefox = lanes(&[Browser::Firefox], EVERYTHING);
        assert_eq!(steps_in(&firefox, Step::Examples), []);
        assert_eq!(steps_in(&firefox, Step::Demo), []);
        let unbuilt = lanes(
            &Browser::ALL,
            Available {
                wasm_pack: false,
                sites: false,
            },
        );
        for step in [Step::WasmPack, Step::Demo, Step::Tabs, Step::Examples] {
            assert_eq!(steps_in(&unbuilt, step), []);
        }
    }

    #[test]
    fn names_match_the_summary_lines_users_know() {
        let lanes = lanes(&Browser::ALL, EVERYTHING);
        let names: Vec<String> = lanes
            .iter()
            .flat_map(|lane| lane.steps.iter().map(|step| step.name(lane.browser)))
            .collect();
        assert_eq!(
            names,
            [
                "chromium",
                "chromium, stream transport",
                "long checkout path (chromium)",
                "wasm-pack",
                "framework crates (chromium)",
                "demo (chromium)",
                "one connection for every tab (chromium)",
                "firefox, auto transport (falls back to classic)",
                "long checkout path (firefox)",
                "framework crates (firefox)",
                "one connection for every tab (firefox)",
                "webkit, auto transport (falls back to classic)",
                "long checkout path (webkit)",
                "framework crates (webkit)",
                "demo (webkit)",
                "one connection for every tab (webkit)",
                "examples (webkit)",
            ]
        );
    }
}
