//! The working-day calendar of England and Wales.
//!
//! A working day is Monday to Friday and not a bank holiday. "N working days
//! after D" is the Nth working day *strictly after* D: the day of receipt is
//! day 0 (the convention of mySociety's Alaveteli), so something received on a
//! weekend or a bank holiday has the same due date as something received on
//! the working day before it.
//!
//! Bank holidays are computed by rule for every year from [`FIRST_YEAR`] to
//! [`LAST_YEAR`], with the one-off changes proclaimed so far. A landlord can
//! load GOV.UK's `bank-holidays.json` ([`Calendar::with_govuk_json`]) to apply
//! a newly announced (or cancelled) day without waiting for a release: for
//! every year the file covers, its events replace the computed ones.
//!
//! The UK calendar day of a moment ([`uk_date`]) follows British Summer Time.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Timelike, Utc, Weekday};
use serde::{Deserialize, Serialize};

/// The first year the calendar knows.
pub const FIRST_YEAR: i32 = 1970;
/// The last year the calendar knows.
pub const LAST_YEAR: i32 = 2100;

const NEW_YEAR: &str = "New Year’s Day";
const GOOD_FRIDAY: &str = "Good Friday";
const EASTER_MONDAY: &str = "Easter Monday";
const EARLY_MAY: &str = "Early May bank holiday";
const SPRING: &str = "Spring bank holiday";
const SUMMER: &str = "Summer bank holiday";
const CHRISTMAS: &str = "Christmas Day";
const BOXING: &str = "Boxing Day";

/// One bank holiday, with GOV.UK's title.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct BankHoliday {
    pub date: NaiveDate,
    /// GOV.UK's title, for example "Boxing Day". A substitute day keeps the
    /// title of the day it stands in for.
    pub title: String,
    /// Whether this is a substitute day for a holiday that fell on a weekend
    /// (GOV.UK says "Substitute day" in its notes).
    pub substitute: bool,
}

/// The answer to "what is the Nth working day after this date?".
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct WorkingDays {
    /// The day counted from (day 0).
    pub from: NaiveDate,
    /// How many working days were counted.
    pub days: u32,
    /// The `days`th working day strictly after `from` (`from` itself when `days` is 0).
    pub date: NaiveDate,
    /// The days strictly after `from`, up to `date`, that were not counted.
    pub skipped: Vec<SkippedDay>,
}

/// A day that was not counted as a working day.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct SkippedDay {
    pub date: NaiveDate,
    pub reason: SkipReason,
}

/// Why a day was not counted.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SkipReason {
    /// A Saturday or a Sunday.
    Weekend,
    /// A bank holiday of England and Wales.
    BankHoliday { title: String },
}

/// The answer to "how many working days are there between these dates?".
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct WorkingDaysBetween {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The working days `d` with `from < d <= to`; 0 when `to <= from`.
    pub working_days: u32,
    /// The days `d` with `from < d <= to` that were not counted.
    pub skipped: Vec<SkippedDay>,
}

/// Why the calendar could not answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalendarError {
    /// A date (or a result) outside 1970-01-01..=2100-12-31. `date` is the
    /// date in question where there is one; `year` is always set.
    OutOfRange { year: i32, date: Option<NaiveDate> },
    /// A bank holidays file that is not in GOV.UK's format; the text says what is wrong.
    Json(String),
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalendarError::OutOfRange { date: Some(date), .. } => write!(
                f,
                "The working-day calendar covers {FIRST_YEAR} to {LAST_YEAR} only, and {} is outside it.",
                long_date(*date)
            ),
            CalendarError::OutOfRange { year, date: None } => write!(
                f,
                "The working-day calendar covers {FIRST_YEAR} to {LAST_YEAR} only, and {year} is outside it."
            ),
            CalendarError::Json(message) => write!(f, "The bank holidays file could not be used: {message}"),
        }
    }
}

impl std::error::Error for CalendarError {}

/// The working-day calendar: weekends plus the bank holidays of England and Wales.
#[derive(Clone, Debug, PartialEq)]
pub struct Calendar {
    holidays: BTreeMap<NaiveDate, BankHoliday>,
}

impl Default for Calendar {
    fn default() -> Self {
        Self::england_and_wales()
    }
}

