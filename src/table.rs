//! ⑦ THE schema, and the Arrow record batches built from [`Article`]s, column by column.
//!
//! Changing the schema is a deliberate act: bump [`SCHEMA_VERSION`] and update the table in the
//! README (a test checks that they agree).

use std::collections::HashMap;
use std::sync::Arc;

use arrow::array::{
    ArrayRef, Date32Builder, Int32Builder, ListArray, RecordBatch, StringBuilder, StringDictionaryBuilder,
    StructArray, TimestampMicrosecondBuilder,
};
use arrow::buffer::OffsetBuffer;
use arrow::datatypes::{DataType, Field, Fields, Int8Type, Schema, SchemaRef, TimeUnit};
use chrono::NaiveDate;

use crate::error::Result;
use crate::model::{word_count, Article};

/// Version of the table layout. Stored in the schema metadata and the Parquet key-value
/// metadata as `broadsheet.schema_version`.
///
/// History: 1, the first table; 2 adds `published_source` (where the publication date came
/// from), after `published_text`, and the tweets' `lang`.
pub const SCHEMA_VERSION: &str = "2";

pub const META_SCHEMA_VERSION: &str = "broadsheet.schema_version";
pub const META_VERSION: &str = "broadsheet.version";
pub const META_OPTIONS: &str = "broadsheet.options";

fn list_of(item: DataType) -> DataType {
    DataType::List(Arc::new(Field::new("item", item, false)))
}

fn paragraph_fields() -> Fields {
    Fields::from(vec![Field::new("text", DataType::Utf8, false), Field::new("kind", DataType::Utf8, false)])
}

fn tweet_fields() -> Fields {
    Fields::from(vec![
        Field::new("text", DataType::Utf8, false),
        Field::new("links", list_of(DataType::Utf8), false),
        Field::new("hashtags", list_of(DataType::Utf8), false),
        Field::new("mentions", list_of(DataType::Utf8), false),
        Field::new("author_name", DataType::Utf8, true),
        Field::new("handle", DataType::Utf8, true),
        Field::new("published", DataType::Date32, true),
        Field::new("published_text", DataType::Utf8, true),
        Field::new("status_id", DataType::Utf8, true),
        Field::new("url", DataType::Utf8, true),
        Field::new("after_paragraph", DataType::Int32, false),
        Field::new("lang", DataType::Utf8, true),
    ])
}

/// The schema of every table broadsheet produces; `options_json` goes into its metadata.
pub fn schema(options_json: &str) -> SchemaRef {
    let fields = vec![
        Field::new("doc_id", DataType::Utf8, false),
        Field::new("source", DataType::Utf8, false),
        Field::new("url", DataType::Utf8, true),
        Field::new("input_id", DataType::Utf8, true),
        Field::new("format", DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::Utf8)), true),
        Field::new("title", DataType::Utf8, true),
        Field::new("site_name", DataType::Utf8, true),
        Field::new("section", DataType::Utf8, true),
        Field::new("authors", list_of(DataType::Utf8), false),
        Field::new("published", DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())), true),
        Field::new("published_date", DataType::Date32, true),
        Field::new("published_text", DataType::Utf8, true),
        Field::new("published_source", DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::Utf8)), true),
        Field::new("language", DataType::Utf8, true),
        Field::new("text", DataType::Utf8, false),
        Field::new("paragraphs", list_of(DataType::Struct(paragraph_fields())), false),
        Field::new("tweets", list_of(DataType::Struct(tweet_fields())), false),
        Field::new("word_count", DataType::Int32, false),
        Field::new("extra", DataType::Utf8, true),
        Field::new("error", DataType::Utf8, true),
    ];
    let metadata = HashMap::from([
        (META_SCHEMA_VERSION.to_string(), SCHEMA_VERSION.to_string()),
        (META_VERSION.to_string(), crate::VERSION.to_string()),
        (META_OPTIONS.to_string(), options_json.to_string()),
    ]);
    Arc::new(Schema::new_with_metadata(fields, metadata))
}

