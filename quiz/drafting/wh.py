"""Wh-questions from the parse: « Qui … ? », « Combien de … ? », « Où … ? », « En quelle
année … ? », « Quand … ? », "Who …?", "How many …?", "Where …?", "In what year …?", "When …?".

The answer is a constituent of the sentence: the subject (the question word takes its place,
no inversion needed), the speaker of a quotation (« Qui a déclaré « … » ? »), or a place, a
year, a date or a quantity complementing the main verb (English inverts with the auxiliary or
do-support; French asks with « est-ce que », which keeps the sentence's order). Anything the
rules cannot turn into a grammatical question gives None: the drafter then writes a cloze.
"""

from __future__ import annotations

import re
from typing import Any

from . import lexicon
from .facts import Fact, Sentence, in_words, token_at

SAY_VERBS = {"say", "tell", "add", "explain", "declare", "write", "insist", "warn", "argue",
             "dire", "déclarer", "affirmer", "expliquer", "ajouter", "estimer", "indiquer",
             "souligner", "assurer", "préciser", "confier", "lancer", "écrire", "avertir"}
# Verbs that report what someone said when a quotation or a clause goes before them ("…,
# Attorney General Luther Strange announced today."), though "announce a plan" asserts.
REPORTING_VERBS = SAY_VERBS | {
    "announce", "report", "state", "confirm", "note", "emphasize", "emphasise", "stress",
    "claim", "recall", "annoncer", "rappeler", "confirmer", "noter", "raconter", "insister",
    "reconnaître", "répondre", "rapporter"}
SUBJECT_WORDS = {
    "fr": {"person": "qui", "org": "quelle organisation", "place": "quel lieu"},
    "en": {"person": "who", "org": "which organisation", "place": "which place"},
}
PLACE_PREPOSITIONS = {"fr": {"à", "au", "aux", "en"}, "en": {"in", "at"}}
YEAR_PREPOSITIONS = {"fr": {"en"}, "en": {"in"}}
DATE_PREPOSITIONS = {"fr": {"le"}, "en": {"on"}}  # « le 14 mars », "on June 17"
# French news dates a fact by its weekday before the day: « a abaissé mardi 5 juillet », « ont
# signé, samedi 12 juillet, un accord »; the weekday goes out of the question with the date.
FRENCH_WEEKDAYS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
# Words before a count that make it an estimate (asked « Environ combien … ? », "About how
# many …?"); a bound (« plus de », "at least") is not asked: the answer would be the bound.
APPROXIMATE = {"fr": {"près de", "environ", "quelque"},
               "en": {"nearly", "about", "around", "some", "roughly", "almost",
                      "approximately"}}
APPROXIMATE_WORD = {"fr": "environ", "en": "about"}
EMPHASIS = {"fr": {"seuls", "seules", "seulement"}, "en": {"only", "just"}}
MAGNITUDE_NOUNS = {"million", "milliard", "millier"}
_COUNT = re.compile(r"[\d.,\u00a0\u202f ]+(?:\s(?:millions?|milliards?|billions?|thousand))?")
_SHARE = re.compile(r"[\d.,]+\s?(?:%|percent|per cent|pour cent)")
# A second figure given for the same verb (« 32 affaires …, et 104 en mars », "… and 20.4%
# a vocational one"): the question would ask one and print the other.
_SECOND_FIGURE = re.compile(r"\b(?:et|and)\s+(?:\w+\s+)?\d")
# A second statement after a colon or a dash ("… — four from India and four … — died"):
# a question would carry it along.
_SECOND_STATEMENT = re.compile(r"\s[:;]\s|\s[–—]\s")
# A source named after the clause (« …, rapporte BFMTV. », "…, the agency said."): the
# question asks the clause, the passage shows who said it.
_TRAILING_SOURCE = re.compile(
    r",\s*(?:(?:rapporte|indique|précise|affirme|annonce|souligne|explique|détaille|ajoute)|"
    r"a\s+(?:annoncé|indiqué|précisé|affirmé|expliqué|souligné|ajouté|rapporté))\s+[^,]{1,60}$"
    r"|,\s*(?:[^,]{1,60}\s+)?(?:said|says|reported|reports|told\s+\w+)$")


# A comparison's complement: "than Aurora", « plus … que Liège ».
_THAN = re.compile(r"\bthan\b|\b(?:plus|moins|davantage|autant)\b[^,;.]*?\bqu(?:e\b|['’])",
                   re.IGNORECASE)


def wh_prompt(sentence: Sentence, fact: Fact, offset: int, language: str) -> str | None:
    """The wh-question asking ``fact`` of the sentence (from ``offset``: a leading linking
    word left out), or None when the parse gives no sure question."""
    if fact.kind in ("year", "date") and any(
            other is not fact and other.kind in ("year", "date") for other in sentence.facts):
        return None  # "In what year did the studios shoot “Black Panther” and “WandaVision”
        # in 2020?": the sentence's other year stays in the question
    prompt = _wh_prompt(sentence, fact, offset, language)
    if prompt is None:
        return None
    if len(_THAN.findall(prompt)) < len(_THAN.findall(sentence.text[offset:])):
        return None  # (twenty-fourth round) "… in what year did only Denver and Pueblo have a
        # higher violent crime rate?" (of "… in 2019 than Aurora"): a comparison without its
        # complement — higher than what?
    if re.search(r"\s[—–]\s", prompt):
        return None  # "Not everyone who lives at Trilith works in entertainment — about 30% …
        # and what share of apartment dwellers …?": a clause or an aside rides along
    example = re.match(r"(?i:for (?:example|instance)|par exemple),\s+(?!if\b|si\b)", prompt)
    if example:  # "For example, how many points will applicants … score …?": an example of
        # what? The question stands without the opener.
        prompt = prompt[example.end()].upper() + prompt[example.end() + 1:]
    gloss = re.match(r"\s*\(([A-Z]{1,6})\)", sentence.text[fact.end:])
    if gloss is None:
        unit = re.match(r"\s+\w+\s*\(([A-Z]{1,6})\)", sentence.text[fact.end:])
        gloss = unit
    if gloss is not None and f"({gloss.group(1)})" in prompt:
        # "1.4 gigawatts (GW)": the unit moved to the question word, its abbreviation stayed
        # behind ("How many gigawatts will the facility produce (GW) of …?")
        prompt = re.sub(rf"\s*\({gloss.group(1)}\)", "", prompt, count=1)
    words = re.findall(r"\w+", prompt.lower())
    runs = [tuple(words[i:i + 5]) for i in range(len(words) - 4)]
    if len(runs) != len(set(runs)) or len(prompt) > len(sentence.text) + 25:
        return None  # "In what year did the average price rose from … 2024 … rise from … 2024
        # …?": a subject the parse ran over the verb, the sentence written twice
    if len(_WORD_PIECE.findall(prompt)) > len(_WORD_PIECE.findall(sentence.text)):
        return None  # « son ambassadeur -Aviv ? »: a piece of the answer left in the
        # question; (twenty-sixth round) "After a refor how many years was -trial the judge
        # sent …?": the question word put inside a hyphenated word the parse split
    return prompt


