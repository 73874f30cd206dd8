"""Sentences of an article and the facts in them that a question can blank out.

Pure functions over spaCy documents. The article's text is normalised one character for one
(’ → ', “ ” → ") before analysis, so every offset found points into the original text and every
passage is cut from it verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..questionfile import QuizFile
from . import lexicon
from .models import pipeline, sentencizer

SAME_LENGTH = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"',
                             "\u201d": '"', "\u201e": '"'})

MIN_TOKENS, MAX_TOKENS = 8, 50
DEFINITE = {"fr": ("le", "la", "les", "l'"), "en": ("the",)}
ENTITY_KINDS = {"PER": "person", "PERSON": "person", "LOC": "place", "GPE": "place",
                "ORG": "org"}
VOWELS = "aeiouyhàâäéèêëîïôöùûüœæAEIOUYHÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ"
MAGNITUDES = {"million", "millions", "milliard", "milliards", "billion", "billions",
              "thousand", "mille", "trillion", "trillions"}


@dataclass
class Sentence:
    """One sentence of a paragraph: where it stands, its original text, its analysis."""

    block: int
    start: int  # offsets in the paragraph's text
    end: int
    text: str  # exactly as in the article
    order: int  # rank in the article, 0 first
    doc: Any = None  # spaCy Doc of the normalised text (same offsets as ``text``)
    facts: list[Fact] = field(default_factory=list)
    rejected: str = ""  # why no question is drafted from it ("" when it can be)
    article_words: frozenset[str] | None = None  # the article's words written in lower case


@dataclass(frozen=True)
class Fact:
    """Something a question can ask: a span of the sentence, its kind and its form."""

    start: int  # the blank, in the sentence's text (a French definite article included)
    end: int
    kind: str  # person, place, org, number, year, date
    name: str  # without the article
    article: str = ""  # "la", "l'", "the"… when it is part of the blank
    before: str = ""  # the word right before the blank, lower case ("de", "en", "au"…)
    gender: str = ""  # persons: "m", "f" or unknown
    unit: str = ""  # numbers: the unit word ("heures", "%"), magnitude included
    value: float | None = None  # numbers and years
    style: str = ""  # numbers: thousands separator and decimal mark; dates: granularity


# -- sentences ----------------------------------------------------------------------------------

def split_sentences(quiz: QuizFile) -> list[Sentence]:
    """Every paragraph's sentences (headings are skipped), with their spaCy analysis."""
    language = quiz.language
    splitter = sentencizer(language)
    sentences: list[Sentence] = []
    for index, block in enumerate(quiz.article):
        if block.kind != "paragraph":
            continue
        normalised = block.text.translate(SAME_LENGTH)
        spans = [(s.start_char, s.end_char) for s in splitter(normalised).sents]
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            # « Donald J. » ends no sentence: an initial joins the next part.
            if merged and re.search(r"(?:^|\s)[A-Z]\.$", normalised[merged[-1][0]:merged[-1][1]]):
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        # An opening quote the splitter left at the end of a sentence belongs to the next one.
        for position in range(len(merged) - 1):
            start, end = merged[position]
            segment = normalised[start:end].rstrip()
            if len(segment) > 1 and segment[-1] in "«\"" and segment[-2] == " ":
                cut = start + len(segment) - 1
                merged[position] = (start, cut)
                merged[position + 1] = (cut, merged[position + 1][1])
        for start, end in merged:
            text = block.text[start:end]
            stripped = text.strip()
            if not stripped:
                continue
            start += len(text) - len(text.lstrip())
            sentences.append(Sentence(index, start, start + len(stripped), stripped,
                                      len(sentences)))
    lower_words = frozenset(re.findall(r"\b[^\W\d_A-Z][^\W\d_]*\b",
                                       " ".join(b.text for b in quiz.article)))
    lower_words = frozenset(w for w in lower_words if w.islower())
    nlp = pipeline(language)
    for sentence in sentences:
        sentence.article_words = lower_words
        sentence.doc = analyse(nlp, sentence.text.translate(SAME_LENGTH))
    return sentences


