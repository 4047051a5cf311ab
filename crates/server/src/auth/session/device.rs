//! A coarse description of the device a session started on, for the
//! account's list of where it is signed in: the browser's family and the
//! operating system's, each one of a fixed list of names. The User-Agent
//! itself is not kept (it is close to a fingerprint), nor the IP address.

use axum::http::{header, HeaderMap};

/// What a session's row says about its device. `None` when the User-Agent
/// names nothing on the lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Device {
    pub browser: Option<&'static str>,
    pub system: Option<&'static str>,
}

impl Device {
    /// The device a request with these headers came from.
    pub fn from_headers(headers: &HeaderMap) -> Device {
        headers
            .get(header::USER_AGENT)
            .and_then(|value| value.to_str().ok())
            .map(Device::from_user_agent)
            .unwrap_or_default()
    }

    /// Reads a User-Agent. The first matching entry of each list wins, so
    /// browsers built on others (Edge and Opera on Chrome, Chrome on
    /// Safari's engine) come before what they also claim to be.
    pub fn from_user_agent(agent: &str) -> Device {
        const BROWSERS: &[(&[&str], &str)] = &[
            (&["Edg/", "EdgA/", "EdgiOS/"], "Edge"),
            (&["OPR/", "Opera"], "Opera"),
            (&["SamsungBrowser/"], "Samsung Internet"),
            (&["Firefox/", "FxiOS/"], "Firefox"),
            (&["CriOS/", "Chrome/", "Chromium/"], "Chrome"),
            (&["Safari/"], "Safari"),
        ];
        const SYSTEMS: &[(&[&str], &str)] = &[
            (&["Windows"], "Windows"),
            (&["iPad"], "iPadOS"),
            (&["iPhone", "iPod"], "iOS"),
            (&["Android"], "Android"),
            (&["CrOS"], "ChromeOS"),
            (&["Macintosh", "Mac OS X"], "macOS"),
            (&["Linux", "X11"], "Linux"),
        ];
        let find = |list: &[(&[&str], &'static str)]| {
            list.iter()
                .find(|(marks, _)| marks.iter().any(|mark| agent.contains(mark)))
                .map(|(_, name)| *name)
        };
        Device {
            browser: find(BROWSERS),
            system: find(SYSTEMS),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn device(agent: &str) -> (Option<&'static str>, Option<&'static str>) {
        let d = Device::from_user_agent(agent);
        (d.browser, d.system)
    }

    #[test]
    fn common_browsers_and_systems_are_named() {
        assert_eq!(
            device("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80"),
            (Some("Edge"), Some("Windows"))
        );
        assert_eq!(
            device("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"),
            (Some("Safari"), Some("iOS"))
        );
        assert_eq!(
            device("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36"),
            (Some("Samsung Internet"), Some("Android"))
        );
        assert_eq!(
            device(
                "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0"
            ),
            (Some("Firefox"), Some("Linux"))
        );
        assert_eq!(
            device("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36"),
            (Some("Chrome"), Some("macOS"))
        );
    }

    #[test]
    fn anything_else_is_left_unnamed_and_nothing_of_it_is_kept() {
        assert_eq!(device("curl/8.5.0"), (None, None));
        assert_eq!(device(""), (None, None));
        assert_eq!(Device::from_headers(&HeaderMap::new()), Device::default());
    }
}
