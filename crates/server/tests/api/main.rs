//! The API's integration tests: one binary, a module per resource.

mod helpers;

mod account_security;
mod accounts;
mod advocate_access;
mod any_channel;
mod authorisations;
mod cases;
mod caseworkers;
mod confidential;
mod definition;
mod delivery;
mod demo;
mod durability;
mod figures;
mod hazards;
mod idempotency;
mod layout;
mod limits;
mod mail;
mod metrics;
mod notices;
mod openapi;
mod pages;
mod platform;
mod preferences;
mod promises;
mod received;
mod retention;
mod rules;
mod second_factor;
mod security;
mod staff;
mod support;
mod taking_on;
mod two_processes;