def analyse(nlp: Any, text: str) -> Any:
    """The full analysis of one sentence, parsed as one sentence (the parser may not split it)."""
    doc = nlp.make_doc(text)
    for token in doc[1:]:
        token.is_sent_start = False
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc


def rejection(sentence: Sentence, language: str) -> str:
    """Why this sentence cannot be a question on its own ("" when it can)."""
    doc, text = sentence.doc, sentence.text.translate(SAME_LENGTH)
    words = [t for t in doc if not t.is_punct and not t.is_space]
    if "?" in text:
        return "question"
    if len(words) < MIN_TOKENS:
        return "fragment"
    if len(words) > MAX_TOKENS:
        return "too long"
    if not text[0].isupper() and not text[0].isdigit() and text[0] not in "«\"":
        return "fragment"
    if text[-1] not in ".!»\"":
        return "fragment"
    # No finite verb: a caption, a title or a phrase (« Un véritable succès pour Poutine. »).
    # (Asked of the words, not of the parse tree: the small models' trees are often wrong.)
    if not any("Fin" in t.morph.get("VerbForm") for t in doc if t.pos_ in ("VERB", "AUX")):
        return "fragment"
    if text.count("«") != text.count("»") or text.count('"') % 2:
        return "quotation"
    lowered = text.lower()
    body = strip_connective(text, language)[1].translate(SAME_LENGTH)
    first = re.split(r"[\s,']", body.lower(), maxsplit=1)[0]
    if first in lexicon.CONTEXT_STARTERS[language] or any(
            phrase in lowered for phrase in lexicon.CONTEXT_PHRASES[language]):
        return "needs context"
    for token in doc:
        if token.pos_ in ("NOUN", "PROPN"):
            break
        if token.pos_ in ("DET", "PRON") and "Yes" in token.morph.get("Poss") and \
                token.lower_ not in lexicon.PERSONAL[language]:
            return "needs context"  # « Selon leur étude », "His widow said": whose?
    for token in doc:
        lower = token.lower_
        if token.pos_ == "DET" and "Dem" in token.morph.get("PronType") and (
                token.head.pos_ == "NOUN" or token.dep_ == "det"):
            return "needs context"  # « cette disposition », « ce tweet »: which one?
        if lower in lexicon.PERSONAL[language] and token.pos_ in ("PRON", "DET"):
            return "first or second person"
        if token.dep_.startswith("nsubj") and token.head.dep_ == "ROOT" and \
                token.pos_ == "PRON" and \
                lower in lexicon.SUBJECT_PRONOUNS[language]:
            return "needs context"
    return ""


def strip_connective(text: str, language: str) -> tuple[int, str]:
    """The sentence without a leading linking word (« En effet, »): (offset, rest)."""
    lowered = text.translate(SAME_LENGTH).lower()
    for word in lexicon.CONNECTIVES[language]:
        if lowered.startswith(word) and len(text) > len(word) and \
                text[len(word)] in " ,":
            rest = text[len(word):].lstrip(" ,")
            offset = len(text) - len(rest)
            if rest and rest[0].islower():
                rest = rest[0].upper() + rest[1:]
            return offset, rest
    return 0, text


# -- facts --------------------------------------------------------------------------------------

def find_facts(sentence: Sentence, language: str) -> list[Fact]:
    """Entities (persons, places, organisations), dates, years and numbers with a unit."""
    text = sentence.text.translate(SAME_LENGTH)
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []
    for fact in _dates(text, language):
        facts.append(fact)
        taken.append((fact.start, fact.end))
    for fact in _numbers(sentence, text, language):
        if not any(s < fact.end and fact.start < e for s, e in taken):
            facts.append(fact)
            taken.append((fact.start, fact.end))
    for fact in _entities(sentence, text, language):
        if not any(s < fact.end and fact.start < e for s, e in taken):
            facts.append(fact)
            taken.append((fact.start, fact.end))
    return sorted(facts, key=lambda f: f.start)


def _word_before(text: str, start: int) -> str:
    match = re.search(r"([\w']+)\s*$", text[:start])
    if not match:
        return ""
    word = match.group(1).lower()
    return word if not word.endswith("'") else word[word.rfind(" ") + 1:]


