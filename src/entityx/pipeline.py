"""Find, load and prepare spaCy pipelines: the bundled one, an installed package, or a path.

Loading is the expensive part of entityx, so it happens lazily (never at import time) and
once per distinct ``(model, kb, gpu_id)``; see :func:`load_pipeline`.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .errors import EntityxError, InputError, ModelNotFoundError, OptionalDependencyError

if TYPE_CHECKING:
    from spacy.language import Language

    from .component import EntityxResolverComponent

__all__ = [
    "BUNDLED_PIPELINE",
    "ENTITY_FACTORIES",
    "PIECE_CHARS",
    "bundled_pipeline_path",
    "load_pipeline",
    "resolver_component",
    "split_long_text",
    "trim_worker_imports",
]

BUNDLED_PIPELINE = "entityx_el_en"
#: Texts longer than this go through the pipeline in pieces of at most this many characters,
#: one at a time: a piece's memory (its tokens, the NER's activations) is about 2 kB a
#: character, so a longer text costs more time but no more memory.
PIECE_CHARS = 100_000
RESOLVER = "entityx_resolver"
_SENTENCE_SETTERS = {"parser", "senter", "sentencizer"}
_TRANSFORMER_FACTORIES = {"transformer", "curated_transformer"}
# spaCy's own registered functions that build torch models (TorchBiLSTMEncoder) or
# transformers: a pipeline naming one needs torch in its workers.
_TORCH_FUNCTIONS = re.compile(r"torch|transformer", re.IGNORECASE)
#: ``model="trf"`` names entityx's transformer pipeline, a package installed from a clone.
TRF_ALIAS = "trf"
TRF_PIPELINE = "entityx_el_en_trf"
TRF_INSTALL = 'pip install ".[trf]" ./models/entityx_el_en_trf_package'


def bundled_pipeline_path() -> Path:
    """Where the bundled pipeline lives: inside the installed wheel, else the source tree."""
    installed = Path(__file__).resolve().parent / "_pipeline" / BUNDLED_PIPELINE
    if (installed / "meta.json").exists():
        return installed
    source_tree = Path(__file__).resolve().parents[2] / "models" / BUNDLED_PIPELINE
    if (source_tree / "meta.json").exists():
        return source_tree
    raise ModelNotFoundError(
        BUNDLED_PIPELINE,
        reason=f"the bundled pipeline is missing (looked in {installed} and {source_tree}); "
        "reinstall entityx or rebuild it with `python models/train.py`",
    )


_TEXT_FILES = ("config.cfg", "meta.json")


def _check_text_files(model: str, path: Path) -> None:
    """A pipeline directory's config and meta must be UTF-8: say which file is not, and where."""
    for name in _TEXT_FILES:
        file = path / name
        if not file.is_file():
            continue
        try:
            file.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ModelNotFoundError(
                model, reason=f"{file} is not valid UTF-8 (byte {exc.start})"
            ) from None
        except OSError as exc:
            raise ModelNotFoundError(model, reason=f"cannot read {file} ({exc.strerror})") from None


def _components_in(model: str, path: Path) -> dict[str, Any]:
    """The ``[components]`` section of a pipeline directory's config (empty without one)."""
    config = path / "config.cfg"
    if not config.exists():
        return {}
    from confection import Config

    try:
        cfg = Config().from_disk(config, interpolate=False)
    except ValueError as exc:  # confection's ConfigValidationError: not a config file
        # The message's last paragraph says what is wrong (the first is a generic heading).
        detail = str(exc).strip().split("\n\n")[-1].splitlines()[0]
        reason = f"{config} is not a valid spaCy config ({detail})"
        raise ModelNotFoundError(model, reason=reason) from None
    return dict(cfg.get("components", {}))


def _factories_in(model: str, path: Path) -> set[str]:
    return {str(c.get("factory", "")) for c in _components_in(model, path).values()}


def _registered_functions(section: object) -> set[str]:
    """Every registered function (``@architectures = "spacy.Tok2Vec.v2"``...) a section names."""
    if not isinstance(section, dict):
        return set()
    found = {str(v) for k, v in section.items() if str(k).startswith("@")}
    for value in section.values():
        found |= _registered_functions(value)
    return found


def _require_transformers(model: str) -> None:
    if importlib.util.find_spec("spacy_transformers") is None:
        raise OptionalDependencyError(
            f"The transformer pipeline {model!r}", extra="trf", missing="spacy-transformers"
        )


def _spacy_load(model: str, *, gpu_id: int) -> Language:
    import spacy

    if gpu_id >= 0:
        try:
            spacy.require_gpu(gpu_id)
        except ValueError as exc:  # thinc: "Cannot use GPU, CuPy is not installed"
            raise EntityxError(
                f"gpu_id={gpu_id} was requested but no GPU can be used ({exc}). Install a CUDA "
                'build of torch and CuPy (pip install "spacy[cuda12x]"), or use gpu_id=-1.'
            ) from exc
    path = Path(model).expanduser()
    if path.exists():
        _check_text_files(model, path)
        if _factories_in(model, path) & _TRANSFORMER_FACTORIES:
            _require_transformers(model)
        try:
            return spacy.load(path)
        except (OSError, ValueError) as exc:
            raise ModelNotFoundError(model, reason=str(exc).splitlines()[0]) from exc
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelNotFoundError(
            model, reason="no installed package or directory of that name"
        ) from exc
    except ValueError as exc:
        if "transformer" in str(exc):
            _require_transformers(model)
        raise ModelNotFoundError(model, reason=str(exc).splitlines()[0]) from exc


