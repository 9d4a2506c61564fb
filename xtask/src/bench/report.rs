//! From samples to results: medians and round-to-round spreads per workload and
//! implementation, ratios to raw JavaScript, the tables on stdout (and as Markdown) and
//! `results.json`.

use super::json::{number, string};
use super::run::{Run, Skipped};
use super::size::Sizes;
use crate::browser::Browser;
use std::fmt::Write;

/// The implementations in table order; `raw` is the baseline of every ratio.
pub const IMPLEMENTATIONS: [&str; 6] = ["raw", "crate", "crate-cb", "crate-stream", "gloo", "wsw"];

/// The index of `crate` (the Stream/Sink API on the classic socket), the one the targets
/// are about, and of the peers it is held against.
const CRATE: usize = 1;
const PEERS: [usize; 2] = [4, 5];

/// The ratio a wrapper may reach against raw JavaScript and still count as "as fast".
const TARGET_RATIO: f64 = 1.05;

/// One workload's results.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub workload: String,
    /// Every round's `(round, milliseconds)`, per implementation in [`IMPLEMENTATIONS`]
    /// order.
    pub samples: [Vec<(u32, f64)>; IMPLEMENTATIONS.len()],
}

impl Row {
    /// Implementation `index`'s milliseconds, round by round.
    pub fn values(&self, index: usize) -> Vec<f64> {
        self.samples[index].iter().map(|&(_, ms)| ms).collect()
    }

    /// The median milliseconds of implementation `index`.
    pub fn median(&self, index: usize) -> Option<f64> {
        median(&self.values(index))
    }

    /// Implementation `index`'s round-to-round spread: (max - min) / median, in percent.
    pub fn spread(&self, index: usize) -> Option<f64> {
        spread(&self.values(index))
    }

    /// Implementation `index` against raw: the median over the rounds of the round's
    /// wrapper / raw. A round runs a workload's implementations back to back, so a load
    /// that comes and goes on a shared machine divides out of each round's ratio, where it
    /// would not out of a ratio of medians taken at different times.
    pub fn ratio(&self, index: usize) -> Option<f64> {
        let ratios: Vec<f64> = self.samples[index]
            .iter()
            .filter_map(|&(round, ms)| {
                let &(_, raw) = self.samples[0].iter().find(|(r, _)| *r == round)?;
                (raw > 0.0).then(|| ms / raw)
            })
            .collect();
        median(&ratios)
    }

    /// Whether the crate's ratio is at or below every peer's that ran.
    fn crate_at_or_below_peers(&self) -> Option<bool> {
        let crate_ratio = self.ratio(CRATE)?;
        Some(PEERS.iter().all(|&peer| {
            self.ratio(peer)
                .is_none_or(|peer_ratio| crate_ratio <= peer_ratio)
        }))
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

/// (max - min) / median in percent: how far apart the rounds were.
pub fn spread(values: &[f64]) -> Option<f64> {
    let median = median(values).filter(|median| *median > 0.0)?;
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    Some((max - min) / median * 100.0)
}

/// Everything one `cargo xtask bench` found.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub browser: Browser,
    pub user_agent: String,
    pub rounds: u32,
    pub scale: String,
    pub rows: Vec<Row>,
    /// Implementations the browser could not run.
    pub skipped: Vec<Skipped>,
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
            row.samples[index].push((sample.round, sample.ms));
        }
        Results {
            browser,
            user_agent: run.user_agent.clone(),
            rounds: run.rounds,
            scale: run.scale.clone(),
            rows,
            skipped: run.skipped.clone(),
            size,
        }
    }

    fn skipped(&self, name: &str) -> Option<&Skipped> {
        self.skipped.iter().find(|s| s.implementation == name)
    }
}

/// `median (spread%)`, or why there is none.
fn timing_cell(results: &Results, row: &Row, index: usize) -> String {
    match (row.median(index), row.spread(index)) {
        (Some(ms), Some(spread)) => format!("{ms:.1} ({spread:.0}%)"),
        (Some(ms), None) => format!("{ms:.1}"),
        _ if results.skipped(IMPLEMENTATIONS[index]).is_some() => "skipped".to_owned(),
        _ => "-".to_owned(),
    }
}

fn ratio_cell(row: &Row, index: usize) -> String {
    row.ratio(index)
        .map_or_else(|| "-".to_owned(), |ratio| format!("{ratio:.2}"))
}

fn yes_no(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "yes",
        Some(false) => "no",
        None => "-",
    }
}

/// How many rows have implementation `index` at or below the target ratio, of those
/// that measured it.
fn near_raw(results: &Results, index: usize) -> (usize, usize) {
    let ratios: Vec<f64> = results
        .rows
        .iter()
        .filter_map(|row| row.ratio(index))
        .collect();
    let near = ratios
        .iter()
        .filter(|ratio| **ratio <= TARGET_RATIO)
        .count();
    (near, ratios.len())
}