# A hyphen that ends or starts a word: a piece of a hyphenated word a rewrite cut ("-trial",
# "re-" before a space). The sentence may have some of its own ("pre- and post-war").
_WORD_PIECE = re.compile(r"(?<![\w-])[-‑]\w|\w[-‑](?![\w-])")


def _inside_a_word(text: str, at: int) -> bool:
    """True when ``at`` falls inside a written word (the parse splits "re-trial" in three):
    a question cut there would glue its question word to half of it ("After a refor how
    many years …")."""
    return 0 < at < len(text) and bool(re.match(r"[\w‑-]{2}", text[at - 1:at + 1]))


def _wh_prompt(sentence: Sentence, fact: Fact, offset: int, language: str) -> str | None:
    doc = sentence.doc
    text = sentence.text
    tokens = [t for t in doc if fact.start <= t.idx < fact.end]
    if not tokens or len(text) - offset < 20:
        return None
    root = _root(tokens)
    # « le ministre Olivier Véran a annoncé »: the name hangs on its title, the title is the
    # subject.
    while fact.kind == "person" and root.dep_ in ("appos", "flat:name", "flat", "compound",
                                                  "nmod") and \
            root.head.lower_.rstrip(".") in lexicon.TITLES and root.head.i < root.i:
        root = root.head
    # « Le procureur de la République, Julien Wattebled, est présent … », "The head of the
    # agency, Jane Doe, said …": the name is set beside the subject, asked as the subject.
    if fact.kind == "person" and _set_beside(root) and root.head.pos_ == "NOUN" and \
            root.head.dep_.startswith("nsubj") and doc[root.right_edge.i + 1:][:1].text == ",":
        root = root.head
    if fact.kind == "person" and root.dep_.startswith("nsubj") and \
            root.head.lemma_.lower() in REPORTING_VERBS and root.head.dep_ == "ROOT":
        reported = _reported_question(doc, text, offset, root, language)
        if reported is not None:
            return reported
    if fact.kind == "org" and fact.level not in lexicon.BROAD_SORTS + ("school", "centre"):
        return None  # « Qui est un règlement … ? »: a journal, a work, a law is no organisation
    if fact.kind == "org" and fact.name.lower().rstrip(".") in lexicon.TITLES:
        return None  # "Which organisation" for a title ("The MEC emphasised…")
    if fact.kind == "org" and " " not in fact.name and not fact.name.isupper() and \
            not fact.level:
        return None  # "Which organisation had previously allocated R3.5bn" (Godongwana, the
        # minister): one capitalised word of no known sort may well be a person
    if fact.kind in ("person", "org", "place"):
        quoted = text[offset:].lstrip()[:1] in ('"', "«", "\u201c")
        if fact.kind == "person" and quoted and root.dep_.startswith("nsubj") and \
                root.head.lemma_.lower() in REPORTING_VERBS:
            return _speaker_question(doc, text, offset, root, language)
        # A place as a subject is mostly someone else (« Bruxelles » the EU, a club's town).
        if fact.kind != "place" and not quoted and root.dep_.startswith("nsubj") and \
                root.head.dep_ == "ROOT" and root.head.i > root.i and not any(
                    c.dep_ == "conj" for c in root.children):
            return _subject_question(doc, text, offset, root, fact, language)
        if fact.kind != "place" and not quoted and root.dep_ in ("dobj", "obj") and \
                root.head.dep_ == "ROOT":
            return _object_question(doc, text, offset, root, fact, language)
        if fact.kind == "place" and fact.before in PLACE_PREPOSITIONS[language]:
            word = "où" if language == "fr" else "where"
            return _complement_question(doc, text, offset, tokens, fact, word, language)
        return None
    if fact.kind == "year" and fact.before in YEAR_PREPOSITIONS[language]:
        word = "en quelle année" if language == "fr" else "in what year"
        return _complement_question(doc, text, offset, tokens, fact, word, language)
    if fact.kind == "date" and (fact.before in DATE_PREPOSITIONS[language] or
                                language == "fr" and fact.before in FRENCH_WEEKDAYS):
        word = "quand" if language == "fr" else "when"
        return _complement_question(doc, text, offset, tokens, fact, word, language)
    if fact.kind == "number" and _SHARE.fullmatch(text[fact.start:fact.end]):
        return _share_question(doc, text, offset, root, fact, language)
    if fact.kind == "number" and (_COUNT.fullmatch(text[fact.start:fact.end]) or
                                  in_words(fact)):
        noun = root.head if root.dep_ == "nummod" else None
        counted = noun  # the noun after the figure: « 500 personnes »
        if noun is None and root.lemma_.lower() in MAGNITUDE_NOUNS and root.i + 2 < len(doc):
            # « 5 millions de croyants »: the magnitude is the phrase's head, what is counted
            # the noun after « de ».
            counted = doc[root.i + 2]
            if doc[root.i + 1].lower_ in ("de", "d'") and counted.head.i == root.i:
                noun = root
        if noun is None or counted is None or noun.pos_ not in ("NOUN", "PROPN", "NUM") or \
                counted.pos_ not in ("NOUN", "PROPN") or counted.i < root.i:
            return None
        if noun.dep_.startswith("nsubj") and noun.head.dep_ == "ROOT" and noun.head.i > noun.i:
            start, qualifier = _qualified(doc, next(t for t in doc if t.idx >= fact.start),
                                          language)
            if start.idx < offset or qualifier is None or start.i != _left(doc, noun).i:
                return None  # « Plus de 6900 maisons », "the 40 boxes": a bound, a known set
            phrase_end = counted.idx + len(counted.text)
            unit = re.sub(r"^(?:de\s+|d'|of\s+)", "", text[fact.end:phrase_end].strip())
            before = text[offset:start.idx]
            if counted.lemma_.lower() in ("an", "year") or _after_a_name(before, doc, offset):
                return None  # « Nathan, 18 ans à l'époque, est … »: an age in an apposition
                # (« combien d'ans » is no French; the count is no subject)
            if language == "fr":
                question = f"combien d'{unit}" if unit[:1].lower() in "aeiouyhéè" \
                    else f"combien de {unit}"
            else:
                question = f"how many {unit}"
            if qualifier in APPROXIMATE[language]:
                question = f"{APPROXIMATE_WORD[language]} {question}"
            rest = _without_source(text[phrase_end:].rstrip(" .!"))
            if _SECOND_FIGURE.search(rest) or re.search(r"[(:;]", before):
                return None  # « combien d'affaires ont été signalées …, et 104 en mars »
            if _SECOND_STATEMENT.search(rest) or _second_clause(noun.head) or \
                    unit.lower() in ("percent", "per cent", "pour cent"):
                return None  # "How many people — four from India and four … — died",
                # « Combien de corps ont pu être identifiés mais deux personnes sont … »,
                # "how many percent said …" (a share: _share_question)
            return _finish(before + question + rest, language)
        if noun.dep_ in ("dobj", "obj") and noun.head.dep_ == "ROOT":
            return _count_question(doc, text, offset, root, noun, language)
        if noun.i == root.head.i and noun.i == counted.i and root.dep_ == "nummod":
            return _count_after_preposition(sentence, fact, root, noun, offset, language)
    return None