impl Calendar {
    /// The bank holidays of England and Wales for 1970..=2100, by rule, with
    /// the one-off changes proclaimed so far.
    pub fn england_and_wales() -> Calendar {
        let holidays = (FIRST_YEAR..=LAST_YEAR)
            .flat_map(rules::holidays_in)
            .map(|h| (h.date, h))
            .collect();
        Calendar { holidays }
    }

    /// Applies a file in GOV.UK's `bank-holidays.json` format: for every year
    /// the file's `england-and-wales` events cover, those events replace the
    /// computed ones. Years the file does not cover keep the rule. Events
    /// outside 1970..=2100 are ignored.
    pub fn with_govuk_json(mut self, json: &str) -> Result<Calendar, CalendarError> {
        let events = govuk::parse(json)?;
        let years: BTreeSet<i32> = events.iter().map(|h| h.date.year()).collect();
        for year in years {
            if let Some((start, end)) = year_bounds(year) {
                let dates: Vec<NaiveDate> =
                    self.holidays.range(start..=end).map(|(d, _)| *d).collect();
                for date in dates {
                    self.holidays.remove(&date);
                }
            }
        }
        for holiday in events {
            if in_range(holiday.date) {
                self.holidays.insert(holiday.date, holiday);
            }
        }
        Ok(self)
    }

    /// Whether `d` is Monday to Friday and not a bank holiday. Dates outside
    /// the calendar's years are judged by weekday alone.
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        !is_weekend(d) && !self.holidays.contains_key(&d)
    }

    /// The bank holiday on `d`, if there is one.
    pub fn holiday(&self, d: NaiveDate) -> Option<&BankHoliday> {
        self.holidays.get(&d)
    }

    /// The bank holidays of `year`, in date order.
    pub fn bank_holidays(&self, year: i32) -> Result<Vec<BankHoliday>, CalendarError> {
        let (start, end) =
            year_bounds(year).ok_or(CalendarError::OutOfRange { year, date: None })?;
        Ok(self
            .holidays
            .range(start..=end)
            .map(|(_, h)| h.clone())
            .collect())
    }

    /// The `days`th working day strictly after `from` (`from` itself when
    /// `days` is 0), with the days skipped on the way.
    pub fn add_working_days(
        &self,
        from: NaiveDate,
        days: u32,
    ) -> Result<WorkingDays, CalendarError> {
        check(from)?;
        let mut date = from;
        let mut counted = 0;
        let mut skipped = Vec::new();
        while counted < days {
            date = next_day(date)?;
            match self.skip_reason(date) {
                Some(reason) => skipped.push(SkippedDay { date, reason }),
                None => counted += 1,
            }
        }
        Ok(WorkingDays {
            from,
            days,
            date,
            skipped,
        })
    }

    /// The `days`th working day strictly before `to` (`to` itself when `days`
    /// is 0): "two working days before the window closes".
    pub fn working_days_before(
        &self,
        to: NaiveDate,
        days: u32,
    ) -> Result<NaiveDate, CalendarError> {
        check(to)?;
        let mut date = to;
        let mut counted = 0;
        while counted < days {
            date = date
                .pred_opt()
                .filter(|d| in_range(*d))
                .ok_or(CalendarError::OutOfRange {
                    year: to.year() - 1,
                    date: date.pred_opt(),
                })?;
            if self.skip_reason(date).is_none() {
                counted += 1;
            }
        }
        Ok(date)
    }

    /// The number of working days `d` with `from < d <= to` (0 when `to <= from`),
    /// with the days in that span that were not counted.
    pub fn working_days_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<WorkingDaysBetween, CalendarError> {
        check(from)?;
        check(to)?;
        let mut working_days = 0;
        let mut skipped = Vec::new();
        let mut date = from;
        while date < to {
            date = next_day(date)?;
            match self.skip_reason(date) {
                Some(reason) => skipped.push(SkippedDay { date, reason }),
                None => working_days += 1,
            }
        }
        Ok(WorkingDaysBetween {
            from,
            to,
            working_days,
            skipped,
        })
    }

    fn skip_reason(&self, d: NaiveDate) -> Option<SkipReason> {
        if is_weekend(d) {
            Some(SkipReason::Weekend)
        } else {
            self.holidays.get(&d).map(|h| SkipReason::BankHoliday {
                title: h.title.clone(),
            })
        }
    }
}

