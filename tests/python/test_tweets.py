"""Embedded tweets through the Python API: broadsheet.extract / read / tweets."""

import datetime
import gzip

import pytest

import broadsheet

BODY = [
    "Officials said on Monday that the storm had cut power to thousands of homes across the region and closed several roads near the coast.",
    "Emergency crews worked through the night to clear fallen trees, and schools in three towns stayed closed while engineers inspected the bridges.",
    "The mayor said that the main road would reopen by the end of the week if the weather held, and thanked the volunteers who helped.",
    "Residents were asked to avoid travel and to report damaged power lines to the utility company rather than approach them on their own.",
]


def dump(tweet_lines, sep="\n\n"):
    return sep.join(["Storm hits the coast overnight"] + BODY[:2] + tweet_lines + BODY[2:])


BYLINES = [
    ("— RT France (@RTenfrancais) 7 juillet 2016", "RTenfrancais", "RT France", "2016-07-07"),
    ("— Jane Doe (@jane) July 7, 2016", "jane", "Jane Doe", "2016-07-07"),
    ("– Anna Berger (@anna_b) 7. Juli 2016", "anna_b", "Anna Berger", "2016-07-07"),
    ("&mdash; Lucía Pérez (@lucia) 7 de julio de 2016", "lucia", "Lucía Pérez", "2016-07-07"),
    ("- Marco Rossi (@marco) 7 luglio 2016", "marco", "Marco Rossi", "2016-07-07"),
    ("— João Silva (@joao) 7 de julho de 2016", "joao", "João Silva", "2016-07-07"),
    ("— Piet de Vries (@piet) 7 juli 2016", "piet", "Piet de Vries", "2016-07-07"),
    ("— 山田太郎 (@yamada) 2016年7月7日", "yamada", "山田太郎", "2016-07-07"),
    ("— Team 🚀 (Official) (@team) 07/07/2016", "team", "Team 🚀 (Official)", "2016-07-07"),
    ("— Иван Петров (@ivan) 7 июля 2016 г.", "ivan", "Иван Петров", "2016-07-07"),
]


@pytest.mark.parametrize("byline,handle,name,day", BYLINES)
def test_byline_languages(byline, handle, name, day):
    row = broadsheet.extract(dump(["Flooding on the coast road tonight #storm https://t.co/Fdc7p4ANeppic.twitter.com/24j897hVt7", byline]), format="text_dump")
    assert len(row["tweets"]) == 1
    t = row["tweets"][0]
    assert t["handle"] == handle
    assert t["author_name"] == name
    assert t["published"] == datetime.date.fromisoformat(day)
    assert t["text"] == "Flooding on the coast road tonight #storm"
    assert t["links"] == ["https://t.co/Fdc7p4ANep", "https://pic.twitter.com/24j897hVt7"]
    assert t["hashtags"] == ["#storm"]
    assert t["status_id"] is None and t["url"] is None
    assert t["after_paragraph"] == 1
    assert not any("(@" in p["text"] or "coast road tonight" in p["text"] for p in row["paragraphs"])


def test_byline_without_date():
    row = broadsheet.extract(dump(["Power is back in the north of the town, thanks to all crews! 🙌", "— City of Portville (@portville)"]), format="text_dump")
    (t,) = row["tweets"]
    assert t["handle"] == "portville" and t["published"] is None
    assert t["text"].endswith("🙌")


def test_multi_paragraph_tweet_in_an_unwrapped_dump():
    tweet = [
        "Roads closed tonight:\nCoast Road\nHarbour Street",
        "stay safe everyone, and check on your neighbours #storm",
        "Updates here https://t.co/AbCdEfGhIj",
        "— Portville Police (@PortvillePD) November 18, 2019",
    ]
    row = broadsheet.extract(dump(tweet), format="text_dump")
    (t,) = row["tweets"]
    assert t["text"].split() == "Roads closed tonight: Coast Road Harbour Street stay safe everyone, and check on your neighbours #storm Updates here".split()
    assert t["links"] == ["https://t.co/AbCdEfGhIj"]
    texts = " ".join(p["text"] for p in row["paragraphs"])
    assert "Harbour Street" not in texts and "neighbours" not in texts
    assert len(row["paragraphs"]) == 4


