"""Fuzz ``entityx.extract`` with hostile generated texts and count what breaks.

    python benchmarks/fuzz_extract.py --texts 10000 [--seed 0]

Each text mixes Greek and English names and words with lone surrogates, control and format
characters, Unicode spaces, combining marks and emoji. Counted per text: an exception outside
the ``EntityxError`` tree, a mention whose offsets do not give its text, a mention that starts or
ends with whitespace, an entity with an empty name, a JSON round trip that changes the Document.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter

import entityx
from entityx.models import Document

WORDS = (  # noqa: SIM905  a sentence of words reads better than a list
    "Σεργκέι Λαβρόφ Κιμ Γιονγκ Ουν Πιονγκγιάνγκ Βόρειας Κορέας Μητσοτάκης ΟΗΕ ΚΚΕ Αθήνα "
    "Sergey Lavrov Kim Jong-un North Korea Athens NATO KCNA said met the in και στη του"
).split()
HOSTILE = [
    "\ud800", "\udc80", "\udfff", "\x00", "\x07", "\x1b", "\x7f", "\u200b", "\ufeff", "\u2028",
    "\u2029", "\u0085", "\u200e", "\u202e", "\u00a0", "\u3000", "\u2009", "\t", "\r\n", "\r",
    "\n\n", "\u0301", "\u0308", "😀", "👨‍👩‍👧", "𝔸", "!!!!", "@", "(", ")", "«", "»", "…",
]  # fmt: skip


def text(rng: random.Random) -> str:
    parts: list[str] = []
    for _ in range(rng.randint(1, 40)):
        r = rng.random()
        if r < 0.55:
            parts.append(rng.choice(WORDS))
        elif r < 0.9:
            parts.append(rng.choice(HOSTILE))
        else:
            parts.append(chr(rng.randint(0x20, 0x2FFF)))
        parts.append(rng.choice((" ", " ", "", "\u00a0", ". ", ", ")))
    return "".join(parts)


def problems(source: str, doc: Document) -> list[str]:
    found = []
    for m in doc.mentions:
        if source[m.start : m.end] != m.text:
            found.append("offsets")
        if m.text != m.text.strip() or not m.text:
            found.append("whitespace edge")
    if any(not e.name.strip() for e in doc.entities):
        found.append("empty entity name")
    back = Document.model_validate_json(doc.model_dump_json())
    if [(m.start, m.end, m.label) for m in back.mentions] != [
        (m.start, m.end, m.label) for m in doc.mentions
    ]:
        found.append("json round trip")
    return found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--texts", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    extractor = entityx.load()
    counts: Counter[str] = Counter()
    start = time.perf_counter()
    for _ in range(args.texts):
        source = text(rng)
        try:
            counts.update(problems(source, extractor.extract(source)))
        except entityx.EntityxError:
            counts["documented error"] += 1
        except Exception as exc:  # what the fuzzing is looking for
            counts[f"crash {type(exc).__name__}"] += 1
    seconds = time.perf_counter() - start
    print(f"{args.texts} texts in {seconds:.1f} s (seed {args.seed})")
    for what in ("offsets", "whitespace edge", "empty entity name", "json round trip"):
        print(f"{what:20s} {counts.pop(what, 0)}")
    crashes = sum(v for k, v in counts.items() if k.startswith("crash"))
    print(f"{'crashes':20s} {crashes}")
    for what, n in sorted(counts.items()):
        print(f"  {what}: {n}")


if __name__ == "__main__":
    main()
