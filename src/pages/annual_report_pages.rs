//! The annual complaints performance and service improvement report with
//! the self-assessment against the Code (Code section 8, issue 19):
//!
//! - `/staff/annual-reports`: the reports, and a year's draft started;
//! - `/staff/annual-reports/{year}`: the draft edited, saved and published;
//! - `/annual-reports/{year}`: the published report, for anyone, signed in
//!   or not.
//!
//! Staff pages and the published report are in English, as the landlord
//! writes it. The words and the text's layout are in `report_words`.

use domain::annual_report::{
    AnnualReport, AssessmentAnswer, AssessmentRow, Comply, PublishedReport, ReportEdit,
    ReportSummary, ReportText, TEXT_MAX_CHARS,
};
use domain::figures::Figures;
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::api;
use crate::case_action::retry_key;
use crate::client_error::ClientError;
use crate::compliance_words::provision;
use crate::components::error_summary::ErrorSummary;
use crate::components::problem_with_service::ProblemWithService;
use crate::components::signed_in::SignedIn;
use crate::components::textarea::Textarea;
use crate::components::title::Title;
use crate::form::{field_id, message_for};
use crate::report_words::{
    blocks, comply, day, parse_year, range, range_years, share, status, Block,
};
use crate::retry_key::RetryKeys;
use crate::router::{use_location, use_navigate, A};
use crate::routes::Route;

/// The three pages, as the address names them (loaded as one).
#[component]
pub fn AnnualReportPages() -> impl IntoView {
    let location = use_location();
    match Route::matching(&location.pathname.get_untracked()) {
        Route::StaffAnnualReports => view! { <StaffAnnualReportsPage /> }.into_any(),
        Route::StaffAnnualReport => view! { <StaffAnnualReportPage /> }.into_any(),
        _ => view! { <AnnualReportPage /> }.into_any(),
    }
}

/// The year in the address's last part (`/annual-reports/2025`).
fn year_in_address() -> Memo<Option<i32>> {
    let location = use_location();
    Memo::new(move |_| {
        location.pathname.with(|p| {
            p.trim_end_matches('/')
                .rsplit('/')
                .next()?
                .parse::<i32>()
                .ok()
        })
    })
}

/// The text of the report as paragraphs and lists.
fn text_view(text: &str) -> impl IntoView {
    blocks(text)
        .into_iter()
        .map(|block| match block {
            Block::Paragraph(p) => view! { <p class="app-body">{p}</p> }.into_any(),
            Block::List(items) => view! {
                <ul class="app-list app-list--bullet">
                    {items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}
                </ul>
            }
            .into_any(),
        })
        .collect_view()
}

/// The year's figures a report gives, as one table.
fn figures_table(f: &Figures) -> impl IntoView {
    let stage = |n: usize| f.stages.get(n).cloned();
    let mut rows: Vec<(String, String)> = Vec::new();
    for n in 0..2 {
        if let Some(s) = stage(n) {
            let per = s
                .ch01
                .per_thousand()
                .map(|v| format!(" ({v} per 1,000 homes)"))
                .unwrap_or_default();
            rows.push((
                format!("Stage {} complaints received (CH01)", n + 1),
                format!("{}{per}", s.ch01.numerator),
            ));
            rows.push((
                format!(
                    "Stage {} complaints answered within the Code's timescales (CH02)",
                    n + 1
                ),
                format!(
                    "{} of {} ({})",
                    s.ch02.numerator,
                    s.ch02.denominator,
                    share(s.ch02)
                ),
            ));
            rows.push((
                format!("Median working days to answer at stage {}", n + 1),
                s.median_working_days
                    .map_or_else(|| "–".to_owned(), |d| d.to_string()),
            ));
        }
    }
    rows.push((
        "Complaints referred to the Housing Ombudsman".to_owned(),
        f.kpis.ombudsman.to_string(),
    ));
    let money: u64 = f.remedies.iter().map(|r| r.pence).sum();
    let remedies: u64 = f.remedies.iter().map(|r| r.count).sum();
    rows.push(("Remedies in our responses".to_owned(), remedies.to_string()));
    rows.push((
        "Money in those remedies".to_owned(),
        domain::case::pounds(money),
    ));
    rows.push(("Compliments received".to_owned(), f.compliments.to_string()));
    rows.push(("Comments received".to_owned(), f.comments.to_string()));
    view! {
        <table class="app-table" data-testid="report-figures">
            <caption class="app-table__caption">{format!("Our complaints figures, {}", range(&f.range))}</caption>
            <thead><tr><th scope="col">"Figure"</th><th scope="col">"Number"</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|(what, n)| view! { <tr><th scope="row">{what}</th><td>{n}</td></tr> }).collect_view()}
            </tbody>
        </table>
    }
}

