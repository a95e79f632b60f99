"""kg.io: reading articles from text, JSON Lines, directories and stdin."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.io import count_records, parse_published, read_articles
from kg.records import Article

TALKS = "The two foreign ministers met in Vilnius on Tuesday to discuss the border dispute."
CALL = "The president spoke by phone with his counterpart about the ceasefire."


def write_jsonl(path: Path, *records: object) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# --- good input -------------------------------------------------------------------------


def test_io_text_file_is_one_article(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(TALKS, encoding="utf-8")
    assert list(read_articles(str(path))) == [Article(id="article.txt", text=TALKS)]


def test_io_text_is_kept_verbatim_but_bom_dropped(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "Line one.\r\nKovač spoke.\r\n".encode())
    (article,) = read_articles(str(path))
    assert article.text == "Line one.\r\nKovač spoke.\r\n"


def test_io_jsonl_records(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "news.jsonl",
        {"id": "a1", "text": TALKS, "published": "2023-05-11", "url": "https://x.test/1",
         "title": "Ministers meet"},
        "",
        "   ",
        {"id": "a2", "text": CALL, "published": "2023-05-12T23:30:00-04:00"},
        {"id": "a3", "text": CALL, "published": None, "url": None},
    )
    articles = list(read_articles(str(path)))
    assert articles == [
        Article("a1", TALKS, date(2023, 5, 11), "https://x.test/1", "Ministers meet"),
        Article("a2", CALL, date(2023, 5, 12)),
        Article("a3", CALL),
    ]


def test_io_jsonl_is_streamed(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "s.jsonl", {"id": "a", "text": TALKS}, "{broken")
    articles = read_articles(str(path))
    assert next(articles).id == "a"  # the bad second line is not read yet
    with pytest.raises(InputError, match="line 2"):
        next(articles)


def test_io_directory_reads_txt_and_jsonl_sorted(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(CALL, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TALKS, encoding="utf-8")
    write_jsonl(tmp_path / "c.jsonl", {"id": "c1", "text": CALL})
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.txt").write_text(TALKS, encoding="utf-8")
    assert [a.id for a in read_articles(str(tmp_path))] == ["a.txt", "b.txt", "c1"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("2024-02-29", date(2024, 2, 29)),
        ("2023-05-11T10:00:00Z", date(2023, 5, 11)),
        ("2023-05-11 10:00:00+02:00", date(2023, 5, 11)),
    ],
)
def test_io_parse_published(value: object, expected: date | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["2023-02-30", "May 11, 2023", "11/05/2023", 20230511, True])
def test_io_parse_published_rejects(value: object) -> None:
    with pytest.raises(ValueError, match="published"):
        parse_published(value)


# --- stdin ------------------------------------------------------------------------------


def test_io_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    data = "\n  \n" + json.dumps({"id": "s1", "text": TALKS}) + "\n"
    data += json.dumps({"id": "s2", "text": CALL}) + "\n"
    set_stdin(monkeypatch, data.encode())
    assert [a.id for a in read_articles("-")] == ["s1", "s2"]


def test_io_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, ("\n" + TALKS + "\n" + CALL).encode())
    (article,) = read_articles("-")
    assert article == Article(id="stdin", text="\n" + TALKS + "\n" + CALL)


def test_io_stdin_without_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps({"id": "x", "text": CALL})))
    assert [a.id for a in read_articles("-")] == ["x"]


def test_io_stdin_errors_name_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, b'{"id": "a", "text": "ok"}\n{"id": "a", "text": "again"}\n')
    with pytest.raises(InputError) as caught:
        list(read_articles("-"))
    assert str(caught.value) == '<stdin>, line 2: duplicate id "a" (first read at <stdin>, line 1)'


def test_io_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, b"  \n\n")
    with pytest.raises(InputError, match=r"^<stdin>: empty text"):
        list(read_articles("-"))


# --- bad input: the one-line message ----------------------------------------------------


def error_of(path: Path | str, **options: object) -> str:
    with pytest.raises(InputError) as caught:
        list(read_articles(str(path), **options))  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_io_missing_file_raises_on_call(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    with pytest.raises(InputError) as caught:
        read_articles(str(missing))  # raised before iteration starts
    assert str(caught.value) == f"{missing}: no such file or directory"


def test_io_missing_file_raises_in_skip_mode_too(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_articles(str(tmp_path / "nope.txt"), on_error="skip")


def test_io_directory_without_articles(tmp_path: Path) -> None:
    (tmp_path / "readme.md").write_text("x", encoding="utf-8")
    assert error_of(tmp_path) == f"{tmp_path}: directory has no .txt or .jsonl files"


def test_io_binary_text_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"GIF89a\x01\x00\x00\x00")
    assert error_of(path) == f"{path}, line 1: binary content, not text (NUL byte at byte offset 7)"


def test_io_non_utf8_text_file_names_line_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("First line.\nThe minister of Curaçao.\n".encode("latin-1"))
    assert error_of(path) == (
        f"{path}, line 2: not UTF-8 text: byte 0xe7 at byte offset 32 "
        "(byte 21 of the line) cannot be decoded"
    )


def test_io_non_utf8_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "caf\xe9"}\n')
    assert error_of(path) == (
        f"{path}, line 2: not UTF-8 text: byte 0xe9 (byte 25 of the line) cannot be decoded"
    )


def test_io_nul_in_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"id": "a", "text": "ok"}\n\x00\x01\x02\n')
    assert error_of(path) == f"{path}, line 2: binary content, not text (NUL byte at byte offset 0)"


@pytest.mark.parametrize("content", ["", "   \n\t\n"])
def test_io_empty_text_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(content, encoding="utf-8")
    assert error_of(path) == f"{path}: empty text (nothing but whitespace)"


def test_io_text_file_too_long(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("a" * 120, encoding="utf-8")
    assert error_of(path, max_chars=100) == (
        f"{path}: text is too long: 120 characters, more than the limit of 100 (max_chars)"
    )


def test_io_text_file_far_too_long_is_not_decoded(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * 5000)
    assert error_of(path, max_chars=1000) == (
        f"{path}: text is too long: 5,000 bytes, more than the limit of 1,000 characters "
        "(max_chars)"
    )


def test_io_text_at_the_limit_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "exact.txt"
    path.write_text("é" * 100, encoding="utf-8")
    assert len(next(read_articles(str(path), max_chars=100)).text) == 100


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "a", "text": ', "malformed JSON: Expecting value (column 21)"),
        ("{'id': 'a'}", "malformed JSON: Expecting property name enclosed in double quotes "
                        "(column 2)"),
        ('["a", "text"]', "record is an array, not a JSON object"),
        ('"just a string"', "record is a string, not a JSON object"),
        ("42", "record is a number, not a JSON object"),
        ('{"id": "a"}', 'record has no "text"'),
        ('{"id": "a", "text": null}', '"text" is null, not a string'),
        ('{"id": "a", "text": 12}', '"text" is a number, not a string'),
        ('{"id": "a", "text": ["x"]}', '"text" is an array, not a string'),
        ('{"text": "Ministers met."}', 'record has no "id"'),
        ('{"id": null, "text": "Ministers met."}', 'record has no "id"'),
        ('{"id": "", "text": "Ministers met."}', '"id" is empty'),
        ('{"id": "  ", "text": "Ministers met."}', '"id" is empty'),
        ('{"id": 7, "text": "Ministers met."}', '"id" is a number, not a string'),
        ('{"id": "a", "text": ""}', 'empty text in record "a"'),
        ('{"id": "a", "text": " \\n "}', 'empty text in record "a"'),
        ('{"id": "a", "text": "x\\u0000y"}',
         '"text" of record "a" holds a NUL character (binary data?)'),
        ('{"id": "a", "text": "x", "published": "2023-13-01"}',
         "bad \"published\" date '2023-13-01': expected YYYY-MM-DD or an ISO datetime"),
        ('{"id": "a", "text": "x", "published": "last Tuesday"}',
         "bad \"published\" date 'last Tuesday': expected YYYY-MM-DD or an ISO datetime"),
        ('{"id": "a", "text": "x", "published": 2023}',
         '"published" is a number, not a date string'),
        ('{"id": "a", "text": "x", "url": 5}', '"url" is a number, not a string'),
        ('{"id": "a", "text": "x", "title": {"en": "t"}}', '"title" is an object, not a string'),
    ],
)
def test_io_bad_jsonl_record(tmp_path: Path, line: str, reason: str) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", {"id": "first", "text": TALKS}, line)
    assert error_of(path) == f"{path}, line 2: {reason}"


def test_io_duplicate_id_in_file(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "d.jsonl", {"id": "x", "text": TALKS}, "", {"id": "x", "text": CALL}
    )
    assert error_of(path) == f'{path}, line 3: duplicate id "x" (first read at {path}, line 1)'


def test_io_duplicate_id_across_files_of_a_directory(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TALKS, encoding="utf-8")
    path = write_jsonl(tmp_path / "b.jsonl", {"id": "a.txt", "text": CALL})
    first = tmp_path / "a.txt"
    assert error_of(tmp_path) == f'{path}, line 1: duplicate id "a.txt" (first read at {first})'


def test_io_jsonl_record_too_long(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "l.jsonl", {"id": "a", "text": "b" * 150})
    assert error_of(path, max_chars=100) == (
        f"{path}, line 1: text is too long: 150 characters, more than the limit of 100 "
        "(max_chars)"
    )


def test_io_jsonl_line_far_too_long_is_skipped_unparsed(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "l.jsonl", {"id": "a", "text": "b" * 200_000}, {"id": "c", "text": CALL}
    )
    errors: list[InputError] = []
    articles = list(read_articles(str(path), max_chars=100, on_error="skip", report=errors.append))
    assert [a.id for a in articles] == ["c"]
    assert [str(e) for e in errors] == [
        f"{path}, line 1: record is too long: 200,024 bytes, more than a text of 100 "
        "characters (max_chars) can take"
    ]


def test_io_jsonl_with_only_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n \n", encoding="utf-8")
    assert error_of(path) == f"{path}: no records (only blank lines)"


# --- skip mode --------------------------------------------------------------------------


def test_io_skip_mode_reports_and_continues(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "mixed.jsonl",
        {"id": "ok1", "text": TALKS},
        "{not json",
        {"id": "ok1", "text": CALL},
        {"text": CALL},
        {"id": "ok2", "text": CALL, "published": "2023-02-29"},
        {"id": "ok3", "text": CALL},
    )
    errors: list[InputError] = []
    articles = list(read_articles(str(path), on_error="skip", report=errors.append))
    assert [a.id for a in articles] == ["ok1", "ok3"]
    assert [(e.line, e.reason.split(":")[0]) for e in errors] == [
        (2, "malformed JSON"),
        (3, 'duplicate id "ok1" (first read at ' + str(path) + ", line 1)"),
        (4, 'record has no "id"'),
        (5, "bad \"published\" date '2023-02-29'"),
    ]
    assert all(str(e).startswith(f"{path}, line {e.line}: ") for e in errors)


def test_io_skip_mode_skips_bad_files_of_a_directory(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TALKS, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe binary")
    (tmp_path / "c.txt").write_text("  ", encoding="utf-8")
    (tmp_path / "d.txt").write_text(CALL, encoding="utf-8")
    errors: list[InputError] = []
    articles = list(read_articles(str(tmp_path), on_error="skip", report=errors.append))
    assert [a.id for a in articles] == ["a.txt", "d.txt"]
    assert [Path(e.source).name for e in errors] == ["b.txt", "c.txt"]


def test_io_skip_mode_without_reporter_logs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write_jsonl(tmp_path / "x.jsonl", "[1]", {"id": "a", "text": CALL})
    assert [a.id for a in read_articles(str(path), on_error="skip")] == ["a"]
    assert f"skipped: {path}, line 1: record is an array, not a JSON object" in caplog.text


def test_io_rejects_unknown_error_mode(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="on_error"):
        read_articles(str(tmp_path), on_error="ignore")  # type: ignore[arg-type]


# --- other file names are sniffed ---------------------------------------------------------


def test_io_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    as_jsonl = write_jsonl(tmp_path / "dump.json", {"id": "j", "text": CALL})
    as_text = tmp_path / "story.md"
    as_text.write_text(TALKS, encoding="utf-8")
    assert [a.id for a in read_articles(str(as_jsonl))] == ["j"]
    assert [a.id for a in read_articles(str(as_text))] == ["story.md"]


def test_io_txt_starting_with_brace_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_text("{not a record} " + TALKS, encoding="utf-8")
    assert next(read_articles(str(path))).id == "odd.txt"


# --- count_records ----------------------------------------------------------------------


def test_io_count_records(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", {"id": "1", "text": CALL}, "", {"id": "2", "text": CALL})
    (tmp_path / "b.txt").write_text(TALKS, encoding="utf-8")
    assert count_records(str(tmp_path)) == 3
    assert count_records(str(tmp_path / "a.jsonl")) == 2
    assert count_records(str(tmp_path / "b.txt")) == 1
    assert count_records("-") is None
    assert count_records(str(tmp_path / "missing.jsonl")) is None


def test_io_stdin_long_first_record(monkeypatch: pytest.MonkeyPatch) -> None:
    long_text = "The envoy spoke. " * 10_000  # longer than the look-ahead used to sniff stdin
    data = "\n" + json.dumps({"id": "long", "text": long_text}) + "\n"
    data += json.dumps({"id": "short", "text": CALL}) + "\n"
    set_stdin(monkeypatch, data.encode())
    articles = list(read_articles("-"))
    assert [(a.id, len(a.text)) for a in articles] == [
        ("long", len(long_text)),
        ("short", len(CALL)),
    ]


def test_io_stdin_long_text(monkeypatch: pytest.MonkeyPatch) -> None:
    long_text = "The envoy spoke.\n" * 10_000
    set_stdin(monkeypatch, long_text.encode())
    (article,) = read_articles("-")
    assert article.text == long_text
