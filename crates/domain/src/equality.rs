//! Equality monitoring (issue 18, item 5): Pioneer §11, "All feedback
//! received will be monitored in terms of gender, age, ethnicity, disability
//! or other protected characteristic (where known). This will help us
//! consider any gaps in the way complaints are dealt with and identify any
//! potential direct or indirect discrimination."
//!
//! The questions are optional, each with "Prefer not to say", and asked of
//! the resident alone, about a case of theirs, under a policy that monitors.
//! The answers are kept apart from the case: no case page, list, message or
//! export shows them to anyone, caseworkers included. Only the landlord's
//! figures count them, for the cases received in a period.
//!
//! The answer sets follow the Government Statistical Service's harmonised
//! standards in their shortest form: the five high-level ethnic groups of
//! the 2021 Census, and the Equality Act 2010's test of disability (a
//! physical or mental health condition or illness lasting or expected to
//! last 12 months or more that reduces the ability to carry out day-to-day
//! activities).

use serde::{Deserialize, Serialize};

/// How the resident describes their gender.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Woman,
    Man,
    /// Non-binary, or in another way.
    InAnotherWay,
    PreferNotToSay,
}

/// The resident's age, in bands.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub enum AgeBand {
    #[serde(rename = "under_25")]
    Under25,
    #[serde(rename = "25_to_34")]
    From25To34,
    #[serde(rename = "35_to_44")]
    From35To44,
    #[serde(rename = "45_to_54")]
    From45To54,
    #[serde(rename = "55_to_64")]
    From55To64,
    #[serde(rename = "65_to_74")]
    From65To74,
    #[serde(rename = "75_or_over")]
    From75,
    #[serde(rename = "prefer_not_to_say")]
    PreferNotToSay,
}

/// The resident's ethnic group (the 2021 Census's high-level groups).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Ethnicity {
    /// Asian or Asian British.
    Asian,
    /// Black, Black British, Caribbean or African.
    Black,
    /// Mixed or multiple ethnic groups.
    Mixed,
    White,
    /// Another ethnic group.
    Other,
    PreferNotToSay,
}

/// Whether the resident is disabled, as the Equality Act 2010 says it.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Disability {
    Yes,
    No,
    PreferNotToSay,
}

/// A resident's answers about one case: any may be left unanswered.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EqualityAnswers {
    #[serde(default)]
    pub gender: Option<Gender>,
    #[serde(default)]
    pub age: Option<AgeBand>,
    #[serde(default)]
    pub ethnicity: Option<Ethnicity>,
    #[serde(default)]
    pub disability: Option<Disability>,
}

impl EqualityAnswers {
    /// Nothing answered: saving it takes any earlier answers away.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Answers read back from their stable values (gender, age, ethnicity,
    /// disability); a value no longer known reads as not answered.
    pub fn from_values(
        gender: Option<&str>,
        age: Option<&str>,
        ethnicity: Option<&str>,
        disability: Option<&str>,
    ) -> Self {
        // By position in the question's list of values (the order of its
        // variants, as `value_in` reads them): no JSON machinery in the app.
        fn pick<T: Copy>(c: Characteristic, value: Option<&str>, all: &[T]) -> Option<T> {
            let index = c.values().iter().position(|v| Some(*v) == value)?;
            all.get(index).copied()
        }
        use AgeBand as A;
        use Ethnicity as E;
        Self {
            gender: pick(
                Characteristic::Gender,
                gender,
                &[
                    Gender::Woman,
                    Gender::Man,
                    Gender::InAnotherWay,
                    Gender::PreferNotToSay,
                ],
            ),
            age: pick(
                Characteristic::Age,
                age,
                &[
                    A::Under25,
                    A::From25To34,
                    A::From35To44,
                    A::From45To54,
                    A::From55To64,
                    A::From65To74,
                    A::From75,
                    A::PreferNotToSay,
                ],
            ),
            ethnicity: pick(
                Characteristic::Ethnicity,
                ethnicity,
                &[
                    E::Asian,
                    E::Black,
                    E::Mixed,
                    E::White,
                    E::Other,
                    E::PreferNotToSay,
                ],
            ),
            disability: pick(
                Characteristic::Disability,
                disability,
                &[Disability::Yes, Disability::No, Disability::PreferNotToSay],
            ),
        }
    }
}

/// The questions for a case, as its resident reads them: why the landlord
/// asks (the policy's words), and what they answered so far.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct EqualityQuestions {
    /// The policy's own words for why it monitors.
    pub policy_says: String,
    /// `None` until they answer; answering nothing takes the answers away.
    pub answers: Option<EqualityAnswers>,
}

/// A characteristic the figures count by.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Characteristic {
    Gender,
    Age,
    Ethnicity,
    Disability,
}