# The prepositions a count of a main verb's complement is asked after: "for 20 years",
# « pendant 20 jours ». Not « de » / "of" (a noun's complement: « un mandat de 5 ans »), nor
# "from" / "to" / "over" (a range's ends, a bound).
_COUNT_PREPOSITIONS = {"en": {"for", "during", "with", "within", "after", "in"},
                       "fr": {"pour", "pendant", "durant", "avec", "après", "en", "dans"}}


def _count_after_preposition(sentence: Sentence, fact: Fact, number: Any, noun: Any,
                             offset: int, language: str) -> str | None:
    """(twenty-fourth round) A count with its noun after a preposition on the main verb:
    "it should pass with 65 points" → "… with how many points should it pass?", « ont été
    réquisitionnés pour 3 jours » → « Pour combien de jours est-ce que … ? ». The phrase is
    only the figure and its noun (no "about", nothing after the noun), and the sentence gives
    no other figure (the question would keep it, the two easily confused)."""
    doc, text = sentence.doc, sentence.text
    if language == "en":
        prep = noun.head if noun.dep_ == "pobj" else None
    else:
        prep = next((c for c in noun.children if c.dep_ == "case"), None)
    if prep is None or prep.lower_ not in _COUNT_PREPOSITIONS[language]:
        return None
    if noun.left_edge.i not in (number.i, prep.i) or noun.right_edge.i != noun.i or \
            noun.i != number.i + 1 or prep.i != number.i - 1:
        return None  # "about 12 days", "for 3 days of talks": more than the count and its noun
    if any(other is not fact and other.kind in ("number", "year", "date")
           for other in sentence.facts) or re.search(r"\d", text[:fact.start] + text[fact.end:]):
        return None
    if language == "fr" and noun.lemma_.lower() == "an" or noun.lower_ in (
            "percent", "per", "fois", "times"):
        return None  # « combien d'ans » is no French; "how many percent", "how many times"
        # its rated pressure: a share or a ratio, not a count
    verb = prep.head if language == "en" else noun.head
    between = text[verb.idx:prep.idx] if verb.i < prep.i else ","
    if re.search(r"[,;:()\[\]—–]|\b(?:qui|que|qu['’]|dont|who|which|that|whom)\b", between,
                 re.IGNORECASE):
        return None  # « … pourrait avoir un fort impact, lui qui a promis la fin de la guerre
        # en Ukraine, en 24 heures »: the parse hangs the count on the main verb, but it ends
        # a clause or an aside between them (« En combien d'heures … pourrait avoir … ? » is
        # no question of what the sentence says)
    unit = noun.text
    if language == "fr":
        how = f"combien d'{unit}" if unit[:1].lower() in "aeiouyhéè" else f"combien de {unit}"
    else:
        how = f"how many {unit}"
    word = f"{prep.text.lower()} {how}"
    return _complement_question(doc, text, offset, [noun], fact, word, language)


def _qualified(doc: Any, figure: Any, language: str) -> tuple[Any, str | None]:
    """The first word of a figure's phrase and the word(s) qualifying the figure before it:
    "" when none, an estimate (« près de », "about") or an emphasis (« seuls », "only"), None
    for anything else (a bound, « plus de », "at least"; a determiner, « les 40 »)."""
    for size in (2, 1):
        if figure.i >= size:
            words = " ".join(t.lower_ for t in doc[figure.i - size:figure.i])
            if words in APPROXIMATE[language] | EMPHASIS[language]:
                return doc[figure.i - size], words
    if figure.i and doc[figure.i - 1].pos_ in ("ADV", "ADJ", "DET", "ADP") and \
            doc[figure.i - 1].lower_ != "selon":
        return figure, None
    return figure, ""


def _second_clause(verb: Any) -> bool:
    """Whether another clause with its own subject is joined to ``verb``'s (« … mais deux
    personnes sont toujours portées disparues », "…, while a Florida man is facing trial"):
    a question on the first would carry the second along."""
    return any(t.i > verb.i and any(g.dep_.startswith(("nsubj", "expl")) for g in t.children)
               and (t.dep_ in ("conj", "parataxis") or t.dep_ == "advcl" and any(
                   g.lower_ in _CONTRASTING for g in t.children))
               for t in verb.subtree if t is not verb)


# Words opening a clause set against the main one ("…, while a Florida man is facing trial"),
# not one that only dates or explains it ("18 years after Washington invaded …").
_CONTRASTING = {"while", "whereas", "though", "although", "tandis", "alors", "bien"}


def _set_beside(token: Any) -> bool:
    """Whether ``token`` is a name set after a comma beside the noun it hangs on, an
    apposition (« le procureur, Julien Wattebled, »); the French model often labels it
    a noun's complement, but one with no preposition."""
    first = token.left_edge.i
    return token.i > token.head.i and first > 0 and token.doc[first - 1].text == "," and (
        token.dep_ == "appos" or (token.dep_ == "nmod" and token.pos_ == "PROPN" and not any(
            c.dep_ == "case" for c in token.children)))