/// The timing tables: median milliseconds with the spread per implementation, then each
/// wrapper's ratio to raw, then how many workloads meet the targets.
pub fn table(results: &Results) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}), median of {} rounds in milliseconds, (spread) = (max - min) / median",
        results.browser, results.user_agent, results.rounds
    );
    let ratio_note = "ratio = median over the rounds of the round's wrapper / raw JS";
    let _ = write!(out, "{:<28}", "workload");
    for name in IMPLEMENTATIONS {
        let _ = write!(out, " {name:>15}");
    }
    out.push('\n');
    for row in &results.rows {
        let _ = write!(out, "{:<28}", row.workload);
        for index in 0..IMPLEMENTATIONS.len() {
            let _ = write!(out, " {:>15}", timing_cell(results, row, index));
        }
        out.push('\n');
    }
    out.push('\n');
    let _ = writeln!(out, "{ratio_note}");
    let _ = write!(out, "{:<28}", "workload");
    for name in &IMPLEMENTATIONS[1..] {
        let _ = write!(out, " {:>12}", format!("{name}/raw"));
    }
    let _ = writeln!(out, " {:>16}", "crate<=gloo,wsw");
    for row in &results.rows {
        let _ = write!(out, "{:<28}", row.workload);
        for index in 1..IMPLEMENTATIONS.len() {
            let _ = write!(out, " {:>12}", ratio_cell(row, index));
        }
        let _ = writeln!(out, " {:>16}", yes_no(row.crate_at_or_below_peers()));
    }
    for skipped in &results.skipped {
        let _ = writeln!(
            out,
            "{}: skipped ({})",
            skipped.implementation, skipped.reason
        );
    }
    let n = results.rows.len();
    let fastest_wrapper = results
        .rows
        .iter()
        .filter(|row| row.crate_at_or_below_peers() == Some(true))
        .count();
    let mut counts = Vec::new();
    for (index, name) in IMPLEMENTATIONS.iter().enumerate().take(4).skip(1) {
        let (near, of) = near_raw(results, index);
        if of > 0 {
            counts.push(format!("{name}/raw <= {TARGET_RATIO}: {near} of {of}"));
        }
    }
    let _ = writeln!(
        out,
        "{}; crate <= gloo and wsw: {fastest_wrapper} of {n}",
        counts.join("; ")
    );
    out
}

/// The same tables in Markdown, for the README: medians with spreads, then ratios.
pub fn markdown(results: &Results) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}, median of {} rounds in ms (spread: (max − min) / median); ratio: median over \
         the rounds of the round's wrapper / raw\n",
        results.browser, results.rounds
    );
    let _ = writeln!(out, "| workload | {} |", IMPLEMENTATIONS.join(" | "));
    let _ = writeln!(out, "|---|{}", "--:|".repeat(IMPLEMENTATIONS.len()));
    for row in &results.rows {
        let cells: Vec<String> = (0..IMPLEMENTATIONS.len())
            .map(|index| timing_cell(results, row, index).replace('-', "–"))
            .collect();
        let _ = writeln!(out, "| {} | {} |", row.workload, cells.join(" | "));
    }
    out.push('\n');
    let names: Vec<String> = IMPLEMENTATIONS[1..]
        .iter()
        .map(|name| format!("{name}/raw"))
        .collect();
    let _ = writeln!(
        out,
        "| workload | {} | crate ≤ gloo, wsw |",
        names.join(" | ")
    );
    let _ = writeln!(out, "|---|{}:-:|", "--:|".repeat(names.len()));
    for row in &results.rows {
        let cells: Vec<String> = (1..IMPLEMENTATIONS.len())
            .map(|index| ratio_cell(row, index).replace('-', "–"))
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            row.workload,
            cells.join(" | "),
            yes_no(row.crate_at_or_below_peers())
        );
    }
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

/// The size table in Markdown, bytes grouped by thousands as the README writes them.
pub fn size_markdown(size: &Sizes) -> String {
    let mut out = String::from("| minimal app | .wasm bytes | gzip -9 bytes |\n|---|--:|--:|\n");
    for app in &size.apps {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            app.label,
            thousands(app.wasm),
            thousands(app.gzip)
        );
    }
    out
}

/// `14533` -> `14 533`.
fn thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(digit);
    }
    out
}

/// An implementation's name as a JSON key: `crate-cb` -> `crate_cb`.
fn key(name: &str) -> String {
    name.replace('-', "_")
}

