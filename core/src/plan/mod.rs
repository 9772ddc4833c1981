//! The plan: the model of what a plan says, reading a syntax tree into it (`lower`), the
//! checks of single values (`values`) and across the plan (`validate`), building one in code
//! (`builder`), writing one as text (`print`), and the scenarios of a file
//! (`scenario`).

pub mod builder;
mod calendar_error;
pub mod fixed;
pub mod lower;
pub mod model;
pub mod print;
pub mod scenario;
pub mod validate;
pub mod values;
