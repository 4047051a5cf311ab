//! Policies as data: the six presets, the TOML reader and its errors, the
//! Code's values where a policy is silent, and screening.

use chrono::{Months, NaiveDate};
use domain::policy::{
    presets, AutoCloseRule, GuidanceWhen, Policy, Target, TargetFrom, DEFAULT_POLICY_ID,
};

const IDS: [&str; 6] = [
    "code-2024",
    "pioneer-2020",
    "policy-2022",
    "pivotal-2021",
    "plus-dane-2024",
    "torus",
];

fn preset(id: &str) -> Policy {
    Policy::preset(id).unwrap_or_else(|| panic!("preset {id} loads"))
}

fn target(days: u32, from: TargetFrom) -> Option<Target> {
    Some(Target { days, from })
}

use TargetFrom::{Acknowledgement as Ack, Receipt};

// ---------------------------------------------------------------- presets

#[test]
fn all_six_presets_load_with_the_code_first() {
    let ids: Vec<String> = presets().into_iter().map(|p| p.id).collect();
    assert_eq!(ids, IDS);
    assert_eq!(DEFAULT_POLICY_ID, "code-2024");
}

#[test]
fn every_preset_source_parses_and_validates_on_its_own() {
    for id in IDS {
        let src = Policy::preset_source(id).expect("embedded");
        let policy = Policy::from_toml(src).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(policy.id, id);
        assert_eq!(policy.validate(), Ok(()));
    }
}

#[test]
fn an_unknown_preset_is_none() {
    assert!(Policy::preset("nonesuch").is_none());
}

#[test]
fn every_preset_gives_the_current_ombudsman_contact_details() {
    for policy in presets() {
        assert_eq!(
            policy.ombudsman.name, "Housing Ombudsman Service",
            "{}",
            policy.id
        );
        assert_eq!(policy.ombudsman.telephone, "0300 111 3000", "{}", policy.id);
        assert_eq!(
            policy.ombudsman.website,
            "https://www.housing-ombudsman.org.uk"
        );
        assert_eq!(
            policy.ombudsman.address,
            "PO Box 1484, Unit D, Preston PR2 0ET"
        );
        for when in [
            GuidanceWhen::Always,
            GuidanceWhen::DuringProcess,
            GuidanceWhen::AfterFinalResponse,
            GuidanceWhen::AfterRefusal,
        ] {
            assert!(
                policy.ombudsman.guidance.iter().any(|g| g.when == when),
                "{} has guidance for {when:?}",
                policy.id
            );
        }
    }
}

#[test]
fn no_preset_repeats_the_designated_person_or_the_eight_week_wait_as_current() {
    for policy in presets() {
        for guidance in &policy.ombudsman.guidance {
            assert!(
                !domain::compliance::names_removed_route(&guidance.text),
                "{}: {}",
                policy.id,
                guidance.text
            );
        }
    }
}

#[test]
fn presets_whose_seed_names_the_removed_routes_say_they_ended() {
    // Seeds 000 §4, 001 "When we can't reach an agreement", 002 §15.2, 004 §3.5.
    for id in ["pioneer-2020", "policy-2022", "pivotal-2021", "torus"] {
        let ended = preset(id).ombudsman.guidance.iter().any(|g| {
            g.when == GuidanceWhen::AfterFinalResponse && g.text.contains("ended on 1 October 2022")
        });
        assert!(ended, "{id}");
    }
}

#[test]
fn every_preset_has_categories_and_a_repairs_category_first() {
    for policy in presets() {
        assert!(policy.categories.len() >= 5, "{}", policy.id);
        assert_eq!(policy.categories[0].id, "repairs", "{}", policy.id);
        assert_eq!(
            policy.categories.last().map(|c| c.id.as_str()),
            Some("other")
        );
    }
}

#[test]
fn presets_survive_a_json_round_trip() {
    for policy in presets() {
        let json = serde_json::to_string(&policy).expect("serialises");
        let back: Policy = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(back, policy);
    }
}

// ------------------------------------------------- key figures per preset

/// One row per preset: (id, time limit months, stage 1 ack, stage 1 respond,
/// stage 1 extension max days, stage 2 ack, stage 2 respond, stage 2 extension
/// max days, window to ask for stage 2). `None` where the seed is silent.
type Row = (
    &'static str,
    Option<u32>,
    Option<Target>,
    Target,
    Option<u32>,
    Option<Target>,
    Target,
    Option<u32>,
    Option<u32>,
);

