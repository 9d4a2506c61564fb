//! A page as a WebDriver session sees it: fields to fill, buttons to click, readouts to
//! wait for, and the demo page's log and badge.

use std::future::Future;
use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::error::CmdError;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::Value;

use crate::browser::Browser;
use crate::driver::Driver;

/// The desktop size the checks run at.
pub const DESKTOP: (u32, u32) = (1280, 800);

/// How long a browser may take to start and open its session.
const SESSION_TIMEOUT: Duration = Duration::from_secs(60);

/// How long a screenshot or the end of a session may take: neither may hang the run.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(20);

/// How long any one wait may take before the check fails.
const DEADLINE: Duration = Duration::from_secs(20);

/// How often a wait looks again.
const POLL: Duration = Duration::from_millis(50);

/// A line of the page's event log.
#[derive(Debug, Clone)]
pub struct Entry {
    /// `data-seq`: grows by one per line, never reused.
    pub seq: u64,
    /// `open`, `message`, `sent`, `error`, `closed` or `info`.
    pub kind: String,
    /// The whole line: time, kind and detail.
    pub text: String,
}

/// A browser session on one page: the demo or an example.
pub struct Page {
    client: Client,
    browser: Browser,
}

impl Page {
    /// Starts a session of `driver`'s browser with its
    /// [capabilities](crate::browser::Browser::capabilities), at 1280x800. Should that
    /// fail, the error quotes the end of the driver's log.
    pub async fn open(driver: &Driver) -> Result<Page, String> {
        let browser = driver.browser();
        let mut builder = ClientBuilder::new(HttpConnector::new());
        builder.capabilities(browser.capabilities()?);
        let client =
            match tokio::time::timeout(SESSION_TIMEOUT, builder.connect(&driver.url())).await {
                Ok(Ok(client)) => client,
                Ok(Err(err)) => {
                    return Err(driver.explain(&format!("cannot start a {browser} session: {err}")))
                }
                Err(_) => {
                    return Err(driver.explain(&format!(
                        "no {browser} session within {} s",
                        SESSION_TIMEOUT.as_secs()
                    )))
                }
            };
        let page = Page { client, browser };
        if let Err(message) = page.resize(DESKTOP).await.map(drop) {
            page.close().await;
            return Err(driver.explain(&message));
        }
        Ok(page)
    }

    /// Ends the session, which closes the browser.
    pub async fn close(self) {
        let _ = tokio::time::timeout(COMMAND_TIMEOUT, self.client.close()).await;
    }

    /// The window the session's commands go to now.
    pub async fn window(&self) -> Result<fantoccini::wd::WindowHandle, String> {
        self.client
            .window()
            .await
            .map_err(|err| format!("cannot read the current window: {err}"))
    }

    /// Opens a new window (a window, not a tab: a background tab may be throttled) and
    /// returns its handle; the commands still go to the current one.
    pub async fn open_window(&self) -> Result<fantoccini::wd::WindowHandle, String> {
        self.client
            .new_window(false)
            .await
            .map(|opened| opened.handle)
            .map_err(|err| format!("cannot open a window: {err}"))
    }

    /// Sends the next commands to `window`.
    pub async fn switch_to(&self, window: &fantoccini::wd::WindowHandle) -> Result<(), String> {
        self.client
            .switch_to_window(window.clone())
            .await
            .map_err(|err| format!("cannot switch windows: {err}"))
    }

    /// Closes the current window (its page unloads as when a person closes it).
    pub async fn close_window(&self) -> Result<(), String> {
        self.client
            .close_window()
            .await
            .map_err(|err| format!("cannot close the window: {err}"))
    }

    pub async fn goto(&self, url: &str) -> Result<(), String> {
        self.client
            .goto(url)
            .await
            .map_err(|err| format!("cannot load {url}: {err}"))
    }

