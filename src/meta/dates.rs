//! Dates written in text: month names of many languages, numeric and ISO forms. The
//! vocabulary is data (the tables below), compiled once into regular expressions.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use regex::Regex;

/// Where a language's month names are looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// Article datelines, page text and tweet bylines.
    All,
    /// Tweet bylines only: the embed code writes the day in the reader's language; a byline's
    /// date part is known to be a date, so names that are common words elsewhere (Malay `mac`)
    /// or that need more than a day and a year around them to be told from text (scripts read
    /// right to left, Thai without spaces) are safe there and kept out of article text.
    Tweets,
}
use Scope::{All, Tweets};

/// THE month vocabulary: names and abbreviations per language, month by month (lower case;
/// an abbreviation may be followed by a dot in the text). Article dates ([`find_date`]) use
/// the `All` languages, tweet bylines ([`find_tweet_date`]) every language. Where two
/// languages spell different months alike (`listopada`: November in Polish, October in
/// Croatian), the later entry wins.
const MONTHS: &[(&str, Scope, [&[&str]; 12])] = &[
    ("en", All, [
        &["january", "jan"], &["february", "feb"], &["march", "mar"], &["april", "apr"], &["may"],
        &["june", "jun"], &["july", "jul"], &["august", "aug"], &["september", "sept", "sep"],
        &["october", "oct"], &["november", "nov"], &["december", "dec"],
    ]),
    ("fr", All, [
        &["janvier", "janv"], &["février", "fevrier", "févr", "fevr", "fév"], &["mars"], &["avril", "avr"],
        &["mai"], &["juin"], &["juillet", "juil"], &["août", "aout"], &["septembre"],
        &["octobre"], &["novembre"], &["décembre", "decembre", "déc"],
    ]),
    ("de", All, [
        &["januar", "jänner", "jaenner"], &["februar", "feber"], &["märz", "maerz", "mär", "mrz"], &["april"],
        &["mai"], &["juni"], &["juli"], &["august"], &["september"], &["oktober", "okt"],
        &["november"], &["dezember", "dez"],
    ]),
    ("es", All, [
        &["enero", "ene"], &["febrero"], &["marzo"], &["abril", "abr"], &["mayo"], &["junio"],
        &["julio"], &["agosto", "ago"], &["septiembre", "setiembre"], &["octubre"],
        &["noviembre"], &["diciembre", "dic"],
    ]),
    ("it", All, [
        &["gennaio", "gen"], &["febbraio"], &["marzo"], &["aprile"], &["maggio", "mag"],
        &["giugno", "giu"], &["luglio", "lug"], &["agosto"], &["settembre", "set"],
        &["ottobre", "ott"], &["novembre"], &["dicembre"],
    ]),
    ("pt", All, [
        &["janeiro"], &["fevereiro", "fev"], &["março", "marco"], &["abril"], &["maio"],
        &["junho"], &["julho"], &["agosto"], &["setembro"], &["outubro", "out"],
        &["novembro"], &["dezembro"],
    ]),
    ("id", All, [
        &["januari"], &["februari", "pebruari"], &["maret"], &["april"], &["mei"], &["juni"], &["juli"],
        &["agustus", "agu", "agt"], &["september"], &["oktober"], &["november", "nopember"], &["desember", "des"],
    ]),
    ("ru", All, [
        &["января", "январь", "янв"], &["февраля", "февраль", "фев"], &["марта", "март", "мар"], &["апреля", "апрель", "апр"],
        &["мая", "май"], &["июня", "июнь", "июн"], &["июля", "июль", "июл"], &["августа", "август", "авг"],
        &["сентября", "сентябрь", "сен", "сент"], &["октября", "октябрь", "окт"], &["ноября", "ноябрь", "ноя"],
        &["декабря", "декабрь", "дек"],
    ]),
    ("nl", All, [
        &["januari"], &["februari"], &["maart", "mrt"], &["april"], &["mei"], &["juni"],
        &["juli"], &["augustus"], &["september"], &["oktober"], &["november"], &["december"],
    ]),
    ("hr", Tweets, [&["siječnja"], &["veljače"], &["ožujka"], &["travnja"], &["svibnja"], &["lipnja"], &["srpnja"], &["kolovoza"], &["rujna"], &["listopada"], &["studenoga"], &["prosinca"]]),
    ("uk", All, [&["січня"], &["лютого"], &["березня"], &["квітня"], &["травня"], &["червня"], &["липня"], &["серпня"], &["вересня"], &["жовтня"], &["листопада"], &["грудня"]]),
    ("pl", All, [&["stycznia"], &["lutego"], &["marca"], &["kwietnia"], &["maja"], &["czerwca"], &["lipca"], &["sierpnia"], &["września"], &["października"], &["listopada"], &["grudnia"]]),
    ("cs", All, [&["ledna"], &["února"], &["března"], &["dubna"], &["května"], &["června"], &["července"], &["srpna"], &["září"], &["října"], &["listopadu"], &["prosince"]]),
    ("tr", All, [&["ocak"], &["şubat"], &["mart"], &["nisan"], &["mayıs"], &["haziran"], &["temmuz"], &["ağustos"], &["eylül"], &["ekim"], &["kasım"], &["aralık"]]),
    ("sv", All, [&["januari"], &["februari"], &["mars"], &["april"], &["maj"], &["juni"], &["juli"], &["augusti"], &["september"], &["oktober"], &["november"], &["december"]]),
    ("da", All, [&["januar"], &["februar"], &["marts"], &["april"], &["maj"], &["juni"], &["juli"], &["august"], &["september"], &["oktober"], &["november"], &["december"]]),
    ("fi", All, [&["tammikuuta"], &["helmikuuta"], &["maaliskuuta"], &["huhtikuuta"], &["toukokuuta"], &["kesäkuuta"], &["heinäkuuta"], &["elokuuta"], &["syyskuuta"], &["lokakuuta"], &["marraskuuta"], &["joulukuuta"]]),
    ("ms", Tweets, [&["januari"], &["februari"], &["mac"], &["april"], &["mei"], &["jun"], &["julai"], &["ogos"], &["september"], &["oktober"], &["november"], &["disember"]]),
    ("ro", All, [&["ianuarie"], &["februarie"], &["martie"], &["aprilie"], &["mai"], &["iunie"], &["iulie"], &["august"], &["septembrie"], &["octombrie"], &["noiembrie"], &["decembrie"]]),
    ("hu", All, [&["január"], &["február"], &["március"], &["április"], &["május"], &["június"], &["július"], &["augusztus"], &["szeptember"], &["október"], &["november"], &["december"]]),
    ("el", All, [&["ιανουαρίου"], &["φεβρουαρίου"], &["μαρτίου"], &["απριλίου"], &["μαΐου"], &["ιουνίου"], &["ιουλίου"], &["αυγούστου"], &["σεπτεμβρίου"], &["οκτωβρίου"], &["νοεμβρίου"], &["δεκεμβρίου"]]),
    ("ca", All, [&["gener"], &["febrer"], &["març"], &["abril"], &["maig"], &["juny"], &["juliol"], &["agost"], &["setembre"], &["octubre"], &["novembre"], &["desembre"]]),
    ("ar", Tweets, [&["يناير"], &["فبراير"], &["مارس"], &["أبريل"], &["مايو"], &["يونيو"], &["يوليو"], &["أغسطس"], &["سبتمبر"], &["أكتوبر"], &["نوفمبر"], &["ديسمبر"]]),
    ("fa", Tweets, [&["ژانویه"], &["فوریه"], &["مارس"], &["آوریل"], &["مه"], &["ژوئن"], &["ژوئیه"], &["اوت"], &["سپتامبر"], &["اکتبر"], &["نوامبر"], &["دسامبر"]]),
    ("he", Tweets, [&["בינואר"], &["בפברואר"], &["במרץ"], &["באפריל"], &["במאי"], &["ביוני"], &["ביולי"], &["באוגוסט"], &["בספטמבר"], &["באוקטובר"], &["בנובמבר"], &["בדצמבר"]]),
    ("hi", Tweets, [&["जनवरी"], &["फ़रवरी"], &["मार्च"], &["अप्रैल"], &["मई"], &["जून"], &["जुलाई"], &["अगस्त"], &["सितंबर"], &["अक्तूबर"], &["नवंबर"], &["दिसंबर"]]),
    ("th", Tweets, [&["มกราคม"], &["กุมภาพันธ์"], &["มีนาคม"], &["เมษายน"], &["พฤษภาคม"], &["มิถุนายน"], &["กรกฎาคม"], &["สิงหาคม"], &["กันยายน"], &["ตุลาคม"], &["พฤศจิกายน"], &["ธันวาคม"]]),
];

