//! The vocabulary of page chrome in text dumps. Rules are data: every phrase the cleaner
//! knows lives here, and is compiled once.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

/// Whole lines that are chrome whatever their surroundings (case-insensitive, the line must
/// match entirely, surrounding punctuation ignored).
const CHROME_LINES: &[&str] = &[
    // navigation and page furniture
    r"(?:scroll|back|go|return) to (?:the )?top", r"retour en haut(?: de (?:la )?page)?", r"nach oben",
    r"volver arriba", r"torna su", r"voltar ao topo", r"naar boven",
    r"(?:skip|jump) to (?:main )?(?:content|navigation|search|footer)", r"aller au contenu(?: principal)?",
    r"zum inhalt springen", r"ir al contenido(?: principal)?", r"vai al contenuto(?: principale)?",
    r"menu", r"main menu", r"navigation", r"search", r"rechercher", r"suche", r"buscar", r"cerca",
    r"home", r"accueil", r"startseite", r"inicio", r"more", r"plus", r"mehr", r"close", r"fermer", r"schließen",
    r"sign ?in", r"sign ?up", r"log ?in", r"log ?out", r"register", r"se connecter", r"connexion", r"anmelden",
    r"my account", r"mon compte", r"subscribe(?: now)?", r"s'abonner", r"abonnez-vous", r"abonnieren",
    r"suscr[ií]bete", r"abbonati", r"assine", r"abonneren",
    // sharing
    r"share(?: this)?(?: (?:article|story|page|post))?", r"partager(?: cet article)?", r"teilen", r"compartir",
    r"condividi", r"compartilhar", r"delen", r"tweet", r"email", r"e-mail", r"print", r"imprimer", r"drucken",
    r"facebook", r"twitter", r"linkedin", r"whatsapp", r"pinterest", r"reddit", r"flipboard", r"rss",
    r"instagram", r"youtube", r"telegram", r"copy link", r"copier le lien",
    r"(?:share|partager|teilen)(?: on| sur| auf)? (?:facebook|twitter|linkedin|whatsapp|email|e-mail)",
    // ads and notices
    r"advertisement", r"advertising", r"publicit[ée]", r"anzeige", r"werbung", r"publicidad", r"pubblicit[àa]",
    r"sponsored(?: content)?", r"contenu sponsoris[ée]", r"paid (?:post|content)",
    r"comments?", r"commentaires?", r"kommentare?", r"comentarios?", r"commenti",
    r"\d+ comments?", r"\d+ commentaires?", r"leave a (?:comment|reply)", r"laisser un commentaire",
    r"related(?: (?:articles|stories|content|posts|coverage|links|news|videos?))?", r"most (?:popular|read|viewed|shared|commented)(?: (?:in|on|from|at) .{1,40})?",
    r"trending(?: now)?", r"latest (?:news|stories|articles|headlines|posts)", r"les plus lus", r"meistgelesen", r"lo más leído", r"i più letti",
    r"sur le m[êe]me sujet", r"à lire aussi", r"a lire aussi", r"lire aussi", r"voir aussi",
    r"mehr zum thema", r"leggi anche", r"leia também",
    r"lees ook", r"you may also like", r"you might also like", r"(?:você|voce) (?:também |tambem )?(?:pode|poderá|vai) gostar(?: de)?(?: também| tambem)?",
    r"vous (?:aimerez|pourriez) (?:aussi|également)(?: aimer)?", r"(?:también )?te (?:puede|podría) interesar", r"(?:ti )?potrebbe(?:ro)? (?:interessarti|interessare|piacerti)",
    r"dit vind je misschien ook (?:leuk|interessant)", r"das könnte (?:sie|dich) auch interessieren", r"recommended(?: for you)?", r"read more",
    r"read next", r"lire la suite", r"weiterlesen", r"leer más", r"continua a leggere", r"continue reading",
    r"newsletter", r"la newsletter", r"sign up for (?:our|the) newsletter",
    r"follow us(?: on .+)?", r"suivez-nous(?: sur .+)?", r"folgen sie uns(?: auf .+)?", r"síguenos(?: en .+)?",
    r"cookie (?:policy|settings|preferences)", r"privacy(?: policy)?", r"terms(?: of (?:use|service))?",
    r"politique de confidentialit[ée]", r"mentions l[ée]gales", r"impressum", r"datenschutz(?:erklärung)?",
    r"aviso legal", r"contact(?: us)?", r"contactez-nous", r"kontakt", r"about(?: us)?", r"[àa] propos",
    r"accept(?: all)?(?: cookies)?", r"tout accepter", r"alle akzeptieren", r"aceptar",
    r"loading\.*", r"chargement(?: en cours)?\.*", r"video", r"vidéo", r"photo", r"photos", r"image",
    r"listen(?: to (?:this )?(?:article|story))?", r"écouter(?: cet article)?", r"play", r"watch",
    r"view (?:comments|gallery)", r"open in app", r"download (?:the )?app",
    r"(?:previous|next|prev) (?:article|post|story|page)", r"(?:article|post|story) (?:précédent|suivant)e?",
    r"trending (?:news|stories|articles|topics)", r"popular (?:on|in|at) .{1,30}",
    r"next up(?: in .{1,40})?", r"up next", r"explore further", r"(?:keep|continue) exploring", r"more to explore", r"featured (?:videos?|stories|articles|posts)", r"this slideshow requires javascript\.?",
    r"\d{6,}", r"view all(?: \(\d+\)?)?", r"\d{4}-\d\d-\d\dt\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:z|[+-]\d\d:?\d\d)?(?: \S+)*", r"back", r"go back", r"voltar", r"retour", r"zurück", r"volver", r"indietro", r"terug",
    r"back to (?:top|the top|list|the list|overview|home|homepage|index|all (?:articles|posts|news|stories))", r"nach oben",
    r"zurück zu[rm]? (?:übersicht|liste|startseite|artikelübersicht|newsübersicht|blog|suche|seite|suchergebnissen)",
    r"retour (?:à|a) la liste", r"volver al? (?:listado|inicio|lista)", r"next", r"weiter", r"suivant", r"siguiente",
    r"m[áa]s sobre .{1,40}", r"mehr themen:?",
    r"neueste (?:beiträge|artikel)", r"meist gesucht:?", r"rezept drucken", r"hinterlasse (?:eine antwort|einen kommentar)",
    r"jetzt registrieren", r"empfohlener redaktioneller inhalt", r"quellen (?:ausblenden|einblenden|anzeigen)",
    r"advertising disclosure", r"affiliate disclosure",
    r"(?:(?:share|facebook|twitter|x|google\+?|whatsapp|linkedin|pinterest|e-?mail|print|reddit|tumblr|telegram|messenger|instagram|youtube|vk|sms|flipboard|pocket|copy link)(?:[\s|•·,/]+|$)){2,}",
    r"we recommend", r"like this (?:article|story|post)\??", r"continue reading (?:below|the (?:article|story))",
    r"\d+ (?:responses?|comments?|replies|thoughts|reactions) (?:to|on) .{1,200}", r"did you (?:like|enjoy) this (?:article|story|post)\??",
    r"no,? thanks", r"non merci", r"nein,? danke", r"no,? gracias", r"learn more", r"en savoir plus",
    r"top (?:stories|news|articles)", r"recommended (?:articles|stories|reading|videos?)", r"editor'?s picks",
    r"don'?t miss", r"ne manquez pas", r"more (?:in|from|on) .{1,40}", r"mehr (?:aus|von|zu) .{1,30}",
    r"give feedback", r"survey", r"show (?:more|less|comments)", r"load more(?: comments)?", r"see more",
    r"\d+\s*(?:of|/|de|von|di|sur)\s*\d+", r"\d+of\d+.*",
    // more languages: read also / related, comments, share, advertisement, home, search, most read
    r"читайте также", r"смотрите также", r"по теме", r"комментарии", r"поделиться", r"реклама", r"главная",
    r"поиск", r"читайте також", r"коментарі", r"czytaj (?:także|też|również)", r"zobacz (?:także|też|również)",
    r"komentarze", r"udostępnij", r"strona główna", r"szukaj", r"najczęściej czytane", r"polecamy",
    r"čtěte (?:také|též)", r"přečtěte si (?:také|též)", r"komentáře", r"sdílet",
    r"läs (?:också|även|mer)", r"læs (?:også|mere)", r"les (?:også|mer)", r"kommentarer", r"annons", r"annonse", r"annonce",
    r"ilginizi çekebilir", r"ayrıca okuyun", r"devamını oku", r"ilgili haberler", r"yorumlar", r"paylaş", r"reklam", r"ana sayfa",
    r"baca (?:juga|selengkapnya)", r"berita terkait", r"komentar", r"bagikan", r"iklan", r"beranda", r"terpopuler",
    r"cite[șs]te (?:[șs]i|mai mult)", r"comentarii", r"distribuie", r"publicitate",
    r"διαβάστε (?:επίσης|ακόμη)", r"σχόλια", r"xem thêm", r"tin liên quan", r"bình luận",
    r"यह भी पढ़ें", r"टिप्पणियाँ", r"اقرأ أيضا[ًً]?", r"التعليقات", r"إعلان",
    r"関連記事", r"関連ニュース", r"コメント", r"広告", r"相关(?:新闻|阅读|文章)", r"相關(?:新聞|閱讀|文章)", r"评论", r"評論",
    r"分享", r"广告", r"廣告", r"首页", r"首頁", r"관련\s?기사", r"댓글", r"광고",
];

/// Chrome lines made of a run of at most so many characters between words, checked apart
/// from [`CHROME_LINES`] (where the run, a bounded repetition of a Unicode class like
/// `[\w ]{1,30}`, cost as much to compile as all the other lines together): the ASCII start
/// of every line the pattern matches (in any case), the pattern, whose one group is the run,
/// and the run's limit in characters. The group is the pattern's last repetition, so the
/// limit on what it takes decides: `more (?:great )?([\w'’ &]+) stories` with 30 is
/// `more (?:great )?[\w'’ &]{1,30} stories` (`More Great WIRED Stories`).
const CHROME_LINES_WITH_RUN: &[(&str, &str, usize)] = &[("more ", r"more (?:great )?([\w'’ &]+) stories", 30)];

/// Phrases that make a short line (at most [`SHORT_LINE_WORDS`] words) chrome wherever they
/// appear in it.
const CHROME_PHRASES: &[&str] = &[
    "all rights reserved", "tous droits réservés", "tous droits reserves", "alle rechte vorbehalten",
    "todos los derechos reservados", "tutti i diritti riservati", "todos os direitos reservados",
    "alle rechten voorbehouden", "copyright", "sign up for", "subscribe to", "inscrivez-vous",
    "abonnez-vous", "newsletter", "we use cookies", "nous utilisons des cookies", "wir verwenden cookies",
    "utilizamos cookies", "utilizziamo i cookie", "cookie policy", "privacy policy", "terms of service",
    "terms of use", "click here", "cliquez ici", "hier klicken", "haga clic aquí", "download the app",
    "follow us", "suivez-nous", "read more", "lire aussi", "à lire aussi", "mehr zum thema",
    "lesen sie auch", "lea también", "leggi anche", "leia também", "lees ook", "see also",
    "related articles", "related stories", "more stories", "more from", "recommended for you",
    "share on", "partager sur", "teilen auf", "compartir en",
    "crédit photo", "bildquelle", "getty images", "afp photo", "reuters/", "shutterstock",
    "advertisement", "publicité", "anzeige", "published in", "this article was", "cet article a été",
    "enable javascript", "activez javascript", "your browser", "votre navigateur",
    "stay up to date", "restez informé", "successfully subscribed", "succesfully subscribed",
    "activation link", "if you enjoyed this article", "si vous avez aimé cet article", "support our journalism",
    "become a member", "devenez membre", "unlimited access", "accès illimité", "already a subscriber",
    "déjà abonné", "bereits abonnent", "sign up to receive", "delivered to your inbox", "in your inbox",
    "photo:", "foto:", "photograph:", "(photo", "(foto", "crédit :", "crédits :", "bild:",
    "related topics", "more on this story", "around the web", "from around the web", "promoted stories",
    "sponsored stories", "you may also be interested", "vous aimerez aussi", "on the same topic",
    "все права защищены", "читайте также", "wszelkie prawa zastrzeżone", "czytaj także", "všechna práva vyhrazena",
    "alla rättigheter förbehållna", "alle rettigheder forbeholdes", "alle rettigheter reservert", "tüm hakları saklıdır",
    "hak cipta dilindungi", "baca juga", "toate drepturile rezervate", "με επιφύλαξη παντός δικαιώματος",
    "bản quyền thuộc về", "सर्वाधिकार सुरक्षित", "جميع الحقوق محفوظة", "無断転載", "版权所有", "版權所有", "무단전재", "무단 전재",
    // comment forms (blog platforms' stock sentences)
    "click an icon to log in", "klicke ein icon um dich einzuloggen", "cliquez sur une icône pour vous connecter",
    "haz clic en un icono para iniciar sesión", "you are commenting using your", "du kommentierst mit deinem",
    "notify me of new", "notify me of follow-up", "notify me of followup", "benachrichtige mich über",
    "möchte benachrichtigt werden", "avertissez-moi par", "prévenez-moi de", "notificarme", "avísame por",
];

