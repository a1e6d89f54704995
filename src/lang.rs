//! ⑥ Language of the body, by whatlang, as an ISO 639-1 code.

/// Bodies shorter than this (in characters) are too short for a reliable guess.
pub const MIN_CHARS: usize = 40;
/// Only this many bytes of the body are looked at: a few sentences identify a language as
/// well as a whole article, and whatlang's cost grows with the text.
pub const SAMPLE_BYTES: usize = 2048;
/// A first, shorter sample: when whatlang is sure of it (reliable, confidence above
/// [`SURE_CONFIDENCE`]), the longer one is not looked at.
pub const FIRST_SAMPLE_BYTES: usize = 512;
const SURE_CONFIDENCE: f64 = 0.9;

fn prefix(text: &str, bytes: usize) -> &str {
    let mut end = text.len().min(bytes);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// ISO 639-1 code of the body's language, or `None` when whatlang is not confident.
pub fn detect(text: &str) -> Option<&'static str> {
    if text.len() > FIRST_SAMPLE_BYTES {
        let first = prefix(text, FIRST_SAMPLE_BYTES);
        if let Some(info) = whatlang::detect(first) {
            if info.is_reliable() && info.confidence() > SURE_CONFIDENCE {
                return iso639_1(info.lang());
            }
        }
    }
    let sample = prefix(text, SAMPLE_BYTES);
    if sample.chars().filter(|c| crate::model::is_alphabetic(*c)).count() < MIN_CHARS {
        return None;
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    iso639_1(info.lang())
}

/// whatlang's ISO 639-3 codes to ISO 639-1 (every language whatlang knows has one, but
/// Esperanto's and a few others are kept as listed).
fn iso639_1(lang: whatlang::Lang) -> Option<&'static str> {
    const TABLE: &[(&str, &str)] = &[
        ("afr", "af"), ("aka", "ak"), ("amh", "am"), ("ara", "ar"), ("aze", "az"), ("bel", "be"),
        ("ben", "bn"), ("bul", "bg"), ("cat", "ca"), ("ces", "cs"), ("cmn", "zh"), ("dan", "da"),
        ("deu", "de"), ("ell", "el"), ("eng", "en"), ("epo", "eo"), ("est", "et"), ("fin", "fi"),
        ("fra", "fr"), ("guj", "gu"), ("heb", "he"), ("hin", "hi"), ("hrv", "hr"), ("hun", "hu"),
        ("hye", "hy"), ("ind", "id"), ("ita", "it"), ("jav", "jv"), ("jpn", "ja"), ("kan", "kn"),
        ("kat", "ka"), ("khm", "km"), ("kor", "ko"), ("lat", "la"), ("lav", "lv"), ("lit", "lt"),
        ("mal", "ml"), ("mar", "mr"), ("mkd", "mk"), ("mya", "my"), ("nep", "ne"), ("nld", "nl"),
        ("nob", "nb"), ("ori", "or"), ("pan", "pa"), ("pes", "fa"), ("pol", "pl"), ("por", "pt"),
        ("ron", "ro"), ("rus", "ru"), ("sin", "si"), ("slk", "sk"), ("slv", "sl"), ("sna", "sn"),
        ("spa", "es"), ("srp", "sr"), ("swe", "sv"), ("tam", "ta"), ("tel", "te"), ("tgl", "tl"),
        ("tha", "th"), ("tuk", "tk"), ("tur", "tr"), ("ukr", "uk"), ("urd", "ur"), ("uzb", "uz"),
        ("vie", "vi"), ("yid", "yi"), ("zul", "zu"), ("bos", "bs"), ("cym", "cy"), ("gle", "ga"),
        ("isl", "is"), ("kaz", "kk"), ("kir", "ky"), ("mon", "mn"), ("msa", "ms"), ("sqi", "sq"),
        ("swa", "sw"), ("tgk", "tg"), ("tat", "tt"), ("yor", "yo"), ("som", "so"), ("lao", "lo"),
        ("pus", "ps"), ("kur", "ku"), ("lug", "lg"), ("eus", "eu"), ("glg", "gl"), ("ltz", "lb"),
        ("mlt", "mt"), ("hau", "ha"), ("ibo", "ig"), ("xho", "xh"), ("tir", "ti"), ("bak", "ba"),
        ("bre", "br"), ("fao", "fo"), ("fry", "fy"), ("gla", "gd"), ("oci", "oc"), ("wln", "wa"),
        ("nno", "nn"), ("nor", "no"), ("snd", "sd"), ("asm", "as"), ("sun", "su"), ("mri", "mi"),
        ("hat", "ht"), ("zho", "zh"), ("fas", "fa"), ("hbs", "sh"), ("tso", "ts"), ("tsn", "tn"),
        ("sot", "st"), ("nya", "ny"), ("kin", "rw"), ("run", "rn"), ("mlg", "mg"), ("uig", "ug"),
    ];
    let code = lang.code();
    TABLE.iter().find(|(three, _)| *three == code).map(|(_, two)| *two)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_common_languages() {
        assert_eq!(detect("Le ministre français de l’Intérieur a indiqué que la France allait concerter avec l’Allemagne une offensive internationale."), Some("fr"));
        assert_eq!(detect("The minister said on Monday that the government would present a new plan to fight encrypted messaging services."), Some("en"));
        assert_eq!(detect("Der Minister sagte am Montag, dass die Regierung einen neuen Plan gegen verschlüsselte Nachrichtendienste vorlegen werde."), Some("de"));
    }

    #[test]
    fn too_short_is_none() {
        assert_eq!(detect("Bonjour"), None);
        assert_eq!(detect(""), None);
    }

    #[test]
    fn every_whatlang_language_maps() {
        for l in whatlang::Lang::all() {
            assert!(iso639_1(*l).is_some(), "no ISO 639-1 code for {:?}", l);
        }
    }
}
