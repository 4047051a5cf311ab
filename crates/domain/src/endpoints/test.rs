//! Only for end-to-end tests, on a server started with
//! `--allow-clock-changes` (404 otherwise).

use crate::api::{ClockSetting, WrittenMessage};
use crate::endpoint::Access::Public;
use crate::endpoint::{Access, QueryParam};

endpoints! {
    SetClock: PUT "/test/clock" {
        const OPERATION: &'static str = "set_clock";
        const SUMMARY: &'static str = "Move the clock (only with --allow-clock-changes; 404 otherwise)";
        const ACCESS: Access = Public;
        type Request = ClockSetting;
        type Answer = ClockSetting;
        const ERRORS: &'static [u16] = &[404];
    }

    /// The tests' mailbox: what the portal wrote to an address.
    ListMessagesTo: GET "/test/messages" {
        const OPERATION: &'static str = "list_messages_to";
        const SUMMARY: &'static str = "What the portal wrote to an address (the tests' mailbox)";
        const ACCESS: Access = Public;
        type Request = crate::endpoint::NoBody;
        type Answer = Vec<WrittenMessage>;
        const ERRORS: &'static [u16] = &[404];
        const QUERY: &'static [QueryParam] = &[
            QueryParam { name: "to", kind: "string", required: true, ..QueryParam::PLAIN },
        ];
        const DOCUMENTED: bool = false;
    }
}
