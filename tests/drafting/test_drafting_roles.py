"""Issue 22, third round: what the rating of a fresh held-out set showed (docs/drafting.md,
"A fresh held-out set"). Each test is built on the shape of a real sentence of those pages:
page junk offered as a name, distractors of another kind, Chinese names, places containing the
answer, sentences that lean on another one, and wh-questions kept over clozes."""

from __future__ import annotations

from quiz.drafting import Draft, draft_questions
from quiz.drafting.draft import _containment, _places_in_lists, short_name
from quiz.drafting.facts import _gender, find_facts, rejection, split_sentences
from quiz.questionfile import QuizFile, parse_question_file


def article(language: str, date: str, *paragraphs: str) -> QuizFile:
    body = "\n\n".join(paragraphs)
    return parse_question_file(f"# Test\n\nLanguage: {language}\nDate: {date}\n\n## Article\n\n"
                               f"{body}\n\n## Questions\n")


def facts_of(language: str, *paragraphs: str) -> dict[str, str]:
    """name → kind, over every sentence."""
    quiz = article(language, "2020-01-01", *paragraphs)
    return {f.name: f.kind for s in split_sentences(quiz) for f in find_facts(s, language)}


def choices(draft: Draft) -> list[str]:
    return [c.text for c in draft.question.choices]


def right(draft: Draft) -> str:
    return next(c.text for c in draft.question.choices if c.correct)


def test_state_abbreviations_and_credit_lines_are_no_names() -> None:
    """al.com and CBC: "Bristol, Va.", "Brampton, Ont.," gave "Va" and "Ont" as persons; a
    credit line with an e-mail was offered as a person five times."""
    found = facts_of(
        "en",
        "Authorities identified the suspects after one of the victim's debit cards was traced "
        "to an unauthorized purchase in Bristol, Va.",
        "That's the case in many markets across the country, including Brampton, Ont., where "
        "prices have fallen since the spring.",
        "The cards were seized on Wednesday by the sheriff, reported Mike Cason/mcason@al.com "
        "in the evening.")
    assert "Bristol" in found and "Brampton" in found
    assert not {"Va", "Ont"} & set(found), found
    assert not any("/" in name or "@" in name for name in found), found


def test_a_french_state_written_with_a_capital_is_no_place() -> None:
    """« chef d'Etat » gave « Etat » among countries (two drafts of the archive.org page)."""
    found = facts_of(
        "fr",
        "Proche d'Emmanuel Macron dès sa campagne, Jean-Paul Delevoye s'est mis dans la poche "
        "le chef d'Etat et Brigitte Macron grâce à son expérience.")
    assert "Etat" not in found, found


def test_the_head_noun_and_the_words_before_decide_the_kind() -> None:
    """NPR: a church among persons; National Geographic: a journal and a medical centre among
    places (after "a study in", "at")."""
    found = facts_of(
        "en",
        "Roof entered Emanuel African Methodist Episcopal Church in downtown Charleston on the "
        "evening of June 17, 2015, and sat among a dozen people at a Bible study.",
        "Temperatures are often based on a decades-old standard that considers the metabolic "
        "rate of men, according to a study Monday in Nature Climate Change.",
        "Boris Kingma is a biophysicist at Maastricht University Medical Center in the "
        "Netherlands.")
    assert found.get("Emanuel African Methodist Episcopal Church") == "org", found
    assert found.get("Nature Climate Change") == "org", found
    assert found.get("Maastricht University Medical Center") == "org", found


def test_no_church_among_the_witnesses() -> None:
    quiz = article(
        "en", "2016-12-15",
        "Roof entered Emanuel African Methodist Episcopal Church in downtown Charleston on the "
        "evening of June 17, 2015, and opened fire during the final prayer.",
        "One witness, Felicia Sanders, described hiding under a table with her granddaughter "
        "during the shooting.",
        "Another witness, Polly Sheppard, told the jury that Roof stood over her with his gun "
        "that evening.",
        "During closing arguments on Thursday, defense attorney David Bruck asked the jury to "
        "consider the case.")
    drafts = draft_questions(quiz, 10).drafts
    persons = [d for d in drafts if d.fact.kind == "person" and d.question.kind == "mcq"]
    assert persons, [d.question.prompt for d in drafts]
    for draft in persons:
        assert not any("Church" in c for c in choices(draft)), choices(draft)


