"""The Dask backend on a LocalCluster: same output and registry as the local backend."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from entityx.corpus import tag_corpus

sys.path.insert(0, str(Path(__file__).parent))
from test_corpus_support import (
    check_unloadable_model_fails_before_output,
    make_jsonl,
    make_tiny_pipeline,
)

distributed = pytest.importorskip("distributed")


@pytest.mark.slow
def test_dask_local_cluster_matches_local_backend(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from entityx.corpus.work import THREAD_ENV_VARS

    for var in THREAD_ENV_VARS:
        monkeypatch.delenv(var, raising=False)

    # Run on the workers (nested, so that they travel by value, not as an import of this file).
    def _count_pipeline_loads() -> None:
        """Count spaCy pipeline loads from now on (read by ``_loads``)."""
        import spacy

        real = spacy.load
        spacy.entityx_test_loads = 0  # type: ignore[attr-defined]

        def counting(*args: object, **kwargs: object) -> object:
            spacy.entityx_test_loads += 1  # type: ignore[attr-defined]
            return real(*args, **kwargs)

        spacy.load = counting

    def _loads() -> int:
        import spacy

        return int(spacy.entityx_test_loads)  # type: ignore[attr-defined]

    def _thread_vars() -> dict[str, str | None]:
        import os

        from entityx.corpus.work import THREAD_ENV_VARS

        return {var: os.environ.get(var) for var in THREAD_ENV_VARS}

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
        client.run(_count_pipeline_loads)
        workers_env = client.run(_thread_vars)
        summary = tag_corpus(
            [src],
            output=tmp_path / "dask.jsonl",
            registry=tmp_path / "d.db",
            backend="dask",
            scheduler=client,
            **common,
        )
        # the pipeline was loaded once per worker and cached there, not shipped per task
        assert set(client.run(_loads).values()) == {1}
        assert client.status == "running"  # a Client we passed in is left open
        # the caller's cluster is the caller's: entityx changed nothing on its workers
        assert client.run(_thread_vars) == workers_env
    assert summary.documents == 108 and summary.errors == 12
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    assert (tmp_path / "dask.errors.jsonl").read_bytes() == (
        tmp_path / "local.errors.jsonl"
    ).read_bytes()


@pytest.mark.slow
def test_dask_without_scheduler_starts_and_stops_a_local_cluster(tmp_path: Path) -> None:
    import os

    tiny = make_tiny_pipeline(tmp_path / "tiny")
    src = tmp_path / "in.jsonl"
    make_jsonl(src, 10)
    before = dict(os.environ)
    summary = tag_corpus(
        [src], output=tmp_path / "o.jsonl", model=tiny, backend="dask", workers=1, progress=False
    )
    assert summary.documents == 10
    # the cluster's nannies ran here and set the workers' variables: this process's are back
    assert dict(os.environ) == before


@pytest.mark.slow
def test_dask_a_model_workers_cannot_load_fails_before_the_output_is_touched(
    tmp_path: Path,
) -> None:
    check_unloadable_model_fails_before_output(tmp_path, backend="dask", workers=1)
