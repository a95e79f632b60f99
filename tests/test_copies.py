"""Wire copies: exact and near-duplicate texts are recognised, other stories are not."""

from __future__ import annotations

import doctest
import os
import subprocess
import sys

import pytest

import kg.text.copies
from kg.text.copies import CopyDetector, choose_bands, normalised_words

# Stories written for these tests (invented countries and people).
STORY = """By Lena Marsh

VALDORIA CITY, March 3 (Newswire) - Foreign ministers of Estmark and Porvania met in the
lakeside town of Selm on Monday for their first direct talks since the border closure last
autumn, officials from both governments said.

The meeting, hosted by the Valdorian government, lasted more than four hours. Estmark's
foreign minister, Oskar Brandt, told reporters that the two sides had agreed to reopen two
crossings for freight traffic within a month and to set up a joint commission on water
rights along the Selm river.

Porvania's foreign minister, Ida Kovac, described the talks as frank and useful but said
that questions of compensation for the closure remained open. A second round is planned in
Valdoria City in April, a Valdorian spokesman said, adding that the president would receive
both delegations before the talks begin.

(Reporting by Lena Marsh; Editing by Tom Reed)
"""

# The same story as another outlet runs it: another byline and credit line, other quotes and
# dashes, the spacing and line breaks changed.
REBYLINED = """BY PAUL OKAFOR AND ANNA VIDAL, Associated Wire

VALDORIA CITY, March 3 -- Foreign ministers of Estmark and Porvania met in the lakeside town
of Selm on Monday for their first direct talks since the border closure last autumn,
officials from both governments said.
The meeting , hosted by the Valdorian government , lasted more than four hours.  Estmark’s
foreign minister, Oskar Brandt, told reporters that the two sides had agreed to reopen two
crossings for freight traffic within a month and to set up a joint commission on water rights
along the Selm river.
Porvania’s foreign minister, Ida Kovac, described the talks as “frank and useful” but said that
questions of compensation for the closure remained open. A second round is planned in Valdoria
City in April, a Valdorian spokesman said, adding that the president would receive both
delegations before the talks begin.

Additional reporting by Mia Holt
"""

# The same meeting told by another outlet in its own words: same topic, names and facts.
SAME_TOPIC = """SELM, March 3 - Estmark and Porvania took a first step towards ending their
border dispute on Monday, when their foreign ministers sat down together in Selm under
Valdorian auspices.

Oskar Brandt of Estmark said freight would again cross at two points within a month, and a
joint commission would look at the water rights on the Selm river. Ida Kovac of Porvania was
more guarded: compensation for the closure was still on the table, she said, calling the
talks frank and useful.

The ministers will meet again in Valdoria City in April. The Valdorian president is expected
to receive both delegations before that round, a spokesman said.
"""


def test_copies_exact_copy_names_the_first_document() -> None:
    detector = CopyDetector()
    assert detector.add("wire-1", STORY) is None
    assert detector.add("site-2", STORY) == "wire-1"
    assert detector.original_of("site-2") == "wire-1"
    assert detector.original_of("wire-1") is None


@pytest.mark.parametrize("text", [
    REBYLINED,
    STORY.upper(),
    " ".join(STORY.split()),  # all line breaks gone
    STORY.replace(",", "").replace(".", " ."),
    STORY + "\nRead more: world news in brief\n",  # a line the republisher added
], ids=["byline-and-punctuation", "upper-case", "one-line", "punctuation", "added-line"])
def test_copies_near_copy_is_recognised(text: str) -> None:
    detector = CopyDetector(threshold=0.9)
    detector.add("wire-1", STORY)
    assert detector.add("other", text) == "wire-1"


def test_copies_same_topic_other_story_is_not_a_copy() -> None:
    detector = CopyDetector(threshold=0.9)
    detector.add("wire-1", STORY)
    assert detector.add("other-outlet", SAME_TOPIC) is None
    # ... at a lower threshold too: they share facts, not wording.
    loose = CopyDetector(threshold=0.5)
    loose.add("wire-1", STORY)
    assert loose.add("other-outlet", SAME_TOPIC) is None


def test_copies_first_seen_wins_along_a_chain() -> None:
    detector = CopyDetector()
    detector.add("a", STORY)
    detector.add("b", REBYLINED)
    assert detector.add("c", " ".join(REBYLINED.split())) == "a"
    assert detector.add("d", SAME_TOPIC) is None
    assert detector.add("e", SAME_TOPIC.lower()) == "d"