/// Month number by name, for the languages of `scope` (`None`: every language).
fn month_index(scope: Option<Scope>) -> rustc_hash::FxHashMap<String, u32> {
    let mut m = rustc_hash::FxHashMap::default();
    for (_, sc, months) in MONTHS {
        if scope.is_some_and(|s| s != *sc) {
            continue;
        }
        for (i, names) in months.iter().enumerate() {
            for n in names.iter() {
                m.insert((*n).to_string(), i as u32 + 1);
            }
        }
    }
    m
}

static MONTH_INDEX: LazyLock<rustc_hash::FxHashMap<String, u32>> = LazyLock::new(|| month_index(Some(All)));
/// Every language's month names, for tweet bylines.
static TWEET_MONTH_INDEX: LazyLock<rustc_hash::FxHashMap<String, u32>> = LazyLock::new(|| month_index(None));

/// Whether a lowercase word is a day's whole name (`monday`, `mittwoch`: no person's name;
/// abbreviations and month names are, sometimes: `Sun`, `Marco`, `June`).
pub fn is_day_name(word: &str) -> bool {
    word.chars().count() >= 6 && WEEKDAYS.contains(&word)
}

/// Day names (lowercase) of the article languages, with the words that put them before a
/// date (`on Monday`, `le lundi`): a byline runs into its dateline through them.
const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
];
const WEEKDAY_LEADS: &[&str] = &["on", "le", "am", "el", "il", "em", "na", "no", "op", "published", "posted", "updated"];

/// `text` without a day name at its end (`Jane Doe Monday`, `Jane Doe on Monday,`,
/// `Jane DoeMonday` glued by the renderer) and the word leading to it.
pub fn strip_weekday_tail(text: &str) -> &str {
    let t = text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ':' | ';' | '|' | '-'));
    let Some(last) = t.split_whitespace().next_back() else { return text };
    let lower = last.to_lowercase();
    let word_start = t.len() - last.len();
    let cut = if WEEKDAYS.contains(&lower.as_str()) {
        Some(word_start)
    } else {
        // glued: a lowercase letter, then a capitalised day name to the end
        WEEKDAYS.iter().filter(|w| w.len() >= 6).find_map(|w| {
            let at = lower.len().checked_sub(w.len())?;
            (at > 0 && lower.ends_with(w) && last.is_char_boundary(at)
                && last[at..].starts_with(char::is_uppercase)
                && last[..at].ends_with(char::is_lowercase))
                .then_some(word_start + at)
        })
    };
    let Some(cut) = cut else { return text };
    let rest = t[..cut].trim_end();
    match rest.rsplit_once(char::is_whitespace) {
        Some((before, lead)) if WEEKDAY_LEADS.contains(&lead.to_lowercase().as_str()) => before.trim_end(),
        _ => rest,
    }
}

fn month_alternation() -> String {
    alternation_of(&MONTH_INDEX)
}

fn alternation_of(index: &rustc_hash::FxHashMap<String, u32>) -> String {
    let mut names: Vec<&str> = index.keys().map(String::as_str).collect();
    names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    names.iter().map(|n| regex::escape(n)).collect::<Vec<_>>().join("|")
}