#: The spaCy factories whose components set ``doc.ents``: a pipeline needs one of them, and
#: their labels are the pipeline's NER labels (:meth:`entityx.Extractor.info`).
ENTITY_FACTORIES = frozenset(
    {"ner", "beam_ner", "entity_ruler", "span_ruler", "future_entity_ruler"}
)


def _prepare(nlp: Language, *, kb: str | Literal[False] | None) -> Language:
    factories = {nlp.get_pipe_meta(name).factory for name in nlp.pipe_names}
    if not factories & ENTITY_FACTORIES:
        raise ModelNotFoundError(
            str(nlp.meta.get("name", "?")),
            reason=f"the pipeline has no NER component (components: {nlp.pipe_names})",
        )
    from .tokenizer import split_capital_abbreviations

    split_capital_abbreviations(nlp)
    if not _SENTENCE_SETTERS & set(nlp.pipe_names):
        nlp.add_pipe("sentencizer")
    if RESOLVER not in nlp.pipe_names:
        from . import component  # noqa: F401  registers the factory without entry points

        nlp.add_pipe(RESOLVER)
    if kb is False:
        resolver_component(nlp).resolver.set_kb(False)  # no knowledge base, bundled included
    elif kb is not None:
        from .kbstore import open_kb  # a stored (SQLite) KB, else a JSONL one

        resolver_component(nlp).set_kb(open_kb(kb))
    return nlp


def resolver_component(nlp: Language) -> EntityxResolverComponent:
    """The pipeline's ``entityx_resolver`` component."""
    from .component import EntityxResolverComponent

    component = nlp.get_pipe(RESOLVER)
    if not isinstance(component, EntityxResolverComponent):
        raise ModelNotFoundError(
            str(nlp.meta.get("name", "?")),
            reason=f"its component {RESOLVER!r} is not entityx's resolver (remove or rename it)",
        )
    return component


def _resolve_alias(model: str) -> str:
    """``"trf"`` is the transformer pipeline's package; it needs the ``trf`` extra."""
    if model != TRF_ALIAS:
        return model
    _require_transformers(TRF_PIPELINE)
    if importlib.util.find_spec(TRF_PIPELINE) is None:
        raise ModelNotFoundError(
            TRF_PIPELINE,
            reason=f"model='trf' is entityx's transformer pipeline, which is not installed; "
            f"install it from a clone of entityx with: {TRF_INSTALL}",
        )
    return TRF_PIPELINE


def trim_worker_imports(model: str | None) -> bool:
    """In a worker process entityx started itself, import only what ``model`` needs.

    spaCy's ``Language()`` imports every installed package's ``spacy_factories`` entry point,
    whichever the pipeline uses, and thinc imports torch whenever it is installed: with the
    trf extra that is 2.6 of a worker's 4.3 s start-up on the bundled pipeline (measured,
    1.7 s against 4.3 s). Here only the entry points of the factories the model's config
    names are loaded, spaCy's entry-point factory registry is told to load no more, and
    where every component is spaCy's own and none of its functions wraps torch
    (:data:`_TORCH_FUNCTIONS`), torch is made unimportable, so thinc runs on numpy as it
    would without torch installed. That is process-wide state, so only a process entityx
    owns (a pool or LocalCluster worker it spawned) may call this; the caller's process never
    does. Returns whether it applied: a package name, or a config with sourced components
    (whose factories it cannot read), leaves spaCy's defaults.
    """
    name = str(bundled_pipeline_path()) if model is None else str(model)
    path = Path(name).expanduser()
    if model == TRF_ALIAS or not path.exists():
        return False
    components = _components_in(name, path)
    factories = {str(c.get("factory", "")) for c in components.values()}
    if not factories or "" in factories:
        return False
    functions = _registered_functions(components)
    if "torch" not in sys.modules and all(
        f.startswith("spacy.") and not _TORCH_FUNCTIONS.search(f) for f in functions
    ):
        # Before spaCy is imported: thinc tries ``import torch`` then.
        sys.modules["torch"] = None  # type: ignore[assignment]  # import torch: ImportError
    from importlib.metadata import entry_points

    from spacy.util import registry

    wanted = factories | {RESOLVER}
    for entry_point in entry_points(group="spacy_factories"):
        # A language's own factory is registered as "el.name": its config says "name".
        if entry_point.name in wanted or entry_point.name.rpartition(".")[2] in wanted:
            entry_point.load()
    registry._entry_point_factories.entry_points = False
    return True


def load_pipeline(
    model: str | None = None, *, kb: str | Literal[False] | None = None, gpu_id: int = -1
) -> Language:
    """Load a spaCy pipeline with entityx's resolver added.

    ``model`` is ``None`` for the bundled pipeline, an installed package name such as
    ``"el_core_news_lg"``, or a path to a pipeline directory.
    """
    name = str(bundled_pipeline_path()) if model is None else _resolve_alias(str(model))
    nlp = _spacy_load(name, gpu_id=gpu_id)
    return _prepare(nlp, kb=kb)


def split_long_text(text: str, *, max_chars: int) -> list[tuple[int, str]]:
    """Cut ``text`` into ``(offset, piece)`` pieces of at most ``max_chars`` characters.

    Cuts prefer paragraph breaks, then line breaks, then sentence ends, then spaces, so that
    names are not cut in half; offsets index into the original string.
    """
    if max_chars <= 0:
        raise InputError(f"max_chars must be positive, not {max_chars}")
    pieces: list[tuple[int, str]] = []
    start = 0
    n = len(text)
    while n - start > max_chars:
        window = text[start : start + max_chars]
        cut = -1
        for sep in ("\n\n", "\n", ". ", "; ", " "):
            pos = window.rfind(sep, max_chars // 2)
            if pos != -1:
                cut = pos + len(sep)
                break
        if cut <= 0:
            cut = max_chars
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces
