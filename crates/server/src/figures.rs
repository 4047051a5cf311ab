//! The landlord's figures (issue 19): every figure for a period, each one SQL
//! query in [`store`] over the facts kept beside the events (never a replay
//! of every case), the cases behind a figure, and tables as CSV.
//!
//! What the figures mean (CH01, CH02, the KPIs, which date a complaint
//! counts in, how extensions count, what "responded" means) is written once
//! in [`domain::figures`], with the digest it follows.

pub mod store;

use chrono::NaiveDate;
use domain::case::{pounds, Outcome, RemedyKind};
use domain::equality::{Characteristic, EqualityCount};
use domain::figures::{
    percentile, working_days_to_respond, CauseCount, DateRange, Figure, FigureSettings, Figures,
    KeyCount, Kpis, OutcomeCount, Period, Ratio, RemedyCount, StageFigures,
};
use sqlx::AnyConnection;

use crate::cases::store::CaseRow;
use crate::error::ApiError;
use crate::AppState;

/// The financial year starts in April unless an administrator says otherwise.
pub const DEFAULT_START_MONTH: u32 = 4;

/// The landlord's settings for the figures.
pub async fn settings(conn: &mut AnyConnection) -> Result<FigureSettings, ApiError> {
    Ok(match store::settings(conn).await? {
        Some((homes, month)) => FigureSettings {
            homes: homes.and_then(|h| u64::try_from(h).ok()),
            financial_year_start_month: u32::try_from(month).unwrap_or(DEFAULT_START_MONTH),
        },
        None => FigureSettings {
            homes: None,
            financial_year_start_month: DEFAULT_START_MONTH,
        },
    })
}

