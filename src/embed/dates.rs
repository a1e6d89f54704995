//! Dates of tweet bylines: read with the one date vocabulary of [`crate::meta::dates`]
//! (whose month table covers the ~20 more languages Twitter's embed code writes).

pub use crate::meta::dates::find_tweet_date;
