"""Issue 22, twenty-second round: what the judge of the nineteenth held-out set rejected or
edited (docs/drafting.md, "Twenty-second round"), each test on the shape of a real sentence of
those pages."""

from __future__ import annotations

import pytest

from quiz.drafting import draft as drafting
from quiz.drafting.draft import _where_named
from quiz.drafting.facts import find_facts, rejection, split_sentences
from quiz.drafting.negation import negated
from quiz.drafting.wh import wh_prompt
from quiz.questionfile import Question, parse_question_file

from .test_drafting_sixth import article, first_sentence
from .test_drafting_twentieth import every_draft, false_statements, texts


def key(question: Question) -> str:
    return next(choice.text for choice in question.choices if choice.correct)


def clozes(questions: list[Question]) -> list[Question]:
    return [q for q in questions if q.kind == "mcq" and "_____" in q.prompt]


def test_a_number_inside_a_title_or_a_product_name_is_never_asked() -> None:
    """E! Online's "Blade Runner _____" (2049), MacRumors' "the iPhone _____ lineup" and "iOS
    _____": the number is part of a name."""
    for language, text, number in (
            ("en", "With his musical La La Land charming audiences and Blade Runner 2049 in "
                   "production, Gosling has a lot on his plate.", "2049"),
            ("en", "Most expectations about the iPhone 14 lineup's color options come from a "
                   "post on Weibo earlier this year.", "14"),
            ("en", "Apple today seeded the fifth beta of iOS 16 to developers for testing "
                   "purposes.", "16"),
            ("fr", "Les Jeux de Paris 2024 ont coûté près de neuf milliards d'euros à l'Etat.",
             "2024")):
        sentence = first_sentence(language, text)
        asked = [sentence.text[f.start:f.end] for f in sentence.facts]
        assert number not in asked, (text, asked)
    # A year after a month or at the start, a count after a verb: still facts.
    sentence = first_sentence("en", "In 2019, the company hired 300 workers in Texas after "
                                    "its January 2018 deal.")
    asked = [sentence.text[f.start:f.end] for f in sentence.facts]
    assert "2019" in asked and "300" in asked and "2018" in asked, asked


