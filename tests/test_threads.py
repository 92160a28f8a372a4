"""One Extractor shared by a thread pool gives what sequential calls give, with no errors."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

import entityx

TEXTS = [
    "Ο Σεργκέι Λαβρόφ συναντήθηκε με τον Κιμ Γιονγκ Ουν στη Γουονσάν.",
    "Sergey Lavrov thanked Kim Jong-un; KCNA said North Korea backs Russia.",
    "Ο Κυριάκος Μητσοτάκης μίλησε στη Θεσσαλονίκη για το ΝΑΤΟ και την Ευρωπαϊκή Ένωση.",
    "Donald Trump and Melania Trump flew from Washington to Kuala Lumpur with ASEAN leaders.",
    "Η Μόσχα και η Πιονγκγιάνγκ υπέγραψαν συμφωνία. Lavrov met Choe Son-hui in Pyongyang.",
]


def _calls(n: int) -> list[str]:
    # Distinct texts (a number in each), so every call interns strings of its own.
    return [f"{TEXTS[i % len(TEXTS)]} Αριθμός {i}." for i in range(n)]


@pytest.mark.slow
def test_threads_sharing_one_extractor_match_sequential_results() -> None:
    extractor = entityx.load()
    texts = _calls(120)
    expected = [extractor.extract(t).model_dump_json() for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda t: extractor.extract(t).model_dump_json(), texts))
    assert got == expected


@pytest.mark.slow
def test_pipe_and_extract_from_two_threads_at_once() -> None:
    extractor = entityx.load()
    texts = _calls(60)
    expected = [d.model_dump_json() for d in extractor.pipe(texts, batch_size=8)]

    def by_pipe() -> list[str]:
        return [d.model_dump_json() for d in extractor.pipe(texts, batch_size=8)]

    def by_extract() -> list[str]:
        return [extractor.extract(t).model_dump_json() for t in texts]

    with ThreadPoolExecutor(max_workers=2) as pool:
        piped, extracted = pool.submit(by_pipe), pool.submit(by_extract)
        assert piped.result() == expected
        assert extracted.result() == expected


def test_a_paused_pipe_does_not_block_other_threads() -> None:
    """The pipeline is taken per batch, never while a generator waits for its consumer."""
    extractor = entityx.load()
    paused = extractor.pipe(_calls(4), batch_size=2)
    first = next(paused)  # the generator now waits between batches
    with ThreadPoolExecutor(max_workers=1) as pool:
        other = pool.submit(extractor.extract, TEXTS[1]).result(timeout=120)
    assert other.mentions
    assert first.mentions and len(list(paused)) == 3


def test_concurrent_first_loads_share_one_extractor() -> None:
    with ThreadPoolExecutor(max_workers=4) as pool:
        extractors = list(pool.map(lambda _: entityx.load(), range(8)))
    assert all(e is extractors[0] for e in extractors)
