"""Generate a deterministic corpus of news-like diplomatic articles for kg's benchmarks.

Usage: ``python bench/corpus.py [-n 300] [--words 300] [--seed 2] [-o corpus.jsonl]``.

Each article is one JSON object a line (``id``, ``published``, ``url``, ``title``,
``text``), built from the templates and word lists below: two countries that meet, talk,
phone or visit, often a third that mediates or hosts, people with titles, statements and
background.  The same arguments always give the same bytes.  All officials are invented.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

DEFAULT_ARTICLES = 300
DEFAULT_WORDS = 300
DEFAULT_SEED = 2
FIRST_DAY = date(2024, 1, 1)


@dataclass(frozen=True)
class Nation:
    name: str
    demonym: str
    capital: str
    city: str  # a second city, for venues
    given: tuple[str, ...]
    family: tuple[str, ...]


NATIONS = (
    Nation("Norway", "Norwegian", "Oslo", "Bergen", ("Ingrid", "Lars", "Sigrid", "Eirik"),
           ("Halvorsen", "Brekke", "Lunde", "Aasen")),
    Nation("Kenya", "Kenyan", "Nairobi", "Mombasa", ("Amani", "Wanjiru", "Otieno", "Njeri"),
           ("Odhiambo", "Kamau", "Mutua", "Wekesa")),
    Nation("Ghana", "Ghanaian", "Accra", "Kumasi", ("Kwame", "Akosua", "Kofi", "Ama"),
           ("Mensah", "Boateng", "Owusu", "Asante")),
    Nation("Peru", "Peruvian", "Lima", "Cusco", ("Rosa", "Jorge", "Carmen", "Luis"),
           ("Quispe", "Huaman", "Salazar", "Paredes")),
    Nation("Chile", "Chilean", "Santiago", "Valparaiso", ("Tomas", "Javiera", "Matias", "Catalina"),
           ("Vergara", "Fuentes", "Contreras", "Sepulveda")),
    Nation("Austria", "Austrian", "Vienna", "Graz", ("Lena", "Florian", "Katharina", "Lukas"),
           ("Huber", "Gruber", "Wagner", "Moser")),
    Nation("Serbia", "Serbian", "Belgrade", "Novi Sad", ("Milan", "Jelena", "Nikola", "Ivana"),
           ("Petrovic", "Jovanovic", "Markovic", "Ilic")),
    Nation("Armenia", "Armenian", "Yerevan", "Gyumri", ("Aram", "Lilit", "Davit", "Ani"),
           ("Sargsyan", "Hakobyan", "Grigoryan", "Avetisyan")),
    Nation("Azerbaijan", "Azerbaijani", "Baku", "Ganja", ("Elchin", "Leyla", "Rashad", "Aynur"),
           ("Mammadov", "Aliyeva", "Huseynov", "Guliyev")),
    Nation("Georgia", "Georgian", "Tbilisi", "Batumi", ("Nino", "Giorgi", "Tamar", "Levan"),
           ("Beridze", "Kapanadze", "Lomidze", "Tsiklauri")),
    Nation("Egypt", "Egyptian", "Cairo", "Alexandria", ("Omar", "Mona", "Karim", "Salma"),
           ("Farouk", "Hassan", "Nasser", "Saleh")),
    Nation("Qatar", "Qatari", "Doha", "Al Wakrah", ("Khalid", "Noora", "Jassim", "Maryam"),
           ("Al-Kuwari", "Al-Marri", "Al-Suwaidi", "Al-Naimi")),
    Nation("Turkey", "Turkish", "Ankara", "Istanbul", ("Emre", "Elif", "Murat", "Zeynep"),
           ("Aksoy", "Yildiz", "Demir", "Kaya")),
    Nation("Indonesia", "Indonesian", "Jakarta", "Surabaya", ("Budi", "Siti", "Agus", "Dewi"),
           ("Santoso", "Wijaya", "Hartono", "Kusuma")),
    Nation("Vietnam", "Vietnamese", "Hanoi", "Da Nang", ("Minh", "Lan", "Tuan", "Hoa"),
           ("Nguyen", "Tran", "Pham", "Le")),
    Nation("Switzerland", "Swiss", "Bern", "Geneva", ("Anna", "Reto", "Claudia", "Beat"),
           ("Keller", "Meier", "Brunner", "Frei")),
    Nation("Colombia", "Colombian", "Bogota", "Cartagena", ("Camila", "Andres", "Valentina", "Felipe"),
           ("Restrepo", "Gaviria", "Ospina", "Cardenas")),
    Nation("Venezuela", "Venezuelan", "Caracas", "Maracaibo", ("Daniela", "Rafael", "Gabriela", "Hector"),
           ("Mendoza", "Rangel", "Briceno", "Uzcategui")),
    Nation("Ethiopia", "Ethiopian", "Addis Ababa", "Bahir Dar", ("Abebe", "Meron", "Dawit", "Selam"),
           ("Tesfaye", "Girma", "Bekele", "Haile")),
    Nation("Sudan", "Sudanese", "Khartoum", "Port Sudan", ("Ahmed", "Amna", "Osman", "Huda"),
           ("Babiker", "Elamin", "Abdalla", "Idris")),
)

LEADER_TITLES = ("President", "Prime Minister", "Foreign Minister")
AIDE_TITLES = ("chief negotiator", "spokeswoman", "spokesman", "special envoy", "national security adviser")
FORMER_POSTS = ("Justice", "Defence", "Culture", "Finance", "Energy", "Interior")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TOPICS = ("the disputed border", "water sharing on the river", "a prisoner exchange", "transit fees",
          "fishing rights", "the return of displaced families", "a ceasefire along the frontier",
          "electricity exports", "the reopening of consulates", "customs checks at the crossing")
OUTLETS = ("Reuters", "the state news agency", "a local broadcaster", "the national radio", "AFP")
ORGANISATIONS = ("the African Union", "the United Nations", "the European Union", "the OSCE")
VERBS_SAID = ("said", "told reporters", "said in a statement", "wrote on social media")
FILLER = (
    "Diplomats described the atmosphere as businesslike but tense.",
    "Neither side released a detailed agenda before the session began.",
    "Trade between the two countries has fallen sharply over the past two years.",
    "Opposition lawmakers in both capitals have criticised the timing of the contacts.",
    "Earlier rounds ended without a joint declaration.",
    "Security around the venue was tight, with roads closed for several hours.",
    "Officials cautioned that a final agreement could still take months.",
    "The talks are the first at this level since the crisis began.",
    "Business groups welcomed the news and urged both governments to keep talking.",
    "Residents of the border districts have waited years for a settlement.",
    "Observers said the choice of venue was meant to signal neutrality.",
    "Both delegations included military officers as well as diplomats.",
    "The foreign ministries exchanged draft texts in the days before the meeting.",
    "Humanitarian agencies asked for safe passage for aid convoys while the contacts continue.",
    "A joint working group is expected to report back within a month.",
    "Markets in the region rose modestly on hopes of a breakthrough.",
)


@dataclass(frozen=True)
class Official:
    name: str
    surname: str
    title: str
    nation: Nation


class Story:
    """The cast of one article: two sides, perhaps a third party, and their officials."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        a, b, m = rng.sample(NATIONS, 3)
        self.a, self.b, self.m = a, b, m
        self.leader_a = self._official(a, rng.choice(LEADER_TITLES))
        self.leader_b = self._official(b, rng.choice(LEADER_TITLES))
        self.leader_m = self._official(m, rng.choice(LEADER_TITLES))
        self.aide_a = self._official(a, rng.choice(AIDE_TITLES))
        self.aide_b = self._official(b, rng.choice(AIDE_TITLES))
        self.venue = rng.choice((m.capital, m.city))
        self.topic = rng.choice(TOPICS)
        self.day = rng.choice(WEEKDAYS)

    def _official(self, nation: Nation, title: str) -> Official:
        surname = self.rng.choice(nation.family)
        return Official(f"{self.rng.choice(nation.given)} {surname}", surname, title, nation)