/// Any month name of [`MONTH_INDEX`] anywhere in a text: the quick test before the two
/// month-name patterns (most lines with a year have no month name). ASCII
/// letters match in any case (as in the patterns); a name with other letters in lower case,
/// upper case or with a capital first letter.
static MONTH_WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    let mut words: Vec<String> = Vec::new();
    for name in MONTH_INDEX.keys() {
        words.push(name.clone());
        if !name.is_ascii() {
            words.push(name.to_uppercase());
            let mut chars = name.chars();
            if let Some(first) = chars.next() {
                words.push(first.to_uppercase().chain(chars).collect());
            }
        }
    }
    aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(words).unwrap()
});

/// A month name of [`MONTH_WORDS`] standing as a word of its own (the patterns read whole
/// words only: a name inside `smart` or `email` cannot match them).
fn has_month_word(text: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| crate::model::is_alphanumeric(c) || c == '_');
    MONTH_WORDS
        .find_overlapping_iter(text)
        .any(|m| !word(text[..m.start()].chars().next_back()) && !word(text[m.end()..].chars().next()))
}

// The patterns below start where a word starts and their last number ends a word, or runs
// into a clock time or a letter (`2019Get short URL`, `20194:29 AM`). Those boundaries are
// tested on each match ([`Boundaries`]) rather than written in the patterns: the regex
// engine's fast DFA gives up on Unicode word boundaries (`\b`) in text with non-ASCII letters
// and falls back to a much slower engine. Each pattern reads a date one way only from where
// it starts, so a match whose boundaries fail means no date starts there.

/// `12 mars 2016`, `7. Juli 2016`, `1er août 2016`, `7 de julio de 2016` (the month name is a
/// whole word: a dot, comma or space follows it).
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(\d{{1,2}})(?:er|º|°|\.)?\s*(?:de\s+)?({})(?:\.,?\s*|,\s*|\s+)(?:de\s+|del\s+)?(\d{{4}})",
        month_alternation()
    ))
    .unwrap()
});
/// `March 12, 2016`, `Nov. 18, 2019`, `November 20 15:23 2019`.
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)({})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?:\d{{1,2}}:\d{{2}}\s+)?(\d{{4}})", month_alternation())).unwrap()
});
static CJK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日").unwrap());
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
        .unwrap()
});
static NUMERIC_DMY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d{1,2})([./-])(\d{1,2})([./-])(\d{4})").unwrap());
static NUMERIC_YMD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d{4})([./])(\d{1,2})[./](\d{1,2})").unwrap());
/// What may be glued to a year instead of a word boundary: a clock time or a letter.
static GLUED_TO_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:\d{1,2}:\d{2}|\p{L})").unwrap());

/// Where the matches of a date pattern start and end (see above).
#[derive(Clone, Copy)]
enum Boundaries {
    /// A word starts at the match (ISO dates).
    Start,
    /// ...and ends with it (`2016.12.01`).
    Word,
    /// ...and the year that ends the match ends a word or runs into a clock time or a letter.
    Year,
}

/// Is there a Unicode word boundary (`\b`) at byte `at` of `text`?
fn word_boundary(text: &str, at: usize) -> bool {
    static LOOK: LazyLock<regex_automata::util::look::LookMatcher> = LazyLock::new(regex_automata::util::look::LookMatcher::new);
    // (never an error: the engine is built with its Unicode word tables)
    LOOK.is_word_unicode(text.as_bytes(), at).unwrap_or(false)
}

/// The first match of `re` in `text` at or after `at` within `bounds`, and where the next
/// search starts (after the match, or after the clock time or letter glued to its year).
fn captures_within<'t>(re: &Regex, bounds: Boundaries, text: &'t str, mut at: usize) -> Option<(regex::Captures<'t>, usize)> {
    loop {
        let c = re.captures_at(text, at)?;
        let (start, end) = { let m = c.get(0).unwrap(); (m.start(), m.end()) };
        let next = if !word_boundary(text, start) {
            None
        } else {
            match bounds {
                Boundaries::Start => Some(end),
                Boundaries::Word => word_boundary(text, end).then_some(end),
                Boundaries::Year if word_boundary(text, end) => Some(end),
                Boundaries::Year => GLUED_TO_YEAR.find(&text[end..]).map(|g| end + g.end()),
            }
        };
        if let Some(next) = next {
            return Some((c, next));
        }
        // no date starts there: on from its first character
        at = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
}

/// The matches of `re` in `text` within `bounds`, one after the other (as `captures_iter`).
fn captures_iter_within<'t>(re: &'static Regex, bounds: Boundaries, text: &'t str) -> impl Iterator<Item = regex::Captures<'t>> + 't {
    let mut at = 0;
    std::iter::from_fn(move || {
        let (c, next) = captures_within(re, bounds, text, at)?;
        at = next;
        Some(c)
    })
}

/// Numeric dates with a two-digit year (`11/19/19`, `19.11.19`): only with slashes or dots,
/// and only for years 1990–2049.
static NUMERIC_SHORT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\d./-])(\d{1,2})([./])(\d{1,2})([./])(\d{2})(?:$|[^\d./-])").unwrap());

/// A date found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// The calendar day as written.
    pub date: NaiveDate,
    /// The instant, when the text gives a time with an offset (else midnight UTC of `date`).
    pub instant: DateTime<Utc>,
    /// The matched text, exactly as written.
    pub text: String,
    /// Byte range of the match in the searched text.
    pub start: usize,
    pub end: usize,
    /// The text gives a clock time with the date.
    pub has_time: bool,
    /// The text gives the offset (or a zone) of that time, so `instant` is exact.
    pub has_offset: bool,
}

/// Earliest year accepted for a date read from a page: older years are far more often ids,
/// event dates or placeholders (`0001-01-01`) than publication dates.
pub const MIN_YEAR: i32 = 1990;

fn plausible(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(MIN_YEAR..=2100).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

fn midnight(d: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).unwrap())
}

fn found(date: NaiveDate, text: &str, start: usize, end: usize) -> FoundDate {
    let mut f = FoundDate { date, instant: midnight(date), text: text[start..end].to_string(), start, end, has_time: false, has_offset: false };
    attach_time(text, &mut f);
    f
}

