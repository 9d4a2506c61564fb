//! The results on stdout, in Markdown for the README, and as `results.json`: the
//! timings, then every comparison's median ratio with its 95 % interval and verdict, the
//! A/A floor, and the tallies the targets are about.

use super::interval::{Interval, Verdict};
use super::json::{number, string};
use super::results::{Comparison, Results, Row, FASTEST_CRATE_APIS, THRESHOLD};
use super::size::Sizes;
use bench_impls::Impl;
use std::fmt::Write;

/// How each interval is made, as the tables' headings say it.
const METHOD: &str = "median of the per-round ratios, its 95 % interval from the order \
                      statistics, and the verdict against 1.05";

/// One comparison as the tables list it.
struct Line {
    /// `crate/raw`, `crate/gloo`, ...
    label: String,
    /// `None` when an implementation did not run (see `skipped`).
    comparison: Option<Comparison>,
    /// Whether its verdict counts; the `sink` rows' ratios to unbounded raw do not.
    judged: bool,
    /// The browser could not run one side.
    skipped: bool,
}

/// Every comparison of `row`: the A/A one, each wrapper against the row's baseline, the
/// crate against each peer and, on the `sink` rows, everything against unbounded raw.
fn lines(results: &Results, row: &Row) -> Vec<Line> {
    let skipped = |implementation: Impl| results.skipped(implementation).is_some();
    let baseline = row.baseline();
    let mut lines = vec![Line {
        label: format!("{}/{}", Impl::RawAa, Impl::Raw),
        comparison: row.aa(),
        judged: true,
        skipped: false,
    }];
    for wrapper in Impl::wrappers() {
        lines.push(Line {
            label: format!("{wrapper}/{baseline}"),
            comparison: row.judged(wrapper),
            judged: true,
            skipped: skipped(wrapper),
        });
    }
    for peer in Impl::peers() {
        lines.push(Line {
            label: format!("{}/{peer}", Impl::Crate),
            comparison: row.compare(Impl::Crate, peer),
            judged: true,
            skipped: skipped(peer),
        });
    }
    if baseline == Impl::RawBounded {
        for implementation in std::iter::once(Impl::RawBounded).chain(Impl::wrappers()) {
            lines.push(Line {
                label: format!("{implementation}/{}", Impl::Raw),
                comparison: row.compare(implementation, Impl::Raw),
                judged: false,
                skipped: skipped(implementation),
            });
        }
    }
    lines
}

/// `[0.98, 1.07]`, or why there is no interval.
fn interval_text(interval: Option<Interval>) -> String {
    match interval {
        Some(Interval { low, high }) => format!("[{low:.2}, {high:.2}]"),
        None => "[too few rounds]".to_owned(),
    }
}

/// `median (spread%)`, or why there is none.
fn timing_cell(results: &Results, row: &Row, implementation: Impl) -> String {
    match (row.median(implementation), row.spread(implementation)) {
        (Some(ms), Some(spread)) => format!("{ms:.1} ({spread:.0}%)"),
        (Some(ms), None) => format!("{ms:.1}"),
        _ if results.skipped(implementation).is_some() => "skipped".to_owned(),
        _ => "-".to_owned(),
    }
}

/// The rows behind each verdict of one comparison.
#[derive(Debug, Default, PartialEq)]
struct Tally {
    at_or_below: Vec<String>,
    above: Vec<String>,
    cant_tell: Vec<String>,
}

impl Tally {
    fn of(results: &Results, compare: impl Fn(&Row) -> Option<(String, Comparison)>) -> Tally {
        let mut tally = Tally::default();
        for row in &results.rows {
            let Some((what, comparison)) = compare(row) else {
                continue;
            };
            let entry = format!(
                "{} ({what} {:.2} {})",
                row.workload,
                comparison.median,
                interval_text(comparison.interval)
            );
            match comparison.verdict {
                Verdict::AtOrBelow => tally.at_or_below.push(entry),
                Verdict::Above => tally.above.push(entry),
                Verdict::CantTell => tally.cant_tell.push(entry),
            }
        }
        tally
    }

