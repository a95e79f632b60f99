"""Resolve the date expressions of news text ("on Tuesday", "yesterday", "13th December")
to calendar days, against the article's publication date.

Rules, in order of precedence (the first that applies decides):

1. An explicit date anywhere in the expression: ISO ``2023-05-11``, ``May 11, 2023``,
   ``11 May 2023``, ``the 13th of December``, ``On November 25``, ``Friday 16 June``.
   Without a year, the year is chosen around the publication date (see ``_with_year``):
   past tense takes the latest such day not more than a week after publication,
   future tense the earliest not more than a week before it, no tense the nearest.
   A month and year alone ("October 2012") is not a day: None.
2. A day relative to publication: "today", "this morning/afternoon/evening", "tonight",
   "earlier today" (the published day); "yesterday", "last night" (the day before);
   "tomorrow"; "the day before yesterday"; "three days ago", "a week ago", "in two days".
3. A weekday: "Sunday", "on Tuesday night", "Monday morning", "Monday's talks".
   Bare, it is the most recent such day on or before publication (news reports the
   past), or with ``tense="future"`` the first on or after it: a Sunday article's
   "Sunday" is that same day.  "last Friday" is the most recent Friday strictly before
   publication, "next Wednesday" the first strictly after; "this Friday" follows the
   tense, and without one means the Friday of the publication's Monday-to-Sunday week.
   "Monday of last week" / "Monday next week" pick that weekday in the adjacent week.
4. "overnight" alone is the day before publication: the night that ends on the morning
   an article is written began the evening before (as "last night" does).  With a
   weekday ("overnight Tuesday") it is that weekday, the night beginning on it.
5. A clock time alone ("3 p.m. local time", "5:30 p.m.", "at noon") is the published day.

Spans that are not one day ("earlier this week", "next week", "later this month",
"the weekend", "in recent days") give None, as does any relative expression when the
publication date is unknown.  Numeric dates with slashes (11/05/2023) are ambiguous
between day-first and month-first and give None.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Literal

Tense = Literal["past", "future"] | None

WEEKDAYS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
RELATIVE_DAY_WORDS: tuple[str, ...] = (
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "overnight",
)
DATE_WORDS: frozenset[str] = frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(RELATIVE_DAY_WORDS)
"""Single words that by themselves name (or, for months, bound) a day in news text."""

# "Far after": how far past publication a year-less date may fall and still be read
# as this year's in past-tense reporting (and symmetrically before, for future tense).
YEAR_SLACK = timedelta(days=7)

_MONTH = (
    r"(?P<month>"
    + "|".join(sorted(list(MONTHS) + list(MONTH_ABBREVIATIONS), key=len, reverse=True))
    + r")\b\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
_YEAR = r"(?:,?\s*(?P<year>\d{4})\b)?"
_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
    re.compile(rf"\b{_MONTH}\s+(?:the\s+)?{_DAY}(?!:){_YEAR}"),
    re.compile(rf"\b(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}"),
)
_WEEKDAY = re.compile(
    r"\b(?:(?P<modifier>last|next|this|past|coming|previous|following)\s+)?"
    r"(?P<weekday>" + "|".join(WEEKDAYS) + r")\b"
)
_ADJACENT_WEEK = re.compile(r"\b(?P<which>last|next|previous|following)\s+week\b")
_DAYS_AWAY = re.compile(
    r"\b(?:(?P<in>in)\s+)?(?P<count>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"\s+(?P<unit>days?|weeks?)(?:\s+(?P<ago>ago))?\b"
)
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
# Phrases naming a day relative to publication, longest first; the value is the offset.
_RELATIVE_DAYS: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(rf"\b{phrase}\b"), offset)
    for phrase, offset in (
        (r"(?:the\s+)?day\s+before\s+yesterday", -2),
        (r"(?:the\s+)?day\s+after\s+tomorrow", 2),
        (r"yesterday", -1),
        (r"last\s+night", -1),
        (r"tomorrow", 1),
        (r"today", 0),
        (r"tonight", 0),
        (r"this\s+(?:morning|afternoon|evening)", 0),
        (r"(?:earlier|later)\s+(?:in\s+the\s+day|on)", 0),
    )
)
_OVERNIGHT = re.compile(r"\bovernight\b")
_SPAN = re.compile(
    r"\b(?:(?:this|last|next|past|coming|previous|following)\s+(?:week|weekend|month|year)"
    r"|weekend|recent\s+(?:days|weeks)|recently|soon|within\s+(?:a|the)\s+week)\b"
)
_TIME = re.compile(
    r"\b(?:\d{1,2}(?::\d{2})?\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)|\d{1,2}:\d{2}\b|noon|midday"
    r"|midnight|\d{1,2}\s+o'?clock|local\s+time|gmt|utc)"
)
_YEAR_ALONE = re.compile(r"\b(?:19|20)\d{2}\b")
_MONTH_WORD = re.compile(
    r"\b(?:" + "|".join(m for m in MONTHS if m not in ("may", "march")) + r")\b"
)


def resolve_date(expression: str, published: date | None, *, tense: Tense = None) -> date | None:
    """The calendar day ``expression`` names, read in an article published on ``published``.

    ``tense`` is the tense of the clause the expression sits in: "past" (the default
    reading for bare weekdays), "future" ("will meet on Friday") or None (unknown).
    Returns None when the expression names no single day or cannot be resolved.

    >>> resolve_date("on Tuesday night", date(2023, 5, 10))
    datetime.date(2023, 5, 9)
    >>> resolve_date("will meet on Friday", date(2023, 5, 10), tense="future")
    datetime.date(2023, 5, 12)
    """
    if isinstance(published, datetime):
        published = published.date()
    text = _clean(expression)
    if not text:
        return None
    explicit = _explicit_date(text)
    if explicit is not None:
        month, day, year = explicit
        if year is not None:
            return _safe_date(year, month, day)
        return None if published is None else _with_year(month, day, published, tense)
    if published is None:
        return None
    for pattern, offset in _RELATIVE_DAYS:
        if pattern.search(text):
            return published + timedelta(days=offset)
    away = _DAYS_AWAY.search(text)
    if away and (away.group("ago") or away.group("in")):
        count = _NUMBER_WORDS.get(away.group("count")) or int(away.group("count"))
        days = count * (7 if away.group("unit").startswith("week") else 1)
        return published + timedelta(days=-days if away.group("ago") else days)
    weekday = _WEEKDAY.search(text)
    if weekday:
        return _resolve_weekday(weekday, text, published, tense)
    if _SPAN.search(text):
        return None
    if _OVERNIGHT.search(text):
        return published - timedelta(days=1)
    if _TIME.search(text):
        return published
    return None


# Expressions that can only name a time after publication: "tomorrow", "next week", "on
# Monday next week", "in the coming days", "later this month", "in two weeks".
_AHEAD = re.compile(
    r"\b(?:tomorrow|(?:next|coming|upcoming)\s+(?:week|weekend|month|year|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"\s+next\s+week|(?:coming|next)\s+(?:few\s+)?(?:days|weeks|months)|later\s+this\s+"
    r"(?:week|month|year)|in\s+(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:days?|weeks?|months?)(?:'|\s+time)?)\b"
)


def points_ahead(expression: str) -> bool:
    """Whether ``expression`` can only name a time after publication ("next week", "tomorrow",
    "in the coming days", "later this month", "in two weeks"), whatever the tense around it:
    "Negotiations open next week" tells of talks to come.

    >>> points_ahead("next week"), points_ahead("the coming days"), points_ahead("in two weeks' time")
    (True, True, True)
    >>> points_ahead("last week"), points_ahead("on Friday"), points_ahead("two weeks ago")
    (False, False, False)
    """
    return _AHEAD.search(_clean(expression)) is not None


def looks_like_date(text: str) -> bool:
    """True when ``text`` holds a date or time expression (resolvable or not).

    >>> looks_like_date("later this month"), looks_like_date("the foreign minister")
    (True, False)
    """
    cleaned = _clean(text)
    if not cleaned:
        return False
    return bool(
        _explicit_date(cleaned)
        or _WEEKDAY.search(cleaned)
        or any(pattern.search(cleaned) for pattern, _ in _RELATIVE_DAYS)
        or _OVERNIGHT.search(cleaned)
        or _SPAN.search(cleaned)
        or _TIME.search(cleaned)
        or _MONTH_WORD.search(cleaned)
        or _YEAR_ALONE.search(cleaned)
        # "May" and "March" are verbs too: dates only beside a year ("May 2023").
        or re.search(r"\b(?:may|march)\s+(?:19|20)\d{2}\b", cleaned)
        or (_DAYS_AWAY.search(cleaned) and re.search(r"\b(?:ago|in)\b", cleaned))
    )


def _clean(expression: str) -> str:
    text = expression.casefold().replace("\u2019", "'")
    text = re.sub(r"[\[\]()]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _explicit_date(text: str) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of the first explicit date in ``text``."""
    found: list[re.Match[str]] = [m for p in _DATE_PATTERNS if (m := p.search(text))]
    if not found:
        return None
    match = min(found, key=lambda m: m.start())
    raw_month = match.group("month")
    month = int(raw_month) if raw_month.isdigit() else _month_number(raw_month)
    year = match.group("year")
    return month, int(match.group("day")), int(year) if year else None


