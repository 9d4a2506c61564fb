//! Just enough JSON for the bench, std only: reading the flat objects of `BENCH` lines and
//! writing strings and numbers into `results.json`.

use std::collections::BTreeMap;

/// A value in a flat object: the bench only writes strings, numbers and `null` (a
/// figure an implementation has not got).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    Null,
}

/// Reads `{"key": "text" | number | null, ...}`; `None` for anything else (nesting,
/// arrays, `true`, trailing garbage).
pub fn parse_flat_object(json: &str) -> Option<BTreeMap<String, Value>> {
    let mut chars = json.trim().chars().peekable();
    let mut fields = BTreeMap::new();
    expect(&mut chars, '{')?;
    skip_space(&mut chars);
    if chars.peek() == Some(&'}') {
        chars.next();
        return chars.next().is_none().then_some(fields);
    }
    loop {
        skip_space(&mut chars);
        let key = read_string(&mut chars)?;
        skip_space(&mut chars);
        expect(&mut chars, ':')?;
        skip_space(&mut chars);
        let value = if chars.peek() == Some(&'"') {
            Value::Text(read_string(&mut chars)?)
        } else if chars.peek() == Some(&'n') {
            for wanted in "null".chars() {
                expect(&mut chars, wanted)?;
            }
            Value::Null
        } else {
            let mut number = String::new();
            while let Some(&c) = chars.peek() {
                if !(c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E')) {
                    break;
                }
                number.push(c);
                chars.next();
            }
            Value::Number(number.parse().ok()?)
        };
        fields.insert(key, value);
        skip_space(&mut chars);
        match chars.next()? {
            ',' => continue,
            '}' => break,
            _ => return None,
        }
    }
    skip_space(&mut chars);
    chars.next().is_none().then_some(fields)
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

fn skip_space(chars: &mut Chars) {
    while chars.peek().is_some_and(|c| c.is_whitespace()) {
        chars.next();
    }
}

fn expect(chars: &mut Chars, wanted: char) -> Option<()> {
    (chars.next()? == wanted).then_some(())
}

fn read_string(chars: &mut Chars) -> Option<String> {
    expect(chars, '"')?;
    let mut text = String::new();
    loop {
        match chars.next()? {
            '"' => return Some(text),
            '\\' => match chars.next()? {
                '"' => text.push('"'),
                '\\' => text.push('\\'),
                '/' => text.push('/'),
                'n' => text.push('\n'),
                't' => text.push('\t'),
                'r' => text.push('\r'),
                'u' => {
                    let hex: String = (0..4).map(|_| chars.next()).collect::<Option<_>>()?;
                    text.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                _ => return None,
            },
            c => text.push(c),
        }
    }
}

/// `text` as a JSON string literal.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A number with at most `decimals` decimals; `null` where JSON has no number (NaN).
pub fn number(value: f64, decimals: usize) -> String {
    if value.is_finite() {
        let text = format!("{value:.decimals$}");
        // Trailing zeros say nothing: 1.500 -> 1.5, 2.000 -> 2.
        if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.').to_owned()
        } else {
            text
        }
    } else {
        "null".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_objects_of_strings_and_numbers_are_read() {
        let fields =
            parse_flat_object(r#" {"kind": "time", "ms": 12.5, "round": 0, "q": "a\"b\u0041"} "#)
                .unwrap();
        assert_eq!(fields["kind"], Value::Text("time".into()));
        assert_eq!(fields["ms"], Value::Number(12.5));
        assert_eq!(fields["round"], Value::Number(0.0));
        assert_eq!(fields["q"], Value::Text("a\"bA".into()));
        assert_eq!(parse_flat_object("{}").unwrap().len(), 0);
        assert_eq!(
            parse_flat_object(r#"{"a": null}"#).unwrap()["a"],
            Value::Null
        );
    }

    #[test]
    fn anything_else_is_not_read() {
        for bad in [
            "",
            "{",
            r#"{"a":1"#,
            r#"{"a":[1]}"#,
            r#"{"a":true}"#,
            r#"{"a":1} x"#,
            r#"{a:1}"#,
            r#"{"a":nul}"#,
        ] {
            assert_eq!(parse_flat_object(bad), None, "{bad}");
        }
    }

    #[test]
    fn strings_are_escaped_and_numbers_trimmed() {
        assert_eq!(string("a\"b\\c\n"), r#""a\"b\\c\n""#);
        assert_eq!(number(1.5, 3), "1.5");
        assert_eq!(number(2.0, 3), "2");
        assert_eq!(number(1.23456, 3), "1.235");
        assert_eq!(number(120.0, 0), "120");
        assert_eq!(number(f64::NAN, 3), "null");
    }
}
