"""Issue 22, thirty-third round: what the judge of the thirty-third held-out set rejected or
edited (docs/drafting.md, "Thirty-third round"), each test on the shape of a real sentence."""

from __future__ import annotations

import re

import pytest

from quiz.drafting import lexicon

from .test_drafting_sixth import first_sentence
from .test_drafting_twentieth import every_draft

# Orange (Covid in Beijing): counts in words, some of them the wrong answers of others.
_BEIJING = (
    "La Chine a fait état mardi de 27 nouvelles contaminations à Pékin, où un marché "
    "supplémentaire a été fermé ainsi que sept zones résidentielles environnantes.",
    "Cinq marchés sont désormais fermés dans la capitale chinoise, selon les autorités "
    "municipales.",
    "Le ministère de la Santé a fait état de huit nouveaux cas chez des voyageurs en "
    "provenance de l'étranger au cours des dernières 24 heures.",
    "Outre les 27 nouveaux cas pékinois, le ministère a annoncé mardi quatre contaminations "
    "dans la province voisine du Hebei, ainsi qu'une au Sichuan.",
)


def test_an_explanation_never_says_a_choice_the_article_writes_is_not_in_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """« sept zones » offered « cinq » (the article's five markets) and the explanation said
    « Les autres choix ne sont pas dans l'article »: false. When a made-up wrong answer is in
    the article after all, the explanation quotes where."""
    article_text = " ".join(_BEIJING).lower()
    questions = every_draft(monkeypatch, "fr", *_BEIJING)
    checked = 0
    for question in questions:
        if question.kind != "mcq":
            continue
        checked += 1
        wrong = [c.text for c in question.choices if not c.correct]
        if lexicon.TEXTS["fr"]["not_in_article"] in (question.explanation or ""):
            for text in wrong:
                assert not re.search(rf"(?<![\w-]){re.escape(text.lower())}(?![\w-])",
                                     article_text), (question.prompt, text)
    assert checked


def test_a_number_inside_a_set_phrase_is_not_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Orange (Calais): « L'exercice était à _____ doigts de virer à la catastrophe » (deux),
    the page's only draft: a number inside an idiom counts nothing."""
    questions = every_draft(
        monkeypatch, "fr",
        "L'exercice était à deux doigts de virer à la catastrophe, vendredi dernier, au port "
        "de Calais.",
        "Une compagnie de 70 CRS n'avait pas été prévenue de l'exercice, selon Nord Littoral.",
        "Le comité d'hygiène a demandé les images des 12 caméras de surveillance du port.")
    assert questions
    for question in questions:
        assert "_____ doigts" not in question.prompt, question.prompt


def test_a_family_name_with_its_arabic_particle_is_a_persons() -> None:
    """Orange (Mitsotakis): « le Gouvernement d'union (GNA) de Fayez al-Sarraj », tagged a
    place, was blanked with Paris and Jérusalem offered."""
    sentence = first_sentence(
        "fr", "La Turquie y soutient militairement le Gouvernement d'union (GNA) de Fayez "
              "al-Sarraj, reconnu par l'ONU, face au pouvoir rival du maréchal Khalifa Haftar.")
    kinds = {f.name: f.kind for f in sentence.facts}
    assert kinds.get("Fayez al-Sarraj") == "person", kinds


def test_the_reporting_window_is_not_asked_or_swapped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Orange (Beijing): a false statement changed only « au cours des dernières 24 heures »
    to 12 — the window a count covers, not news (as « ces 24 dernières heures » already was)."""
    questions = every_draft(monkeypatch, "fr", *_BEIJING)
    assert questions
    for question in questions:
        assert f"dernières {lexicon.BLANK} heures" not in question.prompt, question.prompt
        assert set(re.findall(r"dernières (\d+) heures", question.prompt)) <= {"24"}, \
            question.prompt


def test_a_place_or_a_group_with_an_arabic_article_stays_what_it_is() -> None:
    """"Sharm el-Sheikh": the first word is a common noun of Arabic (a bay's), no given name
    (the groups' heads alike: "Ansar al-Sharia", "Hayat Tahrir al-Sham")."""
    sentence = first_sentence(
        "en", "The talks were held in Sharm el-Sheikh on Tuesday, after Ansar al-Sharia "
              "claimed the attack in Benghazi.")
    kinds = {f.name: f.kind for f in sentence.facts}
    assert kinds.get("Sharm el-Sheikh") == "place", kinds