def _after_a_name(before: str, doc: Any, offset: int) -> bool:
    """Whether the words before a figure end on a comma after a name (« Nathan, 18 ans, … »:
    the figure is in an apposition), not after a leading phrase (« Au total, 206 … »)."""
    return bool(re.search(r"[\w)],\s*$", before)) and not _leading_phrase(doc, offset)


def _leading_phrase(doc: Any, offset: int) -> bool:
    """Whether the sentence (from ``offset``) opens on a phrase led by a preposition (« Au
    total, », "In 2022,", « Selon l'Insee, »), not on a name in apposition (« Nathan, »)."""
    first = next((t for t in doc if t.idx >= offset), None)
    return first is not None and first.pos_ == "ADP"


def _without_source(rest: str) -> str:
    """``rest`` without a source named after its clause (« …, rapporte BFMTV »)."""
    return _TRAILING_SOURCE.sub("", rest)


def _share_question(doc: Any, text: str, offset: int, root: Any, fact: Fact, language: str
                    ) -> str | None:
    """A share that is the main verb's subject: « 79 % des personnes interrogées se disent
    irritées … » → « Quelle part des personnes interrogées se disent irritées … ? »; "62% of
    voters said …" → "What share of voters said …?"."""
    head = root.head
    subject = root.dep_.startswith("nsubj") and head.dep_ == "ROOT" and head.i > root.i
    # The French model often makes the share itself the root (« 79 % des personnes … se
    # disent »): a share opening its clause, a finite verb after it, is the subject.
    opening = root.dep_ == "ROOT" and any("Fin" in t.morph.get("VerbForm")
                                          for t in doc if t.i > root.i)
    if not subject and not opening:
        return None
    after = text[fact.end:]
    if not re.match(r"\s*(?:des|du|de la|de l'|d'|of)\s", after.replace("d'", "d' ", 1)):
        return None  # « 43,2 % ont obtenu … »: a share of what the sentence before said
    figure = next(t for t in doc if t.idx >= fact.start)
    start, qualifier = _qualified(doc, figure, language)
    if start.idx < offset or qualifier is None:
        return None  # "more than 60% of voters": a bound
    before = text[offset:start.idx]
    if re.search(r"[:;(]", before) or _after_a_name(before, doc, offset):
        return None  # « … par rapport à juin 2021 (près de 95 % des candidats …) »: inside
    if not subject and before.strip() and not (_leading_phrase(doc, offset) and
                                               before.rstrip().endswith(",")):
        return None  # taken for the subject only where it opens the sentence
    if _SECOND_FIGURE.search(text, fact.end):
        return None
    word = "quelle part" if language == "fr" else "what share"
    rest = _without_source(text[fact.end:].rstrip(" .!"))
    return _finish(before + word + rest, language)


# After the counted phrase, more figures of a list: "Name 190," or a figure in brackets.
_LISTED_FIGURES = re.compile(r",\s+[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*)*\s+\d|\(\s*\d[^()]*\)")


def _count_question(doc: Any, text: str, offset: int, number: Any, noun: Any, language: str
                    ) -> str | None:
    """A quantity of the main verb's object: "Police arrested 12 people …" → "How many
    people did police arrest …?"; « La mairie a installé 40 bornes … » → « Combien est-ce
    que la mairie a installé de bornes … ? » (the object after the participle, which then
    agrees with nothing), « Les pompiers sauvent 12 personnes … » → « Combien de personnes
    est-ce que les pompiers sauvent … ? »."""
    verb = noun.head
    if verb.pos_ != "VERB" or noun.i < verb.i or noun.left_edge.i != number.i:
        return None  # "about 12 people", « les 40 bornes »: the count is not the whole phrase
    if number.i != verb.i + 1:
        return None  # « n'a plus que 20 minutes », « s'est posé … avec à son bord 300 … »
    subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
    if subject is None or subject.i > verb.i or any(
            c.dep_ in ("conj", "cc") for c in (*verb.children, *subject.children,
                                               *noun.children)):
        return None  # "holds 18,000 books, a studio and a workshop": one count of three
    clause_start = _left(doc, subject).idx
    if clause_start < offset or _inside_a_word(text, clause_start):
        return None
    # What is counted: the noun, its adjectives and a short « de … » / "of …" after it;
    # the rest of its phrase (« lors de la manifestation ») stays where it is.
    last = noun
    for child in noun.rights:
        words = list(child.subtree)
        if child.i != last.i + 1 and words[0].i != last.i + 1:
            break
        if child.dep_ == "amod" or (len(words) <= 3 and words[0].lower_ in ("de", "d'", "of")
                                     and child.dep_ in ("nmod", "prep")):
            last = words[-1]
        else:
            break
    start, end = number.idx, last.idx + len(last.text)
    phrase = text[number.idx + len(number.text):end].strip()
    if not phrase or "," in phrase or len(phrase.split()) > 6:
        return None
    if _LISTED_FIGURES.search(text[end:]):
        return None  # « … a déposé 198 dossiers de brevets, Michelin 190, Air Liquide 183 »,
        # « …, suivi par l'électronicien Thales (363) »: a ranking's list, whose other figures
        # stand without their verb — asked « Combien … ? », it reads as no sentence
    prefix = text[offset:clause_start]
    if prefix.strip() and not prefix.rstrip().endswith(","):
        return None  # « Au deuxième rang, le motoriste aéronautique Safran a déposé 569
        # dossiers »: the parse's subject is the name alone, and the question word would
        # fall inside the subject (« le motoriste … combien est-ce que Safran … »)
    if language == "en":
        inverted = _invert(doc, text, subject, verb, clause_start, start, end)
        if inverted is None:
            return None
        if phrase.lower() in ("per cent", "percent", "%", "percentage points"):
            # "How many per cent did the Nasdaq Composite lose in April?" is no English: a
            # change asks "By what percentage did the Nasdaq Composite fall …?"; a share
            # that is no change is not asked so
            direction = _CHANGE_VERBS.get(verb.lemma_.lower())
            if direction is None:
                return None
            inverted = re.sub(rf"\b{re.escape(verb.lemma_.lower())}\b", direction, inverted,
                              count=1)
            inverted = _ACCORDING_TO.sub("", inverted)
            return _finish(f"{prefix}by what percentage {inverted}", language)
        return _finish(f"{prefix}how many {phrase} {inverted}", language)
    compound = any(c.dep_.startswith("aux") for c in verb.children)
    de = "d'" if phrase[:1].lower() in "aeiouyhéèêàâîô" else "de "
    if compound:
        clause = text[clause_start:start] + de + text[number.idx + len(number.text):].lstrip()
        asking = "combien est-ce "
    else:
        clause = text[clause_start:start] + text[end:]
        asking = f"combien {de}{phrase} est-ce "
    clause = re.sub(r"\s+", " ", clause).rstrip(" .!").strip(" ,")
    que = _que(clause)
    return _finish(f"{prefix}{asking}{que}{_lower_first(clause, doc, clause_start)}", language)