def _a(word: str) -> str:
    return f"an {word}" if word[0] in "AEIOU" else f"a {word}"


def _titled(o: Official) -> str:
    """'Kenyan President Amani Odhiambo'."""
    return f"{o.nation.demonym} {o.title} {o.name}"


# Each template takes a Story and its rng and returns one sentence.
def _meeting(s: Story, r: random.Random) -> str:
    return (f"{_titled(s.leader_a)} met {_titled(s.leader_b)} in {s.venue} on {s.day} "
            f"to discuss {s.topic}, {r.choice(OUTLETS)} reported.")


def _phone(s: Story, r: random.Random) -> str:
    return (f"During a phone call with {_titled(s.leader_m)}, {s.leader_a.title} {s.leader_a.name} "
            f"agreed that the {s.a.demonym} delegation would meet the {s.b.demonym} delegation "
            f"without preconditions.")


def _visit(s: Story, r: random.Random) -> str:
    return (f"{s.leader_b.name} arrived in {s.a.capital} on {s.day} for a {r.choice(('two', 'three'))}-day "
            f"visit, the first by {_a(s.b.demonym)} leader in {r.randint(4, 15)} years.")


def _mediated(s: Story, r: random.Random) -> str:
    return r.choice((
        f"{_titled(s.leader_m)} mediated talks between {s.a.name} and {s.b.name} on {s.topic}.",
        f"{s.m.name} brokered a deal between {s.a.name} and {s.b.name} on {s.topic}, officials said.",
        f"The negotiations between {s.a.name} and {s.b.name} were held under the auspices of "
        f"{r.choice(ORGANISATIONS)}.",
        f"{s.m.name} hosted talks between {s.a.name} and {s.b.name} in {s.venue} on {s.day}.",
    ))


def _relay(s: Story, r: random.Random) -> str:
    return (f"Later, {s.leader_a.title} {s.leader_a.name} spoke to {s.leader_m.name} over the phone, "
            f"asking for the start of the talks to be delayed. {s.leader_m.surname} then spoke to "
            f"{_titled(s.leader_b)}, who agreed to move the meeting to a later date.")