/// Prefixes of teaser lines ("Read more: Another story"), chrome whatever their length.
const TEASER_PREFIXES: &[&str] = &[
    "read more:", "read more ", "read also:", "related:", "related post:", "related posts:", "related article:", "related story:", "also:", "see also ", "mehr:", "plus:", "más:", "see also:", "more:", "watch:", "listen:",
    "lire aussi :", "lire aussi:", "lire aussi", "à lire aussi", "a lire aussi", "à lire :", "voir aussi",
    "mehr zum thema", "lesen sie auch", "auch interessant", "leer más:", "lea también", "ver también",
    "vea también", "véase también", "lee también", "mira también", "mirá también", "lea más:", "lea:", "mira:",
    "auch lesen:", "das thema könnte dich auch interessieren", "leggi anche", "vedi anche", "leia também",
    "veja também", "leia mais", "lees ook", "lees meer", "see more:", "► ", "→ ", ">> ",
    "читайте также", "смотрите также", "читайте також", "czytaj także", "czytaj też", "zobacz także", "zobacz też",
    "čtěte také", "přečtěte si také", "läs också", "läs även", "læs også", "les også", "ayrıca okuyun",
    "ilginizi çekebilir", "baca juga", "citește și", "citeste si", "διαβάστε επίσης", "xem thêm:", "tin liên quan",
    "यह भी पढ़ें", "اقرأ أيضا", "関連記事", "相关新闻", "相关阅读", "相關新聞", "관련기사",
];

/// Lines that open what comes after an article (comments, related articles, tags, the author
/// box): the body does not go on past them. Case-insensitive, matched at the start of the line.
const END_MARKERS: &[&str] = &[
    r"\d+ (?:comments?|responses?|replies|thoughts|commentaires?|kommentare?|comentarios?|commenti|comentários?|reacties)\b",
    r"(?:top rated |recent |latest |reader |view |show |read )?comments?\b", r"commentaires?\b", r"kommentare?\b",
    r"comentarios?\b", r"comentários?\b", r"commenti\b", r"reacties\b", r"leave a (?:comment|reply)", r"post a comment",
    r"add a comment", r"join the (?:discussion|conversation)", r"comments are closed", r"laisser un commentaire",
    r"réagissez", r"deixe (?:um |seu |sua |suas )?(?:comentário|dúvidas|opini)", r"deja (?:un |tu )?comentario",
    r"lascia un commento", r"schreiben sie einen kommentar", r"what do you think\?", r"share your thoughts",
    r"about the author", r"à propos de l'auteur", r"sobre o autor", r"sobre el autor", r"über den autor",
    r"about this (?:statement|article|story|rating|post)\b", r"(?:more )?about (?:the )?(?:authors?|writers?|contributors?)\b",
    r"sources?\s*:?$", r"our sources\b", r"quellen\s*:?$",
    r"posted in\b", r"filed under\b", r"tags?\s*:", r"tagged\s*:?",
    r"categories\s*:", r"mots-clés", r"schlagworte", r"etiquetas\s*:",
    r"комментарии\b", r"коментарі\b", r"komentarze\b", r"komentáře\b", r"kommentarer\b", r"yorumlar\b",
    r"komentar\b", r"comentarii\b", r"σχόλια", r"bình luận", r"التعليقات", r"コメント", r"评论", r"評論", r"댓글",
];

static END_MARKER_SET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^(?:{})", END_MARKERS.join("|"))).expect("end marker patterns")
});

/// Words that head a box about someone (`About Jane Doe`, `Über Moritz Bachmann`).
const ABOUT_WORDS: &[&str] = &["about", "über", "sobre", "acerca de", "à propos de", "a propos de", "over", "om"];

/// Whether a short line opens what follows an article (see [`END_MARKERS`]): also the head of
/// a box about a person, `About` then two to three capitalised names (`About Jane Doe`).
pub fn end_marker(text: &str, words: usize) -> bool {
    if words > 12 {
        return false;
    }
    let t = text.trim_start_matches(|c: char| !crate::model::is_alphanumeric(c));
    END_MARKER_SET.is_match(t) || about_person(t)
}

fn about_person(t: &str) -> bool {
    let t = t.trim_end_matches([':', ' ']);
    let lower = t.to_lowercase();
    let Some(rest) = ABOUT_WORDS.iter().find_map(|w| lower.strip_prefix(w).filter(|r| r.starts_with(' ')).map(|r| &t[t.len() - r.len()..])) else {
        return false;
    };
    let names: Vec<&str> = rest.split_whitespace().collect();
    (2..=3).contains(&names.len())
        && names.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase) && cs.clone().next().is_some() && cs.all(|c| c.is_lowercase() || c == '-' || c == '\'' || c == '.')
        })
}

/// Phrases of photo captions and credits (lowercase): a block of at most [`CAPTION_WORDS`]
/// words holding one is a caption, not article text.
const CAPTION_MARKERS: &[&str] = &[
    "(ap photo", "ap photo/", "/ap photo", "(photo:", "(photo by", "(photo credit", "photo credit:", "file photo",
    "(pictured)", "pictured:", "reuters/", "/reuters", "getty images", "afp via getty", "afp/", "/afp", "epa/",
    "epa-efe", "shutterstock", "photographer:", "(l-r)", "(r-l)", ", left, ", ", right, ", ", center, ",
    "(left)", "(right)", "in this file photo", "in this photo", "in this image", "this photo taken",
    "(courtesy", "courtesy of", "image copyright", "image caption", "media caption", "crédit photo", "(photo d'illustration",
    "image credit", "photo credit", "credit:", "[file:", "(file:", "(image:", "(photo)", "(foto:", "foto:", "(bild:", "bildquelle", "(imagen:", "(crédito", "foto di", "fonte:",
    "©", "submitted photo", "photo courtesy", "photo by ", "фото:", "личный архив", "источник фото", "写真：", "사진=",
];

/// Phrases of site notices (cookie banners and consent panels, "you have reached your limit",
/// newsletter boxes, blog templates' post meta): a block of at most [`NOTICE_WORDS`] words
/// holding one is a notice, whatever its length.
const NOTICE_PHRASES: &[&str] = &[
    "uses cookies", "use cookies", "we use cookies", "necessary cookies", "cookies are", "accept cookies",
    "cookie settings", "cookie preferences", "consent to the use", "your consent", "opt-out of these cookies",
    "utilise des cookies", "utilisons des cookies", "utilisation des cookies", "verwendet cookies", "verwenden cookies",
    "utiliza cookies", "utilizamos cookies", "utilizza cookie", "utilizziamo i cookie", "gebruikt cookies",
    "wir nutzen cookies", "nutzt cookies", "technologies like cookies", "technologien wie cookies",
    "technologies telles que les cookies", "tecnologías como las cookies", "technical storage or access",
    "technische speicherung oder der zugang", "technische speicherung oder der zugriff", "stockage ou l'accès technique",
    "stockage ou l’accès technique", "almacenamiento o acceso técnico", "the cookie is used to", "cookie is set by",
    "gdpr cookie consent", "utilisent des cookies", "cookies et autres traceurs", "des cookies sont déposés",
    "strictly necessary cookies", "cookies strictement nécessaires", "unbedingt erforderliche cookies",
    "cookies estrictamente necesarias", "cookie strettamente necessari",
    // blog templates' post meta ("This entry was posted in … Bookmark the permalink.")
    "this entry was posted", "bookmark the permalink", "you can follow any responses to this entry",
    "lesezeichen auf den permalink", "lesezeichen für den permalink", "der beitrag wurde am",
    // paywalls
    "you have reached your", "free articles remaining", "subscribe to continue reading", "to continue reading",
    "already a subscriber", "this content is for subscribers", "réservé aux abonnés", "nur für abonnenten",
    // affiliate disclosures
    "may receive a small commission", "we may earn a commission", "may earn an affiliate commission",
    "we may earn a small commission", "contains affiliate links", "may contain affiliate links",
    // newsletter and promotion boxes
    "unsubscribe at any time", "you can unsubscribe", "never share your details", "no spam, we promise",
    "our sister title", "our sister publication", "visit our corporate site", "by clicking here",
    "désinscrire à tout moment", "jederzeit abbestellen", "darte de baja en cualquier momento",
];

/// The phrase lists the block rules search for, in [`PHRASE_FINDER`] order.
const PHRASE_LISTS: [&[&str]; 4] = [CHROME_PHRASES, CAPTION_MARKERS, NOTICE_PHRASES, COPYRIGHT_MARKS];
const CHROME_LIST: usize = 0;
const CAPTION_LIST: usize = 1;
const NOTICE_LIST: usize = 2;
const COPYRIGHT_LIST: usize = 3;

/// What a copyright line has (lowercase), one of which [`COPYRIGHT`] needs.
const COPYRIGHT_MARKS: &[&str] = &["©", "(c)", "&copy;", "copyright"];

/// One automaton for all the phrase lists, so that a block is searched once for the three
/// rules: an Aho-Corasick automaton made a DFA over the bytes the phrases use (a state and a
/// byte give the next state in one step; no prefilter: the phrases start with common letters),
/// with each distinct phrase, the lists it is in and its place in each.
struct PhraseFinder {
    /// Each byte's class: its column in a state's row, 0 for the bytes no phrase has.
    classes: [u8; 256],
    /// The transitions, a row of [`Self::stride`] per state: a state is the index of its row,
    /// and the states where phrases end come last (from [`Self::first_match`] on). Padded
    /// with zeros to a power of two, so that an index masked to it needs no bounds check.
    trans: Vec<u32>,
    stride: usize,
    first_match: usize,
    /// The phrases ending at each match state (in state order): `ends[k]..ends[k + 1]` of
    /// `ending` for the `k`-th match state.
    ends: Vec<u32>,
    ending: Vec<u32>,
    /// Each phrase's length in bytes.
    lens: Vec<usize>,
    places: Vec<Places>,
}

static PHRASE_FINDER: LazyLock<PhraseFinder> = LazyLock::new(|| {
    let mut phrases: Vec<&str> = Vec::new();
    let mut places: Vec<Places> = Vec::new();
    for (list, list_phrases) in PHRASE_LISTS.iter().enumerate() {
        for (i, p) in list_phrases.iter().enumerate() {
            let at = phrases.iter().position(|q| q == p).unwrap_or_else(|| {
                phrases.push(p);
                places.push([NOT_LISTED; PHRASE_LISTS.len()]);
                phrases.len() - 1
            });
            // (the first place if a list has a phrase twice, as its alternation would)
            if places[at][list] == NOT_LISTED {
                places[at][list] = u16::try_from(i).expect("fewer phrases in a list than u16::MAX");
            }
        }
    }
    PhraseFinder::new(&phrases, places)
});

impl PhraseFinder {
    fn new(phrases: &[&str], places: Vec<Places>) -> Self {
        const NONE: u32 = u32::MAX;
        let mut used = [false; 256];
        for &b in phrases.iter().flat_map(|p| p.as_bytes()) {
            used[usize::from(b)] = true;
        }
        let mut classes = [0u8; 256];
        let mut stride = 1;
        for b in (0..256).filter(|&b| used[b]) {
            classes[b] = u8::try_from(stride).expect("at most 255 bytes in phrases");
            stride += 1;
        }
        // the trie: a row of children per node, the root first
        let mut goto: Vec<u32> = vec![NONE; stride];
        let mut own: Vec<Vec<u32>> = vec![Vec::new()];
        for (id, p) in phrases.iter().enumerate() {
            let mut node = 0;
            for &b in p.as_bytes() {
                let at = node * stride + usize::from(classes[usize::from(b)]);
                if goto[at] == NONE {
                    goto[at] = own.len() as u32;
                    goto.extend(std::iter::repeat_n(NONE, stride));
                    own.push(Vec::new());
                }
                node = goto[at] as usize;
            }
            own[node].push(id as u32);
        }
        // failure links, breadth first, filling in the missing transitions as the DFA's (a
        // node's failure is shallower, so complete when the node is reached); a node's phrases
        // are its own and its failure's
        let nodes = own.len();
        let mut fail = vec![0usize; nodes];
        let mut queue = std::collections::VecDeque::new();
        for next in &mut goto[..stride] {
            match *next {
                NONE => *next = 0,
                child => queue.push_back(child as usize),
            }
        }
        while let Some(u) = queue.pop_front() {
            let inherited = own[fail[u]].clone();
            own[u].extend(inherited);
            for c in 0..stride {
                let fallback = goto[fail[u] * stride + c];
                match goto[u * stride + c] {
                    NONE => goto[u * stride + c] = fallback,
                    child => {
                        fail[child as usize] = fallback as usize;
                        queue.push_back(child as usize);
                    }
                }
            }
        }
        // number the states so that the match states come last (the root, without phrases, stays 0)
        let mut order: Vec<usize> = (0..nodes).filter(|&u| own[u].is_empty()).collect();
        let first_match = order.len() * stride;
        order.extend((0..nodes).filter(|&u| !own[u].is_empty()));
        let mut row = vec![0u32; nodes];
        for (k, &u) in order.iter().enumerate() {
            row[u] = (k * stride) as u32;
        }
        let mut trans: Vec<u32> = order.iter().flat_map(|&u| goto[u * stride..(u + 1) * stride].iter().map(|&v| row[v as usize])).collect();
        trans.resize(trans.len().next_power_of_two(), 0);
        let (mut ends, mut ending) = (vec![0u32], Vec::new());
        for &u in &order[first_match / stride..] {
            ending.extend(&own[u]);
            ends.push(ending.len() as u32);
        }
        let lens = phrases.iter().map(|p| p.len()).collect();
        PhraseFinder { classes, trans, stride, first_match, ends, ending, lens, places }
    }