    /// Sets the viewport to `width` x `height` CSS pixels, or as near as the window
    /// goes, and returns the size it has now.
    ///
    /// # WebKit
    ///
    /// MiniBrowser's window has a 38 px toolbar, which this makes up for, and goes no
    /// narrower than 447 px (headless Firefox's no narrower than 500), which nothing
    /// can: the viewport is then wider than asked.
    pub async fn resize(&self, (width, height): (u32, u32)) -> Result<(u32, u32), String> {
        self.client
            .set_window_size(width, height)
            .await
            .map_err(|err| format!("cannot resize the window: {err}"))?;
        // A headless window has no chrome, MiniBrowser's has a toolbar: grow the window
        // by whatever the viewport lacks.
        let (w, h) = self.viewport().await?;
        if (w, h) == (width, height) {
            return Ok((w, h));
        }
        self.client
            .set_window_size(
                width + width.saturating_sub(w),
                height + height.saturating_sub(h),
            )
            .await
            .map_err(|err| format!("cannot resize the window: {err}"))?;
        self.viewport().await
    }

    /// The viewport's size in CSS pixels.
    pub async fn viewport(&self) -> Result<(u32, u32), String> {
        let inner = self
            .script("return [window.innerWidth, window.innerHeight];")
            .await?;
        match (inner[0].as_u64(), inner[1].as_u64()) {
            (Some(w), Some(h)) => Ok((w as u32, h as u32)),
            _ => Err(format!("the viewport's size reads {inner}")),
        }
    }

    /// A PNG of the viewport, scrolled to the top of the page.
    ///
    /// # WebKit
    ///
    /// Without compositing (`WEBKIT_DISABLE_COMPOSITING_MODE=1`, as in Xvfb),
    /// WebKitWebDriver takes the picture at the page's next paint, so a page at rest
    /// never gets one: the command hangs. While it runs, a transparent 1 px element
    /// moves every 50 ms, so there is always a next paint; it is removed afterwards.
    pub async fn screenshot(&self) -> Result<Vec<u8>, String> {
        self.script("window.scrollTo(0, 0); return null;").await?;
        let repaint = self.browser == Browser::WebKit;
        if repaint {
            self.script(
                "const dot = document.createElement('div');
                 dot.style.cssText = 'position: fixed; left: 0; top: 0; width: 1px; \
                   height: 1px; pointer-events: none; background: transparent';
                 document.documentElement.append(dot);
                 let n = 0;
                 const timer = setInterval(() => { dot.style.left = `${++n % 2}px`; }, 50);
                 window.demoCheckRepaint = () => { clearInterval(timer); dot.remove(); };
                 return null;",
            )
            .await?;
        }
        let taken = tokio::time::timeout(COMMAND_TIMEOUT, self.client.screenshot()).await;
        if repaint {
            // The picture is taken either way: a dot left moving harms nothing.
            let _ = self
                .script("window.demoCheckRepaint?.(); return null;")
                .await;
        }
        match taken {
            Ok(taken) => taken.map_err(|err| format!("screenshot failed: {err}")),
            Err(_) => Err(format!(
                "no screenshot within {} s",
                COMMAND_TIMEOUT.as_secs()
            )),
        }
    }

