//! The messages the portal wrote, for staff: all of them, or those waiting
//! for staff (issue 17, item 4), and what staff do about one.

use crate::api::account::OutboxMessage;
use crate::endpoint::Access::Staff;
use crate::endpoint::{Access, NoBody, QueryParam};

endpoints! {
    ListOutbox: GET "/outbox" {
        const OPERATION: &'static str = "list_outbox";
        const SUMMARY: &'static str = "Messages to residents, and whether they were delivered, newest first, or (waiting=staff) those waiting for staff, oldest first; a page at a time";
        const ACCESS: Access = Staff;
        type Request = NoBody;
        type Answer = Vec<OutboxMessage>;
        const ERRORS: &'static [u16] = &[400];
        const QUERY: &'static [QueryParam] = &[
            QueryParam { name: "waiting", kind: "string", required: false, ..QueryParam::PLAIN },
        ];
        const PAGED: bool = true;
    }

    MarkMessageSentByHand: POST "/outbox/{id}/sent-by-hand" {
        const OPERATION: &'static str = "mark_message_sent_by_hand";
        const SUMMARY: &'static str = "A member of staff sent this message by hand (called, texted, posted or emailed it) and says so";
        const ACCESS: Access = Staff;
        type Request = NoBody;
        type Answer = OutboxMessage;
        const ERRORS: &'static [u16] = &[404, 409];
    }

    RetryMessage: POST "/outbox/{id}/retry" {
        const OPERATION: &'static str = "retry_message";
        const SUMMARY: &'static str = "Try a message waiting for staff again, through its delivery service";
        const ACCESS: Access = Staff;
        type Request = NoBody;
        type Answer = OutboxMessage;
        const ERRORS: &'static [u16] = &[404, 409];
    }

    /// A letter as a PDF (A4; large print at 18 pt when the resident asked
    /// for it), to print and post.
    GetLetter: GET "/outbox/{id}/letter" {
        const OPERATION: &'static str = "get_letter";
        const SUMMARY: &'static str = "A letter to a resident as a PDF to print and post, in the format they asked for";
        const ACCESS: Access = Staff;
        type Request = NoBody;
        type Answer = NoBody;
        const ERRORS: &'static [u16] = &[404];
    }
}