#[rustfmt::skip]
fn key_figures() -> Vec<Row> {
    let t = |days, from| Target { days, from };
    vec![
        // Code 2.3 "within 12 months"; 6.2 "within five working days of the complaint being received";
        // 6.3 "within 10 working days of the complaint being acknowledged"; 6.4 "no more than 10 working days";
        // 6.11 "within five working days of the escalation request being received";
        // Section 6, stage 2: a response within 20 working days of the acknowledgement, an extension of no more than 20.
        ("code-2024", Some(12), target(5, Receipt), t(10, Ack), Some(10), target(5, Receipt), t(20, Ack), Some(20), None),
        // 000 §5 "over six months ago"; §7 "acknowledge the complaint within 5 working days",
        // "within 10 working days of the initial complaint"; §6 "respond within 20 working days".
        ("pioneer-2020", Some(6), target(5, Receipt), t(10, Receipt), None, None, t(20, Receipt), None, None),
        // 001 "within ten working days", "a further ten days"; "within 20 working days", "a further 30 days".
        ("policy-2022", None, None, t(10, Receipt), Some(10), None, t(20, Receipt), Some(30), None),
        // 002 §6.1a "over 6 months ago"; §9 allocate within 2 + acknowledge within 2 of allocation;
        // "no later than 10 working days from the date the organisation received the complaint";
        // Stage 2 "acknowledged within 3 working days", "within 20 working days of date of receipt of appeal",
        // "no later than 10 working days after the complainant received the Stage 1 response".
        ("pivotal-2021", Some(6), target(4, Receipt), t(10, Receipt), None, target(3, Receipt), t(20, Receipt), None, Some(10)),
        // 003 §7 "over twelve months old"; §11 "within five working days of receipt", "within 10 working days
        // from acknowledging", "a further 10 days"; §12 "within five working days of receipt",
        // "within 20 days of the escalated complaint being acknowledged", "a further 20 working days".
        ("plus-dane-2024", Some(12), target(5, Receipt), t(10, Ack), Some(10), target(5, Receipt), t(20, Ack), Some(20), None),
        // 004 §3.3(6) "our 10 working day target"; stage 2 has no timescale (the Code's 20 is written in).
        ("torus", None, None, t(10, Receipt), None, None, t(20, Ack), None, None),
    ]
}

#[test]
fn each_preset_has_the_figures_its_policy_states() {
    for (id, months, ack1, respond1, ext1, ack2, respond2, ext2, window) in key_figures() {
        let p = preset(id);
        assert_eq!(
            p.time_limit.as_ref().map(|l| l.months),
            months,
            "{id} time limit"
        );
        assert_eq!(p.stages.len(), 2, "{id} stages");
        let (one, two) = (&p.stages[0], &p.stages[1]);
        assert_eq!(one.acknowledge, ack1, "{id} stage 1 acknowledge");
        assert_eq!(one.respond, respond1, "{id} stage 1 respond");
        assert_eq!(
            one.extension.as_ref().and_then(|e| e.max_days),
            ext1,
            "{id} stage 1 extension"
        );
        assert_eq!(two.acknowledge, ack2, "{id} stage 2 acknowledge");
        assert_eq!(two.respond, respond2, "{id} stage 2 respond");
        assert_eq!(
            two.extension.as_ref().and_then(|e| e.max_days),
            ext2,
            "{id} stage 2 extension"
        );
        assert_eq!(one.next_stage_window, window, "{id} window for stage 2");
    }
}

#[test]
fn the_code_requires_the_ombudsman_details_with_every_extension() {
    // Code 6.5 (stage 1) and section 6 (stage 2, as 6.5).
    for stage in preset("code-2024").stages {
        assert!(
            stage
                .extension
                .expect("extension")
                .ombudsman_details_required
        );
    }
}

#[test]
fn the_code_counts_its_time_limit_from_awareness_with_discretion() {
    // Code 2.3: "or the resident becoming aware of the issue"; "must consider whether to apply discretion".
    let limit = preset("code-2024").time_limit.expect("time limit");
    assert!(limit.from_awareness && limit.discretion);
}

