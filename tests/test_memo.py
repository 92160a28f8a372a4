"""The text core's caches: same answers as the function, bounded size, clearable."""

from __future__ import annotations

import re

from entityx.text.keys import apply_rules, compile_rule, finish_key
from entityx.text.memo import memo, word_cache


def test_word_cache_answers_like_the_function_and_calls_it_once_per_word() -> None:
    calls: list[str] = []

    @word_cache(maxsize=10)
    def upper(word: str) -> str:
        calls.append(word)
        return word.upper()

    assert [upper(w) for w in ["a", "b", "a", "a", "b"]] == ["A", "B", "A", "A", "B"]
    assert calls == ["a", "b"]


def test_word_cache_caches_none_results_too() -> None:
    calls: list[str] = []

    @word_cache(maxsize=10)
    def nothing(word: str) -> None:
        calls.append(word)

    nothing("x")
    nothing("x")
    assert calls == ["x"]


def test_fixed_points_are_answered_without_a_call_or_an_entry() -> None:
    calls: list[str] = []

    @word_cache(maxsize=2, fixed_points=re.compile("[a-z]+"))
    def lower(word: str) -> str:
        calls.append(word)
        return word.lower()

    assert [lower(w) for w in ["abc", "Abc", "xyz", "Abc", "def"]] == [
        "abc",
        "abc",
        "xyz",
        "abc",
        "def",
    ]
    assert calls == ["Abc"]  # the lower-case words never took a place in the cache
    assert lower("ABC") == "abc" and lower("Abc") == "abc" and calls == ["Abc", "ABC"]


def test_a_full_cache_starts_again_rather_than_growing() -> None:
    calls: list[int] = []

    @memo(maxsize=3)
    def add(a: int, b: int) -> int:
        calls.append(a)
        return a + b

    for a in range(5):
        assert add(a, 1) == a + 1
    assert add(4, 1) == 5 and calls == [0, 1, 2, 3, 4]  # 4 came after the clear: kept
    assert add(0, 1) == 1 and calls[-1] == 0  # 0 went with the clear: computed again
    add.cache_clear()  # type: ignore[attr-defined]
    add(4, 1)
    assert calls[-1] == 4


def test_literal_rules_are_skipped_only_where_they_cannot_match() -> None:
    rules = (
        compile_rule("sh|sch", "s", frozenset("shc")),
        compile_rule(r"c(?=[ei])", "s", frozenset("c")),
        compile_rule("Y", "y", frozenset("Y")),
    )
    assert rules[0][4] == ("sh", "sch") and rules[1][3:] == (None, None)
    assert rules[2][3] == "Y"
    assert apply_rules(rules, "schace") == "sase"
    assert apply_rules(rules, "Yoshi") == "yosi"
    assert apply_rules(rules, "tom") == "tom"


def test_finish_key_collapses_doubles_and_greek_digraph_clusters() -> None:
    assert finish_key("llamma") == "lama"
    assert finish_key("kampos") == "kabos"
    assert finish_key("londdon") == "lodon"
    assert finish_key("ngg") == "g"


def test_required_characters_are_read_off_the_pattern_or_not_at_all() -> None:
    from entityx.text.keys import required_characters

    assert required_characters(r"c(?=[eiy])|z") == frozenset("cz")  # lookahead: not consumed
    assert required_characters(r"(?<=[aeiou])ill") == frozenset("i")
    assert required_characters(r"t?z") == frozenset("z")  # the optional t is not needed
    assert required_characters(r"[ae][iy]") == frozenset("ae")
    assert required_characters(r"^([^aeiouy]*)a") == frozenset("a")
    assert required_characters(r"[^aeiou]y|\w+") is None  # one alternative needs nothing known
    assert required_characters(r"(") is None  # not a pattern: cannot say