pub async fn save_settings(
    conn: &mut AnyConnection,
    settings: &FigureSettings,
) -> Result<(), ApiError> {
    store::save_settings(
        conn,
        settings.homes.and_then(|h| i64::try_from(h).ok()),
        i64::from(settings.financial_year_start_month),
    )
    .await?;
    Ok(())
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

pub(crate) fn parse_day(s: &str) -> Result<NaiveDate, ApiError> {
    s.parse()
        .map_err(|e| ApiError::internal(format!("a stored date is not a date: {e}")))
}

/// Every figure for `period`.
pub async fn figures(
    state: &AppState,
    conn: &mut AnyConnection,
    period: Period,
) -> Result<Figures, ApiError> {
    let settings = settings(conn).await?;
    let range = period.range(settings.financial_year_start_month);
    let (from, to) = (range.from.to_string(), range.to.to_string());
    let received = store::received_by_stage(conn, &from, &to).await?;
    let responded = store::responded_by_stage(conn, &from, &to).await?;
    let mut days: [Vec<u32>; 2] = [Vec::new(), Vec::new()];
    for (stage, received_on, responded_on) in store::response_dates(conn, &from, &to).await? {
        if let Some(list) = usize::try_from(stage - 1)
            .ok()
            .and_then(|i| days.get_mut(i))
        {
            list.push(working_days_to_respond(
                &state.calendar,
                parse_day(&received_on)?,
                parse_day(&responded_on)?,
            ));
        }
    }
    let homes = settings.homes.unwrap_or(0);
    let stages: Vec<StageFigures> = (1u8..=2)
        .map(|stage| {
            let received = received
                .iter()
                .find(|(s, _)| *s == i64::from(stage))
                .map_or(0, |(_, n)| count(*n));
            let (answered, within) = responded
                .iter()
                .find(|(s, _, _)| *s == i64::from(stage))
                .map_or((0, 0), |(_, n, w)| (count(*n), count(*w)));
            let days = &mut days[usize::from(stage) - 1];
            StageFigures {
                stage,
                ch01: Ratio {
                    numerator: received,
                    denominator: homes,
                },
                ch02: Ratio {
                    numerator: within,
                    denominator: answered,
                },
                median_working_days: percentile(days, 50),
                p90_working_days: percentile(days, 90),
            }
        })
        .collect();
    let by_category = store::by_category(conn, &from, &to)
        .await?
        .into_iter()
        .map(|(key, n)| KeyCount {
            key,
            count: count(n),
        })
        .collect();
    let mut by_outcome = Vec::new();
    for (stage, outcome, n) in store::by_outcome(conn, &from, &to).await? {
        let outcome: Outcome = serde_json::from_value(serde_json::Value::String(outcome))
            .map_err(|e| ApiError::internal(format!("a stored outcome is not one: {e}")))?;
        by_outcome.push(OutcomeCount {
            stage: u8::try_from(stage).unwrap_or(0),
            outcome,
            count: count(n),
        });
    }
    let overdue_now = count(store::overdue_now(conn, &state.clock.today().to_string()).await?);
    let feedback = store::feedback(conn, &from, &to).await?;
    let kind = |k: &str| {
        feedback
            .iter()
            .find(|(kind, _)| kind == k)
            .map_or(0, |(_, n)| count(*n))
    };
    let (extended, in_line) = store::extensions(conn, &from, &to).await?;
    let (answers, satisfied) = store::satisfaction(conn, &from, &to).await?;
    let ombudsman = store::ombudsman(conn, &from, &to).await?;
    let hazards = count(store::hazards(conn, &from, &to).await?);
    let equality = match state.policy.equality_monitoring {
        Some(_) => Some(equality_counts(conn, &from, &to).await?),
        None => None,
    };
    let given = store::remedies(conn, &from, &to).await?;
    let remedies = RemedyKind::ALL
        .into_iter()
        .map(|kind| {
            let (n, pence) = given
                .iter()
                .find(|(k, ..)| k == kind.as_str())
                .map_or((0, 0), |(_, n, p)| (count(*n), count(*p)));
            RemedyCount {
                kind,
                count: n,
                pence,
            }
        })
        .collect();
    let labels = state.policy.root_causes();
    let causes = store::causes(conn, &from, &to)
        .await?
        .into_iter()
        .map(|(cause, n)| CauseCount {
            label: labels
                .iter()
                .find(|c| c.id == cause)
                .map(|c| c.label.clone()),
            cause,
            count: count(n),
        })
        .collect();
    let kpis = Kpis {
        received: stages[0].ch01.numerator,
        resolved: stages[0].ch02.denominator,
        escalated: stages[1].ch01.numerator,
        resolved_stage2: stages[1].ch02.denominator,
        within_timescales: Ratio {
            numerator: stages[0].ch02.numerator + stages[1].ch02.numerator,
            denominator: stages[0].ch02.denominator + stages[1].ch02.denominator,
        },
        extended: count(extended),
        extensions_in_line: Ratio {
            numerator: count(in_line),
            denominator: count(extended),
        },
        satisfied: Ratio {
            numerator: count(satisfied),
            denominator: count(answers),
        },
        ombudsman: count(ombudsman),
    };
    Ok(Figures {
        period: period.key(),
        range,
        homes: settings.homes,
        financial_year_start_month: settings.financial_year_start_month,
        stages,
        by_category,
        by_outcome,
        overdue_now,
        compliments: kind("compliment"),
        comments: kind("comment"),
        kpis,
        hazards,
        equality,
        remedies,
        causes,
    })
}

/// The equality figures: for each question, a row for each answer in the
/// order it lists them (zero where nobody gave it), then "not answered".
async fn equality_counts(
    conn: &mut AnyConnection,
    from: &str,
    to: &str,
) -> Result<Vec<EqualityCount>, ApiError> {
    let mut rows = Vec::new();
    for characteristic in Characteristic::ALL {
        let counted = store::by_equality_answer(conn, characteristic.name(), from, to).await?;
        let values = characteristic
            .values()
            .iter()
            .map(|v| Some(*v))
            .chain([None]);
        for value in values {
            let (cases, complaints, upheld) = counted
                .iter()
                .find(|(v, ..)| v.as_deref() == value)
                .map_or((0, 0, 0), |(_, c, k, u)| (count(*c), count(*k), count(*u)));
            rows.push(EqualityCount {
                characteristic,
                value: value.map(str::to_owned),
                cases,
                complaints,
                upheld,
            });
        }
    }
    Ok(rows)
}

/// The period's days under the landlord's financial year.
pub async fn range(conn: &mut AnyConnection, period: Period) -> Result<DateRange, ApiError> {
    Ok(period.range(settings(conn).await?.financial_year_start_month))
}

/// A page of the cases behind `figure` in `range`, after the case id `after`.
pub async fn cases_behind(
    state: &AppState,
    conn: &mut AnyConnection,
    figure: Figure,
    range: DateRange,
    after: Option<i64>,
    fetch: i64,
) -> Result<Vec<CaseRow>, ApiError> {
    use store::Behind;
    let today = state.clock.today().to_string();
    let behind = match figure {
        Figure::Stage1Received => Behind::Received(1),
        Figure::Stage2Received => Behind::Received(2),
        Figure::Stage1Responded => Behind::Responded(1, false),
        Figure::Stage2Responded => Behind::Responded(2, false),
        Figure::Stage1Within => Behind::Responded(1, true),
        Figure::Stage2Within => Behind::Responded(2, true),
        Figure::Overdue => Behind::Overdue { today: &today },
        Figure::Compliments => Behind::Kind("compliment"),
        Figure::Comments => Behind::Kind("comment"),
        Figure::Extended => Behind::Extended,
        Figure::Ombudsman => Behind::Ombudsman,
        Figure::Hazards => Behind::Hazards,
    };
    Ok(store::cases_behind(
        conn,
        &behind,
        &range.from.to_string(),
        &range.to.to_string(),
        after,
        fetch,
    )
    .await?)
}

// --- CSV ---------------------------------------------------------------------------

/// The tables that download as CSV (described in the README's data dictionary).
pub const TABLES: [&str; 7] = [
    "stages",
    "categories",
    "outcomes",
    "kpis",
    "equality",
    "remedies",
    "causes",
];

/// One field of a CSV record (RFC 4180): quoted when it holds a comma, a
/// quote, a line break or leading or trailing space, with quotes doubled.
/// A field a spreadsheet would read as a formula (`=`, `+`, `-`, `@`) is
/// quoted and led by an apostrophe.
pub fn csv_field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) && value.parse::<f64>().is_err() {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\r', '\n']) || value.starts_with(' ') || value.ends_with(' ') {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

fn csv(rows: Vec<Vec<String>>) -> String {
    rows.iter()
        .map(|row| {
            row.iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(",")
                + "\r\n"
        })
        .collect()
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn name<T: serde::Serialize>(value: &T) -> String {
    crate::cases::wire_name(value)
}

/// A table of `figures` as CSV, or `None` for a table there is not.
pub fn csv_table(figures: &Figures, table: &str) -> Option<String> {
    let s = |v: &str| v.to_owned();
    let rows = match table {
        "stages" => {
            let mut rows = vec![[
                "period_from",
                "period_to",
                "stage",
                "received",
                "homes",
                "received_per_1000_homes",
                "responded",
                "responded_within_code",
                "responded_within_code_percent",
                "median_working_days",
                "p90_working_days",
            ]
            .map(s)
            .to_vec()];
            for st in &figures.stages {
                rows.push(vec![
                    figures.range.from.to_string(),
                    figures.range.to.to_string(),
                    st.stage.to_string(),
                    st.ch01.numerator.to_string(),
                    opt(figures.homes),
                    opt(st.ch01.per_thousand()),
                    st.ch02.denominator.to_string(),
                    st.ch02.numerator.to_string(),
                    opt(st.ch02.percent()),
                    opt(st.median_working_days),
                    opt(st.p90_working_days),
                ]);
            }
            rows
        }
        "categories" => {
            let mut rows = vec![vec![s("category"), s("complaints")]];
            for c in &figures.by_category {
                rows.push(vec![opt(c.key.as_ref()), c.count.to_string()]);
            }
            rows
        }
        "remedies" => {
            let mut rows = vec![["remedy", "remedies", "amount_pence", "amount"]
                .map(s)
                .to_vec()];
            for r in &figures.remedies {
                rows.push(vec![
                    s(r.kind.as_str()),
                    r.count.to_string(),
                    r.pence.to_string(),
                    pounds(r.pence),
                ]);
            }
            rows
        }
        "causes" => {
            let mut rows = vec![["cause", "label", "responses"].map(s).to_vec()];
            for c in &figures.causes {
                rows.push(vec![
                    c.cause.clone(),
                    opt(c.label.as_ref()),
                    c.count.to_string(),
                ]);
            }
            rows
        }
        "outcomes" => {
            let mut rows = vec![vec![s("stage"), s("outcome"), s("responses")]];
            for o in &figures.by_outcome {
                rows.push(vec![
                    o.stage.to_string(),
                    name(&o.outcome),
                    o.count.to_string(),
                ]);
            }
            rows
        }
        "kpis" => {
            let k = &figures.kpis;
            let mut rows = vec![vec![s("kpi"), s("numerator"), s("denominator")]];
            let mut push = |id: &str, n: u64, d: Option<u64>| {
                rows.push(vec![s(id), n.to_string(), opt(d)]);
            };
            push("a_received", k.received, None);
            push("b_resolved", k.resolved, None);
            push("c_escalated", k.escalated, None);
            push("d_resolved_stage2", k.resolved_stage2, None);
            push(
                "e_within_timescales",
                k.within_timescales.numerator,
                Some(k.within_timescales.denominator),
            );
            push("f_extended", k.extended, None);
            push(
                "g_extensions_in_line",
                k.extensions_in_line.numerator,
                Some(k.extensions_in_line.denominator),
            );
            push(
                "h_satisfied",
                k.satisfied.numerator,
                Some(k.satisfied.denominator),
            );
            push("i_ombudsman", k.ombudsman, None);
            rows
        }
        // Only under a policy that monitors equality (Pioneer §11).
        "equality" => {
            let mut rows = vec![
                ["characteristic", "answer", "cases", "complaints", "upheld"]
                    .map(s)
                    .to_vec(),
            ];
            for r in figures.equality.as_ref()? {
                rows.push(vec![
                    s(r.characteristic.name()),
                    opt(r.value.as_ref()),
                    r.cases.to_string(),
                    r.complaints.to_string(),
                    r.upheld.to_string(),
                ]);
            }
            rows
        }
        _ => return None,
    };
    Some(csv(rows))
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn csv_fields_are_quoted_as_rfc_4180_says() {
        assert_eq!(csv_field("repairs"), "repairs");
        assert_eq!(csv_field("damp, mould"), "\"damp, mould\"");
        assert_eq!(csv_field("a \"quote\""), "\"a \"\"quote\"\"\"");
        assert_eq!(csv_field("two\r\nlines"), "\"two\r\nlines\"");
        assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_field("-1.5"), "-1.5");
        assert_eq!(csv_field(""), "");
    }
}
