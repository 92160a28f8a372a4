"""The Dask backend on a LocalCluster: same output and registry as the local backend."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from entityx.corpus import tag_corpus

sys.path.insert(0, str(Path(__file__).parent))
from test_corpus_support import make_jsonl, make_tiny_pipeline

distributed = pytest.importorskip("distributed")


@pytest.mark.slow
def test_dask_local_cluster_matches_local_backend(tmp_path: Path) -> None:
    tiny = make_tiny_pipeline(tmp_path / "tiny")
    src = tmp_path / "in.jsonl"
    make_jsonl(src, 120, bad_every=10)
    common = {"model": tiny, "batch_size": 16, "id_field": "id", "progress": False}
    tag_corpus([src], output=tmp_path / "local.jsonl", registry=tmp_path / "l.db", **common)

    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        summary = tag_corpus(
            [src],
            output=tmp_path / "dask.jsonl",
            registry=tmp_path / "d.db",
            backend="dask",
            scheduler=client,
            **common,
        )
        # the pipeline was loaded once per worker and cached there, not shipped per task
        loaded = client.run(lambda: __import__("entityx.api").api._cached_extractor.cache_info())
        assert all(info.misses == 1 for info in loaded.values())
        assert client.status == "running"  # a Client we passed in is left open
    assert summary.documents == 108 and summary.errors == 12
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    assert (tmp_path / "dask.errors.jsonl").read_bytes() == (
        tmp_path / "local.errors.jsonl"
    ).read_bytes()


@pytest.mark.slow
def test_dask_without_scheduler_starts_and_stops_a_local_cluster(tmp_path: Path) -> None:
    tiny = make_tiny_pipeline(tmp_path / "tiny")
    src = tmp_path / "in.jsonl"
    make_jsonl(src, 10)
    summary = tag_corpus(
        [src], output=tmp_path / "o.jsonl", model=tiny, backend="dask", workers=1, progress=False
    )
    assert summary.documents == 10
