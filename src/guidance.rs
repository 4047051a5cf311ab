//! Words drawn from the active policy, pure so they are tested natively: the
//! Housing Ombudsman guidance that fits where a complaint stands (always with
//! the Service's contact details), and the start page's plain summary of the
//! policy (time limit, other ways to complain).

use domain::policy::{Contact, GuidanceWhen, Ombudsman, TimeLimit, DEFAULT_POLICY_ID};
use serde::Deserialize;

use crate::i18n::{t, tf, tn};

/// `GET /policies/active` as the start page reads it: only the policy as run.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StartPolicyDetail {
    pub effective: StartPolicy,
}

/// The parts of a policy the start page shows. The start page is what a first
/// visit downloads, so it decodes these few fields rather than the whole
/// [`domain::policy::Policy`], whose decoder would make every first visit
/// bigger; the other fields of the answer are skipped.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StartPolicy {
    pub id: String,
    pub landlord: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub time_limit: Option<TimeLimit>,
    #[serde(default)]
    pub exclusions: Vec<ExclusionTitle>,
    #[serde(default)]
    pub contact: Contact,
    /// Lengths the policy's words leave open, with the reading the portal takes.
    #[serde(default)]
    pub readings: Vec<ReadingWords>,
}

/// How the portal reads a length the policy's words leave open: the policy's
/// words and the reading in plain words (the unit is always working days).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ReadingWords {
    pub policy_says: String,
    pub reading: String,
}

/// What is not handled as a complaint, by its title.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ExclusionTitle {
    pub title: String,
}

/// The Service's own details, used where a policy leaves one blank or the
/// policy cannot be loaded (offline): a resident must always be able to reach it.
pub const OMBUDSMAN_NAME: &str = "Housing Ombudsman Service";
pub const OMBUDSMAN_TELEPHONE: &str = "0300 111 3000";
pub const OMBUDSMAN_WEBSITE: &str = "https://www.housing-ombudsman.org.uk";
pub const OMBUDSMAN_ADDRESS: &str = "PO Box 1484, Unit D, Preston PR2 0ET";

/// The Ombudsman block with the Service's own details and no guidance.
pub fn fallback_ombudsman() -> Ombudsman {
    Ombudsman {
        name: OMBUDSMAN_NAME.into(),
        telephone: OMBUDSMAN_TELEPHONE.into(),
        website: OMBUDSMAN_WEBSITE.into(),
        address: OMBUDSMAN_ADDRESS.into(),
        guidance: Vec::new(),
    }
}

/// The guidance paragraphs for a complaint that stands at any of `when`, in
/// the policy's order. Those for "at any time" are always included; a
/// paragraph written twice is shown once.
pub fn paragraphs_for(ombudsman: &Ombudsman, when: &[GuidanceWhen]) -> Vec<String> {
    let mut chosen: Vec<String> = Vec::new();
    for g in &ombudsman.guidance {
        let fits = g.when == GuidanceWhen::Always || when.contains(&g.when);
        let text = g.text.trim();
        if fits && !text.is_empty() && !chosen.iter().any(|c| c == text) {
            chosen.push(text.to_owned());
        }
    }
    chosen
}

/// Whether a paragraph mentions the "designated person" route or the 8-week
/// wait, both of which ended on 1 October 2022.
pub fn mentions_designated_person(text: &str) -> bool {
    let text = text.to_lowercase();
    [
        "designated person",
        "eight weeks",
        "8 weeks",
        "eight-week",
        "8-week",
    ]
    .iter()
    .any(|words| text.contains(words))
}

/// Whether any of the policy's guidance mentions the old route.
pub fn guidance_mentions_designated_person(ombudsman: &Ombudsman) -> bool {
    ombudsman
        .guidance
        .iter()
        .any(|g| mentions_designated_person(&g.text))
}

/// Whether a paragraph is about the First-tier Tribunal (leaseholders,
/// service charges), which the guidance page shows under its own heading.
pub fn is_about_tribunal(text: &str) -> bool {
    text.to_lowercase().contains("tribunal")
}

/// One headed part of the guidance page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: &'static str,
    pub paragraphs: Vec<String>,
}

