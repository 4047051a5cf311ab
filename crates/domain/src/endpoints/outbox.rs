//! The messages the portal wrote, for staff.

use crate::api::account::OutboxMessage;
use crate::endpoint::Access::Staff;
use crate::endpoint::{Access, NoBody};

endpoints! {
    ListOutbox: GET "/outbox" {
        const OPERATION: &'static str = "list_outbox";
        const SUMMARY: &'static str = "Messages to residents, and whether they were delivered, newest first, a page at a time";
        const ACCESS: Access = Staff;
        type Request = NoBody;
        type Answer = Vec<OutboxMessage>;
        const ERRORS: &'static [u16] = &[400];
        const PAGED: bool = true;
    }
}