/// Time-zone abbreviations of datelines and their UTC offsets in minutes. `None` marks the
/// US generic zones (ET, CT, MT, PT) whose offset depends on daylight saving time.
const ZONES: &[(&str, Option<i32>, i32)] = &[
    // (abbreviation, fixed offset, standard offset for US generic zones)
    ("UTC", Some(0), 0), ("GMT", Some(0), 0), ("Z", Some(0), 0),
    ("EST", Some(-300), 0), ("EDT", Some(-240), 0), ("ET", None, -300),
    ("CST", Some(-360), 0), ("CDT", Some(-300), 0), ("CT", None, -360),
    ("MST", Some(-420), 0), ("MDT", Some(-360), 0), ("MT", None, -420),
    ("PST", Some(-480), 0), ("PDT", Some(-420), 0), ("PT", None, -480),
    ("AKST", Some(-540), 0), ("AKDT", Some(-480), 0), ("HST", Some(-600), 0),
    ("BST", Some(60), 0), ("WET", Some(0), 0), ("WEST", Some(60), 0),
    ("CET", Some(60), 0), ("CEST", Some(120), 0), ("MEZ", Some(60), 0), ("MESZ", Some(120), 0),
    ("EET", Some(120), 0), ("EEST", Some(180), 0), ("MSK", Some(180), 0),
    ("IST", Some(330), 0), ("PKT", Some(300), 0), ("WIB", Some(420), 0), ("SGT", Some(480), 0),
    ("HKT", Some(480), 0), ("JST", Some(540), 0), ("KST", Some(540), 0),
    ("AEST", Some(600), 0), ("AEDT", Some(660), 0), ("NZST", Some(720), 0), ("NZDT", Some(780), 0),
];

/// US daylight saving time (second Sunday of March to first Sunday of November), by day.
fn us_dst(d: NaiveDate) -> bool {
    let nth_sunday = |month: u32, n: u32| {
        let first = NaiveDate::from_ymd_opt(d.year(), month, 1).unwrap();
        let shift = (7 - first.weekday().num_days_from_sunday()) % 7;
        first + chrono::Duration::days((shift + 7 * (n - 1)) as i64)
    };
    d >= nth_sunday(3, 2) && d < nth_sunday(11, 1)
}

/// Offset in minutes of a zone abbreviation on a given day.
pub fn zone_offset(abbr: &str, day: NaiveDate) -> Option<i32> {
    let up = abbr.trim_matches(|c: char| !crate::model::is_alphanumeric(c)).to_ascii_uppercase();
    let (_, fixed, standard) = ZONES.iter().find(|(a, _, _)| *a == up)?;
    Some(fixed.unwrap_or(if us_dst(day) { standard + 60 } else { *standard }))
}

static ZONE_ALT: LazyLock<String> =
    LazyLock::new(|| ZONES.iter().filter(|z| z.0 != "Z").map(|z| z.0).collect::<Vec<_>>().join("|"));
/// A clock time right after a date: `3:41 p.m. ET`, `à 10h32`, `um 14:05 Uhr`, `11:03 PM PST`.
static TIME_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:[,|•·@-]\s*)?(?:(?i:at|à|a las|alle|às|um|om|kl\.?|o)\s+)?(?P<h>\d{{1,2}})(?:(?::|h|\.)(?P<m>\d{{2}})|\s*(?P<ap0>(?i:a\.?\s?m\.?|p\.?\s?m\.?)))(?:\s*(?P<ap>(?i:a\.?\s?m\b\.?|p\.?\s?m\b\.?)))?(?:\s*(?i:uhr|h))?(?:\s*\(?(?P<z>{})\b\)?|\s*(?:GMT|UTC)?(?P<off>[+-]\d{{1,2}}(?::?\d{{2}})?)\b)?",
        *ZONE_ALT
    ))
    .unwrap()
});
/// A clock time right before a date: `1:39 am EST, Wednesday, November 20, 2019`.
static TIME_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<h>\d{{1,2}})[:h](?P<m>\d{{2}})\s*(?P<ap>(?i:a\.?\s?m\b\.?|p\.?\s?m\b\.?))?\s*(?:\(?(?P<z>{})\b\)?)?\s*[,|•·-]?\s*(?:\p{{L}}+\.?,?\s*)?(?:the\s+|le\s+|am\s+|el\s+)?$",
        *ZONE_ALT
    ))
    .unwrap()
});

fn set_time(f: &mut FoundDate, h: u32, m: u32, ampm: Option<&str>, zone: Option<&str>, off: Option<&str>) {
    let mut h = h;
    if let Some(ap) = ampm {
        let pm = ap.to_ascii_lowercase().starts_with('p');
        if h == 0 || h > 12 {
            return;
        }
        h = match (pm, h) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    }
    let Some(naive) = f.date.and_hms_opt(h, m, 0) else { return };
    f.has_time = true;
    let minutes = zone.and_then(|z| zone_offset(z, f.date)).or_else(|| off.and_then(|o| parse_offset(o).map(|x| x.local_minus_utc() / 60)));
    match minutes.and_then(|mi| FixedOffset::east_opt(mi * 60)) {
        Some(o) => {
            if let Some(dt) = o.from_local_datetime(&naive).single() {
                f.instant = dt.with_timezone(&Utc);
                f.has_offset = true;
            }
        }
        None => f.instant = Utc.from_utc_datetime(&naive),
    }
}

/// Read the clock time (and zone) written next to a date found in `text`.
fn attach_time(text: &str, f: &mut FoundDate) {
    let after = &text[f.end..];
    if let Some(c) = TIME_AFTER.captures(after) {
        let h: u32 = c["h"].parse().unwrap_or(99);
        let m: u32 = c.name("m").map_or(Some(0), |m| m.as_str().parse().ok()).unwrap_or(99);
        let ap = c.name("ap").or(c.name("ap0")).map(|x| x.as_str());
        set_time(f, h, m, ap, c.name("z").map(|z| z.as_str()), c.name("off").map(|z| z.as_str()));
        if f.has_time {
            return;
        }
    }
    let lo = f.start.saturating_sub(48);
    let lo = (lo..=f.start).find(|&i| text.is_char_boundary(i)).unwrap_or(f.start);
    let before = &text[lo..f.start];
    if let Some(c) = TIME_BEFORE.captures(before) {
        let h: u32 = c["h"].parse().unwrap_or(99);
        let m: u32 = c["m"].parse().unwrap_or(99);
        set_time(f, h, m, c.name("ap").map(|x| x.as_str()), c.name("z").map(|z| z.as_str()), None);
    }
}

