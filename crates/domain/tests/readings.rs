//! Lengths the seeds leave open, and the reading each preset takes.
//!
//! Every length the portal runs is in working days. Where a seed says only
//! "days", or does not say what a period counts from, the preset records the
//! seed's words, the unit, and the reading in plain words (`[[readings]]`),
//! which the start page shows to residents. One test per rule, named for what
//! the seed says, with the seed's sentence in the test.

use domain::policy::{DayUnit, Policy, Reading, TargetFrom};

fn preset(id: &str) -> Policy {
    Policy::preset(id).unwrap_or_else(|| panic!("preset {id} loads"))
}

/// The preset's reading of `field`, which must quote `seed` exactly.
fn reading(id: &str, field: &str, seed: &str) -> Reading {
    let policy = preset(id);
    let reading = policy
        .readings
        .iter()
        .find(|r| r.field == field)
        .unwrap_or_else(|| panic!("{id}: no reading of {field}"))
        .clone();
    assert_eq!(
        reading.policy_says, seed,
        "{id} {field}: the seed's own words"
    );
    assert_eq!(reading.unit, DayUnit::WorkingDays);
    reading
}

// ------------------------------------------------------- seed 001 (policy-2022)

#[test]
fn seed_001_a_further_ten_days_at_stage_1_is_read_as_ten_working_days() {
    // "When we first receive a complaint, we aim to agree a solution with our
    //  customer within ten working days. If this isn't possible (for example, if
    //  the complaint is complicated), we may need a further ten days."
    let r = reading(
        "policy-2022",
        "stages[0].extension",
        "If this isn't possible (for example, if the complaint is complicated), we may need a further ten days.",
    );
    assert!(r.reading.contains("10 working days"), "{}", r.reading);
    let extension = preset("policy-2022").stages[0].extension.clone().unwrap();
    assert_eq!(extension.max_days, Some(10));
}

#[test]
fn seed_001_a_further_30_days_at_stage_2_is_read_as_thirty_working_days_and_is_still_beyond_the_code(
) {
    // "We aim to have a decision on these complaints within 20 working days. As
    //  with stage 1 complaints, we sometimes need extra time to make the right
    //  decision, so we may not be able to respond for a further 30 days."
    let r = reading(
        "policy-2022",
        "stages[1].extension",
        "we may not be able to respond for a further 30 days",
    );
    assert!(r.reading.contains("30 working days"), "{}", r.reading);
    // Read as calendar days it would be about 21 working days: more than the
    // Code's 20 either way, so the compliance finding does not hang on the reading.
    assert!(r.reading.contains("20 working days"), "{}", r.reading);
    let policy = preset("policy-2022");
    assert_eq!(
        policy.stages[1].extension.clone().unwrap().max_days,
        Some(30)
    );
    let findings = domain::compliance::check(&policy);
    assert!(findings
        .iter()
        .any(|f| f.severity == domain::compliance::Severity::Breach
            && f.message.contains("up to 30 working days")));
}

// ------------------------------------------------------ seed 002 (pivotal-2021)

#[test]
fn seed_002_must_not_exceed_20_days_from_receipt_is_read_as_twenty_working_days() {
    // §9: "Respond to the complainant no later than 10 working days from the date
    //  the organisation received the complaint. If this is not possible, ... (the
    //  date provided must not exceed 20 days from the date the organisation
    //  received the complaint)."
    let r = reading(
        "pivotal-2021",
        "stages[0].extension",
        "(the date provided must not exceed 20 days from the date the organisation received the complaint)",
    );
    assert!(r.reading.contains("20 working days"), "{}", r.reading);
    let stage = &preset("pivotal-2021").stages[0];
    assert_eq!(stage.respond.from, TargetFrom::Receipt);
    assert_eq!(
        stage.extension.clone().unwrap().max_total_days_from_receipt,
        Some(20)
    );
}

#[test]
fn seed_002_allocate_within_2_then_acknowledge_within_2_is_read_as_four_working_days_from_receipt()
{
    // §9: "Within 2 working days of receiving it, allocate an appropriate Service
    //  Manager"; "Acknowledge the complaint in no more than the 2 working days
    //  from it being allocated to them".
    let r = reading(
        "pivotal-2021",
        "stages[0].acknowledge",
        "Acknowledge the complaint in no more than the 2 working days from it being allocated to them",
    );
    assert!(r.reading.contains("4 working days"), "{}", r.reading);
    let ack = preset("pivotal-2021").stages[0].acknowledge.unwrap();
    assert_eq!((ack.days, ack.from), (4, TargetFrom::Receipt));
}

// ---------------------------------------------------- seed 003 (plus-dane-2024)

#[test]
fn seed_003_a_further_10_days_at_stage_1_is_read_as_ten_working_days() {
    // §11: "This will not exceed a further 10 days without good reason. If an
    //  extension beyond 20 working days is required ..."
    let r = reading(
        "plus-dane-2024",
        "stages[0].extension",
        "This will not exceed a further 10 days without good reason.",
    );
    assert!(r.reading.contains("10 working days"), "{}", r.reading);
    let policy = preset("plus-dane-2024");
    let extension = policy.stages[0].extension.clone().unwrap();
    assert_eq!(extension.max_days, Some(10));
    // 10 for the answer and 10 more: the policy's "beyond 20 working days".
    assert_eq!(policy.stages[0].respond.days + 10, 20);
}

