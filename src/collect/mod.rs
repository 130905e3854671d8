//! Collectors: where evidence comes from. Each collector produces an
//! [`crate::evidence::Evidence`] and draws no conclusions from it.

pub mod bundle;
pub mod probe;
pub mod prometheus;
