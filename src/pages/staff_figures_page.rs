//! The landlord's figures (issue 19), for administrators: a period chosen,
//! each figure as a table with a caption (the accessible form, carrying every
//! number) and a bar chart beside it, each count linking to its cases, and
//! each table as CSV. The definitions are the server's (`domain::figures`),
//! stated here with the digest they follow.

use chrono::{Datelike, NaiveDate};
use domain::case::{pounds, RemedyKind};
use domain::figures::{Figure, Figures, Period};
use leptos::prelude::*;

use crate::api;
use crate::case_words::{kind_name, resident_for_staff, status_tag};
use crate::components::problem_with_service::ProblemWithService;
use crate::components::signed_in::SignedIn;
use crate::components::title::Title;
use crate::report_words::{day, share};
use crate::router::{use_navigate, use_query_map, A};

#[component]
pub fn StaffFiguresPage() -> impl IntoView {
    view! {
        <div lang="en-GB">
            <SignedIn>
                <FiguresView />
            </SignedIn>
        </div>
    }
}

#[component]
pub fn StaffFigureCasesPage() -> impl IntoView {
    view! {
        <div lang="en-GB">
            <SignedIn>
                <FigureCases />
            </SignedIn>
        </div>
    }
}

/// Today by the server's clock (the figures' clock), else the device's.
async fn today() -> NaiveDate {
    api::health()
        .await
        .map(|h| h.today)
        .unwrap_or_else(|_| device_today())
}

fn device_today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// The periods offered, from today: (key, label).
fn choices(today: NaiveDate, start: u32) -> Vec<(String, String)> {
    let fy = Period::financial_year_of(today, start);
    let last_quarter = Period::last_quarter(today, start);
    let month = Period::Month {
        year: today.year(),
        month: today.month(),
    };
    let last_month = today
        .with_day(1)
        .and_then(|d| d.pred_opt())
        .map(|d| Period::Month {
            year: d.year(),
            month: d.month(),
        })
        .unwrap_or(month);
    vec![
        (last_quarter.key(), "Last quarter".to_owned()),
        (month.key(), "This month".to_owned()),
        (last_month.key(), "Last month".to_owned()),
        (
            Period::FinancialYear { year: fy }.key(),
            "This financial year".to_owned(),
        ),
        (
            Period::FinancialYear { year: fy - 1 }.key(),
            "Last financial year".to_owned(),
        ),
    ]
}

/// A horizontal bar chart of labelled values, hidden from screen readers:
/// the table beside it carries every number.
fn bars(values: Vec<(String, f64)>) -> impl IntoView {
    let max = values.iter().map(|(_, v)| *v).fold(0.0, f64::max).max(1.0);
    let height = values.len() * 28 + 4;
    view! {
        <svg class="app-figure-chart" aria-hidden="true" focusable="false" width="320" height=height viewBox=format!("0 0 320 {height}")>
            {values.into_iter().enumerate().map(|(i, (label, v))| {
                let y = i * 28 + 2;
                let w = (v / max * 180.0).max(1.0);
                view! {
                    <text x="0" y=y + 17 font-size="14" fill="#0b0c0c">{label}</text>
                    <rect x="130" y=y width=w height="22" fill="#1d70b8" />
                }
            }).collect_view()}
        </svg>
    }
}

fn cases_link(period: &str, figure: Figure, text: String) -> impl IntoView {
    view! {
        <A href=format!("/staff/figures/cases?period={period}&figure={}", figure.as_str())>{text}</A>
    }
}

