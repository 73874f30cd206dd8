"""Locating a passage: what a teacher cannot see is tolerated, the offsets stay exact."""

from hypothesis import given
from hypothesis import strategies as st

from quiz.questionfile import ArticleBlock, locate_passage, normalize

BLOCKS = (
    ArticleBlock("paragraph", "Mais jusqu’alors, personne n’était au courant de rien.", 1),
    ArticleBlock("heading", "Un “sous-titre”", 3),
    ArticleBlock("paragraph", "Entre 10 et\u00a012.000  de ses hommes.", 5),
)


def found(passage: str) -> list[str]:
    return [BLOCKS[loc.block].text[loc.start:loc.end]
            for loc in locate_passage(BLOCKS, passage).locations]


def test_straight_apostrophes_match_typographic_ones() -> None:
    assert found("personne n'était au courant") == ["personne n’était au courant"]


def test_straight_double_quotes_match_typographic_ones() -> None:
    assert found('Un "sous-titre"') == ["Un “sous-titre”"]


def test_runs_of_spaces_and_non_breaking_spaces_match_one_space() -> None:
    assert found("10 et 12.000 de ses") == ["10 et\u00a012.000  de ses"]


def test_a_space_before_french_high_punctuation_or_none_match() -> None:
    """A teacher types « l'article: » without the space French puts before the colon (or
    with one, where an English article has none): the same passage either way."""
    blocks = (ArticleBlock("paragraph", "Les parents disent\u202f: « Enfin ! » Pourquoi ?", 1),
              ArticleBlock("paragraph", "The mayor said: no; the school agreed!", 2))
    for typed, where in (("disent: « Enfin! » Pourquoi?", 0), ("disent : \"Enfin !\"", 0),
                         ("said : no ; the school agreed !", 1)):
        (location,) = locate_passage(blocks, typed).locations
        assert location.block == where
        text = blocks[where].text[location.start:location.end]
        assert text.startswith(("disent", "said")) and text[-1] in "?»!"
    assert locate_passage(blocks, "disent Enfin").locations == ()  # the colon is not a space


def test_case_and_letters_must_match() -> None:
    assert found("PERSONNE n'était") == []
    assert found("personne n'etait") == []


def test_a_passage_found_twice_reports_both_places() -> None:
    assert len(locate_passage(BLOCKS, "e").locations) > 1


def test_longest_matching_prefix_is_reported_when_not_found() -> None:
    search = locate_passage(BLOCKS, "personne n'était au courant de tout")
    assert search.locations == ()
    assert search.matched_prefix == "personne n'était au courant de "


def test_normalize_maps_back_to_original_indexes() -> None:
    folded, origin = normalize("  a\u00a0 b’c ")
    assert folded == "a b'c"
    assert [origin[0], origin[2], origin[4]] == [2, 5, 7]


def test_soft_hyphens_and_zero_width_spaces_are_invisible() -> None:
    blocks = (ArticleBlock("paragraph", "La démo\u00adcratie\u200b vit.", 1),)
    (location,) = locate_passage(blocks, "démocratie vit").locations
    assert blocks[0].text[location.start:location.end] == "démo\u00adcratie\u200b vit"


def test_every_typographic_quote_matches_its_straight_form() -> None:
    # ’ ‘ ʼ (the apostrophes word processors and keyboards type) and “ ” „ (double quotes).
    for apostrophe in "\u2019\u2018\u02bc":
        blocks = (ArticleBlock("paragraph", f"Il l{apostrophe}a dit.", 1),)
        location, = locate_passage(blocks, "l'a dit").locations
        assert blocks[0].text[location.start:location.end] == f"l{apostrophe}a dit"
    for opening, closing in [("\u201c", "\u201d"), ("\u201e", "\u201c"), ("\u201e", "\u201d")]:
        blocks = (ArticleBlock("paragraph", f"Le mot {opening}paix{closing} revient.", 1),)
        location, = locate_passage(blocks, 'mot "paix" revient').locations
        assert blocks[0].text[location.start:location.end] == \
            f"mot {opening}paix{closing} revient"


def test_every_invisible_character_of_web_pages_is_ignored() -> None:
    # Soft hyphen, zero-width space, zero-width non-joiner, zero-width joiner, word joiner,
    # and the byte-order mark, each inside a word of the article.
    for invisible in "\u00ad\u200b\u200c\u200d\u2060\ufeff":
        text = f"La ratifi{invisible}cation du traité."
        blocks = (ArticleBlock("paragraph", text, 1),)
        location, = locate_passage(blocks, "ratification du traité").locations
        assert text[location.start:location.end] == f"ratifi{invisible}cation du traité", \
            repr(invisible)


def test_a_passage_of_invisible_characters_only_is_found_nowhere() -> None:
    for passage in ("\u00ad", "\u200b\u200d", " \u00a0 "):
        search = locate_passage(BLOCKS, passage)
        assert (search.locations, search.matched_prefix) == ((), "")


def test_overlapping_places_are_each_found() -> None:
    blocks = (ArticleBlock("paragraph", "Il a dit : « non, non, non ».", 1),)
    search = locate_passage(blocks, "non, non")
    assert [(loc.start, loc.end) for loc in search.locations] == [(13, 21), (18, 26)]


def test_no_prefix_when_even_the_first_character_is_not_in_the_article() -> None:
    search = locate_passage(BLOCKS, "Ωmega")
    assert (search.locations, search.matched_prefix) == ((), "")
    # …and one character when only that one is.
    assert locate_passage(BLOCKS, "Mx").matched_prefix == "M"


def test_places_one_character_apart_are_each_found() -> None:
    blocks = (ArticleBlock("paragraph", "Il a crié : « Oooooh ! »", 1),)
    search = locate_passage(blocks, "ooo")
    assert [(loc.start, loc.end) for loc in search.locations] == [(15, 18), (16, 19)]


@given(st.text(alphabet="abc ", max_size=12), st.lists(st.text(alphabet="abc", max_size=12),
                                                      min_size=1, max_size=3))
def test_the_matched_prefix_is_the_longest_one(wanted: str, paragraphs: list[str]) -> None:
    """Where a passage stops matching: the longest beginning of it found in one paragraph
    (a binary search; checked here against trying every length)."""
    blocks = tuple(ArticleBlock("paragraph", text, n) for n, text in enumerate(paragraphs))
    search = locate_passage(blocks, wanted)
    folded = normalize(wanted)[0]
    if search.locations:
        return
    longest = max(n for n in range(len(folded) + 1)
                  if any(folded[:n] in normalize(text)[0] for text in paragraphs))
    assert search.matched_prefix == folded[:longest]
