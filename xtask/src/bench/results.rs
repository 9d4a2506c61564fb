//! From samples to findings: per workload and implementation the median milliseconds and
//! the round-to-round spread; per comparison the median of the per-round ratios, its 95 %
//! interval and the verdict against [`THRESHOLD`].
//!
//! Every comparison is paired by round: a round runs a workload's implementations back to
//! back, so a load that comes and goes on a shared machine divides out of each round's
//! ratio, where it would not out of a ratio of medians taken at different times.

use super::interval::{median_interval, Interval, Verdict};
use super::run::{Run, Skipped};
use super::size::Sizes;
use crate::browser::Browser;
use bench_impls::Impl;

/// The crate's fastest APIs: a row's best of the two is what the targets are about.
pub const FASTEST_CRATE_APIS: [Impl; 2] = [Impl::Crate, Impl::CrateCb];

/// The ratio a wrapper may reach against its baseline (or the crate against a peer) and
/// still count as "as fast".
pub const THRESHOLD: f64 = 1.05;

/// One comparison: a against b, round by round.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comparison {
    /// The median of the per-round ratios a / b.
    pub median: f64,
    /// A 95 % interval for that median; `None` with too few rounds.
    pub interval: Option<Interval>,
    pub verdict: Verdict,
}

/// One workload's results.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub workload: String,
    /// Every round's `(round, milliseconds)`, per implementation in [`Impl::ALL`] order.
    samples: [Vec<(u32, f64)>; Impl::ALL.len()],
}

impl Row {
    /// `implementation`'s `(round, milliseconds)`, round by round.
    pub fn samples(&self, implementation: Impl) -> &[(u32, f64)] {
        &self.samples[implementation.index()]
    }

    /// `implementation`'s milliseconds, round by round.
    pub fn values(&self, implementation: Impl) -> Vec<f64> {
        self.samples(implementation)
            .iter()
            .map(|&(_, ms)| ms)
            .collect()
    }

    /// The median milliseconds of `implementation`.
    pub fn median(&self, implementation: Impl) -> Option<f64> {
        median(&self.values(implementation))
    }

    /// `implementation`'s round-to-round spread: (max - min) / median, in percent.
    pub fn spread(&self, implementation: Impl) -> Option<f64> {
        spread(&self.values(implementation))
    }

    /// a / b for every round both ran.
    pub fn ratios(&self, a: Impl, b: Impl) -> Vec<f64> {
        self.samples(a)
            .iter()
            .filter_map(|&(round, ms)| {
                let &(_, base) = self.samples(b).iter().find(|(r, _)| *r == round)?;
                (base > 0.0).then(|| ms / base)
            })
            .collect()
    }

    /// a against b: the median of the per-round ratios, its interval and verdict.
    pub fn compare(&self, a: Impl, b: Impl) -> Option<Comparison> {
        let ratios = self.ratios(a, b);
        let interval = median_interval(&ratios);
        Some(Comparison {
            median: median(&ratios)?,
            interval,
            verdict: Verdict::of(interval, THRESHOLD),
        })
    }

    /// What this row's wrappers are judged against: `raw-bounded` where it ran (the
    /// `sink` rows), `raw` elsewhere.
    pub fn baseline(&self) -> Impl {
        if self.samples(Impl::RawBounded).is_empty() {
            Impl::Raw
        } else {
            Impl::RawBounded
        }
    }

    /// `implementation` against this row's baseline.
    pub fn judged(&self, implementation: Impl) -> Option<Comparison> {
        self.compare(implementation, self.baseline())
    }

    /// The A/A comparison: raw-aa against raw.
    pub fn aa(&self) -> Option<Comparison> {
        self.compare(Impl::RawAa, Impl::Raw)
    }

