"""Generalisation of the resolver beyond ../shared/eval/resolve_dev.jsonl.

Two sets, neither of which the rules were written from:

- ``HELD_OUT``: names that are not in the dev file (politicians, athletes, companies, places
  written phonetically), with Greek inflected forms and near-miss pairs that must stay apart
  (James/David Cameron, Kim Yo-jong/Kim Jong-un, Joe/Hunter Biden);
- GeoNames/CLDR: every bundled city whose Greek name is a transcription, resolved *without*
  the gazetteer, i.e. purely by spelling and sound (slow: marked).

Run ``PYTHONPATH=src python tests/test_resolve_generalisation.py`` to print the figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from entityx.resolution import Resolver
from entityx.resolution.evaluate import EvalLine, ResolverScores, evaluate_lines, load_lines

# (label, greek forms, latin forms)
HELD_OUT: list[tuple[str, list[str], list[str]]] = [
    ("PERSON", ["Μπαράκ Ομπάμα", "Ομπάμα"], ["Barack Obama", "Obama"]),
    ("PERSON", ["Άνγκελα Μέρκελ", "Μέρκελ"], ["Angela Merkel"]),
    ("PERSON", ["Εμανουέλ Μακρόν"], ["Emmanuel Macron"]),
    ("PERSON", ["Τζο Μπάιντεν"], ["Joe Biden"]),
    ("PERSON", ["Χάντερ Μπάιντεν"], ["Hunter Biden"]),
    ("PERSON", ["Βολοντίμιρ Ζελένσκι"], ["Volodymyr Zelensky", "Volodymyr Zelenskyy"]),
    ("PERSON", ["Μπόρις Τζόνσον"], ["Boris Johnson"]),
    ("PERSON", ["Όλαφ Σολτς"], ["Olaf Scholz"]),
    ("PERSON", ["Ζαν-Κλοντ Γιούνκερ"], ["Jean-Claude Juncker"]),
    ("PERSON", ["Μουν Τζε-ιν"], ["Moon Jae-in"]),
    ("PERSON", ["Κιμ Γιο Τζονγκ"], ["Kim Yo-jong"]),
    ("PERSON", ["Χου Τζιντάο"], ["Hu Jintao"]),
    ("PERSON", ["Σίνζο Άμπε"], ["Shinzo Abe"]),
    ("PERSON", ["Νάρεντρα Μόντι"], ["Narendra Modi"]),
    ("PERSON", ["Μπέντζαμιν Νετανιάχου"], ["Benjamin Netanyahu"]),
    ("PERSON", ["Ντμίτρι Μεντβέντεφ"], ["Dmitry Medvedev", "Dmitri Medvedev"]),
    ("PERSON", ["Αλεξέι Ναβάλνι"], ["Alexei Navalny"]),
    ("PERSON", ["Γεβγκένι Πριγκόζιν"], ["Yevgeny Prigozhin"]),
    ("PERSON", ["Ίλον Μασκ"], ["Elon Musk"]),
    ("PERSON", ["Μαρκ Ζάκερμπεργκ"], ["Mark Zuckerberg"]),
    ("PERSON", ["Μπιλ Γκέιτς"], ["Bill Gates"]),
    ("PERSON", ["Τζεφ Μπέζος"], ["Jeff Bezos"]),
    ("PERSON", ["Ραφαέλ Ναδάλ"], ["Rafael Nadal"]),
    ("PERSON", ["Ρότζερ Φέντερερ"], ["Roger Federer"]),
    ("PERSON", ["Νόβακ Τζόκοβιτς"], ["Novak Djokovic", "Novak Đoković"]),
    ("PERSON", ["Στέφανος Τσιτσιπάς", "Στέφανου Τσιτσιπά"], ["Stefanos Tsitsipas"]),
    ("PERSON", ["Κυριάκος Μητσοτάκης", "Κυριάκου Μητσοτάκη"], ["Kyriakos Mitsotakis"]),
    ("PERSON", ["Αλέξης Τσίπρας", "Αλέξη Τσίπρα"], ["Alexis Tsipras"]),
    ("PERSON", ["Δημήτρης Τσίπρας"], []),
    ("PERSON", ["Ανδρέας Παπανδρέου"], ["Andreas Papandreou"]),
    ("PERSON", ["Γιάνης Βαρουφάκης", "Γιάνη Βαρουφάκη"], ["Yanis Varoufakis"]),
    ("PERSON", ["Ευάγγελος Βενιζέλος", "Ευάγγελου Βενιζέλου"], ["Evangelos Venizelos"]),
    ("PERSON", ["Μίκης Θεοδωράκης"], ["Mikis Theodorakis"]),
    ("PERSON", ["Ντόναλντ Τραμπ"], ["Donald Trump"]),
    ("PERSON", ["Μελάνια Τραμπ"], ["Melania Trump"]),
    ("PERSON", ["Τζέιμς Κάμερον"], ["James Cameron"]),
    ("PERSON", ["Μπασάρ αλ Άσαντ"], ["Bashar al-Assad"]),
    ("PERSON", ["Τζάστιν Τριντό"], ["Justin Trudeau"]),
    ("PERSON", ["Βίκτορ Όρμπαν"], ["Viktor Orbán"]),
    ("PERSON", ["Ματέο Ρέντσι"], ["Matteo Renzi"]),
    ("PERSON", ["Σίλβιο Μπερλουσκόνι"], ["Silvio Berlusconi"]),
    ("PERSON", ["Ζοζέ Μουρίνιο"], ["José Mourinho"]),
    ("PERSON", ["Πεπ Γκουαρδιόλα"], ["Pep Guardiola"]),
    ("PERSON", ["Έρλινγκ Χάαλαντ"], ["Erling Haaland"]),
    ("PERSON", ["Σεργκέι Σοϊγκού"], ["Sergei Shoigu"]),
    ("PERSON", ["Μαρία Ζαχάροβα"], ["Maria Zakharova"]),
    ("PERSON", ["Ρετζέπ Ταγίπ Ερντογάν", "Ερντογάν"], ["Recep Tayyip Erdoğan", "Erdogan"]),
    ("PERSON", ["Γουόρεν Μπάφετ"], ["Warren Buffett"]),
    ("PERSON", ["Τζορτζ Κλούνεϊ"], ["George Clooney"]),
    ("PERSON", ["Κρίστιν Λαγκάρντ"], ["Christine Lagarde"]),
    ("ORG", ["Γκούγκλ"], ["Google"]),
    ("ORG", ["Μάικροσοφτ"], ["Microsoft"]),
    ("ORG", ["Φέισμπουκ"], ["Facebook"]),
    ("ORG", ["Μπλούμπεργκ"], ["Bloomberg"]),
    ("ORG", ["Γκάρντιαν"], ["Guardian"]),
    ("ORG", ["Μπαρτσελόνα"], ["Barcelona"]),
    ("ORG", ["Λίβερπουλ"], ["Liverpool"]),
    ("ORG", ["Μάντσεστερ Γιουνάιτεντ"], ["Manchester United"]),
    ("ORG", ["Ολυμπιακός", "Ολυμπιακού"], ["Olympiacos", "Olympiakos"]),
    ("ORG", ["ΟΗΕ"], []),
    ("ORG", ["ΝΑΤΟ", "Νάτο"], ["NATO"]),
    ("ORG", ["Πεντάγωνο", "Πενταγώνου"], ["Pentagon"]),
    ("LOC", ["Νότια Κορέα", "Νότιας Κορέας"], ["South Korea"]),
    ("LOC", ["Γαλλία", "Γαλλίας"], ["France"]),
    ("LOC", ["Λονδίνο", "Λονδίνου"], ["London"]),
    ("LOC", ["Ηνωμένες Πολιτείες", "Ηνωμένων Πολιτειών"], ["United States"]),
    ("LOC", ["Σεούλ"], ["Seoul"]),
    ("LOC", ["Ουάσινγκτον"], ["Washington"]),
    ("LOC", ["Τόκιο"], ["Tokyo"]),
    ("LOC", ["Πεκίνο", "Πεκίνου"], ["Beijing"]),
    ("LOC", ["Κίεβο", "Κιέβου"], ["Kyiv", "Kiev"]),
    ("LOC", ["Τεχεράνη", "Τεχεράνης"], ["Tehran"]),
    ("LOC", ["Χαρκόβο"], ["Kharkiv"]),
    ("LOC", ["Κεσσάνη"], []),
    ("LOC", ["Θεσσαλονίκη", "Θεσσαλονίκης"], ["Thessaloniki"]),
]


def held_out_lines() -> list[EvalLine]:
    return [
        EvalLine(id=f"H{i:03d}", label=label, greek=greek, latin=latin)
        for i, (label, greek, latin) in enumerate(HELD_OUT)
    ]


def geonames_lines() -> list[EvalLine]:
    """Bundled cities whose Greek name is not a translation (a form without the gazetteer)."""
    from entityx.resolution import KnowledgeBase
    from entityx.text.greek import has_greek

    lines = []
    seen: set[str] = set()
    for entry in KnowledgeBase.bundled().entries:  # most populous first
        if not entry.id.startswith("geonames:") or entry.priority >= 1e10:
            continue  # countries/continents are mostly translations (Γαλλία/France)
        greek = [a for a in entry.aliases if has_greek(a)][:1]
        if greek and entry.name not in seen:  # one Sydney: same-name places are one name
            seen.add(entry.name)
            lines.append(EvalLine(id=entry.id, label="LOC", greek=greek, latin=[entry.name]))
    return lines


def test_held_out_targets() -> None:
    scores = evaluate_lines(held_out_lines())
    assert scores.exact_accuracy >= 0.9, scores.errors
    assert scores.bcubed_f1 >= 0.95, scores.errors


def test_held_out_precision_guards() -> None:
    scores = evaluate_lines(held_out_lines())
    assert scores.bcubed_precision >= 0.98, [e for e in scores.errors if e["merged_with"]]


@pytest.mark.slow
def test_geonames_by_sound_only() -> None:
    scores = evaluate_lines(geonames_lines(), resolver=Resolver(gazetteer=False))
    # Many Greek city names are translations (Αθήνα/Athens) that no phonetic rule can find;
    # this guards against regressions of the transcription rules, and precision above all.
    # Measured with the bundled KB of issue 12 (4,763 one-word names at once): P 0.866,
    # exact 0.587; the code before cross-script readings scored P 0.870, exact 0.550 on the
    # same lines (the older gazetteer gave 2,262 lines and P 0.942).
    assert scores.bcubed_precision >= 0.85
    assert scores.exact_accuracy >= 0.55


DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("name", ["resolve_tune.jsonl", "resolve_heldout.jsonl"])
def test_curated_sets(name: str) -> None:
    """Hand-curated sets across source languages (resolve_heldout.jsonl is never tuned on)."""
    lines = load_lines(DATA / name)
    with_kb = evaluate_lines(lines)
    assert with_kb.bcubed_precision >= 0.99, [e for e in with_kb.errors if e["merged_with"]]
    assert with_kb.exact_accuracy >= 0.8, with_kb.errors
    without = evaluate_lines(lines, resolver=Resolver(kb=False))
    assert without.bcubed_precision >= 0.99, [e for e in without.errors if e["merged_with"]]
    assert without.exact_accuracy >= 0.8, without.errors


def _show(title: str, s: ResolverScores) -> None:
    print(
        f"{title}: entities={s.entities} forms={s.forms} exact={s.exact_accuracy:.3f} "
        f"P={s.bcubed_precision:.3f} R={s.bcubed_recall:.3f} F1={s.bcubed_f1:.3f}"
    )


if __name__ == "__main__":
    import sys

    s = evaluate_lines(held_out_lines())
    _show("held-out (gazetteer on)", s)
    if "-v" in sys.argv:
        for err in s.errors:
            print("  ", err)
    _show(
        "held-out (no gazetteer)",
        evaluate_lines(held_out_lines(), resolver=Resolver(gazetteer=False)),
    )
    g = evaluate_lines(geonames_lines(), resolver=Resolver(gazetteer=False))
    _show("geonames cities, sound only", g)
    if "-v" in sys.argv:
        for err in g.errors[:40]:
            print("  ", err)