def _entities(sentence: Sentence, text: str, language: str) -> list[Fact]:
    doc = sentence.doc
    found: list[Fact] = []
    for entity in doc.ents:
        kind = ENTITY_KINDS.get(entity.label_)
        tokens = list(entity)
        if kind is None and entity.label_ == "MISC" and len(tokens) >= 2 and all(
                t.pos_ == "PROPN" for t in tokens):
            kind = "person"  # « Vladimir » MISC + « Poutine »: the model misses first names
        if kind is None:
            continue
        end_token = entity.end
        # « Donald J. » + « Trump »: extend a name over the proper nouns that follow it.
        while kind == "person" and end_token < len(doc) and doc[end_token].pos_ == "PROPN" \
                and doc[end_token].text[:1].isupper() and end_token - entity.start < 4:
            end_token += 1
        if kind == "person" and entity.start > 0 and doc[entity.start - 1].pos_ == "PROPN" \
                and doc[entity.start - 1].text[:1].isupper() and doc[entity.start - 1].ent_type_ \
                in ("", "MISC", "PER", "PERSON"):
            start_token = entity.start - 1
        else:
            start_token = entity.start
        # « Mayor Linda Okafor », « le président Macron »: the title is not the name.
        while kind == "person" and end_token - start_token > 1 and \
                doc[start_token].lower_.rstrip(".") in lexicon.TITLES:
            start_token += 1
        span = doc[start_token:end_token]
        name = span.text.strip(" ,;:")
        if name.endswith("'s"):
            name = name[:-2].rstrip()  # "Tony Abbott's office": the blank is the name only
        if name.endswith(".") and "." not in name[:-1]:
            name = name[:-1]  # a full stop, not the end of « U.S. »
        if name.isupper() and len(name.replace(".", "")) > 5:
            continue  # « (FRANCE 24 with AFP, REUTERS) »: a credit line, not the news
        if (kind != "person" or len(span) == 1) and not any(
                t.pos_ == "PROPN" for t in span if kind != "person") and all(
                "Plur" in t.morph.get("Number") for t in span if t.is_alpha):
            continue  # « Français », "Americans": people of a place, not the place
        following = doc[end_token] if end_token < len(doc) else None
        if kind == "place" and following is not None and (
                following.text.startswith("-") or following.pos_ == "NOUN" and
                following.text.islower() and language == "en"):
            continue  # "the US state of Louisiana", "US-based": the name is an adjective
        if not name or not name[0].isupper() or any(c.isdigit() for c in name) or \
                len(name) < 2 or len(span) > 6 or "«" in name or '"' in name:
            continue
        start = span.start_char
        end = start + len(name)
        if language == "en" and name.startswith("The "):
            continue
        if kind in ("person", "org") and not any(t.pos_ == "PROPN" for t in span) and \
                not name.replace(".", "").isupper():
            continue  # « Jackpot », « Celles »: an interjection, a pronoun, not a name
        if _common_noun(name, span, text, sentence, language):
            continue  # "the Bill", "the Government", « Céréales »: a noun, not a name
        article = ""
        before = _word_before(text, start)
        if language == "fr":
            if text[max(0, start - 2):start].lower() == "l'":
                article, start = "l'", start - 2
                before = _word_before(text, start)
            else:
                match = re.search(r"(?:^|\s)(le|la|les|Le|La|Les)\s$", text[:start])
                if match and kind != "person":
                    article = match.group(1).lower()
                    start = match.start(1)
                    before = _word_before(text, start)
            if text[max(0, start - 2):start].lower() == "d'":
                before = "d'"
        elif language == "en":
            match = re.search(r"(?:^|\s)(the|The)\s$", text[:start])
            if match and kind != "person":
                article, start = "the", match.start(1)
                before = _word_before(text, start)
        if kind == "person" and len(span) == 1 and before in ("à", "en", "in", "at", "from"):
            kind = "place"  # « arrivé à Katmandou » tagged as a person
        if kind == "person" and (any(t.lower_ in lexicon.ORGANISATION_WORDS for t in span)
                                 or before in lexicon.ORGANISATION_WORDS):
            kind = "org"  # « Brightwall Studio », « l'agence Health Canada »: not a person
        gender = _gender(doc, start_token) if kind == "person" else ""
        found.append(Fact(start, end, kind, name, article, before, gender))
    return found