def test_a_chinese_name_is_shortened_to_its_family_name() -> None:
    """Times of India: "Jinping" and "Shuang" were offered for "Xi" and "Geng"."""
    assert short_name("Xi Jinping", {"Xi"}) == "Xi"
    assert short_name("Geng Shuang", set()) == "Geng"  # a Chinese family name comes first
    assert short_name("Osama bin Laden", set()) == "bin Laden"
    assert short_name("Imran Khan", {"Khan"}) == "Khan"
    quiz = article(
        "en", "2019-10-09",
        "Chinese foreign ministry spokesperson Geng Shuang made the remarks in Beijing on "
        "Tuesday.",
        "Imran Khan is visiting Beijing to meet Xi Jinping and other Chinese leaders this week.",
        "Observers said the visit might make it difficult for Xi to make his India visit "
        "successful.",
        "Pakistan's foreign minister Shah Mahmood Qureshi said the talks had gone well.",
        "Mr. Khan also met Chinese premier Li Keqiang at the Great Hall of the People.")
    drafts = [d for d in draft_questions(quiz, 10).drafts if d.question.kind == "mcq"]
    short = [d for d in drafts if right(d) == "Xi"]
    assert short, [d.question.prompt for d in drafts]
    for draft in short:
        assert not {"Jinping", "Shuang", "Keqiang"} & set(choices(draft)), choices(draft)
        assert {"Geng", "Li"} & set(choices(draft)), choices(draft)


def test_a_place_containing_the_answer_is_never_offered() -> None:
    """ABC7: Napa County and California were offered for Lake Berryessa (both true); al.com:
    Alabama among towns."""
    quiz = article(
        "en", "2023-12-01",
        "The Napa County Board of Supervisors approved a plan for a new resort on Tuesday in "
        "Napa County.",
        "The area on Lake Berryessa that would be developed is the Steel Canyon Resort area.",
        "The company has properties all over the country including four in California.",
        "Investigators determined that stolen card information was used in Athens, Clanton, "
        "Montgomery and Prattville in Alabama.",
        "The suspects were later tracked to a motel in Texas by the state police.")
    sentences = split_sentences(quiz)
    for sentence in sentences:
        sentence.facts = find_facts(sentence, "en")
    # The model tags two of these towns as organisations and one as a person: a list after
    # "in" is a list of places.
    _places_in_lists(sentences)
    assert {f.name: f.kind for f in sentences[3].facts} == dict.fromkeys(
        ("Athens", "Clanton", "Montgomery", "Prattville", "Alabama"), "place")
    inside = _containment(sentences)
    assert "Alabama" in inside.get("Athens", set()) and "Alabama" in inside["Montgomery"]
    for draft in draft_questions(quiz, 10).drafts:
        if draft.fact.name == "Lake Berryessa":
            assert not {"Napa County", "California"} & set(choices(draft)), choices(draft)
        if draft.fact.name in ("Athens", "Clanton", "Montgomery", "Prattville"):
            assert "Alabama" not in choices(draft), choices(draft)


def _rejected(language: str, text: str) -> str:
    quiz = article(language, "2020-01-01", text)
    sentence = split_sentences(quiz)[0]
    return rejection(sentence, language)


def test_sentences_that_lean_on_another_need_context() -> None:
    """« il » standing for someone named before, "they" for suspects of another sentence,
    "the couple", a quotation without its speaker."""
    for language, text in (
            ("fr", "Ancien chiraquien nommé ministre, il n'était pourtant pas porté dans "
                   "l'estime de Jacques Chirac."),
            ("en", "Frith said they face charges of trafficking in stolen identities and "
                   "identity theft."),
            ("en", "The couple rents an apartment in downtown Toronto, but with a baby and a "
                   "large dog, it's time to move."),
            ("en", '"If it\'s $3,000 a month, people are coming in at $3,500 to secure the '
                   'place."')):
        assert _rejected(language, text) == "needs context", text
    # What the sentence itself names is no context to look for.
    for language, text in (
            ("en", "Roof said he had been inspired after he searched on Google for the "
                   "phrase in 2012."),
            # (the ministry named: "the minister" alone needs context since the thirty-first
            # round)
            ("fr", "Le ministre de la Santé a annoncé qu'il présenterait un plan pour les "
                   "hôpitaux de la région en mars."),
            ("fr", "Selon le rapport publié mardi à Genève, il faut respecter les bonnes "
                   "pratiques de laboratoire."),
            ("en", "Police officers said they arrested 12 people after the march through the "
                   "city centre on Sunday.")):
        assert _rejected(language, text) == "", text


def test_a_title_over_its_complement_tells_a_womans_name() -> None:
    """Madame Figaro: a man's name was offered after « la professeure de nutrition »."""
    quiz = article(
        "fr", "2020-01-01",
        "Plus nuancée, la professeure de nutrition Francisca Joly-Gomez ajoute que le café "
        "aggrave les symptômes.")
    doc = split_sentences(quiz)[0].doc
    name = next(t.i for t in doc if t.text == "Francisca")
    assert _gender(doc, name) == "f"
    # « la » of a complement tells nothing: « le directeur de la rédaction » is a man.
    quiz = article("fr", "2020-01-01", "Le directeur de la rédaction Paul Martin a annoncé "
                                       "mardi le départ de plusieurs journalistes.")
    doc = split_sentences(quiz)[0].doc
    assert _gender(doc, next(t.i for t in doc if t.text == "Paul")) == "m"


