//! Numbers and payloads as the page shows them: sizes, rates, times and previews.

/// A byte count in binary units: `512 B`, `1.5 KiB`, `64 KiB`, `32 MiB`.
pub fn bytes(count: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if count < 1024 {
        return format!("{count} B");
    }
    let mut value = count as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    // One decimal while it carries information, none once the number is wide.
    if value < 10.0 && value.fract() >= 0.05 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

/// A throughput: `0 B/s`, `38 MiB/s`.
pub fn rate(bytes_per_second: f64) -> String {
    format!("{}/s", bytes(bytes_per_second.max(0.0).round() as u64))
}

/// A count with thin grouping for readability: `1 234 567`.
pub fn count(value: u64) -> String {
    let digits = value.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push('\u{202f}');
        }
        grouped.push(digit);
    }
    grouped
}

/// A wall-clock time with milliseconds: `09:05:03.007`.
pub fn clock(hours: u32, minutes: u32, seconds: u32, millis: u32) -> String {
    format!("{hours:02}:{minutes:02}:{seconds:02}.{millis:03}")
}

/// Text quoted and escaped like a Rust string, cut after `max_chars` characters.
pub fn text_preview(text: &str, max_chars: usize) -> String {
    let mut chars = text.chars();
    let shown: String = chars.by_ref().take(max_chars).collect();
    let quoted = format!("{shown:?}");
    if chars.next().is_some() {
        format!("{quoted}…")
    } else {
        quoted
    }
}

/// The first `max_bytes` bytes in hex: `de ad be ef …`.
pub fn bytes_preview(data: &[u8], max_bytes: usize) -> String {
    let mut shown: Vec<String> = data
        .iter()
        .take(max_bytes)
        .map(|byte| format!("{byte:02x}"))
        .collect();
    if data.len() > max_bytes {
        shown.push("…".to_owned());
    }
    shown.join(" ")
}

/// Seconds with two decimals: `0.84 s`.
pub fn seconds(millis: f64) -> String {
    format!("{:.2} s", millis.max(0.0) / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_use_binary_units_and_drop_needless_decimals() {
        assert_eq!(bytes(0), "0 B");
        assert_eq!(bytes(1023), "1023 B");
        assert_eq!(bytes(1024), "1 KiB");
        assert_eq!(bytes(1536), "1.5 KiB");
        assert_eq!(bytes(64 << 10), "64 KiB");
        assert_eq!(bytes(32 << 20), "32 MiB");
        assert_eq!(bytes(1 << 30), "1 GiB");
    }

    #[test]
    fn rates_are_sizes_per_second_and_never_negative() {
        assert_eq!(rate(0.0), "0 B/s");
        assert_eq!(rate(-5.0), "0 B/s");
        assert_eq!(rate(3.0 * 1024.0 * 1024.0), "3 MiB/s");
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(count(7), "7");
        assert_eq!(count(1000), "1\u{202f}000");
        assert_eq!(count(1_234_567), "1\u{202f}234\u{202f}567");
    }

    #[test]
    fn clock_pads_every_field() {
        assert_eq!(clock(9, 5, 3, 7), "09:05:03.007");
    }

    #[test]
    fn text_preview_quotes_escapes_and_cuts() {
        assert_eq!(text_preview("hi", 10), "\"hi\"");
        assert_eq!(text_preview("a\nb", 10), "\"a\\nb\"");
        assert_eq!(text_preview("abcdef", 3), "\"abc\"…");
        assert_eq!(text_preview("éééé", 2), "\"éé\"…");
    }

    #[test]
    fn bytes_preview_shows_hex_then_an_ellipsis() {
        assert_eq!(bytes_preview(&[0xde, 0xad], 4), "de ad");
        assert_eq!(bytes_preview(&[1, 2, 3, 4, 5], 2), "01 02 …");
        assert_eq!(bytes_preview(&[], 4), "");
    }
}