/// `results.json`: the schema the issue asks for, plus spreads, skips and every round's
/// samples.
pub fn json(results: &Results) -> String {
    let mut out = String::from("{\n");
    let _ = writeln!(out, "  \"browser\": {},", string(results.browser.name()));
    let _ = writeln!(out, "  \"user_agent\": {},", string(&results.user_agent));
    let _ = writeln!(out, "  \"rounds\": {},", results.rounds);
    let _ = writeln!(out, "  \"scale\": {},", string(&results.scale));
    let _ = writeln!(
        out,
        "  \"spread\": {},",
        string("(max - min) / median over the rounds, in percent")
    );
    let _ = writeln!(
        out,
        "  \"ratio\": {},",
        string("median over the rounds of the round's wrapper / raw")
    );
    let skipped: Vec<String> = results
        .skipped
        .iter()
        .map(|s| format!("{}: {}", string(&key(&s.implementation)), string(&s.reason)))
        .collect();
    let _ = writeln!(out, "  \"skipped\": {{{}}},", skipped.join(", "));
    out.push_str("  \"rows\": [\n");
    for (i, row) in results.rows.iter().enumerate() {
        let mut fields = vec![format!("\"workload\": {}", string(&row.workload))];
        for (index, name) in IMPLEMENTATIONS.iter().enumerate() {
            let name = key(name);
            fields.push(format!("\"{name}_ms\": {}", optional(row.median(index), 3)));
            fields.push(format!(
                "\"{name}_spread_pct\": {}",
                optional(row.spread(index), 1)
            ));
        }
        for (index, name) in IMPLEMENTATIONS.iter().enumerate().skip(1) {
            fields.push(format!(
                "\"{}_ratio\": {}",
                key(name),
                optional(row.ratio(index), 3)
            ));
        }
        let samples: Vec<String> = IMPLEMENTATIONS
            .iter()
            .zip(&row.samples)
            .map(|(name, values)| {
                let values: Vec<String> = values.iter().map(|(_, ms)| number(*ms, 3)).collect();
                format!("\"{}\": [{}]", key(name), values.join(", "))
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
                        format!("\"{}_wasm\": {}", key(app.name), app.wasm),
                        format!("\"{}_gzip\": {}", key(app.name), app.gzip),
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
            samples.push(sample(round, "crate-cb", "flood-16B-text", 9.0 * scale));
            samples.push(sample(round, "raw", "connect-close", 100.0));
            samples.push(sample(round, "crate", "connect-close", 120.0));
        }
        let run = Run {
            user_agent: "UA".into(),
            rounds: 3,
            scale: "full".into(),
            samples,
            skipped: vec![Skipped {
                implementation: "crate-stream".into(),
                reason: "no WebSocketStream".into(),
            }],
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
    fn the_spread_is_the_range_over_the_median_in_percent() {
        assert_eq!(spread(&[10.0, 9.0, 11.0]), Some(20.0));
        assert_eq!(spread(&[5.0]), Some(0.0));
        assert_eq!(spread(&[]), None);
    }

    #[test]
    fn ratios_pair_each_round_with_raw_in_the_same_round() {
        let mut samples = Vec::new();
        // A load that doubles the second round: every round's ratio is 1.1.
        for (round, load) in [(0, 1.0), (1, 2.0), (2, 1.0)] {
            samples.push(sample(round, "raw", "w", 100.0 * load));
            samples.push(sample(round, "crate", "w", 110.0 * load));
        }
        // Raw missed round 2 for crate-cb's third sample: only paired rounds count.
        samples.push(sample(0, "crate-cb", "w", 50.0));
        samples.push(sample(3, "crate-cb", "w", 500.0));
        let run = Run {
            samples,
            ..Run::default()
        };
        let row = &Results::new(Browser::Chromium, &run, None).rows[0];
        assert!((row.ratio(1).unwrap() - 1.1).abs() < 1e-9);
        assert_eq!(row.ratio(2), Some(0.5));
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
        assert!(table.contains("20.8 (100%)"), "median and spread: {table}");
        assert!(
            table.contains(
                "crate/raw <= 1.05: 1 of 2; crate-cb/raw <= 1.05: 1 of 1; crate <= gloo and wsw: 2 of 2"
            ),
            "{table}"
        );
    }

    #[test]
    fn sizes_are_grouped_by_thousands() {
        assert_eq!(thousands(14_533), "14 533");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1 000 000");
    }

    #[test]
    fn a_skipped_implementation_says_so_in_both_tables() {
        let results = results();
        let table = table(&results);
        assert!(table.contains("skipped"));
        assert!(table.contains("crate-stream: skipped (no WebSocketStream)"));
        let markdown = markdown(&results);
        assert!(markdown.contains("| crate-stream |"));
        assert!(markdown.contains("skipped"));
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
            "crate_cb_ms",
            "crate_stream_ms",
            "gloo_ms",
            "wsw_ms",
            "crate_spread_pct",
            "crate_ratio",
            "crate_cb_ratio",
            "crate_stream_ratio",
            "gloo_ratio",
            "wsw_ratio",
        ] {
            assert!(fields.contains_key(key), "{key}");
        }
        assert!(json.contains("\"size\": {\"crate_wasm\": 20000, \"crate_gzip\": 9000}"));
        assert!(json.contains("\"gloo_ms\": null"));
        assert!(json.contains("\"skipped\": {\"crate_stream\": \"no WebSocketStream\"}"));
    }
}