# A change of a figure, asked "By what percentage did … fall / rise?".
_CHANGE_VERBS = {**dict.fromkeys(("lose", "fall", "drop", "decline", "slump", "shed", "sink",
                                  "plunge", "tumble", "slide", "decrease", "shrink"), "fall"),
                 **dict.fromkeys(("gain", "rise", "climb", "jump", "grow", "increase", "surge",
                                  "soar", "rally", "advance"), "rise")}
# A source told inside the question ("…, according to a person familiar with the matter,"):
# the question is long enough without it.
_ACCORDING_TO = re.compile(r",\s+according to [^,]+(?=,)")


def _root(tokens: list[Any]) -> Any:
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])


def _left(doc: Any, token: Any) -> Any:
    """The first word of ``token``'s phrase; a name is one unit: when the parse hangs only the
    last words of a name on the phrase (« Oussama » an apposition, « Ben Laden » the subject),
    the phrase starts where the name does (no « Oussama Ben où est-ce que Laden a été tué »)."""
    left = doc[token.left_edge.i]
    if left.ent_iob_ == "I":
        name = next((e for e in doc.ents if e.start < left.i < e.end), None)
        if name is not None:
            return doc[name.start]
    return left


def _finish(question: str, language: str) -> str | None:
    question = re.sub(r"\s+", " ", question).strip(" ,;:")
    question = re.sub(r"[.,]([\"\u201d»])$", r"\1", question)  # '… “deal with the devil.”?'

    question = re.sub(r"\s+,", ",", question)
    if not question or question.count('"') % 2 or question.count("«") != question.count("»") \
            or question.count("(") != question.count(")"):
        return None
    question = question[0].upper() + question[1:]
    if language == "fr":
        question = _PLUPERFECT_FR.sub(lambda m: _PRESENT_AUX[m.group("aux").lower()] + " ",
                                      question)
    return f"{question}\u00a0?" if language == "fr" else f"{question}?"


# « Quand est-ce que … avaient tendu un piège … ? »: a question does not keep the narrative's
# pluperfect (it is relative to another past event the question no longer tells); its
# auxiliary goes to the present, as the passé composé asks it.
_PLUPERFECT_FR = re.compile(r"\b(?P<aux>avait|avaient|s['’]était|s['’]étaient)\s+(?=[a-zà-ÿ]+"
                            r"(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|t|te|ts|tes)\b)",
                            re.IGNORECASE)
_PRESENT_AUX = {"avait": "a", "avaient": "ont", "s'était": "s'est", "s’était": "s’est",
                "s'étaient": "se sont", "s’étaient": "se sont"}


# What happens to a body, not to an organisation: asked "Which organisation …", a person's
# title tagged as one reads absurd.
_BODILY = {"injure", "wound", "hurt", "hospitalise", "hospitalize", "kill", "die", "shoot",
           "stab", "bleed", "recover", "born", "bear", "marry", "blesser", "hospitaliser",
           "tuer", "mourir", "décéder", "naître", "épouser", "soigner"}


def happens_to_a_body(verb: Any) -> bool:
    """Whether ``verb``, or a verb joined to it, tells what happens to a body (injured,
    killed, born…)."""
    return bool({verb.lemma_.lower(), *(c.lemma_.lower() for c in verb.children
                                        if c.dep_ == "conj")} & _BODILY)


# A guess before the subject: the article does not say who did it.
_HEDGE = {"en": re.compile(r"(?:perhaps|maybe|possibly|probably|presumably|apparently)\b",
                          re.IGNORECASE),
          "fr": re.compile(r"(?:peut-être|sans doute|probablement|apparemment|vraisemblablement)"
                           r"\b", re.IGNORECASE)}