fn days(d: NaiveDate) -> i32 {
    (d - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days() as i32
}

/// A list<string> column built from offsets and one flat child.
#[derive(Default)]
struct StrLists {
    offsets: Vec<i32>,
    values: StringBuilder,
}

impl StrLists {
    fn new() -> Self {
        StrLists { offsets: vec![0], values: StringBuilder::new() }
    }
    fn push<S: AsRef<str>>(&mut self, items: &[S]) {
        for s in items {
            self.values.append_value(s.as_ref());
        }
        self.offsets.push(self.offsets.last().unwrap() + items.len() as i32);
    }
    fn finish(mut self) -> ArrayRef {
        let field = Arc::new(Field::new("item", DataType::Utf8, false));
        Arc::new(ListArray::new(field, OffsetBuffer::new(self.offsets.into()), Arc::new(self.values.finish()), None))
    }
}

/// Builds one record batch from articles.
pub struct BatchBuilder {
    schema: SchemaRef,
    doc_id: StringBuilder,
    source: StringBuilder,
    url: StringBuilder,
    input_id: StringBuilder,
    format: StringDictionaryBuilder<Int8Type>,
    title: StringBuilder,
    site_name: StringBuilder,
    section: StringBuilder,
    authors: StrLists,
    published: TimestampMicrosecondBuilder,
    published_date: Date32Builder,
    published_text: StringBuilder,
    published_source: StringDictionaryBuilder<Int8Type>,
    language: StringBuilder,
    text: StringBuilder,
    para_offsets: Vec<i32>,
    para_text: StringBuilder,
    para_kind: StringBuilder,
    tweet_offsets: Vec<i32>,
    tw_text: StringBuilder,
    tw_links: StrLists,
    tw_hashtags: StrLists,
    tw_mentions: StrLists,
    tw_author: StringBuilder,
    tw_handle: StringBuilder,
    tw_published: Date32Builder,
    tw_published_text: StringBuilder,
    tw_status: StringBuilder,
    tw_url: StringBuilder,
    tw_after: Int32Builder,
    tw_lang: StringBuilder,
    word_count: Int32Builder,
    extra: StringBuilder,
    error: StringBuilder,
}

impl BatchBuilder {
    pub fn new(schema: SchemaRef) -> Self {
        BatchBuilder {
            schema,
            doc_id: StringBuilder::new(),
            source: StringBuilder::new(),
            url: StringBuilder::new(),
            input_id: StringBuilder::new(),
            format: StringDictionaryBuilder::new(),
            title: StringBuilder::new(),
            site_name: StringBuilder::new(),
            section: StringBuilder::new(),
            authors: StrLists::new(),
            published: TimestampMicrosecondBuilder::new().with_timezone("UTC"),
            published_date: Date32Builder::new(),
            published_text: StringBuilder::new(),
            published_source: StringDictionaryBuilder::new(),
            language: StringBuilder::new(),
            text: StringBuilder::new(),
            para_offsets: vec![0],
            para_text: StringBuilder::new(),
            para_kind: StringBuilder::new(),
            tweet_offsets: vec![0],
            tw_text: StringBuilder::new(),
            tw_links: StrLists::new(),
            tw_hashtags: StrLists::new(),
            tw_mentions: StrLists::new(),
            tw_author: StringBuilder::new(),
            tw_handle: StringBuilder::new(),
            tw_published: Date32Builder::new(),
            tw_published_text: StringBuilder::new(),
            tw_status: StringBuilder::new(),
            tw_url: StringBuilder::new(),
            tw_after: Int32Builder::new(),
            tw_lang: StringBuilder::new(),
            word_count: Int32Builder::new(),
            extra: StringBuilder::new(),
            error: StringBuilder::new(),
        }
    }

    pub fn append(&mut self, a: &Article) {
        self.doc_id.append_value(&a.doc_id);
        self.source.append_value(&a.source);
        self.url.append_option(a.url.as_deref());
        self.input_id.append_option(a.input_id.as_deref());
        match a.format {
            Some(f) => {
                self.format.append_value(f.as_str());
            }
            None => self.format.append_null(),
        }
        self.title.append_option(a.title.as_deref());
        self.site_name.append_option(a.site_name.as_deref());
        self.section.append_option(a.section.as_deref());
        self.authors.push(&a.authors);
        self.published.append_option(a.published.map(|t| t.timestamp_micros()));
        self.published_date.append_option(a.published_date.map(days));
        self.published_text.append_option(a.published_text.as_deref());
        self.published_source.append_option(a.published_source);
        self.language.append_option(a.language.as_deref());
        let text = a.text();
        self.word_count.append_value(word_count(&text).min(i32::MAX as usize) as i32);
        self.text.append_value(&text);
        for p in &a.paragraphs {
            self.para_text.append_value(&p.text);
            self.para_kind.append_value(p.kind.as_str());
        }
        self.para_offsets.push(self.para_offsets.last().unwrap() + a.paragraphs.len() as i32);
        for t in &a.tweets {
            self.tw_text.append_value(&t.text);
            self.tw_links.push(&t.links);
            self.tw_hashtags.push(&t.hashtags);
            self.tw_mentions.push(&t.mentions);
            self.tw_author.append_option(t.author_name.as_deref());
            self.tw_handle.append_option(t.handle.as_deref());
            self.tw_published.append_option(t.published.map(days));
            self.tw_published_text.append_option(t.published_text.as_deref());
            self.tw_status.append_option(t.status_id.as_deref());
            self.tw_url.append_option(t.url.as_deref());
            self.tw_after.append_value(t.after_paragraph);
            self.tw_lang.append_option(t.lang.as_deref());
        }
        self.tweet_offsets.push(self.tweet_offsets.last().unwrap() + a.tweets.len() as i32);
        self.extra.append_option(a.extra.as_deref());
        self.error.append_option(a.error.as_deref());
    }

    pub fn finish(mut self) -> Result<RecordBatch> {
        let paragraphs = StructArray::new(
            paragraph_fields(),
            vec![Arc::new(self.para_text.finish()) as ArrayRef, Arc::new(self.para_kind.finish())],
            None,
        );
        let para_field = Arc::new(Field::new("item", DataType::Struct(paragraph_fields()), false));
        let paragraphs = ListArray::new(para_field, OffsetBuffer::new(self.para_offsets.into()), Arc::new(paragraphs), None);
        let tweets = StructArray::new(
            tweet_fields(),
            vec![
                Arc::new(self.tw_text.finish()) as ArrayRef,
                self.tw_links.finish(),
                self.tw_hashtags.finish(),
                self.tw_mentions.finish(),
                Arc::new(self.tw_author.finish()),
                Arc::new(self.tw_handle.finish()),
                Arc::new(self.tw_published.finish()),
                Arc::new(self.tw_published_text.finish()),
                Arc::new(self.tw_status.finish()),
                Arc::new(self.tw_url.finish()),
                Arc::new(self.tw_after.finish()),
                Arc::new(self.tw_lang.finish()),
            ],
            None,
        );
        let tweet_field = Arc::new(Field::new("item", DataType::Struct(tweet_fields()), false));
        let tweets = ListArray::new(tweet_field, OffsetBuffer::new(self.tweet_offsets.into()), Arc::new(tweets), None);
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.doc_id.finish()),
            Arc::new(self.source.finish()),
            Arc::new(self.url.finish()),
            Arc::new(self.input_id.finish()),
            Arc::new(self.format.finish()),
            Arc::new(self.title.finish()),
            Arc::new(self.site_name.finish()),
            Arc::new(self.section.finish()),
            self.authors.finish(),
            Arc::new(self.published.finish()),
            Arc::new(self.published_date.finish()),
            Arc::new(self.published_text.finish()),
            Arc::new(self.published_source.finish()),
            Arc::new(self.language.finish()),
            Arc::new(self.text.finish()),
            Arc::new(paragraphs),
            Arc::new(tweets),
            Arc::new(self.word_count.finish()),
            Arc::new(self.extra.finish()),
            Arc::new(self.error.finish()),
        ];
        Ok(RecordBatch::try_new(self.schema, columns)?)
    }
}

