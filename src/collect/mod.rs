//! Collectors: where evidence comes from. Each collector produces an
//! [`crate::evidence::Evidence`] or a bundle the loader reads into one, and
//! draws no conclusions from it.

pub mod bundle;
pub mod compose;
pub mod docker;
pub mod host;
pub mod probe;
pub mod prometheus;
pub mod writer;