def _apposition(s: Story, r: random.Random) -> str:
    return (f"{s.aide_a.name}, an aide to {s.leader_a.title} {s.leader_a.surname} and former "
            f"{r.choice(FORMER_POSTS)} Minister, {r.choice(VERBS_SAID)} that the parties were still "
            f"deciding on the exact venue.")


def _aide(s: Story, r: random.Random) -> str:
    return (f"{s.b.demonym} {s.aide_b.title} {s.aide_b.name} {r.choice(VERBS_SAID)} that {s.b.capital} "
            f"wanted guarantees on {s.topic} before any signing.")


def _capitals(s: Story, r: random.Random) -> str:
    return (f"{s.a.capital} said it was ready to resume the dialogue, while {s.b.capital} denied that "
            f"its forces had crossed the line, {r.choice(OUTLETS)} reported.")


def _possessive(s: Story, r: random.Random) -> str:
    return (f"{s.leader_a.surname}'s spokeswoman said the {s.a.demonym} team would travel to "
            f"{s.venue} on {r.choice(WEEKDAYS)}.")


def _planned(s: Story, r: random.Random) -> str:
    return (f"{s.a.name} on {s.day} confirmed that it would hold talks with {s.b.name} in the "
            f"{s.m.demonym} city of {s.m.city}.")


def _history(s: Story, r: random.Random) -> str:
    return r.choice((
        f"The two neighbours have argued over {s.topic} since {r.randint(1991, 2015)}.",
        f"A previous round in {r.choice(NATIONS).capital} collapsed in {r.randint(2016, 2023)} after a "
        f"dispute over {r.choice(TOPICS)}.",
        f"{s.m.name} has kept good relations with both {s.a.name} and {s.b.name} for decades.",
    ))


def _quote(s: Story, r: random.Random) -> str:
    return r.choice((
        f"\"We are ready to listen, but we will not give up our position,\" {s.leader_b.surname} said.",
        f"\"The door to dialogue remains open,\" the {s.a.demonym} foreign ministry said on {s.day}.",
        f"{s.leader_m.surname} told journalists that both delegations had shown \"real goodwill\".",
    ))


def _filler(s: Story, r: random.Random) -> str:
    return r.choice(FILLER)


OPENERS = (_planned, _meeting, _mediated)
BODY = (_phone, _visit, _mediated, _relay, _apposition, _aide, _capitals, _possessive, _meeting,
        _history, _quote, _filler, _filler, _filler)


def _title(s: Story, r: random.Random) -> str:
    return r.choice((
        f"{s.a.name} and {s.b.name} agree to talks on {s.topic}",
        f"{s.m.name} steps in as {s.a.name} and {s.b.name} trade accusations",
        f"{s.leader_a.name} meets {s.leader_b.name} in {s.venue}",
    ))


def article(index: int, rng: random.Random, words: int) -> dict[str, str]:
    """One article of about ``words`` words (whole sentences, 2-3 to a paragraph)."""
    story = Story(rng)
    sentences = [rng.choice(OPENERS)(story, rng)]
    count = len(sentences[0].split())
    deck: list = []
    while count < words:
        if not deck:  # every template once before any is used again
            deck = rng.sample(BODY, len(BODY))
        sentence = deck.pop()(story, rng)
        if sentence in sentences:
            continue
        sentences.append(sentence)
        count += len(sentence.split())
    paragraphs, current = [], []
    for sentence in sentences:
        current.append(sentence)
        if len(current) >= rng.choice((1, 2, 3)):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    doc_id = f"bench-{index:04d}"
    published = FIRST_DAY + timedelta(days=rng.randrange(0, 730))
    return {"id": doc_id, "published": published.isoformat(), "url": f"https://news.example/{doc_id}",
            "title": _title(story, rng), "text": "\n\n".join(paragraphs)}


def generate(n: int = DEFAULT_ARTICLES, *, words: int = DEFAULT_WORDS, seed: int = DEFAULT_SEED) -> Iterator[dict]:
    """The articles, one at a time; the same arguments give the same articles."""
    rng = random.Random(seed)
    for index in range(n):
        yield article(index, rng, words)


def write_corpus(path: str | Path, n: int = DEFAULT_ARTICLES, *, words: int = DEFAULT_WORDS,
                 seed: int = DEFAULT_SEED) -> int:
    """Write the corpus as JSON Lines; returns the number of words written."""
    total = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for record in generate(n, words=words, seed=seed):
            total += len(record["text"].split())
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return total


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--articles", type=int, default=DEFAULT_ARTICLES)
    parser.add_argument("--words", type=int, default=DEFAULT_WORDS, help="words per article (about)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("-o", "--output", default="-", help="JSONL file (default: standard output)")
    args = parser.parse_args(argv)
    if args.output == "-":
        for record in generate(args.articles, words=args.words, seed=args.seed):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    total = write_corpus(args.output, args.articles, words=args.words, seed=args.seed)
    print(f"{args.articles} articles, {total:,} words -> {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