#[test]
fn the_code_has_no_panel_no_third_stage_and_no_stage_two_window() {
    let code = preset("code-2024");
    assert!(code.panel.is_none());
    assert_eq!(code.stages.len(), 2);
    assert!(code.stages.iter().all(|s| s.next_stage_window.is_none()));
}

#[test]
fn pioneer_has_the_tenant_led_panel_of_its_section_six() {
    // 000 §6: "notify us within 10 working days of the stage 2 response letter";
    // "convene a panel within 20 working days"; "within 5 working days of the panel hearing";
    // "present submissions without attending"; "by a friend or relative";
    // "may not attend with legal representatives"; no panel "if the matter is referred to the Housing Ombudsman".
    let pioneer = preset("pioneer-2020");
    let panel = pioneer.panel.expect("panel");
    assert_eq!(panel.number, 3);
    assert_eq!(
        (
            panel.request_window,
            panel.convene_within,
            panel.outcome_within
        ),
        (10, 20, 5)
    );
    assert!(panel.written_submissions);
    assert_eq!(panel.representatives, ["friend", "relative"]);
    assert!(!panel.legal_representative_allowed);
    assert!(panel.not_after_ombudsman);
    assert_eq!(pioneer.stages[1].next_stage_window, Some(10));
}

#[test]
fn pioneer_counts_six_months_unless_the_issue_was_just_identified() {
    // 000 §5: "over six months ago unless the issue has only just been identified".
    let limit = preset("pioneer-2020").time_limit.expect("time limit");
    assert_eq!(limit.months, 6);
    assert!(limit.from_awareness);
    assert!(!limit.discretion);
}

#[test]
fn pioneer_names_its_letters_forms_and_extension_reasons() {
    let pioneer = preset("pioneer-2020");
    let references: Vec<&str> = pioneer
        .documents
        .iter()
        .filter_map(|d| d.reference.as_deref())
        .collect();
    assert_eq!(
        references,
        [
            "Letter 703.1",
            "Letter 703.2",
            "Letter 703.3",
            "Letter 703.4",
            "Form 703.a",
            "Form 703.b",
            "Form 703.c"
        ]
    );
    assert_eq!(
        pioneer.complainants.authorisation_form.as_deref(),
        Some("Form 703.c")
    );
    // §7: "These reasons may include:" four reasons.
    assert_eq!(pioneer.extension_reasons.len(), 4);
}

#[test]
fn pivotal_excepts_safeguarding_and_health_and_safety_from_its_time_limit() {
    // 002 §6.1(a): "(unless related to safeguarding or health and safety matters)".
    let limit = preset("pivotal-2021").time_limit.expect("time limit");
    assert_eq!(limit.exceptions.len(), 2);
    assert!(limit.exceptions[0].contains("safeguarding"));
    assert!(limit.exceptions[1].contains("health and safety"));
}

#[test]
fn pivotal_caps_a_stage_one_extension_at_twenty_days_from_receipt() {
    // 002 §9: "the date provided must not exceed 20 days from the date the organisation received the complaint".
    let extension = preset("pivotal-2021").stages[0]
        .extension
        .clone()
        .expect("extension");
    assert_eq!(extension.max_total_days_from_receipt, Some(20));
}

#[test]
fn plus_dane_allows_a_longer_stage_one_extension_only_by_agreement() {
    // 003 §11: "If an extension beyond 20 working days is required ... agreed by both parties."
    let extension = preset("plus-dane-2024").stages[0]
        .extension
        .clone()
        .expect("extension");
    assert!(extension.beyond_by_agreement);
}

#[test]
fn each_preset_closes_complaints_as_its_policy_says() {
    let rule = |id| preset(id).auto_close.map(|a| (a.rule, a.days));
    // 000 §7 survey after 10; 002 §10.1(c) no contact within 10; 003 §13 actions done; 004 §5.1 promises kept.
    assert_eq!(
        rule("pioneer-2020"),
        Some((AutoCloseRule::SurveyAfterOutcome, Some(10)))
    );
    assert_eq!(
        rule("pivotal-2021"),
        Some((AutoCloseRule::NoContactAfterResponse, Some(10)))
    );
    assert_eq!(
        rule("plus-dane-2024"),
        Some((AutoCloseRule::WhenActionsDone, None))
    );
    assert_eq!(rule("torus"), Some((AutoCloseRule::WhenActionsDone, None)));
    assert_eq!(rule("policy-2022"), None);
    assert_eq!(rule("code-2024"), None);
}