/// What the digits of a text allow: every form of [`find_date`] has a four-digit year, or
/// for two-digit years a digit, a dot or slash and a digit (`19.11.19`), all in ASCII (the
/// numbers are parsed as ASCII). Most lines with numbers have neither and skip the patterns;
/// the rest skip the patterns whose shape they lack.
#[derive(Clone, Copy, Default)]
struct DigitShapes {
    year: bool,
    dot_or_slash: bool,
    dash: bool,
}

fn digit_shapes(b: &[u8]) -> DigitShapes {
    let mut s = DigitShapes::default();
    let mut run = 0;
    for (i, &c) in b.iter().enumerate() {
        if c.is_ascii_digit() {
            run += 1;
            s.year |= run >= 4;
        } else {
            if run > 0 && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                s.dot_or_slash |= matches!(c, b'.' | b'/');
                s.dash |= c == b'-';
            }
            run = 0;
        }
    }
    s
}

/// The first date written in `text`, in any of the supported forms. Numeric dates that could
/// be day/month or month/day are read day first unless only month/day is possible.
pub fn find_date(text: &str) -> Option<FoundDate> {
    // Every form needs a number (a day or a year): most lines have none and cost nothing.
    let shapes = digit_shapes(text.as_bytes());
    if !shapes.year && !shapes.dot_or_slash {
        return None;
    }
    // The cleaner and the metadata stage ask about the same lines again and again, and the
    // patterns are costly on lines with non-ASCII text (Unicode word boundaries keep the regex
    // engine off its fast path): answers are kept for the last few thousand lines asked about.
    FOUND.with(|cache| {
        if let Some(hit) = cache.borrow().get(text) {
            return hit.clone();
        }
        let f = find_date_in(text, shapes);
        let mut cache = cache.borrow_mut();
        if cache.len() >= FOUND_CACHE_LINES {
            cache.clear();
        }
        cache.insert(text.into(), f.clone());
        f
    })
}

/// How many lines' answers [`find_date`] keeps (per thread).
const FOUND_CACHE_LINES: usize = 4096;

thread_local! {
    static FOUND: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, Option<FoundDate>>> = Default::default();
}

fn find_date_in(text: &str, shapes: DigitShapes) -> Option<FoundDate> {
    let mut best: Option<FoundDate> = None;
    let mut consider = |f: FoundDate| {
        if best.as_ref().is_none_or(|b| f.start < b.start) {
            best = Some(f);
        }
    };
    let iso = if shapes.year && shapes.dash { captures_within(&ISO, Boundaries::Start, text, 0).map(|(c, _)| c) } else { None };
    if let Some(c) = iso {
        let (y, m, d) = (c[1].parse().ok()?, c[2].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
        if let Some(date) = plausible(y, m, d) {
            let whole = c.get(0).unwrap();
            let mut f = found(date, text, whole.start(), whole.end());
            if let (Some(h), Some(mi)) = (c.get(4), c.get(5)) {
                f.has_time = true;
                f.has_offset = c.get(7).is_some();
                let s = c.get(6).map_or(0, |s| s.as_str().parse().unwrap_or(0));
                if let Some(naive) = date.and_hms_opt(h.as_str().parse().unwrap_or(99), mi.as_str().parse().unwrap_or(99), s) {
                    f.instant = match c.get(7).map(|o| o.as_str()) {
                        Some("Z") | None => Utc.from_utc_datetime(&naive),
                        Some(off) => parse_offset(off)
                            .and_then(|o| o.from_local_datetime(&naive).single())
                            .map(|dt| dt.with_timezone(&Utc))
                            .unwrap_or_else(|| Utc.from_utc_datetime(&naive)),
                    };
                }
            }
            consider(f);
        }
    }
    let month_word = shapes.year && has_month_word(text);
    for c in captures_iter_within(&DAY_MONTH_YEAR, Boundaries::Year, if month_word { text } else { "" }) {
        let m = MONTH_INDEX.get(&c[2].to_lowercase()).copied();
        if let (Ok(d), Some(m), Ok(y)) = (c[1].parse(), m, c[3].parse()) {
            if let Some(date) = plausible(y, m, d) {
                let w = c.get(0).unwrap();
                consider(found(date, text, w.start(), c.get(3).unwrap().end()));
                break;
            }
        }
    }
    for c in captures_iter_within(&MONTH_DAY_YEAR, Boundaries::Year, if month_word { text } else { "" }) {
        let m = MONTH_INDEX.get(&c[1].to_lowercase()).copied();
        if let (Some(m), Ok(d), Ok(y)) = (m, c[2].parse(), c[3].parse()) {
            if let Some(date) = plausible(y, m, d) {
                let w = c.get(0).unwrap();
                consider(found(date, text, w.start(), c.get(3).unwrap().end()));
                break;
            }
        }
    }
    let cjk = if shapes.year && text.contains('年') { CJK.captures(text) } else { None };
    if let Some(c) = cjk {
        if let Some(date) = plausible(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?) {
            let w = c.get(0).unwrap();
            consider(found(date, text, w.start(), w.end()));
        }
    }
    for c in captures_iter_within(&NUMERIC_DMY, Boundaries::Year, if shapes.year && (shapes.dot_or_slash || shapes.dash) { text } else { "" }) {
        if c[2] != c[4] {
            continue;
        }
        let (a, b, y): (u32, u32, i32) = (c[1].parse().ok()?, c[3].parse().ok()?, c[5].parse().ok()?);
        let date = if a > 12 || b <= 12 { plausible(y, b, a) } else { plausible(y, a, b) };
        if let Some(date) = date {
            let w = c.get(0).unwrap();
            consider(found(date, text, w.start(), c.get(5).unwrap().end()));
            break;
        }
    }
    for c in NUMERIC_SHORT.captures_iter(if shapes.dot_or_slash { text } else { "" }) {
        if c[2] != c[4] {
            continue;
        }
        let (a, b, yy): (u32, u32, i32) = (c[1].parse().ok()?, c[3].parse().ok()?, c[5].parse().ok()?);
        let y = if yy < 50 { 2000 + yy } else { 1900 + yy };
        // with slashes the US order is the common one; with dots the European one
        let date = if &c[2] == "/" {
            if a > 12 { plausible(y, b, a) } else { plausible(y, a, b) }
        } else if a > 12 || b <= 12 {
            plausible(y, b, a)
        } else {
            plausible(y, a, b)
        };
        if let Some(date) = date {
            let (s, e) = (c.get(1).unwrap().start(), c.get(5).unwrap().end());
            consider(found(date, text, s, e));
            break;
        }
    }
    let ymd = if shapes.year && shapes.dot_or_slash { captures_within(&NUMERIC_YMD, Boundaries::Word, text, 0).map(|(c, _)| c) } else { None };
    if let Some(c) = ymd {
        if let Some(date) = plausible(c[1].parse().ok()?, c[3].parse().ok()?, c[4].parse().ok()?) {
            consider(found(date, text, c.get(0).unwrap().start(), c.get(4).unwrap().end()));
        }
    }
    best
}

fn parse_offset(s: &str) -> Option<FixedOffset> {
    let sign = if s.starts_with('-') { -1 } else { 1 };
    let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
    if digits.len() != 4 {
        return None;
    }
    let h: i32 = digits[..2].parse().ok()?;
    let m: i32 = digits[2..].parse().ok()?;
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// Parse a full ISO-8601 / RFC 3339 timestamp, e.g. from HTML metadata.
pub fn parse_iso(s: &str) -> Option<FoundDate> {
    let s = s.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        let date = dt.date_naive();
        return plausible(date.year(), date.month(), date.day()).map(|_| FoundDate {
            date,
            instant: dt.with_timezone(&Utc),
            text: s.to_string(),
            start: 0,
            end: s.len(),
            has_time: true,
            has_offset: true,
        });
    }
    if let Ok(naive) = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S") {
        let date = naive.date();
        return plausible(date.year(), date.month(), date.day()).map(|_| FoundDate {
            date,
            instant: Utc.from_utc_datetime(&naive),
            text: s.to_string(),
            start: 0,
            end: s.len(),
            has_time: true,
            has_offset: false,
        });
    }
    find_date(s).filter(|f| f.start == 0)
}

