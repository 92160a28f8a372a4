"""Worker processes with a real (tiny) pipeline: same bytes as one process, registry included."""

from __future__ import annotations

import json
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


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_tiny_pipeline(tmp_path_factory.mktemp("nlp") / "tiny")


@pytest.mark.slow
def test_two_workers_write_exactly_what_one_process_writes(tiny: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    good = make_jsonl(src, 120, bad_every=11)
    outputs = {}
    for workers in (1, 2):
        out = tmp_path / f"w{workers}.jsonl"
        summary = tag_corpus(
            [src],
            output=out,
            model=tiny,
            workers=workers,
            batch_size=16,
            registry=tmp_path / f"w{workers}.db",
            id_field="id",
            progress=False,
        )
        assert summary.documents == len(good) and summary.errors == 120 - len(good)
        outputs[workers] = out.read_bytes()
    assert outputs[1] == outputs[2]
    docs = [json.loads(line) for line in outputs[2].splitlines()]
    assert [d["id"] for d in docs] == good
    # the registry gave Lavrov (d0) and Λαβρόφ (d1) one id
    ids = [{e["name"]: e["id"] for e in d["entities"]} for d in docs[:2]]
    lavrov = [i for name, i in ids[0].items() if "Lav" in name]
    assert lavrov and lavrov[0] in ids[1].values()


@pytest.mark.slow
def test_entityx_command_line_end_to_end(tiny: Path, tmp_path: Path) -> None:
    import os
    import subprocess

    src = tmp_path / "day1.jsonl"
    make_jsonl(src, 30, bad_every=10)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    entityx = [sys.executable, "-c", "from entityx.cli import main; main()"]
    reg = tmp_path / "reg.db"
    out = tmp_path / "out.jsonl"
    done = subprocess.run(
        [
            *entityx,
            "tag",
            str(src),
            "-o",
            str(out),
            "-m",
            str(tiny),
            "--registry",
            str(reg),
            "--id-field",
            "id",
            "--batch-size",
            "4",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "27 documents" in done.stderr and "3 errors" in done.stderr
    assert len(out.read_text().splitlines()) == 27
    found = subprocess.run(
        [*entityx, "entities", str(reg), "--search", "Lavrov", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert found.returncode == 0, found.stderr
    (entity,) = [json.loads(line) for line in found.stdout.splitlines()]
    assert {"Lavrov", "Λαβρόφ"} <= set(entity["aliases"])
    missing = subprocess.run(
        [*entityx, "tag", str(tmp_path / "nope"), "-o", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert missing.returncode == 2 and "no such file or directory" in missing.stderr


@pytest.mark.slow
@pytest.mark.parametrize("fault", ["enospc", "interrupt"])
def test_an_abort_with_two_workers_keeps_its_cause_and_resumes(
    tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    import errno
    import os

    from entityx.corpus import sink

    src = tmp_path / "in.jsonl"
    make_jsonl(src, 80, bad_every=11)
    common = {"model": tiny, "batch_size": 8, "id_field": "id", "progress": False}
    tag_corpus([src], output=tmp_path / "ref.jsonl", **common)
    real_write = sink._File.write
    calls = {"n": 0}

    def failing(self: sink._File, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] == 5:
            if fault == "enospc":
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            raise KeyboardInterrupt
        real_write(self, data)

    out = tmp_path / "out.jsonl"
    with monkeypatch.context() as patch:
        patch.setattr(sink._File, "write", failing)
        expected = sink.OutputError if fault == "enospc" else KeyboardInterrupt
        with pytest.raises(expected):  # not an AttributeError from stopping the workers
            tag_corpus([src], output=out, workers=2, **common)
    summary = tag_corpus([src], output=out, workers=2, resume=True, **common)
    assert summary.resumed_from > 0
    assert out.read_bytes() == (tmp_path / "ref.jsonl").read_bytes()


@pytest.mark.slow
def test_ctrl_c_with_two_workers_says_rerun_with_resume(tiny: Path, tmp_path: Path) -> None:
    import json
    import os
    import signal
    import subprocess
    import time

    src = tmp_path / "in.jsonl"
    make_jsonl(src, 20_000)  # enough that the run is still going when SIGINT comes
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    command = "from entityx.cli import main; main()"
    args = [sys.executable, "-c", command, "tag", str(src), "-o", str(out), "-m", str(tiny)]
    args += ["--workers", "2", "--batch-size", "2", "-q"]
    # A shell's background job starts with SIGINT ignored, and Python then never raises
    # KeyboardInterrupt: give the child the default disposition, as a terminal would.
    proc = subprocess.Popen(
        args,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    progress = tmp_path / "out.jsonl.progress"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if json.loads(progress.read_text())["records_done"] > 0:
                break
        except (OSError, ValueError, KeyError):
            pass
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "interrupted; rerun the same command with --resume" in stderr
    assert "Traceback" not in stderr


@pytest.mark.slow
def test_a_model_workers_cannot_load_fails_before_the_output_is_touched(tmp_path: Path) -> None:
    check_unloadable_model_fails_before_output(tmp_path, workers=2)


@pytest.mark.slow
def test_worker_threads_are_pinned_in_the_workers_only(
    tiny: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The calling process's environment is the user's: entityx never writes to it."""
    import os

    from entityx.corpus.backends import JobSpec, ProcessBackend
    from entityx.corpus.work import THREAD_ENV_VARS

    for var in THREAD_ENV_VARS:
        monkeypatch.delenv(var, raising=False)
    before = dict(os.environ)
    spec = JobSpec(model=str(tiny), kb=None, batch_size=4, no_text=False, as_documents=False)
    backend = ProcessBackend(spec, workers=2)
    try:
        assert len(backend._pool._processes) == 2  # both started (and loading) up front
        assert dict(os.environ) == before  # while the workers run
        in_worker = backend._pool.submit(os.getenv, "OMP_NUM_THREADS").result()
        assert in_worker == "1"
        assert backend.submit([("a", "Obama in Athens.")]).result()[0].entities == 2
    finally:
        backend.close()
    assert dict(os.environ) == before


@pytest.mark.slow
def test_closing_the_pool_does_not_wait_for_the_workers_interpreter_teardown(tiny: Path) -> None:
    """A worker ends like a forked child (``os._exit`` after its work): the teardown of an
    interpreter holding spaCy and torch (seconds) is not in series with the end of a run."""
    import atexit
    import time

    from entityx.corpus.backends import JobSpec, ProcessBackend

    spec = JobSpec(model=str(tiny), kb=None, batch_size=4, no_text=False, as_documents=False)
    backend = ProcessBackend(spec, workers=1)
    try:
        assert backend.submit([("a", "Obama in Athens.")]).result()[0].entities == 2
        # a teardown step that would keep the worker alive for a minute
        backend._pool.submit(atexit.register, time.sleep, 60).result()
    finally:
        start = time.monotonic()
        backend.close()
    assert time.monotonic() - start < 20
