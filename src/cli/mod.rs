//! The commands of the `coroner` binary, one file each, and what they share:
//! the values typed on the command line (`args`), the exit policy (`exit`),
//! where reports are written (`output`), what is told on the terminal
//! (`terminal`), what a CI system reads beside the report (`ci`) and the
//! language reports are written in (`language`). This is
//! the binary edge: errors get their context here and become exit codes; the
//! library decides nothing about terminals or codes.

pub mod args;
pub mod ci;
pub mod collect;
pub mod compare;
pub mod context;
pub mod docs;
pub mod exit;
pub mod investigate;
pub mod language;
pub mod output;
pub mod rules;
pub mod schema;
pub mod terminal;
pub mod tooling;