def _subject_question(doc: Any, text: str, offset: int, root: Any, fact: Fact,
                      language: str) -> str | None:
    """The subject replaced by the question word: "Who imposed …?", « Qui a annoncé … ? »; a
    name with its apposition goes whole ("Jele, Ramaphosa's special adviser, argued …" →
    "Who argued …?")."""
    left, right = _left(doc, root), doc[root.right_edge.i]
    if left.idx < offset or _inside_a_word(text, left.idx):
        return None
    if left.idx > fact.start or right.idx + len(right.text) < fact.end:
        return None  # (twenty-ninth round) « Luz Maria Gonzalez a été interrogée », parsed
        # with two subjects: the phrase replaced would be « Luz » alone, « Qui Maria Gonzalez
        # a été interrogée ? » — the question word stands for the whole name or none
    # The subject's phrase: the name with its title and apposition ("President Bill Clinton",
    # « le ministre de la Santé, Olivier Véran, »).
    end = right.idx + len(right.text)
    prefix = [t for t in doc if offset <= t.idx < left.idx]
    if prefix and prefix[0].pos_ == "DET" and text[offset:left.idx].rstrip().endswith(","):
        return None  # « Le président de la métropole, X, a rappelé »: X is an apposition
    phrase = text[left.idx:end]
    apposed = any(c.dep_ == "appos" or _set_beside(c) for c in root.children) and not any(
        t.dep_ in ("relcl", "acl:relcl", "acl") or t.lower_ in ("who", "which", "qui", "que",
                                                                "dont", "whose")
        for t in root.subtree)
    if "(" in phrase or ("," in phrase and not apposed):
        return None  # « X, qui avait été…, s'est abstenu »: the question would keep the clause
    # "James Causey, executive director of the Global Spaceport Alliance, told …": the name
    # and its apposition are the subject; "Who told …?" (the role is not the answer).
    if apposed and "," in phrase and not phrase.endswith(","):
        after = text[end:]
        if not after.lstrip().startswith(","):
            return None
        end += len(after) - len(after.lstrip()) + 1
    last = prefix[-1] if prefix else None
    if last is not None and last.pos_ in ("NOUN", "PROPN", "ADJ") and last.ent_type_ not in (
            "DATE", "TIME") and not re.search(r"[,:;)\"”»]\s*$", text[offset:left.idx]):
        return None  # "Republican state schools Superintendent X has cited": the parse left
        # the subject's first words out; "Republican state schools who has cited …?"
    if re.match(r"(?i:what(?:ever)?|ce qu[e'’i])\b", text[offset:left.idx]):
        return None  # "What NBC considered fireable offenses, Ailes saw as competitive
        # advantages.": the fronted object would stand before "who"
    if _HEDGE[language].match(text[offset:left.idx]):
        return None  # "Perhaps Murdoch told him not to bother": "Perhaps who told him …?"
        # is no question, and "Who told him …?" asks a guess as a fact
    opening = next((t for t in doc if t.idx >= offset), None)
    if prefix and opening is not None and opening.tag_ in ("VBG", "VBN") and \
            text[offset:left.idx].rstrip().endswith(","):
        offset = left.idx  # "Speaking at …, Ebrard said": the participle clause goes
    elif re.search(r",\s+[A-ZÀ-Ý][^,]*,\s*$", text[offset:left.idx]):
        return None  # "After …, Regional Commissioner of Lindi, who says …?": a cut apposition
    word = SUBJECT_WORDS[language][fact.kind]
    verb = root.head
    if fact.kind == "org" and happens_to_a_body(verb):
        return None  # "Which organisation was injured?" for "The MLA": a body is hurt, not a
        # firm (the model tagged a person's title as an organisation)
    if any(c.dep_ == "conj" and any(g.dep_.startswith(("nsubj", "expl"))
                                    for g in c.children) for c in verb.children):
        return None  # "Who gave in, but his government soon collapsed?": a second clause
    verbs = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    if any("Plur" in v.morph.get("Number") or v.tag_ == "VBP" for v in verbs):
        return None  # a plural verb: "Which organisation are investigating"
    rest = text[end:].rstrip(" .!")
    if len(rest.split()) < 4:
        return None  # "Who seemed tense?": nothing in it to recall the article by
    if verb.lemma_.lower() in REPORTING_VERBS and \
            not rest.strip(" ,").replace(verb.text, "", 1).strip():
        return None  # "…, Mr. McHugh said.": "…, who said?" is no question
    if _SECOND_STATEMENT.search(rest):
        return None  # a second statement after a colon would ride along
    if re.search(r"[:;–—]", text[offset:left.idx]) or (
            verb.lemma_.lower() in REPORTING_VERBS and re.match(r"\s*\w+(?:\s+\w+)?\s*,", rest)):
        return None  # "…, though: who said that…", "As a general rule, who pointed out, …"
    if re.search(r",\s+(?:\w+\s+){0,2}(?:said|says|reported|told|added|according|a déclaré|"
                 r"a précisé|a indiqué|selon)\b", rest):
        return None  # "who stood emotionless, reported Alexandra Olgin, …": another speaker
    fronted = text[offset:left.idx]
    if fronted.rstrip().endswith(",") and _words_of(fronted) & _words_of(rest):
        fronted = ""  # « Dans les zones inondables bordant l'East …, qui a ordonné l'évacuation
        # de 375.000 habitants de zones inondables ? »: a fronted phrase the question says
        # again goes — the question stands without it (twenty-second round)
    return _finish(fronted + word + " " + rest, language)


# Subjects that stand for someone the sentence does not name: the question would ask about
# "he" or « il » (the cloze keeps the sentence whole; the passage shows who).
_PRONOUN_SUBJECTS = {"he", "she", "they", "it", "we", "i", "you", "il", "elle", "ils", "elles",
                     "on", "nous", "je", "vous", "this", "that", "ce", "cela", "ça"}


def _object_question(doc: Any, text: str, offset: int, root: Any, fact: Fact,
                     language: str) -> str | None:
    """(thirtieth round) A name as the main verb's object, taken out and asked: "The Senate
    confirmed Jane Doe as ambassador on Tuesday" → "Who did the Senate confirm as ambassador
    on Tuesday?"; « Emmanuel Macron a reçu Angela Merkel à l'Élysée … » → « Qui est-ce
    qu'Emmanuel Macron a reçu à l'Élysée … ? ». French asks persons only: an organisation
    asked before the participle would make it agree (« quelle organisation est-ce que X a
    rachetée »)."""
    verb = root.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() in SAY_VERBS or any(
            c.dep_ == "ccomp" for c in verb.children):
        return None  # "Who did the mayor tell …?": the addressee of a report is no fact
    if (language == "fr" and fact.kind != "person") or (
            fact.kind == "org" and fact.level not in ("body", "company")):
        return None  # an organisation of no known sort may be a thing ("registered an FIR")
    left, right = _left(doc, root), doc[root.right_edge.i]
    start, end = left.idx, right.idx + len(right.text)
    if start > fact.start or end < fact.end or _inside_a_word(text, start):
        return None  # the question word stands for the whole name or none
    if re.search(r"[,;:\"«»“”]", text[verb.idx:start]):
        return None  # « … vont "peser négativement sur la croissance", a estimé … Bernard
        # Clerfayt »: a speaker after a quotation, which the parse took for the object
    after = text[end:]
    if re.match(r"\s*,", after) and "," in text[start:end]:
        end += len(after) - len(after.lstrip()) + 1  # « a reçu Angela Merkel, la chancelière
        # allemande, à l'Élysée »: the apposition goes with the name, and its closing comma
    elif re.match(r"\s*[,(:;]", after) or any(c.dep_ == "conj" for c in root.children):
        return None  # "hired Jane Doe, a former agent, …" parsed apart, "met X and Y": the
        # apposition or the other name would stay behind, describing no one
    subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
    if subject is None or subject.i > verb.i or "pass" in subject.dep_ or \
            subject.lower_ in _PRONOUN_SUBJECTS:
        return None
    if any(c.dep_ == "conj" and any(g.dep_.startswith(("nsubj", "expl")) for g in c.children)
           for c in verb.children):
        return None  # a second clause joined to the first
    clause_start = _left(doc, subject).idx
    if clause_start < offset or _inside_a_word(text, clause_start):
        return None
    prefix = text[offset:clause_start]
    if _subject_cut(doc, offset, clause_start):
        return None
    if re.search(r"[:;–—]", prefix) or _HEDGE[language].match(prefix):
        return None
    rest = _without_source(text[end:].rstrip(" .!"))
    if _SECOND_STATEMENT.search(rest):
        return None
    if len(re.findall(r"\w+", text[clause_start:start] + rest)) < 6:
        return None  # "Who did police arrest?": nothing in it to recall the article by
    word = SUBJECT_WORDS[language][fact.kind]
    if language == "fr":
        clause = (text[clause_start:start] + rest).strip(" ,")
        que = _que(clause)
        question = f"{prefix}{word} est-ce {que}{_lower_first(clause, doc, clause_start)}"
    else:
        inverted = _invert(doc, text[:end] + rest, subject, verb, clause_start, start, end)
        if inverted is None:
            return None
        question = f"{prefix}{word} {inverted}"
    return _finish(question, language)


