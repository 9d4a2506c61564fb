//! Command-line parsing, by hand: two flags do not earn an argument-parsing crate.

use std::path::PathBuf;

/// Shown for `--help` and after a usage error.
pub const USAGE: &str = "usage: test-server [--port N] [--static DIR]

  --port N      listen on 127.0.0.1:N (default 0: any free port)
  --static DIR  serve the files in DIR at / (index.html for directories)

Prints `listening on 127.0.0.1:PORT` on stdout once bound, then serves until killed.";

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Run the server.
    Serve(Args),
    /// Print [`USAGE`] and exit.
    Help,
}

/// The server's settings.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Args {
    /// Port to bind on 127.0.0.1; 0 lets the OS pick a free one.
    pub port: u16,
    /// Directory served at `/`, if any.
    pub static_dir: Option<PathBuf>,
}

/// Parses the arguments after the program name; the error is a one-line message.
///
/// Both `--port 8080` and `--port=8080` are accepted.
pub fn parse(arguments: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut args = Args::default();
    let mut arguments = arguments.into_iter();
    while let Some(argument) = arguments.next() {
        let (flag, inline_value) = match argument.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (argument, None),
        };
        let mut value = || {
            inline_value
                .clone()
                .or_else(|| arguments.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--port" => {
                let text = value()?;
                args.port = text
                    .parse()
                    .map_err(|_| format!("--port {text}: not a port number (0-65535)"))?;
            }
            "--static" => args.static_dir = Some(PathBuf::from(value()?)),
            _ => return Err(format!("unknown argument: {flag}")),
        }
    }
    Ok(Command::Serve(args))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(arguments: &[&str]) -> Result<Command, String> {
        parse(arguments.iter().map(|argument| argument.to_string()))
    }

    #[test]
    fn no_arguments_mean_any_free_port_and_no_static_files() {
        assert_eq!(parse_strs(&[]), Ok(Command::Serve(Args::default())));
    }

    #[test]
    fn port_and_static_are_read_in_both_spellings() {
        let expected = Command::Serve(Args {
            port: 8080,
            static_dir: Some(PathBuf::from("www")),
        });
        assert_eq!(
            parse_strs(&["--port", "8080", "--static", "www"]),
            Ok(expected)
        );
        let expected = Command::Serve(Args {
            port: 8080,
            static_dir: Some(PathBuf::from("www")),
        });
        assert_eq!(parse_strs(&["--static=www", "--port=8080"]), Ok(expected));
    }

    #[test]
    fn help_wins_over_other_flags() {
        assert_eq!(parse_strs(&["--port", "1", "--help"]), Ok(Command::Help));
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(parse_strs(&["--port"]).is_err());
        assert!(parse_strs(&["--port", "65536"]).is_err());
        assert!(parse_strs(&["--port", "-1"]).is_err());
        assert!(parse_strs(&["--static"]).is_err());
        assert!(parse_strs(&["--verbose"]).is_err());
        assert!(parse_strs(&["8080"]).is_err());
    }
}