impl WorkingDays {
    /// A sentence naming the bank holidays that were not counted (weekends are
    /// expected, so they are not mentioned), or `None` when there were none:
    /// "We don't count 25, 28 December or 1 January (bank holidays)."
    pub fn explanation(&self) -> Option<String> {
        explain_skipped(&self.skipped)
    }
}

impl WorkingDaysBetween {
    /// As [`WorkingDays::explanation`].
    pub fn explanation(&self) -> Option<String> {
        explain_skipped(&self.skipped)
    }
}

/// "We don't count 25, 28 December or 1 January (bank holidays)." for the bank
/// holidays among `skipped`; `None` when there are none.
pub fn explain_skipped(skipped: &[SkippedDay]) -> Option<String> {
    let holidays: Vec<NaiveDate> = skipped
        .iter()
        .filter(|s| matches!(s.reason, SkipReason::BankHoliday { .. }))
        .map(|s| s.date)
        .collect();
    match holidays.len() {
        0 => None,
        1 => Some(format!(
            "We don't count {} (a bank holiday).",
            join_days(&holidays, "or")
        )),
        _ => Some(format!(
            "We don't count {} (bank holidays).",
            join_days(&holidays, "or")
        )),
    }
}

/// Joins dates with their day numbers grouped by month, in the order given:
/// `25, 28 December or 1 January` (with `conjunction` "or"). The year is added
/// to every group when the same month appears in more than one year.
pub fn join_days(dates: &[NaiveDate], conjunction: &str) -> String {
    let mut groups: Vec<((i32, u32), Vec<u32>)> = Vec::new();
    for d in dates {
        let key = (d.year(), d.month());
        match groups.last_mut() {
            Some((last, days)) if *last == key => days.push(d.day()),
            _ => groups.push((key, vec![d.day()])),
        }
    }
    let months: BTreeSet<u32> = groups.iter().map(|((_, m), _)| *m).collect();
    let with_year = months.len() < groups.len();
    let parts: Vec<String> = groups
        .iter()
        .map(|((year, month), days)| {
            let days: Vec<String> = days.iter().map(u32::to_string).collect();
            let mut part = format!("{} {}", days.join(", "), month_name(*month));
            if with_year {
                part.push_str(&format!(" {year}"));
            }
            part
        })
        .collect();
    join_words(&parts, conjunction)
}

/// "a", "a or b", "a, b or c".
pub fn join_words(parts: &[String], conjunction: &str) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {conjunction} {last}", init.join(", ")),
    }
}

/// The UK calendar day of a moment: British Summer Time (UTC+1) runs from
/// 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
pub fn uk_date(at: DateTime<Utc>) -> NaiveDate {
    uk_local(at).date()
}

/// The UK wall-clock time of a moment (see [`uk_date`]).
pub fn uk_local(at: DateTime<Utc>) -> chrono::NaiveDateTime {
    let year = at.year();
    let start = last_sunday_one_am(year, 3);
    let end = last_sunday_one_am(year, 10);
    let in_bst = match (start, end) {
        (Some(start), Some(end)) => at >= start && at < end,
        _ => false,
    };
    if in_bst {
        (at + Duration::hours(1)).naive_utc()
    } else {
        at.naive_utc()
    }
}

fn last_sunday_one_am(year: i32, month: u32) -> Option<DateTime<Utc>> {
    let last = NaiveDate::from_ymd_opt(year, month + 1, 1)?.pred_opt()?;
    let sunday = last - Duration::days(i64::from(last.weekday().num_days_from_sunday()));
    let moment = sunday.and_hms_opt(1, 0, 0)?;
    let utc = Utc.from_utc_datetime(&moment);
    debug_assert_eq!(utc.hour(), 1);
    debug_assert_eq!(sunday.weekday(), Weekday::Sun);
    Some(utc)
}

/// A date as GOV.UK writes it in full: "Friday 5 February 2027".
pub fn long_date(d: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        weekday_name(d.weekday()),
        d.day(),
        month_name(d.month()),
        d.year()
    )
}

/// The English name of a month, 1 = "January".
pub fn month_name(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES
        .get(month.wrapping_sub(1) as usize)
        .copied()
        .unwrap_or("")
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian
/// algorithm, also known as Meeus/Jones/Butcher). `None` for a year chrono
/// cannot represent.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

fn in_range(d: NaiveDate) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&d.year())
}

fn check(d: NaiveDate) -> Result<(), CalendarError> {
    if in_range(d) {
        Ok(())
    } else {
        Err(CalendarError::OutOfRange {
            year: d.year(),
            date: Some(d),
        })
    }
}