def _words_of(text: str) -> set[str]:
    """The words of five letters or more of ``text``, lower case."""
    return {word.lower() for word in re.findall(r"[^\W\d_]{5,}", text)}


def _speaker_question(doc: Any, text: str, offset: int, root: Any, language: str
                      ) -> str | None:
    """« « … », a déclaré X. » → « Qui a déclaré : « … » ? »; "“…,” said X." and "“…,” X
    said." → "Who said “…”?"; the speaker's apposition is left out."""
    verb = root.head
    body = text[offset:]
    first = min(verb.idx, _left(doc, root).idx) - offset
    closing = max(body.rfind('"', 0, first), body.rfind("»", 0, first),
                  body.rfind("\u201d", 0, first))
    if closing < 0:
        return None
    between = text[offset + closing + 1:offset + first].strip(" ,")
    if between:
        return None  # more than the quotation before the speaker
    quote = body[:closing + 1].rstrip()
    quote = re.sub(r"[,.]\s*([\"»\u201d])$", r"\1", quote)
    quote = re.sub(r"\s*,\s*»$", " »", quote)
    if verb.i < root.i:
        verb_words = text[verb.idx:_left(doc, root).idx].strip(" ,")
    else:
        auxes = [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
        verb_words = " ".join(t.text for t in (*auxes, verb))
    if not verb_words or "," in verb_words:
        return None
    if language == "en" and verb.lemma_.lower() == "tell":
        verb_words = re.sub(r"\btold$", "said", re.sub(r"\btells$", "says", verb_words))
        # (thirty-first round) "“…,” Martin told The Daily Beast": "Who told “…”?" lacks
        # whom; the question asks who said it
    if language == "fr":
        return _finish(f"qui {verb_words} : {quote}", language)
    return _finish(f"who {verb_words} {quote}", language)


def _reported_question(doc: Any, text: str, offset: int, root: Any, language: str
                       ) -> str | None:
    """"…, Mr. Michaels said." → "Who said that …?"; « …, a précisé X. » → « Qui a précisé
    que … ? » (no quotation marks: reported speech)."""
    body = text[offset:].lstrip()
    if body[:1] in ('"', "«", "\u201c") or any(q in body for q in ('"', "«", "\u201c")):
        return None
    verb = root.head
    auxes = [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
    first = min([verb.idx, _left(doc, root).idx, *(a.idx for a in auxes)])
    comma = text.rfind(",", offset, first)
    if comma < 0 or text[comma + 1:first].strip():
        return None
    clause = text[offset:comma].strip()
    if len(clause.split()) < 6 or "," in text[first:].split(" ", 1)[0]:
        return None
    if verb.i < root.i:
        words = text[first:_left(doc, root).idx].strip(" ,")
    else:
        words = " ".join(t.text for t in (*auxes, verb))
    if not words or "," in words:
        return None
    opening = token_at(doc, offset)
    if not any("Fin" in t.morph.get("VerbForm") or t.tag_ in ("MD", "VBD", "VBZ", "VBP")
               for t in doc if offset <= t.idx < comma and t.pos_ in ("VERB", "AUX")):
        return None  # "After the efficiency of …, Regional Commissioner of Lindi": no clause
    if opening is not None and (opening.tag_ == "VBN" or (
            "Part" in opening.morph.get("VerbForm") and "Past" in opening.morph.get("Tense"))):
        return None  # "Asked if …, Chisholm said…", "Speaking at …, Ebrard said…": no clause
    if opening is not None and opening.pos_ != "PROPN" and not (
            opening.ent_type_ and opening.pos_ != "DET") and not (
            opening.text.isupper() and len(opening.text) > 1):  # "A man…" is no acronym
        clause = clause[:1].lower() + clause[1:]
    if language == "fr":
        que = _que(clause)
        return _finish(f"qui {words} {que}{clause}", language)
    return _finish(f"who {words} that {clause}", language)


def _complement_question(doc: Any, text: str, offset: int, tokens: list[Any], fact: Fact,
                         word: str, language: str) -> str | None:
    """A place, a year or a date after a preposition, complementing the main verb: the phrase
    is taken out and the question word leads (inverted in English, « est-ce que » in French)."""
    root = _root(tokens)
    head = root.head
    if language == "en" and head.dep_ == "prep":
        prep, verb = head, head.head
    elif language == "fr" and any(c.dep_ == "case" for c in root.children):
        prep, verb = next(c for c in root.children if c.dep_ == "case"), head
    elif language == "fr" and fact.kind == "date" and tokens[0].i > 0 and \
            doc[tokens[0].i - 1].lower_ == "le":
        prep, verb = doc[tokens[0].i - 1], head  # « le 14 mars »: the article leads the date
    elif language == "fr" and fact.kind == "date" and tokens[0].i > 0 and \
            doc[tokens[0].i - 1].lower_ in FRENCH_WEEKDAYS:
        # « mardi 5 juillet », « le mardi 5 juillet »: the weekday (and its article) lead the
        # date; the parse hangs the day on the weekday or both on the verb.
        prep = doc[tokens[0].i - 1]
        verb = prep.head if head.i == prep.i else head
        if prep.i > 0 and doc[prep.i - 1].lower_ == "le":
            prep = doc[prep.i - 1]
    else:
        return None
    if verb.dep_ != "ROOT" or verb.pos_ not in ("VERB", "AUX"):
        return None
    if language == "fr" and fact.kind == "date" and prep.lower_ == "depuis":
        word = f"depuis {word}"  # (thirty-fourth round) « Depuis le 26 mars, il était
        # hospitalisé … »: since when, not when
    if verb.lemma_.lower() in SAY_VERBS and fact.kind in ("year", "date"):
        return None  # "Growth slowed in 2017 and 2019, in what year did the IMF say?": when
        # something was said is no question, and the said clause is left hanging
    last = doc[max(root.right_edge.i, prep.right_edge.i if language == "en" else 0)]
    start, end = prep.idx, last.idx + len(last.text)
    if start < offset:
        return None
    apposed = re.match(r"\s*,\s*(?:une?|la|le|les|l['’]|a|an|the)\s*(\w+)", text[end:])
    if apposed is not None:
        noun = token_at(doc, end + apposed.start(1))
        if noun is not None and not noun.dep_.startswith(("nsubj", "obj", "dobj")) and \
                not text[:start].rstrip().endswith(","):
            return None  # « … a été tué à Abbottabad, une ville située au nord d'Islamabad »:
            # the place's apposition would stay behind, describing nothing
    subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
    if subject is None or subject.i > verb.i:
        return None
    clause_start = _left(doc, subject).idx
    if clause_start < offset or _inside_a_word(text, clause_start):
        return None
    prefix = text[offset:clause_start] if clause_start > offset else ""
    if _subject_cut(doc, offset, clause_start):
        return None  # (twenty-sixth round) "After for how many years was a re-trial Harris
        # jailed?": the parse's subject took the end of the phrase before it
    if start < clause_start:
        # The phrase opens the sentence (« En 2019, … »): what follows is the clause.
        if prefix.strip(" ,") != text[start:end].strip(" ,"):
            return None
        prefix = ""
    clause = text[clause_start:start] + text[end:]
    before, after = text[clause_start:start].rstrip(), text[end:].lstrip()
    if before.endswith(",") and after.startswith(","):  # « ont signé, samedi 12 juillet, un »
        clause = f"{before[:-1]} {after[1:].lstrip()}"
    clause = clause.rstrip(" .!").strip(" ,")
    if language == "fr":
        que = _que(clause)
        return _finish(f"{prefix}{word} est-ce {que}{_lower_first(clause, doc, clause_start)}",
                       language)
    inverted = _invert(doc, text, subject, verb, clause_start, start, end)
    if inverted is None:
        return None
    return _finish(f"{prefix}{word} {inverted}", language)


def _que(clause: str) -> str:
    """« que » before the clause, elided before a vowel or a mute h."""
    return "qu'" if clause[:1].lower() in "aeiouyhéèêàâîô" else "que "


def _subject_cut(doc: Any, offset: int, clause_start: int) -> bool:
    """Whether the parse's subject starts inside the phrase before it (its last word a
    preposition, a determiner, a conjunction): the clause would lose that phrase's end."""
    before = [t for t in doc if offset <= t.idx < clause_start]
    return bool(before) and (before[-1].pos_ in ("ADP", "DET", "CCONJ", "SCONJ") or
                             before[-1].dep_ in ("prep", "case", "mark", "det"))


def _lower_first(clause: str, doc: Any, start: int) -> str:
    first = token_at(doc, start)
    if first is not None and first.pos_ not in ("PROPN",) and not first.text.isupper() and \
            not first.ent_type_:  # "Trump is investing …": no "Where is trump investing"
        return clause[:1].lower() + clause[1:]
    return clause


def _invert(doc: Any, text: str, subject: Any, verb: Any, clause_start: int, cut_start: int,
            cut_end: int) -> str | None:
    """English subject-auxiliary inversion: "did Osama bin Laden live …", "was he killed …"."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]

    def part(a: int, b: int) -> str:
        """text[a:b] without the cut phrase."""
        pieces = []
        if a < cut_start:
            pieces.append(text[a:min(b, cut_start)])
        if b > cut_end:
            pieces.append(text[max(a, cut_end):b])
        return "".join(pieces)

    subject_end = doc[subject.right_edge.i].idx + len(doc[subject.right_edge.i].text)
    subject_text = text[clause_start:subject_end]
    if subject_text[:1].isupper() and doc[subject.left_edge.i].pos_ != "PROPN" and \
            not (doc[subject.left_edge.i].ent_type_ and doc[subject.left_edge.i].pos_ != "DET") \
            and not subject_text.isupper():
        subject_text = subject_text[0].lower() + subject_text[1:]
    if auxes:
        aux = auxes[0]
        before_aux = part(subject_end, aux.idx)
        after_aux = part(aux.idx + len(aux.text), len(text))
        return f"{aux.text.lower()} {subject_text}{before_aux} {after_aux}".rstrip(" .!")
    named = next((c for c in verb.children if c.dep_ == "attr" and c.i > verb.i and
                  c.pos_ == "PROPN"), None) if verb.lemma_ == "be" else None
    if named is not None:
        # "The first woman … was Anne Armstrong in 1973": an identity, the name its
        # attribute; "In what year was the first woman … Anne Armstrong" is no question.
        # Asked of the name: "In what year did Anne Armstrong become the first woman …?"
        if verb.lower_ != "was" or doc[named.left_edge.i].i <= verb.i or any(
                t.i > verb.i and t.i < named.left_edge.i for t in doc if t.idx < cut_start and
                not t.is_punct) or named.left_edge.idx >= cut_start:
            return None
        name_end = doc[named.right_edge.i].idx + len(doc[named.right_edge.i].text)
        if name_end > cut_start:
            return None
        name = text[named.left_edge.idx:name_end]
        subject_text = subject_text[:1].lower() + subject_text[1:] if subject_text[:2] in (
            "Th", "A ", "An") else subject_text
        return f"did {name} become {subject_text}{part(name_end, len(text))}".rstrip(" .!")
    if verb.lemma_ == "be":
        after = part(verb.idx + len(verb.text), len(text))
        return f"{verb.text.lower()} {subject_text} {after}".rstrip(" .!")
    do = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(verb.tag_)
    if do is None or any(c.dep_ == "conj" and c.pos_ == "VERB" for c in verb.children):
        return None  # "did Clinton impose … and blocked …": the second verb keeps its tense
    between = part(subject_end, verb.idx)
    after = part(verb.idx + len(verb.text), len(text))
    return f"{do} {subject_text}{between} {verb.lemma_}{after}".rstrip(" .!")