def _month_number(name: str) -> int:
    return MONTHS.get(name) or MONTH_ABBREVIATIONS[name]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _with_year(month: int, day: int, published: date, tense: Tense) -> date | None:
    """The year-less date nearest ``published`` that the tense allows.

    Candidates span four years either side so that 29 February finds a leap year.
    """
    candidates = [
        found
        for offset in range(-4, 5)
        if (found := _safe_date(published.year + offset, month, day)) is not None
    ]
    if tense == "past":
        allowed = [c for c in candidates if c <= published + YEAR_SLACK]
        return max(allowed, default=None)
    if tense == "future":
        allowed = [c for c in candidates if c >= published - YEAR_SLACK]
        return min(allowed, default=None)
    return min(candidates, key=lambda c: abs(c - published), default=None)


def _resolve_weekday(match: re.Match[str], text: str, published: date, tense: Tense) -> date | None:
    target = WEEKDAYS.index(match.group("weekday"))
    modifier = match.group("modifier")
    week = _ADJACENT_WEEK.search(text)
    if modifier == "following" or (week and week.group("which") == "following"):
        return None  # relative to another event, not to publication
    if week:
        shift = -7 if week.group("which") in ("last", "previous") else 7
        monday = published - timedelta(days=published.weekday())
        return monday + timedelta(days=shift + target)
    back = (published.weekday() - target) % 7  # days since the most recent such day
    ahead = (target - published.weekday()) % 7  # days until the next such day
    if modifier in ("last", "past", "previous"):
        return published - timedelta(days=back or 7)
    if modifier in ("next", "coming"):
        return published + timedelta(days=ahead or 7)
    if modifier == "this" and tense is None:
        return published + timedelta(days=target - published.weekday())
    if tense == "future":
        return published + timedelta(days=ahead)
    return published - timedelta(days=back)
