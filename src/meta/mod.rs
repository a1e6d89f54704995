//! ④ Metadata: title, site, section, authors and publication date, from the lines around
//! a dump's title ([`text`]) or from an HTML page's markup ([`html`]). Dates in text are read
//! by [`dates`].

pub mod dates;
pub mod html;
pub mod text;
