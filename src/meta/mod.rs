//! ④ Metadata: title, site, section, authors and publication date, from the lines around
//! a dump's title ([`text`]) or from an HTML page's markup ([`html`]). Dates in text are read
//! by [`dates`].
//!
//! * Text dumps: [`text::apply`] picks the title ([`text::choose_title`]: headline-like lines
//!   above the first paragraph, scored by closeness, a byline or dateline below, a copy
//!   elsewhere in the page, the body's vocabulary), then reads datelines and bylines in the
//!   lines just below the title (and a few above it), never in tweets or after the body's
//!   first paragraphs. Publication datelines win over plain ones, which win over update
//!   datelines; relative dates (`2 hours ago`) leave the day null and keep `published_text`.
//!   The site name comes from a `Title | Site` copy of the title, else the footer's copyright.
//! * HTML: [`html::extract`] reads the markup (precedence documented there) and
//!   [`html::apply`] lays it over what the visible text gave.
//! * Both return where the date came from (`published_source`: `jsonld`, `meta`, `time`,
//!   `text` or `url`), for a column of schema v2.
//! * `published` is the UTC instant (the offset or zone written with the time, else the time
//!   read as UTC, else midnight UTC); `published_date` is the day as the publisher wrote it.
//!   Years before [`dates::MIN_YEAR`] and days after [`text::latest_day`] are never dates.

pub mod dates;
pub mod html;
pub mod text;
