"""More resolver mechanisms, table-driven: each a context that must make one entity (pairs)
or keep two apart (non-pairs)."""

from __future__ import annotations

import pytest

from entityx.resolution import Resolver
from entityx.resolution.kb import KnowledgeBase

# A small KB where one alias belongs to two places, the one of higher priority first.
_KB = KnowledgeBase.from_entries(
    [
        {
            "id": "x:aleppo",
            "name": "Aleppo",
            "label": "LOC",
            "aliases": ["Βέροια"],
            "priority": 100,
        },
        {
            "id": "x:veroia",
            "name": "Veroia",
            "label": "LOC",
            "aliases": ["Βέροια", "Veroia"],
            "priority": 10,
        },
        {
            "id": "x:paralimnio",
            "name": "Paralimnio",
            "label": "LOC",
            "aliases": ["Παραλίμνιο"],
            "priority": 100,
        },
        {
            "id": "x:paralimni",
            "name": "Paralimni",
            "label": "LOC",
            "aliases": ["Παραλίμνι", "Paralimni"],
            "priority": 10,
        },
        {
            "id": "x:trump",
            "name": "Donald Trump",
            "label": "PERSON",
            "aliases": ["Ντόναλντ Τραμπ", "Τραμπ"],
            "priority": 100,
        },
        {
            "id": "x:melania",
            "name": "Melania Trump",
            "label": "PERSON",
            "aliases": ["Μελάνια Τραμπ", "Τραμπ"],
            "priority": 10,
        },
    ]
)


def _ids(names: list[tuple[str, str]], *, kb: bool = True) -> list[str]:
    resolver = Resolver(kb=_KB, gazetteer=False) if kb else Resolver(kb=False)
    _, ids = resolver.resolve(names, definitions=())
    return ids


# (context, the names of it that must be one entity): the context settles a shared alias.
CONTEXT_KB_PAIRS = [
    ([("Βέροια", "LOC"), ("Veroia", "LOC")], ["Βέροια", "Veroia"]),
    ([("Βέροιας", "LOC"), ("Veroia", "LOC")], ["Βέροιας", "Veroia"]),
    ([("Παραλιμνίου", "LOC"), ("Παραλίμνι", "LOC")], ["Παραλιμνίου", "Παραλίμνι"]),
]
# ... and must not unsettle what it does not settle.
CONTEXT_KB_NON_PAIRS = [
    # No other name: the preferred entry stays, and it is not the town.
    ([("Βέροια", "LOC"), ("Paralimni", "LOC")], "Βέροια", "x:aleppo"),
    # People are left to the short forms.
    ([("Τραμπ", "PERSON"), ("Melania Trump", "PERSON")], "Τραμπ", "x:trump"),
]


@pytest.mark.parametrize(("context", "together"), CONTEXT_KB_PAIRS)
def test_context_settles_shared_alias(context: list[tuple[str, str]], together: list[str]) -> None:
    ids = dict(zip([s for s, _ in context], _ids(context), strict=True))
    assert len({ids[s] for s in together}) == 1


@pytest.mark.parametrize(("context", "name", "kb_id"), CONTEXT_KB_NON_PAIRS)
def test_context_leaves_unsettled(context: list[tuple[str, str]], name: str, kb_id: str) -> None:
    ids = dict(zip([s for s, _ in context], _ids(context), strict=True))
    assert ids[name] == kb_id


def _together(names: list[tuple[str, str]], a: str, b: str, *, kb: bool = False) -> bool:
    ids = dict(zip([s for s, _ in names], _ids(names, kb=kb), strict=True))
    return ids[a] == ids[b]


