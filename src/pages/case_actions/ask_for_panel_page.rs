use crate::components::title::Title;
use crate::i18n::{n_, t};
use domain::api::cases::{messages, PanelRequest};
use domain::case::{Attendance, Representative};
use domain::endpoints::cases::RequestPanel;
use domain::validation::{FieldError, Problems};
use leptos::prelude::*;

use crate::api;
use crate::case_action::{action, case_id, load_case, reader};
use crate::case_words::window_sentence;
use crate::components::action_unavailable::{blocked, ActionUnavailable};
use crate::components::back_link::BackLink;
use crate::components::error_summary::ErrorSummary;
use crate::components::radios::{Choice, Radios};
use crate::components::text_input::TextInput;
use crate::form::page_title;
use domain::case::ResidentAction;

/// Ask for a stage 3 panel, where the landlord's policy has one: attend, or
/// send written submissions; bring a friend or relative, never a lawyer.
#[component]
pub fn AskForPanelPage() -> impl IntoView {
    let id = case_id();
    let reader = reader();
    let advocate = reader == crate::next_step_words::Reader::Advocate;
    let case = load_case(id);
    let unavailable = blocked(case, ResidentAction::RequestPanel);
    let policy = LocalResource::new(api::policies::active);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let attendance = RwSignal::new(String::new());
    let represented = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let relation = RwSignal::new(String::new());
    let send = action(id, RequestPanel, "panel", errors);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let mut problems = Problems::new();
        let attendance = match attendance.get_untracked().as_str() {
            "attend" => Some(Attendance::Attend),
            "written_submissions" => Some(Attendance::WrittenSubmissions),
            _ => {
                problems.add(
                    "attendance",
                    if advocate {
                        n_("Select if they will attend the panel or send written submissions")
                    } else {
                        n_("Select if you will attend the panel or send written submissions")
                    },
                );
                None
            }
        };
        let representative = if represented.get_untracked() == "yes" {
            if name.get_untracked().trim().is_empty() {
                problems.add(
                    "representative_name",
                    if advocate {
                        n_("Enter the name of the person who will represent them")
                    } else {
                        messages::REPRESENTATIVE_NAME_MISSING
                    },
                );
            }
            if relation.get_untracked().is_empty() {
                problems.add(
                    "representative_relation",
                    if advocate {
                        n_("Select this person's relationship to the resident")
                    } else {
                        messages::REPRESENTATIVE_RELATION_MISSING
                    },
                );
            }
            Some(Representative {
                name: name.get_untracked().trim().to_owned(),
                relation: relation.get_untracked(),
            })
        } else {
            None
        };
        match (problems.into_result(), attendance) {
            (Ok(()), Some(attendance)) => {
                errors.set(Vec::new());
                send.dispatch(PanelRequest {
                    attendance,
                    representative,
                });
            }
            (Err(found), _) => errors.set(found),
            _ => {}
        }
    };
    view! {
        <Title text=move || page_title(if advocate { t("Ask for a panel to hear their complaint") } else { t("Ask for a panel to hear your complaint") }, !errors.get().is_empty()) />
            <BackLink href=format!("/cases/{}", id.get_untracked()) />
            <div class="app-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                <h1 class="app-heading-l">{if advocate { t("Ask for a panel to hear their complaint") } else { t("Ask for a panel to hear your complaint") }}</h1>
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        case.await.ok().and_then(|c| c.view.open_window.map(|w| view! {
                            <p class="app-body" data-testid="panel-window">{window_sentence(&w, c.view.today, reader)}</p>
                        }))
                    })}
                </Transition>
                <p class="app-body">{if advocate { t("A panel of residents and board members will hear their complaint. They can attend and speak to the panel, or send what they want to say in writing instead.") } else { t("A panel of residents and board members will hear your complaint. You can attend and speak to the panel, or send what you want to say in writing instead.") }}</p>
                <ActionUnavailable action=ResidentAction::RequestPanel why=unavailable case_id=id reader=reader />
                <form novalidate on:submit=submit hidden=move || unavailable.get().is_some()>
                    <Radios field="attendance" legend={if advocate { t("How do they want to take part?") } else { t("How do you want to take part?") }} value=attendance errors=errors
                        choices=vec![
                            Choice::new("attend", if advocate { t("They will attend the panel") } else { t("I will attend the panel") }),
                            Choice::new("written_submissions", if advocate { t("They will send written submissions instead") } else { t("I will send written submissions instead") }),
                        ] />
                    <Radios field="represented" legend={if advocate { t("Will someone come with them to represent them?") } else { t("Will someone come with you to represent you?") }} value=represented errors=errors
                        hint={if advocate { t("A friend or relative can represent them. Legal representatives, such as solicitors, cannot attend.") } else { t("A friend or relative can represent you. Legal representatives, such as solicitors, cannot attend.") }}
                        choices=vec![Choice::new("yes", t("Yes")), Choice::new("no", t("No"))] />
                    <Show when=move || represented.get() == "yes">
                        <TextInput field="representative_name" label={if advocate { t("Full name of the person who will represent them") } else { t("Their full name") }} value=name errors=errors autocomplete="off" />
                        <Transition fallback=|| ()>
                            {move || Suspend::new(async move {
                                let relations = policy.await.ok()
                                    .and_then(|p| p.effective.panel.map(|panel| panel.representatives))
                                    .unwrap_or_else(|| vec!["friend".into(), "relative".into()]);
                                view! {
                                    <Radios field="representative_relation" legend={if advocate { t("What is this person's relationship to the resident?") } else { t("Who are they?") }} value=relation errors=errors
                                        choices=relations.into_iter().map(|r| {
                                            let label = capitalise(&r);
                                            Choice::new(r, label)
                                        }).collect() />
                                }
                            })}
                        </Transition>
                    </Show>
                    <button type="submit" class="app-button" disabled=move || send.pending().get()>{t("Ask for a panel")}</button>
                </form>
            </div>
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
