"""The two seed dumps through the Python API, against their hand-made gold."""

import broadsheet


def test_seed_paragraphs_titles_and_tweets(seeds_dir, seed_gold):
    tbl = broadsheet.read(seeds_dir)
    assert tbl.num_rows == 2
    rows = {r["source"].rsplit("/", 1)[-1][:-4]: r for r in tbl.to_pylist()}
    assert set(rows) == set(seed_gold)
    for name, gold in seed_gold.items():
        row = rows[name]
        assert [p["text"] for p in row["paragraphs"]] == gold["paragraphs"]
        assert row["text"] == "\n\n".join(gold["paragraphs"])
        assert row["title"] == gold["title"]
        assert row["language"] == gold["language"]
        assert row["error"] is None
        assert len(row["tweets"]) == len(gold["tweets"])
        for got, want in zip(row["tweets"], gold["tweets"]):
            assert got["text"] == want["text"]
            assert got["handle"] == want["handle"]
            assert got["author_name"] == want["author_name"]
            assert got["published"].isoformat() == want["date_iso"]
            assert got["published_text"] == want["date_text"]
            assert got["after_paragraph"] == want["after_paragraph"]
            assert got["hashtags"] == want["hashtags"]
            assert got["status_id"] is None and got["url"] is None
            # tweet lines never leak into the body
            assert want["text"] not in row["text"]


def test_second_seed_metadata(seeds_dir, seed_gold):
    gold = seed_gold["002_8ae900619540ab25"]
    row = broadsheet.read(seeds_dir / "002_8ae900619540ab25.txt").to_pylist()[0]
    assert row["site_name"] == gold["site_name"]
    assert row["section"] == gold["section"]
    assert row["authors"] == [gold["author"]]
    assert row["published_date"].isoformat() == gold["published"]
    assert row["published_text"] == gold["published_text"]


def test_explain_seed_lines(seeds_dir, seed_gold):
    t = broadsheet.explain(seeds_dir / "000_37ca5891008b3c47.txt")
    rows = t.to_pylist()
    labels = {r["line"]: r["label"] for r in rows}
    # gold line labels: title / body / tweet ranges
    for first, last, label in seed_gold["000_37ca5891008b3c47"]["line_labels"]:
        for line in range(first, last + 1):
            assert labels[line] == label, (line, label, rows[line - 1]["reason"])
    assert all(r["reason"] for r in rows)