/// The policy's guidance grouped for the guidance page, one section per point
/// in the process, with tribunal paragraphs apart; empty sections left out.
pub fn page_sections(ombudsman: &Ombudsman) -> Vec<Section> {
    let groups = [
        (GuidanceWhen::Always, t("At any time")),
        (
            GuidanceWhen::DuringProcess,
            t("While your complaint is with your landlord"),
        ),
        (
            GuidanceWhen::AfterFinalResponse,
            t("After your landlord's final response"),
        ),
        (
            GuidanceWhen::AfterRefusal,
            t("If your landlord will not accept or escalate your complaint"),
        ),
    ];
    let mut sections: Vec<Section> = groups
        .iter()
        .map(|(when, heading)| Section {
            heading,
            paragraphs: ombudsman
                .guidance
                .iter()
                .filter(|g| g.when == *when && !is_about_tribunal(&g.text))
                .map(|g| g.text.trim().to_owned())
                .filter(|t| !t.is_empty())
                .collect(),
        })
        .collect();
    sections.push(Section {
        heading: t("Leaseholders and shared owners: service charges and leases"),
        paragraphs: ombudsman
            .guidance
            .iter()
            .filter(|g| is_about_tribunal(&g.text))
            .map(|g| g.text.trim().to_owned())
            .collect(),
    });
    sections.retain(|s| !s.paragraphs.is_empty());
    sections
}

/// One way to reach someone: what it is, the words shown, and a link where
/// there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactLine {
    pub label: &'static str,
    pub text: String,
    pub href: Option<String>,
}

fn or_default(value: &str, default: &str) -> String {
    let value = value.trim();
    if value.is_empty() {
        default.to_owned()
    } else {
        value.to_owned()
    }
}

/// The Ombudsman's telephone, website and address: always all three, the
/// Service's own details filling any the policy leaves blank.
pub fn ombudsman_contact(ombudsman: &Ombudsman) -> Vec<ContactLine> {
    let telephone = or_default(&ombudsman.telephone, OMBUDSMAN_TELEPHONE);
    let website = or_default(&ombudsman.website, OMBUDSMAN_WEBSITE);
    vec![
        ContactLine {
            label: t("Telephone"),
            href: Some(tel_href(&telephone)),
            text: telephone,
        },
        ContactLine {
            label: t("Website"),
            text: website_text(&website),
            href: Some(website),
        },
        ContactLine {
            label: t("Post"),
            text: or_default(&ombudsman.address, OMBUDSMAN_ADDRESS),
            href: None,
        },
    ]
}

/// The landlord's other ways to complain that the policy names, in the order
/// telephone, email, website, post. Empty when it names none.
pub fn landlord_contact(contact: &Contact) -> Vec<ContactLine> {
    let present = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    let mut lines = Vec::new();
    if let Some(telephone) = present(&contact.telephone) {
        lines.push(ContactLine {
            label: t("Telephone"),
            href: Some(tel_href(&telephone)),
            text: telephone,
        });
    }
    if let Some(email) = present(&contact.email) {
        lines.push(ContactLine {
            label: t("Email"),
            href: Some(format!("mailto:{email}")),
            text: email,
        });
    }
    if let Some(website) = present(&contact.website) {
        lines.push(ContactLine {
            label: t("Website"),
            text: website_text(&website),
            href: Some(website),
        });
    }
    if let Some(post) = present(&contact.post) {
        lines.push(ContactLine {
            label: t("Post"),
            text: post,
            href: None,
        });
    }
    lines
}

/// A `tel:` link for a number as people write it ("0300 111 3000").
pub fn tel_href(number: &str) -> String {
    let digits: String = number
        .chars()
        .enumerate()
        .filter(|(i, c)| c.is_ascii_digit() || (*c == '+' && *i == 0))
        .map(|(_, c)| c)
        .collect();
    format!("tel:{digits}")
}

/// A web address as it is read aloud: no scheme, no trailing slash.
pub fn website_text(url: &str) -> String {
    let url = url.trim();
    let url = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    url.trim_end_matches('/').to_owned()
}

/// Whose complaints policy the portal runs, in one sentence.
pub fn landlord_sentence(policy: &StartPolicy) -> String {
    if policy.id == DEFAULT_POLICY_ID {
        t("Complaints made here follow the Housing Ombudsman's Complaint Handling Code, which every social housing landlord in England must follow.").to_owned()
    } else {
        tf(
            "Complaints made here are handled by {landlord} under its {policy}.",
            &[
                ("landlord", &policy.landlord.trim()),
                ("policy", &policy.title.trim()),
            ],
        )
    }
}

/// The heading over the Ombudsman's contact details: "Contact the Housing
/// Ombudsman Service" (in the resident's language when it is the Service's
/// own name), or the name the policy gives.
pub fn contact_heading(name: &str) -> String {
    let name = name.trim();
    if name.is_empty() || name == OMBUDSMAN_NAME {
        t("Contact the Housing Ombudsman Service").to_owned()
    } else {
        tf("Contact the {name}", &[("name", &name)])
    }
}

/// The time limit for complaining, in plain words: a sentence, and the
/// matters it does not apply to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeLimitWords {
    pub sentence: String,
    pub exceptions: Vec<String>,
}

