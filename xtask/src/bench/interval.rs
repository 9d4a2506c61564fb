//! How sure a median is: a 95 % interval for the median of per-round ratios, from the
//! order statistics, and the verdict it supports against a threshold.
//!
//! The interval needs no assumption about the ratios' distribution, only that rounds are
//! independent: the true median lies below a sample with probability ½, so the number of
//! samples below it is Binomial(n, ½), and `[x(k), x(n+1-k)]` of the sorted samples
//! covers it with probability `1 - 2 P(B ≤ k-1)`. The largest `k` that keeps that at or
//! above 95 % is taken: for 15 rounds `[x(4), x(12)]`, 96.5 %. Fewer than 6 rounds give
//! no 95 % interval at all, and then the verdict is "can't tell".

/// The confidence the intervals are built for.
pub const CONFIDENCE: f64 = 0.95;

/// A closed range of ratios.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

impl Interval {
    /// How far the interval reaches from `centre` on its wider side.
    pub fn reach_from(&self, centre: f64) -> f64 {
        (self.high - centre).max(centre - self.low)
    }
}

/// What an interval says about a ratio against a threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The interval's top is at or below the threshold.
    AtOrBelow,
    /// The interval's bottom is above the threshold.
    Above,
    /// The interval straddles the threshold, or there were too few rounds for one.
    CantTell,
}

impl Verdict {
    /// The verdict `interval` supports against `threshold`.
    pub fn of(interval: Option<Interval>, threshold: f64) -> Verdict {
        match interval {
            Some(interval) if interval.high <= threshold => Verdict::AtOrBelow,
            Some(interval) if interval.low > threshold => Verdict::Above,
            _ => Verdict::CantTell,
        }
    }

    /// As the tables and `results.json` print it, e.g. `≤ 1.05`.
    pub fn label(self, threshold: f64) -> String {
        match self {
            Verdict::AtOrBelow => format!("≤ {threshold:.2}"),
            Verdict::Above => format!("> {threshold:.2}"),
            Verdict::CantTell => "can't tell".to_owned(),
        }
    }
}

/// The one-based rank `k` of the interval's lower end for `n` samples, or `None` when
/// even `[x(1), x(n)]` covers less than [`CONFIDENCE`].
pub fn lower_rank(n: usize) -> Option<usize> {
    let tail = (1.0 - CONFIDENCE) / 2.0;
    // P(B ≤ j) for B ~ Binomial(n, ½), built term by term: C(n, j) / 2^n.
    let mut term = 0.5f64.powi(i32::try_from(n).ok()?);
    let mut below = 0.0;
    let mut k = None;
    for j in 0..n {
        below += term;
        if below > tail {
            break;
        }
        // P(B ≤ j) ≤ tail: x(j+1) may be the lower end.
        k = Some(j + 1);
        term *= (n - j) as f64 / (j + 1) as f64;
    }
    k.filter(|&k| k <= n + 1 - k)
}

/// A 95 % interval for the median of `values`, from their order statistics.
pub fn median_interval(values: &[f64]) -> Option<Interval> {
    let n = values.len();
    let k = lower_rank(n)?;
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    Some(Interval {
        low: sorted[k - 1],
        high: sorted[n - k],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifteen_rounds_give_the_fourth_and_twelfth_values() {
        assert_eq!(lower_rank(15), Some(4));
        let values: Vec<f64> = (1..=15).rev().map(f64::from).collect();
        assert_eq!(
            median_interval(&values),
            Some(Interval {
                low: 4.0,
                high: 12.0
            })
        );
    }

    #[test]
    fn the_ranks_match_the_binomial_tables() {
        // n: k, from tables of the sign test's two-sided 5 % critical values.
        for (n, k) in [
            (6, 1),
            (8, 1),
            (9, 2),
            (10, 2),
            (11, 2),
            (12, 3),
            (20, 6),
            (30, 10),
        ] {
            assert_eq!(lower_rank(n), Some(k), "n = {n}");
        }
    }

    #[test]
    fn five_rounds_or_fewer_give_no_interval() {
        for n in 0..=5 {
            assert_eq!(lower_rank(n), None, "n = {n}");
        }
        assert_eq!(median_interval(&[1.0, 1.0, 1.0, 1.0, 1.0]), None);
    }

    #[test]
    fn verdicts_need_the_whole_interval_on_one_side() {
        let interval = |low, high| Some(Interval { low, high });
        assert_eq!(Verdict::of(interval(0.9, 1.05), 1.05), Verdict::AtOrBelow);
        assert_eq!(Verdict::of(interval(1.051, 1.2), 1.05), Verdict::Above);
        assert_eq!(Verdict::of(interval(1.0, 1.06), 1.05), Verdict::CantTell);
        assert_eq!(Verdict::of(interval(1.05, 1.2), 1.05), Verdict::CantTell);
        assert_eq!(Verdict::of(None, 1.05), Verdict::CantTell);
    }

    #[test]
    fn verdicts_print_as_the_issue_spells_them() {
        assert_eq!(Verdict::AtOrBelow.label(1.05), "≤ 1.05");
        assert_eq!(Verdict::Above.label(1.05), "> 1.05");
        assert_eq!(Verdict::CantTell.label(1.05), "can't tell");
    }

    #[test]
    fn the_reach_is_the_wider_side() {
        let interval = Interval {
            low: 0.97,
            high: 1.06,
        };
        assert!((interval.reach_from(1.0) - 0.06).abs() < 1e-12);
    }
}