#[test]
fn each_preset_excludes_what_its_policy_excludes() {
    let ids = |id| {
        preset(id)
            .exclusions
            .into_iter()
            .map(|e| e.id)
            .collect::<Vec<_>>()
    };
    assert!(ids("pivotal-2021").contains(&"employee_complaint".to_owned())); // 002 §6.1(g)
    assert!(ids("pivotal-2021").contains(&"service_charge_calculation".to_owned())); // 002 §6.1(d)
    assert!(ids("plus-dane-2024").contains(&"service_charge_calculation".to_owned())); // 003 §7
    assert!(ids("plus-dane-2024").contains(&"new_asb_report".to_owned())); // 003 §7
    assert!(ids("pioneer-2020").contains(&"insurance_claim".to_owned())); // 000 §5
    assert!(ids("policy-2022").is_empty()); // 001 lists none
    for policy in presets() {
        let service = policy.exclusions.iter().find(|e| e.id == "service_request");
        if let Some(service) = service {
            assert!(
                service.may_insist,
                "{}: a resident may insist on a complaint",
                policy.id
            );
        }
    }
}

#[test]
fn the_2022_policy_points_leaseholders_to_the_first_tier_tribunal() {
    let policy = preset("policy-2022");
    assert!(policy
        .ombudsman
        .guidance
        .iter()
        .any(|g| g.text.contains("First-tier Tribunal (Property Chamber)")));
}

#[test]
fn contact_details_come_from_the_seed_or_are_absent() {
    let plus_dane = preset("plus-dane-2024").contact;
    assert_eq!(plus_dane.telephone.as_deref(), Some("0800 169 2988")); // 003 §8
    assert_eq!(
        plus_dane.email.as_deref(),
        Some("complaints@plusdane.co.uk")
    );
    assert_eq!(plus_dane.post, None); // "our registered Head Office", no address given
    assert_eq!(
        preset("pivotal-2021").contact.telephone.as_deref(),
        Some("01202 306070")
    ); // 002 §18.2
    for id in ["code-2024", "pioneer-2020", "policy-2022", "torus"] {
        let contact = preset(id).contact;
        assert_eq!(
            (contact.telephone, contact.email, contact.post),
            (None, None, None),
            "{id}"
        );
    }
}

// ---------------------------------------------------------- reading TOML

const MINIMAL: &str = r#"
id = "tiny"
landlord = "Tiny Homes"
title = "Complaints policy"
source = "A test"

[[stages]]
number = 1
name = "Stage 1"
respond = { days = 10, from = "receipt" }

[[stages]]
number = 2
name = "Stage 2"
respond = { days = 20, from = "receipt" }

[ombudsman]
name = "Housing Ombudsman Service"
telephone = "0300 111 3000"
website = "https://www.housing-ombudsman.org.uk"
address = "PO Box 1484, Unit D, Preston PR2 0ET"
guidance = []
"#;

#[test]
fn a_minimal_policy_reads() {
    let policy = Policy::from_toml(MINIMAL).expect("reads");
    assert_eq!(policy.id, "tiny");
    assert!(policy.exclusions.is_empty());
}

#[test]
fn a_wrong_type_names_the_line_and_the_field() {
    let src = MINIMAL.replace(
        "respond = { days = 20, from = \"receipt\" }",
        "respond = { days = \"twenty\", from = \"receipt\" }",
    );
    let error = Policy::from_toml(&src).expect_err("refused");
    assert_eq!(error.line, Some(15));
    assert_eq!(error.field.as_deref(), Some("stages[1].respond.days"));
    assert!(
        error.message.contains("expected an integer"),
        "{}",
        error.message
    );
    assert!(
        error
            .to_string()
            .starts_with("line 15, field `stages[1].respond.days`: invalid type"),
        "{error}"
    );
}

#[test]
fn an_unknown_field_is_refused_with_its_line() {
    let src = MINIMAL.replace("name = \"Stage 2\"", "name = \"Stage 2\"\nrespnod = 3");
    let error = Policy::from_toml(&src).expect_err("refused");
    assert_eq!(error.line, Some(15));
    assert_eq!(error.field.as_deref(), Some("stages[1].respnod"));
    assert!(
        error.message.contains("unknown field `respnod`"),
        "{}",
        error.message
    );
}

