//! The working-day calendar against real dates (GOV.UK's list for 2018–2027),
//! the one-off changes, and properties that must hold for every date.

use chrono::{Datelike, NaiveDate, Weekday};
use domain::calendar::{
    easter_sunday, join_days, long_date, BankHoliday, Calendar, CalendarError, SkipReason,
    FIRST_YEAR, LAST_YEAR,
};
use proptest::prelude::*;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test dates are valid")
}

fn dates_of(year: i32) -> Vec<String> {
    Calendar::england_and_wales()
        .bank_holidays(year)
        .expect("year in range")
        .into_iter()
        .map(|h| h.date.to_string())
        .collect()
}

fn holiday(d: &str) -> BankHoliday {
    Calendar::england_and_wales()
        .holiday(date(d))
        .cloned()
        .expect("a bank holiday")
}

#[test]
fn bank_holidays_2018_to_2027_match_gov_uk() {
    let expected: &[(i32, [&str; 8])] = &[
        (
            2018,
            [
                "01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26",
            ],
        ),
        (
            2019,
            [
                "01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26",
            ],
        ),
        (
            2020,
            [
                "01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28",
            ],
        ),
        (
            2021,
            [
                "01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28",
            ],
        ),
        (
            2023,
            [
                "01-02", "04-07", "04-10", "05-01", "05-29", "08-28", "12-25", "12-26",
            ],
        ),
        (
            2024,
            [
                "01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26",
            ],
        ),
        (
            2025,
            [
                "01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26",
            ],
        ),
        (
            2026,
            [
                "01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28",
            ],
        ),
        (
            2027,
            [
                "01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28",
            ],
        ),
    ];
    for (year, days) in expected {
        let mut want: Vec<String> = days.iter().map(|md| format!("{year}-{md}")).collect();
        if *year == 2023 {
            // The coronation of King Charles III.
            want.insert(4, "2023-05-08".to_owned());
        }
        assert_eq!(dates_of(*year), want, "bank holidays of {year}");
    }
}

#[test]
fn bank_holidays_2022_include_the_platinum_jubilee_and_the_state_funeral() {
    assert_eq!(
        dates_of(2022),
        [
            "2022-01-03",
            "2022-04-15",
            "2022-04-18",
            "2022-05-02",
            "2022-06-02",
            "2022-06-03",
            "2022-08-29",
            "2022-09-19",
            "2022-12-26",
            "2022-12-27"
        ]
    );
    let calendar = Calendar::england_and_wales();
    assert!(
        calendar.is_working_day(date("2022-05-30")),
        "late May 2022 was moved to 2 June"
    );
    assert_eq!(holiday("2022-06-02").title, "Spring bank holiday");
    assert_eq!(holiday("2022-06-03").title, "Platinum Jubilee bank holiday");
    assert_eq!(
        holiday("2022-09-19").title,
        "Bank Holiday for the State Funeral of Queen Elizabeth II"
    );
}

#[test]
fn the_coronation_of_king_charles_iii_was_a_bank_holiday_on_8_may_2023() {
    assert_eq!(
        holiday("2023-05-08").title,
        "Bank holiday for the coronation of King Charles III"
    );
    assert_eq!(holiday("2023-05-01").title, "Early May bank holiday");
}

#[test]
fn ve_day_moved_the_early_may_bank_holiday_in_1995_and_2020() {
    let calendar = Calendar::england_and_wales();
    assert!(calendar.holiday(date("1995-05-08")).is_some());
    assert!(calendar.is_working_day(date("1995-05-01")));
    assert_eq!(date("2020-05-08").weekday(), Weekday::Fri);
    assert!(calendar.holiday(date("2020-05-08")).is_some());
    assert!(calendar.is_working_day(date("2020-05-04")));
}

#[test]
fn jubilees_moved_the_spring_bank_holiday_in_2002_and_2012() {
    let calendar = Calendar::england_and_wales();
    for d in ["2002-06-03", "2002-06-04", "2012-06-04", "2012-06-05"] {
        assert!(calendar.holiday(date(d)).is_some(), "{d} is a bank holiday");
    }
    assert!(calendar.is_working_day(date("2002-05-27")));
    assert!(calendar.is_working_day(date("2012-05-28")));
}

#[test]
fn other_one_off_days_are_bank_holidays() {
    let calendar = Calendar::england_and_wales();
    for d in [
        "1973-11-14",
        "1977-06-07",
        "1981-07-29",
        "1999-12-31",
        "2011-04-29",
    ] {
        assert!(!calendar.is_working_day(date(d)), "{d} is a bank holiday");
    }
}

#[test]
fn new_years_day_is_a_bank_holiday_only_from_1974() {
    let calendar = Calendar::england_and_wales();
    assert!(calendar.is_working_day(date("1973-01-01")));
    assert!(calendar.holiday(date("1974-01-01")).is_some());
    assert_eq!(holiday("1974-01-01").title, "New Year’s Day");
}