    /// Every occurrence of every phrase in `text`, in the order they end: `visit(start, end,
    /// phrase)`.
    fn for_each(&self, text: &[u8], mut visit: impl FnMut(usize, usize, usize)) {
        let (mut s, mut i) = (0, 0);
        while let Some((end, state)) = self.run(text, i, s) {
            let k = (state - self.first_match) / self.stride;
            for &p in &self.ending[self.ends[k] as usize..self.ends[k + 1] as usize] {
                let p = p as usize;
                visit(end - self.lens[p], end, p);
            }
            (i, s) = (end, state);
        }
    }

    /// Every occurrence of every phrase in `text`: start, end and phrase.
    #[cfg(test)]
    fn find_all(&self, text: &[u8]) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        self.for_each(text, |start, end, p| found.push((start, end, p)));
        found
    }

    /// From state `s` at byte `i` of `text`, to the next byte where phrases end: the end of
    /// that byte and the state there.
    // (a function of its own: the loop then keeps everything in registers)
    #[inline(never)]
    fn run(&self, text: &[u8], i: usize, mut s: usize) -> Option<(usize, usize)> {
        // (every state plus a class is below the table's length, a power of two: the mask
        // changes no index, and lets the compiler drop the bounds check)
        let mask = self.trans.len() - 1;
        let (trans, classes, first_match) = (&self.trans[..=mask], &self.classes, self.first_match);
        let mut step = |b: u8| {
            s = trans[(s + usize::from(classes[usize::from(b)])) & mask] as usize;
            s >= first_match
        };
        // (two bytes a step: half the loop's tests)
        let rest = text.get(i..)?;
        let mut pairs = rest.chunks_exact(2);
        let mut at = i;
        for pair in &mut pairs {
            if step(pair[0]) {
                return Some((at + 1, s));
            }
            if step(pair[1]) {
                return Some((at + 2, s));
            }
            at += 2;
        }
        match pairs.remainder() {
            &[b] if step(b) => Some((at + 1, s)),
            _ => None,
        }
    }
}

/// For each phrase of [`PHRASE_FINDER`], its place in each list of [`PHRASE_LISTS`]
/// ([`NOT_LISTED`] where it is not in the list).
type Places = [u16; PHRASE_LISTS.len()];
const NOT_LISTED: u16 = u16::MAX;

/// A phrase found: start, place in its list, end (ordered as the lists' alternations choose:
/// the leftmost, then the first listed).
type Found = (u32, u16, u32);

/// The phrases of [`PHRASE_LISTS`] in a lowercased block, searched for once when first asked:
/// of each list the first occurrence in the block, and the first within the block without the
/// white space at its ends.
struct Phrases<'a> {
    lower: &'a str,
    first: std::cell::OnceCell<[[Option<Found>; PHRASE_LISTS.len()]; 2]>,
}

impl<'a> Phrases<'a> {
    fn new(lower: &'a str) -> Self {
        Phrases { lower, first: std::cell::OnceCell::new() }
    }

    fn search(&self) -> [[Option<Found>; PHRASE_LISTS.len()]; 2] {
        let mut first = [[None; PHRASE_LISTS.len()]; 2];
        let lower = self.lower;
        // (the block without the white space at its ends, once a phrase is found)
        let mut trimmed = None;
        PHRASE_FINDER.for_each(lower.as_bytes(), |start, end, p| {
            let &mut (from, to) = trimmed.get_or_insert_with(|| {
                let from = lower.len() - lower.trim_start().len();
                (from, from + lower.trim().len())
            });
            for (list, &place) in PHRASE_FINDER.places[p].iter().enumerate() {
                if place == NOT_LISTED {
                    continue;
                }
                let found = Some((start as u32, place, end as u32));
                let keep = |best: &mut Option<Found>| {
                    if best.is_none_or(|b| found < Some(b)) {
                        *best = found;
                    }
                };
                keep(&mut first[0][list]);
                if start >= from && end <= to {
                    keep(&mut first[1][list]);
                }
            }
        });
        first
    }

    /// The first phrase of a list in `lower` (or in `lower` trimmed), as the list's regex
    /// alternation would find it: the leftmost, and of phrases starting there the first listed.
    /// Its range and its place in the list.
    fn first(&self, list: usize, trimmed: bool) -> Option<(std::ops::Range<usize>, usize)> {
        let first = self.first.get_or_init(|| self.search());
        first[usize::from(trimmed)][list].map(|(s, i, e)| (s as usize..e as usize, usize::from(i)))
    }
}

/// A block with a notice phrase is a notice up to this many words.
pub const NOTICE_WORDS: usize = 150;

/// Why a block is a site notice (consent, paywall, newsletter box, a blog template's post meta), if it is one.
/// `lower` is the block's text lowercased.
pub fn notice_rule(lower: &str, words: usize) -> Option<String> {
    notice_rule_in(&Phrases::new(lower), words)
}

fn notice_rule_in(phrases: &Phrases, words: usize) -> Option<String> {
    if words > NOTICE_WORDS {
        return None;
    }
    let lower = phrases.lower;
    phrases.first(NOTICE_LIST, false).map(|(r, _)| format!("site notice: consent, paywall, newsletter or post template (has {:?})", &lower[r]))
}

/// Why a block is page chrome, a caption or a notice: [`chrome_rule_lower`], then
/// [`caption_rule`], then [`notice_rule`], with the phrase lists searched once.
/// `lower` is `text` lowercased.
// (not inlined into the caller: it is profiled as a whole)
#[inline(never)]
pub fn block_rule(text: &str, lower: &str, words: usize) -> Option<String> {
    let phrases = Phrases::new(lower);
    chrome_rule_in(text, &phrases, words)
        .or_else(|| caption_rule_in(text, &phrases, words))
        .or_else(|| notice_rule_in(&phrases, words))
}

/// Agencies and picture desks whose name ends a photo credit.
const PHOTO_AGENCIES: &[&str] = &[
    "AP", "AFP", "Reuters", "REUTERS", "Getty", "Getty Images", "EPA", "Bloomberg", "Shutterstock", "Alamy", "PA", "ANP",
    "dpa", "DPA", "Xinhua", "NASA", "ESA", "SIPA", "Sipa", "Imago", "IMAGO", "Keystone", "ANSA", "EFE", "Zuma", "ZUMA",
    "Polaris", "Corbis",
];

/// Words that may follow an agency's name in a credit (`AP Photo`, `AFP via Getty Images`).
const CREDIT_SUFFIXES: &[&str] = &["photo", "image", "images", "via getty images"];

/// Shapes of captions: a credit at the end (`… Jaafar ASHTIYEH / AFP`, `(Manu Fernandez/AP)`,
/// `(Source: NASA)`), or the wire-caption dateline `Tuesday, Nov. 19, 2019` (weekday, date and
/// year, which article text rarely spells out in full).
static CAPTION_CREDIT_END: LazyLock<Regex> = LazyLock::new(|| {
    let agencies = PHOTO_AGENCIES.join("|");
    let suffixes = CREDIT_SUFFIXES.join("|");
    Regex::new(&format!(
        r"(?:(?:/\s*|\(\s*|(?-u:\b)(?i:photo|image|picture|credit|source|foto|bild|crédit)s?\s*:\s*)(?:{agencies})(?:\s+(?:{suffixes}))?\s*\)?\.?\s*$)|(?i:\((?:photo|image|picture|source|credit|foto|bild|crédit|fonte|fuente)s?\s*:\s*[^()]{{1,60}}\)\.?\s*$)"
    ))
    .expect("caption credit")
});
static WIRE_CAPTION_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, (?:19|20)\d{2}(?-u:\b)")
        .expect("wire caption date")
});

/// Whether `text` ends with a picture credit ([`CAPTION_CREDIT_END`]); credits end the caption,
/// so only the end of the block is searched.
fn ends_with_credit(text: &str) -> bool {
    let end = tail(text.trim_end(), 120);
    may_end_with_credit(end) && CAPTION_CREDIT_END.is_match(end)
}

/// Whether a block's end (without trailing spaces) may match [`CAPTION_CREDIT_END`]: past a
/// final `.`, it closes a parenthesis or ends with the last word of a credit (an agency's name
/// or a word that follows it).
fn may_end_with_credit(end: &str) -> bool {
    static LAST_WORDS: LazyLock<rustc_hash::FxHashSet<&'static [u8]>> = LazyLock::new(|| last_credit_words().map(str::as_bytes).collect());
    // (the lengths of the last words by their first byte: most words ending a block are
    // answered without hashing)
    static LENGTHS_BY_FIRST: LazyLock<[u32; 256]> = LazyLock::new(|| {
        let mut t = [0u32; 256];
        for w in last_credit_words() {
            t[usize::from(w.as_bytes()[0])] |= 1 << w.len();
        }
        t
    });
    let mut s = end.strip_suffix('.').unwrap_or(end);
    if let Some(inner) = s.strip_suffix(')') {
        // `(Source: NASA)`: a colon in the last parenthesis
        if inner.rfind(['(', ')']).is_some_and(|i| inner.as_bytes()[i] == b'(' && inner[i..].contains(':')) {
            return true;
        }
        // `(Jane Doe/AP)`: an agency before it
        s = inner;
    }
    let s = s.trim_end().as_bytes();
    let letters = s.iter().rev().take_while(|b| b.is_ascii_alphabetic()).count();
    letters > 0
        && letters < 32
        && LENGTHS_BY_FIRST[usize::from(s[s.len() - letters])] & (1 << letters) != 0
        && LAST_WORDS.contains(&s[s.len() - letters..])
}

/// The last words of the credits [`CAPTION_CREDIT_END`] matches: each agency's, and each
/// suffix's.
fn last_credit_words() -> impl Iterator<Item = &'static str> {
    PHOTO_AGENCIES.iter().chain(CREDIT_SUFFIXES).filter_map(|a| a.split(' ').next_back())
}

/// Whether `text` has `, 19` or `, 20` (a year after a date), which [`WIRE_CAPTION_DATE`] needs.
fn has_comma_year(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(b',', b).any(|i| b[i + 1..].starts_with(b" 19") || b[i + 1..].starts_with(b" 20"))
}

/// The last `n` bytes of `s` (or all of it), cut at a character boundary.
fn tail(s: &str, n: usize) -> &str {
    let mut i = s.len().saturating_sub(n);
    while !s.is_char_boundary(i) {
        i += 1;
    }
    &s[i..]
}

/// A block with a caption marker is a caption up to this many words.
pub const CAPTION_WORDS: usize = 70;

/// A block that ends with a picture credit is a caption up to this many words.
pub const LONG_CAPTION_WORDS: usize = 150;

/// A line that is only a bracketed label: an image rendered as its alt text (`[photo]`,
/// `[1203947_1]`) or a media placeholder.
/// The pattern `^\[[^\[\]]{0,60}\]$` checked by hand.
fn is_image_placeholder(t: &str) -> bool {
    t.len() >= 2
        && t.starts_with('[')
        && t.ends_with(']')
        && !t[1..t.len() - 1].contains(['[', ']'])
        && t[1..t.len() - 1].chars().count() <= 60
}

/// A gallery's counter (`Image 2 of 5`): the pictures sit inside the article.
static GALLERY_COUNTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:image|photo|picture|slide|foto|bild|imagen) \d+ (?:of|de|von|di|sur|/) \d+$").unwrap());

/// An image shown as its bare file name (`dp3_1_en`, `IMG_2041`): one token with an underscore,
/// that is word characters, dots and hyphens only, with an underscore between two word
/// characters that are not underscores (the pattern `^[\w.-]*[^\W_]_[^\W_][\w.-]*$` checked by
/// hand).
fn is_file_name(t: &str) -> bool {
    t.chars().all(|c| c == '.' || c == '-' || is_word_char(c))
        && memchr::memchr_iter(b'_', t.as_bytes()).any(|i| {
            let glued = |c: Option<char>| c.is_some_and(|c| c != '_' && is_word_char(c));
            glued(t[..i].chars().next_back()) && glued(t[i + 1..].chars().next())
        })
}

/// The reason given for an image placeholder (`[photo]`, `[1203947_1]`).
pub const IMAGE_PLACEHOLDER_REASON: &str = "photo caption or image placeholder (a bracketed label alone)";

/// Why a block is a photo caption or credit, if it is one.
/// `lower` is `text` lowercased.
pub fn caption_rule(text: &str, lower: &str, words: usize) -> Option<String> {
    caption_rule_in(text, &Phrases::new(lower), words)
}

fn caption_rule_in(text: &str, phrases: &Phrases, words: usize) -> Option<String> {
    if words > CAPTION_WORDS {
        // a long caption still ends with its credit (`… Credit: ESA`)
        return (words <= LONG_CAPTION_WORDS && ends_with_credit(text))
            .then(|| "photo caption or credit (ends with a picture credit)".to_string());
    }
    let t = trim(text);
    // (the patterns below want a final digit, brackets at both ends, an underscore)
    let last = t.as_bytes().last().copied().unwrap_or_default();
    if words <= 6 && (last.is_ascii_digit() || last >= 0x80) && GALLERY_COUNTER.is_match(t) {
        return Some("photo caption: a gallery's picture counter".into());
    }
    // (a file name is one token however many words its hyphens make)
    if (words <= 6 || !t.contains(' '))
        && ((t.starts_with('[') && t.ends_with(']') && is_image_placeholder(t))
            || (memchr::memchr(b'_', t.as_bytes()).is_some() && is_file_name(t)))
    {
        return Some(IMAGE_PLACEHOLDER_REASON.into());
    }
    let lower = phrases.lower;
    if let Some((r, _)) = phrases.first(CAPTION_LIST, false) {
        return Some(format!("photo caption or credit (has {:?})", lower[r].trim()));
    }
    if ends_with_credit(text) {
        return Some("photo caption or credit (ends with a picture credit)".into());
    }
    if words <= CAPTION_WORDS / 2 + 10 && has_comma_year(text) && WIRE_CAPTION_DATE.is_match(text) {
        return Some("photo caption (wire-caption date: weekday, date and year)".into());
    }
    None
}

