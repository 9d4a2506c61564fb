//! The messages `/flood` sends: each one says its own index, so a browser test can check
//! order and completeness without the server telling it anything else.

/// Binary payload bytes cycle with this period; a prime, so no power-of-two chunking in
/// the browser or the network lines up with it and hides a misplaced chunk.
const BINARY_PERIOD: usize = 251;

/// One period of the binary pattern, copied whole rather than computed byte by byte so a
/// debug build still makes 100 MiB of floods quickly.
const BINARY_PATTERN: [u8; BINARY_PERIOD] = {
    let mut pattern = [0; BINARY_PERIOD];
    let mut k = 0;
    while k < BINARY_PERIOD {
        pattern[k] = k as u8;
        k += 1;
    }
    pattern
};

/// Text message `i`: the decimal `i` left-padded with `'0'` to exactly `size` characters.
///
/// The caller ensures `size >= text_digits(i)` (the route answers 400 otherwise); if it
/// does not, the message is longer than `size`, never truncated.
pub fn flood_text(i: u64, size: usize) -> String {
    format!("{i:0>size$}")
}

/// Binary message `i`: `size` bytes where byte `k` is `k % 251`, except that when
/// `size >= 4` the first four bytes are `i` as a big-endian `u32` (wrapping past
/// `u32::MAX`).
pub fn flood_binary(i: u64, size: usize) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(size);
    while bytes.len() < size {
        let missing = size - bytes.len();
        bytes.extend_from_slice(&BINARY_PATTERN[..missing.min(BINARY_PERIOD)]);
    }
    if let Some(head) = bytes.get_mut(..4) {
        head.copy_from_slice(&(i as u32).to_be_bytes());
    }
    bytes
}

/// How many decimal digits `i` has: the smallest `size` that [`flood_text`] can fill.
pub fn text_digits(i: u64) -> usize {
    i.checked_ilog10().map_or(1, |log| log as usize + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_the_index_zero_padded_to_size() {
        assert_eq!(flood_text(0, 1), "0");
        assert_eq!(flood_text(7, 4), "0007");
        assert_eq!(flood_text(12345, 5), "12345");
        assert_eq!(flood_text(42, 16).len(), 16);
    }

    #[test]
    fn text_never_truncates_an_index_too_long_for_size() {
        assert_eq!(flood_text(123, 2), "123");
    }

    #[test]
    fn digits_count_the_index_in_decimal() {
        assert_eq!(text_digits(0), 1);
        assert_eq!(text_digits(9), 1);
        assert_eq!(text_digits(10), 2);
        assert_eq!(text_digits(99_999), 5);
        assert_eq!(text_digits(u64::MAX), 20);
    }

    #[test]
    fn binary_starts_with_the_index_big_endian() {
        let bytes = flood_binary(0x0102_0304, 8);
        assert_eq!(bytes, [1, 2, 3, 4, 4, 5, 6, 7]);
    }

    #[test]
    fn binary_shorter_than_four_bytes_is_only_the_pattern() {
        assert_eq!(flood_binary(99, 0), Vec::<u8>::new());
        assert_eq!(flood_binary(99, 3), [0, 1, 2]);
    }

    #[test]
    fn binary_pattern_wraps_at_251() {
        let bytes = flood_binary(5, 600);
        assert_eq!(bytes.len(), 600);
        assert_eq!(&bytes[..4], &5u32.to_be_bytes());
        assert_eq!(bytes[250], 250);
        assert_eq!(bytes[251], 0);
        assert_eq!(bytes[599], (599 % 251) as u8);
    }

    #[test]
    fn binary_index_wraps_past_u32() {
        assert_eq!(&flood_binary(u64::from(u32::MAX) + 2, 4)[..], &[0, 0, 0, 1]);
    }
}
