"""Issue 22, seventeenth round: what the judge of the fifteenth held-out set found beside the
drafts it rated (docs/drafting.md, "Seventeenth round"): a long article's set taken from its
first pages only, and figures after "more than" (tests/drafting/test_drafting_sixth.py)."""

from __future__ import annotations

from quiz.drafting import draft_questions
from quiz.drafting.facts import find_facts, rejection, split_sentences
from quiz.drafting.wh import wh_prompt
from quiz.questionfile import parse_question_file

THINGS = ("buses", "trams", "bicycles", "benches", "lamps", "trees", "fountains", "kiosks",
          "bridges", "ferries", "schools", "libraries", "clinics", "parks", "markets",
          "theatres", "stadiums", "museums", "hostels", "gardens", "pools", "depots", "towers",
          "piers", "tunnels", "cafés", "studios", "galleries", "archives", "shelters")


def test_a_long_article_gives_drafts_from_its_whole_length() -> None:
    """New York Magazine's 7,402 words (376 sentences) gave all ten drafts from its first 72
    sentences: each sentence further in cost a draft the same, however long the article. Here
    180 sentences, each with a figure and a year: every third of the article gives some of the
    ten, none more than four."""
    paragraphs = []
    for number, thing in enumerate(THINGS * 3):
        if number >= len(THINGS):
            thing = f"{thing} of type {chr(65 + number // len(THINGS))}{number}"
        count = 120 + 37 * number
        paragraphs.append(
            f"In {1950 + number}, the city council of Grenoble approved {count} new {thing} "
            f"for the northern districts. The plan for the {thing} cost the region about "
            f"{count * 3} euros per resident, according to the budget office.")
    quiz = parse_question_file(
        "# Grenoble's long plan for its districts\n\nLanguage: en\nDate: 2025-02-03\n\n"
        "## Article\n\n" + "\n\n".join(paragraphs) + "\n\n## Questions\n")
    report = draft_questions(quiz, 10)
    assert report.considered == 180
    assert len(report.drafts) == 10
    thirds = [sum(1 for d in report.drafts if d.sentence.order * 3 // 180 == third)
              for third in range(3)]
    assert min(thirds) >= 2 and max(thirds) <= 4, thirds


def test_no_question_asks_who_did_what_the_article_only_guesses() -> None:
    """New York Magazine: « Perhaps Murdoch told him not to bother, because the trip never
    happened. » became "Perhaps who told him not to bother …?" (the cloze keeps the guess);
    "What NBC considered fireable offenses, Ailes saw as competitive advantages." became
    "What NBC considered fireable offenses, who saw as competitive advantages?"."""
    for language, sentence, guess in (
            ("en", "Perhaps Rupert Murdoch told him not to bother, because the trip to London "
                   "never happened.", "Perhaps"),
            ("fr", "Peut-être Emmanuel Macron a-t-il demandé au ministre de renoncer à ce "
                   "voyage à Londres.", "Peut-être")):
        quiz = parse_question_file(
            f"# Le voyage\n\nLanguage: {language}\nDate: 2025-02-03\n\n## Article\n\n"
            f"Rupert Murdoch met Roger Ailes and Emmanuel Macron in New York in 2015.\n\n"
            f"{sentence}\n\nRoger Ailes left Fox News in 2016, and Emmanuel Macron was elected "
            f"in 2017.\n\n## Questions\n")
        for draft in draft_questions(quiz, 10).drafts:
            prompt = draft.question.prompt
            if draft.sentence.text == sentence and draft.question.kind == "mcq":
                assert "_____" in prompt and guess in prompt, prompt
    quiz = parse_question_file(
        "# A\n\nLanguage: en\nDate: 2025-02-03\n\n## Article\n\nWhat Rupert Murdoch "
        "considered a trip of no use, Roger Ailes saw as a chance to meet Emmanuel Macron.\n\n"
        "## Questions\n")
    fronted = split_sentences(quiz)[0]
    fronted.facts = find_facts(fronted, "en")
    ailes = next(fact for fact in fronted.facts if fact.name == "Roger Ailes")
    assert wh_prompt(fronted, ailes, 0, "en") is None


def test_a_false_statement_brings_no_name_whose_word_the_sentence_says() -> None:
    """New York Magazine: "The prospect of Trump TV is a source of real anxiety for some
    inside Fox." made false with "Fox News" — « … of Fox News … inside Fox » reads absurd."""
    quiz = parse_question_file(
        "# Inside the network after Ailes\n\nLanguage: en\nDate: 2016-09-05\n\n## Article\n\n"
        "A lawsuit by a former anchor brought the end of Fox News as Roger Ailes had built it "
        "over twenty years.\n\n"
        "Rupert Murdoch took over as chairman and promised advertisers that nothing would "
        "change at Fox News.\n\n"
        "Donald Trump and Roger Ailes have talked about Trump TV, a cable network of their "
        "own, since the spring.\n\n"
        "The prospect of Trump TV is a source of real anxiety for some inside Fox's "
        "newsroom.\n\n"
        "Executives at CNN said they had heard the same rumours about Trump TV for months.\n\n"
        "Fox News still won the ratings of the convention week, ahead of CNN and MSNBC.\n\n"
        "## Questions\n")
    prospect = [d.question for d in draft_questions(quiz, 10).drafts
                if d.sentence.text.startswith("The prospect")]
    assert prospect, "the sentence gives a draft"
    assert not any("Fox News" in question.prompt for question in prospect), prospect


def test_a_numbers_sign_ends_no_sentence() -> None:
    """Deadspin: "… the ballpark—No. 1 in the world—swelled …" was cut after "No." and its
    second half drafted: « 1 in the world—swelled even as _____ endured … »."""
    quiz = parse_question_file(
        "# A\n\nLanguage: en\nDate: 2016-09-05\n\n## Article\n\n"
        "The team's payroll, once No. 1 in the world, swelled even as the club endured a "
        "drought. The answer was No. Then it rained.\n\n## Questions\n")
    assert [s.text for s in split_sentences(quiz)] == [
        "The team's payroll, once No. 1 in the world, swelled even as the club endured a "
        "drought.", "The answer was No.", "Then it rained."]


def test_a_part_of_what_the_sentence_before_told_needs_it() -> None:
    """Bloomberg: "Most of it does not belong to the Cupertino, California-based company's
    Ireland units." (a false statement by negation: most of what?)."""
    for language, text in (
            ("en", "Most of it belongs to the Cupertino, California-based company's Ireland "
                   "units."),
            ("en", "Some of them were questioned by the police in Newark on Monday."),
            ("fr", "La plupart d'entre eux ont été relogés par la mairie de Marseille."),
            ("fr", "Plusieurs d'entre elles ont porté plainte auprès de la police de Lyon.")):
        quiz = parse_question_file(f"# A\n\nLanguage: {language}\nDate: 2025-02-03\n\n"
                                   f"## Article\n\n{text}\n\n## Questions\n")
        sentence = split_sentences(quiz)[0]
        sentence.facts = find_facts(sentence, language)
        assert rejection(sentence, language) == "needs context", text


def test_a_person_called_by_first_name_alone_is_named_in_full() -> None:
    """AOL: "Elizabeth did not post a picture Tuesday evening of her son …" (Elizabeth
    Snyder, named in full paragraphs before); New York Magazine: "Rupert was seen giving _____
    a tour …" — read alone, who? (a cloze quotes the article: "Rupert [Murdoch]")."""
    quiz = parse_question_file(
        "# The succession at Fox\n\nLanguage: en\nDate: 2016-09-05\n\n## Article\n\n"
        "Rupert Murdoch took over as chairman of Fox News in July, after Roger Ailes left the "
        "network.\n\n"
        "Rebekah Brooks, who ran News International in London until 2011, has stayed close to "
        "the family.\n\n"
        "Elizabeth Snyder said on Monday that Roger Ailes had never called her back.\n\n"
        "Elizabeth posted a picture of her son on Tuesday evening, two days after the funeral "
        "in Green Park.\n\n"
        "Roger Ailes denied every allegation, and Rebekah Brooks declined to comment.\n\n"
        "## Questions\n")
    drafts = [d for d in draft_questions(quiz, 10).drafts
              if d.sentence.text.startswith("Elizabeth posted")]
    assert drafts, "the sentence gives a draft"
    for draft in drafts:
        prompt = draft.question.prompt
        assert "Elizabeth Snyder" in prompt or "Elizabeth [Snyder]" in prompt, prompt