def test_hard_wrapped_indented_tweet_with_broken_links():
    body = []
    for para in BODY:
        words, line = para.split(), ""
        for w in words:
            if len(line) + len(w) + 1 > 78:
                body.append(line)
                line = ""
            line = f"{line} {w}".strip()
        body += [line, ""]
    tweet = [
        "    Meth. We're on it. The whole point of this ad campaign is to raise awareness",
        "    of the problem, so we think that it's working https://",
        "    t.co/hopPjqa95w by @trevorjd14 pic.twitter.com/",
        "    3BDnrvkoms",
        "",
        "    — Governor Kristi Noem (@govkristinoem) November 18, 2019",
        "",
    ]
    text = "\n".join(body[:6] + tweet + body[6:])
    row = broadsheet.extract(text, format="text_dump")
    (t,) = row["tweets"]
    assert "https://t.co/hopPjqa95w" in t["links"] and "https://pic.twitter.com/3BDnrvkoms" in t["links"]
    assert t["mentions"] == ["@trevorjd14"]
    assert "pic.twitter.com" not in t["text"]
    assert not any("raise awareness" in p["text"] for p in row["paragraphs"])


def test_no_spurious_tweet_on_a_page_without_embeds():
    text = dump(["Follow our reporter — Jane Doe (@janedoe) is on Twitter.", "Contact: newsroom@example.com"])
    assert broadsheet.extract(text, format="text_dump")["tweets"] == []


HTML = """<html><head><title>Storm</title></head><body><article><h1>Storm hits the coast overnight</h1>
<p>{0}</p><p>{1}</p>
<blockquote class="twitter-tweet" data-lang="en"><p lang="en" dir="ltr">Roads closed:<br>Coast Road <a href="https://twitter.com/hashtag/storm?src=hash">#storm</a> <a href="https://t.co/AbCdEfGhIj">pic.twitter.com/AbCdEfGhIj</a></p>&mdash; Portville Police (@PortvillePD) <a href="https://twitter.com/PortvillePD/status/1196540095848996871?ref_src=twsrc%5Etfw">November 18, 2019</a></blockquote>
<p>{2}</p>
<noscript><blockquote class="twitter-tweet"><p>Power is back <a href="https://x.com/hashtag/grid">#grid</a></p>— Utility (@util) <a href="https://x.com/util/status/1196540095848996999">November 19, 2019</a></blockquote></noscript>
<amp-twitter width="375" height="472" data-tweetid="1196540095848997000"></amp-twitter>
<p>{3}</p></article></body></html>""".format(*BODY)


def test_html_tweets_and_explode(tmp_path):
    row = broadsheet.extract(HTML, format="html")
    tw = row["tweets"]
    assert [t["status_id"] for t in tw] == ["1196540095848996871", "1196540095848996999", "1196540095848997000"]
    a, b, c = tw
    assert a["text"] == "Roads closed:\nCoast Road #storm"
    assert a["handle"] == "PortvillePD" and a["author_name"] == "Portville Police"
    assert a["url"] == "https://twitter.com/PortvillePD/status/1196540095848996871"
    assert a["links"] == ["https://twitter.com/hashtag/storm?src=hash", "https://t.co/AbCdEfGhIj"]
    assert a["published"] == datetime.date(2019, 11, 18)
    assert b["handle"] == "util" and b["url"] == "https://x.com/util/status/1196540095848996999"
    assert c["text"] == "" and c["url"].endswith("1196540095848997000")
    assert not any("Coast Road" in p["text"] for p in row["paragraphs"])

    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(HTML.encode()))
    table = broadsheet.read(str(path), progress=False)
    long = broadsheet.tweets(table)
    assert long.num_rows == 3
    assert long.column("tweet_index").to_pylist() == [0, 1, 2]
    assert set(long.column("doc_id").to_pylist()) == {table.column("doc_id")[0].as_py()}
    assert long.column("handle").to_pylist() == ["PortvillePD", "util", None]
