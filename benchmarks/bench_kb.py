"""A stored knowledge base at Wikidata's scale: build, open, lookup, memory, and extract speed.

    nice python benchmarks/bench_kb.py [--entities 1000000] [--docs 200] [--dir /tmp/bench_kb]

1. Generates a JSONL KB of ``--entities`` entries: people (60 %: Greek names in Greek script
   with their romanisation, and English/other Latin-script names), places (25 %) and
   organisations (15 %), with aliases, sitelink-like priorities (heavy-tailed) and a few related
   entries each. Surnames repeat by design: real common Greek and English surnames are shared by
   thousands of entries, so one-word person names are heavily ambiguous.
2. ``entityx kb build`` on it, in a child process: wall time, peak RSS, file size.
3. In a fresh child process: time to open, then lookups of 20,000 distinct names (full names,
   Greek genitives, surnames, unknown names): mean and p99 per ``lookup`` and per
   ``candidates``; RSS after them.
4. ``Extractor.pipe`` over ``--docs`` news-like texts (elNER-4 and UNER EWT test sentences, 10 a
   document; the reference article first) without a user KB and with the generated one: docs/s,
   and the resolver component's share of the time with it (the target is at most 15 %).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

GREEK_MALE = [
    "Γιώργος",
    "Γιάννης",
    "Κώστας",
    "Δημήτρης",
    "Νίκος",
    "Παναγιώτης",
    "Βασίλης",
    "Χρήστος",
    "Αθανάσιος",
    "Μιχάλης",
    "Ευάγγελος",
    "Σπύρος",
    "Αντώνης",
    "Ανδρέας",
    "Κυριάκος",
    "Αλέξης",
    "Στέλιος",
    "Θανάσης",
    "Μανώλης",
    "Πέτρος",
    "Σταύρος",
    "Ηλίας",
    "Λευτέρης",
    "Φώτης",
    "Θοδωρής",
    "Άρης",
    "Ζήσης",
    "Γρηγόρης",
    "Απόστολος",
    "Στράτος",
]
GREEK_FEMALE = [
    "Μαρία",
    "Ελένη",
    "Αικατερίνη",
    "Βασιλική",
    "Σοφία",
    "Αγγελική",
    "Γεωργία",
    "Δήμητρα",
    "Κωνσταντίνα",
    "Ευαγγελία",
    "Ιωάννα",
    "Χριστίνα",
    "Αναστασία",
    "Ειρήνη",
    "Παναγιώτα",
    "Δέσποινα",
    "Φωτεινή",
    "Μαρίνα",
    "Ντόρα",
    "Άννα",
]
GREEK_SURNAMES = [
    "Παπαδόπουλος",
    "Παπανδρέου",
    "Μητσοτάκης",
    "Καραμανλής",
    "Τσίπρας",
    "Βενιζέλος",
    "Σαμαράς",
    "Γεωργίου",
    "Νικολάου",
    "Οικονόμου",
    "Δημητρίου",
    "Ιωάννου",
    "Κωνσταντίνου",
    "Παπαγεωργίου",
    "Αθανασίου",
    "Βασιλείου",
    "Χριστοδούλου",
    "Αντωνίου",
    "Μακρής",
    "Παππάς",
    "Λαμπράκης",
    "Αλεξίου",
    "Κυριακίδης",
    "Σαββίδης",
    "Πετρίδης",
    "Μαυρίδης",
    "Ζαχαρίου",
    "Σταυρόπουλος",
    "Αναγνώστου",
    "Καλογεράκης",
    "Χατζηδάκης",
    "Δενδιάς",
    "Γεωργιάδης",
]
LATIN_GIVEN = [
    "John",
    "Mary",
    "James",
    "Elizabeth",
    "Robert",
    "Patricia",
    "Michael",
    "Jennifer",
    "William",
    "Linda",
    "David",
    "Susan",
    "Richard",
    "Jessica",
    "Joseph",
    "Sarah",
    "Thomas",
    "Karen",
    "Charles",
    "Nancy",
    "Donald",
    "Melania",
    "George",
    "Ivanka",
    "Sergey",
    "Vladimir",
    "Olaf",
    "Emmanuel",
    "Angela",
    "Jens",
    "Boris",
    "Kim",
    "Xi",
    "Recep",
    "Ursula",
    "Antonio",
    "Pedro",
    "Marco",
]
LATIN_SURNAMES = [
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Miller",
    "Davis",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Trump",
    "Washington",
    "Lavrov",
    "Putin",
    "Scholz",
    "Macron",
    "Merkel",
    "Stoltenberg",
    "Johnson",
    "Kim",
    "Jong",
    "Erdogan",
    "Guterres",
    "Sanchez",
    "Rossi",
    "Muller",
    "Dubois",
]
SYLLABLES_EL = [
    "κα",
    "λο",
    "πα",
    "ρι",
    "νε",
    "μο",
    "τα",
    "σο",
    "βα",
    "δη",
    "κο",
    "λι",
    "μα",
    "νι",
    "στα",
    "θε",
    "ρο",
    "γα",
    "φι",
    "ζα",
]
ENDINGS_EL = ("ίδης", "άκης", "όπουλος", "ίου", "άτος", "έας")
PLACE_ENDINGS_EL = ("ούπολη", "ιά", "ίτσα", "όχωρι", "άδα", "ίνα")
ORG_PATTERNS = (
    "Ένωση {x}", "Σύλλογος {x}", "Τράπεζα {x}", "{x} Group", "{x} Holdings", "Ίδρυμα {x}",
)  # fmt: skip


def _syllable_word(rng: random.Random, endings: tuple[str, ...]) -> str:
    body = "".join(rng.choice(SYLLABLES_EL) for _ in range(rng.randint(1, 3)))
    word = body + rng.choice(endings)
    return word[0].upper() + word[1:]


def _surname(rng: random.Random, feminine: bool) -> str:
    name = rng.choice(GREEK_SURNAMES) if rng.random() < 0.3 else _syllable_word(rng, ENDINGS_EL)
    if feminine:  # Παπαδόπουλος → Παπαδοπούλου, Μητσοτάκης → Μητσοτάκη
        for end, fem in (("όπουλος", "οπούλου"), ("ος", "ου"), ("ης", "η"), ("ας", "α")):
            if name.endswith(end):
                return name[: -len(end)] + fem
    return name


def generate(path: Path, n: int, seed: int = 7) -> None:
    from entityx.text.romanize import romanize

    rng = random.Random(seed)
    n_loc = n // 4
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            qid = f"Q{1_000_000 + i}"
            prior = int(rng.paretovariate(1.2))  # a few well-known, most with a sitelink or two
            related = [f"Q{1_000_000 + rng.randrange(n_loc)}" for _ in range(rng.randint(0, 3))]
            kind = rng.random()
            if i < n_loc:
                el = _syllable_word(rng, PLACE_ENDINGS_EL)
                entry = {"name": romanize(el), "label": "LOC", "aliases": [el]}
            elif kind < 0.2:
                x = _syllable_word(rng, ENDINGS_EL)
                el = rng.choice(ORG_PATTERNS).format(x=x)
                entry = {"name": romanize(el), "label": "ORG", "aliases": [el]}
            elif kind < 0.6:
                feminine = rng.random() < 0.4
                given = rng.choice(GREEK_FEMALE if feminine else GREEK_MALE)
                el = f"{given} {_surname(rng, feminine)}"
                entry = {"name": romanize(el), "label": "PERSON", "aliases": [el]}
            else:
                given, surname = rng.choice(LATIN_GIVEN), rng.choice(LATIN_SURNAMES)
                middle = rng.choice("ABCDEFGHJKLMNPRSTW")
                entry = {
                    "name": f"{given} {middle}. {surname}",
                    "label": "PERSON",
                    "aliases": [f"{given} {surname}"] if rng.random() < 0.5 else [],
                }
            entry.update(id=qid, priority=prior, related=related)
            entry["same_as"] = [f"http://www.wikidata.org/entity/{qid}"]
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")


def _child(args: list[str]) -> tuple[dict[str, float], float]:
    """Run this script's sub-command in a child; its JSON result and its peak RSS (MiB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True
    )
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest child so far: report it only when it grew.
    return json.loads(proc.stdout.strip().splitlines()[-1]), max(peak, before) / 1024