#[test]
fn a_missing_field_names_the_field_it_wanted() {
    let src = MINIMAL.replace("name = \"Stage 2\"\n", "");
    let error = Policy::from_toml(&src).expect_err("refused");
    assert_eq!(error.field.as_deref(), Some("stages[1].name"));
    assert!(error.message.contains("missing field `name`"));
    assert_eq!(error.line, Some(12));
}

#[test]
fn a_missing_top_level_field_is_named() {
    let src = MINIMAL.replace("title = \"Complaints policy\"\n", "");
    let error = Policy::from_toml(&src).expect_err("refused");
    assert_eq!(error.field.as_deref(), Some("title"));
}

#[test]
fn a_syntax_error_gives_its_line_and_column() {
    let src = MINIMAL.replace("respond = { days = 10, from", "respond = { days = 10 from");
    let error = Policy::from_toml(&src).expect_err("refused");
    assert_eq!(error.line, Some(10));
    assert!(error.column.is_some());
    assert_eq!(error.field.as_deref(), Some("stages[0].respond"));
}

#[test]
fn an_unknown_enum_value_is_refused() {
    let src = MINIMAL.replace(
        "from = \"receipt\" }\n\n[[stages]]",
        "from = \"the moon\" }\n\n[[stages]]",
    );
    let error = Policy::from_toml(&src).expect_err("refused");
    assert_eq!(error.field.as_deref(), Some("stages[0].respond.from"));
    assert_eq!(error.line, Some(10));
}

#[test]
fn stages_out_of_order_are_refused_with_the_line_of_the_number() {
    let src = MINIMAL.replace("number = 2", "number = 3");
    let error = Policy::from_toml(&src).expect_err("refused");
    assert_eq!(error.field.as_deref(), Some("stages[1].number"));
    assert_eq!(error.line, Some(13));
    assert!(error.message.contains("expected 2"));
}

#[test]
fn a_policy_without_stages_is_refused() {
    let src = MINIMAL
        .split("[[stages]]")
        .next()
        .map(|head| {
            format!(
                "{head}stages = []\n{}",
                &MINIMAL[MINIMAL.find("[ombudsman]").unwrap_or(0)..]
            )
        })
        .unwrap_or_default();
    let error = Policy::from_toml(&src).expect_err("refused");
    assert_eq!(error.field.as_deref(), Some("stages"));
}

#[test]
fn a_panel_must_follow_the_last_stage() {
    let src = format!(
        "{MINIMAL}\n[panel]\nnumber = 4\nname = \"Panel\"\nrequest_window = 10\nconvene_within = 20\noutcome_within = 5\nwritten_submissions = true\nrepresentatives = []\nlegal_representative_allowed = false\nnot_after_ombudsman = true\n"
    );
    let error = Policy::from_toml(&src).expect_err("refused");
    assert_eq!(error.field.as_deref(), Some("panel.number"));
    assert!(error.message.contains("must be 3"));
    assert!(Policy::from_toml(&src.replace("number = 4", "number = 3")).is_ok());
}

#[test]
fn exclusion_ids_must_be_unique() {
    let exclusion = "\n[[exclusions]]\nid = \"service_request\"\ntitle = \"A repair\"\nexplanation = \"Not a complaint.\"\ninstead = \"Report it.\"\n";
    let src = format!("{MINIMAL}{exclusion}{exclusion}");
    let error = Policy::from_toml(&src).expect_err("refused");
    assert_eq!(error.field.as_deref(), Some("exclusions[1].id"));
    assert!(error.message.contains("used twice"));
}

#[test]
fn an_empty_id_is_refused() {
    let error =
        Policy::from_toml(&MINIMAL.replace("id = \"tiny\"", "id = \"\"")).expect_err("refused");
    assert_eq!(error.field.as_deref(), Some("id"));
    assert_eq!(error.line, Some(2));
}

#[test]
fn a_zero_day_target_is_refused() {
    let src = MINIMAL.replace("days = 10", "days = 0");
    let error = Policy::from_toml(&src).expect_err("refused");
    assert_eq!(error.field.as_deref(), Some("stages[0].respond.days"));
}

