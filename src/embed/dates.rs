//! Dates of tweet bylines. Embeds write the tweet's day in the page's language; the common
//! forms (en, fr, de, es, it, pt, nl, CJK, numeric, ISO) are read by [`crate::meta::dates`].
//! This module adds the month names of other languages Twitter's embed code writes, Korean
//! and Hungarian orders, Vietnamese `tháng`, and non-ASCII digits. The vocabulary is data,
//! compiled once.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::meta::dates::{find_date, FoundDate};

/// Month names (lower case, the forms used after a day number) per language, January first.
const MONTHS: &[(&str, [&str; 12])] = &[
    ("ru", ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]),
    ("uk", ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"]),
    ("pl", ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"]),
    ("cs", ["ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října", "listopadu", "prosince"]),
    ("tr", ["ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık"]),
    ("sv", ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]),
    ("da", ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"]),
    ("fi", ["tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta", "heinäkuuta", "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta"]),
    ("id", ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"]),
    ("ms", ["januari", "februari", "mac", "april", "mei", "jun", "julai", "ogos", "september", "oktober", "november", "disember"]),
    ("ro", ["ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie", "octombrie", "noiembrie", "decembrie"]),
    ("hu", ["január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember", "október", "november", "december"]),
    ("el", ["ιανουαρίου", "φεβρουαρίου", "μαρτίου", "απριλίου", "μαΐου", "ιουνίου", "ιουλίου", "αυγούστου", "σεπτεμβρίου", "οκτωβρίου", "νοεμβρίου", "δεκεμβρίου"]),
    ("ca", ["gener", "febrer", "març", "abril", "maig", "juny", "juliol", "agost", "setembre", "octubre", "novembre", "desembre"]),
    ("hr", ["siječnja", "veljače", "ožujka", "travnja", "svibnja", "lipnja", "srpnja", "kolovoza", "rujna", "listopada", "studenoga", "prosinca"]),
    ("ar", ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]),
    ("fa", ["ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"]),
    ("he", ["בינואר", "בפברואר", "במרץ", "באפריל", "במאי", "ביוני", "ביולי", "באוגוסט", "בספטמבר", "באוקטובר", "בנובמבר", "בדצמבר"]),
    ("hi", ["जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्तूबर", "नवंबर", "दिसंबर"]),
    ("th", ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]),
];

static INDEX: LazyLock<HashMap<String, u32>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for (_, months) in MONTHS {
        for (i, n) in months.iter().enumerate() {
            m.insert((*n).to_string(), i as u32 + 1);
        }
    }
    m
});

fn alternation() -> String {
    let mut names: Vec<&str> = INDEX.keys().map(String::as_str).collect();
    names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    names.iter().map(|n| regex::escape(n)).collect::<Vec<_>>().join("|")
}

static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)(\d{{1,2}})\.?\s*(?:de\s+|d['’]\s*)?({})\.?,?\s*(?:de\s+)?(\d{{4}})", alternation())).unwrap()
});
static MDY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)({})\s+(\d{{1,2}}),?\s+(\d{{4}})", alternation())).unwrap());
static YMD_NAMED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)(\d{{4}})\.?\s*({})\s*(\d{{1,2}})", alternation())).unwrap());
static KOREAN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일").unwrap());
static VIETNAMESE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)(\d{1,2})\s+tháng\s+(\d{1,2}),?\s+(?:năm\s+)?(\d{4})").unwrap());

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

fn plausible(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
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
    let found = |date: NaiveDate, m: regex::Match| {
        let text = norm[m.start()..m.end()].to_string();
        fix(FoundDate { date, instant: chrono::TimeZone::from_utc_datetime(&chrono::Utc, &date.and_hms_opt(0, 0, 0).unwrap()), text, start: m.start(), end: m.end(), has_time: false, has_offset: false })
    };
    let num = |c: &regex::Captures, i: usize| c.get(i).and_then(|m| m.as_str().parse::<i64>().ok());
    let month = |c: &regex::Captures, i: usize| c.get(i).and_then(|m| INDEX.get(&m.as_str().to_lowercase()).copied());
    if let Some(c) = KOREAN.captures(&norm) {
        if let (Some(y), Some(m), Some(d)) = (num(&c, 1), num(&c, 2), num(&c, 3)) {
            if let Some(date) = plausible(y as i32, m as u32, d as u32) {
                return Some(found(date, c.get(0).unwrap()));
            }
        }
    }
    if let Some(c) = VIETNAMESE.captures(&norm) {
        if let (Some(d), Some(m), Some(y)) = (num(&c, 1), num(&c, 2), num(&c, 3)) {
            if let Some(date) = plausible(y as i32, m as u32, d as u32) {
                return Some(found(date, c.get(0).unwrap()));
            }
        }
    }
    if let Some(c) = DMY.captures(&norm) {
        if let (Some(d), Some(m), Some(y)) = (num(&c, 1), month(&c, 2), num(&c, 3)) {
            if let Some(date) = plausible(y as i32, m, d as u32) {
                return Some(found(date, c.get(0).unwrap()));
            }
        }
    }
    if let Some(c) = MDY.captures(&norm) {
        if let (Some(m), Some(d), Some(y)) = (month(&c, 1), num(&c, 2), num(&c, 3)) {
            if let Some(date) = plausible(y as i32, m, d as u32) {
                return Some(found(date, c.get(0).unwrap()));
            }
        }
    }
    if let Some(c) = YMD_NAMED.captures(&norm) {
        if let (Some(y), Some(m), Some(d)) = (num(&c, 1), month(&c, 2), num(&c, 3)) {
            if let Some(date) = plausible(y as i32, m, d as u32) {
                return Some(found(date, c.get(0).unwrap()));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
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