def cmd_build(src: str, out: str) -> None:
    from entityx.kbstore import build_kb

    start = time.perf_counter()
    summary = build_kb([src], out)
    print(json.dumps({"seconds": time.perf_counter() - start, "entries": summary.entries}))


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _probe_names(src: str, count: int, seed: int = 11) -> list[tuple[str, str]]:
    from entityx.text.greek import has_greek

    rng = random.Random(seed)
    names: list[tuple[str, str]] = []
    with open(src, encoding="utf-8") as fh:
        for line in fh:
            if rng.random() < 0.05:
                e = json.loads(line)
                names.append((rng.choice([e["name"], *e["aliases"]]), e["label"]))
            if len(names) >= count:
                break
    probes: list[tuple[str, str]] = []
    for i, (name, label) in enumerate(names):
        words = name.split()
        if i % 4 == 1 and label == "PERSON" and len(words) > 1:
            probes.append((words[-1], label))  # a surname alone: ambiguous
        elif i % 4 == 2 and has_greek(name) and name.endswith("ς"):
            probes.append((name[:-1], label))  # a Greek genitive (Μητσοτάκης → Μητσοτάκη)
        elif i % 4 == 3:
            probes.append((name + "x Unknown", label))  # not in the KB
        else:
            probes.append((name, label))
    return list(dict.fromkeys(probes))