#[test]
fn silent_on_accepts_only_a_stage_response_this_policy_has() {
    let with = |path: &str| {
        MINIMAL.replace(
            "source = \"A test\"",
            &format!("source = \"A test\"\nsilent_on = [\"{path}\"]"),
        )
    };
    assert!(Policy::from_toml(&with("stages[1].respond")).is_ok());
    let error = Policy::from_toml(&with("stages[2].respond")).expect_err("refused");
    assert_eq!(error.field.as_deref(), Some("silent_on[0]"));
    assert!(Policy::from_toml(&with("time_limit")).is_err());
}

// -------------------------------------------------------------- fallbacks

#[test]
fn the_code_falls_back_on_nothing() {
    let code = preset("code-2024");
    assert!(code.fallbacks().is_empty());
    assert_eq!(code.effective(), code);
}

#[test]
fn a_silent_stage_one_acknowledgement_falls_back_to_the_codes_five_days() {
    let fallbacks = preset("policy-2022").fallbacks();
    let ack = fallbacks
        .iter()
        .find(|f| f.field == "stages[0].acknowledge")
        .expect("listed");
    assert_eq!(
        ack.message,
        "This policy does not set an acknowledgement target for stage 1; the Complaint Handling Code's 5 working days apply."
    );
    assert_eq!(ack.section, "6.2");
    assert_eq!(ack.code_value, "5 working days after receipt");
}

#[test]
fn each_silent_seed_lists_the_fields_the_code_fills() {
    let fields = |id| {
        preset(id)
            .fallbacks()
            .into_iter()
            .map(|f| f.field)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        fields("policy-2022"),
        [
            "time_limit",
            "stages[0].acknowledge",
            "stages[0].extension.ombudsman_details_required",
            "stages[1].acknowledge",
            "stages[1].extension.ombudsman_details_required",
            "exclusions",
        ]
    );
    assert_eq!(
        fields("torus"),
        [
            "time_limit",
            "stages[0].acknowledge",
            "stages[0].extension.max_days",
            "stages[0].extension.ombudsman_details_required",
            "stages[1].acknowledge",
            "stages[1].respond",
            "stages[1].extension",
            "extension_reasons",
        ]
    );
    assert_eq!(
        fields("pioneer-2020"),
        [
            "stages[0].extension.max_days",
            "stages[0].extension.ombudsman_details_required",
            "stages[1].acknowledge",
            "stages[1].extension",
        ]
    );
}

#[test]
fn the_effective_policy_has_no_silences_left() {
    for policy in presets() {
        let effective = policy.effective();
        assert!(effective.time_limit.is_some(), "{}", policy.id);
        assert!(!effective.exclusions.is_empty(), "{}", policy.id);
        for stage in &effective.stages {
            assert!(
                stage.acknowledge.is_some(),
                "{} stage {}",
                policy.id,
                stage.number
            );
            let extension = stage.extension.as_ref().expect("extension");
            assert!(
                extension.max_days.is_some() || extension.max_total_days_from_receipt.is_some()
            );
            assert!(extension.ombudsman_details_required);
        }
        assert!(
            effective.fallbacks().is_empty(),
            "{}: effective is complete",
            policy.id
        );
    }
}

#[test]
fn the_effective_policy_keeps_what_the_policy_says() {
    let pioneer = preset("pioneer-2020");
    let effective = pioneer.effective();
    assert_eq!(effective.time_limit, pioneer.time_limit);
    assert_eq!(effective.stages[0].respond, pioneer.stages[0].respond);
    assert_eq!(effective.panel, pioneer.panel);
    assert_eq!(effective.stages[1].acknowledge, target(5, Receipt));
}

#[test]
fn a_one_stage_policy_runs_with_the_codes_second_stage() {
    let src = MINIMAL.replace(
        "[[stages]]\nnumber = 2\nname = \"Stage 2\"\nrespond = { days = 20, from = \"receipt\" }\n",
        "",
    );
    let policy = Policy::from_toml(&src).expect("reads");
    assert_eq!(policy.stages.len(), 1);
    let effective = policy.effective();
    assert_eq!(effective.stages.len(), 2);
    assert_eq!(
        effective.stages[1].respond,
        Target {
            days: 20,
            from: Ack
        }
    );
    assert!(policy.fallbacks().iter().any(|f| f.field == "stages[1]"));
}

