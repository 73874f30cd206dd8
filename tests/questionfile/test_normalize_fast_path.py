"""normalize() skips its character loop when nothing needs folding: same result either way."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.questionfile import passage

TRICKY = list("ab '’‘ʼ“”„«»:;!?\u00a0\t\n\u200b\u00ad\u2009\u3000\x1c\x85\ufeff")


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(TRICKY), max_size=16))
def test_normalize_matches_the_character_loop(text: str) -> None:
    assert passage.normalize(text) == passage.fold_each_character(text)


def test_plain_text_takes_the_fast_path_with_offsets_unchanged() -> None:
    text = "L’accord a été «ratifié» hier."
    folded, origin = passage.normalize(text)
    assert folded == "L'accord a été \"ratifié\" hier." and origin == list(range(len(text)))
