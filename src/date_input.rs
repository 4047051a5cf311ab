//! Reading a GOV.UK date input (day, month, year boxes) with its standard messages.

use chrono::NaiveDate;

use crate::i18n::{n_, t, tf};

/// What the resident typed in the three boxes.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DateParts {
    pub day: String,
    pub month: String,
    pub year: String,
}

const MONTH_NAMES: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_number(text: &str) -> Option<u32> {
    let t = text.trim().to_ascii_lowercase();
    t.parse::<u32>().ok().or_else(|| {
        MONTH_NAMES
            .iter()
            .position(|m| t.starts_with(m))
            .map(|i| i as u32 + 1)
    })
}

impl DateParts {
    pub fn is_empty(&self) -> bool {
        self.day.trim().is_empty() && self.month.trim().is_empty() && self.year.trim().is_empty()
    }

    /// The date, or the GOV.UK message for what is wrong, in the reader's
    /// language. `what` names the date in messages ("the date the problem
    /// started", already in the reader's language); dates after `today` are refused.
    pub fn parse(&self, what: &str, today: NaiveDate) -> Result<NaiveDate, String> {
        let (day, month, year) = (self.day.trim(), self.month.trim(), self.year.trim());
        let message = |template: &str| capitalise(&tf(template, &[("what", &what)]));
        if self.is_empty() {
            return Err(message(n_("Enter {what}")));
        }
        let missing = match (day.is_empty(), month.is_empty(), year.is_empty()) {
            (true, false, false) => Some(n_("{what} must include a day")),
            (false, true, false) => Some(n_("{what} must include a month")),
            (false, false, true) => Some(n_("{what} must include a year")),
            (true, true, false) => Some(n_("{what} must include a day and month")),
            (true, false, true) => Some(n_("{what} must include a day and year")),
            (false, true, true) => Some(n_("{what} must include a month and year")),
            _ => None,
        };
        if let Some(template) = missing {
            return Err(message(template));
        }
        if year.len() != 4 {
            return Err(t("Year must include 4 numbers").to_owned());
        }
        let date = match (day.parse::<u32>(), month_number(month), year.parse::<i32>()) {
            (Ok(d), Some(m), Ok(y)) => NaiveDate::from_ymd_opt(y, m, d),
            _ => None,
        };
        let date = date.ok_or_else(|| message(n_("{what} must be a real date")))?;
        if date > today {
            return Err(message(n_("{what} must be today or in the past")));
        }
        Ok(date)
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(d: &str, m: &str, y: &str) -> DateParts {
        DateParts {
            day: d.into(),
            month: m.into(),
            year: y.into(),
        }
    }
    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 18).unwrap()
    }
    const WHAT: &str = "the date the problem started";

    #[test]
    fn a_real_past_date_is_read() {
        assert_eq!(
            parts("3", "11", "2026")
                .parse(WHAT, today())
                .unwrap()
                .to_string(),
            "2026-11-03"
        );
    }

    #[test]
    fn a_month_can_be_written_as_a_word() {
        assert_eq!(
            parts("3", "Nov", "2026")
                .parse(WHAT, today())
                .unwrap()
                .to_string(),
            "2026-11-03"
        );
    }

    #[test]
    fn empty_boxes_ask_for_the_date() {
        assert_eq!(
            parts("", "", "").parse(WHAT, today()).unwrap_err(),
            "Enter the date the problem started"
        );
    }

    #[test]
    fn missing_parts_are_named() {
        assert_eq!(
            parts("3", "", "").parse(WHAT, today()).unwrap_err(),
            "The date the problem started must include a month and year"
        );
    }

    #[test]
    fn an_impossible_date_is_refused() {
        assert_eq!(
            parts("31", "2", "2026").parse(WHAT, today()).unwrap_err(),
            "The date the problem started must be a real date"
        );
    }

    #[test]
    fn a_future_date_is_refused() {
        assert_eq!(
            parts("19", "12", "2026").parse(WHAT, today()).unwrap_err(),
            "The date the problem started must be today or in the past"
        );
    }

    #[test]
    fn a_two_digit_year_is_refused() {
        assert_eq!(
            parts("1", "1", "26").parse(WHAT, today()).unwrap_err(),
            "Year must include 4 numbers"
        );
    }
}