def _common_noun(name: str, span: Any, text: str, sentence: Sentence, language: str) -> bool:
    """A capitalised common noun taken for a name: one word that the article also writes in
    lower case, or (English) one word after "the" that is no acronym ("the Bill")."""
    if " " in name or name.isupper():
        return False
    lowered = name.lower()
    if sentence.article_words is not None and lowered in sentence.article_words:
        return True
    return language == "en" and bool(re.search(r"\bthe\s+$", text[:span.start_char])) \
        and span[0].pos_ != "PROPN"


def _gender(doc: Any, start_token: int) -> str:
    """A person's gender as the words before the name tell it (« la présidente », "Mrs"):
    the nearest determiner of the title, within four words; "" when nothing tells."""
    for index in range(start_token - 1, max(-1, start_token - 5), -1):
        word = doc[index].lower_
        if word in ("la", "une", "cette", "sa", "mme", "mrs", "mrs.", "ms", "ms.", "madame") \
                or word in lexicon.FEMALE_WORDS:
            return "f"
        if word in ("le", "un", "ce", "cet", "son", "du", "au", "m.", "mr", "mr.", "monsieur") \
                or word in lexicon.MALE_WORDS:
            return "m"
        if doc[index].is_punct or doc[index].pos_ in ("VERB", "AUX", "ADP"):
            break
    return ""


_NUMBER = re.compile(r"(?<![\w.,/:-])(\d{1,3}(?:(?:[.\u00a0\u202f ]|,(?=\d{3}\b))\d{3})+|\d+)"
                     r"((?:[.,]\d+)?)(?![\w/:]|[.,]\d)")


def _parse_number(digits: str, decimals: str, language: str) -> tuple[float, str]:
    separator = next((c for c in digits if not c.isdigit()), "")
    if language == "en" and separator == "." or language == "fr" and separator == ",":
        raise ValueError  # a decimal number written the other way: leave it
    whole = int(re.sub(r"\D", "", digits))
    fraction = decimals[1:] if decimals else ""
    value = float(f"{whole}.{fraction}") if fraction else float(whole)
    return value, f"{separator}|{decimals[:1]}|{len(fraction)}"


def format_number(value: float, style: str) -> str:
    separator, mark, places = style.split("|")
    places_n = int(places)
    whole = int(value) if not places_n else int(abs(value))
    text = f"{whole:,}".replace(",", separator) if separator else str(whole)
    if places_n:
        fraction = f"{value:.{places_n}f}".split(".")[1]
        text = f"{text}{mark or ('.' if separator != '.' else ',')}{fraction}"
    return text