#[component]
fn FiguresView() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    // Today and the financial year's first month, for the periods offered.
    let basis = LocalResource::new(|| async {
        let start = api::figures::settings()
            .await
            .map_or(4, |s| s.financial_year_start_month);
        (today().await, start)
    });
    let chosen = RwSignal::new(query.with_untracked(|q| q.get("period").unwrap_or_default()));
    let figures = LocalResource::new(move || {
        let period = query.with(|q| q.get("period"));
        async move {
            let period = match period {
                Some(p) => p,
                None => {
                    let start = api::figures::settings()
                        .await
                        .map(|s| s.financial_year_start_month)
                        .unwrap_or(4);
                    Period::last_quarter(today().await, start).key()
                }
            };
            api::figures::figures(&period).await
        }
    });
    let choose = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        navigate(
            &format!(
                "/staff/figures?period={}",
                String::from(js_sys::encode_uri_component(&chosen.get_untracked()))
            ),
            Default::default(),
        );
    };
    view! {
        <Title text="Complaint figures" />
        <p class="app-body"><A href="/staff">"Case queue"</A></p>
        <h1 class="app-heading-l">"Complaint figures"</h1>
        <p class="app-body"><A href="/staff/compliance">"How the policy in use compares with the Complaint Handling Code"</A></p>
        <p class="app-body"><A href="/staff/annual-reports">"Annual complaints reports and the self-assessment"</A></p>
        <form novalidate on:submit=choose class="app-filters">
            <div class="app-form-group">
                <label class="app-label" for="period">"Period"</label>
                <div class="app-hint" id="period-hint">"Choose a period, or type one: a month (2025-06), a quarter (fy2025-q1), a financial year (fy2025) or two dates (2025-04-01..2025-06-30)"</div>
                <input class="app-input" id="period" name="period" list="periods" aria-describedby="period-hint" autocomplete="off"
                    prop:value=move || chosen.get() on:input=move |ev| chosen.set(event_target_value(&ev)) />
                <datalist id="periods">
                    {move || basis.get().map(|(today, start)| {
                        choices(today, start).into_iter().map(|(key, label)| view! { <option value=key>{label}</option> }).collect_view()
                    })}
                </datalist>
            </div>
            <div class="app-form-group">
                {move || basis.get().map(|(today, start)| {
                    choices(today, start).into_iter().map(|(key, label)| view! {
                        <p class="app-body"><A href=format!("/staff/figures?period={key}")>{label}</A></p>
                    }).collect_view()
                })}
            </div>
            <button type="submit" class="app-button app-button--secondary">"Show figures"</button>
        </form>
        <Transition fallback=|| view! { <p class="app-body" role="status">"Loading the figures…"</p> }>
            {move || Suspend::new(async move {
                match figures.await {
                    Err(error) => match error.service_problem() {
                        Some(problem) => view! { <ProblemWithService problem=problem retry=move || figures.refetch() /> }.into_any(),
                        None => view! { <p class="app-body" role="alert">{error.to_string()}</p> }.into_any(),
                    },
                    Ok(f) => tables(f).into_any(),
                }
            })}
        </Transition>
    }
}