/// Words that begin with a capital inside a name (`McDonald`, `MacBook`, `DeSantis`): no glue there.
const NAME_PREFIXES: &[&str] = &["Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "O'", "O’"];

/// Words of a line searched for a glued headline's seam.
const GLUED_HEADLINE_TOKENS: usize = 25;

/// Words before a seam needed for a Title-Case headline ([`glued_headline`]).
const GLUED_TITLE_WORDS: usize = 3;

/// Words a Title-Case headline leaves in lowercase although they have four letters or more
/// (prepositions and conjunctions of English house styles).
const TITLE_CASE_MINOR_WORDS: &[&str] = &["with", "from", "into", "onto", "over", "upon", "than", "that", "amid", "near", "past", "like"];

/// A teaser whose headline is glued to its snippet by the renderer (`Tape Gaffe Ends Hamlin's
/// Title RunDenny Hamlin's championship run was…`): a Title-Case run of words, then a word
/// with a lowercase-to-uppercase seam. Not a seam: a name written with an inner capital that
/// the block spells twice (`EnergieEffizienz`), punctuation after a capital (`FRITZ!Box`,
/// `D.O.Ca.`). Not Title Case: fewer than three words, or a lowercase word of four letters or
/// more that is no [`TITLE_CASE_MINOR_WORDS`] (a German sentence capitalises its nouns, and its
/// first words may look like a title: `Das Marktforschungsunternehmen YouGov …`).
pub fn glued_headline(text: &str) -> bool {
    // (a seam in a longer snippet is not looked for)
    if !may_have_seam(text) {
        return false;
    }
    let mut words = 0usize;
    let mut capital = 0usize;
    for tok in text.split_whitespace().take(GLUED_HEADLINE_TOKENS) {
        let mut it = tok.char_indices();
        let first = it.next().map_or(' ', |(_, c)| c);
        // (a hashtag or a handle in CamelCase, `#HealthyHydration`, is one word)
        if matches!(first, '#' | '@') {
            it = "".char_indices();
        }
        // seams: a lowercase letter (or ?!.’') then an uppercase then a lowercase letter
        let (mut before, mut a, mut b) = (' ', first, it.next());
        let mut k = 1;
        while let Some((ib, cb)) = b {
            let next = it.next();
            k += 1;
            let punctuation = matches!(a, '?' | '!' | '’' | '\'' | '.' | ')');
            if k >= 3
                && (a.is_lowercase() || (punctuation && !before.is_uppercase()))
                && cb.is_uppercase()
                && next.is_some_and(|(_, c)| c.is_lowercase())
            {
                let head = &tok[..ib];
                if !(first.is_lowercase() || NAME_PREFIXES.contains(&head)) {
                    let name = tok.trim_matches(|c: char| !c.is_alphanumeric());
                    if text.matches(name).nth(1).is_some() {
                        return false;
                    }
                    let long = words.max(1);
                    let lowercase_long = || {
                        text.split_whitespace().take(words).any(|w| {
                            let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
                            w.starts_with(char::is_lowercase) && w.chars().count() >= 4 && !TITLE_CASE_MINOR_WORDS.contains(&w)
                        })
                    };
                    let title_case = words >= GLUED_TITLE_WORDS && capital * 10 >= long * 7 && !lowercase_long();
                    // the headline before the seam is Title Case or a question, and a snippet
                    // follows it (a brand name in a title has no sentence after it)
                    return words >= 2 && text.split_whitespace().count() >= words + 8 && (title_case || matches!(a, '?' | '!'));
                }
            }
            before = a;
            a = cb;
            b = next;
        }
        words += 1;
        if first.is_uppercase() || first.is_numeric() || tok.chars().count() <= 3 {
            capital += 1;
        }
    }
    false
}

/// Whether `text` may hold the seam [`glued_headline`] looks for in its first
/// [`GLUED_HEADLINE_TOKENS`] words: an uppercase letter after a lowercase one (or `?!.)'’`)
/// and before a lowercase one. A byte scan that lets through every seam (anything beyond
/// ASCII is decoded or let through; words are counted at ASCII spaces only, never more than
/// there are).
fn may_have_seam(text: &str) -> bool {
    let b = text.as_bytes();
    // the character before byte `j` and the one from byte `j`: a seam's first and last
    let before = |j: usize| match b[j - 1] {
        p if p < 0x80 => p.is_ascii_lowercase() || matches!(p, b'?' | b'!' | b'\'' | b'.' | b')'),
        _ => text[..j].chars().next_back().is_some_and(|c| c.is_lowercase() || c == '’'),
    };
    let after = |j: usize| match b.get(j) {
        Some(&n) if n < 0x80 => n.is_ascii_lowercase(),
        Some(_) => text[j..].chars().next().is_some_and(char::is_lowercase),
        None => false,
    };
    // bytes by what they may be: 1 ASCII white space, 2 an ASCII capital, 3 the first byte of
    // a character beyond ASCII, 0 anything else
    static KIND: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            let c = b as u8;
            t[b] = if is_ascii_space(c) {
                1
            } else if c.is_ascii_uppercase() {
                2
            } else if c >= 0xC0 {
                3
            } else {
                0
            };
            b += 1;
        }
        t
    };
    let mut words = 1;
    for j in 1..b.len() {
        let kind = KIND[usize::from(b[j])];
        if kind == 0 {
            continue;
        }
        if kind == 1 {
            if !is_ascii_space(b[j - 1]) {
                words += 1;
                if words > GLUED_HEADLINE_TOKENS {
                    return false;
                }
            }
        } else if kind == 2 {
            if before(j) && after(j + 1) && seam_word_may_count(b, j) {
                return true;
            }
        } else if before(j) {
            let ch = text[j..].chars().next().unwrap_or_default();
            if ch.is_uppercase() && after(j + ch.len_utf8()) {
                return true;
            }
        }
    }
    false
}

/// ASCII white space as [`char::is_whitespace`] has it (`\x0b` included).
const fn is_ascii_space(c: u8) -> bool {
    c.is_ascii_whitespace() || c == 0x0B
}

/// Whether the word of a seam whose capital is at byte `j` may count as glued (see
/// [`glued_headline`]): at least two characters before the capital, the first not lowercase,
/// not a name's prefix (`McDonald`). Known only for a word all ASCII up to there.
fn seam_word_may_count(b: &[u8], j: usize) -> bool {
    let start = b[..j].iter().rposition(|&c| is_ascii_space(c)).map_or(0, |i| i + 1);
    let head = &b[start..j];
    if !head.is_ascii() {
        return true;
    }
    head.len() >= 2 && !head[0].is_ascii_lowercase() && !NAME_PREFIXES.iter().any(|p| p.as_bytes() == head)
}

/// A clock time and a year on one line (`10:48, Tue, Nov 19, 2019`, `2019-11-19 10:48`): a
/// timestamp, whatever the date format.
static TIMESTAMP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:(?-u:\b)\d{1,2}[:h.]\d{2}(?-u:\b).*(?-u:\b)(?:19|20)\d{2}(?-u:\b))|(?:(?-u:\b)(?:19|20)\d{2}(?-u:\b).*(?-u:\b)\d{1,2}[:h]\d{2}(?-u:\b))").unwrap());

/// Whether a line carries a timestamp (clock time and year).
pub fn has_timestamp(text: &str) -> bool {
    TIMESTAMP.is_match(text)
}

/// Function words of the languages the cleaner sees most. Prose and in-body fragments are full of
/// them; navigation labels, names and headline-style menus have few. Lowercase, one per entry.
const STOP_WORDS: &[&str] = &[
    // English
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "from", "by", "as",
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "this", "that", "these",
    "those", "he", "she", "they", "we", "you", "his", "her", "their", "our", "not", "will", "would", "can",
    "could", "said", "says", "which", "who", "what", "when", "if", "than", "into", "about", "after", "also",
    // French
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "ou", "en", "au", "aux", "dans", "pour",
    "par", "sur", "avec", "est", "sont", "a", "ont", "qui", "que", "qu", "ce", "cette", "il", "elle", "ils",
    "ne", "pas", "se", "s", "son", "sa", "ses", "leur", "plus", "été", "être",
    // German
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "und", "oder", "ist", "sind", "war",
    "nicht", "mit", "von", "zu", "im", "auf", "für", "dass", "sich", "es", "auch", "als", "bei", "nach",
    "wird", "werden", "hat", "haben", "sie", "er", "wir",
    // Spanish, Portuguese, Italian
    "el", "los", "las", "y", "o", "del", "al", "con", "por", "para", "es", "son", "que", "se", "no", "lo",
    "una", "su", "sus", "como", "pero", "más", "fue", "ha", "os", "as", "um", "uma", "do", "da", "dos", "das",
    "em", "na", "no", "nos", "não", "foi", "il", "lo", "gli", "di", "che", "è", "nel", "della", "per", "sono",
    "non", "ma", "anche", "dal", "alla",
    // Dutch
    "het", "een", "en", "van", "op", "voor", "met", "dat", "niet", "zijn", "werd", "ook", "aan", "om", "bij",
    // Russian, Ukrainian
    "и", "в", "во", "не", "на", "что", "с", "со", "по", "это", "как", "он", "она", "они", "к", "из", "за", "от",
    "для", "о", "об", "до", "но", "а", "же", "то", "его", "её", "их", "был", "была", "были", "будет", "при",
    "також", "що", "та", "як",
    // Polish, Czech
    "się", "nie", "do", "że", "jest", "jak", "od", "za", "dla", "przez", "są", "był", "była", "ale", "czy",
    "oraz", "je", "že", "ve", "jako", "pro", "jsou", "byl", "byla",
    // Swedish, Danish, Norwegian
    "och", "att", "det", "som", "är", "av", "för", "till", "den", "inte", "ett", "og", "er", "til", "af", "ikke",
    "har", "med",
    // Turkish
    "ve", "bir", "bu", "için", "ile", "çok", "daha", "olarak", "olan", "gibi", "ama",
    // Indonesian, Malay
    // ("dan" and "ada" are left out: they are English first names)
    "yang", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam", "tidak", "akan", "ke", "pada",
    "juga", "adalah", "oleh", "atau",
    // Romanian
    "și", "în", "cu", "pe", "nu", "din", "mai", "că", "este", "sunt", "pentru", "fost",
];

static STOP_SET: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| STOP_WORDS.iter().copied().collect());

/// The ASCII function words as [`ascii_key`]s, in an open-addressing table (linear probing
/// from [`stop_slot`], 0 for an empty slot), built at compile time: the common case is looked
/// up without building a string.
static ASCII_STOP_KEYS: [u64; STOP_SLOTS] = {
    let mut table = [0u64; STOP_SLOTS];
    let mut w = 0;
    while w < STOP_WORDS.len() {
        let word = STOP_WORDS[w].as_bytes();
        if word.is_ascii() {
            let key = ascii_key(word);
            let mut i = stop_slot(key);
            while table[i] != 0 && table[i] != key {
                i = (i + 1) % STOP_SLOTS;
            }
            table[i] = key;
        }
        w += 1;
    }
    table
};

/// Slots of [`ASCII_STOP_KEYS`] (a power of two, some four times the words).
const STOP_SLOTS: usize = 1024;

const fn stop_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) as usize % STOP_SLOTS
}

/// Whether an ASCII word's key ([`ascii_key`], not 0) is a function word's.
fn is_ascii_stop(key: u64) -> bool {
    let mut i = stop_slot(key);
    loop {
        match ASCII_STOP_KEYS[i] {
            0 => return false,
            k if k == key => return true,
            _ => i = (i + 1) % STOP_SLOTS,
        }
    }
}

/// An ASCII word of at most 8 bytes, lowercased and packed into an integer.
const fn ascii_key(word: &[u8]) -> u64 {
    let mut key = 0;
    let mut i = 0;
    while i < word.len() {
        key = (key << 8) | word[i].to_ascii_lowercase() as u64;
        i += 1;
    }
    key
}

/// Number of function words among the words of `text` (words are alphanumeric runs, compared
/// lowercased; longer than 6 bytes, none is a function word).
pub fn stop_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while let Some(&first) = bytes.get(i) {
        match BYTE_CLASS[usize::from(first)] {
            ASCII_OTHER => i += 1,
            NOT_ASCII => {
                let stop;
                (i, stop) = word_beyond_ascii(text, i, i, 0);
                n += usize::from(stop);
            }
            _ => {
                // the ASCII letters and digits of a word, keyed (lowercased) as they come; the
                // key is used for a word all ASCII of at most 6 bytes
                let (start, mut key) = (i, 0u64);
                while let Some(&b) = bytes.get(i).filter(|&&b| BYTE_CLASS[usize::from(b)] == ASCII_ALNUM) {
                    // (`| 0x20` lowercases a letter and keeps a digit)
                    key = (key << 8) | u64::from(b | 0x20);
                    i += 1;
                }
                if bytes.get(i).is_some_and(|&b| b >= 0x80) {
                    let stop;
                    (i, stop) = word_beyond_ascii(text, start, i, key);
                    n += usize::from(stop);
                } else {
                    n += usize::from(i - start <= 6 && is_ascii_stop(key));
                    // (past the ASCII character that ends the word)
                    i += 1;
                }
            }
        }
    }
    n
}

