"""Metadata columns through the public API (broadsheet.extract): datelines and bylines of text
dumps in several languages, and each HTML metadata source."""

import datetime as dt
from pathlib import Path

import pytest

import broadsheet

BODY = (
    "The minister said on Monday that the government would present a new plan to fight encrypted "
    "messaging services used by criminal groups across the continent.\n\n"
    "The plan, which was drafted over several months with the help of experts from many countries, "
    "will be discussed by the ministers at a meeting in Paris later this month.\n\n"
    "Critics said that the proposal went too far and that it would weaken the security of millions "
    "of ordinary users who rely on these services every day."
)
TITLE = "Ministers plan a new offensive against encrypted messaging"
SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


def dump(header: str, before: str = "Home\n\nNews\n\n") -> dict:
    return broadsheet.extract(f"{before}{TITLE}\n\n{header}\n\n{BODY}", format="text_dump")


@pytest.mark.parametrize(
    "header, day, authors",
    [
        ("Publié le 7 juillet 2016 à 10h32\n\nPar Jean Dupont et Marie Martin", dt.date(2016, 7, 7), ["Jean Dupont", "Marie Martin"]),
        ("By Jane Doe and John Roe\n\nMarch 28, 2017 3:41 p.m. ET", dt.date(2017, 3, 28), ["Jane Doe", "John Roe"]),
        ("Von Anna Berger und Max Weber\n\n28.03.2017", dt.date(2017, 3, 28), ["Anna Berger", "Max Weber"]),
        ("Por Lucía Fernández y Pedro Gil\n\n28/03/2017", dt.date(2017, 3, 28), ["Lucía Fernández", "Pedro Gil"]),
        ("Di Marco Bianchi e Luca Rossi\n\n28 marzo 2017", dt.date(2017, 3, 28), ["Marco Bianchi", "Luca Rossi"]),
        ("By Jane Doe, Senior Editor, jane@example.com\n\n2017-03-28T10:00:00Z", dt.date(2017, 3, 28), ["Jane Doe"]),
    ],
)
def test_dump_datelines_and_bylines(header, day, authors):
    row = dump(header)
    assert row["title"] == TITLE
    assert row["published_date"] == day
    assert row["authors"] == authors


def test_dump_time_with_zone_sets_the_instant():
    row = dump("March 28, 2017 3:41 p.m. ET")
    assert row["published"] == dt.datetime(2017, 3, 28, 19, 41, tzinfo=dt.timezone.utc)
    assert row["published_text"] == "March 28, 2017"


def test_dump_update_and_relative_dates():
    row = dump("Mis à jour le 9 juillet 2016\n\nPublié le 7 juillet 2016")
    assert row["published_date"] == dt.date(2016, 7, 7)
    row = dump("Updated 2 hours ago")
    assert row["published_date"] is None and row["published"] is None
    assert row["published_text"] == "2 hours ago"


def test_dump_site_name_from_title_suffix():
    row = dump("28.03.2017", before=f"{TITLE} | The Daily Planet\n\n")
    assert row["site_name"] == "The Daily Planet"
    assert row["title"] == TITLE


def test_second_seed_metadata():
    row = broadsheet.extract((SEEDS / "002_8ae900619540ab25.txt").read_bytes(), format="text_dump")
    assert row["site_name"] == "La Revue Internationale"
    assert row["section"] == "Actualités"
    assert row["authors"] == ["La Rédaction"]
    assert row["published_date"] == dt.date(2017, 3, 27)
    assert row["language"] == "fr"


def html(head: str, body: str = "") -> dict:
    page = f"<html lang='en-GB'><head>{head}</head><body>{body}<p>{BODY}</p></body></html>"
    return broadsheet.extract(page, format="html")


def test_html_jsonld_graph_with_utc_instant_and_local_day():
    row = html(
        '<meta property="og:site_name" content="The Paper"><link rel="canonical" href="https://paper.example/a">'
        '<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle",'
        '"headline":"Big story","datePublished":"2019-11-18T23:03:00-08:00",'
        '"author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Organization","name":"Reuters"}]}]}</script>',
        "<h1>Big story</h1>",
    )
    assert row["title"] == "Big story"
    assert row["site_name"] == "The Paper"
    assert row["authors"] == ["Jane Doe"]
    assert row["published_date"] == dt.date(2019, 11, 18)
    assert row["published"] == dt.datetime(2019, 11, 19, 7, 3, tzinfo=dt.timezone.utc)
    assert row["url"] == "https://paper.example/a"


def test_html_opengraph_meta_and_time():
    row = html(
        '<meta property="og:title" content="Storm hits coast | Coast Herald">'
        '<meta property="article:published_time" content="2020-05-01T10:00:00+02:00">'
        '<meta name="author" content="By Ann Lee">'
    )
    assert row["title"] == "Storm hits coast"
    assert row["published_date"] == dt.date(2020, 5, 1)
    assert row["authors"] == ["Ann Lee"]
    row = html("<title>Storm hits coast</title>", '<time datetime="2020-05-02">May 2</time><a rel="author" href="/x">Bo Chen</a>')
    assert row["published_date"] == dt.date(2020, 5, 2)
    assert row["authors"] == ["Bo Chen"]


def test_html_broken_jsonld_and_placeholder_dates():
    row = html('<script type="application/ld+json">{"@type":"Article","headline":"Fixed","datePublished":"2018-09-15",}</script>')
    assert row["published_date"] == dt.date(2018, 9, 15)
    row = html('<meta property="article:published_time" content="0001-01-01T00:00:00Z">')
    assert row["published_date"] is None