/// A record batch of `articles`.
pub fn to_batch(schema: &SchemaRef, articles: &[Article]) -> Result<RecordBatch> {
    let mut b = BatchBuilder::new(schema.clone());
    for a in articles {
        b.append(a);
    }
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Paragraph, ParagraphKind, Tweet};
    use arrow::array::{Array, AsArray};

    #[test]
    fn batch_has_the_schema_and_values() {
        let schema = schema("{}");
        let a = Article {
            doc_id: "d1".into(),
            source: "a.txt".into(),
            format: Some(crate::model::Format::TextDump),
            authors: vec!["Jane".into()],
            paragraphs: vec![Paragraph::new("One two.", ParagraphKind::Paragraph), Paragraph::new("Three", ParagraphKind::Heading)],
            tweets: vec![Tweet { text: "hi".into(), links: vec!["https://t.co/x".into()], after_paragraph: 0, ..Tweet::default() }],
            published_date: NaiveDate::from_ymd_opt(2016, 7, 7),
            ..Article::default()
        };
        let b = Article { doc_id: "d2".into(), source: "b.txt".into(), error: Some("boom".into()), ..Article::default() };
        let batch = to_batch(&schema, &[a, b]).unwrap();
        assert_eq!(batch.num_rows(), 2);
        assert_eq!(batch.schema().metadata()[META_SCHEMA_VERSION], SCHEMA_VERSION);
        let text = batch.column_by_name("text").unwrap().as_string::<i32>();
        assert_eq!(text.value(0), "One two.\n\nThree");
        assert_eq!(text.value(1), "");
        let wc = batch.column_by_name("word_count").unwrap().as_primitive::<arrow::datatypes::Int32Type>();
        assert_eq!(wc.value(0), 3);
        let err = batch.column_by_name("error").unwrap().as_string::<i32>();
        assert!(err.is_null(0) && err.value(1) == "boom");
        let tweets = batch.column_by_name("tweets").unwrap().as_list::<i32>();
        assert_eq!(tweets.value_length(0), 1);
        assert_eq!(tweets.value_length(1), 0);
        let pd = batch.column_by_name("published_date").unwrap().as_primitive::<arrow::datatypes::Date32Type>();
        assert_eq!(pd.value(0), 16989);
    }
}