def _numbers(sentence: Sentence, text: str, language: str) -> list[Fact]:
    doc = sentence.doc
    found: list[Fact] = []
    for match in _NUMBER.finditer(text):
        digits, decimals = match.group(1), match.group(2)
        start, end = match.start(), match.end()
        before_text, after_text = text[:start], text[end:]
        # A range (« entre 10 et 12.000 », "10-12") or a list: no single right answer.
        if re.match(r"\s*(?:et|à|and|to|-|–|ou|or)\s*\d", after_text) or re.search(
                r"\d\s*(?:et|à|and|to|-|–|ou|or)\s*$", before_text) or re.search(
                r"\b(?:entre|between)\s+$", before_text, re.IGNORECASE):
            continue
        if re.search(r"(?:^|\s)[A-Z][\w.]*\s$", before_text) and not re.fullmatch(
                r"\d{4}", digits):
            continue  # « Year 9 », "Article 5": a name, not a quantity
        try:
            value, style = _parse_number(digits, decimals, language)
        except ValueError:
            continue
        plain = re.fullmatch(r"\d{4}", digits) and not decimals
        if plain and (re.search(r"\bann[ée]es\s+$", before_text, re.IGNORECASE) or
                      after_text.startswith("s")):
            continue  # « les années 1970 », "the 1990s": a decade, not a year
        if plain and 1800 <= value <= 2100:
            if not re.match(r"\s*(?:%|pour|per)", after_text):
                found.append(Fact(start, end, "year", digits, before=_word_before(text, start),
                                  value=value, style="year"))
                continue
        if start and text[start - 1] in "£$€":  # "£180,000": the currency is the unit
            found.append(Fact(start - 1, end, "number", text[start - 1:end],
                              before=_word_before(text, start - 1), unit=text[start - 1],
                              value=value, style=style))
            continue
        unit, unit_end = _unit(doc, end, language)
        if not unit:
            continue
        blank_end = unit_end if unit.split(" ")[0] in MAGNITUDES else end
        if text[end:end + 1] in "%€$" or text[end:end + 2] in (" %", " €", " $"):
            blank_end = end + (1 if text[end:end + 1] in "%€$" else 2)
        found.append(Fact(start, blank_end, "number", text[start:blank_end],
                          before=_word_before(text, start), unit=unit, value=value,
                          style=style))
    return found


def _unit(doc: Any, number_end: int, language: str) -> tuple[str, int]:
    """The unit after a number: %, €, $ or the first noun within three words; magnitude
    words (millions…) are kept with it."""
    after = [t for t in doc if t.idx >= number_end][:4]
    if not after:
        return "", number_end
    if after[0].text in ("%", "€", "$"):
        return after[0].text, after[0].idx + len(after[0].text)
    magnitude = ""
    for token in after:
        if token.lower_ in MAGNITUDES:
            magnitude = token.lower_
            continue
        if token.pos_ in ("DET", "ADP") or token.lower_ in ("d'", "de"):
            continue
        if token.pos_ in ("NOUN", "PROPN") and token.is_alpha:
            unit = f"{magnitude} {token.lemma_.lower()}".strip()
            end = token.idx if magnitude else number_end
            if magnitude:
                magnitude_token = next(t for t in after if t.lower_ == magnitude)
                end = magnitude_token.idx + len(magnitude_token.text)
            return unit, end
        break
    return "", number_end


def _dates(text: str, language: str) -> list[Fact]:
    months = lexicon.MONTHS[language]
    names = "|".join(months)
    found: list[Fact] = []
    if language == "fr":
        pattern = re.compile(rf"\b(1er|\d{{1,2}})\s+({names})(?:\s+(\d{{4}}))?\b", re.IGNORECASE)
        for match in pattern.finditer(text):
            day = 1 if match.group(1) == "1er" else int(match.group(1))
            month = months.index(match.group(2).lower()) + 1
            if not 1 <= day <= 31:
                continue
            style = "day-month-year" if match.group(3) else "day-month"
            found.append(Fact(match.start(), match.end(), "date", match.group(0),
                              before=_word_before(text, match.start()),
                              value=float(int(match.group(3) or 0) * 10000 + month * 100 + day),
                              style=style))
    else:
        pattern = re.compile(rf"\b({names})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,\s+(\d{{4}}))?\b")
        for match in pattern.finditer(text):
            day, month = int(match.group(2)), months.index(match.group(1)) + 1
            if not 1 <= day <= 31:
                continue
            style = "month-day-year" if match.group(3) else "month-day"
            found.append(Fact(match.start(), match.end(), "date", match.group(0),
                              before=_word_before(text, match.start()),
                              value=float(int(match.group(3) or 0) * 10000 + month * 100 + day),
                              style=style))
    return found


def format_date(value: float, style: str, language: str) -> str:
    number = int(value)
    year, month, day = number // 10000, number // 100 % 100, number % 100
    name = lexicon.MONTHS[language][month - 1]
    if language == "fr":
        text = f"{'1er' if day == 1 else day} {name}"
        return f"{text} {year}" if style.endswith("year") else text
    text = f"{name} {day}"
    return f"{text}, {year}" if style.endswith("year") else text