    /// Saves a screenshot to `path`, saying so with the viewport's size; a failure to
    /// save is a warning, not a failed check.
    pub async fn save_screenshot(&self, path: &Path) {
        let size = match self.viewport().await {
            Ok((width, height)) => format!("{width}x{height}"),
            Err(_) => "size unknown".to_owned(),
        };
        let saved = match self.screenshot().await {
            Ok(png) => {
                if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
                    let _ = std::fs::create_dir_all(dir);
                }
                std::fs::write(path, png)
                    .map_err(|err| format!("cannot write {}: {err}", path.display()))
            }
            Err(message) => Err(message),
        };
        match saved {
            Ok(()) => println!("  screenshot ({size}): {}", path.display()),
            Err(message) => eprintln!("warning: no screenshot: {message}"),
        }
    }

    pub async fn click(&self, id: &str) -> Result<(), String> {
        self.element(id)
            .await?
            .click()
            .await
            .map_err(|err| fail("click", id, err))
    }

    /// Replaces a field's text, as typing would.
    pub async fn fill(&self, id: &str, text: &str) -> Result<(), String> {
        let field = self.element(id).await?;
        field.clear().await.map_err(|err| fail("clear", id, err))?;
        if !text.is_empty() {
            field
                .send_keys(text)
                .await
                .map_err(|err| fail("type into", id, err))?;
        }
        Ok(())
    }

    /// Ticks or unticks a checkbox, as a click would (and only if it is not so already).
    pub async fn set_checked(&self, id: &str, checked: bool) -> Result<(), String> {
        let now = self
            .script(&format!(
                "return document.getElementById({id:?})?.checked ?? null;"
            ))
            .await?;
        match now.as_bool() {
            Some(now) if now == checked => Ok(()),
            Some(_) => self.click(id).await,
            None => Err(format!("#{id} is not a checkbox")),
        }
    }

    /// Whether `#id` is shown: it and its ancestors lack `hidden`.
    pub async fn is_shown(&self, id: &str) -> Result<bool, String> {
        let shown = self
            .script(&format!(
                "const e = document.getElementById({id:?}); \
                 return e ? !e.closest('[hidden]') : null;"
            ))
            .await?;
        shown
            .as_bool()
            .ok_or_else(|| format!("the page has no #{id}"))
    }

    /// The texts of `#id`'s children (a list's items), in order.
    pub async fn child_texts(&self, id: &str) -> Result<Vec<String>, String> {
        let texts = self
            .script(&format!(
                "const e = document.getElementById({id:?}); \
                 return e ? Array.from(e.children, (child) => child.textContent) : null;"
            ))
            .await?;
        let texts = texts
            .as_array()
            .ok_or_else(|| format!("the page has no #{id}"))?;
        Ok(texts
            .iter()
            .map(|text| text.as_str().unwrap_or_default().to_owned())
            .collect())
    }

    /// From now on, records every text that `#id` shows, however briefly, for
    /// [`texts_seen`](Self::texts_seen): a wait that polls can miss a state that lasts
    /// a few milliseconds.
    pub async fn record_texts(&self, id: &str) -> Result<(), String> {
        self.script(&format!(
            "const e = document.getElementById({id:?}); \
             window.demoCheckSeen ??= {{}}; \
             const seen = window.demoCheckSeen[{id:?}] = [e.textContent]; \
             new MutationObserver((records) => {{ \
               for (const r of records) for (const n of r.addedNodes) seen.push(n.textContent); \
             }}).observe(e, {{ childList: true }}); \
             return null;"
        ))
        .await
        .map(drop)
    }

    /// What [`record_texts`](Self::record_texts) recorded for `#id`, oldest first.
    pub async fn texts_seen(&self, id: &str) -> Result<Vec<String>, String> {
        let seen = self
            .script(&format!("return window.demoCheckSeen?.[{id:?}] ?? null;"))
            .await?;
        let seen = seen
            .as_array()
            .ok_or_else(|| format!("#{id}'s texts were not recorded"))?;
        Ok(seen
            .iter()
            .map(|text| text.as_str().unwrap_or_default().to_owned())
            .collect())
    }

    /// Picks an `<option>` of a `<select>` by its value, as a click would.
    pub async fn select(&self, id: &str, value: &str) -> Result<(), String> {
        self.element(id)
            .await?
            .select_by_value(value)
            .await
            .map_err(|err| fail("select in", id, err))
    }

    /// An element's text as the DOM holds it (also when hidden).
    pub async fn text(&self, id: &str) -> Result<String, String> {
        let value = self
            .script(&format!(
                "return document.getElementById({id:?})?.textContent ?? null;"
            ))
            .await?;
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("the page has no #{id}"))
    }

    /// A form field's current value.
    pub async fn value(&self, id: &str) -> Result<String, String> {
        let value = self
            .script(&format!(
                "return document.getElementById({id:?})?.value ?? null;"
            ))
            .await?;
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("the page has no #{id}"))
    }

    /// A whole number in an attribute of `#id`, e.g. `data-bytes`.
    pub async fn number(&self, id: &str, attribute: &str) -> Result<u64, String> {
        let value = self
            .script(&format!(
                "return document.getElementById({id:?})?.getAttribute({attribute:?}) ?? null;"
            ))
            .await?;
        value
            .as_str()
            .and_then(|text| text.parse().ok())
            .ok_or_else(|| format!("#{id} has no number in {attribute} (found {value})"))
    }

    /// The attribute `name` of `#id`.
    pub async fn attribute(&self, id: &str, name: &str) -> Result<String, String> {
        let found = self
            .script(&format!(
                "return document.getElementById({id:?})?.getAttribute({name:?}) ?? null;"
            ))
            .await?;
        found
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("#{id} has no attribute {name}"))
    }

    /// Whether `#id` has the attribute `name` with `value`.
    pub async fn has_attribute(&self, id: &str, name: &str, value: &str) -> Result<bool, String> {
        let found = self
            .script(&format!(
                "return document.getElementById({id:?})?.getAttribute({name:?}) ?? null;"
            ))
            .await?;
        Ok(found.as_str() == Some(value))
    }

    /// `#id`'s text if it has the attribute `name` with `value`, both read at the same
    /// moment (two reads could straddle a change); `None` otherwise.
    pub async fn text_if_attribute(
        &self,
        id: &str,
        name: &str,
        value: &str,
    ) -> Result<Option<String>, String> {
        let found = self
            .script(&format!(
                "const e = document.getElementById({id:?});
                 return e?.getAttribute({name:?}) === {value:?} ? e.textContent : null;"
            ))
            .await?;
        Ok(found.as_str().map(str::to_owned))
    }

    /// From now on, records every uncaught exception and unhandled rejection (a wasm
    /// panic is one) for [`uncaught_errors`](Self::uncaught_errors).
    pub async fn watch_for_uncaught_errors(&self) -> Result<(), String> {
        self.script(
            "window.demoCheckErrors = [];
             addEventListener('error', (e) => demoCheckErrors.push(String(e.message)));
             addEventListener('unhandledrejection', (e) => demoCheckErrors.push(String(e.reason)));
             return null;",
        )
        .await
        .map(drop)
    }

    /// What [`watch_for_uncaught_errors`](Self::watch_for_uncaught_errors) recorded.
    pub async fn uncaught_errors(&self) -> Result<Vec<String>, String> {
        let errors = self
            .script(
                "return window.demoCheckErrors ?? ['the page reloaded: errors were not watched'];",
            )
            .await?;
        let errors = errors.as_array().ok_or("the error list is not a list")?;
        Ok(errors
            .iter()
            .map(|error| error.as_str().unwrap_or("?").to_owned())
            .collect())
    }

    /// Every line of the event log, oldest first.
    pub async fn log(&self) -> Result<Vec<Entry>, String> {
        let lines = self
            .script(
                "return [...document.querySelectorAll('#log > li')].map(li => \
                 [Number(li.dataset.seq), li.className.replace('entry', '').trim(), li.textContent]);",
            )
            .await?;
        let lines = lines.as_array().ok_or("the log is not a list")?;
        Ok(lines
            .iter()
            .map(|line| Entry {
                seq: line[0].as_u64().unwrap_or(0),
                kind: line[1].as_str().unwrap_or_default().to_owned(),
                text: line[2].as_str().unwrap_or_default().to_owned(),
            })
            .collect())
    }

    /// The `data-seq` of the newest log line; lines added later have a higher one.
    pub async fn log_mark(&self) -> Result<u64, String> {
        Ok(self.log().await?.last().map_or(0, |entry| entry.seq))
    }

    /// Waits for a log line newer than `mark`, of `kind`, containing every one of `parts`.
    pub async fn wait_for_entry(
        &self,
        mark: u64,
        kind: &str,
        parts: &[&str],
    ) -> Result<Entry, String> {
        let what = format!("a new {kind} line with {parts:?} in the log");
        self.wait_for(&what, || async {
            Ok(self.log().await?.into_iter().find(|entry| {
                entry.seq > mark
                    && entry.kind == kind
                    && parts.iter().all(|part| entry.text.contains(part))
            }))
        })
        .await
    }

    /// Waits until `#id` has the attribute `name` with `value`.
    pub async fn wait_for_attribute(
        &self,
        id: &str,
        name: &str,
        value: &str,
    ) -> Result<(), String> {
        self.wait_for(&format!("#{id} to have {name}={value:?}"), || async {
            Ok(self.has_attribute(id, name, value).await?.then_some(()))
        })
        .await
    }

    /// Waits until the readyState badge reads `state`.
    pub async fn wait_for_state(&self, state: &str) -> Result<(), String> {
        self.wait_for(&format!("the badge to read {state}"), || async {
            Ok((self.text("state").await? == state).then_some(()))
        })
        .await
    }

    /// Waits until the error area is shown and contains every one of `parts`.
    pub async fn wait_for_error(&self, parts: &[&str]) -> Result<String, String> {
        self.wait_for(&format!("{parts:?} in the error area"), || async {
            let shown = self
                .script("return !document.getElementById('error').hidden;")
                .await?
                == Value::Bool(true);
            let text = self.text("error").await?;
            Ok((shown && parts.iter().all(|part| text.contains(part))).then_some(text))
        })
        .await
    }

    /// Waits until `#id` reads `expected` (an element not there yet is waited for too).
    pub async fn wait_for_text(&self, id: &str, expected: &str) -> Result<(), String> {
        self.wait_for(&format!("#{id} to read {expected:?}"), || async {
            Ok((self.text(id).await.ok().as_deref() == Some(expected)).then_some(()))
        })
        .await
    }

    /// Polls `probe` until it yields a value, failing after the deadline.
    pub async fn wait_for<T, F, Fut>(&self, what: &str, mut probe: F) -> Result<T, String>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Option<T>, String>>,
    {
        let deadline = Instant::now() + DEADLINE;
        loop {
            if let Some(found) = probe().await? {
                return Ok(found);
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "timed out after {} s waiting for {what}",
                    DEADLINE.as_secs()
                ));
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// What the page shows now, for a failure message: badge, error area, last log lines.
    pub async fn describe(&self) -> String {
        let state = self.text("state").await.unwrap_or_else(|err| err);
        let error = self.text("error").await.unwrap_or_else(|err| err);
        let log = match self.log().await {
            Ok(entries) => entries
                .iter()
                .rev()
                .take(8)
                .rev()
                .map(|entry| format!("\n        {}", entry.text))
                .collect::<String>(),
            Err(err) => err,
        };
        format!("      badge: {state}\n      error area: {error:?}\n      last log lines:{log}")
    }

    /// The text of each of these elements that is on the page, for a failure message.
    pub async fn describe_ids(&self, ids: &[&str]) -> String {
        let mut lines = Vec::new();
        for id in ids {
            if let Ok(text) = self.text(id).await {
                lines.push(format!("      #{id}: {text:?}"));
            }
        }
        if lines.is_empty() {
            "      (none of the expected elements is on the page)".to_owned()
        } else {
            lines.join("\n")
        }
    }

    async fn element(&self, id: &str) -> Result<Element, String> {
        self.client
            .find(Locator::Id(id))
            .await
            .map_err(|err| fail("find", id, err))
    }

    async fn script(&self, script: &str) -> Result<Value, String> {
        self.client
            .execute(script, Vec::new())
            .await
            .map_err(|err| format!("script failed: {err}"))
    }
}

fn fail(action: &str, id: &str, err: CmdError) -> String {
    format!("cannot {action} #{id}: {err}")
}