    /// Whether no row had this comparison.
    fn is_empty(&self) -> bool {
        self.at_or_below.is_empty() && self.above.is_empty() && self.cant_tell.is_empty()
    }

    /// `≤ 1.05 on 7 of 10; > 1.05: a (..); can't tell: b (..)`.
    fn summary(&self) -> String {
        let of = self.at_or_below.len() + self.above.len() + self.cant_tell.len();
        let mut text = format!(
            "{} on {} of {of}",
            Verdict::AtOrBelow.label(THRESHOLD),
            self.at_or_below.len()
        );
        for (verdict, rows) in [
            (Verdict::Above, &self.above),
            (Verdict::CantTell, &self.cant_tell),
        ] {
            if !rows.is_empty() {
                let _ = write!(text, "; {}: {}", verdict.label(THRESHOLD), rows.join(", "));
            }
        }
        text
    }
}

/// The tallies the targets are about: the crate's fastest API against the baseline,
/// and the crate's `Stream` against each peer.
fn tallies(results: &Results) -> Vec<(String, Tally)> {
    let [stream, callback] = FASTEST_CRATE_APIS;
    let mut tallies = vec![(
        format!("the crate's fastest API ({stream} or {callback}) against the baseline"),
        Tally::of(results, |row| {
            let (api, comparison) = row.fastest_crate_api()?;
            Some((api.name().to_owned(), comparison))
        }),
    )];
    for peer in Impl::peers() {
        let label = format!("{}/{peer}", Impl::Crate);
        tallies.push((
            label.clone(),
            Tally::of(results, |row| {
                Some((label.clone(), row.compare(Impl::Crate, peer)?))
            }),
        ));
    }
    tallies
}

/// The A/A floor as a sentence.
fn floor_text(results: &Results) -> String {
    match results.floor() {
        Some(floor) => format!(
            "A/A floor ({}/{}, the farthest any row's interval reaches from 1): ±{:.3} ({})",
            Impl::RawAa,
            Impl::Raw,
            floor.reach,
            floor.workload
        ),
        None => "A/A floor: none (too few rounds for an interval)".to_owned(),
    }
}

/// The terminal tables: median milliseconds with the spread per implementation, every
/// comparison with its interval and verdict, then the floor and the tallies.
pub fn table(results: &Results) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}), {} rounds (after one not counted), median milliseconds (spread = (max - min) / median)",
        results.browser, results.user_agent, results.rounds
    );
    let _ = write!(out, "{:<28}", "workload");
    for implementation in Impl::ALL {
        let _ = write!(out, " {implementation:>14}");
    }
    out.push('\n');
    for row in &results.rows {
        let _ = write!(out, "{:<28}", row.workload);
        for implementation in Impl::ALL {
            let _ = write!(out, " {:>14}", timing_cell(results, row, implementation));
        }
        out.push('\n');
    }
    out.push('\n');
    let _ = writeln!(out, "ratios: {METHOD}; the sink rows are judged against raw-bounded, their ratios to unbounded raw are printed unjudged");
    let _ = writeln!(
        out,
        "{:<28} {:<24} {:>7}  {:<16} verdict",
        "workload", "comparison", "median", "95 % interval"
    );
    for row in &results.rows {
        // A comparison with a side that `--only` left out is not a line.
        let measured = lines(results, row)
            .into_iter()
            .filter(|line| line.comparison.is_some() || line.skipped);
        for (i, line) in measured.enumerate() {
            let workload = if i == 0 { row.workload.as_str() } else { "" };
            let (median, interval, verdict) = match &line.comparison {
                Some(c) => (
                    format!("{:.3}", c.median),
                    interval_text(c.interval),
                    if line.judged {
                        c.verdict.label(THRESHOLD)
                    } else {
                        "(not judged)".to_owned()
                    },
                ),
                None if line.skipped => ("skipped".to_owned(), String::new(), String::new()),
                None => ("-".to_owned(), String::new(), String::new()),
            };
            let _ = writeln!(
                out,
                "{workload:<28} {:<24} {median:>7}  {interval:<16} {verdict}",
                line.label
            );
        }
    }
    for skipped in &results.skipped {
        let _ = writeln!(
            out,
            "{}: skipped ({})",
            skipped.implementation, skipped.reason
        );
    }
    out.push('\n');
    let _ = writeln!(out, "{}", floor_text(results));
    for (label, tally) in tallies(results) {
        if !tally.is_empty() {
            let _ = writeln!(out, "{label}: {}", tally.summary());
        }
    }
    out
}