# A place's acronym joins the name it spells, as an organisation's does.
LOC_ACRONYM_PAIRS = [
    ("ΗΑΕ", "Ηνωμένα Αραβικά Εμιράτα"),
    ("ΗΑΕ", "Ηνωμένων Αραβικών Εμιράτων"),
    ("UAE", "United Arab Emirates"),
    ("ΗΠΑ", "Ηνωμένες Πολιτείες Αμερικής"),
]
LOC_ACRONYM_NON_PAIRS = [
    ("ΗΑΕ", "Ηνωμένες Πολιτείες Αμερικής"),
    ("ΝΑ", "Νότια Αφρική"),  # two capitals: as often an abbreviation
    ("UAE", "Ηνωμένα Αραβικά Εμιράτα"),  # spelled in the other script
]


@pytest.mark.parametrize(("acronym", "name"), LOC_ACRONYM_PAIRS)
def test_place_acronym_joins_its_name(acronym: str, name: str) -> None:
    assert _together([(acronym, "LOC"), (name, "LOC")], acronym, name)


@pytest.mark.parametrize(("acronym", "name"), LOC_ACRONYM_NON_PAIRS)
def test_place_acronym_keeps_apart(acronym: str, name: str) -> None:
    assert not _together([(acronym, "LOC"), (name, "LOC")], acronym, name)


# A middle initial stands for a middle name; a person's initials for the person.
INITIAL_PAIRS = [
    (["Τζον Φ. Κένεντι", "Τζον Φιτζέραλντ Κένεντι"], "Τζον Φ. Κένεντι", "Τζον Φιτζέραλντ Κένεντι"),
    (["John F. Kennedy", "John Fitzgerald Kennedy"], "John F. Kennedy", "John Fitzgerald Kennedy"),
    (
        ["George H. W. Bush", "George Herbert Walker Bush"],
        "George H. W. Bush",
        "George Herbert Walker Bush",
    ),
    (["JFK", "John F. Kennedy"], "JFK", "John F. Kennedy"),
    (["RFK", "Robert Francis Kennedy", "John Kennedy"], "RFK", "Robert Francis Kennedy"),
]
INITIAL_NON_PAIRS = [
    (
        ["George W. Bush", "George Walker Bush", "George William Bush"],
        "George W. Bush",
        "George Walker Bush",
    ),
    (
        ["John F. Kennedy", "John Fitzgerald Kennedy", "John Francis Kennedy"],
        "John F. Kennedy",
        "John Fitzgerald Kennedy",
    ),
    (
        ["John F. Kennedy", "John Fitzgerald Kennedy", "John Francis Kennedy"],
        "John Francis Kennedy",
        "John Fitzgerald Kennedy",
    ),
    (["Τζον Φ. Κένεντι", "Τζον Πίτερ Κένεντι"], "Τζον Φ. Κένεντι", "Τζον Πίτερ Κένεντι"),
    (["JFK", "John F. Kennedy", "Jane Fiona Kent"], "JFK", "John F. Kennedy"),
    (["JFK", "John Kennedy"], "JFK", "John Kennedy"),  # two words for three letters
]


@pytest.mark.parametrize(("context", "a", "b"), INITIAL_PAIRS)
def test_initials_join(context: list[str], a: str, b: str) -> None:
    assert _together([(s, "PERSON") for s in context], a, b)


@pytest.mark.parametrize(("context", "a", "b"), INITIAL_NON_PAIRS)
def test_initials_keep_apart(context: list[str], a: str, b: str) -> None:
    assert not _together([(s, "PERSON") for s in context], a, b)