impl Characteristic {
    pub const ALL: [Characteristic; 4] = [
        Characteristic::Gender,
        Characteristic::Age,
        Characteristic::Ethnicity,
        Characteristic::Disability,
    ];

    /// Its name on the wire, and the column its answers are kept in.
    pub fn name(self) -> &'static str {
        match self {
            Characteristic::Gender => "gender",
            Characteristic::Age => "age",
            Characteristic::Ethnicity => "ethnicity",
            Characteristic::Disability => "disability",
        }
    }

    /// The stable value of each
    /// answer, in the order the question lists them.
    pub fn values(self) -> &'static [&'static str] {
        match self {
            Characteristic::Gender => &["woman", "man", "in_another_way", "prefer_not_to_say"],
            Characteristic::Age => &[
                "under_25",
                "25_to_34",
                "35_to_44",
                "45_to_54",
                "55_to_64",
                "65_to_74",
                "75_or_over",
                "prefer_not_to_say",
            ],
            Characteristic::Ethnicity => &[
                "asian",
                "black",
                "mixed",
                "white",
                "other",
                "prefer_not_to_say",
            ],
            Characteristic::Disability => &["yes", "no", "prefer_not_to_say"],
        }
    }

    /// This characteristic's answer in `answers`, as its stable value (the
    /// one it travels as).
    pub fn value_in(self, answers: &EqualityAnswers) -> Option<&'static str> {
        let index = match self {
            Characteristic::Gender => answers.gender? as usize,
            Characteristic::Age => answers.age? as usize,
            Characteristic::Ethnicity => answers.ethnicity? as usize,
            Characteristic::Disability => answers.disability? as usize,
        };
        self.values().get(index).copied()
    }
}

/// One row of the equality figures: the cases received in the period whose
/// resident gave this answer (`value` `None`: did not answer this question,
/// or answered none), and how many of those complaints were upheld in whole
/// or in part at any stage.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct EqualityCount {
    pub characteristic: Characteristic,
    pub value: Option<String>,
    /// Complaints, compliments and comments received.
    pub cases: u64,
    /// Of them, complaints.
    pub complaints: u64,
    /// Of those complaints, upheld or partly upheld at any stage.
    pub upheld: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_answer_travels_as_the_value_the_figures_count_it_by() {
        let answers = EqualityAnswers {
            gender: Some(Gender::InAnotherWay),
            age: Some(AgeBand::From75),
            ethnicity: Some(Ethnicity::Black),
            disability: Some(Disability::PreferNotToSay),
        };
        let json = serde_json::to_value(answers).expect("serialises");
        assert_eq!(
            json,
            serde_json::json!({
                "gender": "in_another_way",
                "age": "75_or_over",
                "ethnicity": "black",
                "disability": "prefer_not_to_say"
            })
        );
        // Every answer of every question: the figures' value is the wire's.
        let all = |c: Characteristic| -> Vec<EqualityAnswers> {
            let each = |v: &str| -> EqualityAnswers {
                assert_eq!(serde_json::to_value(c).ok(), Some(c.name().into()));
                serde_json::from_value(serde_json::json!({ c.name(): v }))
                    .unwrap_or_else(|e| panic!("{c:?} {v}: {e}"))
            };
            c.values().iter().map(|v| each(v)).collect()
        };
        for c in Characteristic::ALL {
            for (answers, value) in all(c).iter().zip(c.values()) {
                assert_eq!(c.value_in(answers), Some(*value), "{c:?}");
                let mut one = [None; 4];
                one[Characteristic::ALL.iter().position(|x| *x == c).unwrap()] = Some(*value);
                assert_eq!(
                    &EqualityAnswers::from_values(one[0], one[1], one[2], one[3]),
                    answers,
                    "{c:?} {value} read back"
                );
            }
        }
        assert_eq!(
            Characteristic::Gender.value_in(&answers),
            Some("in_another_way")
        );
        let values = Characteristic::ALL.map(|c| c.value_in(&answers));
        assert_eq!(
            EqualityAnswers::from_values(values[0], values[1], values[2], values[3]),
            answers,
            "read back from the stored values"
        );
        assert_eq!(
            EqualityAnswers::from_values(Some("robot"), None, None, None),
            EqualityAnswers::default()
        );
        assert_eq!(
            Characteristic::Age.value_in(&EqualityAnswers::default()),
            None
        );
    }

    #[test]
    fn an_answer_outside_the_lists_and_an_unknown_question_are_refused() {
        assert!(serde_json::from_str::<EqualityAnswers>(r#"{"gender":"robot"}"#).is_err());
        assert!(serde_json::from_str::<EqualityAnswers>(r#"{"religion":"none"}"#).is_err());
        let none: EqualityAnswers = serde_json::from_str("{}").expect("all optional");
        assert!(none.is_empty());
    }
}
