//! Stand-ins for the services outside our control, for the tests: each
//! speaks the service's published protocol and checks what it is sent, so
//! that nothing in a test ever reaches a real one. The SMTP sink lives with
//! the API tests; GOV.UK Notify's REST API is here, as a library for the API
//! tests and as a program (`notify-stand-in`) for the end-to-end tests, with
//! the little PDF reading its letter checks need (`pdf`).

pub mod notify;
pub mod pdf;