# An acronym of syllables joins the one name it abbreviates.
SYLLABIC_PAIRS = [
    (["ΚΙΝΑΛ", "Κίνημα Αλλαγής"], "ΚΙΝΑΛ", "Κίνημα Αλλαγής"),
    (["ΠΑΣΟΚ", "Πανελλήνιο Σοσιαλιστικό Κίνημα"], "ΠΑΣΟΚ", "Πανελλήνιο Σοσιαλιστικό Κίνημα"),
    (["ΟΚΑΝΑ", "Οργανισμός Κατά των Ναρκωτικών"], "ΟΚΑΝΑ", "Οργανισμός Κατά των Ναρκωτικών"),
    (
        ["ΣΥΡΙΖΑ", "Συνασπισμός Ριζοσπαστικής Αριστεράς"],
        "ΣΥΡΙΖΑ",
        "Συνασπισμός Ριζοσπαστικής Αριστεράς",
    ),
    (["ΠΟΛΑΝ", "Πολιτικής Άνοιξης"], "ΠΟΛΑΝ", "Πολιτικής Άνοιξης"),
    (["KINAL", "Kinima Allagis"], "KINAL", "Kinima Allagis"),
]
SYLLABIC_NON_PAIRS = [
    (["ΠΑΟΚ", "Παναθηναϊκός Αθλητικός Όμιλος"], "ΠΑΟΚ", "Παναθηναϊκός Αθλητικός Όμιλος"),
    (["ΚΙΝΑΛ", "Κίνημα Δημοκρατών Αλλαγής"], "ΚΙΝΑΛ", "Κίνημα Δημοκρατών Αλλαγής"),
    # Two names it may abbreviate: neither.
    (["ΚΙΝΑΛ", "Κίνημα Αλλαγής", "Κινητό Αλουμίνιο"], "ΚΙΝΑΛ", "Κίνημα Αλλαγής"),
    (["ΚΙΝΑΛ", "Κίνημα"], "ΚΙΝΑΛ", "Κίνημα"),  # one content word
]


@pytest.mark.parametrize(("context", "a", "b"), SYLLABIC_PAIRS)
def test_syllabic_acronym_joins(context: list[str], a: str, b: str) -> None:
    assert _together([(s, "ORG") for s in context], a, b)


@pytest.mark.parametrize(("context", "a", "b"), SYLLABIC_NON_PAIRS)
def test_syllabic_acronym_keeps_apart(context: list[str], a: str, b: str) -> None:
    assert not _together([(s, "ORG") for s in context], a, b)


# A Greek name translated word by word, a gloss starting the Latin word it stands for.
TRANSLATED_PAIRS = [
    ("ORG", "Παγκόσμιος Οργανισμός Υγείας", "World Health Organization"),
    ("ORG", "Οργανισμού Κατά των Ναρκωτικών", "Organization Against Drugs"),
]
TRANSLATED_NON_PAIRS = [
    ("ORG", "Δημοκρατικό Κόμμα", "Republican Party"),  # republ: too short a start
    ("ORG", "Εθνικό Κόμμα", "Nationalist Party"),
    ("ORG", "Παγκόσμιος Οργανισμός Υγείας", "World Trade Organization"),
    ("LOC", "Νότιο Αιγαίο", "North Aegean"),
    ("LOC", "Νίκαια", "Victoria"),  # a place is not read as the nouns it is made of
    ("LOC", "Αμβέρσα", "Antwerpen"),
    ("LOC", "Λευκή Ρωσία", "Russia"),
    ("ORG", "Παγκόσμιος Οργανισμός", "World Health Organization"),
]


@pytest.mark.parametrize(("label", "greek", "latin"), TRANSLATED_PAIRS)
def test_translated_words_join(label: str, greek: str, latin: str) -> None:
    assert _together([(greek, label), (latin, label)], greek, latin)


@pytest.mark.parametrize(("label", "greek", "latin"), TRANSLATED_NON_PAIRS)
def test_translated_words_keep_apart(label: str, greek: str, latin: str) -> None:
    assert not _together([(greek, label), (latin, label)], greek, latin)


def test_translation_met_by_two_entities_joins_neither() -> None:
    names = [
        ("Παγκόσμιος Οργανισμός Υγείας", "ORG"),
        ("World Health Organization", "ORG"),
        ("World Health Organisation Europe", "ORG"),
        ("Organization of World Health", "ORG"),
    ]
    ids = _ids(names, kb=False)
    assert ids[0] != ids[1] and ids[0] != ids[3]