fn tables(f: Figures) -> impl IntoView {
    let p = f.period.clone();
    let homes = f
        .homes
        .map(|h| format!("{h} homes"))
        .unwrap_or_else(|| "the number of homes is not set".into());
    let csv = |table: &str, text: &str| {
        view! { <p class="app-body"><a class="app-link" href=api::figures::csv_href(&p, table) download="">{text.to_owned()}</a></p> }
    };
    let stage_rows = f.stages.clone();
    let ch01_chart = bars(
        f.stages
            .iter()
            .map(|s| {
                (
                    format!("Stage {}", s.stage),
                    s.ch01.per_thousand().unwrap_or(0.0),
                )
            })
            .collect(),
    );
    let ch02_chart = bars(
        f.stages
            .iter()
            .map(|s| {
                (
                    format!("Stage {}", s.stage),
                    s.ch02.percent().unwrap_or(0.0),
                )
            })
            .collect(),
    );
    let k = f.kpis;
    view! {
        <h2 class="app-heading-m" data-testid="period">{format!("{} to {}", day(f.range.from), day(f.range.to))}</h2>
        <h3 class="app-heading-s">"CH01: complaints received per 1,000 homes"</h3>
        <div class="app-figure">
            <table class="app-table" data-testid="ch01">
                <caption class="app-table__caption">{format!("CH01, {homes}")}</caption>
                <thead><tr><th scope="col">"Stage"</th><th scope="col">"Complaints received"</th><th scope="col">"Per 1,000 homes"</th></tr></thead>
                <tbody>
                    {stage_rows.iter().map(|s| {
                        let figure = if s.stage == 1 { Figure::Stage1Received } else { Figure::Stage2Received };
                        view! { <tr>
                            <th scope="row">{format!("Stage {}", s.stage)}</th>
                            <td>{cases_link(&f.period, figure, s.ch01.numerator.to_string())}</td>
                            <td>{s.ch01.per_thousand().map(|v| v.to_string()).unwrap_or_else(|| "–".into())}</td>
                        </tr> }
                    }).collect_view()}
                </tbody>
            </table>
            {ch01_chart}
        </div>
        <h3 class="app-heading-s">"CH02: complaints responded to within the Code's timescales"</h3>
        <div class="app-figure">
            <table class="app-table" data-testid="ch02">
                <caption class="app-table__caption">"CH02, by the day of the stage's full response"</caption>
                <thead><tr><th scope="col">"Stage"</th><th scope="col">"Responded to"</th><th scope="col">"Within the timescales"</th><th scope="col">"Share"</th><th scope="col">"Median working days"</th><th scope="col">"90th percentile"</th></tr></thead>
                <tbody>
                    {stage_rows.iter().map(|s| {
                        let (all, within) = if s.stage == 1 { (Figure::Stage1Responded, Figure::Stage1Within) } else { (Figure::Stage2Responded, Figure::Stage2Within) };
                        view! { <tr>
                            <th scope="row">{format!("Stage {}", s.stage)}</th>
                            <td>{cases_link(&f.period, all, s.ch02.denominator.to_string())}</td>
                            <td>{cases_link(&f.period, within, s.ch02.numerator.to_string())}</td>
                            <td>{share(s.ch02)}</td>
                            <td>{s.median_working_days.map(|d| d.to_string()).unwrap_or_else(|| "–".into())}</td>
                            <td>{s.p90_working_days.map(|d| d.to_string()).unwrap_or_else(|| "–".into())}</td>
                        </tr> }
                    }).collect_view()}
                </tbody>
            </table>
            {ch02_chart}
        </div>
        {csv("stages", "Download CH01 and CH02 as CSV")}
        <details class="app-details">
            <summary class="app-details__summary">"How these are counted"</summary>
            <div class="app-details__text">
                <p class="app-body">"Following the team's digest of the Regulator of Social Housing's Tenant Satisfaction Measures CH01 and CH02 (its counting rules are marked there as reconstructed, not confirmed)."</p>
                <p class="app-body">"CH01 counts a complaint in the period it was received at that stage: stage 1 by the day the complaint reached us, stage 2 by the day the resident asked for it. A complaint escalated counts once at each stage. Withdrawn complaints count; complaints not taken on do not."</p>
                <p class="app-body">"CH02 counts the stage responses sent in the period (the full response, not the acknowledgement or finishing the actions). A response is within the Code's timescales when the stage was acknowledged within 5 working days (Code 6.2, 6.11) and answered within 10 working days (stage 1, Code 6.3) or 20 (stage 2) of that, or by the date of an extension in line with the Code (6.4, 6.5): made by the original date and no more than 10 (stage 1) or 20 (stage 2) working days beyond it, or further with the resident's agreement."</p>
            </div>
        </details>
        <h3 class="app-heading-s">"Pivotal's monthly measures (policy section 20.1)"</h3>
        <table class="app-table" data-testid="kpis">
            <caption class="app-table__caption">"Key performance indicators"</caption>
            <thead><tr><th scope="col">"Measure"</th><th scope="col">"Number"</th></tr></thead>
            <tbody>
                <tr><th scope="row">"(a) Complaints received"</th><td>{cases_link(&f.period, Figure::Stage1Received, k.received.to_string())}</td></tr>
                <tr><th scope="row">"(b) Resolved at stage 1"</th><td>{cases_link(&f.period, Figure::Stage1Responded, k.resolved.to_string())}</td></tr>
                <tr><th scope="row">"(c) Escalated to stage 2"</th><td>{cases_link(&f.period, Figure::Stage2Received, k.escalated.to_string())}</td></tr>
                <tr><th scope="row">"(d) Resolved at stage 2"</th><td>{cases_link(&f.period, Figure::Stage2Responded, k.resolved_stage2.to_string())}</td></tr>
                <tr><th scope="row">"(e) Resolved within timescales"</th><td>{format!("{} of {} ({})", k.within_timescales.numerator, k.within_timescales.denominator, share(k.within_timescales))}</td></tr>
                <tr><th scope="row">"(f) Extended, resident told"</th><td>{cases_link(&f.period, Figure::Extended, k.extended.to_string())}</td></tr>
                <tr><th scope="row">"(g) Extensions in line with the Code (whether a reason is good is not judged)"</th><td>{format!("{} of {}", k.extensions_in_line.numerator, k.extensions_in_line.denominator)}</td></tr>
                <tr><th scope="row">"(h) Resolved to the resident's satisfaction"</th><td>{format!("{} of {} answers", k.satisfied.numerator, k.satisfied.denominator)}</td></tr>
                <tr><th scope="row">"(i) Escalated to the Ombudsman"</th><td>{cases_link(&f.period, Figure::Ombudsman, k.ombudsman.to_string())}</td></tr>
            </tbody>
        </table>
        {csv("kpis", "Download the measures as CSV")}
        <h3 class="app-heading-s">"Complaints by category"</h3>
        <table class="app-table" data-testid="categories">
            <caption class="app-table__caption">"Stage 1 complaints received, by category"</caption>
            <thead><tr><th scope="col">"Category"</th><th scope="col">"Complaints"</th></tr></thead>
            <tbody>
                {f.by_category.iter().map(|c| view! { <tr><th scope="row">{c.key.clone().unwrap_or_else(|| "None".into())}</th><td>{c.count}</td></tr> }).collect_view()}
            </tbody>
        </table>
        {csv("categories", "Download the categories as CSV")}
        <h3 class="app-heading-s">"Other figures"</h3>
        <table class="app-table" data-testid="other">
            <caption class="app-table__caption">"Overdue, compliments, comments and possible hazards"</caption>
            <tbody>
                <tr><th scope="row">"Cases overdue now"</th><td>{cases_link(&f.period, Figure::Overdue, f.overdue_now.to_string())}</td></tr>
                <tr><th scope="row">"Compliments received"</th><td>{cases_link(&f.period, Figure::Compliments, f.compliments.to_string())}</td></tr>
                <tr><th scope="row">"Comments received"</th><td>{cases_link(&f.period, Figure::Comments, f.comments.to_string())}</td></tr>
                <tr><th scope="row">"Complaints describing a possible hazard (Awaab's Law)"</th><td>{cases_link(&f.period, Figure::Hazards, f.hazards.to_string())}</td></tr>
            </tbody>
        </table>
        <h3 class="app-heading-s">"Putting things right"</h3>
        <table class="app-table" data-testid="remedies">
            <caption class="app-table__caption">"Remedies in the stage responses sent, by kind (Code 7), with the money of the financial ones"</caption>
            <thead><tr><th scope="col">"Remedy"</th><th scope="col">"Remedies"</th><th scope="col">"Money"</th></tr></thead>
            <tbody>
                {f.remedies.iter().map(|r| view! { <tr>
                    <th scope="row">{remedy_name(r.kind)}</th>
                    <td>{r.count}</td>
                    <td>{(r.kind == RemedyKind::Financial).then(|| pounds(r.pence))}</td>
                </tr> }).collect_view()}
            </tbody>
        </table>
        {csv("remedies", "Download the remedies as CSV")}
        <h3 class="app-heading-s">"What caused the complaints"</h3>
        {if f.causes.is_empty() {
            view! { <p class="app-body" data-testid="causes">"No response sent in the period recorded a cause."</p> }.into_any()
        } else {
            view! {
                <table class="app-table" data-testid="causes">
                    <caption class="app-table__caption">"Causes recorded in the stage responses sent, most first (Code 9: learning from complaints)"</caption>
                    <thead><tr><th scope="col">"Cause"</th><th scope="col">"Responses"</th></tr></thead>
                    <tbody>
                        {f.causes.iter().map(|c| view! { <tr>
                            <th scope="row">{c.label.clone().unwrap_or_else(|| c.cause.clone())}</th>
                            <td>{c.count}</td>
                        </tr> }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
        {csv("causes", "Download the causes as CSV")}
        {f.equality.map(|rows| view! {
            <EqualityTables rows=rows />
            {csv("equality", "Download the equality figures as CSV")}
        })}
    }
}

/// A kind of remedy as the table names it.
fn remedy_name(kind: RemedyKind) -> &'static str {
    match kind {
        RemedyKind::Apology => "Apology",
        RemedyKind::Action => "Action to put things right",
        RemedyKind::ChangedDecision => "A decision changed",
        RemedyKind::AmendedRecord => "A record put right",
        RemedyKind::Financial => "Money (compensation or goodwill)",
        RemedyKind::ChangedPolicy => "A policy or procedure changed",
    }
}

/// An equality answer as the table names it.
fn answer_label(value: Option<&str>) -> &'static str {
    match value {
        None => "Not answered",
        Some("woman") => "Woman",
        Some("man") => "Man",
        Some("in_another_way") => "In another way",
        Some("prefer_not_to_say") => "Prefer not to say",
        Some("under_25") => "Under 25",
        Some("25_to_34") => "25 to 34",
        Some("35_to_44") => "35 to 44",
        Some("45_to_54") => "45 to 54",
        Some("55_to_64") => "55 to 64",
        Some("65_to_74") => "65 to 74",
        Some("75_or_over") => "75 or over",
        Some("asian") => "Asian or Asian British",
        Some("black") => "Black, Black British, Caribbean or African",
        Some("mixed") => "Mixed or multiple ethnic groups",
        Some("white") => "White",
        Some("other") => "Another ethnic group",
        Some("yes") => "Disabled",
        Some("no") => "Not disabled",
        Some(_) => "Another answer",
    }
}

/// The equality monitoring figures (Pioneer §11): a table per question,
/// counts only. Nobody's answers lead to their cases.
#[component]
fn EqualityTables(rows: Vec<domain::equality::EqualityCount>) -> impl IntoView {
    use domain::equality::Characteristic;
    let title = |c: Characteristic| match c {
        Characteristic::Gender => "Gender",
        Characteristic::Age => "Age",
        Characteristic::Ethnicity => "Ethnic group",
        Characteristic::Disability => "Disability",
    };
    view! {
        <h3 class="app-heading-s">"Equality monitoring"</h3>
        <p class="app-body">"Cases received in the period, by what residents answered to the optional equality questions, with how many of those complaints were upheld in whole or in part. Caseworkers never see anyone's answers. Counts under 5 could identify someone: do not publish them."</p>
        {Characteristic::ALL.into_iter().map(|c| {
            let rows: Vec<_> = rows.iter().filter(|r| r.characteristic == c).cloned().collect();
            view! {
                <table class="app-table" data-testid=format!("equality-{}", c.name())>
                    <caption class="app-table__caption">{title(c)}</caption>
                    <thead><tr><th scope="col">"Answer"</th><th scope="col">"Cases"</th><th scope="col">"Complaints"</th><th scope="col">"Upheld in whole or in part"</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|r| view! { <tr>
                            <th scope="row">{answer_label(r.value.as_deref())}</th>
                            <td>{r.cases}</td><td>{r.complaints}</td><td>{r.upheld}</td>
                        </tr> }).collect_view()}
                    </tbody>
                </table>
            }
        }).collect_view()}
    }
}

#[component]
fn FigureCases() -> impl IntoView {
    let query = use_query_map();
    let cases = LocalResource::new(move || {
        let search = query.with(|q| q.to_query_string());
        async move { api::figures::cases(&search).await }
    });
    let back = format!(
        "/staff/figures?period={}",
        query.with_untracked(|q| q.get("period").unwrap_or_default())
    );
    view! {
        <Title text="Cases behind a figure" />
        <p class="app-body"><A href=back>"Back to the figures"</A></p>
        <h1 class="app-heading-l">"Cases behind a figure"</h1>
        <Transition fallback=|| view! { <p class="app-body" role="status">"Loading the cases…"</p> }>
            {move || Suspend::new(async move {
                match cases.await {
                    Err(error) => view! { <p class="app-body" role="alert">{error.to_string()}</p> }.into_any(),
                    Ok((list, _)) if list.is_empty() => view! { <p class="app-body">"No cases."</p> }.into_any(),
                    Ok((list, next)) => view! {
                        <table class="app-table" data-testid="figure-cases">
                            <caption class="app-visually-hidden">"The cases this figure counts"</caption>
                            <thead><tr><th scope="col">"Reference"</th><th scope="col">"Resident"</th><th scope="col">"Status"</th></tr></thead>
                            <tbody>
                                {list.into_iter().map(|c| {
                                    let (tag, class) = status_tag(c.status);
                                    view! { <tr>
                                        <td><A href=format!("/staff/cases/{}", c.id)>{c.reference.clone()}</A><br /><span class="app-hint">{kind_name(c.kind)}</span></td>
                                        <td>{resident_for_staff(&c.resident_name, c.identity_withheld)}</td>
                                        <td><strong class=format!("app-tag {class}")>{tag}</strong></td>
                                    </tr> }
                                }).collect_view()}
                            </tbody>
                        </table>
                        {next.map(|q| view! { <p class="app-body"><A href=format!("/staff/figures/cases?{q}")>"Next page"</A></p> })}
                    }.into_any(),
                }
            })}
        </Transition>
    }
}