/// A comparison's Markdown cell: `1.02 [0.98, 1.07] ≤ 1.05`.
fn markdown_cell(line: &Line) -> String {
    match &line.comparison {
        Some(c) if line.judged => format!(
            "{:.2} {} {}",
            c.median,
            interval_text(c.interval),
            c.verdict.label(THRESHOLD)
        ),
        Some(c) => format!("{:.2} {}", c.median, interval_text(c.interval)),
        None if line.skipped => "skipped".to_owned(),
        None => "–".to_owned(),
    }
}

/// The same tables in Markdown, for the README: timings, judged comparisons, the `sink`
/// rows against unbounded raw, then the floor and the tallies.
pub fn markdown(results: &Results) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}, {} rounds after one not counted, median ms (spread: (max − min) / median)\n",
        results.browser, results.rounds
    );
    let names: Vec<&str> = Impl::ALL.into_iter().map(Impl::name).collect();
    let _ = writeln!(out, "| workload | {} |", names.join(" | "));
    let _ = writeln!(out, "|---|{}", "--:|".repeat(names.len()));
    for row in &results.rows {
        let cells: Vec<String> = Impl::ALL
            .into_iter()
            .map(|implementation| timing_cell(results, row, implementation).replace('-', "–"))
            .collect();
        let _ = writeln!(out, "| {} | {} |", row.workload, cells.join(" | "));
    }
    let _ = writeln!(out, "\nRatios: {METHOD}.\n");
    // The columns of `lines`' judged comparisons, named for every row's baseline.
    let judged_labels: Vec<String> = std::iter::once(Impl::RawAa)
        .chain(Impl::wrappers())
        .map(|implementation| implementation.name().to_owned())
        .chain(Impl::peers().map(|peer| format!("{}/{peer}", Impl::Crate)))
        .collect();
    let _ = writeln!(
        out,
        "| workload | against | {} |",
        judged_labels.join(" | ")
    );
    let _ = writeln!(out, "|---|---|{}", "--:|".repeat(judged_labels.len()));
    for row in &results.rows {
        let cells: Vec<String> = lines(results, row)
            .iter()
            .filter(|line| line.judged)
            .map(markdown_cell)
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            row.workload,
            row.baseline(),
            cells.join(" | ")
        );
    }
    let sink_rows: Vec<&Row> = results
        .rows
        .iter()
        .filter(|row| row.baseline() == Impl::RawBounded)
        .collect();
    if let Some(first) = sink_rows.first() {
        let labels: Vec<String> = lines(results, first)
            .into_iter()
            .filter(|line| !line.judged)
            .map(|line| line.label)
            .collect();
        let _ = writeln!(
            out,
            "\nThe sink rows against raw JavaScript that hands every message to the browser at once (not judged):\n"
        );
        let _ = writeln!(out, "| workload | {} |", labels.join(" | "));
        let _ = writeln!(out, "|---|{}", "--:|".repeat(labels.len()));
        for row in sink_rows {
            let cells: Vec<String> = lines(results, row)
                .iter()
                .filter(|line| !line.judged)
                .map(markdown_cell)
                .collect();
            let _ = writeln!(out, "| {} | {} |", row.workload, cells.join(" | "));
        }
    }
    let _ = writeln!(out, "\n{}.", floor_text(results));
    for (label, tally) in tallies(results) {
        if !tally.is_empty() {
            let _ = writeln!(out, "- {label}: {}", tally.summary());
        }
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

/// An implementation's or an app's name as a JSON key: `crate-cb` -> `crate_cb`.
fn key(name: impl std::fmt::Display) -> String {
    name.to_string().replace('-', "_")
}

fn optional(value: Option<f64>, decimals: usize) -> String {
    value.map_or_else(|| "null".to_owned(), |value| number(value, decimals))
}

/// `{prefix}`, `{prefix}_low`, `{prefix}_high` and, if `judged`, `{prefix}_verdict`.
fn comparison_fields(prefix: &str, comparison: Option<Comparison>, judged: bool) -> Vec<String> {
    let interval = comparison.and_then(|c| c.interval);
    let mut fields = vec![
        format!(
            "\"{prefix}\": {}",
            optional(comparison.map(|c| c.median), 3)
        ),
        format!("\"{prefix}_low\": {}", optional(interval.map(|i| i.low), 3)),
        format!(
            "\"{prefix}_high\": {}",
            optional(interval.map(|i| i.high), 3)
        ),
    ];
    if judged {
        let verdict = comparison.map_or_else(
            || "null".to_owned(),
            |c| string(&c.verdict.label(THRESHOLD)),
        );
        fields.push(format!("\"{prefix}_verdict\": {verdict}"));
    }
    fields
}

/// `results.json`: per row the medians and spreads, each implementation's ratio to raw,
/// the judged comparisons with their intervals and verdicts, and every round's samples.
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
        string("X_ratio: the median over the rounds of the round's X / raw; _low and _high: its 95 % interval from the order statistics")
    );
    let _ = writeln!(
        out,
        "  \"verdict\": {},",
        string("X_vs_baseline against the row's baseline (raw-bounded on sink rows, raw elsewhere) and crate_vs_gloo, crate_vs_wsw: <= 1.05 when the interval's top is at or below 1.05, > 1.05 when its bottom is above, can't tell otherwise")
    );
    let _ = writeln!(out, "  \"threshold\": {},", number(THRESHOLD, 2));
    let _ = writeln!(
        out,
        "  \"aa_floor\": {},",
        optional(results.floor().map(|floor| floor.reach), 3)
    );
    let skipped: Vec<String> = results
        .skipped
        .iter()
        .map(|s| format!("{}: {}", string(&key(s.implementation)), string(&s.reason)))
        .collect();
    let _ = writeln!(out, "  \"skipped\": {{{}}},", skipped.join(", "));
    out.push_str("  \"rows\": [\n");
    for (i, row) in results.rows.iter().enumerate() {
        let mut fields = vec![
            format!("\"workload\": {}", string(&row.workload)),
            format!("\"baseline\": {}", string(row.baseline().name())),
        ];
        for implementation in Impl::ALL {
            let name = key(implementation);
            fields.push(format!(
                "\"{name}_ms\": {}",
                optional(row.median(implementation), 3)
            ));
            fields.push(format!(
                "\"{name}_spread_pct\": {}",
                optional(row.spread(implementation), 1)
            ));
        }
        // Every implementation but raw itself against raw; only the A/A ratio is judged.
        for implementation in Impl::ALL.into_iter().filter(|&i| i != Impl::Raw) {
            fields.extend(comparison_fields(
                &format!("{}_ratio", key(implementation)),
                row.compare(implementation, Impl::Raw),
                implementation == Impl::RawAa,
            ));
        }
        for wrapper in Impl::wrappers() {
            fields.extend(comparison_fields(
                &format!("{}_vs_baseline", key(wrapper)),
                row.judged(wrapper),
                true,
            ));
        }
        for peer in Impl::peers() {
            fields.extend(comparison_fields(
                &format!("{}_vs_{}", key(Impl::Crate), key(peer)),
                row.compare(Impl::Crate, peer),
                true,
            ));
        }
        let samples: Vec<String> = Impl::ALL
            .into_iter()
            .map(|implementation| {
                let values: Vec<String> = row
                    .samples(implementation)
                    .iter()
                    .map(|(_, ms)| number(*ms, 3))
                    .collect();
                format!("\"{}\": [{}]", key(implementation), values.join(", "))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::json::parse_flat_object;
    use crate::bench::run::{Run, Sample, Skipped};
    use crate::bench::size::AppSize;
    use crate::browser::Browser;

    fn sample(round: u32, implementation: Impl, workload: &str, ms: f64) -> Sample {
        Sample {
            round,
            implementation,
            workload: workload.into(),
            ms,
        }
    }

    /// Fifteen rounds of a flood and a sink, with a load that varies by round.
    fn results() -> Results {
        let mut samples = Vec::new();
        for round in 0..15u32 {
            let load = 1.0 + f64::from(round % 3);
            let wobble = 1.0 + 0.002 * f64::from(round % 2);
            for (implementation, ms) in [
                (Impl::Raw, 10.0),
                (Impl::RawAa, 10.0 * wobble),
                (Impl::Crate, 10.2),
                (Impl::CrateCb, 9.0),
                (Impl::Gloo, 20.0),
                (Impl::Wsw, 15.0),
            ] {
                samples.push(sample(round, implementation, "flood-16B-text", ms * load));
            }
            for (implementation, ms) in [
                (Impl::Raw, 100.0),
                (Impl::RawAa, 100.0),
                (Impl::RawBounded, 120.0),
                (Impl::Crate, 121.0),
                (Impl::CrateCb, 110.0),
                (Impl::Gloo, 300.0),
                (Impl::Wsw, 121.0 - f64::from(round % 2) * 11.0),
            ] {
                samples.push(sample(round, implementation, "sink-16B-text", ms * load));
            }
        }
        let run = Run {
            user_agent: "UA".into(),
            rounds: 15,
            scale: "full".into(),
            samples,
            skipped: vec![Skipped {
                implementation: Impl::CrateStream,
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
    fn the_table_prints_intervals_verdicts_the_floor_and_the_tallies() {
        let table = table(&results());
        assert!(table.contains("flood-16B-text"), "{table}");
        assert!(table.contains("20.0 (100%)"), "median and spread: {table}");
        assert!(table.contains("1.020  [1.02, 1.02]     ≤ 1.05"), "{table}");
        assert!(table.contains("crate/raw-bounded"), "{table}");
        assert!(table.contains("(not judged)"), "{table}");
        assert!(table.contains("A/A floor (raw-aa/raw"), "{table}");
        assert!(table.contains("±0.002 (flood-16B-text)"), "{table}");
        assert!(
            table.contains(
                "the crate's fastest API (crate or crate-cb) against the baseline: ≤ 1.05 on 2 of 2"
            ),
            "{table}"
        );
        assert!(
            table.contains("crate/wsw: ≤ 1.05 on 1 of 2; can't tell: sink-16B-text"),
            "{table}"
        );
    }

    #[test]
    fn tallies_sort_rows_by_verdict() {
        let results = results();
        let tallies = tallies(&results);
        let (_, gloo) = &tallies[1];
        assert_eq!(gloo.at_or_below.len(), 2);
        let (_, wsw) = &tallies[2];
        assert_eq!(wsw.cant_tell.len(), 1);
        assert!(wsw.cant_tell[0].starts_with("sink-16B-text (crate/wsw 1.00 [1.00, 1.10])"));
    }

    #[test]
    fn a_row_only_raw_and_the_crate_run_shows_dashes_for_the_rest() {
        let mut samples = Vec::new();
        for round in 0..15u32 {
            let load = 1.0 + f64::from(round % 3);
            for (implementation, ms) in
                [(Impl::Raw, 10.0), (Impl::RawAa, 10.0), (Impl::Crate, 11.6)]
            {
                samples.push(sample(
                    round,
                    implementation,
                    "rpc-roundtrip-16B",
                    ms * load,
                ));
            }
        }
        let run = Run {
            rounds: 15,
            samples,
            ..Run::default()
        };
        let results = Results::new(Browser::Chromium, &run, None);
        let table = table(&results);
        let listed: Vec<&str> = table
            .lines()
            .skip_while(|line| !(line.starts_with("workload") && line.contains("comparison")))
            .skip(1)
            .take_while(|line| !line.is_empty())
            .collect();
        assert_eq!(listed.len(), 2, "raw-aa/raw and crate/raw only: {table}");
        assert!(
            table.contains("the crate's fastest API (crate or crate-cb) against the baseline: ≤ 1.05 on 0 of 1; > 1.05: rpc-roundtrip-16B (crate 1.16"),
            "{table}"
        );
        let markdown = markdown(&results);
        assert!(
            markdown.contains("| rpc-roundtrip-16B | raw | 1.00 [1.00, 1.00] ≤ 1.05 | 1.16 [1.16, 1.16] > 1.05 | – | – | – | – | – | – |"),
            "{markdown}"
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
        assert!(table.contains("crate-stream: skipped (no WebSocketStream)"));
        let markdown = markdown(&results);
        assert!(markdown.contains("| crate-stream |"), "{markdown}");
        assert!(markdown.contains("| skipped |"), "{markdown}");
    }

    #[test]
    fn the_markdown_has_the_judged_and_the_unjudged_tables() {
        let markdown = markdown(&results());
        assert!(
            markdown.contains("| workload | against | raw-aa | crate | crate-cb | crate-stream | gloo | wsw | crate/gloo | crate/wsw |"),
            "{markdown}"
        );
        assert!(
            markdown.contains("| sink-16B-text | raw-bounded | 1.00 [1.00, 1.00] ≤ 1.05 |"),
            "{markdown}"
        );
        assert!(
            markdown.contains("| workload | raw-bounded/raw | crate/raw |"),
            "{markdown}"
        );
        assert!(
            markdown.contains("| sink-16B-text | 1.20 [1.20, 1.20] | 1.21 [1.21, 1.21] |"),
            "{markdown}"
        );
    }

    #[test]
    fn json_has_the_figures_intervals_and_verdicts() {
        let json = json(&results());
        assert!(json.contains("\"browser\": \"chromium\""));
        assert!(json.contains("\"aa_floor\": 0.002"), "{json}");
        let row = |workload: &str| {
            let line = json
                .lines()
                .find(|line| line.contains(workload))
                .unwrap()
                .trim()
                .trim_end_matches(',');
            // The row without its nested samples is a flat object.
            let flat = format!("{}}}", &line[..line.find(", \"samples\"").unwrap()]);
            parse_flat_object(&flat).unwrap()
        };
        let flood = row("flood-16B-text");
        for key in [
            "raw_ms",
            "crate_ms",
            "crate_cb_ms",
            "crate_stream_ms",
            "gloo_ms",
            "wsw_ms",
            "crate_spread_pct",
            "crate_ratio",
            "crate_ratio_low",
            "crate_ratio_high",
            "raw_aa_ratio_verdict",
            "crate_vs_baseline_verdict",
            "crate_cb_vs_baseline_low",
            "crate_vs_gloo_verdict",
            "crate_vs_wsw_high",
        ] {
            assert!(flood.contains_key(key), "{key}");
        }
        use crate::bench::json::Value;
        assert_eq!(flood["baseline"], Value::Text("raw".into()));
        assert_eq!(
            flood["crate_vs_baseline_verdict"],
            Value::Text("≤ 1.05".into())
        );
        let sink = row("sink-16B-text");
        assert_eq!(sink["baseline"], Value::Text("raw-bounded".into()));
        assert_eq!(sink["crate_ratio"], Value::Number(1.21));
        assert_eq!(
            sink["crate_vs_baseline_verdict"],
            Value::Text("≤ 1.05".into())
        );
        assert_eq!(
            sink["gloo_vs_baseline_verdict"],
            Value::Text("> 1.05".into())
        );
        assert!(json.contains("\"size\": {\"crate_wasm\": 20000, \"crate_gzip\": 9000}"));
        assert!(json.contains("\"crate_stream_ms\": null"));
        assert!(json.contains("\"skipped\": {\"crate_stream\": \"no WebSocketStream\"}"));
    }
}
