use crate::i18n::t;
use crate::router::A;
use leptos::prelude::*;

/// One row of a [`SummaryList`]: a question, its answer, and where to change it.
#[derive(Clone, Debug, PartialEq)]
pub struct SummaryRow {
    pub key: String,
    /// Shown as written: new lines are kept.
    pub value: String,
    /// The Change link and what it changes, read by screen readers
    /// ("Change what happened").
    pub change: Option<(String, String)>,
}

/// GOV.UK summary list: questions and answers, each with its Change link.
#[component]
pub fn SummaryList(rows: Vec<SummaryRow>) -> impl IntoView {
    let rows = rows
        .into_iter()
        .map(|row| {
            view! {
                <div class="app-summary-list__row">
                    <dt class="app-summary-list__key">{row.key}</dt>
                    <dd class="app-summary-list__value">{row.value}</dd>
                    {row.change.map(|(href, hidden)| view! {
                        <dd class="app-summary-list__actions">
                            <A href=href>{t("Change")}<span class="app-visually-hidden">" "{hidden}</span></A>
                        </dd>
                    })}
                </div>
            }
        })
        .collect_view();
    view! { <dl class="app-summary-list">{rows}</dl> }
}