/// The self-assessment in the layout of the Ombudsman's form.
fn assessment_table(rows: &[AssessmentRow]) -> impl IntoView {
    view! {
        <div class="app-table-wrapper" tabindex="0" role="region" aria-label="Self-assessment against the Complaint Handling Code">
        <table class="app-table" data-testid="self-assessment">
            <caption class="app-table__caption">"Self-assessment against the Complaint Handling Code"</caption>
            <thead><tr>
                <th scope="col">"Code provision"</th>
                <th scope="col">"Code requirement"</th>
                <th scope="col">"Comply: Yes / No"</th>
                <th scope="col">"Evidence, commentary and any explanations"</th>
            </tr></thead>
            <tbody>
                {rows.iter().map(|r| view! { <tr>
                    <th scope="row">{r.section.clone()}</th>
                    <td>{r.requirement.clone()}</td>
                    <td>{comply(r.comply)}</td>
                    <td class="app-pre-line">{r.evidence.clone()}</td>
                </tr> }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}

const PARTS: [(&str, &str, &str); 5] = [
    ("introduction", "text.introduction", "Introduction"),
    ("themes", "text.themes", "What complaints were about"),
    ("lessons_learnt", "text.lessons_learnt", "What we learnt"),
    ("improvements", "text.improvements", "What we changed"),
    (
        "governing_body_response",
        "text.governing_body_response",
        "Our governing body's response",
    ),
];

fn part(text: &ReportText, key: &str) -> String {
    text.parts()
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| (*v).to_owned())
        .unwrap_or_default()
}

// --- the published report ----------------------------------------------------

#[component]
pub fn AnnualReportPage() -> impl IntoView {
    let year = year_in_address();
    let report = LocalResource::new(move || {
        let year = year.get();
        async move {
            match year {
                Some(year) => api::reports::published(year).await.map(Some),
                None => Ok(None),
            }
        }
    });
    view! {
        <div lang="en-GB">
            <Transition fallback=|| view! { <p class="app-body" role="status">"Loading the report…"</p> }>
                {move || Suspend::new(async move {
                    match report.await {
                        Ok(Some(r)) => published_view(r).into_any(),
                        Ok(None) | Err(ClientError::NotFound) => view! {
                            <Title text="Annual complaints report not found" />
                            <h1 class="app-heading-l">"There is no published report for this year"</h1>
                            <p class="app-body">"The landlord has not published a complaints report for this year yet. Check the year in the address."</p>
                        }.into_any(),
                        Err(error) => match error.service_problem() {
                            Some(problem) => view! { <ProblemWithService problem=problem retry=move || report.refetch() /> }.into_any(),
                            None => view! { <p class="app-body" role="alert">{error.to_string()}</p> }.into_any(),
                        },
                    }
                })}
            </Transition>
        </div>
    }
}

fn published_view(r: PublishedReport) -> impl IntoView {
    let title = format!(
        "{}: annual complaints report {}",
        r.landlord,
        range_years(&r.range)
    );
    view! {
        <Title text=title.clone() />
        <span class="app-caption-l">{r.landlord.clone()}</span>
        <h1 class="app-heading-l">{format!("Annual complaints performance and service improvement report {}", range_years(&r.range))}</h1>
        <p class="app-body">{format!("For {}. Published on {}.", range(&r.range), day(r.published_on))}</p>
        <p class="app-body"><a href=api::reports::pdf_href(r.year) download="">"Download this report as a PDF"</a></p>
        {PARTS.iter().take(1).map(|(key, _, heading)| section(heading, part(&r.text, key))).collect_view()}
        <h2 class="app-heading-m">"Our figures"</h2>
        {figures_table(&r.figures)}
        {PARTS.iter().skip(1).map(|(key, _, heading)| section(heading, part(&r.text, key))).collect_view()}
        <h2 class="app-heading-m">"Our self-assessment against the Complaint Handling Code"</h2>
        <p class="app-body">"The Housing Ombudsman's Complaint Handling Code asks us to assess ourselves against it each year. For each requirement: whether we comply, and our evidence."</p>
        {assessment_table(&r.assessment)}
    }
}

fn section(heading: &'static str, text: String) -> impl IntoView {
    (!text.trim().is_empty()).then(|| {
        view! {
            <h2 class="app-heading-m">{heading}</h2>
            {text_view(&text)}
        }
    })
}

// --- the list ----------------------------------------------------------------

#[component]
pub fn StaffAnnualReportsPage() -> impl IntoView {
    view! {
        <div lang="en-GB">
            <SignedIn>
                <ReportsList />
            </SignedIn>
        </div>
    }
}

#[component]
fn ReportsList() -> impl IntoView {
    let shown = RwSignal::new(Vec::<ReportSummary>::new());
    let next = RwSignal::new(None::<String>);
    let failed = RwSignal::new(None::<ClientError>);
    let more = Action::new_local(move |cursor: &Option<String>| {
        let cursor = cursor.clone();
        async move { api::reports::list(cursor.as_deref()).await }
    });
    more.dispatch(None);
    Effect::new(move |_| {
        if let Some(result) = more.value().get() {
            match result {
                Ok((list, after)) => {
                    shown.update(|s| s.extend(list));
                    next.set(after);
                }
                Err(error) => failed.set(Some(error)),
            }
        }
    });
    let year_text = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let keys = StoredValue::new_local(RetryKeys::default());
    let navigate = use_navigate();
    let start = Action::new_local(move |year: &i32| {
        let year = *year;
        let key = retry_key(keys, &year);
        async move { api::reports::create(year, &key).await.map(|r| r.year) }
    });
    Effect::new(move |_| {
        if let Some(result) = start.value().get() {
            match result {
                Ok(year) => navigate(&format!("/staff/annual-reports/{year}"), Default::default()),
                Err(error) => errors.set(error.not_sent("The report was not started")),
            }
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match parse_year(&year_text.get_untracked()) {
            Ok(year) => {
                errors.set(Vec::new());
                start.dispatch(year);
            }
            Err(message) => errors.set(vec![FieldError::new("year", message)]),
        }
    };
    view! {
        <Title text="Annual complaints reports" />
        <p class="app-body"><A href="/staff/figures">"Figures"</A></p>
        <ErrorSummary errors=errors />
        <h1 class="app-heading-l">"Annual complaints reports"</h1>
        <p class="app-body">"The Complaint Handling Code (section 8) asks for a complaints performance and service improvement report each year, with a self-assessment against the Code, published on the landlord's website and given to its governing body. The portal writes a first draft from the year's record and the policy check; you edit it, then publish it at a public address."</p>
        {move || failed.get().map(|error| view! { <p class="app-body" role="alert">{error.to_string()}</p> })}
        {move || {
            let list = shown.get();
            if list.is_empty() {
                view! { <p class="app-body" data-testid="no-reports">"There are no reports yet."</p> }.into_any()
            } else {
                view! {
                    <table class="app-table" data-testid="reports">
                        <caption class="app-table__caption">"Reports, the latest year first"</caption>
                        <thead><tr><th scope="col">"Financial year"</th><th scope="col">"Status"</th><th scope="col">"Public address"</th></tr></thead>
                        <tbody>
                            {list.into_iter().map(|r| {
                                let status = status(&r);
                                view! { <tr>
                                    <th scope="row"><A href=format!("/staff/annual-reports/{}", r.year)>{range_years(&r.range)}</A></th>
                                    <td>{status}</td>
                                    <td>{r.published_on.map(|_| view! { <A href=format!("/annual-reports/{}", r.year)>{format!("/annual-reports/{}", r.year)}</A> })}</td>
                                </tr> }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }
        }}
        {move || next.get().map(|cursor| view! {
            <button type="button" class="app-button app-button--secondary" on:click=move |_| { more.dispatch(Some(cursor.clone())); }>"Show more reports"</button>
        })}
        <form novalidate on:submit=submit>
            <div class=move || if message_for(&errors.get(), "year").is_some() { "app-form-group app-form-group--error" } else { "app-form-group" }>
                <h2 class="app-label-wrapper"><label class="app-label app-label--m" for="year">"Start the report for a year"</label></h2>
                <div class="app-hint" id="year-hint">"The year the financial year begins: for April 2025 to March 2026, enter 2025. The year must have ended."</div>
                {move || message_for(&errors.get(), "year").map(|m| view! {
                    <p class="app-error-message" id="year-error"><span class="app-visually-hidden">"Error: "</span>{m}</p>
                })}
                <input class="app-input app-input--width-4" id="year" name="year" type="text" inputmode="numeric" maxlength="9"
                    aria-describedby=move || if message_for(&errors.get(), "year").is_some() { "year-hint year-error" } else { "year-hint" }
                    prop:value=move || year_text.get() on:input=move |ev| year_text.set(event_target_value(&ev)) />
            </div>
            <button type="submit" class="app-button" disabled=move || start.pending().get()>"Start the report"</button>
        </form>
    }
}

// --- the draft ---------------------------------------------------------------

#[component]
pub fn StaffAnnualReportPage() -> impl IntoView {
    view! {
        <div lang="en-GB">
            <SignedIn>
                <ReportEditor />
            </SignedIn>
        </div>
    }
}

#[component]
fn ReportEditor() -> impl IntoView {
    let year = year_in_address();
    let report = LocalResource::new(move || {
        let year = year.get();
        async move {
            match year {
                Some(year) => api::reports::get(year).await,
                None => Err(ClientError::NotFound),
            }
        }
    });
    view! {
        <p class="app-body"><A href="/staff/annual-reports">"Annual complaints reports"</A></p>
        <Transition fallback=|| view! { <p class="app-body" role="status">"Loading the report…"</p> }>
            {move || Suspend::new(async move {
                match report.await {
                    Ok(r) => editor(r).into_any(),
                    Err(ClientError::NotFound) => view! {
                        <Title text="Report not found" />
                        <h1 class="app-heading-l">"There is no report for this year"</h1>
                        <p class="app-body"><A href="/staff/annual-reports">"Start it from the list of reports"</A></p>
                    }.into_any(),
                    Err(error) => match error.service_problem() {
                        Some(problem) => view! { <ProblemWithService problem=problem retry=move || report.refetch() /> }.into_any(),
                        None => view! { <p class="app-body" role="alert">{error.to_string()}</p> }.into_any(),
                    },
                }
            })}
        </Transition>
    }
}

/// What the editor last did, for its banner.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Done {
    Saved,
    Published,
}

fn editor(r: AnnualReport) -> impl IntoView {
    let year = r.year;
    let version = RwSignal::new(r.version);
    // The version when the last answer came back: a save that went through
    // before a refused publication moves `version` on without it.
    let saved_version = RwSignal::new(r.version);
    let published_on = RwSignal::new(r.published_on);
    let changed = RwSignal::new(r.changed_since_published);
    let texts: Vec<RwSignal<String>> = PARTS
        .iter()
        .map(|(key, ..)| RwSignal::new(part(&r.text, key)))
        .collect();
    let answers: Vec<(RwSignal<Option<Comply>>, RwSignal<String>)> = r
        .assessment
        .iter()
        .map(|row| {
            (
                RwSignal::new(row.comply),
                RwSignal::new(row.evidence.clone()),
            )
        })
        .collect();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let done = RwSignal::new(None::<Done>);
    let texts_for_edit = texts.clone();
    let answers_for_edit = answers.clone();
    let edit = move || ReportEdit {
        version: version.get_untracked(),
        text: ReportText {
            introduction: texts_for_edit[0].get_untracked(),
            themes: texts_for_edit[1].get_untracked(),
            lessons_learnt: texts_for_edit[2].get_untracked(),
            improvements: texts_for_edit[3].get_untracked(),
            governing_body_response: texts_for_edit[4].get_untracked(),
        },
        assessment: answers_for_edit
            .iter()
            .map(|(c, e)| AssessmentAnswer {
                comply: c.get_untracked(),
                evidence: e.get_untracked(),
            })
            .collect(),
    };
    let keys = StoredValue::new_local(RetryKeys::default());
    // Saving first, then publishing what was saved: one button does both.
    let send = Action::new_local(move |(edit, publish): &(ReportEdit, bool)| {
        let (edit, publish) = (edit.clone(), *publish);
        let key = retry_key(keys, &(year, edit.version, publish));
        async move {
            let saved = api::reports::save(year, &edit).await?;
            // Kept at once: if publishing fails, the next try saves on top.
            version.set(saved.version);
            if publish {
                let published = api::reports::publish(year, saved.version, &key).await?;
                Ok::<_, ClientError>((published, Done::Published))
            } else {
                Ok((saved, Done::Saved))
            }
        }
    });
    Effect::new(move |_| {
        if let Some(result) = send.value().get() {
            match result {
                Ok((saved, what)) => {
                    errors.set(Vec::new());
                    version.set(saved.version);
                    saved_version.set(saved.version);
                    published_on.set(saved.published_on);
                    changed.set(saved.changed_since_published);
                    done.set(Some(what));
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                }
                Err(error) => {
                    done.set(None);
                    // Saved but not published (the version moved on): say so.
                    let what = if version.get_untracked() == saved_version.get_untracked() {
                        "Your changes have not been saved"
                    } else {
                        "Your changes have been saved, but the report has not been published"
                    };
                    saved_version.set(version.get_untracked());
                    errors.set(error.not_sent(what));
                }
            }
        }
    });
    let edit_for_save = edit.clone();
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        send.dispatch((edit_for_save(), false));
    };
    let publish = move |_| {
        send.dispatch((edit(), true));
    };
    let public = format!("/annual-reports/{year}");
    let public_for_banner = public.clone();
    view! {
        <Title text=format!("Annual complaints report {}", range_years(&r.range)) />
        <div role="status" aria-live="polite">
            {move || done.get().map(|d| {
                let public = public_for_banner.clone();
                view! {
                <div class="app-notification-banner app-notification-banner--success" data-testid="report-done">
                    <h2 class="app-notification-banner__heading">{match d { Done::Saved => "Your changes have been saved", Done::Published => "The report has been published" }}</h2>
                    {(d == Done::Published).then(|| view! {
                        <p class="app-body app-notification-banner__body">"Anyone can read it at "<A href=public.clone()>{public.clone()}</A>"."</p>
                    })}
                </div>
            }})}
        </div>
        <ErrorSummary errors=errors />
        <span class="app-caption-l">{r.landlord.clone()}</span>
        <h1 class="app-heading-l">{format!("Annual complaints report {}", range_years(&r.range))}</h1>
        <p class="app-body">{format!("For {}.", range(&r.range))}</p>
        <p class="app-body" data-testid="report-status">{move || match published_on.get() {
            None => "Draft: not published yet.".to_owned(),
            Some(on) if changed.get() => format!("Published on {}. The draft has changed since: publish it again to update the public copy.", day(on)),
            Some(on) => format!("Published on {}.", day(on)),
        }}</p>
        {move || published_on.get().map(|_| view! {
            <p class="app-body"><A href=public.clone()>"Read the published report"</A></p>
        })}
        <div class="app-warning-text">
            <strong class="app-warning-text__text"><span class="app-visually-hidden">"Warning: "</span>"The report is published for anyone to read. Check that nothing in it names a resident, or could identify one, before you publish."</strong>
        </div>
        <h2 class="app-heading-m">"The year's figures"</h2>
        <p class="app-body">"As the record stands today; publishing keeps them as they are on that day."</p>
        {figures_table(&r.figures)}
        <form novalidate on:submit=save>
            <h2 class="app-heading-m">"The report"</h2>
            {PARTS.iter().zip(texts).map(|((_, field, label), value)| view! {
                <Textarea field=field label=*label value=value errors=errors max_chars=TEXT_MAX_CHARS rows=8 />
            }).collect_view()}
            <h2 class="app-heading-m">"Self-assessment against the Complaint Handling Code"</h2>
            <p class="app-body">"In the layout of the Housing Ombudsman's self-assessment form. Where the portal's check of the policy judges a requirement, its answer and evidence are filled in: review them. The rest are for you to answer with your evidence."</p>
            {r.assessment.iter().zip(answers).enumerate().map(|(n, (row, (answer, evidence)))| {
                assessment_row(n, row, answer, evidence, errors)
            }).collect_view()}
            <div class="app-button-group">
                <button type="submit" class="app-button app-button--secondary" disabled=move || send.pending().get()>"Save draft"</button>
                <button type="button" class="app-button" disabled=move || send.pending().get() on:click=publish>"Save and publish"</button>
            </div>
        </form>
    }
}

fn assessment_row(
    n: usize,
    row: &AssessmentRow,
    answer: RwSignal<Option<Comply>>,
    evidence: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let field = format!("assessment[{n}].evidence");
    let id = field_id(&field);
    let error = {
        let field = field.clone();
        move || message_for(&errors.get(), &field)
    };
    let comply_field = format!("assessment[{n}].comply");
    let comply_error = Memo::new(move |_| message_for(&errors.get(), &comply_field));
    let comply_error_id = format!("comply-{n}-error");
    let comply_error_id_for_view = comply_error_id.clone();
    let hint_id = format!("comply-{n}-hint");
    let checked = row.checked;
    let described_by = move || {
        let mut ids = Vec::new();
        if checked {
            ids.push(hint_id.clone());
        }
        if comply_error.get().is_some() {
            ids.push(comply_error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let error_for_class = error.clone();
    let error_for_described = error.clone();
    let error_id = format!("{id}-error");
    let error_id_for_described = error_id.clone();
    let name = format!("comply-{n}");
    // The first radio takes the field's id, so the error summary's link
    // lands on it.
    let first_id = field_id(&format!("assessment[{n}].comply"));
    let choice = move |value: Option<Comply>, label: &'static str, suffix: &'static str| {
        let radio_id = if suffix == "yes" {
            first_id.clone()
        } else {
            format!("comply-{n}-{suffix}")
        };
        view! {
            <div class="app-radios__item">
                <input class="app-radios__input" type="radio" id=radio_id.clone() name=name.clone()
                    prop:checked=move || answer.get() == value on:change=move |_| answer.set(value) />
                <label class="app-radios__label" for=radio_id>{label}</label>
            </div>
        }
    };
    let provision = provision(&row.section);
    let has_error = move || error_for_class().is_some() || comply_error.get().is_some();
    view! {
        <div class=move || if has_error() { "app-form-group app-form-group--error app-assessment" } else { "app-form-group app-assessment" } data-testid="assessment-row">
            <fieldset class="app-fieldset" aria-describedby=described_by>
                <legend class="app-fieldset__legend app-fieldset__legend--s">{format!("{provision}: {}", row.requirement)}</legend>
                {row.checked.then(|| view! { <div class="app-hint" id=format!("comply-{n}-hint")>"Filled in from the portal's check of the policy."</div> })}
                {move || comply_error.get().map(|m| view! {
                    <p class="app-error-message" id=comply_error_id_for_view.clone()><span class="app-visually-hidden">"Error: "</span>{m}</p>
                })}
                <div class="app-radios">
                    {choice(Some(Comply::Yes), "Yes, we comply", "yes")}
                    {choice(Some(Comply::No), "No, we do not comply", "no")}
                    {choice(None, "Not answered yet", "none")}
                </div>
            </fieldset>
            <label class="app-label" for=id.clone()>{format!("Evidence for {provision}")}</label>
            {move || error().map(|m| view! {
                <p class="app-error-message" id=error_id.clone()><span class="app-visually-hidden">"Error: "</span>{m}</p>
            })}
            <textarea class="app-textarea" id=id name=field rows="4"
                aria-describedby=move || error_for_described().map(|_| error_id_for_described.clone())
                prop:value=move || evidence.get() on:input=move |ev| evidence.set(event_target_value(&ev))></textarea>
        </div>
    }
}