/// The time limit in plain words, or `None` when the policy has none.
pub fn time_limit_words(limit: Option<&TimeLimit>) -> Option<TimeLimitWords> {
    let limit = limit?;
    let months = u64::from(limit.months);
    let first = if limit.from_awareness {
        tn(
            "Complain within {count} month of the problem happening, or of you finding out about it.",
            "Complain within {count} months of the problem happening, or of you finding out about it.",
            months,
            &[],
        )
    } else {
        tn(
            "Complain within {count} month of the problem happening.",
            "Complain within {count} months of the problem happening.",
            months,
            &[],
        )
    };
    let second = if limit.discretion {
        t("If it is older, you can still ask: your landlord must think about whether to look at it, for example if something stopped you complaining sooner.")
    } else {
        t("Older problems are not normally looked at as complaints.")
    };
    let sentence = format!("{first} {second}");
    Some(TimeLimitWords {
        sentence,
        exceptions: limit
            .exceptions
            .iter()
            .map(|e| e.trim().to_owned())
            .filter(|e| !e.is_empty())
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::policy::{presets, Guidance, Policy};

    fn preset(id: &str) -> Policy {
        presets().into_iter().find(|p| p.id == id).expect("preset")
    }

    fn ombudsman(guidance: &[(GuidanceWhen, &str)]) -> Ombudsman {
        Ombudsman {
            guidance: guidance
                .iter()
                .map(|(when, text)| Guidance {
                    when: *when,
                    text: (*text).into(),
                })
                .collect(),
            ..fallback_ombudsman()
        }
    }

    #[test]
    fn guidance_for_any_time_is_always_chosen_with_the_stage_s_own() {
        let o = ombudsman(&[
            (GuidanceWhen::Always, "advice"),
            (GuidanceWhen::DuringProcess, "during"),
            (GuidanceWhen::AfterFinalResponse, "final"),
            (GuidanceWhen::AfterRefusal, "refused"),
        ]);
        assert_eq!(
            paragraphs_for(&o, &[GuidanceWhen::DuringProcess]),
            ["advice", "during"]
        );
        assert_eq!(paragraphs_for(&o, &[]), ["advice"]);
        assert_eq!(
            paragraphs_for(
                &o,
                &[GuidanceWhen::AfterRefusal, GuidanceWhen::AfterFinalResponse]
            ),
            ["advice", "final", "refused"],
            "the policy's order, not the order asked for"
        );
    }

    #[test]
    fn a_paragraph_written_twice_or_blank_is_not_shown() {
        let o = ombudsman(&[
            (GuidanceWhen::Always, "advice"),
            (GuidanceWhen::DuringProcess, " advice "),
            (GuidanceWhen::DuringProcess, " "),
        ]);
        assert_eq!(
            paragraphs_for(&o, &[GuidanceWhen::DuringProcess]),
            ["advice"]
        );
    }

    #[test]
    fn contact_details_are_always_complete_even_when_the_policy_leaves_them_blank() {
        let blank = Ombudsman {
            telephone: " ".into(),
            website: String::new(),
            address: String::new(),
            ..fallback_ombudsman()
        };
        let lines = ombudsman_contact(&blank);
        assert_eq!(
            lines.iter().map(|l| l.label).collect::<Vec<_>>(),
            ["Telephone", "Website", "Post"]
        );
        assert_eq!(lines[0].text, "0300 111 3000");
        assert_eq!(lines[0].href.as_deref(), Some("tel:03001113000"));
        assert_eq!(lines[1].text, "www.housing-ombudsman.org.uk");
        assert_eq!(
            lines[1].href.as_deref(),
            Some("https://www.housing-ombudsman.org.uk")
        );
        assert_eq!(lines[2].text, "PO Box 1484, Unit D, Preston PR2 0ET");
    }

    #[test]
    fn every_preset_gives_contact_details_and_guidance_for_each_point_in_the_process() {
        for policy in presets() {
            let lines = ombudsman_contact(&policy.ombudsman);
            assert!(lines.iter().all(|l| !l.text.is_empty()), "{}", policy.id);
            for when in [
                GuidanceWhen::DuringProcess,
                GuidanceWhen::AfterFinalResponse,
                GuidanceWhen::AfterRefusal,
            ] {
                assert!(
                    paragraphs_for(&policy.ombudsman, &[when]).len() >= 2,
                    "{} {when:?}",
                    policy.id
                );
            }
        }
    }

    #[test]
    fn the_old_designated_person_route_is_recognised_where_a_policy_mentions_it() {
        assert!(!guidance_mentions_designated_person(
            &preset("code-2024").ombudsman
        ));
        for id in ["pioneer-2020", "policy-2022", "torus", "pivotal-2021"] {
            assert!(
                guidance_mentions_designated_person(&preset(id).ombudsman),
                "{id}"
            );
        }
        assert!(mentions_designated_person("or wait 8 weeks"));
    }

    #[test]
    fn the_guidance_page_groups_paragraphs_and_puts_the_tribunal_apart() {
        let sections = page_sections(&preset("policy-2022").ombudsman);
        let headings: Vec<&str> = sections.iter().map(|s| s.heading).collect();
        assert_eq!(
            headings,
            [
                "At any time",
                "While your complaint is with your landlord",
                "After your landlord's final response",
                "If your landlord will not accept or escalate your complaint",
                "Leaseholders and shared owners: service charges and leases",
            ]
        );
        assert!(sections[4].paragraphs[0].contains("First-tier Tribunal (Property Chamber)"));
        assert!(sections[0]
            .paragraphs
            .iter()
            .all(|p| !p.contains("Tribunal")));
        let code = page_sections(&preset("code-2024").ombudsman);
        assert_eq!(
            code.len(),
            4,
            "no tribunal section where the policy does not say so"
        );
    }

    #[test]
    fn the_landlord_s_other_ways_to_complain_are_only_those_it_names() {
        assert!(landlord_contact(&preset("code-2024").contact).is_empty());
        let lines = landlord_contact(&preset("plus-dane-2024").contact);
        assert_eq!(
            lines.iter().map(|l| l.label).collect::<Vec<_>>(),
            ["Telephone", "Email", "Website"]
        );
        assert_eq!(lines[0].href.as_deref(), Some("tel:08001692988"));
        assert_eq!(
            lines[1].href.as_deref(),
            Some("mailto:complaints@plusdane.co.uk")
        );
        assert_eq!(lines[2].text, "www.plusdane.co.uk/complaints");
    }

    #[test]
    fn telephone_links_keep_a_leading_plus_only() {
        assert_eq!(tel_href("+44 (0)300 111-3000"), "tel:+4403001113000");
        assert_eq!(tel_href("0300 111 3000 (ext +2)"), "tel:030011130002");
    }

    #[test]
    fn the_time_limit_reads_as_plain_words() {
        let code = time_limit_words(preset("code-2024").effective().time_limit.as_ref()).unwrap();
        assert_eq!(
            code.sentence,
            "Complain within 12 months of the problem happening, or of you finding out about it. If it is older, you can still ask: your landlord must think about whether to look at it, for example if something stopped you complaining sooner."
        );
        let pivotal = time_limit_words(preset("pivotal-2021").time_limit.as_ref()).unwrap();
        assert!(pivotal
            .sentence
            .starts_with("Complain within 6 months of the problem happening. Older problems"));
        assert_eq!(pivotal.exceptions.len(), 2);
        let one = TimeLimit {
            months: 1,
            from_awareness: false,
            exceptions: vec![],
            discretion: false,
            policy_says: None,
        };
        assert!(time_limit_words(Some(&one))
            .unwrap()
            .sentence
            .contains("within 1 month of"));
        assert_eq!(time_limit_words(None), None);
    }

    /// The start page's policy, read from the JSON the API sends.
    fn start_policy(id: &str) -> StartPolicy {
        let policy = preset(id);
        let detail = domain::api::PolicyDetail {
            active: true,
            effective: policy.effective(),
            fallbacks: policy.fallbacks(),
            policy,
        };
        let json = serde_json::to_string(&detail).unwrap();
        serde_json::from_str::<StartPolicyDetail>(&json)
            .unwrap()
            .effective
    }

    #[test]
    fn the_start_page_reads_what_it_shows_from_the_api_s_answer() {
        let plus_dane = start_policy("plus-dane-2024");
        let full = preset("plus-dane-2024").effective();
        assert_eq!(plus_dane.landlord, full.landlord);
        assert_eq!(plus_dane.summary, full.summary);
        assert_eq!(plus_dane.contact, full.contact);
        assert_eq!(plus_dane.time_limit, full.time_limit);
        let readings: Vec<(String, String)> = full
            .readings
            .iter()
            .map(|r| (r.policy_says.clone(), r.reading.clone()))
            .collect();
        assert_eq!(
            plus_dane
                .readings
                .iter()
                .map(|r| (r.policy_says.clone(), r.reading.clone()))
                .collect::<Vec<_>>(),
            readings
        );
        assert!(readings[0].0.contains("a further 10 days"));
        let titles: Vec<String> = full.exclusions.iter().map(|e| e.title.clone()).collect();
        assert!(!titles.is_empty());
        assert_eq!(
            plus_dane
                .exclusions
                .into_iter()
                .map(|e| e.title)
                .collect::<Vec<_>>(),
            titles
        );
    }

    #[test]
    fn the_landlord_sentence_names_the_code_or_the_landlord_s_policy() {
        assert!(landlord_sentence(&start_policy("code-2024")).contains("Complaint Handling Code"));
        let torus = start_policy("torus");
        assert!(landlord_sentence(&torus).contains(torus.landlord.as_str()));
        assert!(landlord_sentence(&torus).contains(torus.title.as_str()));
    }
}
