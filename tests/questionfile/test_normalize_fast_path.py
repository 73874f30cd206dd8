"""normalize() skips its character loop when nothing needs folding: same result either way."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.questionfile import passage


def folded_char_by_char(text: str) -> tuple[str, list[int]]:
    """The character loop alone (what normalize() does when the text needs folding)."""
    folded: list[str] = []
    origin: list[int] = []
    pending_space = False
    for index, char in enumerate(text):
        if char in passage._INVISIBLE:
            continue
        if char.isspace():
            pending_space = bool(folded)
            continue
        if pending_space:
            folded.append(" ")
            origin.append(index - 1)
            pending_space = False
        folded.append(char.translate(passage._SAME_AS))
        origin.append(index)
    return "".join(folded), origin


TRICKY = list("ab '’‘ʼ“”„\u00a0\t\n\u200b\u00ad\u2009\u3000\x1c\x85\ufeff")


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(TRICKY), max_size=16))
def test_normalize_matches_the_character_loop(text: str) -> None:
    assert passage.normalize(text) == folded_char_by_char(text)


def test_plain_text_takes_the_fast_path_with_offsets_unchanged() -> None:
    text = "L’accord a été « ratifié » hier."
    folded, origin = passage.normalize(text)
    assert folded == "L'accord a été « ratifié » hier." and origin == list(range(len(text)))