/// For [`stop_words`], a word that goes on past ASCII at byte `from` (it started at `start`,
/// and `key` is the [`ascii_key`] of its ASCII start): where it ends and whether it is a
/// function word. A character there that is not alphanumeric (and starts no word) is skipped.
// (out of the ASCII loop, which then keeps its values in registers)
#[inline(never)]
fn word_beyond_ascii(text: &str, start: usize, from: usize, key: u64) -> (usize, bool) {
    let is_word_char = |c: char| if c.is_ascii() { c.is_ascii_alphanumeric() } else { crate::model::is_alphanumeric(c) };
    let mut end = from;
    while let Some(c) = text[end..].chars().next().filter(|&c| is_word_char(c)) {
        end += c.len_utf8();
    }
    if end == start {
        return (end + text[end..].chars().next().map_or(1, char::len_utf8), false);
    }
    if end == from {
        // (an ASCII word ended by a character beyond ASCII: `don’t`, a no-break space)
        return (end, end - start <= 6 && is_ascii_stop(key));
    }
    if end - start > 6 {
        return (end, false);
    }
    let mut buf = [0u8; 4 * 6 * 3];
    let mut len = 0;
    for c in text[start..end].chars().flat_map(char::to_lowercase) {
        len += c.encode_utf8(&mut buf[len..]).len();
    }
    (end, std::str::from_utf8(&buf[..len]).is_ok_and(|w| STOP_SET.contains(w)))
}

/// Bytes by class: [`ASCII_ALNUM`] (letters and digits), [`ASCII_OTHER`], or [`NOT_ASCII`].
static BYTE_CLASS: [u8; 256] = {
    let mut t = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = if (b as u8).is_ascii_alphanumeric() { ASCII_ALNUM } else { ASCII_OTHER };
        b += 1;
    }
    t
};
const ASCII_ALNUM: u8 = 0;
const ASCII_OTHER: u8 = 1;
const NOT_ASCII: u8 = 2;

/// A blog post's meta line: a date with the comment count or the author
/// (`October 15, 2018/0 Comments/in News /by admin`, `Posted on May 3 by Jane | 4 comments`).
/// Two patterns rather than one alternation: the author's is tried first, as it matches most
/// often and, without a word boundary (`\b`), keeps the regex engine on its fast automaton
/// (which it leaves on text with non-ASCII letters when the pattern has a `\b`).
static POST_META_AUTHOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|[\s/|·•])(?:by|par|von|por|di|door)\s*\p{L}").expect("post author pattern"));
static POST_META_COMMENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b\d+\s*(?:comments?|responses?|replies|commentaires?|kommentare?|comentarios?|coment[áa]rios?|commenti)\b").expect("post comments pattern")
});

/// Parts of every word of [`POST_META_COMMENTS`], in ASCII letters that no other character
/// matches case-insensitively (not `k` or `s`): a text without one cannot match it.
static COMMENT_WORD_PARTS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(["omment", "oment", "espon", "eplie"]).expect("comment word parts")
});

/// Whether a line reads like a blog post's meta line (see [`POST_META_AUTHOR`]); the caller
/// checks that it holds a date.
pub fn post_meta_line(text: &str) -> bool {
    POST_META_AUTHOR.is_match(text) || (COMMENT_WORD_PARTS.is_match(text) && POST_META_COMMENTS.is_match(text))
}

/// Words that open a byline (`By Jane Doe`, `Par …`, `Von …`): a short line starting with one
/// is checked as a byline.
pub const BYLINE_WORDS: &[&str] = &["by", "par", "von", "por", "di", "door", "de", "da", "av", "af", "przez", "от"];

/// A line of at most this many words is "short": chrome phrases in it make it chrome.
pub const SHORT_LINE_WORDS: usize = 14;

/// [`CHROME_LINES`], whole-line and case-insensitive.
fn chrome_line_patterns() -> Vec<String> {
    CHROME_LINES.iter().map(|p| format!(r"(?i)^(?:{p})$")).collect()
}

/// The chrome lines as one lazy DFA, driven directly: a line is answered in a few steps
/// (it dies at its first bytes, mostly), without a regex set's machinery around each search,
/// and only the forward automaton is built.
static CHROME_LINE_DFA: LazyLock<regex_automata::hybrid::dfa::DFA> = LazyLock::new(|| {
    regex_automata::hybrid::dfa::DFA::builder()
        .thompson(regex_automata::nfa::thompson::Config::new().which_captures(regex_automata::nfa::thompson::WhichCaptures::None))
        .build_many(&chrome_line_patterns())
        .expect("chrome line patterns")
});

/// The same patterns as a regex set, built only if the DFA ever gives up on a line.
static CHROME_LINE_SET: LazyLock<RegexSet> = LazyLock::new(|| RegexSet::new(chrome_line_patterns()).expect("chrome line patterns"));

/// Whether a line (lowercased, edges stripped) is one of [`CHROME_LINES`].
fn is_chrome_line(core: &str) -> bool {
    thread_local! {
        static CACHE: std::cell::RefCell<regex_automata::hybrid::dfa::Cache> =
            std::cell::RefCell::new(CHROME_LINE_DFA.create_cache());
    }
    CACHE
        .with_borrow_mut(|cache| chrome_line_dfa_match(cache, core.as_bytes()))
        .unwrap_or_else(|| CHROME_LINE_SET.is_match(core))
}

/// The DFA's answer for a whole line, driven a byte at a time (the patterns are anchored at
/// both ends, so a line that leaves them dies early): none if the DFA gives up.
fn chrome_line_dfa_match(cache: &mut regex_automata::hybrid::dfa::Cache, line: &[u8]) -> Option<bool> {
    let dfa = &*CHROME_LINE_DFA;
    let start = regex_automata::util::start::Config::new().anchored(regex_automata::Anchored::Yes);
    let mut state = dfa.start_state(cache, &start).ok()?;
    for &b in line {
        state = dfa.next_state(cache, state, b).ok()?;
        if state.is_tagged() {
            if state.is_dead() {
                return Some(false);
            }
            if state.is_match() {
                return Some(true);
            }
            if state.is_quit() {
                return None;
            }
        }
    }
    let end = dfa.next_eoi_state(cache, state).ok()?;
    if end.is_quit() {
        return None;
    }
    Some(end.is_match())
}

/// Whether a line (lowercased, edges stripped) is one of [`CHROME_LINES_WITH_RUN`].
fn chrome_line_with_run(core: &str) -> bool {
    static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
        CHROME_LINES_WITH_RUN.iter().map(|(_, p, _)| Regex::new(&format!(r"(?i)^(?:{p})$")).expect("chrome line pattern")).collect()
    });
    // (the patterns are compiled only once a line has the start of one)
    CHROME_LINES_WITH_RUN.iter().enumerate().any(|(k, &(start, _, limit))| {
        core.get(..start.len()).is_some_and(|s| s.eq_ignore_ascii_case(start))
            && PATTERNS[k].captures(core).is_some_and(|c| c[1].chars().count() <= limit)
    })
}

/// A punctuation mark or a symbol (Unicode categories P and S), for characters beyond ASCII.
static PUNCT_OR_SYMBOL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[\p{P}\p{S}]$").unwrap());

/// `text` without the spaces, punctuation and symbols at its ends (`» Home «` -> `Home`).
fn strip_edges(text: &str) -> &str {
    // (the common case: ASCII at both places where the stripping stops; every ASCII
    // punctuation character is in category P or S)
    let b = text.as_bytes();
    if b.first().is_some_and(u8::is_ascii_alphanumeric) && b.last().is_some_and(u8::is_ascii_alphanumeric) {
        return text;
    }
    let edge = |c: u8| c.is_ascii_punctuation() || is_ascii_space(c);
    let start = b.iter().position(|&c| !edge(c)).unwrap_or(b.len());
    let end = b.iter().rposition(|&c| !edge(c)).map_or(start, |i| i + 1);
    if b.get(start).is_none_or(|&c| c < 0x80) && (end == start || b[end - 1] < 0x80) {
        return &text[start..end];
    }
    text.trim_matches(|c: char| {
        c.is_whitespace()
            || if c.is_ascii() {
                c.is_ascii_punctuation()
            } else {
                COMMON_PUNCTUATION.contains(&c) || PUNCT_OR_SYMBOL.is_match(c.encode_utf8(&mut [0; 4]))
            }
    })
}

/// Punctuation beyond ASCII that ends many lines (quotes, ellipsis, dashes, bullets): known
/// to be in [`PUNCT_OR_SYMBOL`] without asking it.
const COMMON_PUNCTUATION: &[char] = &['’', '”', '“', '‘', '»', '«', '…', '—', '–', '•', '·', '›', '‹', '¿', '¡', '„', '‚'];

/// [`str::trim`], answered at once when both ends are ASCII other than white space (the
/// common case).
fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(&a), Some(&z)) if (0x21..0x80).contains(&a) && (0x21..0x80).contains(&z) => text,
        _ => text.trim(),
    }
}

/// Copyright lines: the sign, or the word followed by a year.
static COPYRIGHT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:©|\(c\)\s*\d{4}|copyright\s*(?:©\s*)?\d{4}|&copy;)").unwrap());

/// Whether a text has a copyright mark ([`COPYRIGHT_MARKS`]) in any case, as the copyright
/// holder's pattern needs.
fn has_copyright_mark(text: &str) -> bool {
    let b = text.as_bytes();
    let at = |i: usize, s: &[u8]| b.len() >= i + s.len() && b[i..i + s.len()].eq_ignore_ascii_case(s);
    memchr::memchr3_iter(b'(', b'&', "©".as_bytes()[0], b).any(|i| at(i, b"(c)") || at(i, b"&copy;") || at(i, "©".as_bytes()))
        || memchr::memchr2_iter(b'c', b'C', b).any(|i| at(i, b"copyright"))
}

/// Bullets that renderers put before list items.
pub const BULLETS: &[char] = &['•', '◦', '▪', '▫', '■', '□', '☆', '★', '●', '○', '◆', '◇', '‣', '⁃', '∙', '·', '*', '-', '–', '+', '»', '›', '>'];

/// The reason given for copyright lines.
pub const COPYRIGHT_REASON: &str = "copyright line";

/// Why a line is chrome, if a rule says so ([`chrome_rule_lower`], for callers without the line
/// lowercased).
pub fn chrome_rule(text: &str, words: usize) -> Option<String> {
    let t = trim(text);
    if t.is_empty() {
        return None;
    }
    if words > LONG_LINE_WORDS {
        // (the teaser prefixes need only the line's first characters lowercased)
        let head: String = t.chars().take(TEASER_PREFIX_CHARS).collect::<String>().to_lowercase();
        return teaser_prefix(&head);
    }
    chrome_rule_lower(t, &crate::model::lowercase(t), words)
}

/// Why a line is chrome, if a rule says so.
/// `lower` is `text` lowercased.
pub fn chrome_rule_lower(text: &str, lower: &str, words: usize) -> Option<String> {
    chrome_rule_in(text, &Phrases::new(lower), words)
}

fn chrome_rule_in(text: &str, phrases: &Phrases, words: usize) -> Option<String> {
    let t = trim(text);
    if t.is_empty() {
        return None;
    }
    // (no character lowercases to a space or from one: this is `t` lowercased)
    let lower = trim(phrases.lower);
    // Long lines are prose or teasers: only the teaser prefixes can apply.
    if words > LONG_LINE_WORDS {
        return teaser_prefix(lower);
    }
    // "More:", "Related:" head a box of links set into the article: a teaser, not page chrome
    if lower.ends_with(':') && words <= 3 {
        if let Some(r) = teaser_prefix(lower) {
            return Some(r);
        }
    }
    let core = strip_edges(lower);
    if is_chrome_line(core) || chrome_line_with_run(core) {
        return Some(format!("chrome line {:?}", core));
    }
    // (the pattern needs a mark, in any case: in `lower`, in lower case)
    if phrases.first(COPYRIGHT_LIST, false).is_some() && COPYRIGHT.is_match(t) {
        return Some(COPYRIGHT_REASON.into());
    }
    if let Some(r) = teaser_prefix(lower) {
        return Some(r);
    }
    // (an entity starts with `&`)
    if memchr::memchr(b'&', t.as_bytes()).is_some() && RAW_ENTITY.is_match(t) {
        return Some("raw HTML entities (text copied from the page's data, not rendered text)".into());
    }
    if words <= SOCIAL_LINE_WORDS && social_promo(lower) {
        return Some("invitation to follow or contact the site on social networks or by email".into());
    }
    if words <= SHORT_LINE_WORDS {
        if let Some((_, i)) = phrases.first(CHROME_LIST, true) {
            return Some(format!("chrome phrase {:?} in a short line", CHROME_PHRASES[i]));
        }
    }
    None
}