def test_a_role_or_a_rank_that_names_its_one_holder_gives_no_blank(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """La DH: « Le président américain _____, qui a appelé … » (Obama) and « _____, la vibrante
    ville la plus peuplée du pays, était anormalement calme » (New York): answered without
    reading."""
    paragraphs = (
        "Le président américain Barack Obama, qui a appelé ses compatriotes à prendre très au "
        "sérieux le danger, a annulé un déplacement en Floride.",
        "New York, la vibrante ville la plus peuplée du pays, était anormalement calme lundi "
        "matin.",
        "Le candidat républicain Mitt Romney a tenu une réunion à Boston dimanche.",
        "Le maire Michael Bloomberg a fermé les écoles à Philadelphie.",
        "Une passante, Mary Blythe, a été interrogée à Washington.",
        "Les vols vers Chicago ont été annulés à New York.")
    for question in clozes(every_draft(monkeypatch, "fr", *paragraphs)):
        assert not question.prompt.startswith(("« Le président américain _____",
                                               "Complétez la phrase de l’article : « Le "
                                               "président américain _____")), question.prompt
        assert "_____, la vibrante ville" not in question.prompt, question.prompt


def test_a_vague_opening_needs_the_sentence_before() -> None:
    """Daily Star's "Some of the girls were as young as 14", La DH's « le scénario est
    semblable », Sudinfo's « Deux jours après, les températures ont chuté »: of whom, like
    what, after what?"""
    for language, text in (
            ("en", "Some of the girls were as young as 14 at the time, the court heard."),
            ("en", "Two days later, the police arrested a 25-year-old man in Leeds."),
            ("en", "The next day, the police arrested a 25-year-old man in Leeds."),
            ("fr", "A Boston, comme à Philadelphie ou Washington, le scénario est semblable."),
            ("fr", "Deux jours après, les températures ont chuté et il a neigé sur le col."),
            ("fr", "Certains des enfants ont été hospitalisés à Liège pendant trois jours.")):
        assert rejection(first_sentence(language, text), language) == "needs context", text
    for language, text in (
            ("en", "Some of the world's largest banks have cut 3,000 jobs in London."),
            ("fr", "Deux jours après le départ, les coureurs ont atteint Chamonix vers midi."),
            ("fr", "Le système est semblable à celui de la Belgique, selon le ministre Paul "
                   "Magnette."),
            ("fr", "La plupart des Français jugent la réforme injuste, selon un sondage Ifop.")):
        assert rejection(first_sentence(language, text), language) == "", text


def test_a_closing_notice_gives_no_draft_and_a_web_address_is_no_wrong_answer(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """E! Online's "GQ's January 2017 issue is on newsstands nationwide Dec. 20." (made false
    with 2022); Vanity Fair's "VF.com" (its subscription strip) and "NYC" offered for CNN."""
    assert rejection(first_sentence(
        "en", "GQ's January 2017 issue is on newsstands nationwide Dec. 20."), "en") == \
        "boilerplate"
    paragraphs = (
        "According to CNN, an investigator alleged that an unauthorized individual had "
        "accessed an emergency system in Florida last month.",
        "The Washington Post reported that the governor ordered the raid in Tallahassee.",
        "Officers from NYC raided the house of a Florida data scientist on Monday.",
        "NBC News said the officers seized her computer in Tallahassee.",
        "Not a subscriber? Join Vanity Fair to receive full access to VF.com and the complete "
        "online archive now.")
    for question in every_draft(monkeypatch, "en", *paragraphs):
        if question.kind == "mcq":
            assert "VF.com" not in texts(question), texts(question)
            assert "NYC" not in texts(question), texts(question)
        assert "VF.com" not in question.prompt, question.prompt


def test_a_crosshead_is_not_cited_as_another_figure() -> None:
    """La DH: « trois est un autre chiffre de l'article : « Trois-mâts en perdition » » — a
    crosshead, and a word inside a compound."""
    quiz = article("fr", "Trois-mâts en perdition",
                   "Le scrutin aura lieu dans huit jours, a rappelé le candidat Mitt Romney à "
                   "Boston.")
    sentences = split_sentences(quiz)
    for sentence in sentences:
        sentence.facts = find_facts(sentence, "fr")
        sentence.rejected = rejection(sentence, "fr")
    assert _where_named("trois", sentences, sentences[-1]) == ""
    assert _where_named("huit", sentences, None) != ""


def test_a_contrastive_pronoun_goes_with_the_negation() -> None:
    """La DH: « Le candidat républicain Mitt Romney ne poursuit pas lui ses réunions … »."""
    for text in ("Le candidat républicain Mitt Romney poursuit lui ses réunions dans les Etats "
                 "clés de l'Ohio et du Wisconsin.",
                 "Le candidat républicain Mitt Romney, quant à lui, poursuit ses réunions dans "
                 "les Etats clés de l'Ohio."):
        negative = negated(first_sentence("fr", text), 0, "fr")
        assert negative is not None, text
        assert "ne poursuit pas ses réunions" in negative, negative
        assert " lui" not in negative, negative


def test_a_wrong_age_is_generated_never_another_persons(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Daily Star: "Some of the girls were as young as 14" made false with 10, the sister's age
    (arguable); L'Avenir: « le garçon de 17 ans et son père » offered 20 and 22, the ages of
    others."""
    paragraphs = ("Girls recruited by Maxwell were as young as 14 at the time, Lacerda told "
                  "the court in New York.",
                  "Epstein would later ask to meet Lacerda's sister, who was 10 at the time, "
                  "in Miami.",
                  "Maxwell, 62, is serving a 20-year sentence in Florida.")
    for question in every_draft(monkeypatch, "en", *paragraphs):
        if question.kind == "true_false" and question.answer is False and \
                "as young as" in question.prompt:
            assert "as young as 10" not in question.prompt, question.prompt
        if question.kind == "mcq" and "as young as _____" in question.prompt:
            assert "10" not in texts(question), texts(question)
    statements = false_statements(every_draft(
        monkeypatch, "fr", "Le garçon de 17 ans a été invité par Eden Hazard dans le vestiaire "
                           "de Chelsea.",
        "Son voisin, âgé de 20 ans, et son cousin de 22 ans ont assisté au match à Swansea."))
    for statement in statements:
        assert "de 20 ans a été invité" not in statement and \
            "de 22 ans a été invité" not in statement, statement


def test_a_minors_age_gets_minors_ages(monkeypatch: pytest.MonkeyPatch) -> None:
    """L'Avenir: « Après avoir interrogé le garçon de _____ ans et son père » offered 20 and
    22 for 17 — a boy's age among adults' (the judge: offer 14, 15, 16). (Since the
    twenty-ninth round the age of someone told of already, « le garçon », is not asked: the
    test speaks of « un garçon ».)"""
    questions = every_draft(
        monkeypatch, "fr",
        "Après avoir interrogé un garçon de 17 ans et son père, la police va interroger le "
        "joueur.",
        "Le joueur a présenté ses excuses au ramasseur de balle après le match.")
    asked = [q for q in questions if q.kind == "mcq" and "garçon de _____ ans" in q.prompt]
    assert asked
    for question in asked:
        assert all(int(text) < 18 for text in texts(question)), texts(question)
    for statement in false_statements(questions):
        if "un garçon de" in statement:
            age = int(statement.split("un garçon de ")[1].split()[0])
            assert age < 18, statement


def test_a_firm_named_again_and_again_is_asked_which_organisation(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """CNET's "Comcast is expected to launch a streaming TV service next year …": one
    capitalised word the model tags an organisation in several sentences, which the article
    shows as a firm (its customers, "rivals like"), is asked "Which organisation …?" — a
    program ("Medicaid, the joint state-federal health program") or a maker before a model
    ("a Boeing 737") is not."""
    questions = every_draft(
        monkeypatch, "en",
        "Comcast is expected to launch a streaming TV service next year that will be "
        "available to anyone over the internet.",
        "Google Fiber has helped spur rivals like Comcast and AT&T to increase speeds on their "
        "broadband service.",
        "Verizon said its customers would get faster speeds in Boston next spring.",
        "Comcast customers complained about higher prices in Philadelphia last year.")
    asked = [q for q in questions if q.kind == "mcq" and q.prompt.startswith(
        "Which organisation is expected to launch a streaming TV service next year")]
    assert asked and key(asked[0]) == "Comcast", [q.prompt for q in questions]
    questions = every_draft(
        monkeypatch, "en",
        "The tires themselves aren't terribly large: a Boeing 737 rides on small rubber tires.",
        "Boeing is in only the early stages of planning the replacement of the plane.",
        "Boeing received a contract from the Air Force in January, Lockheed Martin said.")
    assert not any(q.prompt.startswith("Which organisation") and "rides on" in q.prompt
                   for q in questions)


def test_a_figure_the_headline_prints_is_not_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Daily Star, under "Epstein raped girl and model in same bed - then ‘asked to meet her
    sister, 11'": "… asked to meet her sister – who was _____-years-old" — the headline prints
    the answer (here: "How many flights did airlines cancel …?" under "… 9,000 flights
    cancelled …")."""
    monkeypatch.setattr(drafting, "_select", lambda drafts, *args, **kwargs: drafts)
    monkeypatch.setattr(drafting, "_balance", lambda chosen, drafts=None: chosen)
    quiz = parse_question_file(
        "# Storm Sandy: 9,000 flights cancelled in the Northeast\n\n"
        "Language: en\nDate: 2025-02-03\n\n## Article\n\n"
        "Airlines cancelled 9,000 flights in the Northeast on Monday as the storm approached "
        "New York.\n\nThe city closed 76 shelters in Brooklyn on Tuesday.\n\n## Questions\n")
    for draft in drafting.draft_questions(quiz, 100).drafts:
        question = draft.question
        if question.kind == "mcq":
            assert key(question) != "9,000", question.prompt
        else:
            assert "9,000" in question.prompt or "flights" not in question.prompt


def test_a_fronted_phrase_the_question_says_again_goes() -> None:
    """La DH: « Dans les zones inondables bordant l'East …, qui a ordonné l'évacuation de
    375.000 habitants de zones inondables ? » — the judge: « zones inondables » twice."""
    sentence = first_sentence(
        "fr", "Dans les zones inondables bordant l'East et l'Hudson River à Manhattan, à "
              "Brooklyn et Staten Island, le maire Michael Bloomberg a ordonné l'évacuation "
              "de 375.000 habitants de zones inondables.")
    fact = next(f for f in sentence.facts if f.kind == "person")
    assert wh_prompt(sentence, fact, 0, "fr") == \
        "Qui a ordonné l'évacuation de 375.000 habitants de zones inondables\u00a0?"


def test_a_place_listed_with_others_gets_them_as_wrong_answers_never_the_city_holding_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """La DH: « David Blythe, qui habite _____ » (Brooklyn) offered New York, which holds
    Brooklyn — a second right answer the article never tells. The article lists Brooklyn with
    Manhattan and Harlem: those are the fair wrong answers."""
    paragraphs = (
        "Le maire a ordonné l'évacuation des quartiers bas à Manhattan, à Brooklyn et à Harlem.",
        "New York, la ville la plus peuplée du pays, était calme lundi matin.",
        "Les écoles de New York sont restées fermées, comme celles de Boston et de "
        "Philadelphie.",
        "Le vent a aussi coupé le courant à Atlantic City, où le casino a fermé.",
        "David Blythe, qui habite Brooklyn, est venu acheter un café pour son petit déjeuner.")
    asked = [q for q in every_draft(monkeypatch, "fr", *paragraphs)
             if q.kind == "mcq" and key(q) == "Brooklyn"]
    assert asked, "no draft asks where Blythe lives"
    for question in asked:
        wrong = set(texts(question)) - {"Brooklyn"}
        assert wrong <= {"Manhattan", "Harlem"}, (question.prompt, texts(question))
