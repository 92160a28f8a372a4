"""Precision on namesakes without the knowledge base: people who share a surname, not a name.

Every two bundled KB people with a Latin name and a Greek alias whose last words agree and
whose first words differ (Ricky Martin and Chris Martin, Pavlos and Evangelos Marinakis) give
a pair; each pair is resolved with ``kb=False`` in a context of its own, the Greek alias and
the Latin name of both people, as a text would mention them. Prints how many pairs end up
sharing an entity (a wrong merge: the general rules confused two people) and, with ``-v``,
which. Hypocoristics the rules cannot tell apart from a second person count as wrong too
(Kostas and Konstantinos Karamanlis are two people in the KB).

    python benchmarks/bench_namesakes.py [-v]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from itertools import combinations

from bench_cross_script import pairs

from entityx.resolution import Resolver
from entityx.text.greek import normalize


def namesakes() -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """((Latin, Greek) of one person, (Latin, Greek) of another) per pair of namesakes."""
    by_surname: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for _, latin, greek in pairs("PERSON"):
        words = normalize(latin).split()
        if len(words) >= 2:
            by_surname[words[-1]].append((latin, greek))
    return [
        (a, b)
        for people in by_surname.values()
        for a, b in combinations(people, 2)
        if normalize(a[0]).split()[0] != normalize(b[0]).split()[0]
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="print the merged pairs")
    args = ap.parse_args()
    resolver = Resolver(kb=False)
    rows = namesakes()
    merged = 0
    for (latin_a, greek_a), (latin_b, greek_b) in rows:
        forms = [greek_a, latin_a, greek_b, latin_b]
        _, ids = resolver.resolve([(f, "PERSON") for f in forms], definitions=())
        if {ids[0], ids[1]} & {ids[2], ids[3]}:
            merged += 1
            if args.verbose:
                print(f"  {greek_a} / {latin_a}  ==  {greek_b} / {latin_b}")
    print(f"{len(rows)} pairs of namesakes (KB people, one surname, two given names):")
    print(f"  merged without the KB {merged} ({100 * merged / max(len(rows), 1):.1f} %)")


if __name__ == "__main__":
    main()