fn next_day(d: NaiveDate) -> Result<NaiveDate, CalendarError> {
    let next = d.succ_opt().filter(|n| in_range(*n));
    next.ok_or(CalendarError::OutOfRange {
        year: d.year() + 1,
        date: d.succ_opt(),
    })
}

fn year_bounds(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return None;
    }
    Some((
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    ))
}

/// The rules, year by year.
mod rules {
    use super::*;

    fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, month, day)
    }

    fn day(date: Option<NaiveDate>, title: &str, substitute: bool) -> Option<BankHoliday> {
        date.map(|date| BankHoliday {
            date,
            title: title.to_owned(),
            substitute,
        })
    }

    /// The first Monday on or after `d`.
    fn monday_on_or_after(d: NaiveDate) -> NaiveDate {
        let ahead = (7 - d.weekday().num_days_from_monday()) % 7;
        d + Duration::days(i64::from(ahead))
    }

    /// The last Monday of `month`.
    fn last_monday(year: i32, month: u32) -> Option<NaiveDate> {
        let first_of_next = if month == 12 {
            ymd(year + 1, 1, 1)
        } else {
            ymd(year, month + 1, 1)
        }?;
        let last = first_of_next.pred_opt()?;
        Some(last - Duration::days(i64::from(last.weekday().num_days_from_monday())))
    }

    /// Every bank holiday of `year`, in date order.
    pub(super) fn holidays_in(year: i32) -> Vec<BankHoliday> {
        let mut out: Vec<Option<BankHoliday>> = Vec::new();

        // New Year's Day became a bank holiday in England and Wales in 1974.
        if year >= 1974 {
            if let Some(jan1) = ymd(year, 1, 1) {
                if is_weekend(jan1) {
                    out.push(day(Some(monday_on_or_after(jan1)), NEW_YEAR, true));
                } else {
                    out.push(day(Some(jan1), NEW_YEAR, false));
                }
            }
        }

        if let Some(easter) = easter_sunday(year) {
            out.push(day(Some(easter - Duration::days(2)), GOOD_FRIDAY, false));
            out.push(day(Some(easter + Duration::days(1)), EASTER_MONDAY, false));
        }

        // Early May bank holiday: first Monday in May, from 1978. Moved twice
        // for VE day anniversaries: 8 May 1995 (Monday) and 8 May 2020 (Friday).
        match year {
            1995 => out.push(day(ymd(1995, 5, 8), EARLY_MAY, false)),
            2020 => out.push(day(
                ymd(2020, 5, 8),
                "Early May bank holiday (VE day)",
                false,
            )),
            y if y >= 1978 => out.push(day(ymd(y, 5, 1).map(monday_on_or_after), EARLY_MAY, false)),
            _ => {}
        }

        // Spring bank holiday: last Monday in May. Statutory from 1971 (Banking and
        // Financial Dealings Act 1971); 1965–1970 were trial years in which it was
        // proclaimed on the same day, so 1970 follows the rule too. Moved for
        // jubilees in 2002, 2012 and 2022.
        match year {
            2002 => {
                out.push(day(ymd(2002, 6, 3), "Golden Jubilee bank holiday", false));
                out.push(day(ymd(2002, 6, 4), SPRING, false));
            }
            2012 => {
                out.push(day(ymd(2012, 6, 4), SPRING, false));
                out.push(day(ymd(2012, 6, 5), "Queen’s Diamond Jubilee", false));
            }
            2022 => {
                out.push(day(ymd(2022, 6, 2), SPRING, false));
                out.push(day(ymd(2022, 6, 3), "Platinum Jubilee bank holiday", false));
            }
            y => out.push(day(last_monday(y, 5), SPRING, false)),
        }

        // Summer bank holiday: last Monday in August (statutory from 1971, proclaimed
        // on that day in the 1965–1970 trial years).
        out.push(day(last_monday(year, 8), SUMMER, false));

        // Christmas Day and Boxing Day, with substitute days when they fall at a weekend.
        if let (Some(christmas), Some(boxing)) = (ymd(year, 12, 25), ymd(year, 12, 26)) {
            match christmas.weekday() {
                // Christmas on Friday: Boxing Day (Saturday) moves to Monday 28.
                Weekday::Fri => {
                    out.push(day(Some(christmas), CHRISTMAS, false));
                    out.push(day(ymd(year, 12, 28), BOXING, true));
                }
                // Christmas on Saturday: Monday 27 and Tuesday 28.
                Weekday::Sat => {
                    out.push(day(ymd(year, 12, 27), CHRISTMAS, true));
                    out.push(day(ymd(year, 12, 28), BOXING, true));
                }
                // Christmas on Sunday: Boxing Day on Monday 26, Christmas on Tuesday 27.
                Weekday::Sun => {
                    out.push(day(Some(boxing), BOXING, false));
                    out.push(day(ymd(year, 12, 27), CHRISTMAS, true));
                }
                _ => {
                    out.push(day(Some(christmas), CHRISTMAS, false));
                    out.push(day(Some(boxing), BOXING, false));
                }
            }
        }

        // One-off bank holidays.
        let one_off: &[(i32, u32, u32, &str)] = &[
            // Wedding of Princess Anne and Mark Phillips: a special day off granted
            // by proclamation (it is listed among the one-off bank holidays).
            (1973, 11, 14, "Royal wedding"),
            // The Queen's Silver Jubilee.
            (1977, 6, 7, "Silver Jubilee bank holiday"),
            // Wedding of the Prince of Wales and Lady Diana Spencer.
            (1981, 7, 29, "Royal wedding"),
            // The millennium.
            (1999, 12, 31, "Millennium celebrations"),
            // Wedding of Prince William and Catherine Middleton.
            (2011, 4, 29, "Royal wedding"),
            // State funeral of Queen Elizabeth II.
            (
                2022,
                9,
                19,
                "Bank Holiday for the State Funeral of Queen Elizabeth II",
            ),
            // Coronation of King Charles III.
            (
                2023,
                5,
                8,
                "Bank holiday for the coronation of King Charles III",
            ),
        ];
        for &(y, m, d, title) in one_off {
            if y == year {
                out.push(day(ymd(y, m, d), title, false));
            }
        }

        let mut holidays: Vec<BankHoliday> = out.into_iter().flatten().collect();
        holidays.sort_by_key(|h| h.date);
        holidays
    }
}