/// Whether a lowercased line is an invitation to follow the site or the author ("Follow
/// Newsbeat on Instagram, Facebook and Twitter.", "Email Jane Doe at jd@example.com or follow
/// her @jdoe"): it opens with one of [`SOCIAL_VERBS`] (a whole word), and within the next 160
/// characters of the line (no line feed among them) starts a network's name
/// ([`SOCIAL_NETWORKS`]), a handle (`@` and a word character after a space) or an address
/// (`x@y.z`: a word character, `@`, word characters, `.`, a word character). The pattern
/// `^(?:verbs)\b.{0,160}?(?:networks|(?:^|\s)@\w|\w@\w+\.\w)` checked by hand: it cost
/// more to compile than all the other patterns of the rule.
fn social_promo(lower: &str) -> bool {
    static VERB_STARTS: LazyLock<TwoByteStarts> = LazyLock::new(|| TwoByteStarts::new(SOCIAL_VERBS));
    let b = lower.as_bytes();
    if !VERB_STARTS.may_open(b) {
        return false;
    }
    let look = regex_automata::util::look::LookMatcher::new();
    let word_at = |i: usize| lower[i..].chars().next().is_some_and(is_word_char);
    SOCIAL_VERBS.iter().any(|v| {
        if !opens_with(b, v) || !look.is_word_unicode(b, v.len()).unwrap_or(false) {
            return false;
        }
        let from = v.len();
        // where what is named may start: up to 160 characters on, not past a line feed
        let limit = lower[from..].char_indices().take_while(|&(_, c)| c != '\n').nth(160).map_or_else(
            || from + lower[from..].find('\n').unwrap_or(lower.len() - from),
            |(k, _)| from + k,
        );
        SOCIAL_NETWORKS.iter().any(|n| lower[from..].find(n).is_some_and(|k| from + k <= limit))
            || memchr::memchr_iter(b'@', &b[from..]).map(|k| from + k).any(|at| {
                let Some(before) = lower[..at].chars().next_back() else { return false };
                let start = at - before.len_utf8();
                if start < from || start > limit {
                    return false;
                }
                if before.is_whitespace() {
                    return word_at(at + 1);
                }
                if !is_word_char(before) {
                    return false;
                }
                // a run of word characters, then `.` and a word character
                let run = lower[at + 1..].char_indices().find(|&(_, c)| !is_word_char(c)).map_or(lower.len() - at - 1, |(k, _)| k);
                run > 0 && b.get(at + 1 + run) == Some(&b'.') && word_at(at + 2 + run)
            })
    })
}

/// A word character as the patterns have it (`\w`).
fn is_word_char(c: char) -> bool {
    regex_automata::util::look::LookMatcher::new().is_word_unicode(c.encode_utf8(&mut [0; 4]).as_bytes(), 0).unwrap_or(false)
}

/// The networks an invitation to follow names ([`social_promo`]), lowercase.
const SOCIAL_NETWORKS: &[&str] = &[
    "facebook", "twitter", "instagram", "youtube", "linkedin", "tiktok", "snapchat", "pinterest", "telegram", "whatsapp",
    "threads", "mastodon", "bluesky",
];

/// The verbs that open an invitation to follow ([`social_promo`]), lowercase.
const SOCIAL_VERBS: &[&str] = &[
    "follow", "like", "join", "find", "connect with", "suivez", "retrouvez", "rejoignez", "folgen sie", "folge", "síguenos",
    "siguenos", "sigue", "segui", "seguici", "siga", "sigam", "volg", "email", "e-mail", "write to", "contact",
];
/// A hover card rendered inline: a name glued to itself (`Ilhan OmarIlhan Omar`), the
/// card's headlines, then its `MORE` link (upper case), inside a sentence of the article.
/// Returns the byte ranges to cut: from the second copy of the name to the end of `MORE`.
fn hover_card_cuts(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for w in chars.windows(2) {
        let ((_, a), (i, b)) = (w[0], w[1]);
        if i < from || !(a.is_lowercase() && b.is_uppercase()) {
            continue;
        }
        // the name before the seam: its last one to four words, starting with a capital
        let before = &text[..i];
        let words: Vec<&str> = before.split(' ').collect();
        let mut cut = None;
        for k in 1..=4.min(words.len()) {
            let name = words[words.len() - k..].join(" ");
            if name.len() >= 4 && name.starts_with(char::is_uppercase) && text[i..].starts_with(&name) {
                cut = Some(i);
                break;
            }
        }
        let Some(start) = cut else { continue };
        let mut stop = text.len().min(start + 800);
        while !text.is_char_boundary(stop) {
            stop -= 1;
        }
        let window = &text[start..stop];
        let mut end = None;
        for (m, _) in window.match_indices(" MORE") {
            let after = window[m + 5..].chars().next();
            if after.is_none_or(|c| !crate::model::is_alphanumeric(c)) {
                end = Some(start + m + 5);
                break;
            }
        }
        if let Some(e) = end {
            out.push((start, e));
            from = e;
        }
    }
    out
}

/// The text without the hover cards glued into it ([`hover_card_cuts`]), if it had any.
pub fn cut_hover_cards(text: &str) -> Option<String> {
    if !text.contains(" MORE") {
        return None;
    }
    let cuts = hover_card_cuts(text);
    if cuts.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (a, b) in cuts {
        out.push_str(&text[last..a]);
        last = b;
    }
    out.push_str(&text[last..]);
    Some(out)
}

/// Headings of a box of links to other articles, set into an article or after it.
static RELATED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:related(?: (?:articles?|stories|story|posts?|content|coverage|news|reading|links))?|more on this (?:story|topic)|more (?:stories|news|from(?: [\w&'’.-]+){1,3})|read (?:more|also|next)|see also|also read|you (?:may|might) also like|(?:você|voce) (?:também |tambem )?(?:pode|poderá|vai) gostar(?: de)?(?: também| tambem)?|vous (?:aimerez|pourriez) (?:aussi|également)(?: aimer)?|(?:también )?te (?:puede|podría) interesar|(?:ti )?potrebbe(?:ro)? (?:interessarti|interessare|piacerti)|das könnte (?:sie|dich) auch interessieren|lire aussi|à lire aussi|a lire aussi|voir aussi|sur le même sujet|mehr zum thema|lesen sie auch|leia também|veja também|lea también|leggi anche|lees ook|m[áa]s sobre [\w&'’. -]+|mehr themen:?)$").unwrap()
});

/// Whether a short line heads a box of links to other articles ("Related articles", "Lire
/// aussi").
pub fn related_heading(text: &str) -> bool {
    text.len() <= 40 && RELATED_HEADING.is_match(strip_edges(&crate::model::lowercase(text)))
}

/// An HTML entity left as text (`&#39;`, `&quot;`): renderers decode the page's text, so such
/// lines come from attributes or script data (video playlists, widgets), not from the article.
static RAW_ENTITY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"&(?:#\d{2,5}|#x[0-9a-fA-F]{2,4}|quot|amp|apos|lt|gt|nbsp);").unwrap());

/// A social invitation has at most this many words.
const SOCIAL_LINE_WORDS: usize = 30;

/// Lines of more words than this are checked for teaser prefixes only.
const LONG_LINE_WORDS: usize = 30;
/// Characters of a line enough to hold any teaser prefix.
const TEASER_PREFIX_CHARS: usize = 40;


/// The teaser prefixes by their first byte, each list in [`TEASER_PREFIXES`] order.
static TEASER_PREFIXES_BY_BYTE: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut by_byte = vec![Vec::new(); 256];
    for p in TEASER_PREFIXES {
        by_byte[usize::from(p.as_bytes()[0])].push(*p);
    }
    by_byte
});

/// The first two bytes of a list's words (two bytes long at least), as bits of a table by
/// those two bytes: a text whose first two bytes have no bit opens with none of the words.
struct TwoByteStarts(Vec<u64>);

impl TwoByteStarts {
    fn new(words: &[&str]) -> Self {
        let mut bits = vec![0u64; (1 << 16) / 64];
        for w in words {
            let at = Self::index(w.as_bytes()).expect("words of two bytes at least");
            bits[at / 64] |= 1 << (at % 64);
        }
        TwoByteStarts(bits)
    }

    fn index(text: &[u8]) -> Option<usize> {
        text.first_chunk::<2>().map(|&two| usize::from(u16::from_be_bytes(two)))
    }

    /// Whether `text` may open with one of the words.
    fn may_open(&self, text: &[u8]) -> bool {
        Self::index(text).is_some_and(|at| self.0[at / 64] & (1 << (at % 64)) != 0)
    }
}

/// Whether `text` starts with `prefix`, its first two bytes compared before the rest (most
/// texts differ there, and the comparison of the rest is a library call).
fn opens_with(text: &[u8], prefix: &str) -> bool {
    match (prefix.as_bytes(), text) {
        ([a, b, ..], [x, y, ..]) => a == x && b == y && text.starts_with(prefix.as_bytes()),
        (p, _) => text.starts_with(p),
    }
}

fn teaser_prefix(lower: &str) -> Option<String> {
    static STARTS: LazyLock<TwoByteStarts> = LazyLock::new(|| TwoByteStarts::new(TEASER_PREFIXES));
    if !STARTS.may_open(lower.as_bytes()) {
        return None;
    }
    let first = *lower.as_bytes().first()?;
    TEASER_PREFIXES_BY_BYTE[usize::from(first)]
        .iter()
        .find(|p| opens_with(lower.as_bytes(), p))
        .map(|p| format!("teaser prefix {:?}", p.trim()))
}

/// The site name a copyright line names: `© 2017 La Revue Internationale. Tous droits réservés.`
pub fn copyright_holder(text: &str) -> Option<String> {
    static HOLDER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:©|\(c\)|&copy;|copyright)\s*(?:©\s*)?(?:\d{4}\s*(?:[-–]\s*\d{4})?\s*)?(?P<name>[^.|,;©]+?)\s*(?:[.|,;]|$|-\s|–\s|all rights|tous droits|alle rechte|todos los|tutti i)")
            .unwrap()
    });
    if !has_copyright_mark(text) {
        return None;
    }
    let c = HOLDER.captures(text)?;
    let name = c["name"].trim().trim_matches(|ch: char| !crate::model::is_alphanumeric(ch)).trim();
    let words = crate::model::word_count(name);
    if (1..=8).contains(&words) && name.chars().any(crate::model::is_alphabetic) {
        Some(name.to_string())
    } else {
        None
    }
}