#[test]
fn fallbacks_serialise_with_snake_case_keys() {
    let json = serde_json::to_value(preset("torus").fallbacks()).expect("serialises");
    let first = &json[0];
    assert_eq!(first["field"], "time_limit");
    assert_eq!(first["section"], "2.3");
    assert!(first["code_value"].is_string());
    assert!(first["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("This policy does not")));
}

// -------------------------------------------------------------- screening

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 16).expect("date")
}

fn months_ago(months: u32) -> NaiveDate {
    today()
        .checked_sub_months(Months::new(months))
        .expect("date")
}

fn screened(id: &str, text: &str, started: Option<NaiveDate>) -> Vec<String> {
    preset(id)
        .screen(text, started, today())
        .into_iter()
        .map(|r| r.id)
        .collect()
}

#[test]
fn a_broken_boiler_is_screened_as_a_service_request() {
    let results = preset("code-2024").screen("My boiler is broken", None, today());
    assert_eq!(results.len(), 1);
    let result = &results[0];
    assert_eq!(result.id, "service_request");
    assert!(result.may_insist);
    assert_eq!(result.matched, ["broken", "boiler"]);
}

#[test]
fn screening_ignores_case_and_takes_simple_endings() {
    assert_eq!(
        screened("code-2024", "The roof LEAKS when it rains", None),
        ["service_request"]
    );
    assert_eq!(
        screened("code-2024", "Water is leaking through the ceiling", None),
        ["service_request"]
    );
    assert_eq!(
        screened("code-2024", "The lift is NOT   working", None),
        ["service_request"]
    );
}

#[test]
fn screening_matches_whole_words_only() {
    // "court" is not in "courtesy", "fix" is not in "prefix".
    assert!(screened(
        "code-2024",
        "Nobody showed me any courtesy about the prefix",
        None
    )
    .is_empty());
}

#[test]
fn a_complaint_about_a_colleague_is_screened_under_pivotal_only() {
    let text = "A member of staff was rude to me";
    assert_eq!(screened("pivotal-2021", text, None), ["employee_complaint"]);
    assert!(screened("plus-dane-2024", text, None).is_empty());
}

#[test]
fn a_service_charge_dispute_is_screened_under_pivotal_and_plus_dane() {
    let text = "My service charge has gone up and the calculation is wrong";
    assert_eq!(
        screened("pivotal-2021", text, None),
        ["service_charge_calculation"]
    );
    assert_eq!(
        screened("plus-dane-2024", text, None),
        ["service_charge_calculation"]
    );
    assert!(screened("code-2024", text, None).is_empty());
}

#[test]
fn a_silent_seed_screens_with_the_codes_exclusions() {
    assert_eq!(
        screened("policy-2022", "My boiler is broken", None),
        ["service_request"]
    );
}

#[test]
fn several_exclusions_come_in_the_policys_order() {
    let text = "My neighbour's noise is awful and I've made an insurance claim";
    assert_eq!(
        screened("plus-dane-2024", text, None),
        ["new_asb_report", "insurance_claim"]
    );
}

#[test]
fn thirteen_months_ago_is_outside_the_codes_time_limit() {
    let results =
        preset("code-2024").screen("The stairs were not cleaned", Some(months_ago(13)), today());
    assert_eq!(results.len(), 1);
    let result = &results[0];
    assert_eq!(result.id, "outside_time_limit");
    assert!(result.may_insist, "awareness and discretion are exceptions");
    assert_eq!(result.exceptions.len(), 2);
    assert!(result.title.contains("12 months"));
}

#[test]
fn eleven_months_ago_is_inside_the_codes_time_limit() {
    assert!(screened(
        "code-2024",
        "The stairs were not cleaned",
        Some(months_ago(11))
    )
    .is_empty());
}

#[test]
fn exactly_twelve_months_ago_is_still_inside_the_codes_time_limit() {
    assert!(screened("code-2024", "The stairs", Some(months_ago(12))).is_empty());
    let a_day_earlier = months_ago(12).pred_opt();
    assert_eq!(
        screened("code-2024", "The stairs", a_day_earlier),
        ["outside_time_limit"]
    );
}