// ---- Tweet bylines ----------------------------------------------------------------------
// Embeds write the tweet's day in the reader's language: the `All` forms above are read by
// [`find_date`]; these add every language of the table (`Tweets` scope too), Korean and
// Hungarian orders, Vietnamese `tháng`, and non-ASCII digits.

static TWEET_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)(\d{{1,2}})\.?\s*(?:de\s+|d['’]\s*)?({})\.?,?\s*(?:de\s+)?(\d{{4}})", alternation_of(&TWEET_MONTH_INDEX))).unwrap()
});
static TWEET_MDY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)({})\s+(\d{{1,2}}),?\s+(\d{{4}})", alternation_of(&TWEET_MONTH_INDEX))).unwrap());
static TWEET_YMD_NAMED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)(\d{{4}})\.?\s*({})\s*(\d{{1,2}})", alternation_of(&TWEET_MONTH_INDEX))).unwrap());
static TWEET_KOREAN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일").unwrap());
static TWEET_VIETNAMESE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)(\d{1,2})\s+tháng\s+(\d{1,2}),?\s+(?:năm\s+)?(\d{4})").unwrap());

/// ASCII digits for other decimal digits (Arabic-Indic, Persian, Devanagari, full-width).
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| {
            let u = c as u32;
            for base in [0x0660u32, 0x06F0, 0x0966, 0xFF10] {
                if (base..base + 10).contains(&u) {
                    return char::from_digit(u - base, 10).unwrap_or(c);
                }
            }
            c
        })
        .collect()
}

