//! Words of "Your account": which device a session is on, and when it was
//! used. Pure, so tested natively.

use chrono::NaiveDate;

use crate::i18n::{t, tf};

/// "Firefox on Windows", or whichever part is known, or "Unknown device".
pub fn device_name(browser: Option<&str>, system: Option<&str>) -> String {
    match (browser, system) {
        (Some(browser), Some(system)) => tf(
            "{browser} on {system}",
            &[("browser", &browser), ("system", &system)],
        ),
        (Some(name), None) | (None, Some(name)) => name.to_owned(),
        (None, None) => t("Unknown device").to_owned(),
    }
}

/// A time of day: "9:05am", "10am", "midday" in English (GOV.UK style);
/// "09:05" in the other languages, which use the 24-hour clock.
pub fn clock_time(hour: u32, minute: u32, english: bool) -> String {
    if !english {
        return format!("{hour:02}:{minute:02}");
    }
    match (hour, minute) {
        (0, 0) => t("midnight").to_owned(),
        (12, 0) => t("midday").to_owned(),
        _ => {
            let twelve = match hour % 12 {
                0 => 12,
                h => h,
            };
            let half = if hour < 12 { "am" } else { "pm" };
            if minute == 0 {
                format!("{twelve}{half}")
            } else {
                format!("{twelve}:{minute:02}{half}")
            }
        }
    }
}

/// "2 March 2026 at 9:05am".
pub fn date_and_time(day: NaiveDate, hour: u32, minute: u32, english: bool) -> String {
    tf(
        "{date} at {time}",
        &[
            ("date", &crate::format::date(day)),
            ("time", &clock_time(hour, minute, english)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_is_named_by_what_is_known_of_it() {
        assert_eq!(
            device_name(Some("Firefox"), Some("Windows")),
            "Firefox on Windows"
        );
        assert_eq!(device_name(None, Some("Android")), "Android");
        assert_eq!(device_name(None, None), "Unknown device");
    }

    #[test]
    fn times_read_as_gov_uk_writes_them_in_english_and_on_the_24_hour_clock_otherwise() {
        assert_eq!(clock_time(9, 5, true), "9:05am");
        assert_eq!(clock_time(10, 0, true), "10am");
        assert_eq!(clock_time(12, 0, true), "midday");
        assert_eq!(clock_time(0, 0, true), "midnight");
        assert_eq!(clock_time(0, 30, true), "12:30am");
        assert_eq!(clock_time(17, 30, true), "5:30pm");
        assert_eq!(clock_time(17, 30, false), "17:30");
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert_eq!(date_and_time(day, 9, 5, true), "2 March 2026 at 9:05am");
    }
}
