"""Stop a transformer training run, package its best checkpoint, evaluate it, and install it.

    python models/finish_trf.py --run RUN_DIR [--out OUT_DIR] [--install]

1. Stops the run (``RUN_DIR/train.pid``, written by ``train.py --transformer``) with SIGTERM:
   train.py then saves model-last and exits; model-best is the best evaluation so far.
2. Packages ``RUN_DIR/model-best`` as ``OUT_DIR/entityx_el_en_trf`` (meta, licences; the
   transformer's weights stored in half precision: loading casts them back to float32).
3. Scores it with ``entityx evaluate`` on elNER-4 test and UNER EWT test (PERSON/LOC/ORG) and
   writes per-label P/R/F to ``OUT_DIR/scores.json``.
4. With ``--install``: copies the pipeline into the pip package under
   models/entityx_el_en_trf_package, which ``entityx.load("trf")`` reads once installed with
   ``pip install ".[trf]" ./models/entityx_el_en_trf_package``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(HERE))

import train as train_script  # noqa: E402

PACKAGE_DIR = HERE / "entityx_el_en_trf_package" / "entityx_el_en_trf" / "pipeline"
INSTALL_COMMAND = 'pip install ".[trf]" ./models/entityx_el_en_trf_package'
# The splits of the targets, as benchmarks/bench_accuracy.py scores them.
TEST_SPLITS = {
    "elNER-4 test": ("el/elner4/test.iob2", None),
    "UNER EWT test": ("en/uner_ewt/test.iob2", "PERSON,LOC,ORG"),
}
STOP_WAIT_S = 600  # a stopped run saves model-last first: give it time


def stop_run(run: Path, *, wait_s: float = STOP_WAIT_S) -> None:
    """SIGTERM the training process named in ``run/train.pid`` and wait for it to exit."""
    pid_file = run / "train.pid"
    if not pid_file.exists():
        print(f"[finish] {pid_file} missing: no run to stop")
        return
    pid = int(pid_file.read_text().strip())
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists() and b"train.py" not in cmdline.read_bytes():
        print(f"[finish] process {pid} is not the training run any more (its id was reused)")
        return
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        print(f"[finish] training process {pid} already ended")
        return
    print(f"[finish] sent SIGTERM to {pid}; waiting for it to save and exit")
    deadline = time.time() + wait_s
    while time.time() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            print("[finish] training stopped")
            return
        time.sleep(2)
    raise SystemExit(f"training process {pid} still running after {wait_s:.0f} s")


def store_half_precision(pipeline: Path) -> None:
    """Rewrite the transformer's weights as float16. The file is thinc's serialised model, whose
    ``shims`` hold spacy-transformers' HF shim (a msgpack of config, tokenizer files and the torch
    state dict). On load the shim rebuilds the model from its config (``torch_dtype`` float32)
    and ``load_state_dict`` casts the weights back to float32."""
    import srsly

    path = pipeline / "transformer" / "model"
    msg = srsly.msgpack_loads(path.read_bytes())
    converted = 0
    for node_shims in msg["shims"]:
        for i, shim_bytes in enumerate(node_shims):
            shim = srsly.msgpack_loads(shim_bytes)
            if isinstance(shim, dict) and shim.get("state"):
                node_shims[i] = srsly.msgpack_dumps(_halve_shim(shim))
                converted += 1
    if converted != 1:
        raise SystemExit(f"{path}: expected one transformer's weights, found {converted}")
    path.write_bytes(srsly.msgpack_dumps(msg))


def _halve_shim(shim: dict[str, Any]) -> dict[str, Any]:
    import torch

    state = torch.load(io.BytesIO(shim["state"]), map_location="cpu")
    half = {k: v.half() if v.is_floating_point() else v for k, v in state.items()}
    buffer = io.BytesIO()
    torch.save(half, buffer)
    shim["state"] = buffer.getvalue()
    shim["config"]["torch_dtype"] = "float32"
    return shim


def evaluate(pipeline: Path, data: Path) -> dict[str, Any]:
    """``entityx evaluate --json`` on each test split."""
    scores = {}
    for name, (gold, labels) in TEST_SPLITS.items():
        command = ["entityx", "evaluate", str(data / gold), "--model", str(pipeline), "--json"]
        if labels:
            command += ["--labels", labels]
        print(f"[finish] {' '.join(command)}", flush=True)
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"entityx evaluate failed on {gold}:\n{done.stderr[-2000:]}")
        scores[name] = json.loads(done.stdout)
    return scores


def size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", type=Path, required=True, help="train.py's --output directory")
    parser.add_argument("--out", type=Path, default=None, help="default: RUN/final")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--no-stop", action="store_true", help="do not signal the run")
    parser.add_argument("--install", action="store_true", help=f"copy into {PACKAGE_DIR}")
    args = parser.parse_args(argv)
    out = args.out or args.run / "final"
    if not args.no_stop:
        stop_run(args.run)
    best = args.run / "model-best"
    if not (best / "meta.json").exists():
        raise SystemExit(f"{best} holds no checkpoint (no evaluation was reached)")
    pipeline = out / train_script.TRF_PIPELINE_NAME
    transformer = str(args.run / train_script.E5_DIR_NAME)
    train_script.package(
        best, pipeline, name=train_script.TRF_PIPELINE_NAME, transformer=transformer
    )
    store_half_precision(pipeline)
    print(f"[finish] {pipeline}: {size_mb(pipeline):.1f} MB on disk")
    scores = evaluate(pipeline, args.data)
    meta = json.loads((best / "meta.json").read_text(encoding="utf-8"))
    report = {
        "checkpoint": str(best),
        "dev_slice_score": meta.get("performance", {}).get("ents_f"),
        "size_mb": round(size_mb(pipeline), 1),
        "test": scores,
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / "scores.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    for name, result in scores.items():
        print(f"[finish] {name}: {json.dumps(result)[:600]}")
    print(f"[finish] wrote {out / 'scores.json'}")
    if args.install:
        if PACKAGE_DIR.exists():
            shutil.rmtree(PACKAGE_DIR)
        shutil.copytree(pipeline, PACKAGE_DIR)
        print(f"[finish] installed into {PACKAGE_DIR}; now run: {INSTALL_COMMAND}")


if __name__ == "__main__":
    main()