#[test]
fn seven_months_ago_is_outside_pioneers_six_months() {
    assert_eq!(
        screened(
            "pioneer-2020",
            "The stairs were not cleaned",
            Some(months_ago(7))
        ),
        ["outside_time_limit"]
    );
    assert!(screened(
        "code-2024",
        "The stairs were not cleaned",
        Some(months_ago(7))
    )
    .is_empty());
}

#[test]
fn pivotals_time_limit_lists_its_exceptions() {
    let results = preset("pivotal-2021").screen("The stairs", Some(months_ago(7)), today());
    let result = results
        .iter()
        .find(|r| r.id == "outside_time_limit")
        .expect("outside");
    assert_eq!(result.exceptions.len(), 2);
    assert!(result.may_insist);
}

#[test]
fn a_silent_seed_uses_the_codes_twelve_months() {
    assert!(screened("torus", "The stairs", Some(months_ago(7))).is_empty());
    assert_eq!(
        screened("torus", "The stairs", Some(months_ago(13))),
        ["outside_time_limit"]
    );
}

#[test]
fn a_future_start_date_is_not_outside_the_time_limit() {
    let tomorrow = today().succ_opt();
    assert!(screened("pioneer-2020", "The stairs", tomorrow).is_empty());
}

#[test]
fn a_complaint_about_how_a_repair_was_handled_is_not_screened_as_a_repair_request() {
    let text =
        "The repair to my kitchen window was missed again and nobody came to the appointment";
    let code = preset("code-2024");
    assert_eq!(
        code.screen(text, None, today())
            .into_iter()
            .map(|r| r.id)
            .collect::<Vec<_>>(),
        ["service_request"],
        "without a category, a repair still reads as a first request"
    );
    assert!(
        code.screen_in(text, Some("repairs"), None, today())
            .is_empty(),
        "under the repairs category it is dissatisfaction with a service: a complaint"
    );
    // Other categories still screen it: a repair mentioned under "Rent" is
    // likely a first request.
    assert_eq!(
        code.screen_in(text, Some("rent_and_charges"), None, today())
            .len(),
        1
    );
    // An exclusion the category does not speak of still fires.
    assert_eq!(
        code.screen_in(
            "The repair is now a disrepair claim at court",
            Some("repairs"),
            None,
            today()
        )
        .into_iter()
        .map(|r| r.id)
        .collect::<Vec<_>>(),
        ["court_proceedings"]
    );
}

#[test]
fn residents_are_never_shown_section_numbers_in_screening() {
    let number = |s: &str| {
        s.split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .any(|w| w.contains('.') && w.trim_matches('.').contains('.'))
    };
    let long_ago = NaiveDate::from_ymd_opt(2000, 1, 1);
    for policy in domain::policy::presets() {
        let every_keyword: Vec<String> = policy
            .exclusions
            .iter()
            .flat_map(|e| e.keywords.clone())
            .collect();
        let results = policy.screen(&every_keyword.join(". "), long_ago, today());
        assert!(results.len() >= policy.exclusions.len(), "{}", policy.id);
        for result in results {
            let texts = [&result.title, &result.explanation, &result.instead]
                .into_iter()
                .chain(result.exceptions.iter());
            for text in texts {
                assert!(
                    !number(text) && !text.contains('§') && !text.contains("(Code "),
                    "{}: {}: {text}",
                    policy.id,
                    result.id
                );
            }
        }
    }
}

#[test]
fn pivotals_complaint_about_a_member_of_staff_is_a_complaint_kept_for_staff_not_a_refusal() {
    // Pivotal §6.1(g): "Complaints about a Pivotal employee (these will be
    // dealt with by their Line Manager ...)". The Code counts dissatisfaction
    // with the landlord's own staff as a complaint (1.2).
    let results = preset("pivotal-2021").screen(
        "The housing officer was rude to me on the phone",
        None,
        today(),
    );
    let staff = results
        .iter()
        .find(|r| r.id == "employee_complaint")
        .expect("the exclusion matches, for staff to see");
    assert!(staff.about_own_staff);
    assert!(staff.may_insist, "never a refusal");
    assert!(!staff.for_resident(), "the resident is not asked to insist");
    // Every other exclusion is still the resident's to read.
    let noise = preset("pivotal-2021").screen("My neighbour's noise at night", None, today());
    assert!(noise.iter().all(|r| r.for_resident() && !r.about_own_staff));
}
