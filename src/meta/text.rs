//! Metadata of text dumps: datelines, bylines, section and site name, from the lines the
//! cleaner found around the title.

use std::sync::LazyLock;

use regex::Regex;

use super::dates::find_date;
use crate::clean::{rules, Label, TextExtraction};
use crate::model::{word_count, Article};

/// Words that introduce the author in a byline, per language.
const BYLINE_PREFIXES: &[&str] = &["by", "par", "von", "por", "di", "door", "de", "da", "av", "af", "przez", "от"];
/// Words that join two author names.
const NAME_JOINERS: &[&str] = &["and", "et", "und", "y", "e", "en", "och", "og", "i", "&"];
/// Words that say a date is an update, not the publication.
const UPDATE_WORDS: &[&str] =
    &["updated", "update", "mis à jour", "mise à jour", "aktualisiert", "actualizado", "aggiornato", "atualizado", "bijgewerkt", "modified", "modifié"];
/// Relative dates: no absolute day can be read from them.
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:\d+|an?|one)\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b|\bil y a \d+\s+(?:minutes?|heures?|jours?)\b|\bvor \d+\s+(?:minuten|stunden?|tagen?)\b|\bhace \d+\s+(?:minutos?|horas?|días?)\b")
        .unwrap()
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)(?:^|\s|\|)(?:{})\s+(?P<names>\p{{Lu}}.*)$", BYLINE_PREFIXES.join("|"))).unwrap()
});
static JOINER: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<String> = NAME_JOINERS.iter().map(|j| regex::escape(j)).collect();
    Regex::new(&format!(r"(?i)\s*,\s*|\s+(?:{})\s+", words.join("|"))).unwrap()
});
static EMAIL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\S+@\S+\.\w+").unwrap());

/// A line that gives a date (absolute or relative) and little else.
pub fn is_dateline(text: &str) -> bool {
    word_count(text) <= 20 && (find_date(text).is_some() || RELATIVE.is_match(text))
}

/// The authors named by a byline (`By Jane Doe and John Roe`, `27.03.2017 par La Rédaction`).
pub fn byline_authors(text: &str) -> Option<Vec<String>> {
    if word_count(text) > 20 {
        return None;
    }
    let c = BYLINE.captures(text)?;
    let mut names = c["names"].to_string();
    // cut at a date or a separator that ends the byline
    if let Some(d) = find_date(&names) {
        names.truncate(d.start);
    }
    for sep in ["|", " - ", " – ", " — ", "•", "·"] {
        if let Some(p) = names.find(sep) {
            names.truncate(p);
        }
    }
    let names = EMAIL.replace_all(&names, "");
    let mut out: Vec<String> = Vec::new();
    for part in JOINER.split(&names) {
        let p = part.trim().trim_matches(|c: char| !c.is_alphanumeric() && c != '.').trim();
        if p.is_empty() {
            continue;
        }
        let wc = word_count(p);
        // names start with a capital; job titles ("senior editor") do not
        if wc == 0 || wc > 5 || !p.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        if !out.iter().any(|o| o == p) {
            out.push(p.to_string());
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Fill the metadata of `article` from what the cleaner found, and label the metadata lines.
pub fn apply(x: &mut TextExtraction, article: &mut Article) {
    article.title = x.title.clone();
    article.section = x.header.section.clone();
    let mut update: Option<(usize, super::dates::FoundDate)> = None;
    for (line, text) in x.header.between.clone() {
        let lower = text.to_lowercase();
        let mut used = Vec::new();
        if let Some(authors) = byline_authors(&text) {
            if article.authors.is_empty() {
                article.authors = authors;
                used.push("byline");
            }
        }
        if let Some(f) = find_date(&text) {
            let is_update = UPDATE_WORDS.iter().any(|w| lower.starts_with(w) || lower.contains(&format!(" {w}")));
            if is_update {
                update.get_or_insert((line, f));
                used.push("update date");
            } else if article.published_date.is_none() {
                article.published = Some(f.instant);
                article.published_date = Some(f.date);
                article.published_text = Some(f.text.clone());
                used.push("dateline");
            }
        } else if RELATIVE.is_match(&text) && article.published_text.is_none() {
            article.published_text = Some(RELATIVE.find(&text).unwrap().as_str().to_string());
            used.push("relative date (no absolute day)");
        }
        if !used.is_empty() {
            if let Some(d) = x.decisions.get_mut(line) {
                if d.label != Label::Body {
                    d.label = Label::Metadata;
                    d.reason = format!("{} between the title and the first paragraph", used.join(" and "));
                }
            }
        }
    }
    if article.published_date.is_none() {
        if let Some((_, f)) = update {
            article.published = Some(f.instant);
            article.published_date = Some(f.date);
            article.published_text = Some(f.text);
        }
    }
    if let Some(section) = &article.section {
        if let Some(d) = x.decisions.iter_mut().rev().find(|d| d.text.trim() == section && d.label == Label::Boilerplate) {
            d.label = Label::Metadata;
            d.reason = "section: the short line right above the title".into();
        }
    }
    // Site name: the holder named by the copyright line.
    for line in &x.header.outside {
        if let Some(holder) = rules::copyright_holder(line) {
            article.site_name = Some(holder);
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_in_many_languages() {
        let cases: &[(&str, &[&str])] = &[
            ("By Jane Doe and John Roe", &["Jane Doe", "John Roe"]),
            ("27.03.2017 par La Rédaction", &["La Rédaction"]),
            ("Von Anna Berger", &["Anna Berger"]),
            ("Por Lucía Fernández y Pedro Gil", &["Lucía Fernández", "Pedro Gil"]),
            ("Di Marco Bianchi", &["Marco Bianchi"]),
            ("By Jane Doe, senior editor", &["Jane Doe"]),
            ("By Jane Doe jane.doe@example.com", &["Jane Doe"]),
            ("By AFP | March 28, 2017", &["AFP"]),
        ];
        for (line, want) in cases {
            assert_eq!(byline_authors(line).unwrap(), *want, "{line}");
        }
        assert_eq!(byline_authors("the decision was made by the council after a long debate"), None);
    }

    #[test]
    fn datelines() {
        assert!(is_dateline("Publié le 7 juillet 2016 à 10h32"));
        assert!(is_dateline("Updated 2 hours ago"));
        assert!(!is_dateline("Breaking news"));
    }
}
