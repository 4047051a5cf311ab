//! The one clock of the server. Tests and demos set it (`PORTAL_NOW`), so windows
//! and overdue states can be shown and tested on any day.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};

/// `PUT /api/v1/test/clock`'s body and answer, shared with the app's types.
pub use domain::api::ClockSetting;

/// Where "now" comes from.
#[derive(Clone, Debug)]
pub struct Clock {
    /// Added to the system time; zero for the real clock.
    offset: Arc<std::sync::RwLock<chrono::Duration>>,
}

impl Clock {
    /// The real time.
    pub fn system() -> Self {
        Self {
            offset: Arc::new(std::sync::RwLock::new(chrono::Duration::zero())),
        }
    }

    /// A clock that reads `start` now and runs on from there.
    pub fn starting_at(start: DateTime<Utc>) -> Self {
        let clock = Self::system();
        clock.set(start);
        clock
    }

    /// Moves the clock so that it reads `now` now (tests, demos).
    pub fn set(&self, now: DateTime<Utc>) {
        let mut offset = self.offset.write().unwrap_or_else(|e| e.into_inner());
        *offset = now - Utc::now();
    }

    pub fn now(&self) -> DateTime<Utc> {
        let offset = *self.offset.read().unwrap_or_else(|e| e.into_inner());
        Utc::now() + offset
    }

    /// Today's date in the UK (Europe/London), which is what working days count in.
    pub fn today(&self) -> NaiveDate {
        uk_date(self.now())
    }
}

/// The calendar date in the UK at an instant (the domain's rule for British
/// Summer Time, so the server and the lifecycle agree on what day it is).
pub use domain::case::uk_date;

/// An instant as the database stores it: RFC 3339 in UTC with microseconds, so
/// that stored instants sort as text in time order.
pub fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// Reads an instant written by [`timestamp`] (or any RFC 3339 text).
pub fn parse_timestamp(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn late_evening_in_summer_is_already_tomorrow_in_the_uk() {
        assert_eq!(
            uk_date(at("2026-07-01T23:30:00Z")).to_string(),
            "2026-07-02"
        );
    }

    #[test]
    fn late_evening_in_winter_is_still_today_in_the_uk() {
        assert_eq!(
            uk_date(at("2026-12-18T23:30:00Z")).to_string(),
            "2026-12-18"
        );
    }

    #[test]
    fn summer_time_starts_at_one_in_the_morning_utc_on_the_last_sunday_of_march() {
        assert_eq!(
            uk_date(at("2026-03-29T00:59:00Z")).to_string(),
            "2026-03-29"
        );
        assert_eq!(
            uk_date(at("2026-03-28T23:30:00Z")).to_string(),
            "2026-03-28"
        );
        assert_eq!(
            uk_date(at("2026-03-29T23:30:00Z")).to_string(),
            "2026-03-30"
        );
    }

    #[test]
    fn a_clock_set_to_a_day_reads_that_day() {
        let clock = Clock::starting_at(at("2026-12-18T10:00:00Z"));
        assert_eq!(clock.today().to_string(), "2026-12-18");
    }
}
