//! ③ Embeds: posts of social networks embedded in the article. They are recognised before the
//! body is chosen (in the raw lines of a dump, in the raw DOM of a page), so that an embed is
//! found even where its surroundings are dropped, and so that embed lines never end up as
//! paragraphs.

pub mod dates;
pub mod twitter;

pub use twitter::{find_text_tweets, html_tweets, TextTweet};