/// Leading bullet of a list line, and the text after it.
pub fn strip_bullet(line: &str) -> Option<&str> {
    // (the common case: a line starting with a letter)
    if line.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let t = line.trim_start();
    let mut chars = t.chars();
    let first = chars.next()?;
    if first.is_ascii_alphabetic() {
        return None;
    }
    if BULLETS.contains(&first) {
        let rest = chars.as_str();
        // (elinks writes a no-break space after its bullets)
        if rest.starts_with([' ', '\u{a0}']) || rest.is_empty() {
            return Some(rest.trim_start());
        }
    }
    // numbered lists: "1. ", "2) " (but "4. Mai 2023" is a date, not an item)
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            if crate::meta::dates::find_date(t).is_none_or(|d| d.start > 0) {
                return Some(r.trim_start());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn post_meta_patterns_match_as_their_alternation() {
        let one = Regex::new(&format!("(?:{})|(?:{})", POST_META_AUTHOR.as_str(), POST_META_COMMENTS.as_str())).unwrap();
        for line in [
            "Posted on May 3, 2019 by Jane Doe | 4 comments", "October 15, 2018/0 Comments/in News /by admin",
            "12 mars 2016 par Élodie Martin", "3 Kommentare · 7. Juli 2016", "The storm hit the coast on May 3, 2019.",
            "Publié le 12 mars 2016 à 10h30", "12 commentsX on 3 May 2019", "Von Jörg Müller, 7. Juli 2016",
            "2 comentários — 12 de março de 2016", "Mis à jour le 12/03/2016", "", "by", "• di Marco Rossi 2016",
            "4 RESPONSES", "3 COMENTÁRIOS", "12 Kommentare", "5 REPLIES", "2 commenti", "1 Commentaire", "9 COMENTARIOS",
        ] {
            assert_eq!(post_meta_line(line), one.is_match(line), "{line:?}");
        }
        assert!(post_meta_line("Posted on May 3, 2019 | 4 comments"));
        assert!(!post_meta_line("Posted on May 3, 2019 | 4 commentsX"));
    }

    #[test]
    fn strip_edges_is_the_edge_pattern() {
        for &c in COMMON_PUNCTUATION {
            assert!(PUNCT_OR_SYMBOL.is_match(c.encode_utf8(&mut [0; 4])), "{c:?}");
        }
        let pattern = Regex::new(r"^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$").unwrap();
        for t in ["» home «", "  — Share this —  ", "«Lire aussi»", "$100 +", "…", "★★★ Rating ★", "\u{b}x\u{a0}", "¿Qué? ¡Sí!", "a-b", "", "→ → →", "①", "§ 3 ¶", "..é..", "«x.", ".x»", "\x1c.", "...", " . ", "a.", ".a", "(1)", "x\u{a0}", "\u{a0}.x", "“Home”", "…more…", "‹x›", "„Mehr“", "¿Qué?", "— x —", "·•x•·"] {
            assert_eq!(strip_edges(t), pattern.replace_all(t, ""), "{t:?}");
            assert_eq!(trim(t), t.trim(), "{t:?}");
        }
    }

    #[test]
    fn chrome_lines_and_phrases() {
        assert!(chrome_rule_t("Scroll to top", 3).is_some());
        assert!(chrome_rule_t("Aller au contenu principal", 4).is_some());
        assert!(chrome_rule_t("© 2017 La Revue Internationale. Tous droits réservés.", 8).is_some());
        assert!(chrome_rule_t("Lire aussi : Le gouvernement annonce un plan", 8).is_some());
        assert!(chrome_rule_t("Share on Facebook", 3).is_some());
        assert!(chrome_rule_t("La ministre de l’Intérieur britannique a demandé aux services de collaborer.", 12).is_none());
        // a long paragraph that mentions cookies is not chrome
        let long = "The company said it would stop using third-party cookies next year, a change that advertisers have feared for a long time and that regulators welcomed.";
        assert!(chrome_rule_t(long, crate::model::word_count(long)).is_none());
    }

    #[test]
    fn boxes_after_the_article_open_with_end_markers() {
        assert!(end_marker("About Brigit Katz", 3));
        assert!(end_marker("Über Moritz Bachmann", 3));
        assert!(end_marker("Sobre Carlos Nadalim", 3));
        assert!(end_marker("About this statement:", 3));
        // a sentence or a menu entry that starts with "About" is not a box about someone
        assert!(!end_marker("About Us", 2));
        assert!(!end_marker("About two hundred people came to the meeting", 8));
        assert!(!end_marker("About CNBC", 2));
        assert!(chrome_rule_t("Previous Article", 2).is_some());
        assert!(chrome_rule_t("Like this article?", 3).is_some());
        assert!(chrome_rule_t("Most read in world news", 5).is_some());
        assert!(chrome_rule_t("Continue Reading Below", 3).is_some());
        assert!(chrome_rule_t("Facebook Twitter Google+ Whatsapp", 4).is_some());
        assert!(chrome_rule_t("Voltar", 1).is_some());
        assert!(chrome_rule_t("More Great WIRED Stories", 4).is_some());
        assert!(chrome_rule_t("Popular on IndieWire", 3).is_some());
        assert!(chrome_rule_t("Related post: Pickled Brussels Sprouts Recipe", 6).is_some());
        assert!(caption_rule_t("личный архив Андрея Рудькова", 4).is_some());
        assert!(chrome_rule_t("Also: See Black Friday coverage at CNET", 7).is_some());
        // a gallery's counter and a picture credit are captions (furniture), not page chrome
        assert!(caption_rule_t("Image 2 of 5", 4).is_some_and(|r| r.starts_with("photo caption")));
        assert!(chrome_rule_t("(Image credit: Blue Origin)", 4).is_none());
        assert!(caption_rule_t("(Image credit: Blue Origin)", 4).is_some());
        assert!(chrome_rule_t("191119052250266", 1).is_some());
        assert!(chrome_rule_t("2019-11-19T07:23:12+01:00", 7).is_some());
        assert!(chrome_rule_t("Mehr: 10 things in tech", 5).is_some());
        assert!(caption_rule_t("dp3_1_en", 3).is_some() && chrome_rule_t("View all (23)", 3).is_some() && chrome_rule_t("Related Links", 2).is_some());
        assert!(caption_rule_t("Christopher Battin Submitted photo", 4).is_some());
        let long = format!("{} Credit: ESA", "A cross-section through the module showing the quarters that would double as pods during the cruise phase, with the soft walls around them. ".repeat(4));
        let w = crate::model::word_count(&long);
        assert!(w > CAPTION_WORDS && caption_rule_t(&long, w).is_some());
        assert_eq!(
            cut_hover_cards("A man threatened Rep. Ilhan OmarIlhan OmarHillicon Valley: Progressives oppose funding bill | Senators call for a coordinator Omar asks court to apply compassion MORE (D-Minn.), the office said.").as_deref(),
            Some("A man threatened Rep. Ilhan Omar (D-Minn.), the office said.")
        );
        assert_eq!(cut_hover_cards("The MORE programme (Mobility Options) started in 2019."), None);
        // multibyte text around the 800-byte window does not break it
        let long = format!("Anna MüllerAnna Müller {} MORE", "é".repeat(500));
        assert_eq!(cut_hover_cards(&long), None);
        assert!(chrome_rule_t("South Park creators give &#39;official apology&#39; after reports", 9).is_some());
        assert_eq!(caption_rule_t("[vw-id-space-vizzion-concept-6-1]", 7).as_deref(), Some(IMAGE_PLACEHOLDER_REASON));
        let cap = "a hand holding a blue object: Needle poking skin during administration of flu shot at a community health center in Washington.© John Brecher";
        assert!(caption_rule_t(cap, 25).is_some());
        assert!(notice_rule("sometimes we include links to online retail stores. if you click on one and make a purchase we may receive a small commission.", 25).is_some());
        assert!(notice_rule("no spam, we promise. you can unsubscribe at any time and we'll never share your details without your permission.", 20).is_some());
        // consent panels' and comment forms' stock sentences
        assert!(notice_rule("to give you the best experience, this site uses technologies like cookies to store and read device information.", 19).is_some());
        assert!(notice_rule("die technische speicherung oder der zugriff dient ausschließlich statistischen zwecken.", 10).is_some());
        assert!(chrome_rule_t("Notify me of follow-up comments by email.", 7).is_some());
        assert!(chrome_rule_t("Benachrichtige mich über neue Beiträge via E-Mail.", 7).is_some());
        assert!(chrome_rule_t("Fill in your details below or click an icon to log in:", 11).is_some());
        assert!(notice_rule("this entry was posted in travel and tagged rome, trains. bookmark the permalink.", 13).is_some());
        assert!(notice_rule("sur ce site, nous et nos partenaires utilisent des cookies et autres traceurs pour mesurer l'audience.", 17).is_some());
        // a sentence about cookies that is no notice
        assert!(notice_rule("the bakery sold four hundred cookies before noon on the first day of the fair.", 15).is_none());
        assert!(chrome_rule_t("Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.", 8).is_some());
        assert!(chrome_rule_t("Email Tariq Malik at tmalik@space.com or follow him @tariqjmalik.", 10).is_some());
        // a sentence about following someone is not an invitation
        assert!(chrome_rule_t("Millions of fans follow her on Instagram, where she posts every day.", 12).is_none());
    }

    /// The cheap tests in front of the patterns must let through every line a pattern matches.
    #[test]
    fn prefilters_let_the_matches_through() {
        let mut ends = Vec::new();
        for a in PHOTO_AGENCIES {
            for s in ["", " photo", " images", " via getty images", " Photo"] {
                for (open, close) in [("/", ""), ("/ ", ")"), ("(", ")."), ("Photo: ", ""), ("credits : ", " )."), (" ", "")] {
                    ends.push(format!("Crowds outside the court on Monday. Jane Doe{open}{a}{s}{close}"));
                }
            }
        }
        ends.extend(["(Source: NASA)".to_string(), "(Foto: privat).".into(), "(FUENTE: Ministerio de Salud )".into(), "the end (a)".into()]);
        let mut matched = 0;
        for e in &ends {
            let end = tail(e, 120);
            if CAPTION_CREDIT_END.is_match(end) {
                matched += 1;
                assert!(may_end_with_credit(end), "{e:?}");
            }
        }
        assert!(matched > ends.len() / 3, "{matched} of {}", ends.len());
        assert!(!may_end_with_credit("The minister spoke to the press on Monday."));
        for line in ["© 2019 Foo", "(C) 2019 Foo", "COPYRIGHT 2019 Foo", "Copyright © 2020 Bar", "&copy; Baz", "&COPY; Baz", "Copyright The Hill"] {
            let lower = line.to_lowercase();
            assert!(has_copyright_mark(line) && Phrases::new(&lower).first(COPYRIGHT_LIST, false).is_some(), "{line:?}");
            assert!(COPYRIGHT.is_match(line) || copyright_holder(line).is_some(), "{line:?}");
        }
        assert!(!has_copyright_mark("The minister (copy) spoke & left, copyrigh"));
        // the invitations to follow are the pattern they were written as
        let verbs: Vec<String> = SOCIAL_VERBS.iter().map(|v| regex::escape(v)).collect();
        let pattern = Regex::new(&format!(r"^(?:{})\b.{{0,160}}?(?:{}|(?:^|\s)@\w|\w@\w+\.\w)", verbs.join("|"), SOCIAL_NETWORKS.join("|"))).unwrap();
        let mut lines: Vec<String> = ["Follow us on Twitter", "Síguenos en Facebook", "E-mail jane@example.com", "Contact us @example", "Like us on TikTok",
            "follower of twitter", "follow\nus on twitter", "follow us\n@jdoe", "follow @", "follow x@y.", "follow x@.y", "follow x@y.z", "follow é@ü.ß",
            "follow _@_._", "sigue@x", "email: a@b.c", "contact\u{a0}@x", "contact @ x", "segui\u{2003}@é", "write to me", "findings on twitter",
            "folgen sie uns auf x", "join", "", "follow 🙂@x.y", "likewise twitter"]
            .map(String::from)
            .into();
        for gap in [150, 158, 159, 160, 161, 170] {
            for pad in ["x", "é", " ", "\n"] {
                for tail in ["twitter", " @h", "a@b.c", "@h"] {
                    lines.push(format!("follow {}{tail}", pad.repeat(gap)));
                    lines.push(format!("follow{}{tail}", pad.repeat(gap)));
                }
            }
        }
        let mut matched = 0;
        for line in &lines {
            let lower = line.to_lowercase();
            assert_eq!(social_promo(&lower), pattern.is_match(&lower), "{line:?}");
            matched += usize::from(pattern.is_match(&lower));
        }
        assert!(matched > lines.len() / 4, "{matched} of {}", lines.len());
        for t in ["RunDenny", "Rise?Violence", "l’État", "cafÉtéria", "Tape Gaffe Ends Hamlin's Title RunDenny Hamlin's run"] {
            assert!(may_have_seam(t), "{t:?}");
        }
        assert!(!may_have_seam("The Mayor of London said on Monday that McD is OK. FOO BAR"));
        // words that cannot be glued: lowercase first, a name's prefix, a capital too early
        assert!(!may_have_seam("the iPhone and McDonald and l'Europe and “The” and aB"));
    }

    /// The phrase automaton finds every occurrence of every phrase, overlapping ones too.
    #[test]
    fn the_phrase_automaton_finds_what_aho_corasick_finds() {
        let f = &*PHRASE_FINDER;
        let phrases: Vec<&str> = PHRASE_LISTS.iter().flat_map(|l| l.iter().copied()).collect();
        let ac = aho_corasick::AhoCorasick::new(&phrases).unwrap();
        let mut texts: Vec<String> = phrases.windows(3).map(|w| format!("x{}{} {}.", w[0], w[1], w[2])).collect();
        texts.extend(["", "©", "all rights reservedcopyright(c)", "ap photo/reuters/afp", "ʼn», ,, left, right, ", "无断版權所有無断転載"].map(String::from));
        let mut n = 0;
        for t in &texts {
            let mut want: Vec<(usize, usize, &str)> = ac.find_overlapping_iter(t).map(|m| (m.start(), m.end(), phrases[m.pattern().as_usize()])).collect();
            let mut got: Vec<(usize, usize, &str)> = f.find_all(t.as_bytes()).iter().map(|&(s, e, _)| (s, e, &t[s..e])).collect();
            want.sort();
            want.dedup();
            got.sort();
            assert_eq!(got, want, "{t:?}");
            n += got.len();
        }
        assert!(n > 3 * texts.len(), "{n}");
    }

    /// The first phrase of each list is the one the list's alternation finds: the leftmost,
    /// then the first listed (within the block trimmed, for the short-line chrome phrases).
    #[test]
    fn first_phrases_are_the_alternations_first() {
        let mut texts: Vec<String> = PHRASE_LISTS.iter().flat_map(|l| l.windows(2)).map(|w| format!(" {}{} x {}", w[1], w[0], w[1])).collect();
        texts.extend(["", " ", "photo: ap photo/reuters/afp (photo by x)", " follow us ", "copyright © 2019 (c) x", "uses cookies we use cookies"].map(String::from));
        // the phrases in the automaton's order (each once, in list order)
        let mut all: Vec<&str> = Vec::new();
        for p in PHRASE_LISTS.iter().flat_map(|l| l.iter()) {
            if !all.contains(p) {
                all.push(p);
            }
        }
        for t in &texts {
            let found = PHRASE_FINDER.find_all(t.as_bytes());
            let (from, to) = (t.len() - t.trim_start().len(), t.len() - t.trim_start().len() + t.trim().len());
            for (list, phrases) in PHRASE_LISTS.iter().enumerate() {
                for trimmed in [false, true] {
                    let want = found
                        .iter()
                        .filter(|&&(s, e, _)| !trimmed || (s >= from && e <= to))
                        .filter_map(|&(s, e, p)| phrases.iter().position(|q| *q == all[p]).map(|i| (s, i, e)))
                        .min()
                        .map(|(s, i, e)| (s..e, i));
                    assert_eq!(Phrases::new(t).first(list, trimmed), want, "{t:?} {list} {trimmed}");
                }
            }
        }
    }

    /// The teaser prefixes are found as the first listed prefix the line starts with.
    #[test]
    fn teaser_prefixes_are_the_first_listed_that_opens_the_line() {
        let mut lines: Vec<String> = TEASER_PREFIXES.iter().map(|p| format!("{p}x")).collect();
        lines.extend(TEASER_PREFIXES.iter().map(|p| p[..p.len() - p.chars().next_back().map_or(0, char::len_utf8)].to_string()));
        lines.extend(["", "r", "re", "read", "the mayor", "►", "→x", ">>", "mehr", "related: x"].map(String::from));
        let mut n = 0;
        for line in &lines {
            let want = TEASER_PREFIXES.iter().find(|p| line.starts_with(*p)).map(|p| format!("teaser prefix {:?}", p.trim()));
            assert_eq!(teaser_prefix(line), want, "{line:?}");
            n += usize::from(want.is_some());
        }
        assert!(n >= TEASER_PREFIXES.len(), "{n}");
        // a Spanish "see also" in capitals, over a teaser's headline (the shape of a line met on
        // a Panamanian news page of trafilatura's evaluation set)
        let line = "VEA TAMBIÉN: El Gobierno presenta un plan nuevo para las escuelas del país";
        let why = block_rule(line, &crate::model::lowercase(line), 13);
        assert_eq!(why.as_deref(), Some("teaser prefix \"vea también\""));
        for (line, prefix) in [("Lea más: El Congreso aprueba la ley de presupuesto del próximo año", "lea más:"), ("MIRA: Vecinos limpian el río después de la tormenta de anoche", "mira:"), ("Auch lesen: Die Stadt baut eine neue Brücke über den Fluss", "auch lesen:")] {
            let why = block_rule(line, &crate::model::lowercase(line), line.split_whitespace().count());
            assert_eq!(why, Some(format!("teaser prefix {prefix:?}")), "{line}");
        }
    }

    #[test]
    fn the_chrome_line_dfa_is_the_regex_set() {
        for line in ["scroll to top", "ſearch", "share on facebook", "facebook twitter google+", "12 comments", "continue reading", "2019-11-19t07:23:12+01:00 x", "the end", "", "more", "most read in world news", "δ", "関連記事",
            "more", "mores", "mor", "1234567", "12345", "3 of 12", "3of12 photos", "view all (23", "view all (23)", "share  twitter", "read more about it",
            "σχόλια", "σχόλιας", "commentaire", "2019-11-19t07:23", "follow us on a long road", "  ", "\u{a0}", "é", "loading....", "publicité"] {
            assert_eq!(is_chrome_line(line), CHROME_LINE_SET.is_match(line), "{line:?}");
        }
    }

    #[test]
    fn chrome_lines_with_a_run_are_their_bounded_patterns() {
        let bounded = Regex::new(r"(?i)^(?:more (?:great )?[\w'’ &]{1,30} stories)$").unwrap();
        let mut n = 0;
        for great in ["", "great ", "Great ", "GREAT "] {
            for run in ["x", "wired", "l’été & co", "Политика", "a b", "great", "great x"] {
                for len in [1, 24, 25, 29, 30, 31, 36, 37] {
                    for end in [" stories", " Stories", " ſtorieſ", " stories!", " story"] {
                        let mid: String = run.chars().cycle().take(len).collect();
                        let line = format!("more {great}{mid}{end}");
                        assert_eq!(chrome_line_with_run(&line), bounded.is_match(&line), "{line:?}");
                        n += usize::from(bounded.is_match(&line));
                    }
                }
            }
        }
        assert!(n > 100, "{n}");
        assert!(chrome_rule_t("More Great WIRED Stories", 4).is_some_and(|r| r.starts_with("chrome line")));
        // pagers and "back to the list" links, in a few languages; a headline that starts the
        // same way is no link
        for line in ["Zurück zur Übersicht", "Back to top", "Nach oben", "Volver al listado", "Weiter", "Next", "Suivant"] {
            assert!(chrome_rule_t(line, line.split_whitespace().count()).is_some_and(|r| r.starts_with("chrome line")), "{line}");
        }
        assert_eq!(chrome_rule_t("Back to school: what parents need to know", 8), None);
        for line in ["Rezept drucken", "Hinterlasse eine Antwort", "Mehr Themen:", "Advertising Disclosure", "Más sobre la reforma"] {
            assert!(chrome_rule_t(line, line.split_whitespace().count()).is_some_and(|r| r.starts_with("chrome line")), "{line}");
        }
        // "más de" is "more than": a Spanish sentence, not a box of links
        assert_eq!(chrome_rule_t("Más de doscientas personas", 4), None);
    }

    /// The image placeholders and file names are the patterns they were written as.
    #[test]
    fn placeholders_and_file_names_are_their_patterns() {
        let placeholder = Regex::new(r"^\[[^\[\]]{0,60}\]$").unwrap();
        let file_name = Regex::new(r"^[\w.-]*[^\W_]_[^\W_][\w.-]*$").unwrap();
        let mut texts: Vec<String> = ["[]", "[", "]", "[x]", "[[x]", "[x]]", "[a]b]", "[photo]", "[1203947_1]", "x[a]", "[a\nb]",
            "dp3_1_en", "IMG_2041", "_a", "a_", "a__b", "a_b", "a-_b", "a._b", "é_ü", "a_b c", "a_b!", "a.b-c_d", "_", "", "a_b_",
            "١_٢", "a\u{301}_b", "a_\u{301}", "ǅ_x", "a_b\n", "a\u{200d}_b"]
            .map(String::from)
            .into();
        for n in [59, 60, 61] {
            for c in ["x", "é", " ", "_"] {
                texts.push(format!("[{}]", c.repeat(n)));
            }
        }
        let mut matched = 0;
        for t in &texts {
            assert_eq!(is_image_placeholder(t), placeholder.is_match(t), "{t:?}");
            assert_eq!(is_file_name(t), file_name.is_match(t), "{t:?}");
            matched += usize::from(placeholder.is_match(t)) + usize::from(file_name.is_match(t));
        }
        assert!(matched > 10, "{matched}");
    }

    #[test]
    fn copyright_holders() {
        assert_eq!(copyright_holder("© 2017 La Revue Internationale. Tous droits réservés.").as_deref(), Some("La Revue Internationale"));
        assert_eq!(copyright_holder("Copyright © 2019 The Hill | All rights reserved").as_deref(), Some("The Hill"));
        assert_eq!(copyright_holder("Nothing here"), None);
    }

    #[test]
    fn function_words_in_several_languages() {
        assert_eq!(stop_words("The mayor said that the bridge would close"), 5);
        assert_eq!(stop_words("Le maire a dit que le pont serait fermé"), 4);
        assert_eq!(stop_words("Der Bürgermeister sagte, dass die Brücke schließt"), 3);
        assert_eq!(stop_words("Politics Business Technology Science"), 0);
        assert_eq!(stop_words("«Le maire» a dit — que l’État… et"), 5);
    }

    /// The byte scan of [`stop_words`] counts what its definition says: the alphanumeric runs
    /// of at most 6 bytes whose lowercase is a function word.
    #[test]
    fn stop_words_is_its_definition() {
        let by_definition = |t: &str| {
            t.split(|c: char| !crate::model::is_alphanumeric(c))
                .filter(|w| (1..=6).contains(&w.len()) && STOP_SET.contains(w.to_lowercase().as_str()))
                .count()
        };
        let texts = [
            "The mayor said THAT the bridge would close.", "Le maire a dit qu’il est là", "Éte été ÉTÉ été-là", "und-die,DAS/der",
            "Он сказал, что это не так", "ИЗ за ДО и в", "się że są", "İn în ÎN", "a1 b2 the2 2the", "çok için İçin", "ﬁ the ǅ ß",
            "x\u{a0}the\u{2003}of\u{200b}and", "", " ", "—", "the", "théâtre the", "a\u{301} e\u{301}t\u{301}e\u{301}",
            "don’t the’s of’ ’and’ “the”", "abcdefg’the THE—OF", "thé’the", "the’été", "x’", "’", "of\u{a0}", "Theœ the«of»",
        ];
        for t in texts {
            assert_eq!(stop_words(t), by_definition(t), "{t:?}");
        }
        // words at every place of the eight-byte steps, of every length, next to every kind of byte
        let mut n = 0;
        for pad in 0..17 {
            for word in ["the", "THE", "of", "a", "and", "olarak", "adalah", "theory", "2the", "the2", "été", "und", "x"] {
                for gap in [" ", "@", "[", "`", "{", "/", ":", "\u{a0}", "’", "é", "\u{7f}", "\t", "0", "_", "Z"] {
                    let t = format!("{}{gap}{word}{gap}{word}{gap}{}", "x".repeat(pad), "the ".repeat(pad % 3));
                    assert_eq!(stop_words(&t), by_definition(&t), "{t:?}");
                    n += stop_words(&t);
                }
            }
        }
        assert!(n > 1000, "{n}");
        assert_eq!(stop_words("Он сказал, что это не так"), 4);
    }

    fn chrome_rule_t(t: &str, w: usize) -> Option<String> {
        let r = chrome_rule_lower(t, &t.to_lowercase(), w);
        assert_eq!(r, chrome_rule(t, w), "{t:?}");
        r
    }

    fn caption_rule_t(t: &str, w: usize) -> Option<String> {
        caption_rule(t, &t.to_lowercase(), w)
    }

    fn notice_rule_t(t: &str, w: usize) -> Option<String> {
        notice_rule(&t.to_lowercase(), w)
    }

    #[test]
    fn captions_notices_and_end_markers() {
        assert!(caption_rule_t("Protesters gather outside parliament on Monday. (AP Photo/Jane Doe)", 9).is_some());
        assert!(caption_rule_t("Le Premier ministre, à gauche, et le président (Photo: AFP)", 10).is_some());
        assert!(caption_rule_t("The prime minister said the plan would be published next week, after the vote.", 15).is_none());
        assert!(caption_rule_t("A man rides a donkey in the village on November 19, 2019. Jaafar ASHTIYEH / AFP", 15).is_some());
        assert!(caption_rule_t("Rafael Nadal celebrates a point in Madrid, Spain, Tuesday, Nov. 19, 2019.", 12).is_some());
        assert!(caption_rule_t("The icy moon Europa rising above Jupiter's cloud tops. (Source: NASA)", 11).is_some());
        assert!(caption_rule_t("[1203947_1]", 2).is_some());
        assert!(caption_rule_t("The agency said on Tuesday that it had been told about the plan by AP reporters.", 16).is_none());
        assert!(notice_rule_t("Diese Website verwendet Cookies, um Ihnen den bestmöglichen Service zu bieten.", 11).is_some());
        assert!(notice_rule_t("You have reached your limit of free articles this month.", 10).is_some());
        assert!(end_marker("12 thoughts on “How to save money”", 6));
        assert!(end_marker("Laisser un commentaire", 3));
        assert!(end_marker("About the author", 3));
        assert!(end_marker("Tags: economy, budget", 3));
        assert!(!end_marker("Comments from the minister were not immediately available, and the office declined to say more.", 15));
    }

    #[test]
    fn glued_headlines_and_timestamps() {
        assert!(glued_headline("Tape Gaffe Ends Hamlin's Title RunDenny Hamlin's championship run was foiled by the tale of the tape."));
        assert!(glued_headline("Is Violence In Sports On The Rise?Violence is part of the game in many sports but a line was crossed."));
        // brand names and names with inner capitals are not seams
        assert!(!glued_headline("Attentat de Londres : les autorités demandent à WhatsApp de collaborer"));
        assert!(!glued_headline("The company McDonald said on Monday that it would close two hundred restaurants in the country next year."));
        assert!(!glued_headline("[Mountain Hike Survival Kit with Arrowhead Water #HealthyHydration #shop] Really, have you ever seen anything so gorgeous?"));
        assert!(!glued_headline("Thousands Marched In The Capital @CityCouncil said the march went on peacefully until the evening and nobody was hurt."));
        // German sentences capitalise their nouns: their first words are no Title-Case headline
        // (shapes of sentences met on German pages of trafilatura's evaluation set)
        assert!(!glued_headline("Das Meinungsforschungsinstitut YouGov hat im Auftrag eines Versorgers 2000 Menschen in Deutschland befragt, repräsentativ nach Alter und Region."));
        assert!(!glued_headline("Mit der Kampagne EnergieSparen können jetzt alle Haushalte einfach prüfen, wo sie Strom sparen können. Die Kampagne EnergieSparen ist ein Angebot der Stadtwerke."));
        assert!(!glued_headline("Die Firma setzt mit der HydroTec-Technik die geplanten Quoten schon bei der Inbetriebnahme nicht nur um, sondern übertrifft sie deutlich."));
        assert!(!glued_headline("Die Regeln der D.O.Ca. Rioja erlauben sieben Rebsorten, und Kenner nennen zuerst Tempranillo und Garnacha als die wichtigsten."));
        assert!(!glued_headline("Mit einer FRITZ!Box kann man schnell und einfach einen Mitschnitt der Pakete direkt am Router erstellen."));
        // a headline in English house style keeps its short prepositions in lowercase
        assert!(glued_headline("Storm Damage Closes Roads with Trees Down Across CountyPolice said drivers should avoid the coast road until the trees are cleared."));
        assert!(has_timestamp("PUBLISHED: 10:48, Tue, Nov 19, 2019"));
        assert!(has_timestamp("2019-11-19 10h48"));
        assert!(!has_timestamp("The meeting lasted from 10:00 until noon."));
    }

    #[test]
    fn bullets() {
        assert_eq!(strip_bullet("  • Facebook"), Some("Facebook"));
        assert_eq!(strip_bullet("1. First"), Some("First"));
        assert_eq!(strip_bullet("-5 degrees"), None);
        assert_eq!(strip_bullet("4. Mai 2023"), None);
        assert_eq!(strip_bullet("Plain"), None);
    }
}
