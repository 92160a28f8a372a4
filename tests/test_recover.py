"""Document-level span rules: trimming broken spans, recovering names that recur untagged."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from entityx.resolution.recover import recover_mentions, trim_spans

PERSONS = frozenset(["PERSON"])
ECHOED = frozenset(["PERSON", "LOC", "ORG"])


def _recover(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    """Recovered spans of a space-tokenised text, as ``words/LABEL``; sentences end in '.'."""
    tokens = text.split()
    starts = [i == 0 or tokens[i - 1] == "." for i in range(len(tokens))]
    found = recover_mentions(
        tokens, spans, sentence_starts=starts, labels=ECHOED, person_labels=PERSONS
    )
    assert all(not (s < e2 and s2 < e) for s, e, _ in found for s2, e2, _ in spans)
    return [f"{' '.join(tokens[s:e])}/{label}@{s}" for s, e, label in found]


RECOVERED = [
    # a person's surname after the full name, anywhere in the text
    ("Lina Mendoni spoke . Mendoni said no .", [(0, 2, "PERSON")], ["Mendoni/PERSON@4"]),
    ("Mendoni said no . Lina Mendoni spoke .", [(4, 6, "PERSON")], ["Mendoni/PERSON@0"]),
    # after a title, which is no name of its own
    (
        "Kyriakos Mitsotakis spoke . Prime Minister Mitsotakis left .",
        [(0, 2, "PERSON")],
        ["Mitsotakis/PERSON@6"],
    ),
    # the same surface, several words, with the label of the span it echoes
    (
        "Aegean Airlines grew . Shares of Aegean Airlines rose .",
        [(0, 2, "ORG")],
        ["Aegean Airlines/ORG@6"],
    ),
    ("Kathimerini reported it . Kathimerini said so .", [(0, 1, "ORG")], ["Kathimerini/ORG@4"]),
    # Greek names in another case
    (
        "Ο Γιάννης Στουρνάρας μίλησε . Σύμφωνα με τον Στουρνάρα , ναι .",
        [(1, 3, "PERSON")],
        ["Στουρνάρα/PERSON@8"],
    ),
    (
        "Ο Γιάννης Στουρνάρας μίλησε . Η δήλωση του Γιάννη Στουρνάρα ήρθε .",
        [(1, 3, "PERSON")],
        ["Γιάννη Στουρνάρα/PERSON@8"],
    ),
    ("Η Ρωσία αντέδρασε . Η θέση της Ρωσίας είναι σαφής .", [(1, 2, "LOC")], ["Ρωσίας/LOC@7"]),
    (
        "Ο Κυριάκος Μητσοτάκης μίλησε . Ο Μητσοτάκης είπε ότι ο Μητσοτάκη δεν .",
        [(1, 3, "PERSON")],
        ["Μητσοτάκης/PERSON@6", "Μητσοτάκη/PERSON@10"],
    ),
    ("Conan O'Brien joked . O'Brien left .", [(0, 2, "PERSON")], ["O'Brien/PERSON@4"]),
    ("Η Ελλάδα ψήφισε . Στην ΕΛΛΑΔΑ δεν .", [(1, 2, "LOC")], ["ΕΛΛΑΔΑ/LOC@5"]),
    # false positives avoided:
    ("Lina Mendoni spoke . mendoni said .", [(0, 2, "PERSON")], []),  # not capitalised
    ("John Young spoke . Young people came , the young .", [(0, 2, "PERSON")], []),  # a word
    ("George Washington spoke . The Washington Post said .", [(0, 2, "PERSON")], []),  # longer
    ("Lina Mendoni spoke . Visit Mendoni Hall now .", [(0, 2, "PERSON")], []),
    ("Lina Mendoni spoke . The Mendoni Foundation paid .", [(0, 2, "PERSON"), (5, 7, "ORG")], []),
    (  # a spelling that echoes two labels
        "Michael Jordan played . Jordan is a country . He saw Jordan .",
        [(0, 2, "PERSON"), (4, 5, "LOC")],
        [],
    ),
    ("Wei Li spoke . Li said .", [(0, 2, "PERSON")], []),  # too short
    ("Greek ships sailed . Greek ports .", [(0, 1, "MISC")], []),  # MISC is not echoed
    ("Η Ρωσία αντέδρασε . Οι Ρώσοι δεν .", [(1, 2, "LOC")], []),  # another word, same stem
    ("Ο Κιμ μίλησε . Ο Κιμ Γιονγκ Ουν είπε .", [(1, 2, "PERSON")], []),  # part of a name
    ("Osama bin Laden spoke . Ayman met Osama bin Laden .", [(0, 3, "PERSON")], []),
    ("Mof - Ávvi is a peninsula . Mof - Ávvi is small .", [(0, 3, "LOC")], []),
    (  # a place after a joiner that follows a capitalised word is part of a longer name
        "Η Ελευσίνα έχει λιμάνι . Τα Ναυπηγεία της Ελευσίνας έκλεισαν .",
        [(1, 2, "LOC")],
        [],
    ),
]


@pytest.mark.parametrize(("text", "spans", "expected"), RECOVERED)
def test_recover_mentions(text: str, spans: list[tuple[int, int, str]], expected: list[str]):
    assert _recover(text, spans) == expected


def test_recover_keeps_the_raw_label_and_defaults_to_one_sentence() -> None:
    tokens = ["Sergey", "Lavrov", "came", ".", "Lavrov", "spoke"]
    found = recover_mentions(
        tokens, [(0, 2, "PER")], labels=frozenset(["PER"]), person_labels=frozenset(["PER"])
    )
    assert found == [(4, 5, "PER")]


def _trim(text: str, label: str) -> str | None:
    tokens = text.split()
    out = trim_spans(tokens, [(0, len(tokens), label)], person_labels=PERSONS)
    return " ".join(tokens[out[0][0] : out[0][1]]) if out else None


TRIMMED = [
    ("Mitsotakis and", "PERSON", "Mitsotakis"),
    ("And Mitsotakis", "PERSON", "Mitsotakis"),
    ("Μητσοτάκης και", "PERSON", "Μητσοτάκης"),
    ("Τράπεζας της", "ORG", "Τράπεζας"),
    ("Bank of", "ORG", "Bank"),
    ("Minister Lina Mendoni", "PERSON", "Lina Mendoni"),
    ("Culture Minister Lina Mendoni", "PERSON", "Lina Mendoni"),
    ("κος Στουρνάρας", "PERSON", "Στουρνάρας"),
    ("Κ. Παπακώστα", "PERSON", "Κ. Παπακώστα"),  # an initial, written like the title κ.
    ("Greek Culture Minister", "ORG", None),  # a title phrase, not a name
    ("Greek Culture Minister", "MISC", None),
    ("Υπουργός", "PERSON", None),
    ("and", "ORG", None),
    # names that contain such words keep them
    ("Bank of Greece", "ORG", "Bank of Greece"),
    ("Τράπεζα της Ελλάδος", "ORG", "Τράπεζα της Ελλάδος"),
    ("Office of the Prime Minister", "ORG", "Office of the Prime Minister"),
    ("Johnson & Johnson", "ORG", "Johnson & Johnson"),
    ("President Hotel", "ORG", "President Hotel"),  # only a person's name loses its title
    ("Martin Luther King", "PERSON", "Martin Luther King"),
]


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["Natasha", "\n", "A"], ["Natasha"]),  # a name does not cross a line break
        (["\n", "Civil", "War", "\n", "By"], ["Civil", "War"]),
        (["St", "."], ["St", "."]),  # punctuation stays: it may be an abbreviation's
        (
            ["Ο", "Αλφόνσο", "διδάσκει", "Μπρόνσταιν", "!"],
            ["Ο", "Αλφόνσο", "διδάσκει", "Μπρόνσταιν", "!"],
        ),
    ],
)
def test_trim_at_white_space(tokens: list[str], expected: list[str]) -> None:
    out = trim_spans(tokens, [(0, len(tokens), "MISC")], person_labels=PERSONS)
    assert [tokens[i] for s, e, _ in out for i in range(s, e)] == expected


@pytest.mark.parametrize(("text", "label", "expected"), TRIMMED)
def test_trim_spans(text: str, label: str, expected: str | None) -> None:
    assert _trim(text, label) == expected


_WORDS = st.sampled_from(
    ["Lina", "Mendoni", "said", "and", "Minister", ".", "Στουρνάρα", "Στουρνάρας", "του", "the"]
)


@given(st.lists(_WORDS, min_size=1, max_size=30), st.data())
def test_rules_keep_spans_apart_and_inside(tokens: list[str], data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.sets(st.integers(0, len(tokens)), max_size=6)))
    spans = [(a, b, "PERSON") for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    trimmed = trim_spans(tokens, spans, person_labels=PERSONS)
    assert all(any(a <= s < e <= b for a, b, _ in spans) for s, e, _ in trimmed)
    found = recover_mentions(tokens, trimmed, labels=ECHOED, person_labels=PERSONS)
    everything = sorted([*trimmed, *found])
    assert all(e <= s2 for (_, e, _), (s2, _, _) in pairwise(everything))
    assert all(tokens[i][:1].isupper() for s, e, _ in found for i in range(s, e))


REPEATED = (
    "Greek Culture Minister Lina Mendoni said on Tuesday that the statues would return. "
    "Mendoni said the museum would open in June. Prime Minister Kyriakos Mitsotakis and his "
    "wife visited Athens. Mitsotakis will travel to Brussels."
)


@pytest.mark.slow
def test_bundled_pipeline_unchanged_with_rules_off(extractor) -> None:
    from entityx.pipeline import RESOLVER, resolver_component

    nlp = extractor.nlp
    component = resolver_component(nlp)
    before = (component.trim_spans, component.recover_mentions)
    with nlp.select_pipes(disable=[RESOLVER]):
        tagged = nlp(REPEATED)
    ner_only = [(e.start_char, e.end_char, e.label_) for e in tagged.ents]
    try:
        outputs = {}
        for rules in (False, True):
            component.trim_spans = component.recover_mentions = rules
            doc = component(tagged.copy())
            outputs[rules] = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    finally:
        component.trim_spans, component.recover_mentions = before
    assert component.settings()["trim_spans"] is before[0]
    assert outputs[False] == ner_only  # the CNN's spans, untouched
    recovered = set(outputs[True]) - set(ner_only)
    assert {REPEATED[s:e] for s, e, _ in recovered} >= {"Mendoni", "Mitsotakis"}
