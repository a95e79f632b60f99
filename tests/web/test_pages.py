"""kg.web.pages on plain values: the document text put back from its mentions."""

from __future__ import annotations

from kg.web.pages import passages

TEXT = ("Envoy Lina Marsh met both sides. The Teloran delegation would meet the Osvarin delegation "
        "in Port Halden. Talks resume next week.")


def _mention(number: int, phrase: str, occurrence: int = 1) -> dict[str, object]:
    begin = -1
    for _ in range(occurrence):
        begin = TEXT.index(phrase, begin + 1)
    start = TEXT.rfind(". ", 0, begin)
    start = 0 if start < 0 else start + 2
    stop = TEXT.index(".", begin) + 1
    return {"id": f"m{number}", "begin": begin, "end": begin + len(phrase), "quote": phrase,
            "sentence": TEXT[start:stop], "kind": "entity", "things": []}


def test_pages_passages_put_sentences_back_at_their_offsets():
    # The second "delegation" alone would place its sentence at the first one's offset.
    mentions = [_mention(0, "Lina Marsh"), _mention(1, "delegation", 2), _mention(2, "Osvarin"),
                _mention(3, "Teloran delegation")]
    mentions.sort(key=lambda m: (m["begin"], -m["end"]))
    shown = passages(mentions)
    assert [p.begin for p in shown] == [0, TEXT.index("The Teloran")]
    assert [p.gap_before for p in shown] == [False, True]
    for passage in shown:
        for segment in passage.segments:
            assert TEXT[segment["begin"]:segment["end"]] == segment["text"]
    marked = {s["text"] for p in shown for s in p.segments if s["mentions"]}
    assert {"Lina Marsh", "Osvarin", "Teloran delegation", "delegation"} <= marked
    # The second "delegation" is highlighted where it is, not at the first.
    second = TEXT.index("delegation", TEXT.index("delegation") + 1)
    assert any(s["begin"] == second and "m1" in s["mentions"] for p in shown for s in p.segments)
