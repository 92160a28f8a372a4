"""The knowledge-base build's use of Wiktionary's untyped proper nouns (scripts/kb_sources.py):
which place a shared Greek name goes to, which nouns other packages type as regions, and
which are dropped. Built on small hand-made builders: FreeDict need not be installed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

kb_sources = pytest.importorskip("kb_sources", reason="needs the dev extra (babel, pycountry)")
import kb_clean  # noqa: E402
import kb_merge  # noqa: E402
import kb_regions  # noqa: E402
from kb_read import DictEntry  # noqa: E402


def _place(builder: kb_merge.Builder, gid: str, name: str, pop: float, *greek: str) -> None:
    entry = {"id": gid, "name": name, "label": "LOC", "aliases": list(greek), "priority": pop}
    builder.add(entry, "geonames")


def _evidence(**fields: object) -> kb_sources.Evidence:
    alternates = {k: frozenset(map(kb_clean.dedupe_key, v)) for k, v in
                  dict(fields.pop("alternates", {})).items()}  # type: ignore[call-overload]  # fmt: skip
    return kb_sources.Evidence(alternates=alternates, **fields)  # type: ignore[arg-type]


def _noun(head: str, *glosses: str) -> DictEntry:
    return DictEntry(head, "pn", glosses)


def test_a_greek_town_the_gloss_names_owns_its_name_over_an_old_name_abroad() -> None:
    builder = kb_merge.Builder()
    _place(builder, "aleppo", "Aleppo", 2_098_210, "Βέροια", "Χαλέπι")
    _place(builder, "veroia", "Veroia", 44_464, "Βέροια")
    known = _evidence(
        alternates={"aleppo": ["Beroea", "Veroia", "Halab"], "veroia": ["Veria"]},
        home=frozenset(["veroia"]),
    )
    kb_sources.add_freedict(builder, [_noun("Βέροια", "Berea, Beroea, Veria, Veroia")], known)
    assert builder.find("LOC", "Βέροια") == ["veroia"]
    assert builder.entries["aleppo"]["aliases"] == ["Χαλέπι"]
    assert "Veria" in builder.entries["veroia"]["aliases"]  # its own GeoNames name
    assert builder.added[("wiktionary", "LOC", "aliases given up")] == 1


def test_a_much_larger_place_abroad_keeps_a_name_the_gloss_gives_it() -> None:
    builder = kb_merge.Builder()
    _place(builder, "agra-in", "Agra", 1_430_055)
    _place(builder, "agra-gr", "Agra", 955, "Άγρα")
    known = _evidence(home=frozenset(["agra-gr"]))
    kb_sources.add_freedict(builder, [_noun("Άγρα", "Agra")], known)
    assert builder.find("LOC", "Άγρα") == ["agra-in", "agra-gr"]


def test_a_gloss_names_a_place_by_its_geonames_alternate() -> None:
    builder = kb_merge.Builder()
    _place(builder, "adana", "Adana", 1_816_750, "Αντιόχεια")
    _place(builder, "antakya", "Antakya", 399_045, "Αντιόχεια")
    _place(builder, "antioch-ca", "Antioch", 110_542, "Αντιόχεια")
    known = _evidence(alternates={"adana": ["Antioch on Sarus"], "antakya": ["Antioch"]})
    kb_sources.add_freedict(builder, [_noun("Αντιόχεια", "Antioch")], known)
    assert builder.find("LOC", "Αντιόχεια") == ["antakya", "antioch-ca"]
    # The gloss, its own GeoNames name, is its alias too, though a smaller place is so named.
    assert builder.find("LOC", "Antioch") == ["antakya", "antioch-ca"]


def test_glosses_that_are_no_name_of_the_place_are_not_its_aliases() -> None:
    # Ζυγός (Libra) is also a village: the sign's English name is not the village's.
    builder = kb_merge.Builder()
    _place(builder, "zygos", "Zygos", 500, "Ζυγός")
    kb_sources.add_freedict(builder, [_noun("Ζυγός", "Libra")], _evidence())
    assert builder.entries["zygos"]["aliases"] == ["Ζυγός"]


def test_regions_other_packages_name_become_entries_with_the_stated_id() -> None:
    builder = kb_merge.Builder()
    regions = kb_regions.RegionNames()
    regions.add(kb_regions.Region("iso3166-2:GB-SCT", "Scotland"), ["Scotland"])
    regions.add(kb_regions.Region("iso3166-2:IT-82", "Sicilia"), ["Σικελία"])
    regions.add(kb_regions.Region(None, "Transnistria"), ["Transnistria"])
    kinds = kb_sources.add_freedict(
        builder,
        [
            _noun("Σκωτία", "Scotland"),
            _noun("Σικελία", "Sicily"),
            _noun("Υπερδνειστερία", "Transnistria, Transdniestria"),
        ],
        _evidence(regions=regions),
    )
    assert builder.find("LOC", "Σκωτία") == ["iso3166-2:GB-SCT"]
    assert builder.entries["iso3166-2:IT-82"]["name"] == "Sicily"  # Wiktionary's English
    assert builder.find("LOC", "Transdniestria") == ["entityx:loc:transnistria"]
    assert kinds["LOC entry, stated id"] == 2


@pytest.mark.parametrize(
    ("head", "english", "why"),
    [
        # a local subdivision's name that is also a common noun, a given name, a saint
        ("Δύση", "West", "word"),
        ("Μάρα", "Mara", "name"),
        ("Αγία Αικατερίνη", "Saint Catherine", "saint"),
    ],
)
def test_region_homonyms_of_words_names_and_saints_are_dropped(
    head: str, english: str, why: str
) -> None:
    builder = kb_merge.Builder()
    regions = kb_regions.RegionNames()
    regions.add(kb_regions.Region(None, english, strong=False), [english])
    known = _evidence(
        regions=regions,
        common_words=frozenset(["δυση"]),
        given_names=frozenset(["mara"]),
    )
    kinds = kb_sources.add_freedict(builder, [_noun(head, english)], known)
    assert not builder.entries, why
    assert kinds["dropped: region homonym of a word or a name"] == 1


def test_a_former_country_is_not_the_region_that_shares_its_name() -> None:
    builder = kb_merge.Builder()
    regions = kb_regions.RegionNames()
    regions.add(kb_regions.Region("iso3166-2:AO-ZAI", "Zaire"), ["Ζαΐρ"])
    known = _evidence(regions=regions, former_countries=frozenset(["zaire"]))
    kb_sources.add_freedict(builder, [_noun("Ζαΐρ", "Zaire")], known)
    assert list(builder.entries) == ["entityx:loc:zaire"]


@pytest.mark.parametrize(
    ("english", "demonym"),
    [
        ("Croatian", True),
        ("Swede", True),
        ("Luxembourger", True),
        ("Asian", True),
        ("Portuguese", True),  # a language CLDR names
        ("Englishwoman", True),
        ("Scotland", False),
        ("Darwin", False),
    ],
)
def test_demonyms_are_told_by_their_place(english: str, demonym: bool) -> None:
    builder = kb_merge.Builder()
    for name in ("Croatia", "Sweden", "Luxembourg", "Asia"):
        _place(builder, name.lower(), name, 1)
    languages = frozenset(["portuguese", "english"])
    assert kb_sources.is_demonym(english, builder, languages) is demonym


def test_surname_equivalents_and_sense_numbers() -> None:
    # Τσουκαλάς: the English surnames of the same meaning, not a name for the Greek one
    potter = DictEntry("Τσουκαλάς", "pn", ("Potter", "αντίστοιχα επώνυμα"))
    assert kb_sources.proper_noun(potter) is None
    assert kb_sources.proper_noun(_noun("Αχαΐα", "Achaea 2")) == ("Αχαΐα", ["Achaea"])
    assert kb_clean.gloss_names("Hydra 2, Ydra") == ["Hydra", "Ydra"]


def test_detach_keeps_the_name_and_the_index_in_step() -> None:
    builder = kb_merge.Builder()
    _place(builder, "a", "Aleppo", 2, "Βέροια", "Χαλέπι")
    assert builder.detach("a", "ΒΕΡΟΙΑ", "test")
    assert not builder.detach("a", "Aleppo", "test")  # an entry's own name stays
    assert builder.find("LOC", "Βέροια") == []
    assert builder.entries["a"]["aliases"] == ["Χαλέπι"]


def test_packaged_regions_know_greek_and_english_names() -> None:
    regions = kb_regions.region_names()
    assert regions.find("Σικελία", ["Sicily"]) == kb_regions.Region("iso3166-2:IT-82", "Sicilia")
    scotland = regions.find("Σκωτία", ["Scotland"])
    assert scotland is not None and scotland.id == "iso3166-2:GB-SCT"
    assert regions.find("Κάτι", ["Cyberspace"]) is None


@pytest.mark.parametrize(
    ("head", "english", "land"),
    [
        ("Σαξονία", "Saxony", True),  # Saxon
        ("Πρωσία", "Prussia", True),  # Prussian
        ("Σουαβία", "Swabia", True),  # Swabish
        ("Αιμιλία", "Emily", False),  # Emil is a man's name, and Emily a census given name
        ("Χριστός", "Christ", False),  # Christian: not a land's name in -ία
    ],
)
def test_a_land_whose_people_the_dictionary_names_is_a_place(
    head: str, english: str, land: bool
) -> None:
    builder = kb_merge.Builder()
    known = _evidence(
        peoples=frozenset(["saxon", "prussian", "swabish", "emil", "christian"]),
        given_names=frozenset(["emily"]),
    )
    kb_sources.add_freedict(builder, [_noun(head, english)], known)
    assert bool(builder.find("LOC", head)) is land


def test_a_gloss_that_is_a_source_error_does_not_rename_a_place() -> None:
    # Wiktionary glosses Japan's regions (Χοκκάιντο, Κίνκι) as Yokohama; Πλόβντιφ and
    # Άθως (Mount Athos) sound like the places their glosses name.
    builder = kb_merge.Builder()
    _place(builder, "yokohama", "Yokohama", 3_574_443, "Γιοκοχάμα")
    _place(builder, "plovdiv", "Plovdiv", 329_489, "Φιλιππούπολη")
    _place(builder, "athos", "Mount Athos", 1_000, "Άγιο Όρος")
    nouns = [_noun("Χοκκάιντο", "Yokohama"), _noun("Κίνκι", "Yokohama"),
             _noun("Πλόβντιφ", "Plovdiv"), _noun("Άθως", "Mount Athos")]  # fmt: skip
    kb_sources.add_freedict(builder, nouns, _evidence())
    assert builder.find("LOC", "Χοκκάιντο") == builder.find("LOC", "Κίνκι") == []
    assert builder.find("LOC", "Πλόβντιφ") == ["plovdiv"]
    assert builder.find("LOC", "Άθως") == ["athos"]


def test_a_supplement_ruler_is_also_named_without_the_title_before_the_number(
    tmp_path: Path,
) -> None:
    assert kb_sources.untitled_regnal("Βασιλιάς Κάρολος Γ΄") == "Κάρολος Γ΄"
    assert kb_sources.untitled_regnal("Pope John Paul II") == "John Paul II"
    assert kb_sources.untitled_regnal("Martin Luther King III") is None  # no title
    assert kb_sources.untitled_regnal("King Charles") is None  # no number
    rows = tmp_path / "supplement.jsonl"
    rows.write_text(
        '{"name": "Charles III", "label": "PERSON", "aliases": ["Βασιλιάς Κάρολος Γ΄"]}\n',
        encoding="utf-8",
    )
    builder = kb_merge.Builder()
    kb_sources.add_supplement(builder, rows)
    assert builder.find("PERSON", "Κάρολος Γ΄") == ["entityx:person:charles-iii"]