def cmd_query(kb_path: str, src: str) -> None:
    from entityx.kbstore import StoredKnowledgeBase

    base = _rss_mib()
    start = time.perf_counter()
    kb = StoredKnowledgeBase(kb_path)
    kb.lookup("Κυριάκος Μητσοτάκης", "PERSON")  # open, and answer a first lookup
    opened = time.perf_counter() - start
    probes = _probe_names(src, 20_000)
    times: dict[str, list[float]] = {"lookup": [], "candidates": []}
    for name, label in probes:
        t0 = time.perf_counter()
        kb.lookup(name, label)
        t1 = time.perf_counter()
        kb.candidates(name, label)  # cached keys by now: as the disambiguation pass sees them
        times["lookup"].append(t1 - t0)
        times["candidates"].append(time.perf_counter() - t1)
    result = {"open_s": opened, "probes": len(probes), "rss_mib": _rss_mib(), "base_mib": base}
    for key, values in times.items():
        values.sort()
        result[f"{key}_mean_ms"] = 1000 * sum(values) / len(values)
        result[f"{key}_p99_ms"] = 1000 * values[int(0.99 * (len(values) - 1))]
    print(json.dumps(result))


def _texts(n_docs: int) -> list[str]:
    from entityx.iob import read_iob

    data = SHARED / "data"
    sentences = [" ".join(s.words) for s in read_iob(data / "el/elner4/test.iob2")]
    sentences += [" ".join(s.words) for s in read_iob(data / "en/uner_ewt/test.iob2")]
    docs = [" ".join(sentences[i : i + 10]) for i in range(0, len(sentences), 10)]
    step = max(len(docs) // n_docs, 1)
    article = (SHARED / "examples/lavrov_kim_wonsan.txt").read_text(encoding="utf-8")
    return [article, *docs[::step][: n_docs - 1]]


def cmd_extract(kb_path: str, n_docs: int) -> None:
    import entityx
    from entityx.pipeline import resolver_component

    texts = _texts(n_docs)
    extractor = entityx.load(kb=kb_path or None)
    component = resolver_component(extractor.nlp)
    spent = [0.0]
    call = component.__call__

    def timed(doc):  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        try:
            return call(doc)
        finally:
            spent[0] += time.perf_counter() - t0

    # spaCy calls the component object; an instance attribute does not replace __call__, so
    # the pipeline's entry is swapped for a wrapper with the same pipe().
    names = extractor.nlp.pipe_names
    index = names.index("entityx_resolver")
    extractor.nlp._components[index] = ("entityx_resolver", _Timed(component, timed))
    list(extractor.pipe(texts[:5]))  # warm up
    spent[0] = 0.0
    start = time.perf_counter()
    docs = list(extractor.pipe(texts))
    total = time.perf_counter() - start
    linked = sum(1 for d in docs for e in d.entities if e.kb_id and e.kb_id.startswith("Q"))
    print(
        json.dumps(
            {
                "docs": len(docs),
                "seconds": total,
                "docs_per_s": len(docs) / total,
                "resolver_s": spent[0],
                "resolver_share": spent[0] / total,
                "wikidata_links": linked,
                "rss_mib": _rss_mib(),
            }
        )
    )


class _Timed:
    def __init__(self, component: object, fn: object) -> None:
        self.component, self.fn = component, fn

    def __call__(self, doc):  # type: ignore[no-untyped-def]
        return self.fn(doc)  # type: ignore[operator]

    def pipe(self, docs, batch_size: int = 128):  # type: ignore[no-untyped-def]
        for doc in docs:
            yield self(doc)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ("_build", "_query", "_extract"):
        cmd, *rest = sys.argv[1:]
        if cmd == "_build":
            cmd_build(*rest)
        elif cmd == "_query":
            cmd_query(*rest)
        else:
            cmd_extract(rest[0], int(rest[1]))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--entities", type=int, default=1_000_000)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/bench_kb"))
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    src, kb = args.dir / f"kb_{args.entities}.jsonl", args.dir / f"kb_{args.entities}.kb"
    t0 = time.perf_counter()
    generate(src, args.entities)
    print(f"generated {args.entities:,} entries in {time.perf_counter() - t0:.0f} s: {src}")
    built, build_rss = _child(["_build", str(src), str(kb)])
    print(
        f"build:   {built['seconds']:.0f} s ({args.entities / built['seconds']:,.0f} entries/s), "
        f"peak RSS {build_rss:.0f} MiB, file {kb.stat().st_size / 2**20:.0f} MiB "
        f"(JSONL {src.stat().st_size / 2**20:.0f} MiB)"
    )
    q, _ = _child(["_query", str(kb), str(src)])
    print(
        f"open + first lookup: {1000 * q['open_s']:.1f} ms; {q['probes']:,} names: lookup "
        f"{q['lookup_mean_ms']:.3f} ms mean / {q['lookup_p99_ms']:.3f} ms p99, candidates "
        f"{q['candidates_mean_ms']:.3f} / {q['candidates_p99_ms']:.3f} ms; RSS "
        f"{q['rss_mib']:.0f} MiB (before opening, with entityx imported: {q['base_mib']:.0f} MiB)"
    )
    for label, path in (("no user KB", ""), ("with the KB", str(kb))):
        r, _ = _child(["_extract", path, str(args.docs)])
        print(
            f"extract, {label}: {r['docs_per_s']:.1f} docs/s ({r['docs']} docs), resolver "
            f"{100 * r['resolver_share']:.1f} % of the time, {r['wikidata_links']} Wikidata "
            f"links, RSS {r['rss_mib']:.0f} MiB"
        )


if __name__ == "__main__":
    main()