#[test]
fn the_early_may_bank_holiday_starts_in_1978() {
    let calendar = Calendar::england_and_wales();
    assert!(calendar.is_working_day(date("1977-05-02")));
    assert_eq!(holiday("1978-05-01").title, "Early May bank holiday");
}

#[test]
fn substitute_days_keep_the_title_and_say_they_are_substitutes() {
    // 2021: Christmas on a Saturday.
    let c = holiday("2021-12-27");
    assert_eq!((c.title.as_str(), c.substitute), ("Christmas Day", true));
    let b = holiday("2021-12-28");
    assert_eq!((b.title.as_str(), b.substitute), ("Boxing Day", true));
    // 2022: Christmas on a Sunday.
    let b = holiday("2022-12-26");
    assert_eq!((b.title.as_str(), b.substitute), ("Boxing Day", false));
    let c = holiday("2022-12-27");
    assert_eq!((c.title.as_str(), c.substitute), ("Christmas Day", true));
    // 2026: Christmas on a Friday.
    let b = holiday("2026-12-28");
    assert_eq!((b.title.as_str(), b.substitute), ("Boxing Day", true));
    // New Year on a Saturday (2022) and on a Sunday (2023).
    assert!(holiday("2022-01-03").substitute);
    assert!(holiday("2023-01-02").substitute);
    assert!(!holiday("2026-01-01").substitute);
}

#[test]
fn easter_sunday_follows_the_gregorian_computus() {
    for (year, want) in [
        (1970, "1970-03-29"),
        (2000, "2000-04-23"),
        (2008, "2008-03-23"),
        (2011, "2011-04-24"),
        (2019, "2019-04-21"),
        (2024, "2024-03-31"),
        (2025, "2025-04-20"),
        (2038, "2038-04-25"),
        (2100, "2100-03-28"),
    ] {
        assert_eq!(easter_sunday(year), Some(date(want)), "Easter {year}");
    }
}

#[test]
fn every_year_has_at_least_six_bank_holidays_none_at_a_weekend() {
    let calendar = Calendar::england_and_wales();
    for year in FIRST_YEAR..=LAST_YEAR {
        let holidays = calendar.bank_holidays(year).expect("in range");
        assert!(
            holidays.len() >= 6,
            "{year} has {} holidays",
            holidays.len()
        );
        assert!(
            holidays.windows(2).all(|w| w[0].date < w[1].date),
            "{year} sorted"
        );
        for h in holidays {
            assert!(
                !matches!(h.date.weekday(), Weekday::Sat | Weekday::Sun),
                "{h:?}"
            );
            assert_eq!(h.date.year(), year);
        }
    }
}

#[test]
fn ten_working_days_after_18_december_2026_skips_christmas_and_new_year() {
    let counted = Calendar::england_and_wales()
        .add_working_days(date("2026-12-18"), 10)
        .expect("in range");
    assert_eq!(counted.date, date("2027-01-06"));
    let holidays: Vec<String> = counted
        .skipped
        .iter()
        .filter_map(|s| match &s.reason {
            SkipReason::BankHoliday { title } => Some(format!("{} {title}", s.date)),
            SkipReason::Weekend => None,
        })
        .collect();
    assert_eq!(
        holidays,
        [
            "2026-12-25 Christmas Day",
            "2026-12-28 Boxing Day",
            "2027-01-01 New Year’s Day"
        ]
    );
    assert_eq!(
        counted.explanation().as_deref(),
        Some("We don't count 25, 28 December or 1 January (bank holidays).")
    );
}

#[test]
fn five_working_days_after_maundy_thursday_2026_skip_good_friday_and_easter_monday() {
    let counted = Calendar::england_and_wales()
        .add_working_days(date("2026-04-02"), 5)
        .expect("in range");
    assert_eq!(counted.date, date("2026-04-13"));
    assert_eq!(
        counted.explanation().as_deref(),
        Some("We don't count 3, 6 April (bank holidays).")
    );
}

#[test]
fn a_count_that_skips_no_bank_holiday_has_no_explanation() {
    let counted = Calendar::england_and_wales()
        .add_working_days(date("2026-02-06"), 5)
        .expect("in range");
    assert_eq!(counted.date, date("2026-02-13"));
    assert_eq!(counted.skipped.len(), 2, "one weekend");
    assert_eq!(counted.explanation(), None);
}

#[test]
fn a_single_skipped_bank_holiday_is_named_in_the_singular() {
    let counted = Calendar::england_and_wales()
        .add_working_days(date("2026-08-28"), 1)
        .expect("in range");
    assert_eq!(counted.date, date("2026-09-01"));
    assert_eq!(
        counted.explanation().as_deref(),
        Some("We don't count 31 August (a bank holiday).")
    );
}

