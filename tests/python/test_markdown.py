"""Markdown dumps (html2text, markdownify, reader modes) are read as the text they stand for."""

from __future__ import annotations

import textwrap

import broadsheet

ARTICLE = [
    "The regional parliament approved the water plan on Thursday after a night of negotiations "
    "between the three coalition parties, ending a dispute that had lasted since the spring.",
    "Under the plan, farms that draw more than a million litres a day will pay a levy, and the "
    "money will go to repairing the canals that lose a third of their water before it arrives.",
    "Opposition members said the levy was too small to change anything and announced that they "
    "would ask the constitutional court to look at the way the vote was organised.",
]


def markdown_page() -> str:
    menu = "\n".join(f"  * [{s}](https://paper.example/{s.lower()}/)" for s in ["World", "Politics", "Sport", "Culture"])
    body = "\n\n".join(textwrap.fill(p, 78) for p in ARTICLE)
    # a link wrapped by the renderer in the middle of its target, as html2text does
    body = body.replace("water plan", "[water\nplan](https://paper.example/2021/06/03/the-water-\nplan/)", 1)
    related = "\n".join(f"  * [{t}](https://paper.example/{i}/)" for i, t in enumerate(["Drought hits the north", "Canal repairs delayed", "Farmers protest"]))
    return (
        f"[Skip to content](#content)\n\n{menu}\n\n"
        "# Parliament approves the water plan after all-night talks\n\n"
        "By [Marta Riera](https://paper.example/authors/riera/)  \nJune 3, 2021\n\n"
        "![The canal at dawn](https://img.paper.example/canal.jpg)\n\n"
        f"{body}\n\n## Related\n\n{related}\n\n**© 2021 The Paper**\n"
    )


def test_a_markdown_file_gives_the_articles_text(tmp_path):
    (tmp_path / "page.md").write_text(markdown_page())
    row = broadsheet.read(tmp_path).to_pylist()[0]
    assert row["error"] is None
    paragraphs = [p["text"] for p in row["paragraphs"]]
    assert paragraphs == ARTICLE
    assert row["title"] == "Parliament approves the water plan after all-night talks"
    assert row["published_date"].isoformat() == "2021-06-03"
    assert row["authors"] == ["Marta Riera"]


def test_explain_shows_the_lines_of_the_rendered_text():
    rows = broadsheet.explain(markdown_page()).to_pylist()
    body = [r for r in rows if r["label"] == "body"]
    assert [r["text"] for r in body] == ARTICLE
    assert not any("](" in r["text"] for r in rows)


def test_markdown_headings_and_quotes_keep_their_kind():
    page = markdown_page().replace(
        ARTICLE[1][:20],
        "## What the levy pays for\n\n> The canals lose a third of their water, the minister said in the debate.\n\n"
        + ARTICLE[1][:20],
        1,
    )
    row = broadsheet.extract(page, format="text_dump")
    kinds = {p["text"]: p["kind"] for p in row["paragraphs"]}
    assert kinds["What the levy pays for"] == "heading"
    assert kinds["The canals lose a third of their water, the minister said in the debate."] == "quote"
    assert kinds[ARTICLE[0]] == "paragraph"