def test_a_wh_question_is_kept_over_a_cloze_of_the_same_sentence() -> None:
    """al.com: "…, Attorney General Luther Strange announced today." was a cloze; a reported
    statement asks who announced it."""
    quiz = article(
        "en", "2016-05-12",
        "A man and a woman from the Orlando area were arrested in Baldwin County on Wednesday "
        "in connection with a skimming scheme, Attorney General Luther Strange announced today.",
        "Jake Frith, special agent for the attorney general's office, gave the details of the "
        "arrest on Thursday.",
        "Reiner Perez Rives and Eunises Llorca Menses are being held in the Baldwin County "
        "jail, according to the office.",
        # (Eighth round: a person's wrong answers are the article's persons it shows as
        # persons; the two held, whose names the small model parses as one, are not.)
        "Defense lawyer Ann Wells said her clients would plead not guilty.")
    drafts = draft_questions(quiz, 10).drafts
    first = next(d for d in drafts if d.sentence.order == 0)
    assert first.question.prompt == (
        "Who announced that a man and a woman from the Orlando area were arrested in Baldwin "
        "County on Wednesday in connection with a skimming scheme?"), first.question.prompt
    assert right(first) == "Luther Strange"


def test_when_asks_a_date_complementing_the_main_verb() -> None:
    english = article("en", "2019-06-01",
                      "The city council approved the new budget for the schools on March 14, "
                      "2019.")
    draft = next(d for d in draft_questions(english, 10).drafts if d.question.kind == "mcq")
    assert draft.question.prompt == "When did the city council approve the new budget for the " \
                                    "schools?"
    assert right(draft) == "March 14, 2019"
    assert len(draft.question.choices) >= 3
    french = article("fr", "2019-06-01",
                     "Le conseil municipal a voté le budget des écoles le 14 mars 2019.")
    draft = next(d for d in draft_questions(french, 10).drafts if d.question.kind == "mcq")
    assert draft.question.prompt == ("Quand est-ce que le conseil municipal a voté le budget "
                                     "des écoles\u00a0?")
    assert right(draft) == "14 mars 2019"


def test_a_figure_of_another_scale_is_no_wrong_answer() -> None:
    """archive.org: 1 456 hours a year were offered for 23 hours a week (and swapped into a
    false statement)."""
    quiz = article(
        "fr", "2006-01-01",
        "Une partie des salariés travaille à temps partiel, soit en moyenne 23 heures par semaine "
        "dans les entreprises.",
        "Le temps travaillé en moyenne par les salariés passe alors à 1 456 heures annuelles pour "
        "l'année 2004.")
    for draft in draft_questions(quiz, 10).drafts:
        shown = draft.question.prompt + " ".join(choices(draft))
        if "23 heures" in draft.sentence.text:
            assert "1 456" not in shown, shown


def test_a_list_or_a_verb_is_no_name() -> None:
    """Seen in the third held-out set's rating (not in its figures): "across _____, and
    Messenger" blanked "Facebook, Instagram" as one name; « Animer » was blanked with names."""
    found = facts_of(
        "en",
        "While some users reported intermittent access later in the day, others continued "
        "experiencing problems across Facebook, Instagram, and Messenger.")
    assert not any(", " in name for name in found), found
    found = facts_of(
        "fr",
        "Animer les débats, émettre des hypothèses théoriques ou interroger les politiques : le "
        "format de l'article paraît irremplaçable selon Lucien Febvre.")
    assert "Animer" not in found, found


def test_after_the_third_rating_no_misquote_no_clause_less_question_two_per_name() -> None:
    """Seen in the third held-out set's rating (not in its figures): a figure swapped inside a
    quotation, "Who said that asked if the debates matter to her?", four drafts on PSL."""
    quiz = article(
        "en", "2020-02-25",
        "\"It's like 60% black they're saying,\" King said after the debate on Tuesday night.",
        "According to a new poll, his support among the state's black voters fell from 54% in "
        "November.",
        "Asked if the debates matter to her, Chisholm said they do matter a great deal this year.",
        "The group's founder, Bernice Scott, is a force in South Carolina politics since 1990.",
        "Gayle King moderated the debate in Charleston with her colleagues on Tuesday.")
    drafts = draft_questions(quiz, 10).drafts
    for draft in drafts:
        prompt = draft.question.prompt
        assert "54% black" not in prompt, prompt
        assert not prompt.startswith("Who said that asked"), prompt
    psl = article(
        "fr", "2019-10-01",
        "Le décret validant les nouveaux statuts de l'Université PSL vient d'être publié cette "
        "semaine.",
        "Située au cœur de Paris, l'Université PSL couvre tous les domaines du savoir et de la "
        "création.",
        "L'apparition de PSL dans les classements internationaux témoigne de sa reconnaissance "
        "par ses pairs.",
        "PSL va pouvoir désormais se concentrer sur le développement de son premier cycle et de "
        "ses masters.",
        "L'Université Paris-Saclay et la Sorbonne Université ont aussi publié leurs statuts en "
        "2019.")
    on_psl = [d for d in draft_questions(psl, 10).drafts if "PSL" in d.fact.name]
    assert len(on_psl) <= 2, [d.question.prompt for d in on_psl]