#[test]
fn a_receipt_at_the_weekend_has_the_same_due_date_as_the_friday_before() {
    let calendar = Calendar::england_and_wales();
    let friday = calendar
        .add_working_days(date("2026-03-06"), 10)
        .expect("in range")
        .date;
    let saturday = calendar
        .add_working_days(date("2026-03-07"), 10)
        .expect("in range")
        .date;
    let sunday = calendar
        .add_working_days(date("2026-03-08"), 10)
        .expect("in range")
        .date;
    assert_eq!(friday, date("2026-03-20"));
    assert_eq!(saturday, friday);
    assert_eq!(sunday, friday);
}

#[test]
fn a_receipt_on_a_bank_holiday_has_the_same_due_date_as_the_working_day_before() {
    let calendar = Calendar::england_and_wales();
    let christmas_eve = calendar
        .add_working_days(date("2026-12-24"), 5)
        .expect("in range")
        .date;
    let christmas = calendar
        .add_working_days(date("2026-12-25"), 5)
        .expect("in range")
        .date;
    let boxing_day = calendar
        .add_working_days(date("2026-12-28"), 5)
        .expect("in range")
        .date;
    assert_eq!(christmas_eve, date("2027-01-05"));
    assert_eq!(christmas, christmas_eve);
    assert_eq!(boxing_day, christmas_eve);
}

#[test]
fn zero_working_days_after_a_date_is_the_date_itself() {
    let counted = Calendar::england_and_wales()
        .add_working_days(date("2026-12-25"), 0)
        .expect("in range");
    assert_eq!(counted.date, date("2026-12-25"));
    assert!(counted.skipped.is_empty());
}

#[test]
fn working_days_between_counts_days_after_from_up_to_and_including_to() {
    let calendar = Calendar::england_and_wales();
    let between = calendar
        .working_days_between(date("2026-12-18"), date("2027-01-06"))
        .expect("in range");
    assert_eq!(between.working_days, 10);
    assert_eq!(
        between.explanation().as_deref(),
        Some("We don't count 25, 28 December or 1 January (bank holidays).")
    );
    assert_eq!(
        calendar
            .working_days_between(date("2026-03-02"), date("2026-03-02"))
            .expect("in range")
            .working_days,
        0
    );
    assert_eq!(
        calendar
            .working_days_between(date("2026-03-03"), date("2026-03-02"))
            .expect("in range")
            .working_days,
        0
    );
    assert_eq!(
        calendar
            .working_days_between(date("2026-03-02"), date("2026-03-03"))
            .expect("in range")
            .working_days,
        1
    );
}

#[test]
fn dates_outside_1970_to_2100_are_refused_without_panicking() {
    let calendar = Calendar::england_and_wales();
    assert!(matches!(
        calendar.add_working_days(date("1969-12-31"), 1),
        Err(CalendarError::OutOfRange { year: 1969, .. })
    ));
    assert!(matches!(
        calendar.add_working_days(date("2100-12-30"), 5),
        Err(CalendarError::OutOfRange { year: 2101, .. })
    ));
    assert!(calendar
        .add_working_days(date("2100-12-20"), u32::MAX)
        .is_err());
    assert!(calendar
        .working_days_between(date("2026-01-01"), date("2101-01-01"))
        .is_err());
    assert!(matches!(
        calendar.bank_holidays(2101),
        Err(CalendarError::OutOfRange {
            year: 2101,
            date: None
        })
    ));
    let message = calendar
        .add_working_days(date("2100-12-30"), 5)
        .expect_err("out of range")
        .to_string();
    assert_eq!(message, "The working-day calendar covers 1970 to 2100 only, and Saturday 1 January 2101 is outside it.");
}

const GOVUK_2026: &str = r#"{
  "england-and-wales": {"division": "england-and-wales", "events": [
    {"title": "New Year’s Day", "date": "2026-01-01", "notes": "", "bunting": true},
    {"title": "Good Friday", "date": "2026-04-03", "notes": "", "bunting": false},
    {"title": "Easter Monday", "date": "2026-04-06", "notes": "", "bunting": true},
    {"title": "Early May bank holiday", "date": "2026-05-04", "notes": "", "bunting": true},
    {"title": "Spring bank holiday", "date": "2026-05-25", "notes": "", "bunting": true},
    {"title": "A newly announced day", "date": "2026-07-14", "notes": "Extra bank holiday", "bunting": true},
    {"title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true},
    {"title": "Boxing Day", "date": "2026-12-28", "notes": "Substitute day", "bunting": true}
  ]},
  "scotland": {"division": "scotland", "events": [
    {"title": "2nd January", "date": "2026-01-02", "notes": "", "bunting": true}
  ]}
}"#;