def test_copies_short_texts_are_compared_exactly() -> None:
    detector = CopyDetector()
    assert detector.add("a", "Talks resumed.") is None
    assert detector.add("b", "talks  RESUMED!") == "a"
    assert detector.add("c", "Talks ended.") is None
    assert detector.add("empty", " \n ... ") is None
    assert "empty" not in detector and len(detector) == 3


def test_copies_adding_an_id_twice_is_an_error() -> None:
    detector = CopyDetector()
    detector.add("a", STORY)
    with pytest.raises(ValueError, match="already added"):
        detector.add("a", SAME_TOPIC)


@pytest.mark.parametrize("threshold", [0.0, 1.5])
def test_copies_threshold_is_checked(threshold: float) -> None:
    with pytest.raises(ValueError):
        CopyDetector(threshold=threshold)


def test_copies_max_documents_bounds_the_index() -> None:
    detector = CopyDetector(max_documents=2)
    detector.add("a", STORY)
    detector.add("b", SAME_TOPIC)
    detector.add("c", "An unrelated note about the weather in the mountains this weekend.")
    assert len(detector) == 2 and "a" not in detector
    assert detector.add("d", STORY) is None  # "a" is forgotten
    # A copy found through a kept copy still names the first document.
    bounded = CopyDetector(max_documents=2)
    bounded.add("a", STORY)
    bounded.add("b", REBYLINED)
    bounded.add("c", SAME_TOPIC)
    assert "a" not in bounded
    assert bounded.add("d", STORY.upper()) == "a"


def test_copies_bylines_and_credits_are_not_part_of_the_text() -> None:
    words = normalised_words("By Lena Marsh\nMinisters met on Monday.\n(Reporting by Lena Marsh)")
    assert words == ["ministers", "met", "on", "monday"]
    # A sentence that starts with "By" is text.
    assert normalised_words("By Monday, the talks had ended.")[:2] == ["by", "monday"]


def test_copies_banding_finds_pairs_at_the_threshold() -> None:
    bands, rows = choose_bands(0.9, 128)
    assert bands * rows <= 128
    assert 1 - (1 - 0.9 ** rows) ** bands >= 0.99
    assert 1 - (1 - 0.5 ** rows) ** bands < 0.05


def test_copies_are_deterministic_across_processes() -> None:
    detector = CopyDetector()
    here = detector.signature(normalised_words(STORY)).tolist()
    assert here == CopyDetector().signature(normalised_words(STORY)).tolist()
    code = ("import sys; from kg.text.copies import CopyDetector, normalised_words; "
            "print(CopyDetector().signature(normalised_words(sys.stdin.read())).tolist())")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", code], input=STORY, capture_output=True, text=True, env=env,
                         check=True)
    assert out.stdout.strip() == str(here)
    stream = [("a", STORY), ("b", SAME_TOPIC), ("c", REBYLINED), ("d", STORY.lower())]
    first, second = CopyDetector(), CopyDetector()
    answers = [first.add(doc_id, text) for doc_id, text in stream]
    assert answers == [second.add(doc_id, text) for doc_id, text in stream]
    assert answers == [None, None, "a", "a"]


def test_copies_minhash_comes_without_scipy_and_equals_datasketchs_own() -> None:
    # In a fresh process: the signature is made without importing scipy (datasketch's LSH
    # modules need it, its MinHash does not), it equals the one datasketch's package gives,
    # and datasketch imported afterwards is its whole package.
    code = "\n".join([
        "import sys",
        "from kg.text.copies import CopyDetector, normalised_words",
        "words = normalised_words(sys.stdin.read())",
        "light = CopyDetector().signature(words).tolist()",
        "print('scipy' in sys.modules, sorted(m for m in sys.modules if m.startswith('datasketch')))",
        "import datasketch",
        "print(hasattr(datasketch, 'MinHashLSH'), 'scipy' in sys.modules)",
        "print(light == CopyDetector().signature(words).tolist())",
        "shingles = sorted({' '.join(words[i:i + 4]) for i in range(len(words) - 3)})",
        "whole = datasketch.MinHash(num_perm=256, seed=20240501, scheme='affine32')",
        "whole.update_batch([s.encode() for s in shingles])",
        "print(light == whole.hashvalues.tolist())",
    ])
    out = subprocess.run([sys.executable, "-c", code], input=STORY, capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:4] == ["False []", "True True", "True", "True"]


def test_copies_docstring_examples() -> None:
    failures, _ = doctest.testmod(kg.text.copies)
    assert failures == 0