    /// The crate's fastest API on this row (`crate` or `crate-cb`, the lower median
    /// against the baseline) and its comparison.
    pub fn fastest_crate_api(&self) -> Option<(Impl, Comparison)> {
        FASTEST_CRATE_APIS
            .into_iter()
            .filter_map(|api| Some((api, self.judged(api)?)))
            .min_by(|(_, a), (_, b)| a.median.total_cmp(&b.median))
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

/// How small a difference the bench can tell: the A/A interval that reaches farthest
/// from 1, over every row.
#[derive(Debug, Clone, PartialEq)]
pub struct Floor {
    /// `± reach`: the interval's wider side, measured from 1.
    pub reach: f64,
    pub workload: String,
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
            row.samples[sample.implementation.index()].push((sample.round, sample.ms));
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

    /// Why `implementation` did not run, if the browser could not run it.
    pub fn skipped(&self, implementation: Impl) -> Option<&Skipped> {
        self.skipped
            .iter()
            .find(|s| s.implementation == implementation)
    }

    /// The A/A floor; `None` unless every row has an A/A interval.
    pub fn floor(&self) -> Option<Floor> {
        let mut floor: Option<Floor> = None;
        for row in &self.rows {
            let reach = row.aa()?.interval?.reach_from(1.0);
            if floor.as_ref().is_none_or(|floor| reach > floor.reach) {
                floor = Some(Floor {
                    reach,
                    workload: row.workload.clone(),
                });
            }
        }
        floor
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::run::Sample;

    fn sample(round: u32, implementation: Impl, workload: &str, ms: f64) -> Sample {
        Sample {
            round,
            implementation,
            workload: workload.into(),
            ms,
        }
    }

    /// Fifteen rounds of `(implementation, ms)` on `workload`, every round scaled by a
    /// load that comes and goes, and each implementation's own jitter added.
    fn fifteen_rounds(workload: &str, implementations: &[(Impl, f64)]) -> Row {
        let mut samples = Vec::new();
        for round in 0..15u32 {
            let load = 1.0 + f64::from(round % 4);
            for (k, &(implementation, ms)) in implementations.iter().enumerate() {
                let jitter = 1.0 + 0.01 * f64::from((round + k as u32) % 3) - 0.01;
                samples.push(sample(round, implementation, workload, ms * load * jitter));
            }
        }
        let run = Run {
            samples,
            ..Run::default()
        };
        Results::new(Browser::Chromium, &run, None).rows.remove(0)
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
    fn ratios_pair_each_round_with_the_same_round() {
        let mut samples = Vec::new();
        // A load that doubles the second round: every round's ratio is 1.1.
        for (round, load) in [(0, 1.0), (1, 2.0), (2, 1.0)] {
            samples.push(sample(round, Impl::Raw, "w", 100.0 * load));
            samples.push(sample(round, Impl::Crate, "w", 110.0 * load));
        }
        // Raw has no round 3: only paired rounds count.
        samples.push(sample(0, Impl::CrateCb, "w", 50.0));
        samples.push(sample(3, Impl::CrateCb, "w", 500.0));
        let run = Run {
            samples,
            ..Run::default()
        };
        let row = &Results::new(Browser::Chromium, &run, None).rows[0];
        assert_eq!(row.ratios(Impl::Crate, Impl::Raw).len(), 3);
        assert!((row.compare(Impl::Crate, Impl::Raw).unwrap().median - 1.1).abs() < 1e-9);
        assert_eq!(row.ratios(Impl::CrateCb, Impl::Raw), [0.5]);
    }

    #[test]
    fn a_steady_gap_under_a_varying_load_gets_a_verdict() {
        let row = fifteen_rounds(
            "w",
            &[
                (Impl::Raw, 100.0),
                (Impl::Crate, 102.0),
                (Impl::Gloo, 130.0),
            ],
        );
        let crate_ = row.judged(Impl::Crate).unwrap();
        let interval = crate_.interval.unwrap();
        assert!(interval.low > 0.99 && interval.high < 1.05, "{interval:?}");
        assert_eq!(crate_.verdict, Verdict::AtOrBelow);
        assert_eq!(row.judged(Impl::Gloo).unwrap().verdict, Verdict::Above);
        // crate / gloo, per round.
        assert_eq!(
            row.compare(Impl::Crate, Impl::Gloo).unwrap().verdict,
            Verdict::AtOrBelow
        );
    }

    #[test]
    fn a_gap_at_the_threshold_cannot_be_told() {
        let row = fifteen_rounds("w", &[(Impl::Raw, 100.0), (Impl::Crate, 105.0)]);
        assert_eq!(row.judged(Impl::Crate).unwrap().verdict, Verdict::CantTell);
    }

    #[test]
    fn sink_rows_are_judged_against_raw_bounded() {
        let row = fifteen_rounds(
            "sink-16B-text",
            &[
                (Impl::Raw, 100.0),
                (Impl::RawBounded, 120.0),
                (Impl::Crate, 121.0),
            ],
        );
        assert_eq!(row.baseline(), Impl::RawBounded);
        assert_eq!(row.judged(Impl::Crate).unwrap().verdict, Verdict::AtOrBelow);
        assert_eq!(
            row.compare(Impl::Crate, Impl::Raw).unwrap().verdict,
            Verdict::Above
        );
        let other = fifteen_rounds("flood", &[(Impl::Raw, 100.0), (Impl::Crate, 101.0)]);
        assert_eq!(other.baseline(), Impl::Raw);
    }

    #[test]
    fn the_fastest_crate_api_is_the_lower_of_stream_and_callback() {
        let row = fifteen_rounds(
            "w",
            &[
                (Impl::Raw, 100.0),
                (Impl::Crate, 110.0),
                (Impl::CrateCb, 101.0),
            ],
        );
        let (index, comparison) = row.fastest_crate_api().unwrap();
        assert_eq!(index, Impl::CrateCb);
        assert_eq!(comparison.verdict, Verdict::AtOrBelow);
    }

    #[test]
    fn the_floor_is_the_widest_a_a_interval_over_the_rows() {
        let mut samples = Vec::new();
        for round in 0..15u32 {
            let wobble = f64::from(round % 5) - 2.0;
            samples.push(sample(round, Impl::Raw, "calm", 100.0));
            samples.push(sample(round, Impl::RawAa, "calm", 100.0 + wobble));
            samples.push(sample(round, Impl::Raw, "noisy", 100.0));
            samples.push(sample(round, Impl::RawAa, "noisy", 100.0 + 4.0 * wobble));
        }
        let run = Run {
            samples,
            ..Run::default()
        };
        let floor = Results::new(Browser::Chromium, &run, None).floor().unwrap();
        assert_eq!(floor.workload, "noisy");
        assert!((floor.reach - 0.04).abs() < 1e-9, "{floor:?}");
    }

    #[test]
    fn too_few_rounds_leave_no_floor_and_no_verdict() {
        let mut samples = Vec::new();
        for round in 0..5 {
            samples.push(sample(round, Impl::Raw, "w", 100.0));
            samples.push(sample(round, Impl::RawAa, "w", 100.0));
        }
        let run = Run {
            samples,
            ..Run::default()
        };
        let results = Results::new(Browser::Chromium, &run, None);
        assert_eq!(results.floor(), None);
        assert_eq!(results.rows[0].aa().unwrap().verdict, Verdict::CantTell);
    }
}
