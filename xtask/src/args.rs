//! A tiny hand-rolled argument reader: `--flag`, `--flag value` and `--flag=value`.

use crate::failure::{Failure, Result};

/// The arguments after the subcommand name, read one flag at a time.
pub struct Args<'a> {
    rest: std::slice::Iter<'a, String>,
    /// The `value` of a `--flag=value` just returned by [`Args::next_flag`].
    inline_value: Option<String>,
}

impl<'a> Args<'a> {
    pub fn new(args: &'a [String]) -> Self {
        Args {
            rest: args.iter(),
            inline_value: None,
        }
    }

    /// The next flag, e.g. `--port` for both `--port 9001` and `--port=9001`.
    pub fn next_flag(&mut self) -> Result<Option<String>> {
        if let Some(value) = self.inline_value.take() {
            return Err(Failure::usage(format!("unexpected value `{value}`")));
        }
        let Some(arg) = self.rest.next().cloned() else {
            return Ok(None);
        };
        match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                self.inline_value = Some(value.to_owned());
                Ok(Some(flag.to_owned()))
            }
            _ => Ok(Some(arg)),
        }
    }

    /// The value of the flag just read.
    pub fn value_of(&mut self, flag: &str) -> Result<String> {
        self.inline_value
            .take()
            .or_else(|| self.rest.next().cloned())
            .ok_or_else(|| Failure::usage(format!("`{flag}` needs a value")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn flag_value_may_follow_or_be_joined_with_equals() {
        let list = strings(&["--port", "1", "--browser=firefox", "--no-lint"]);
        let mut a = Args::new(&list);
        assert_eq!(a.next_flag().unwrap().as_deref(), Some("--port"));
        assert_eq!(a.value_of("--port").unwrap(), "1");
        assert_eq!(a.next_flag().unwrap().as_deref(), Some("--browser"));
        assert_eq!(a.value_of("--browser").unwrap(), "firefox");
        assert_eq!(a.next_flag().unwrap().as_deref(), Some("--no-lint"));
        assert_eq!(a.next_flag().unwrap(), None);
    }

    #[test]
    fn missing_value_is_a_usage_error() {
        let list = strings(&["--port"]);
        let mut a = Args::new(&list);
        a.next_flag().unwrap();
        assert_eq!(a.value_of("--port").unwrap_err().exit_code, 2);
    }

    #[test]
    fn value_given_to_a_switch_is_a_usage_error() {
        let list = strings(&["--no-lint=yes"]);
        let mut a = Args::new(&list);
        a.next_flag().unwrap();
        assert!(a.next_flag().is_err());
    }
}
