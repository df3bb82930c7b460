//! The data page: where the plan lives, how full storage is, and a file copy.

pub mod found_plans;
pub mod page;
pub mod recovery_copies;
pub mod space;