#[test]
fn seed_003_within_20_days_of_the_escalated_complaint_being_acknowledged_is_read_as_working_days() {
    // §12: "We will issue our response within 20 days of the escalated complaint
    //  being acknowledged"; "This will not exceed a further 20 working days
    //  without good reason."
    let r = reading(
        "plus-dane-2024",
        "stages[1].respond",
        "We will issue our response within 20 days of the escalated complaint being acknowledged",
    );
    assert!(r.reading.contains("20 working days"), "{}", r.reading);
    let respond = preset("plus-dane-2024").stages[1].respond;
    assert_eq!(
        (respond.days, respond.from),
        (20, TargetFrom::Acknowledgement)
    );
}

// ----------------------------------------------------------- seed 004 (torus)

#[test]
fn seed_004_our_10_working_day_target_is_counted_from_receipt() {
    // §3.3(6): "It may not always possible to provide a full written response
    //  within our 10 working day target." It does not say from when.
    let r = reading(
        "torus",
        "stages[0].respond",
        "It may not always possible to provide a full written response within our 10 working day target.",
    );
    assert!(r.reading.contains("received"), "{}", r.reading);
    let respond = preset("torus").stages[0].respond;
    assert_eq!((respond.days, respond.from), (10, TargetFrom::Receipt));
}

// ---------------------------------------------------- seed 000 (pioneer-2020)

#[test]
fn seed_000_stage_2_within_20_working_days_is_counted_from_the_request() {
    // §6: "At this stage it is likely that issues may be more complex and as
    //  such we will aim to respond within 20 working days". It does not say from when.
    let r = reading(
        "pioneer-2020",
        "stages[1].respond",
        "we will aim to respond within 20 working days",
    );
    assert!(
        r.reading.contains("received your request for stage 2"),
        "{}",
        r.reading
    );
    let respond = preset("pioneer-2020").stages[1].respond;
    assert_eq!((respond.days, respond.from), (20, TargetFrom::Receipt));
}

// ------------------------------------------------------------ every preset

#[test]
fn each_preset_reads_exactly_the_lengths_its_seed_leaves_open() {
    let expected: [(&str, &[&str]); 6] = [
        // The Code says "working days" and what each counts from.
        ("code-2024", &[]),
        // Pioneer and TORUS set no limit on an extension: the Code's applies,
        // with its good-reason route, and the reading says so.
        (
            "pioneer-2020",
            &["stages[1].respond", "stages[0].extension"],
        ),
        (
            "policy-2022",
            &["stages[0].extension", "stages[1].extension"],
        ),
        // Pivotal's appeal window counts from when the resident received
        // the response, without saying when a posted one is received.
        (
            "pivotal-2021",
            &[
                "stages[0].acknowledge",
                "stages[0].next_stage_window",
                "stages[0].extension",
            ],
        ),
        (
            "plus-dane-2024",
            &["stages[0].extension", "stages[1].respond"],
        ),
        ("torus", &["stages[0].respond", "stages[0].extension"]),
    ];
    for (id, fields) in expected {
        let read: Vec<String> = preset(id).readings.into_iter().map(|r| r.field).collect();
        assert_eq!(read, fields, "{id}");
    }
}

#[test]
fn the_readings_reach_the_policy_as_run() {
    for policy in domain::policy::presets() {
        assert_eq!(
            policy.effective().readings,
            policy.readings,
            "{}",
            policy.id
        );
    }
}

// ------------------------------------------------------------ the reader

const MINIMAL: &str = r#"
id = "test"
landlord = "Test"
title = "Test"
source = "Test"

[[stages]]
number = 1
name = "Stage 1"
respond = { days = 10, from = "receipt" }

[ombudsman]
name = "Housing Ombudsman Service"
telephone = "0300 111 3000"
website = "https://www.housing-ombudsman.org.uk"
address = "PO Box 1484, Unit D, Preston PR2 0ET"
guidance = []
"#;

fn with_reading(field: &str, unit: &str) -> String {
    format!(
        "{MINIMAL}\n[[readings]]\nfield = \"{field}\"\npolicy_says = \"within ten days\"\nunit = \"{unit}\"\nreading = \"We count 10 working days.\"\n"
    )
}

#[test]
fn a_reading_of_a_length_the_policy_sets_is_accepted() {
    let policy = Policy::from_toml(&with_reading("stages[0].respond", "working_days")).unwrap();
    assert_eq!(policy.readings.len(), 1);
}

#[test]
fn a_reading_of_a_length_the_policy_does_not_set_is_refused_with_its_place() {
    let error =
        Policy::from_toml(&with_reading("stages[0].extension", "working_days")).unwrap_err();
    assert_eq!(error.field.as_deref(), Some("readings[0].field"));
    assert!(error.line.is_some(), "{error}");
    assert!(
        error.message.contains("not a length this policy sets"),
        "{error}"
    );
}

#[test]
fn calendar_days_are_refused_because_the_portal_counts_working_days() {
    let error = Policy::from_toml(&with_reading("stages[0].respond", "calendar_days")).unwrap_err();
    assert!(error.message.contains("working_days"), "{error}");
}