#[test]
fn a_gov_uk_file_replaces_the_computed_days_of_the_years_it_covers() {
    let calendar = Calendar::england_and_wales()
        .with_govuk_json(GOVUK_2026)
        .expect("valid file");
    // The file adds a day and drops the summer bank holiday.
    assert_eq!(
        calendar
            .holiday(date("2026-07-14"))
            .map(|h| h.title.as_str()),
        Some("A newly announced day")
    );
    assert!(calendar.is_working_day(date("2026-08-31")));
    assert!(calendar
        .holiday(date("2026-12-28"))
        .is_some_and(|h| h.substitute));
    // Scotland's days are not England's.
    assert!(calendar.is_working_day(date("2026-01-02")));
    // Other years keep the rule.
    assert_eq!(
        calendar.bank_holidays(2027),
        Calendar::england_and_wales().bank_holidays(2027)
    );
    assert_eq!(calendar.bank_holidays(2026).expect("in range").len(), 8);
}

#[test]
fn a_malformed_gov_uk_file_says_what_is_wrong() {
    let calendar = Calendar::england_and_wales();
    let cases = [
        ("not json", "not in GOV.UK's bank-holidays.json format"),
        (
            r#"{"scotland": {"division": "scotland", "events": []}}"#,
            "no \"england-and-wales\" section",
        ),
        (
            r#"{"england-and-wales": {"division": "england-and-wales", "events": [{"title": "X", "date": "2026-02-30", "notes": ""}]}}"#,
            "event 1 has the date \"2026-02-30\", which is not a real date",
        ),
        (
            r#"{"england-and-wales": {"division": "england-and-wales", "events": [{"title": " ", "date": "2026-02-03"}]}}"#,
            "has no title",
        ),
        (
            r#"{"england-and-wales": {"division": "scotland", "events": []}}"#,
            "says it is for \"scotland\"",
        ),
        (
            r#"{"england-and-wales": {"events": [{"title": "A", "date": "2026-02-03"}, {"title": "B", "date": "2026-02-03"}]}}"#,
            "lists 2026-02-03 more than once",
        ),
    ];
    for (json, needle) in cases {
        let err = calendar.clone().with_govuk_json(json).expect_err(json);
        assert!(matches!(err, CalendarError::Json(_)));
        let message = err.to_string();
        assert!(
            message.contains(needle),
            "{message:?} should contain {needle:?}"
        );
    }
}

#[test]
fn skipped_days_serialise_with_a_snake_case_kind_tag() {
    let counted = Calendar::england_and_wales()
        .add_working_days(date("2026-12-24"), 1)
        .expect("in range");
    let json = serde_json::to_value(&counted).expect("serialises");
    assert_eq!(json["date"], "2026-12-29");
    assert_eq!(
        json["skipped"][0],
        serde_json::json!({"date": "2026-12-25", "reason": {"kind": "bank_holiday", "title": "Christmas Day"}})
    );
    assert_eq!(
        json["skipped"][1]["reason"],
        serde_json::json!({"kind": "weekend"})
    );
}

#[test]
fn day_lists_group_by_month_and_add_the_year_only_when_needed() {
    let d = |s: &str| date(s);
    assert_eq!(join_days(&[d("2026-12-25")], "or"), "25 December");
    assert_eq!(
        join_days(&[d("2026-12-25"), d("2026-12-28"), d("2027-01-01")], "or"),
        "25, 28 December or 1 January"
    );
    assert_eq!(
        join_days(&[d("2026-12-25"), d("2027-01-01"), d("2027-12-27")], "and"),
        "25 December 2026, 1 January 2027 and 27 December 2027"
    );
    assert_eq!(long_date(d("2027-02-05")), "Friday 5 February 2027");
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    let start = date("1970-01-01");
    (0i64..47_000).prop_map(move |offset| start + chrono::Duration::days(offset))
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn added_working_days_never_land_on_a_weekend_or_bank_holiday(from in any_date(), days in 1u32..400) {
        let calendar = Calendar::england_and_wales();
        if let Ok(counted) = calendar.add_working_days(from, days) {
            prop_assert!(calendar.is_working_day(counted.date));
            prop_assert!(counted.date > from);
            prop_assert!(counted.skipped.iter().all(|s| s.date > from && s.date < counted.date));
        }
    }

    #[test]
    fn working_days_between_is_the_inverse_of_add_working_days(from in any_date(), days in 0u32..400) {
        let calendar = Calendar::england_and_wales();
        if let Ok(counted) = calendar.add_working_days(from, days) {
            let between = calendar.working_days_between(from, counted.date).expect("in range");
            prop_assert_eq!(between.working_days, days);
            prop_assert_eq!(between.skipped, counted.skipped);
        }
    }
}