/// Twitter began in 2006: no tweet is older.
fn tweet_plausible(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(2006..=2100).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The day a tweet byline's date part gives, if any; `text` is the date as written.
pub fn find_tweet_date(s: &str) -> Option<FoundDate> {
    let norm = ascii_digits(s);
    let changed = norm != s;
    let fix = |mut f: FoundDate| {
        if changed {
            f.text = s.trim().to_string();
            f.start = 0;
            f.end = s.len();
        }
        f
    };
    if let Some(f) = find_date(&norm) {
        return Some(fix(f));
    }
    let found_at = |date: NaiveDate, m: regex::Match| {
        let text = norm[m.start()..m.end()].to_string();
        fix(FoundDate { date, instant: chrono::TimeZone::from_utc_datetime(&chrono::Utc, &date.and_hms_opt(0, 0, 0).unwrap()), text, start: m.start(), end: m.end(), has_time: false, has_offset: false })
    };
    let num = |c: &regex::Captures, i: usize| c.get(i).and_then(|m| m.as_str().parse::<i64>().ok());
    let month = |c: &regex::Captures, i: usize| c.get(i).and_then(|m| TWEET_MONTH_INDEX.get(&m.as_str().to_lowercase()).copied());
    if let Some(c) = TWEET_KOREAN.captures(&norm) {
        if let (Some(y), Some(m), Some(d)) = (num(&c, 1), num(&c, 2), num(&c, 3)) {
            if let Some(date) = tweet_plausible(y as i32, m as u32, d as u32) {
                return Some(found_at(date, c.get(0).unwrap()));
            }
        }
    }
    if let Some(c) = TWEET_VIETNAMESE.captures(&norm) {
        if let (Some(d), Some(m), Some(y)) = (num(&c, 1), num(&c, 2), num(&c, 3)) {
            if let Some(date) = tweet_plausible(y as i32, m as u32, d as u32) {
                return Some(found_at(date, c.get(0).unwrap()));
            }
        }
    }
    if let Some(c) = TWEET_DMY.captures(&norm) {
        if let (Some(d), Some(m), Some(y)) = (num(&c, 1), month(&c, 2), num(&c, 3)) {
            if let Some(date) = tweet_plausible(y as i32, m, d as u32) {
                return Some(found_at(date, c.get(0).unwrap()));
            }
        }
    }
    if let Some(c) = TWEET_MDY.captures(&norm) {
        if let (Some(m), Some(d), Some(y)) = (month(&c, 1), num(&c, 2), num(&c, 3)) {
            if let Some(date) = tweet_plausible(y as i32, m, d as u32) {
                return Some(found_at(date, c.get(0).unwrap()));
            }
        }
    }
    if let Some(c) = TWEET_YMD_NAMED.captures(&norm) {
        if let (Some(y), Some(m), Some(d)) = (num(&c, 1), month(&c, 2), num(&c, 3)) {
            if let Some(date) = tweet_plausible(y as i32, m, d as u32) {
                return Some(found_at(date, c.get(0).unwrap()));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<String> {
        find_date(s).map(|f| f.date.to_string())
    }

    #[test]
    fn a_day_name_at_the_end_of_a_byline_goes() {
        assert_eq!(strip_weekday_tail("Malcolm Owen Monday, "), "Malcolm Owen");
        assert_eq!(strip_weekday_tail("Louis Jacobson on Monday,"), "Louis Jacobson");
        assert_eq!(strip_weekday_tail("Jeff FoustMonday, "), "Jeff Foust");
        assert_eq!(strip_weekday_tail("Marie Martin le lundi"), "Marie Martin");
        assert_eq!(strip_weekday_tail("Jane Doe"), "Jane Doe");
        // a name is no day name
        assert_eq!(strip_weekday_tail("Sunny Sundays"), "Sunny Sundays");
    }

    #[test]
    fn month_names_in_any_case_pass_the_quick_test() {
        for text in ["12 März 2020", "12 MÄRZ 2020", "12 märz 2020", "le 3 FÉVRIER 2017", "3 Février 2017", "March 28, 2017", "MARCH 28, 2017", "mArCh 28, 2017"] {
            assert!(find_date(text).is_some(), "{text}");
        }
        assert_eq!(find_date("12 MÄRZ 2020").unwrap().date, NaiveDate::from_ymd_opt(2020, 3, 12).unwrap());
        // a name inside another word is no month word
        assert!(!has_month_word("smart email domain 2019") && has_month_word("7 Mart 2016") && has_month_word("(mai)"));
    }

    #[test]
    fn month_names_in_many_languages() {
        assert_eq!(day("7 juillet 2016").as_deref(), Some("2016-07-07"));
        assert_eq!(day("July 7, 2016").as_deref(), Some("2016-07-07"));
        assert_eq!(day("7. Juli 2016").as_deref(), Some("2016-07-07"));
        assert_eq!(day("7 de julio de 2016").as_deref(), Some("2016-07-07"));
        assert_eq!(day("7 luglio 2016").as_deref(), Some("2016-07-07"));
        assert_eq!(day("7 de julho de 2016").as_deref(), Some("2016-07-07"));
        assert_eq!(day("7 juli 2016").as_deref(), Some("2016-07-07"));
        assert_eq!(day("2016年7月7日").as_deref(), Some("2016-07-07"));
        assert_eq!(day("Publié le 1er août 2016 à 10h32").as_deref(), Some("2016-08-01"));
        assert_eq!(day("Nov. 18, 2019 11:03 PM PST").as_deref(), Some("2019-11-18"));
        assert_eq!(day("March 28th, 2017").as_deref(), Some("2017-03-28"));
    }

    #[test]
    fn numeric_and_iso() {
        assert_eq!(day("27.03.2017 par La Rédaction").as_deref(), Some("2017-03-27"));
        assert_eq!(day("28/03/2017").as_deref(), Some("2017-03-28"));
        assert_eq!(day("03/28/2017").as_deref(), Some("2017-03-28"));
        assert_eq!(day("2017/03/28").as_deref(), Some("2017-03-28"));
        let f = find_date("2017-03-28T10:00:00+02:00").unwrap();
        assert_eq!(f.instant.to_rfc3339(), "2017-03-28T08:00:00+00:00");
        assert_eq!(f.text, "2017-03-28T10:00:00+02:00");
    }

    #[test]
    fn no_date_no_match() {
        assert_eq!(day("Updated 2 hours ago"), None);
        assert_eq!(day("31 février 2016"), None);
        assert_eq!(day("May I come in? 2016 was a year"), None);
        assert_eq!(day("a 1234-56-78 id"), None);
    }

    #[test]
    fn times_and_zones_set_the_instant() {
        // French dateline: a time without a zone keeps the day, instant read as UTC
        let f = find_date("Publié le 7 juillet 2016 à 10h32").unwrap();
        assert_eq!(f.date.to_string(), "2016-07-07");
        assert!(f.has_time && !f.has_offset);
        assert_eq!(f.instant.to_rfc3339(), "2016-07-07T10:32:00+00:00");
        // US Eastern in daylight saving time (March 28 is after the second Sunday of March)
        let f = find_date("March 28, 2017 3:41 p.m. ET").unwrap();
        assert_eq!(f.date.to_string(), "2017-03-28");
        assert_eq!(f.instant.to_rfc3339(), "2017-03-28T19:41:00+00:00");
        // the stated day stays the publisher's although the UTC instant is the next day
        let f = find_date("Nov 18, 2019 11:03 PM PST").unwrap();
        assert_eq!(f.date.to_string(), "2019-11-18");
        assert_eq!(f.instant.to_rfc3339(), "2019-11-19T07:03:00+00:00");
        // time before the date
        let f = find_date("Updated 1:39 am EST, Wednesday, November 20, 2019").unwrap();
        assert_eq!(f.instant.to_rfc3339(), "2019-11-20T06:39:00+00:00");
        // German with Uhr and a CET zone
        let f = find_date("Veröffentlicht am 7. Juli 2016 um 14:05 Uhr MESZ").unwrap();
        assert_eq!(f.instant.to_rfc3339(), "2016-07-07T12:05:00+00:00");
        assert_eq!(zone_offset("ET", NaiveDate::from_ymd_opt(2019, 12, 1).unwrap()), Some(-300));
    }

    #[test]
    fn more_forms() {
        assert_eq!(day("Posted 11/19/19 at 5pm").as_deref(), Some("2019-11-19"));
        assert_eq!(day("19.11.19").as_deref(), Some("2019-11-19"));
        assert_eq!(day("2016.12.01").as_deref(), Some("2016-12-01"));
        assert_eq!(day("Maret 30, 2015").as_deref(), Some("2015-03-30"));
        assert_eq!(day("24 сентября 2018").as_deref(), Some("2018-09-24"));
        assert_eq!(day("November 20 15:23 2019").as_deref(), Some("2019-11-20"));
        assert_eq!(day("NOV 20 2019").as_deref(), Some("2019-11-20"));
        assert_eq!(day("version 1.2.3"), None);
    }

    #[test]
    fn text_glued_to_the_year() {
        let f = find_date("21:17 18.11.2019Get short URL").unwrap();
        assert_eq!((f.date.to_string(), f.text.as_str()), ("2019-11-18".into(), "18.11.2019"));
        let f = find_date("Published Wed, Nov 20 20194:29 AM EST").unwrap();
        assert_eq!(f.text, "Nov 20 2019");
        assert_eq!(f.instant.to_rfc3339(), "2019-11-20T09:29:00+00:00");
        assert_eq!(find_date("Nov. 20, 2019Updated: Nov. 21, 2019").unwrap().date.to_string(), "2019-11-20");
    }

    #[test]
    fn dates_start_and_end_on_word_boundaries_next_to_any_letter() {
        // a number glued to a letter before it is part of a word, in any script
        assert_eq!(day("é12 mars 2016"), None);
        assert_eq!(day("Ж12.03.2016"), None);
        assert_eq!(day("«12 mars 2016»").as_deref(), Some("2016-03-12"));
        assert_eq!(day("—12 марта 2016 года").as_deref(), Some("2016-03-12"));
        // after the year: a letter may be glued to it, a combining mark (part of a word) not
        assert_eq!(find_date("12 mars 2016à 10h").unwrap().text, "12 mars 2016");
        assert_eq!(day("12 mars 2016\u{301}"), None);
        // a month name inside a longer word is no month name
        assert_eq!(day("12 marsé 2016"), None);
        assert_eq!(day("2016.12.011"), None);
        assert_eq!(day("2016.12.01é"), None);
        assert_eq!(day("(2016.12.01)").as_deref(), Some("2016-12-01"));
    }

    #[test]
    fn years_before_1990_are_not_publication_dates() {
        assert_eq!(day("founded on 12 May 1871"), None);
        assert_eq!(parse_iso("0001-01-01T00:00:00Z"), None);
        assert_eq!(day("1 January 1990").as_deref(), Some("1990-01-01"));
    }

    #[test]
    fn matched_text_is_exact() {
        let f = find_date("— RT France (@RTenfrancais) 8 août 2016").unwrap();
        assert_eq!(f.text, "8 août 2016");
    }
}

#[cfg(test)]
mod tweet_tests {
    use super::*;

    fn day(s: &str) -> Option<String> {
        find_tweet_date(s).map(|f| f.date.to_string())
    }

    #[test]
    fn byline_dates_in_many_languages() {
        for s in [
            "7 juillet 2016", "July 7, 2016", "7. Juli 2016", "7 de julio de 2016", "7 luglio 2016",
            "7 de julho de 2016", "7 juli 2016", "2016年7月7日", "07/07/2016", "2016-07-07",
            "7 июля 2016 г.", "7 lipca 2016", "7. července 2016", "7 Temmuz 2016", "7. heinäkuuta 2016",
            "7 Juli 2016", "2016. július 7.", "7 Ιουλίου 2016", "7 de juliol de 2016", "2016년 7월 7일",
            "7 tháng 7, 2016", "٧ يوليو ٢٠١٦", "7 ביולי 2016", "7 iulie 2016", "7 липня 2016 р.",
        ] {
            assert_eq!(day(s).as_deref(), Some("2016-07-07"), "{s}");
        }
        assert_eq!(find_tweet_date("٧ يوليو ٢٠١٦").unwrap().text, "٧ يوليو ٢٠١٦");
        assert_eq!(find_tweet_date("7 lipca 2016").unwrap().text, "7 lipca 2016");
    }

    #[test]
    fn no_date() {
        assert_eq!(day(""), None);
        assert_eq!(day("is a reporter"), None);
        assert_eq!(day("7 lipca"), None);
    }
}

#[cfg(test)]
mod vocabulary_tests {
    use super::*;

    #[test]
    fn one_table_two_scopes() {
        // the languages of tweet bylines only are not read in article text...
        assert!(find_date("7 srpnja 2016").is_none());
        assert!(find_date("7 יולי 2016").is_none());
        assert!(find_date("7 Temmuz 2016").is_some());
        assert!(find_date("7 lipca 2016").is_some());
        // ...but in tweet bylines, with the article languages too
        assert_eq!(find_tweet_date("7 Temmuz 2016").unwrap().date.to_string(), "2016-07-07");
        assert_eq!(find_tweet_date("7 juillet 2016").unwrap().date.to_string(), "2016-07-07");
        // both indexes come from the one table: every `All` name is in the tweet index too
        for (name, month) in MONTH_INDEX.iter() {
            let tweet = TWEET_MONTH_INDEX.get(name).copied();
            assert!(tweet == Some(*month) || MONTHS.iter().any(|(_, sc, ms)| *sc == Tweets && ms.iter().any(|n| n.contains(&name.as_str()))), "{name}");
        }
        // a name two languages share for different months: the later language wins (Polish
        // and Czech, after Croatian)
        assert_eq!(TWEET_MONTH_INDEX.get("listopada"), Some(&11));
        assert_eq!(MONTH_INDEX.get("listopada"), Some(&11));
    }
}
