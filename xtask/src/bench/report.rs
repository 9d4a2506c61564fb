//! From samples to results: medians per workload and implementation, ratios to raw
//! JavaScript, the tables on stdout and `results.json`.

use super::json::{number, string};
use super::run::Run;
use super::size::Sizes;
use crate::browser::Browser;
use std::fmt::Write;

/// The implementations in table order; `raw` is the baseline of every ratio.
pub const IMPLEMENTATIONS: [&str; 4] = ["raw", "crate", "gloo", "wsw"];

/// The ratio a wrapper may reach against raw JavaScript and still count as "as fast".
const TARGET_RATIO: f64 = 1.05;

/// One workload's results.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub workload: String,
    /// Every round's milliseconds, per implementation in [`IMPLEMENTATIONS`] order.
    pub samples: [Vec<f64>; 4],
}

impl Row {
    /// The median milliseconds of implementation `index`.
    pub fn median(&self, index: usize) -> Option<f64> {
        median(&self.samples[index])
    }

    /// Implementation `index`'s median over raw's.
    pub fn ratio(&self, index: usize) -> Option<f64> {
        Some(self.median(index)? / self.median(0)?)
    }
}

/// The median; the mean of the middle two for an even count.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

/// Everything one `cargo xtask bench` found.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub browser: Browser,
    pub user_agent: String,
    pub rounds: u32,
    pub scale: String,
    pub rows: Vec<Row>,
    pub size: Option<Sizes>,
}

impl Results {
    /// Groups the samples by workload, in the order the bench ran them.
    pub fn new(browser: Browser, run: &Run, size: Option<Sizes>) -> Results {
        let mut rows: Vec<Row> = Vec::new();
        for sample in &run.samples {
            let Some(index) = IMPLEMENTATIONS
                .iter()
                .position(|name| *name == sample.implementation)
            else {
                continue;
            };
            let row = match rows.iter().position(|row| row.workload == sample.workload) {
                Some(at) => &mut rows[at],
                None => {
                    rows.push(Row {
                        workload: sample.workload.clone(),
                        samples: Default::default(),
                    });
                    rows.last_mut().expect("just pushed")
                }
            };
            row.samples[index].push(sample.ms);
        }
        Results {
            browser,
            user_agent: run.user_agent.clone(),
            rounds: run.rounds,
            scale: run.scale.clone(),
            rows,
            size,
        }
    }
}

fn cell(value: Option<f64>, decimals: usize) -> String {
    value.map_or_else(|| "-".to_owned(), |value| format!("{value:.decimals$}"))
}

/// The timing table: median milliseconds per implementation, then each wrapper's ratio
/// to raw, then how many workloads meet the targets.
pub fn table(results: &Results) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}), median of {} rounds, milliseconds; ratio = wrapper / raw JS",
        results.browser, results.user_agent, results.rounds
    );
    let _ = writeln!(
        out,
        "{:<28} {:>9} {:>9} {:>9} {:>9} {:>10} {:>9} {:>8}",
        "workload", "raw", "crate", "gloo", "wsw", "crate/raw", "gloo/raw", "wsw/raw"
    );
    let (mut near_raw, mut fastest_wrapper) = (0, 0);
    for row in &results.rows {
        let _ = writeln!(
            out,
            "{:<28} {:>9} {:>9} {:>9} {:>9} {:>10} {:>9} {:>8}",
            row.workload,
            cell(row.median(0), 1),
            cell(row.median(1), 1),
            cell(row.median(2), 1),
            cell(row.median(3), 1),
            cell(row.ratio(1), 2),
            cell(row.ratio(2), 2),
            cell(row.ratio(3), 2),
        );
        near_raw += usize::from(row.ratio(1).is_some_and(|ratio| ratio <= TARGET_RATIO));
        fastest_wrapper += usize::from(row.median(1).is_some_and(|crate_ms| {
            [2, 3]
                .iter()
                .all(|&peer| row.median(peer).is_none_or(|peer_ms| crate_ms <= peer_ms))
        }));
    }
    let _ = writeln!(
        out,
        "crate/raw <= {TARGET_RATIO}: {near_raw} of {n} workloads; crate <= gloo and wsw: {fastest_wrapper} of {n}",
        n = results.rows.len()
    );
    out
}

/// The size table: each minimal app's optimised `.wasm`, raw and gzipped.
pub fn size_table(size: &Sizes) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "minimal app (opt-level z, LTO, wasm-opt -Oz)   .wasm bytes   gzip -9 bytes"
    );
    for app in &size.apps {
        let _ = writeln!(out, "{:<46} {:>11} {:>15}", app.label, app.wasm, app.gzip);
    }
    out
}

