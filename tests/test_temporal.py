"""kg.nlp.temporal: date expressions of news text resolved against the publication date."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kg.nlp.temporal import DATE_WORDS, looks_like_date, points_ahead, resolve_date

WED = date(2023, 5, 10)  # a Wednesday
SUN = date(2023, 5, 14)  # a Sunday
TUE = date(2023, 5, 9)  # a Tuesday
NEW_YEAR = date(2024, 1, 1)  # a Monday
LEAP_FRI = date(2024, 3, 1)  # a Friday, the day after 29 February


def test_temporal_reference_weekdays() -> None:
    assert [d.strftime("%A") for d in (WED, SUN, TUE, NEW_YEAR, LEAP_FRI)] == [
        "Wednesday", "Sunday", "Tuesday", "Monday", "Friday",
    ]


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        # bare weekday: the most recent such day on or before publication
        ("Sunday", WED, date(2023, 5, 7)),
        ("on Tuesday night", WED, date(2023, 5, 9)),
        ("Monday morning", WED, date(2023, 5, 8)),
        ("late on Thursday", WED, date(2023, 5, 4)),
        ("Saturday's summit", WED, date(2023, 5, 6)),
        ("Wednesday", WED, WED),
        ("Sunday", SUN, SUN),  # a Sunday article's "Sunday" is that day
        ("on Monday", TUE, date(2023, 5, 8)),  # published on a Tuesday: the day before
        ("on Tuesday", TUE, TUE),
        ("Wednesday", TUE, date(2023, 5, 3)),
        # last / next / this
        ("last Friday", WED, date(2023, 5, 5)),
        ("last Wednesday", WED, date(2023, 5, 3)),
        ("next Wednesday", WED, date(2023, 5, 17)),
        ("next Friday", WED, date(2023, 5, 12)),
        ("this coming Saturday", WED, date(2023, 5, 13)),
        ("this Friday", WED, date(2023, 5, 12)),
        ("this Monday", WED, date(2023, 5, 8)),
        ("Monday of last week", WED, date(2023, 5, 1)),
        ("Tuesday next week", WED, date(2023, 5, 16)),
        ("the following Monday", WED, None),  # relative to another event
        # year boundaries
        ("Sunday", NEW_YEAR, date(2023, 12, 31)),
        ("last Friday", date(2024, 1, 2), date(2023, 12, 29)),
        ("next Monday", date(2023, 12, 31), date(2024, 1, 1)),
        # leap day
        ("Thursday", LEAP_FRI, date(2024, 2, 29)),
    ],
)
def test_temporal_weekdays(expression: str, published: date, expected: date | None) -> None:
    assert resolve_date(expression, published) == expected


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("will meet on Friday", WED, date(2023, 5, 12)),
        ("talks resume on Monday", WED, date(2023, 5, 15)),
        ("on Wednesday", WED, WED),
        ("Sunday", date(2023, 12, 30), date(2023, 12, 31)),
        ("Monday", date(2023, 12, 30), date(2024, 1, 1)),
        ("this Monday", WED, date(2023, 5, 15)),  # tense decides "this"
        ("last Friday", WED, date(2023, 5, 5)),  # an explicit modifier beats the tense
    ],
)
def test_temporal_weekdays_future_tense(
    expression: str, published: date, expected: date
) -> None:
    assert resolve_date(expression, published, tense="future") == expected


def test_temporal_this_weekday_in_past_tense() -> None:
    assert resolve_date("this Friday", WED, tense="past") == date(2023, 5, 5)


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("today", WED, WED),
        ("Today", WED, WED),
        ("earlier today", WED, WED),
        ("this morning", WED, WED),
        ("this afternoon", WED, WED),
        ("this evening", WED, WED),
        ("tonight", WED, WED),
        ("yesterday", WED, date(2023, 5, 9)),
        ("Yesterday evening", WED, date(2023, 5, 9)),
        ("late last night", WED, date(2023, 5, 9)),
        ("tomorrow", WED, date(2023, 5, 11)),
        ("the day before yesterday", WED, date(2023, 5, 8)),
        ("the day after tomorrow", WED, date(2023, 5, 12)),
        ("three days ago", WED, date(2023, 5, 7)),
        ("a week ago", WED, date(2023, 5, 3)),
        ("2 weeks ago", WED, date(2023, 4, 26)),
        ("in two days", WED, date(2023, 5, 12)),
        ("overnight", WED, date(2023, 5, 9)),  # the night began the evening before
        ("overnight Sunday", WED, date(2023, 5, 7)),  # the night beginning on Sunday
        ("yesterday (Tuesday)", WED, date(2023, 5, 9)),
        ("tomorrow (Thursday)", WED, date(2023, 5, 11)),  # the relative word decides
        # year boundaries and the leap day
        ("yesterday", NEW_YEAR, date(2023, 12, 31)),
        ("tomorrow", date(2023, 12, 31), NEW_YEAR),
        ("yesterday", LEAP_FRI, date(2024, 2, 29)),
        ("tomorrow", date(2024, 2, 28), date(2024, 2, 29)),
        ("tomorrow", date(2023, 2, 28), date(2023, 3, 1)),
    ],
)
def test_temporal_relative_days(expression: str, published: date, expected: date) -> None:
    assert resolve_date(expression, published) == expected


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("3 p.m. local time", WED, WED),
        ("5:30 p.m.", WED, WED),
        ("at 10am GMT", WED, WED),
        ("at noon", WED, WED),
        ("Tuesday at 3 p.m.", WED, date(2023, 5, 9)),
        ("yesterday at 5:30 p.m.", WED, date(2023, 5, 9)),
        ("at 9 a.m. on 4 May", WED, date(2023, 5, 4)),
    ],
)
def test_temporal_times_take_the_day_beside_them(
    expression: str, published: date, expected: date
) -> None:
    assert resolve_date(expression, published) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("May 11, 2023", date(2023, 5, 11)),
        ("May 11 2023", date(2023, 5, 11)),
        ("on May 11th, 2023", date(2023, 5, 11)),
        ("11 May 2023", date(2023, 5, 11)),
        ("the 11th of May, 2023", date(2023, 5, 11)),
        ("2023-05-11", date(2023, 5, 11)),
        ("2023-05-11T14:00:00Z", date(2023, 5, 11)),
        ("Sept. 3, 2021", date(2021, 9, 3)),
        ("3 Dec 2021", date(2021, 12, 3)),
        ("29 February 2024", date(2024, 2, 29)),
        ("29 February 2023", None),  # no such day
        ("31 June 2023", None),
        ("2023-13-01", None),
    ],
)
def test_temporal_explicit_dates_need_no_publication_date(
    expression: str, expected: date | None
) -> None:
    assert resolve_date(expression, None) == expected
    assert resolve_date(expression, WED) == expected


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("13th December", date(2023, 12, 14), date(2023, 12, 13)),
        ("On November 25", date(2023, 11, 25), date(2023, 11, 25)),
        ("15 January", date(2023, 5, 10), date(2023, 1, 15)),
        ("16 June", date(2023, 6, 20), date(2023, 6, 16)),
        ("Friday 16 June", date(2023, 6, 16), date(2023, 6, 16)),
        ("Monday (12 June)", date(2023, 6, 16), date(2023, 6, 12)),  # the date wins
        ("This afternoon [3 March 2022]", WED, date(2022, 3, 3)),
        # past tense: a date far after publication is last year's
        ("December 28", date(2024, 1, 3), date(2023, 12, 28)),
        ("on 20 July", date(2023, 6, 15), date(2022, 7, 20)),
        ("on 20 June", date(2023, 6, 15), date(2023, 6, 20)),  # within a week: this year
        ("February 29", LEAP_FRI, date(2024, 2, 29)),
        ("February 29", date(2023, 3, 1), date(2020, 2, 29)),
    ],
)
def test_temporal_day_month_past_tense(
    expression: str, published: date, expected: date
) -> None:
    assert resolve_date(expression, published, tense="past") == expected


@pytest.mark.parametrize(
    ("expression", "published", "tense", "expected"),
    [
        ("January 5", date(2023, 12, 28), "future", date(2024, 1, 5)),
        ("January 5", date(2023, 12, 28), None, date(2024, 1, 5)),  # the nearest
        ("December 28", date(2024, 1, 3), None, date(2023, 12, 28)),
        ("December 20", date(2024, 1, 3), "future", date(2024, 12, 20)),
        ("10 June", date(2023, 6, 15), "future", date(2023, 6, 10)),  # within a week
        ("February 29", date(2023, 3, 1), "future", date(2024, 2, 29)),
        ("February 29", date(2023, 3, 1), None, date(2024, 2, 29)),
    ],
)
def test_temporal_day_month_other_tenses(
    expression: str, published: date, tense: str | None, expected: date
) -> None:
    assert resolve_date(expression, published, tense=tense) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "expression",
    [
        "later this month",
        "next week",
        "earlier this week",
        "early next week",
        "this weekend",
        "October 2012",
        "in May 2023",
        "April",
        "in recent days",
        "during the summit",
        "before the end of the month",
        "11/05/2023",
        "the talks",
        "",
        "   ",
    ],
)
def test_temporal_not_a_day(expression: str) -> None:
    assert resolve_date(expression, WED) is None


@pytest.mark.parametrize(
    "expression",
    ["Sunday", "yesterday", "today", "overnight", "3 p.m.", "last Friday", "13th December"],
)
def test_temporal_relative_needs_publication_date(expression: str) -> None:
    assert resolve_date(expression, None) is None


def test_temporal_accepts_a_datetime_as_publication() -> None:
    assert resolve_date("yesterday", datetime(2023, 5, 10, 23, 59)) == date(2023, 5, 9)


@pytest.mark.parametrize(
    "text",
    [
        "Sunday", "on Tuesday night", "yesterday", "tonight", "overnight", "this morning",
        "May 11, 2023", "13th December", "2023-05-11", "3 p.m. local time", "5:30 p.m.",
        "later this month", "next week", "earlier this week", "October 2012", "in 2012",
        "in May 2023", "two days ago",
    ],
)
def test_temporal_looks_like_date(text: str) -> None:
    assert looks_like_date(text)


@pytest.mark.parametrize(
    "text",
    ["the foreign minister", "talks may resume", "Kenya", "", "the march on the capital",
     "3 delegations"],
)
def test_temporal_does_not_look_like_date(text: str) -> None:
    assert not looks_like_date(text)


def test_temporal_date_words() -> None:
    assert {"monday", "sunday", "december", "yesterday", "tomorrow", "today"} <= DATE_WORDS
    assert "minister" not in DATE_WORDS


@pytest.mark.parametrize(("expression", "ahead"), [
    ("tomorrow", True), ("next week", True), ("on Monday next week", True), ("the coming days", True),
    ("in the next few weeks", True), ("later this month", True), ("in two weeks' time", True),
    ("next Friday", True),
    # near misses: past or either way
    ("last week", False), ("on Friday", False), ("two weeks ago", False), ("earlier this month", False),
    ("the following week", False), ("this week", False),
])
def test_points_ahead(expression: str, ahead: bool) -> None:
    """Only expressions that cannot name a time before publication point ahead."""
    assert points_ahead(expression) is ahead