def test_translation_met_by_two_spellings_of_one_name_joins_both() -> None:
    ids = _ids([("Φρουροί της Επανάστασης", "ORG"), ("Revolutionary Guards", "ORG"),
                ("Revolutionary Guard", "ORG")], kb=False)  # fmt: skip
    assert len(set(ids)) == 1


_ACRONYM_KB = KnowledgeBase.from_entries(
    [
        {"id": "x:eda-agency", "name": "European Defence Agency", "label": "ORG",
         "aliases": ["EDA"], "priority": 100},
        {"id": "x:eda-party", "name": "United Democratic Left", "label": "ORG",
         "aliases": ["ΕΔΑ", "Ενιαία Δημοκρατική Αριστερά"], "priority": 10},
    ]
)  # fmt: skip


def _acronym_ids(names: list[str]) -> dict[str, str]:
    resolver = Resolver(kb=_ACRONYM_KB, gazetteer=False)
    _, ids = resolver.resolve([(s, "ORG") for s in names], definitions=())
    return dict(zip(names, ids, strict=True))


def test_latin_acronym_follows_greek_one() -> None:
    ids = _acronym_ids(["ΕΔΑ", "EDA", "Ενιαία Δημοκρατική Αριστερά"])
    assert ids["EDA"] == ids["ΕΔΑ"] == "x:eda-party"


@pytest.mark.parametrize("names", [["EDA"], ["EDA", "Ενιαία Δημοκρατική Αριστερά"], ["EDA", "ΕΔΕ"]])
def test_latin_acronym_keeps_its_entry_alone(names: list[str]) -> None:
    assert _acronym_ids(names)["EDA"] == "x:eda-agency"


# The Arabic article kept by one spelling, dropped by the other.
ARTICLE_PAIRS = [
    ("Muammar al-Gaddafi", "Muammar Gaddafi"),
    ("Ανουάρ ελ Σαντάτ", "Ανουάρ Σαντάτ"),
    ("Bashar al-Assad", "Bashar Assad"),
    ("Anwar el-Sadat", "Anwar Sadat"),
    ("Anwar el-Sadat", "el-Sadat"),  # the short form with its article, either spelling
    ("Abdel Fattah al-Sisi", "el-Sisi"),
    ("Omar al-Bashir", "El-Bashir"),
]
ARTICLE_NON_PAIRS = [
    ("Bashar al-Assad", "Hafez Assad"),
    ("Bashar al-Assad", "Bashar Hassan"),
    ("Muammar al-Gaddafi", "Saif al-Gaddafi"),
    ("Muammar al-Gaddafi", "Saif Gaddafi"),
]


@pytest.mark.parametrize(("a", "b"), ARTICLE_PAIRS)
def test_article_dropped_joins(a: str, b: str) -> None:
    assert _together([(a, "PERSON"), (b, "PERSON")], a, b)


@pytest.mark.parametrize(("a", "b"), ARTICLE_NON_PAIRS)
def test_article_dropped_keeps_apart(a: str, b: str) -> None:
    assert not _together([(a, "PERSON"), (b, "PERSON"), ("Nikos Pappas", "PERSON")], a, b)


_SOUND_KB = KnowledgeBase.from_entries(
    [
        {"id": "x:odesa", "name": "Odesa", "label": "LOC", "aliases": ["Οδησσός", "Odesa"],
         "priority": 100},
        {"id": "x:odessa-tx", "name": "Odessa", "label": "LOC",
         "aliases": ["Odessa", "Odessa, Texas"], "priority": 10},
        {"id": "x:midland", "name": "Midland", "label": "LOC", "aliases": ["Midland"],
         "priority": 10},
    ]
)  # fmt: skip


def _sound_ids(names: list[str]) -> dict[str, str]:
    _, ids = Resolver(kb=_SOUND_KB, gazetteer=False).resolve(
        [(s, "LOC") for s in names], definitions=()
    )
    return dict(zip(names, ids, strict=True))