/// `results.json`: the schema the issue asks for, plus every round's samples.
pub fn json(results: &Results) -> String {
    let mut out = String::from("{\n");
    let _ = writeln!(out, "  \"browser\": {},", string(results.browser.name()));
    let _ = writeln!(out, "  \"user_agent\": {},", string(&results.user_agent));
    let _ = writeln!(out, "  \"rounds\": {},", results.rounds);
    let _ = writeln!(out, "  \"scale\": {},", string(&results.scale));
    out.push_str("  \"rows\": [\n");
    for (i, row) in results.rows.iter().enumerate() {
        let mut fields = vec![format!("\"workload\": {}", string(&row.workload))];
        for (index, name) in IMPLEMENTATIONS.iter().enumerate() {
            fields.push(format!("\"{name}_ms\": {}", optional(row.median(index), 3)));
        }
        for (index, name) in IMPLEMENTATIONS.iter().enumerate().skip(1) {
            fields.push(format!(
                "\"{name}_ratio\": {}",
                optional(row.ratio(index), 3)
            ));
        }
        let samples: Vec<String> = IMPLEMENTATIONS
            .iter()
            .zip(&row.samples)
            .map(|(name, values)| {
                let values: Vec<String> = values.iter().map(|ms| number(*ms, 3)).collect();
                format!("\"{name}\": [{}]", values.join(", "))
            })
            .collect();
        fields.push(format!("\"samples\": {{{}}}", samples.join(", ")));
        let comma = if i + 1 < results.rows.len() { "," } else { "" };
        let _ = writeln!(out, "    {{{}}}{comma}", fields.join(", "));
    }
    out.push_str("  ],\n");
    match &results.size {
        Some(size) => {
            let fields: Vec<String> = size
                .apps
                .iter()
                .flat_map(|app| {
                    [
                        format!("\"{}_wasm\": {}", app.name, app.wasm),
                        format!("\"{}_gzip\": {}", app.name, app.gzip),
                    ]
                })
                .collect();
            let _ = writeln!(out, "  \"size\": {{{}}}", fields.join(", "));
        }
        None => out.push_str("  \"size\": null\n"),
    }
    out.push_str("}\n");
    out
}

fn optional(value: Option<f64>, decimals: usize) -> String {
    value.map_or_else(|| "null".to_owned(), |value| number(value, decimals))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::json::parse_flat_object;
    use crate::bench::run::Sample;
    use crate::bench::size::AppSize;

    fn sample(round: u32, implementation: &str, workload: &str, ms: f64) -> Sample {
        Sample {
            round,
            implementation: implementation.into(),
            workload: workload.into(),
            ms,
        }
    }

    fn results() -> Results {
        let mut samples = Vec::new();
        for (round, scale) in [(0, 1.0), (1, 3.0), (2, 2.0)] {
            for (name, ms) in [
                ("raw", 10.0),
                ("crate", 10.4),
                ("gloo", 20.0),
                ("wsw", 15.0),
            ] {
                samples.push(sample(round, name, "flood-16B-text", ms * scale));
            }
            samples.push(sample(round, "raw", "connect-close", 100.0));
            samples.push(sample(round, "crate", "connect-close", 120.0));
        }
        let run = Run {
            user_agent: "UA".into(),
            rounds: 3,
            scale: "full".into(),
            samples,
        };
        let size = Sizes {
            apps: vec![AppSize {
                name: "crate",
                label: "browser-websocket",
                wasm: 20_000,
                gzip: 9_000,
            }],
        };
        Results::new(Browser::Chromium, &run, Some(size))
    }

    #[test]
    fn medians_take_the_middle_value() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn rows_keep_the_run_order_and_ratios_divide_by_raw() {
        let results = results();
        assert_eq!(results.rows.len(), 2);
        let flood = &results.rows[0];
        assert_eq!(flood.workload, "flood-16B-text");
        assert_eq!(flood.median(0), Some(20.0));
        assert!((flood.ratio(1).unwrap() - 1.04).abs() < 1e-9);
        assert_eq!(results.rows[1].median(2), None);
    }

    #[test]
    fn the_table_counts_the_workloads_that_meet_the_targets() {
        let table = table(&results());
        assert!(table.contains("flood-16B-text"));
        assert!(
            table.contains("crate/raw <= 1.05: 1 of 2 workloads; crate <= gloo and wsw: 2 of 2")
        );
    }

    #[test]
    fn json_has_the_issue_schema() {
        let json = json(&results());
        assert!(json.contains("\"browser\": \"chromium\""));
        let row = json
            .lines()
            .find(|line| line.contains("flood-16B-text"))
            .unwrap()
            .trim()
            .trim_end_matches(',');
        // The row without its nested samples is a flat object.
        let flat = format!("{}}}", &row[..row.find(", \"samples\"").unwrap()]);
        let fields = parse_flat_object(&flat).unwrap();
        for key in [
            "raw_ms",
            "crate_ms",
            "gloo_ms",
            "wsw_ms",
            "crate_ratio",
            "gloo_ratio",
            "wsw_ratio",
        ] {
            assert!(fields.contains_key(key), "{key}");
        }
        assert!(json.contains("\"size\": {\"crate_wasm\": 20000, \"crate_gzip\": 9000}"));
        assert!(json.contains("\"gloo_ms\": null"));
    }
}
