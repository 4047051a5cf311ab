//! The life of a case: a complaint, a compliment or a comment.
//!
//! A case is stored as its events, in order (`event`). Its state
//! (`state`) is never stored: it is derived by replaying the events through
//! the landlord's [`Policy`](crate::policy::Policy) ([`replay`]), and each new
//! event is checked against that state before it is accepted ([`apply`]).
//! Events the policy or the state does not allow are refused with a
//! [`Refusal`] whose message a resident can read (`refusal`).
//!
//! What a resident sees (status, due dates, what they can still do) is a
//! [`CaseView`], derived from the state for a given day ([`view`]), with its
//! due dates counted by `deadlines`.

mod apply;
mod closing;
mod deadlines;
mod event;
mod refusal;
mod rules;
mod state;
mod view;

pub use crate::calendar::uk_date;
pub use apply::{apply, check_close_approval, listed_exceptions, replay, start};
pub use closing::{closing, no_contact_close_on, Closing};
pub use deadlines::{
    extension_allowance, policy_stage, Basis, BasisExtension, BasisFrom, ExtensionAllowance,
    ExtensionLimit,
};
pub use event::{
    pounds, Actor, ActorKind, Attendance, CaseKind, ClosedWhy, ComplaintDefinition, Event,
    EventRecord, Money, Outcome, OutstandingAction, Remedy, RemedyKind, Representative, SentBy,
    Settlement,
};
pub use refusal::{Act, Refusal, RefusalReason, Refused};
pub use rules::{
    due_rules, is_due_soon, next_rule_on, rule_behind, rule_dates, rule_triggers, RuleAction,
    RuleDate, RuleKind, RuleNote, RuleSettings, RuleTrigger, CASEWORKER_REMINDER_DAYS,
    RESIDENT_REMINDER_DAYS,
};
pub use state::{
    ActionChange, CaseState, Closure, CouncillorOrMp, DefinitionQuery, EscalationRefusal,
    ExtensionGranted, InformationGiven, InformationRequest, PanelDecision, PanelDelay,
    PanelDispensal, PanelState, PromisedAction, Response, Satisfaction, StageState, TakingOn,
    TakingOnDecision, Withdrawal,
};
pub use view::{
    view, CaseView, ClosedWindow, DefinitionView, DueDate, DueKey, DueKind, LatestResponse,
    NextStep, ResidentAction, StaffAction, StageRef, Status, Window, OMBUDSMAN_MONTHS,
};