def test_lone_entry_yields_to_sound_alike_of_context() -> None:
    ids = _sound_ids(["Odessa", "Οδησσός"])
    assert ids["Odessa"] == ids["Οδησσός"] == "x:odesa"


@pytest.mark.parametrize(
    "names",
    [
        ["Odessa"],  # nothing in the context
        ["Odessa", "Midland"],  # the context names no sound-alike
        ["Odessa", "Odessa, Texas", "Οδησσός"],  # another name holds the town too
    ],
)
def test_lone_entry_kept(names: list[str]) -> None:
    assert _sound_ids(names)["Odessa"] == "x:odessa-tx"


_CASE_KB = KnowledgeBase.from_entries(
    [
        {"id": "x:paros", "name": "Paros", "label": "LOC", "aliases": ["Πάρος"]},
        {"id": "x:paro", "name": "Paro", "label": "LOC", "aliases": ["Πάρο"]},
    ]
)


@pytest.mark.parametrize(
    ("names", "entry"),
    [
        (["Πάρο", "Πάρος", "Paros"], "x:paros"),  # the island's accusative, in its context
        (["Πάρο", "Θίμφου"], "x:paro"),  # alone, the name of its own entry
    ],
)
def test_a_lone_entry_yields_to_the_case_form_of_the_context(names: list[str], entry: str) -> None:
    _, ids = Resolver(kb=_CASE_KB, gazetteer=False).resolve(
        [(s, "LOC") for s in names], definitions=()
    )
    assert ids[0] == entry


def test_two_lone_entries_of_one_place_take_the_nominatives() -> None:
    # Each would take the other's entry (each is a case of the other's name): one place.
    _, ids = Resolver(kb=_CASE_KB, gazetteer=False).resolve(
        [("Πάρο", "LOC"), ("Πάρος", "LOC")], definitions=()
    )
    assert ids == ["x:paros", "x:paros"]


_STEM_KB = KnowledgeBase.from_entries(
    [
        {"id": "x:messenia", "name": "Messenia", "label": "LOC", "aliases": ["Μεσσηνία"]},
        {"id": "x:messini", "name": "Messini", "label": "LOC", "aliases": ["Μεσσήνη"]},
    ]
)


@pytest.mark.parametrize("order", [1, -1])
def test_names_sharing_a_stem_keep_their_own_entries(order: int) -> None:
    # A stem alone is no case form: the region and its town stay themselves (they swapped).
    names = ["Μεσσηνία", "Μεσσήνη", "Μεσσηνίας"][::order]
    _, ids = Resolver(kb=_STEM_KB, gazetteer=False).resolve(
        [(s, "LOC") for s in names], definitions=()
    )
    found = dict(zip(names, ids, strict=True))
    assert found == {"Μεσσηνία": "x:messenia", "Μεσσήνη": "x:messini", "Μεσσηνίας": "x:messenia"}


# An acronym is spelt letter by letter: no language's reading of it as a word counts.
ACRONYM_READING_PAIRS = [("ΣΙΑ", "CIA"), ("ΦΙΜΠΑ", "FIBA"), ("ΟΥΕΦΑ", "UEFA"), ("ΚΕΘΕΑ", "KETHEA")]
ACRONYM_READING_NON_PAIRS = [("ΕΑΣ", "EEAS"), ("ΕΑΣ", "EEAS European")]


@pytest.mark.parametrize(("a", "b"), ACRONYM_READING_PAIRS)
def test_acronyms_of_both_scripts_join(a: str, b: str) -> None:
    assert _together([(a, "ORG"), (b, "ORG")], a, b)


@pytest.mark.parametrize(("a", "b"), ACRONYM_READING_NON_PAIRS)
def test_acronym_not_read_as_a_word(a: str, b: str) -> None:
    assert not _together([(a, "ORG"), (b, "ORG")], a, b)