/// Reading GOV.UK's `bank-holidays.json`.
mod govuk {
    use super::*;

    const DIVISION: &str = "england-and-wales";

    #[derive(Deserialize)]
    #[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
    struct File {
        #[serde(rename = "england-and-wales")]
        england_and_wales: Option<Division>,
    }

    #[derive(Deserialize)]
    #[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
    struct Division {
        #[serde(default)]
        division: Option<String>,
        events: Vec<Event>,
    }

    #[derive(Deserialize)]
    #[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
    struct Event {
        title: String,
        date: String,
        #[serde(default)]
        notes: String,
    }

    fn bad(message: String) -> CalendarError {
        CalendarError::Json(message)
    }

    pub(super) fn parse(json: &str) -> Result<Vec<BankHoliday>, CalendarError> {
        let file: File = serde_json::from_str(json).map_err(|e| {
            bad(format!(
                "it is not in GOV.UK's bank-holidays.json format ({e})."
            ))
        })?;
        let division = file
            .england_and_wales
            .ok_or_else(|| bad(format!("it has no \"{DIVISION}\" section.")))?;
        if let Some(name) = division.division.as_deref() {
            if name != DIVISION {
                return Err(bad(format!(
                    "its \"{DIVISION}\" section says it is for \"{name}\"."
                )));
            }
        }
        let mut seen = BTreeSet::new();
        let mut holidays = Vec::with_capacity(division.events.len());
        for (index, event) in division.events.into_iter().enumerate() {
            let number = index + 1;
            let date = NaiveDate::parse_from_str(&event.date, "%Y-%m-%d").map_err(|_| {
                bad(format!(
                    "event {number} has the date \"{}\", which is not a real date written YYYY-MM-DD.",
                    event.date
                ))
            })?;
            let title = event.title.trim().to_owned();
            if title.is_empty() {
                return Err(bad(format!(
                    "event {number} ({}) has no title.",
                    event.date
                )));
            }
            if !seen.insert(date) {
                return Err(bad(format!("it lists {} more than once.", event.date)));
            }
            let substitute = event.notes.to_lowercase().contains("substitute");
            holidays.push(BankHoliday {
                date,
                title,
                substitute,
            });
        }
        Ok(holidays)
    }
}
