//! Forms: the form itself (fields, focus, typing), what each form is for and how its values are
//! read, saving a form, and drafts kept when a session ends with a form open.

pub mod anticipated;
pub mod assign;
pub mod draft;
pub mod estimate;
pub mod evidence;
pub mod external;
pub mod force;
pub mod form;
pub mod initiative;
pub mod item;
pub mod paste;
pub mod phased;
pub mod purpose;
pub mod settings;
pub mod sprint;
pub mod submit;
pub mod workflow;
