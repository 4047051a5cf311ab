//! Every endpoint of the JSON API, declared once (see [`crate::endpoint`]),
//! a module per resource. To add one: declare it in its module's
//! `endpoints!` block, register its handler with
//! `Routes::add::<endpoints::module::Name>(handler)` in the server's
//! `routes/module.rs`, and give the app a typed call in `src/api/module.rs`.
//! The server's tests fail while a declaration is not routed, or a route is
//! not declared.

/// Declares endpoints: for each, a unit struct that implements
/// [`crate::endpoint::Endpoint`], and a `visit` function over them all.
macro_rules! endpoints {
    ($(
        $(#[$doc:meta])*
        $name:ident: $method:ident $path:literal {
            $($item:tt)*
        }
    )*) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq)]
            pub struct $name;

            impl $crate::endpoint::Endpoint for $name {
                const METHOD: $crate::endpoint::Method = $crate::endpoint::Method::$method;
                const PATH: &'static str = $path;
                $($item)*
            }
        )*

        /// Each endpoint declared here, in turn.
        pub fn visit<V: $crate::endpoint::Visitor>(visitor: &mut V) {
            $( visitor.visit::<$name>(); )*
        }
    };
}

pub mod account_security;
pub mod accounts;
pub mod authorisations;
pub mod calendar;
pub mod cases;
pub mod figures;
pub mod outbox;
pub mod policies;
pub mod preferences;
pub mod reports;
pub mod second_factor;
pub mod service;
pub mod staff;
pub mod test;

/// Every endpoint of the API, in turn. The order names the schemas: two
/// types of one name are told apart by a number in the order they are met
/// (a case's `Status`, then an authorisation's `Status2`).
pub fn visit<V: crate::endpoint::Visitor>(visitor: &mut V) {
    service::visit(visitor);
    calendar::visit(visitor);
    policies::visit(visitor);
    accounts::visit(visitor);
    account_security::visit(visitor);
    second_factor::visit(visitor);
    preferences::visit(visitor);
    outbox::visit(visitor);
    cases::visit(visitor);
    staff::visit(visitor);
    figures::visit(visitor);
    reports::visit(visitor);
    authorisations::visit(visitor);
    test::visit(visitor);
}
