"""Sentences of an article and the facts in them that a question can blank out.

Pure functions over spaCy documents. The article's text is normalised one character for one
(’ → ', “ ” → ") before analysis, so every offset found points into the original text and every
passage is cut from it verbatim.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from typing import Any

from ..questionfile import QuizFile
from . import lexicon
from .models import pipeline, sentencizer

SAME_LENGTH = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"',
                             "\u201d": '"', "\u201e": '"'})

MIN_TOKENS, MAX_TOKENS = 8, 50
LEAD_REFERENCE = 8  # from this word on, a demonstrative in the lead points inside it
DEFINITE = {"fr": ("le", "la", "les", "l'"), "en": ("the",)}
ENTITY_KINDS = {"PER": "person", "PERSON": "person", "LOC": "place", "GPE": "place",
                "ORG": "org"}
VOWELS = "aeiouyhàâäéèêëîïôöùûüœæAEIOUYHÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ"
# Words that open a sentence before its figure (« Environ 300 élèves », "Nearly 500
# people"): capitalised there, but no name of the figure as in "Article 5".
QUANTITY_WORDS = {"environ", "quelque", "seuls", "seules", "plus", "moins", "about", "nearly",
                  "around", "some", "roughly", "almost", "approximately", "only", "just",
                  "over", "more", "fewer", "less", "under"}
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
    # The person the subject « Il »/"He" stands for, named alone in the sentence before
    # (draft._pronoun_resolved): the prompt says the name.
    said_of: str = ""
    # (thirty-first round) What the name stands for in the sentence when it is not the leading
    # pronoun: a role alone (« le président », draft._role_resolved), or (thirty-fourth) the
    # pronoun after an opening phrase (« Depuis le 26 mars, il »); "" for the leading pronoun.
    said_for: str = ""
    # (thirty-fifth round) Its place among the article's sentences by centrality (LexRank,
    # centrality.py), from 0.0 (the most central) to just under 1.0
    centrality: float = 0.0


@dataclass(frozen=True)
class Fact:
    """Something a question can ask: a span of the sentence, its kind and its form."""

    start: int  # the blank, in the sentence's text (a French definite article included)
    end: int
    kind: str  # person, place, org, work (a title in quotation marks), number, year, date
    name: str  # without the article
    article: str = ""  # "la", "l'", "the"… when it is part of the blank
    before: str = ""  # the word right before the blank, lower case ("de", "en", "au"…)
    gender: str = ""  # persons: "m", "f" or unknown
    unit: str = ""  # numbers: the unit word ("heures", "%"), magnitude included
    value: float | None = None  # numbers and years
    style: str = ""  # numbers: thousands separator and decimal mark, or "words" and the
    # language for a count written in words (« huit mois »: format_number); dates: granularity
    level: str = ""  # places: city, county, state, country, region, nature, street (when
    # told); organisations: their sort (school, publication, award, body…: lexicon)
    # (thirty-seventh round) The blank is the subject pronoun (« Il », "She") of a sentence whose
    # person the article named before (Sentence.said_of is ``name``): asked only as "Who …?"
    pronoun: bool = False


# -- sentences ----------------------------------------------------------------------------------

_ENDS_NO_SENTENCE = re.compile(r"(?:^|\s)(?:[A-Z]|Sens?|Reps?|Govs?|Gen|Lt|Col|Sgt|Capt|Adm|Maj|"
                               r"Cmdr|Dr|Mr|Mrs|Ms|Prof|Rev|St|Mt|Ft|Mme|MM)\.$")


# A full stop between two letters or digits, no space after it: a name's dot, no sentence's end.
_DOT_INSIDE_A_WORD = re.compile(r"\w\.\w")


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
            # « Donald J. », "Sens." end no sentence: an initial or a title joins the next part
            # ("— Sens. Cory Booker and Kamala Harris —").
            previous = normalised[merged[-1][0]:merged[-1][1]].rstrip() if merged else ""
            if merged and (_ENDS_NO_SENTENCE.search(previous) or re.search(
                    r"\b(?:Nos?|Apt)\.$", previous) and normalised[start:start + 1].isdigit() or
                    _DOT_INSIDE_A_WORD.match(normalised, max(start - 2, 0), start + 1)):
                # "No. 1 in the world" (a number's sign, before a figure; "Apt. 1C", not the
                # town of « Apt. »: thirty-seventh round); (twenty-eighth
                # round) no space after the full stop: a name's dot ("Android/Filecoder.C")
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


def leading_titles(words: list[str], titles: set[str]) -> int:
    """How many of the first ``words`` are titles (« Mayor » Linda Okafor, "Lieutenant
    General" Frewen), one word left at least."""
    count = 0
    while count < len(words) - 1 and words[count].lower().rstrip(".") in titles:
        count += 1
    return count


def token_at(doc: Any, offset: int) -> Any:
    """The token of ``doc`` that starts at character ``offset``, or None."""
    return next((token for token in doc if token.idx == offset), None)


def analyse(nlp: Any, text: str) -> Any:
    """The full analysis of one sentence, parsed as one sentence (the parser may not split it)."""
    doc = nlp.make_doc(text)
    for token in doc[1:]:
        token.is_sent_start = False
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc


def _apposed_ordinal(lowered: str, match: re.Match[str]) -> bool:
    """(thirtieth round) « la première » set beside a noun of the same sentence, after its
    comma, with what it ranks told after it: « la finale de la Ligue des champions dimanche
    soir, la première que disputera le PSG » — the first final, not the first of something
    said before."""
    return match.group().startswith(("le premier", "la première")) and \
        lowered[:match.start()].rstrip().endswith(",") and \
        bool(re.match(r"\s+(?:qu['’e]|qui|dont|de)\b", lowered[match.end():]))


def rejection(sentence: Sentence, language: str) -> str:
    """Why this sentence cannot be a question on its own ("" when it can)."""
    doc, text = sentence.doc, sentence.text.translate(SAME_LENGTH)
    words = [t for t in doc if not t.is_punct and not t.is_space]
    if "?" in text:
        return "question"
    outside = re.sub(r"\([^()]*\)", " ", text)  # « a transformé (1-0, 35e) »: transformed what?
    if len(words) < MIN_TOKENS or \
            len([w for w in outside.split() if re.search(r"\w", w)]) < MIN_TOKENS:
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
    if _REASON_ONLY[language].match(text) and any(
            t.dep_ == "mark" and t.head.dep_ == "ROOT" for t in doc[:2]):
        return "fragment"  # (twenty-seventh round) "Because the county never answered the
        # 28 questions.", « Parce qu'il pleuvait. »: a reason with no main clause, half of
        # the sentence before ("Because of the delays, the trust …" is whole)
    if text.count("«") != text.count("»") or text.count('"') % 2 or \
            sentence.text.count("\u201c") < sentence.text.count("\u201d"):
        return "quotation"  # (thirtieth round) "Defendant John Doe installed the camera …
        # Plaintiff’s home.”": the end of a quotation opened sentences before, not the article
    if _CLOSING_NOTICE.search(text):
        return "boilerplate"  # "GQ's January 2017 issue is on newsstands nationwide Dec. 20.",
        # "Join Vanity Fair to receive full access …": the publication's notice, not the news
    if language in _AGREEMENT_SLIP and _AGREEMENT_SLIP[language].search(text):
        return "typo"  # (twenty-third round) « tout les deux »: a cloze copies the sentence
        # word for word, and correcting it silently would misquote the article
    if _GLUED_HEADING.search(text) or _TICKER.search(text):
        return "junk"  # the page's scars, copied into a draft: « d'eurosLes vélos », "BBD-B-T"
    now = [match.span() for match in _NOW[language].finditer(text)]
    lowered = _masked(text, now).lower()  # « Ce samedi 12 juillet, … », "This week, …"
    body = strip_connective(text, language)[1].translate(SAME_LENGTH)
    first = re.split(r"[\s,']", _masked(body, [m.span() for m in _NOW[language].finditer(
        body)]).lower(), maxsplit=1)[0]
    if first in lexicon.CONTEXT_STARTERS[language] or any(
            not _apposed_ordinal(lowered, match)
            for phrase in lexicon.CONTEXT_PHRASES[language]
            for match in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)(?!{_TITLE_AFTER})",
                                     lowered)):
        return "needs context"  # (« le Premier ministre » is a title, not « le premier »)
    if _leans_on_the_one_before(body, language):
        return "needs context"
    event = _POSSESSIVE_EVENT[language].search(body)
    if event and not _possessor_follows(
            doc, len(text) - len(body) + event.end() - 1 - len(event.group().split()[-1]),
            language):
        return "needs context"
    if _RELATIVE_TO_BEFORE[language].search(re.sub(r"\([^()]*\)", " ", body)):
        return "needs context"  # "Who notified the police 11 minutes later?", "Where did the
        # situation unfold differently?", « Les lycées ne sont plus, eux non plus, rendus
        # publics », « L'élu tente ainsi d'éviter … »: later, other, than what?
    unbracketed = re.sub(r"\([^()]*\)", " ", body)
    if _VAGUE[language].search(unbracketed):
        return "needs context"  # "Some of the girls were as young as 14", « Deux jours après,
        # les températures ont chuté », « le scénario est semblable »: of whom, after what,
        # like what? (twenty-second round)
    if _UNNAMED[language].search(unbracketed):
        return "needs context"  # (twenty-third round) "the last winner there", "those who
        # live in the region", "The department notice", "the 84-year-old filmmaker's book",
        # « L'acteur a mis un terme », « directeur du meeting »: which, who?
    if _SOURCE_PRONOUN.match(body):
        return "needs context"  # « Selon lui, le prélèvement … devrait rapporter … »: whom?
    for token in doc:
        if token.pos_ in ("NOUN", "PROPN") or "Fin" in token.morph.get("VerbForm"):
            break  # (« Moody's assortit sa note »: after the verb, its subject's)
        if token.pos_ in ("DET", "PRON") and "Yes" in token.morph.get("Poss") and \
                token.lower_ not in lexicon.PERSONAL[language] and \
                not _possessor_follows(doc, token.idx, language):
            return "needs context"  # « Selon leur étude », "His widow said": whose?
    for token in doc:
        lower = token.lower_
        if token.pos_ == "DET" and "Dem" in token.morph.get("PronType") and \
                lower in _DEMONSTRATIVE_WORDS and (
                token.head.pos_ == "NOUN" or token.dep_ == "det") and not any(
                start <= token.idx < end for start, end in now) and not (
                sentence.order == 0 and token.i >= LEAD_REFERENCE):
            return "needs context"  # « cette disposition », « ce tweet »: which one? (Not
            # far into the article's first sentence, which has nothing before it but the
            # headline: « … à produire de l'électricité à partir de plantes, montrant que ces
            # végétaux … » names them itself; thirtieth round)
        if lower in _DEMONSTRATIVE_PRONOUNS[language] and token.pos_ == "PRON" and \
                token.dep_ != "det" and not any(start <= token.idx < end for start, end in now):
            return "needs context"  # (twenty-fifth round) "When this was supplied, …",
            # « Cela a permis … »: a demonstrative with no noun stands for what came before
        if lower in lexicon.PERSONAL[language] and token.pos_ in ("PRON", "DET"):
            return "first or second person"
        if token.dep_.startswith("nsubj") and (
                token.head.dep_ == "ROOT" or _opens_the_sentence(doc, token)) and \
                token.pos_ == "PRON" and \
                lower in lexicon.SUBJECT_PRONOUNS[language] and \
                not impersonal(doc, token, language) and \
                _antecedent(doc, token, language) is None:
            return "needs context"
    if language == "en" and _owner_missing(sentence) or language == "fr" and \
            _french_owner_missing(sentence):
        return "needs context"  # "… fans have speculated that at least two tracks … reference
        # her current relationship with Travis" (Donna Kelce's? Taylor Swift's?): twentieth round
    if _ANONYMOUS_SPEAKER[language].search(text):
        return "anonymous quotation"  # "“Tim Kaine is the relatable neighbor next door,” an
        # Iowa Republican added.": a minor voice's opinion, not a fact of the article
    inverted = _INVERTED_PRONOUN.search(_masked(text, [m.span() for m in _QUOTED.finditer(
        text)])) if language == "fr" else None
    if inverted and not any(fact.kind in ("person", "org") and fact.end <= inverted.start()
                            for fact in sentence.facts):
        return "needs context"  # (twenty-ninth round) « "Il était en train de changer sa
        # vie", … a-t-il expliqué. »: who? The subject after its verb, a pronoun, and no one
        # named before it in the sentence
    if _quoted_whole(text) or _unresolved_pronoun(doc, language) or \
            _anaphoric_subject(doc, language) or _bare_subject(doc) or \
            unnamed_role(doc) is not None or _unresolved_object(doc, language):
        return "needs context"
    return ""


# A French subject pronoun after its verb: « a-t-il expliqué », « explique-t-elle », « dit-il ».
_INVERTED_PRONOUN = re.compile(r"(?<![\w-])[^\W\d_]+(?:-t)?-(?:il|elle|ils|elles)(?![\w-])",
                               re.IGNORECASE)


# A quotation, in French or straight quotation marks.
_QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"")


# A sentence opening on a subordinating "because" (not "because of"), « parce que », « puisque ».
_REASON_ONLY = {"en": re.compile(r"because\b(?!\s+of\b)", re.IGNORECASE),
                "fr": re.compile(r"(?:parce\s+qu|puisqu)", re.IGNORECASE)}


def _french_owner_missing(sentence: Sentence) -> bool:
    """(twenty-first round) « Sur injonction du parquet de Tongres, son permis lui a
    immédiatement été retiré »: whose licence? The subject of the main verb owned by « son »,
    « sa », « ses », « leur(s) », with no person or body named before it in the sentence."""
    for token in sentence.doc:
        if token.lower_ not in ("son", "sa", "ses", "leur", "leurs") or token.pos_ != "DET" or \
                not token.head.dep_.startswith("nsubj") or token.head.head.dep_ != "ROOT":
            continue
        if not any(fact.kind in ("person", "org") and fact.end <= token.idx
                   for fact in sentence.facts):
            return True
    return False


def _owner_missing(sentence: Sentence) -> bool:
    """An English "his" / "her" whose owner the sentence does not give: no person or body
    named before it or as a subject after it, no singular noun as a subject before it."""
    quoted = [m.span() for m in re.finditer(r"[\"“][^\"”]*[\"”]", sentence.text)]
    for token in sentence.doc:
        if token.lower_ not in ("his", "her") or token.dep_ != "poss" or any(
                start <= token.idx < end for start, end in quoted):
            continue  # (inside a quotation, the speaker's words: "an Ebola patient … his form")
        named = any(fact.kind in ("person", "org") and (fact.end <= token.idx or any(
            t.dep_.startswith("nsubj") for t in sentence.doc
            if fact.start <= t.idx < fact.end)) for fact in sentence.facts)
        # an owner before it, or the subject after it ("Now, two months into his presidency,
        # Trump is …"; not "… reference her relationship with Travis")
        subject = any(t.dep_.startswith("nsubj") and t.tag_ in ("NN", "NNP")
                      for t in sentence.doc[:token.i])
        if not named and not subject:
            return True
    return False


# A time told from the day the article is written, not from the sentence before: « Ce samedi
# 12 juillet, … », « cette année », « ces derniers mois », « ces dix dernières années », « à ce
# jour » (to date), "This week, …", "these days", "this past year". Not « ce jour-là », « cette
# année-là », "that day" (then, when?): those point back.
_TIME_NOUNS = {
    "fr": r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|matin|soir|midi|"
          r"après-midi|week-end|weekend|semaine|mois|année|an|printemps|été|automne|hiver|"
          r"saison|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
          r"novembre|décembre)s?",
    "en": r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|"
          r"evening|weekend|week|month|year|spring|summer|autumn|fall|winter|season|days|"
          r"weeks|months|years)",
}
_NOW = {
    "fr": re.compile(r"(?<![\w'’-])(?:(?:ce|cet|cette|ces)\s+(?:(?:\d+|deux|trois|quatre|cinq|"
                     r"six|sept|huit|neuf|dix|vingt|trente|quelques)\s+)?(?:derni(?:er|ère|ers|"
                     rf"ères)\s+)?{_TIME_NOUNS['fr']}|à ce jour)(?![\w'’-])(?!\s*-?\s*là)",
                     re.IGNORECASE),
    "en": re.compile(r"(?<![\w'’-])(?:this|these)\s+(?:past\s+|coming\s+|last\s+)?"
                     rf"(?:(?:\d+|two|three|four|five|six|few)\s+)?{_TIME_NOUNS['en']}"
                     r"(?![\w'’-])", re.IGNORECASE),
}


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span blanked out (same length: offsets stay)."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


# After « le premier », « la première »: a title (« le Premier ministre », « la première
# secrétaire ») or « la première fois », not the first of what the sentence before listed.
_TITLE_AFTER = r"\s+(?:ministre|secrétaire|adjointe?|magistrat|vice-présidente?|fois)\b"
# The possessive and the pronoun that stand for one thing ("its" for the company, « leur »
# for the unions): singular or plural, and in French the pronoun's gender.
_POSSESSIVE_NUMBER = {"son": "Sing", "sa": "Sing", "ses": "Sing", "leur": "Plur",
                      "leurs": "Plur", "his": "Sing", "her": "Sing", "its": "Sing",
                      "their": "Plur"}
_PRONOUN_FORM = {"il": ("Sing", "Masc"), "elle": ("Sing", "Fem"), "ils": ("Plur", "Masc"),
                 "elles": ("Plur", "Fem"), "he": ("Sing", ""), "she": ("Sing", ""),
                 "it": ("Sing", ""), "they": ("Plur", "")}


# A noun that can own an event told before it (« sa allocution », "its merger"): a person's
# title or role, a body; not a place (« Après son passage, la ville … »: the storm's).
_AGENTS = (lexicon.TITLES | lexicon.ORGANISATION_WORDS | {
    "chef", "gouvernement", "government", "syndicat", "syndicats", "union", "unions",
    "entreprise", "groupe", "présidente", "ministre", "officials", "responsable"}) - {
    "ville", "commune", "région", "station", "center", "centre", "hotel", "hotels", "resort",
    "resorts", "prison", "church", "cathedral", "chapel", "mosque", "temple", "synagogue",
    "église", "cathédrale", "mosquée", "museum", "musée", "hospital", "hôpital", "air"}


def _number(token: Any) -> str:
    """A noun phrase's number: plural when nouns are joined (« X et Y »)."""
    if any(c.dep_ == "conj" for c in token.children):
        return "Plur"
    return "Plur" if "Plur" in token.morph.get("Number") else "Sing"


def _finite(verb: Any) -> bool:
    """A finite verb, or the main verb in a compound tense (« Carlos Ghosn avait démenti »,
    "the mayor has said"): a participle with a finite auxiliary, the sentence's root."""
    return "Fin" in verb.morph.get("VerbForm") or verb.dep_ == "ROOT" and any(
        c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm") for c in verb.children)


def _possessor_follows(doc: Any, at: int, language: str) -> bool:
    """Whether a possessive at character ``at`` stands for the main verb's subject, named after
    it in the same sentence (« Lors de sa traditionnelle allocution aux armées, le chef de
    l'Etat fera … », "After its merger, the company said …"): a noun or a name agreeing with
    it in number, not a pronoun."""
    possessive = token_at(doc, at)
    if possessive is None or possessive.lower_ not in _POSSESSIVE_NUMBER:
        return False
    if any("Fin" in t.morph.get("VerbForm") for t in doc[:possessive.i]):
        return False  # not in the sentence's opening phrase
    subject = next((t for t in doc[possessive.i:] if t.dep_.startswith("nsubj") and
                    t.head.pos_ in ("VERB", "AUX") and _finite(t.head)), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or \
            "," not in doc[possessive.i:subject.i].text:
        return False  # (the model's tree is often wrong over a long opening: the subject is
        # the first of a finite verb, after the comma that closes the opening)
    if subject.pos_ == "NOUN" and (subject.lemma_.lower() not in _AGENTS or not any(
            c.dep_ == "det" for c in subject.children)):
        return False  # « Après son passage, une partie des parcs se retrouve ensablée »: the
        # storm's passage — a possessive's owner who acts is a name, a person's title or a body
    return _number(subject) == _POSSESSIVE_NUMBER[possessive.lower_]


def impersonal(doc: Any, token: Any, language: str) -> bool:
    """« il faut », « il suffit de », « il y a »: the subject « il » stands for no one."""
    return language == "fr" and token.lower_ == "il" and (
        token.head.lemma_.lower() in _IMPERSONAL or
        (token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("y", "n'y")))


def _antecedent(doc: Any, pronoun: Any, language: str) -> Any:
    """What the main verb's subject pronoun stands for in its own sentence, or None: the
    subject of a clause set before it (« Si le cashback s'est imposé …, il s'invite … »,
    « Lorsqu'une personne dit la vérité, elle est capable … », "When the council met, it
    voted …") or the topic of « Quant à la dette publique, elle … », agreeing with it in number
    and, in French, in gender — a noun with its determiner or a name."""
    form = _PRONOUN_FORM.get(pronoun.lower_)
    if form is None or pronoun.head.i < pronoun.i or \
            pronoun.head.lemma_.lower() in _REPORTING or "," not in doc[:pronoun.i].text:
        return None  # « …, a-t-il ajouté », "…, he said": the speaker, not the clause's subject
    number, gender = form
    for word in doc[:pronoun.i]:
        if word.pos_ not in ("NOUN", "PROPN") or not word.is_alpha:
            continue
        topic = re.search(r"(?i:\bquant\s+(?:à|au|aux))\s+(?:[\w'’]+\s+){0,2}$",
                          doc.text[:word.idx])
        clause = word.head  # a clause set before the main one: « si », « lorsque », "when"
        subordinate = any(c.dep_ == "mark" or c.dep_ == "advmod" and c.lower_ in _WHEN
                          for c in clause.children)
        subject = word.dep_.startswith("nsubj") and clause.i < pronoun.i and \
            clause.i != pronoun.head.i and subordinate and "," in doc[clause.i:pronoun.i].text
        if not (subject or topic):
            continue
        if word.pos_ == "NOUN" and not any(c.dep_ == "det" for c in word.children):
            continue
        if _number(word) != number:
            continue
        genders = word.morph.get("Gender")
        if gender and (word.pos_ == "NOUN" or genders) and gender not in genders:
            continue
        person = word.ent_type_ in ("PERSON", "PER") or word.lemma_.lower() in (
            lexicon.TITLES | lexicon.MALE_WORDS | lexicon.FEMALE_WORDS | lexicon.PERSON_NOUNS)
        if (pronoun.lower_ in ("he", "she") and not person) or \
                (pronoun.lower_ == "it" and person):
            continue  # English: "he" for a person, "it" for a thing
        return word
    return None


_WHEN = {"when", "whenever", "once", "quand", "lorsque"}
_REPORTING = {"dire", "déclarer", "ajouter", "préciser", "expliquer", "affirmer", "estimer",
              "indiquer", "souligner", "assurer", "confier", "rappeler", "say", "tell", "add",
              "explain", "note", "write", "insist"}


# Words that measure the sentence against what the one before told: a delay counted from an
# earlier event ("11 minutes later", "two weeks earlier"), a difference or a likeness with no
# term of comparison ("unfold differently", "in a similar incident"), « non plus » (neither …
# as what?), « ainsi » inside the sentence (thus: by what?; not « ainsi que », as well as), a
# sentence ending on « sont concernées » (by what?); a comparison or a hypothetical example
# opening it ("By comparison, the F-35 …", « Par exemple, si un ordinateur s'affiche à … »:
# compared with what, an example of what?).
# Not inside brackets: "(who, about a month later, would be named his successor)" is an aside.
_RELATIVE_TO_BEFORE = {
    "en": re.compile(r"\b(?:\d+|an?|a few|few|several|two|three|four|five|six|ten)\s+"
                     r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+(?:later|earlier)\b"
                     r"(?!\s+than\b)|\bdifferently\b(?!\s+(?:from|than|to)\b)|"
                     r"\ba similar\s+[a-z]+\b(?!\s+to\b)|"
                     r"^(?:by|in)\s+(?:comparison|contrast)\b|^for\s+(?:example|instance),?\s+if\b",
                     re.IGNORECASE),
    "fr": re.compile(r"\bnon plus\b|(?<=\w)\s+ainsi\b(?!\s+que\b)|"
                     r"\b(?:sont|est|seront|sera|ont été|a été)\s+(?:concernée?s?|touchée?s?)"
                     r"\s*[.!]$|^(?:en|par)\s+(?:comparaison|contraste)\b|"
                     r"^à titre de comparaison\b|^à l'inverse\b|^par exemple,?\s+si\b",
                     re.IGNORECASE),
}
# A magazine's or a site's own notice closing the piece: where to buy the issue, how to
# subscribe or sign up (twenty-second round).
_CLOSING_NOTICE = re.compile(
    r"\b(?:issue|edition|numéro)\b[^.]{0,60}\b(?:on newsstands|on sale|hits newsstands|en kiosques?"
    r"|en vente)\b|\bon newsstands\b|\b(?:join|subscribe to|sign up (?:for|to))\s+[^.]{0,60}\bto "
    r"(?:receive|get)\b|\bnot a subscriber\b|\bfull access to\b|\babonnez-vous\b|"
    r"\binscrivez-vous à (?:notre|la) newsletter\b|\bsign up for (?:our|the) newsletter\b",
    re.IGNORECASE)
# (twenty-second round) Openings and words that need the sentence before: a time counted
# from an event it told ("Two days later,", « Deux jours après, », "The next day", « Le
# lendemain »), a part of a group it named ("Some of the girls", « Certains des enfants »), a
# comparison without its term (« le scénario est semblable », "is similar", "the same way").
_COUNT_WORDS = {"en": r"(?:\d+|an?|a few|few|several|one|two|three|four|five|six|seven|eight|"
                      r"nine|ten)",
                "fr": r"(?:\d+|une?|quelques|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)"}
_VAGUE = {
    "en": re.compile(
        rf"^{_COUNT_WORDS['en']}\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+"
        r"(?:after|afterwards|afterward|before|on)\s*,|"
        r"^(?:the|that)\s+(?:next|following|previous|same)\s+(?:day|morning|afternoon|evening|"
        r"night|week|weekend|month|year)\b|"
        r"^(?:some|many|several|a few|few|both|none|most|all|half) of the (?!\w+['’]s\b)"
        r"(?!(?:world|country|nation|city|state|region|company)\b)[a-z]+|"
        r"\b(?:is|are|was|were|looks?|looked|seems?|seemed|remains?|remained)\s+(?:\w+\s+)?"
        r"similar\b(?!\s+(?:to|in|across)\b)|"
        r"\bthe same\s+(?!time\b)[a-z]+\b(?!(?:\s+[\w'’-]+){0,5}\s+as\b)(?!-)|"
        r"\b(?:was|were|had|has|have|is|are)\s+then\b(?!-)",
        re.IGNORECASE),
    "fr": re.compile(
        rf"^{_COUNT_WORDS['fr']}\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans|"
        r"années?)\s+(?:après|plus tard|plus tôt|auparavant|avant)\b(?!\s+(?:le|la|l['’]|les|"
        r"sa|son|ses|leur|que|qu['’]|d['’]|de|du|des|un|une)\b)|"
        rf"\b{_COUNT_WORDS['fr']}\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans|"
        r"années?)\s+plus\s+(?:tard|tôt)\b|"
        r"^(?:le lendemain|la veille|le surlendemain|l['’]avant-veille)\b(?!\s+(?:de|du|des|d['’])"
        r"\s)|"
        r"^(?:certaine?s|quelques-une?s|plusieurs)\s+des\s+(?!\w+\s+de\b)"
        r"[a-zà-ÿ]+\s+(?!de\b)|"
        r"\b(?:semblables?|similaires?|identiques?|pareil(?:le)?s?|comparables?)\b"
        r"(?!\s+(?:à|au|aux|a|de|du|des|d['’]|en)\b)|"
        r"\b(?:le|la|les|au|aux|du|des)\s+mêmes?\s+(?!temps\b|coup\b)[a-zà-ÿ]+\b"
        r"(?!(?:\s+[\w'’-]+){0,5}\s+qu)|"
        # (thirty-second round) « Au même moment à Stains, … » (at the moment of what?), « Plus
        # de 300 personnes ont alors été rapatriées »: then, when?
        r"\b(?:a|ont|avait|avaient|est|sont|était|étaient|fut|furent|sera|seront)\s+alors\b"
        r"(?!\s+que\b)",
        re.IGNORECASE),
}
# (twenty-third round) A referent the sentence does not name: a place adverb ("the last winner
# there" — not "there is", "there were"), a body or a document by its common noun alone ("the
# department", "the region", "the notice" — not "the State Department", "the region of …"), a
# person by a description ("the 84-year-old filmmaker", « L'acteur » opening the sentence), an
# event by its common noun (« directeur du meeting », the Mémorial Van Damme named before).
# (twenty-fourth round) The demonstratives themselves: the small French model tags an ordinal
# in Roman numerals as one (« du VIIè arrondissement de Paris »), and the sentence was refused.
_DEMONSTRATIVE_WORDS = {"ce", "cet", "cette", "ces", "this", "that", "these", "those"}
# (twenty-fifth round) Demonstratives that stand alone for what came before ("that" and
# "those" are left out: a relative "that", "those who …" need nothing before).
_DEMONSTRATIVE_PRONOUNS = {"en": {"this", "these"}, "fr": {"cela", "ceci", "ça"}}
_UNNAMED = {
    "en": re.compile(
        r"(?<!\bover )(?<!\bhere and )\bthere\b(?!\s+(?:is|are|was|were|will|would|have|has|had|"
        r"may|might|could|should|must|seems?|seemed|appears?|appeared|remains?|remained|"
        r"being|been|be|isn|aren|wasn|weren|won)\b)(?!['’])(?!,? too\b)|"
        r"(?<![A-Z][\w.]\s)(?<![A-Z][\w.])\b(?i:the)\s+(?:department|region|notice|ministry)\b"
        r"(?!\s+(?:of|for|in)\b)(?!['’]s\s+[A-Z])|"
        r"\b(?i:the)\s+\d+-year-old\s+(?:filmmaker|director|actor|actress|singer|author|writer|"
        r"star|player|coach|politician|businessman|businesswoman)\b(?!\s*,?\s+[A-Z])|"
        # (twenty-fourth round) "The hotel's last guest …": a place or a body by its common
        # noun, owning what the sentence tells; "The selection of a white male …", "The move
        # comes as …": an act the sentence before told; "The overall major crime rate grew":
        # of which city, when? "About 26 percent have come home": a
        # share of a whole the sentence does not name
        r"^The\s+(?:hotel|company|firm|city|town|school|hospital|agency|museum|club|team|"
        r"restaurant|store|bank|group|station|airline|church|county|state|country)['’]s\b|"
        r"^The\s+(?:[a-z]+\s+){0,3}rate\b(?!\s+(?:of|in|for|at)\b)|"
        r"^The\s+(?:selection|choice|move|appointment|nomination)\b(?!\s+to\b)"
        r"(?!\s+(?:of|by)\s+[A-Z])|"
        r"^(?i:about|nearly|almost|roughly|some|around|only|just|more than|over|fewer than|"
        r"less than)?\s*[\d.,]+\s*(?:percent|per cent|%)\s+(?!of\b)|"
        # (thirty-first round) "the man in question", « l'homme en question »: the one the
        # sentence before told of
        r"\b(?i:the)\s+[a-z-]+\s+in\s+question\b"),
    "fr": re.compile(
        r"^(?:l['’]acteur|l['’]actrice|le cinéaste|la cinéaste|le chanteur|la chanteuse|"
        r"le joueur|la joueuse|l['’]entraîneur|le réalisateur|la réalisatrice|l['’]écrivain|"
        r"l['’]écrivaine)\b(?!\s+(?-i:[A-ZÀ-Ý]))|"
        r"\b(?:du|le|au)\s+meeting\b(?!\s+(?:de|du|d['’])?\s*(?-i:[A-ZÀ-Ý]))|"
        # (twenty-fourth round) « le matin même, … le Liégeois avait confié »: a person by the
        # demonym of a town or a country, with the article (the sports pages' epithet; not
        # apposed, « Gilbert, le Liégeois, », « le Liégeois de BMC »); a person by a former
        # post, no name after it (« les faveurs de l'ancienne ministre de la Justice »); « de
        # l'article » (which one?); « Environ 26 % ont … »: a share of what?
        # (The article in capitals inside the sentence is a newspaper's title: « selon Le
        # Parisien », « Le Républicain Lorrain a publié ».)
        r"(?:^(?:le|la|l['’])|\b(?-i:le|la|l['’]|du))"
        r"\s*(?-i:[A-ZÀ-Ý][a-zà-ÿ]+(?:ois|oise|ais|aise|ien|ienne|ain))\b"
        r"(?!\s*,)(?!\s+(?:de|du|d['’])\s)"
        r"(?!\s+(?-i:[A-ZÀ-Ý]))(?!-)|"
        r"\bl['’]ancienn?e?\s+(?:ministre|président|présidente|maire|député|députée|"
        r"secrétaire d['’]État)\b"
        r"(?!(?:\s+(?:de|du|des)\s+(?:la\s+|l['’])?(?-i:[A-ZÀ-Ý])\w*)?\s*,?\s+(?-i:[A-ZÀ-Ý]))|"
        r"\bl['’]article\b(?!\s+(?:\d|premier|de\s+(?:loi|la\s+loi)|du\s+code|publié|paru))|"
        r"^(?:environ|près de|quelque|plus de|moins de)?\s*[\d,]+\s*(?:%|pour\s*cent)\s+"
        r"(?!d(?:es|u|e)\b|d['’])|"
        r"\b(?:le|la|les|l['’])\s*(?!(?:remise|mise|mettre|remettre|mis|remis)\b)"
        r"[a-zà-ÿ-]+\s+en\s+question\b", re.IGNORECASE),  # not « la remise en question »,
        # « les mettre en question »
}
# A slip of agreement the page writes, copied by a cloze (« tout les deux »); French only.
_AGREEMENT_SLIP = {
    "fr": re.compile(r"\b(?:tout|toute)\s+(?:les|ces|mes|tes|ses|nos|vos|leurs)\b(?!\s+"
                     r"(?:autres\s+)?(?:mêmes?|seuls?)\b)", re.IGNORECASE),
}
# An opening that gives the source by a pronoun (« Selon lui, », « D'après elle, », "According
# to him,"): who said it is in the sentence before.
_SOURCE_PRONOUN = re.compile(r"(?:selon|d['’]après|pour|according to)\s+(?:lui|elle|eux|elles|"
                             r"him|her|them)\b", re.IGNORECASE)
# A heading the page's markup ran into the next sentence: a word in lower case (or a figure)
# glued to a capitalised first word (« Un marché à 3,6 milliards d'eurosLes vélos électriques … »,
# "in 2023The company …").
_GLUED_HEADING = re.compile(
    r"[a-zà-ÿ0-9]{2}(?:Les|Le|La|L['’]|Un|Une|Des|Du|Il|Elle|Ils|Elles|Ce|Cette|Selon|Pour|"
    r"Dans|En|Au|Mais|The|A|An|In|On|It|He|She|They|This|For|After|But|As)\s")
# A stock ticker left by a quote link ("Bombardier Inc. BBD-B-T came back …", "(TSX:BBD.B)",
# "(NYSE: GM)").
_TICKER = re.compile(r"(?<![\w-])[A-Z]{2,5}-[A-Z](?:-[A-Z]{1,2})?(?![\w-])|"
                     r"\b(?:NYSE|NASDAQ|Nasdaq|TSX|TSXV|LSE|ASX|NSE|BSE)\s*:\s*[A-Z]")


# « C'est aussi … », « C'était avant … », "It was …": what « c' » stands for is in the sentence
# before, unless the sentence is a cleft (« C'est à Paris que … », « C'est X qui … »).
_PRESENTATIVE = re.compile(r"^(?:c'(?:est|était|étaient|sera|serait)|ce (?:sont|fut|furent))\b",
                           re.IGNORECASE)
_CLEFT = re.compile(r"\b(?:qui|que|qu')", re.IGNORECASE)
# An opening phrase around a demonstrative (« Avant cela, », « Après ce match, », "After that,",
# "Despite this,"): it points to what the sentence before told.
_BACK_PHRASE = {
    "fr": re.compile(r"^(?:avant|après|depuis|outre|au-delà de|à la suite de|suite à|en plus de|"
                     r"à cause de|grâce à|pour|par|dans|sur|lors de|pendant|face à|contre|"
                     r"à l'issue de|au terme de|au cours de|en raison de|de)\s+"
                     r"(?:cela|ça|ceci|ce|cet|cette|ces|celui-ci|celle-ci|quoi|là)\b"
                     r"(?!\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|matin|"
                     r"après-midi|soir|week-end|mois|année|an|printemps|été|automne|hiver)\b)",
                     re.IGNORECASE),
    "en": re.compile(r"^(?:before|after|since|beyond|besides|because of|following|in addition to|"
                     r"apart from|on top of|as a result of|for|with|by|during|at|in|on|from|"
                     r"like|unlike|until|upon|under)\s+(?:this|that|these|those|it|which|then)\b"
                     r"(?!\s+(?:week|year|month|morning|afternoon|evening|weekend|summer|"
                     r"spring|autumn|fall|winter|season)\b|'s)",
                     re.IGNORECASE),
}
# Whose « passage », whose "arrival": a possessive after a word of time names an event of the
# sentence before (« une partie des parcs se retrouve ensablée après son passage »).
_POSSESSIVE_EVENT = {
    "fr": re.compile(r"\b(?:après|avant|depuis|lors de|pendant|dès|à la suite de|suite à)\s+"
                     r"(?:son|sa|ses|leur|leurs)\s", re.IGNORECASE),
    "en": re.compile(r"\b(?:after|before|since|during|following|upon)\s+(?:its|their)\s",
                     re.IGNORECASE),
}
# A bare count or quantity as the subject (« Neuf sont situées … », "Most were injured"): of
# what, the sentence before told.
_BARE_QUANTITIES = {"plupart", "most", "many", "some", "several", "others", "autres", "certains",
                    "certaines", "plusieurs", "beaucoup", "all", "tous", "toutes", "both",
                    "none", "aucun", "aucune"}
# Numbers written in words, with their value: a bare count as a subject (« Neuf sont … ») and
# the figures a sentence writes (draft._numbers_written). One table for both.
NUMBER_WORDS: dict[str, dict[str, int]] = {
    "fr": {**{word: value for value, word in enumerate(
        ("un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
         "seize dix-sept dix-huit dix-neuf vingt").split(), 1)},
        "une": 1, "trente": 30, "quarante": 40, "cinquante": 50, "cent": 100, "mille": 1000},
    "en": {**{word: value for value, word in enumerate(
        ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen twenty").split(), 1)},
        "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "thousand": 1000},
}


# « C'est le cas de Julien, qui… », "Verb status aside, …": an example of, or a matter set
# aside, told of in the sentence before.
# « C'est ce que l'on a observé », « C'est ce qu'a annoncé … » (what?), « Une autre piste »,
# "Another strand", "The pair of GOP heavyweights" (of what, which two?), "If so, …" (if
# what?).
_POINTS_BACK = {
    "fr": re.compile(r"^(?:(?:c'est|c'était|tel est|telle est) (?:le cas|l'exemple|le sort|"
                     r"la situation|l'histoire|la raison|pourquoi|ainsi|là)\b|"
                     r"c'(?:est|était) ce (?:que|qui|dont)\b|c'(?:est|était) ce qu'|"
                     r"(?:un|une) autre\s+[a-zà-ÿ-]+(?:,|\s+(?:a|est|sera|était|avait|va)\b)|"
                     r"(?:un|une) autre\s*,|"  # (thirty-second round) « Un autre, dans la
                     # banlieue sud, a acheté le dollar … »: another what?
                     r"si (?:c'est|tel est) le cas\b|"
                     # « Ni l'un ni l'autre n'a … », « L'un et l'autre … »: which two?
                     r"(?:ni\s+)?l'une?\s+(?:ni|et|ou)\s+l'autre\b|"
                     # (thirty-first round) « Pas même avec la biotech américaine Moderna »:
                     # not even with whom, besides those of the sentence before? « En réalité,
                     # il s'agissait d'un nageur … »: it was a swimmer — who was? Any « il
                     # s'agit de … » as the main clause says what something told before is
                     # (« Il s'agit de la plus grande manifestation depuis 1968 »: which?)
                     r"(?:pas même|même pas|ni même)\b|"
                     r"(?:[\w'’ -]{1,25},\s*)?il s['’]agi(?:t|ssait|ra|rait)\s+"
                     r"(?:d['’]|de|du|des)\s*(?:un|une)?\b)",
                     re.IGNORECASE),
    "en": re.compile(r"^(?:[\w'-]+ ){1,3}aside,|^(?:such|so) (?:is|was) the case\b|"
                     r"^another\s+[a-z-]+\b(?!\s+(?:of|in)\b)|"
                     r"^the (?:pair|duo|trio|couple)\b|^if so\b|^not even\b|^another\s*,",
                     re.IGNORECASE),
}


def _leans_on_the_one_before(body: str, language: str) -> bool:
    """A sentence that reads only after the one before it: « C'est aussi … » (no cleft),
    « C'est le cas de … », « Avant cela, … », "After that, …", "Verb status aside, …"."""
    text = body.translate(SAME_LENGTH)
    if language == "fr" and _PRESENTATIVE.match(text) and not _CLEFT.search(text):
        return True
    if _POINTS_BACK[language].search(text):
        return True
    return bool(_BACK_PHRASE[language].match(text) or _PART_OF_THEM[language].match(text))


# A part of what the sentence before told: "Most of it does not belong to …", « La plupart
# d'entre eux ont fui »: of what, of whom?
_PART_OF_THEM = {
    "en": re.compile(r"(?:most|some|all|many|much|none|each|one|two|three|both|several|few|"
                     r"half|part|the rest) of (?:it|them|these|those|this|that)\b", re.IGNORECASE),
    "fr": re.compile(r"(?:la plupart|la majorité|certaine?s|beaucoup|aucune?|chacune?|"
                     r"l['’]une?|plusieurs|deux|trois|une partie|la moitié) d['’]entre "
                     r"(?:eux|elles|nous|vous)\b", re.IGNORECASE)}


def _bare_subject(doc: Any) -> bool:
    """The main verb's subject is a bare number or quantity (« Neuf sont situées dans le
    Finistère », "Two were arrested", « La plupart ont fui »): nothing in the sentence says of
    what."""
    for token in doc:
        if not token.dep_.startswith("nsubj") or token.head.dep_ != "ROOT":
            continue
        children = [c for c in token.children if c.dep_ not in ("det", "punct", "advmod")]
        if children:
            continue  # "Eight of the 10 questions", « Neuf des dix-neuf villes »
        if token.pos_ == "NUM" or token.like_num or token.lower_ in _BARE_QUANTITIES or \
                any(token.lower_ in words for words in NUMBER_WORDS.values()):
            return True
    return False


# A quotation whose speaker is no one named: after the closing quotation mark, an indefinite
# speaker ("an Iowa Republican added", "said a Virginia Democrat", « a confié un proche »).
_ANONYMOUS_SPEAKER = {
    "en": re.compile(r"\"\s*,?\s*(?:(?:said|says|added|adds|wrote|noted|told \w+)\s+)?"
                     r"(?:a|an|one|another)\s+[^\"]{0,60}$", re.IGNORECASE),
    "fr": re.compile(r"[\"»]\s*,?\s*(?:(?:a|ont)\s+)?(?:[a-zé]+(?:-t-(?:il|elle))?\s+)?"
                     r"(?:un|une)\s+[^\"«»]{0,60}$", re.IGNORECASE),
}


def _quoted_whole(text: str) -> bool:
    """A quotation standing alone ("If it's $3,000 a month, people are coming in at
    $3,500."): who said it is in another sentence."""
    text = text.strip()
    return (text[:1] == '"' and text.rstrip(".")[-1:] == '"' and text.count('"') == 2) or (
        text[:1] == "«" and text.rstrip(".")[-1:] == "»" and text.count("«") == 1)


_THIRD_PERSON = {"fr": {"il", "elle", "ils", "elles"}, "en": {"he", "she", "they"}}
# « il faut », « il s'agit », « il reste »: « il » stands for no one.
_IMPERSONAL = {"falloir", "agir", "rester", "manquer", "sembler", "suffire", "exister",
               "paraître", "valoir", "pleuvoir", "arriver"}


# English agent nouns ("the owner", "the scientist", "the assistant"): a person, most likely.
_AGENT_ENDING = re.compile(r"(?:er|or|ist|ian|ant|ent|ee|man|woman)s?$")


def _may_be_a_person(word: Any) -> bool:
    """Whether an English "he" or "she" may stand for ``word``: a name that is no date (the
    model tags persons as organisations too often to trust its other labels: "Ronda
    Vuillemont-Smith, an Oklahoma … contractor, … said she …"), or a noun of a person (a role,
    a title, a sexed word, an agent noun)."""
    if word.pos_ == "PROPN":
        return word.ent_type_ not in ("DATE", "TIME")
    lower = word.lower_
    return lower in lexicon.PERSON_NOUNS or lower in lexicon.ROLE_NOUNS or lower in lexicon.TITLES \
        or lower in lexicon.MALE_WORDS or lower in lexicon.FEMALE_WORDS or \
        (bool(_AGENT_ENDING.search(lower)) and not lower.endswith(("ment", "ents")))


def _unresolved_pronoun(doc: Any, language: str) -> bool:
    """A third-person subject pronoun with nothing in the sentence before it that it can
    stand for (« Ancien chiraquien nommé ministre, il n'était… », "Frith said they face
    charges"): a name, or a noun with its determiner (plural for "they", « ils »)."""
    for token in doc:
        lower = token.lower_
        if lower not in _THIRD_PERSON[language] or not token.dep_.startswith("nsubj"):
            continue
        if language == "fr" and lower == "il" and (
                token.head.lemma_.lower() in _IMPERSONAL or
                (token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("y", "n'y"))):
            continue
        plural = lower in ("they", "ils", "elles")
        if token.head.dep_ != "ROOT" and any(
                t.i > token.i and t.pos_ == "PROPN" and t.dep_.startswith("nsubj") and
                t.head.dep_ == "ROOT" for t in doc):
            return False  # "Asked if he believed…, Roof said": the name follows
        earlier = doc[:token.i]
        for word in earlier:
            if word.pos_ not in ("NOUN", "PROPN") or not word.is_alpha:
                continue
            if lower in ("he", "she") and not _may_be_a_person(word):
                continue  # (thirty-second round) "The 2010 season was marred by an
                # investigation into whether he assaulted …": neither is a "he"
            many = "Plur" in word.morph.get("Number") or any(
                c.dep_ == "conj" for c in word.children)
            if plural and not many:
                continue
            if word.pos_ == "PROPN" or many or any(c.dep_ in ("det", "nummod")
                                                   for c in word.children):
                break
        else:
            return True
        return False
    return False


def _opens_the_sentence(doc: Any, token: Any) -> bool:
    """(thirty-first round) "Now it will inhabit the seven classrooms -- every space is wired
    …": the parser took a later clause for the main one, but only adverbs stand before the
    pronoun — it is the subject of the sentence all the same."""
    return all(t.pos_ in ("ADV", "PUNCT", "CCONJ", "INTJ") for t in doc[:token.i])


_DEFINITE = {"the", "le", "la", "l'", "l’"}
# What tells which person a role noun is: a name, "of …" / « de … », a clause or an apposition.
_NAMING = {"prep", "nmod", "appos", "acl", "relcl", "acl:relcl", "flat:name", "poss"}
# Roles a place has several holders of: "of …" / « du Rhône » tells no one.
_MANY_HOLD = {"député", "députée", "sénateur", "sénatrice", "senator", "élu", "élue"}
_AGED = re.compile(r"\d+-year-old|\bde\s+\d+\s+ans\b|\b(?:âgée?|agée?)\s+de\s+\d+", re.IGNORECASE)


def unnamed_role(doc: Any) -> Any:
    """(thirty-first round) "The captain and his brains trust will doubtless argue …", "the
    highly rated top-order batsman came in at No.6", "The 89-year-old festival impresario
    attended …", « le président a eu une formulation … »: the main verb's subject is a person
    by a role (lexicon.ROLE_NOUNS) or an age alone, with the definite article, no name and
    nothing that tells whose — the sentence before named them. The role's noun, or None."""
    for token in doc:
        if not token.dep_.startswith("nsubj") or token.head.dep_ != "ROOT" or \
                token.pos_ != "NOUN" or "Plur" in token.morph.get("Number"):
            continue
        children = list(token.children)
        if not children or children[0].dep_ != "det" or \
                children[0].lower_ not in _DEFINITE or children[0].i > token.i:
            continue
        phrase = doc[token.left_edge.i:token.i + 1]
        if token.lower_ in _MANY_HOLD:
            after = doc[token.i + 1:token.i + 5]
            if any(t.pos_ == "PROPN" and t.ent_type_ in ("PER", "PERSON")
                   for t in token.subtree) or any(
                    c.dep_ in _NAMING - {"prep", "nmod"} for c in children) or any(
                    one.text[:1].isupper() and two.text[:1].isupper()
                    for one, two in zip(after, after[1:], strict=False)):
                continue  # « le député LREM Damien Adam » (two capitalised words running:
                # a name, however the parse hangs it)
            return token  # (thirty-second round) « Jeudi, le député du Rhône a réitéré ses
            # attaques »: a department has several deputies — which one?
        if any(t.pos_ == "PROPN" or t.text[:1].isupper() and t.i > phrase.start
               for t in token.subtree) or any(c.dep_ in _NAMING for c in children):
            continue  # "the captain of Australia", « le président de la République »,
            # « le Premier ministre »: the role tells who
        if token.lower_ in lexicon.ROLE_NOUNS or _AGED.search(phrase.text):
            return token
    return None


def _unresolved_object(doc: Any, language: str) -> bool:
    """(thirty-first round) "For almost seven hours, the Australians searched for it only to
    fumble when it fell their way", « Une patrouille de sauveteurs passait, par chance, près de
    lui »: "it" as an object, « lui » / « eux » after a preposition, with no noun before it in
    the sentence that it can stand for (the wicket, the swimmer, told of before). Not "make it
    clear that …", "find it hard to …" (it stands for the clause after)."""
    for token in doc:
        if language == "en" and token.lower_ == "it" and token.dep_ in ("pobj", "dobj"):
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if after is not None and (after.pos_ == "ADJ" or after.lower_ == "to" or
                                      after.dep_ in ("oprd", "ccomp", "xcomp")):
                continue
            plural, gender = False, ""
        elif language == "fr" and token.lower_ in ("lui", "eux") and token.i > 0 and \
                doc[token.i - 1].pos_ == "ADP":
            plural, gender = token.lower_ == "eux", "Masc"
        else:
            continue
        if not any(t.pos_ in ("NOUN", "PROPN") and t.is_alpha and
                   ("Plur" in t.morph.get("Number")) == plural and
                   (t.pos_ == "PROPN" or not gender or gender in t.morph.get("Gender")) and
                   t.ent_type_ not in ("NORP", "DATE", "TIME") and
                   (language == "fr" or t.ent_type_ != "PERSON") and
                   t.lower_ not in lexicon.DAY_AND_MONTH_NAMES
                   for t in doc[:token.i]):
            return True
    return False


def _anaphoric_subject(doc: Any, language: str) -> bool:
    """"The couple rents an apartment…", « Le duo a… »: a subject that stands for people
    named earlier (the definite article and a noun such as couple, pair, man, victim)."""
    definite = {"the", "le", "la", "l'", "les"}
    for token in doc:
        if not token.dep_.startswith("nsubj") or token.head.dep_ != "ROOT" or \
                token.lower_ not in lexicon.ANAPHORIC_NOUNS[language]:
            continue
        children = list(token.children)
        determiners = [c for c in children if c.dep_ == "det"]
        if determiners and determiners[0].lower_ in definite and all(
                c.dep_ in ("det", "amod", "nummod", "punct") for c in children):
            return True
    if _epithet(doc, language):
        return True
    for token in doc:  # « Les deux associations recevront … », "The three men were …"
        if not token.dep_.startswith("nsubj") or token.head.dep_ != "ROOT" or \
                token.pos_ not in ("NOUN", "PROPN"):
            continue
        children = list(token.children)
        if any(c.dep_ == "det" and c.lower_ in definite for c in children) and any(
                c.dep_ == "nummod" and c.is_alpha for c in children) and all(
                c.dep_ in ("det", "amod", "nummod", "punct") for c in children):
            return True
    return False


_NO_EPITHET = {"same", "other", "whole", "entire", "next", "first", "last", "only", "même",
               "autre", "entier", "entière", "premier", "première", "dernier", "dernière",
               "seul", "seule", "prochain", "prochaine", "host", "hôte"}


def _epithet(doc: Any, language: str) -> bool:
    """(twenty-sixth round) "The North African nation has recorded …", "the Gulf state",
    « la formation liégeoise »: a definite noun a story calls back a name by, with an
    adjective or a people's name and nothing that tells which one (no "of …", no name)."""
    definite = {"the", "le", "la", "l'", "les"}
    for token in doc:
        if token.lower_ not in lexicon.EPITHET_NOUNS[language] or token.pos_ != "NOUN":
            continue
        if token.lower_ == "side" and token.head.lower_ in ("on", "of", "from"):
            continue  # "On the Republican side, …": a camp, no team named before
        children = list(token.children)
        if not children or children[0].dep_ != "det" or children[0].lower_ not in definite:
            continue
        described = [c for c in children[1:] if c.dep_ in ("amod", "compound") and (
            c.ent_type_ == "NORP" or c.pos_ == "ADJ" and c.text[:1].islower())]  # not
        # « l'équipe de France », "the Kyiv region" (a name, tagged an adjective): they name it
        if described and all(c.dep_ in ("det", "amod", "compound", "punct") or c in described
                             for c in children) and not any(
                t.dep_ in ("prep", "appos", "flat:name") for t in token.subtree
                if t.i > token.i):
            if any(c.lower_ in _NO_EPITHET or c.tag_ in ("JJS", "JJR") for c in described):
                continue  # "the same country", "the whole nation", "the largest city"
            return True
    return False


# A dateline the importer left at the head of a paragraph: "PUTRAJAYA, Nov 22 — ", "LINDI: ",
# « PARIS (AFP) - ».
DATELINE = re.compile(r"^(?:[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{2,40}(?:,\s*(?:[A-Z][a-z]{2,4}\.?\s+\d{1,2}|"
                      r"\d{1,2}\s+[a-zé]{3,9}\.?|"
                      # (twenty-seventh round) "HOUSTON, Texas (KTRK) --": a state, then the
                      # station or agency in brackets
                      r"[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+)?(?=\s*\([^()]{2,30}\))))?"
                      r"(?:\s*\([^()]{2,30}\))?\s*(?:[—–:]|-{1,2})|"
                      # "New Delhi: Government does not …", "Kolkata (PTI): …": a place's name
                      # in title case, then a colon
                      r"[A-ZÀ-Ý][a-zà-ÿ'’-]+(?:\s+[A-ZÀ-Ý][a-zà-ÿ'’-]+){0,2}(?:\s*\([^()]{2,30}\))?"
                      r"\s*:)\s+(?=[A-ZÀ-Ý«\"“])")


# Linking words that are only adverbs ("besides", "still", "in addition" are prepositions or
# adjectives too): before a capital, no comma needed to tell them linking words.
_ADVERBS_ONLY = {"however", "meanwhile", "moreover", "furthermore", "nevertheless",
                 "nonetheless", "indeed", "additionally", "consequently"}


def strip_connective(text: str, language: str) -> tuple[int, str]:
    """The sentence without a leading linking word (« En effet, »): (offset, rest)."""
    dateline = DATELINE.match(text)
    if dateline and len(text[dateline.end():].split()) >= 6:
        rest = text[dateline.end():]
        return len(text) - len(rest), rest  # "PUTRAJAYA, Nov 22 — Private companies…"
    lowered = text.translate(SAME_LENGTH).lower()
    for word in lexicon.CONNECTIVES[language]:
        # "In addition to the CDPJ, …", « De plus en plus … », "Still more …": a preposition or
        # an adverb, not a linking word, unless a comma follows.
        needs_comma = " " in word or language == "en" and word not in ("but", "and", "so", "yet")
        if needs_comma and word in _ADVERBS_ONLY and re.match(r" [A-ZÀ-Ý]", text[len(word):]):
            needs_comma = False  # "However Prof Lewin said …": an adverb that is never a
            # preposition, before a name, links without its comma (29th round)
        if lowered.startswith(word) and len(text) > len(word) and \
                text[len(word)] in ("," if needs_comma else " ,"):
            rest = text[len(word):].lstrip(" ,")
            if _RELATIVE_TO_BEFORE[language].match(text):
                break  # « Par exemple, si … », "For example, if …": a hypothetical case, which
                # needs the sentence before (``rejection``), not a linking word
            phrase = re.match(r"([^\W\d_]+),", rest)
            if text[len(word)] == " " and phrase and \
                    phrase.group(1).lower() not in lexicon.CONTEXT_STARTERS[language]:
                break  # "So far, …", « Et alors, … »: a phrase of its own, not a linking word
                # (« Et ça, c'est … » is one: « ça » then points back)
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
        if fact.start > 0 and text[fact.start - 1].isalpha():
            continue  # "S$5,500", "HK$20": a currency code glued to the figure would stay
            # behind its blank ("set higher at S_____"; twenty-first round)
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


# The last words of an office that starts with a title word ("Lord Great Chamberlain", "Lord
# Chancellor", "Lord Mayor", "Lord Privy Seal").
_OFFICE_ENDS = {"chamberlain", "chancellor", "mayor", "seal", "marshal", "steward", "provost",
                "advocate", "lieutenant", "president", "speaker", "admiral", "justice"}

# The last word of a firm's name ("… and Digital Solutions", "… & Sons").
_FIRM_ENDINGS = {"solutions", "services", "systems", "technologies", "associates", "sons",
                 "industries", "holdings", "consulting", "logistics", "resorts", "hotels"}


def _ends_a_title(doc: Any, i: int) -> bool:
    """The capitalised word at ``i`` ends a capitalised title ("Secretary for Economic Affairs
    Choi Sang-mok": the phrase before it, capitalised words joined by « of », « for »,
    « de », holds a title word): not a first name the model missed (« Vladimir » of
    « Vladimir Poutine », « l'AFP Savera Mosnier », "President Joe Biden")."""
    j, between = i - 1, False
    while j >= 0 and i - j <= 6 and (doc[j].text[:1].isupper() and doc[j].is_alpha or
                                     doc[j].lower_ in ("of", "for", "de", "du", "des", "and")):
        if doc[j].lower_.rstrip(".") in lexicon.TITLES and doc[j].text[:1].isupper():
            return between  # "President Joe Biden", "Prime Minister Justin …": a first name
        between = True
        j -= 1
    return False


def _entities(sentence: Sentence, text: str, language: str) -> list[Fact]:
    doc = sentence.doc
    found: list[Fact] = []
    for entity in doc.ents:
        kind = ENTITY_KINDS.get(entity.label_)
        tokens = list(entity)
        if kind is None and entity.label_ == "MISC" and len(tokens) >= 2 and all(
                t.pos_ == "PROPN" for t in tokens):
            kind = "person"  # « Vladimir » MISC + « Poutine »: the model misses first names
        elif kind is None and entity.label_ in ("WORK_OF_ART", "MISC"):
            kind = "title?"  # a work if it stands in quotation marks (“Joker”), else nothing
        if kind is None:
            continue
        end_token = entity.end
        # « Donald J. » + « Trump »: extend a name over the proper nouns that follow it.
        while kind == "person" and end_token < len(doc) and doc[end_token].pos_ == "PROPN" \
                and doc[end_token].text[:1].isupper() and end_token - entity.start < 4:
            end_token += 1
        if kind == "person" and entity.start > 0 and doc[entity.start - 1].pos_ == "PROPN" \
                and doc[entity.start - 1].text[:1].isupper() and doc[entity.start - 1].ent_type_ \
                in ("", "MISC", "PER", "PERSON") and not _ends_a_title(doc, entity.start - 1):
            start_token = entity.start - 1
        else:
            start_token = entity.start
        # « Mayor Linda Okafor », « le président Macron »: the title is not the name.
        titled = start_token
        if kind == "person":
            start_token += leading_titles([t.text for t in doc[start_token:end_token]],
                                          lexicon.TITLES | lexicon.FAMILY_TITLES)
        if start_token > titled and doc[end_token - 1].lower_ in _OFFICE_ENDS:
            continue  # (twenty-sixth round) "Lord Great Chamberlain", "Earl Marshal": an office,
            # no person's name once its title is taken out
        span = doc[start_token:end_token]
        name = span.text.strip(" ,;:")
        if name.endswith("'s"):
            name = name[:-2].rstrip()  # "Tony Abbott's office": the blank is the name only
        owner = re.search(r"'s\s", name) if kind == "person" else None
        if owner:  # "Jeff Bezos's Blue (Origin)", "Elon Musk's SpaceX": the owner is the name
            name = name[:owner.start()].rstrip()
        if kind in ("person", "org") and re.match(r"(?:Greater|Grand)\s+[A-Z]", name):
            kind = "place"  # "As Greater Sydney comes to grips with …", Greater London,
            # « le Grand Paris »: a metropolitan area, offered persons as a "person"
        if name.endswith(("'", "’")):  # « Moody' » + « s »: the model cut the name
            after = text[span.start_char + len(name):]
            name = name + "s" if re.match(r"s(?![\w'’-])", after) else name[:-1].rstrip()
        if name.endswith(".") and "." not in name[:-1]:
            name = name[:-1]  # a full stop, not the end of « U.S. »
        if name.isupper() and len(name.replace(".", "")) > 5:
            continue  # « (FRANCE 24 with AFP, REUTERS) »: a credit line, not the news
        if any(t.is_lower and t.pos_ in ("VERB", "AUX") for t in span[1:-1]):
            continue  # (thirtieth round) "Garrett hit Rudolph" tagged as one organisation:
            # a clause, offered as a wrong answer among the NFL and USA Today
        if (kind != "person" or len(span) == 1) and not any(
                t.pos_ == "PROPN" for t in span if kind != "person") and all(
                "Plur" in t.morph.get("Number") for t in span if t.is_alpha):
            continue  # « Français », "Americans": people of a place, not the place
        following = doc[end_token] if end_token < len(doc) else None
        if kind == "place" and following is not None and (
                following.text.startswith("-") or following.pos_ == "NOUN" and
                following.text.islower() and language == "en"):
            continue  # "the US state of Louisiana", "US-based": the name is an adjective
        modifier = language == "en" and span[-1].dep_ in ("compound", "amod") and \
            span[-1].head.i >= end_token  # "in Netflix domestic drama", "the Meta outage"
        if kind == "place" and modifier:
            continue  # a place's name used as an adjective is no place where it stands
        if not name or not name[0].isupper() or any(c.isdigit() for c in name) or \
                len(name) < 2 or len(span) > 6 or "«" in name or '"' in name:
            continue
        start = span.start_char
        end = start + len(name)
        if text[start - 1:start] in ("#", "@") or re.match(r"[-‑][^\W\d_]", text[end:end + 2]) \
                or start > 1 and re.match(r"[^\W\d_][-‑]", text[start - 2:start]):
            continue  # "#Hamilton Chicago", a hashtag; « Tel » of « Tel-Aviv »: a piece of a word
        leading = re.match(r"(?:(La|Le|Les)\s+|(L)')(?=[A-ZÀ-Ý])", name) \
            if language == "fr" and kind != "person" else None
        if leading:  # « La Chine a appelé »: the article is no part of the name
            name = name[leading.end():]
        if _page_junk(name, text, start, end) or not_a_name(name, text[:start]):
            continue  # "Mike Cason/mcason@al.com", "Follow Wendy Koch", "Ont.", « Samedi »,
            # « LIRE AUSSI … », "E", « la tempête Ciaran »
        joined = re.match(r"\s+(?:and|&|et)\s+([A-Z]\w+)((?:\s+[A-Z]\w+){0,3})", text[end:])
        last = (joined.group(2).split() or [joined.group(1)])[-1].lower() if joined else ""
        if joined and any(word in lexicon.ORGANISATION_WORDS or word in
                          lexicon.ORGANISATION_SORTS or word in _FIRM_ENDINGS
                          for word in (joined.group(1).lower(), last)):
            continue  # "Margaritaville Hotels and Resorts", "Precision Cybertechnologies and
            # Digital Solutions": a piece of one name
        if ", " in name or len(span) == 1 and (
                span[0].pos_ == "VERB" or "Inf" in span[0].morph.get("VerbForm") or (
                    language == "fr" and span.start == 0 and name.endswith(("er", "ir")) and
                    end_token < len(doc) and doc[end_token].pos_ == "DET")):
            continue  # "Facebook, Instagram": a list, not a name; « Animer les débats »: a verb
        if language == "en" and name.startswith("The "):
            continue
        if kind in ("person", "org") and not any(t.pos_ == "PROPN" for t in span) and \
                not name.replace(".", "").isupper():
            continue  # « Jackpot », « Celles »: an interjection, a pronoun, not a name
        if _common_noun(name, span, text, sentence, language):
            continue  # "the Bill", "the Government", « Céréales »: a noun, not a name
        if kind != "person" and name.lower() in lexicon.PLANETS:
            continue  # "Venus" tagged as an organisation
        title = _title_at(text, start, end)
        if title == "part":
            continue  # « Mrs _____ », a blank inside a show's title, is no question
        if title == "whole":
            kind = "work"  # « dans « Joker » », "the film “Parasite”": a title, its own kind
        elif kind == "title?":
            continue
        article = ""
        before = _word_before(text, start)
        if leading:
            article = (leading.group(1) or "l'").lower()
            if article == "l":
                article = "l'"
        elif language == "fr":
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
            if match and kind not in ("person", "work") and not modifier:
                article, start = "the", match.start(1)
                before = _word_before(text, start)
        if kind == "person" and len(span) == 1 and before in ("à", "en", "in", "at", "from"):
            kind = "place"  # « arrivé à Katmandou » tagged as a person
        if kind != "work":
            kind = _kind_from_words(kind, name, text, start, before, language, text[end:])
        honorific = _HONORIFIC.match(name) if kind == "person" else None
        if honorific:  # (after the thirty-sixth set) "Ms Plibersek" tagged an organisation:
            # the title is no part of the name, as when the model tags a person (above) —
            # kept, the answer alone was written with it, among full names; _gender then
            # reads the sex from it, before the name
            before, name = name[:honorific.end() - 1].strip().rstrip(".").lower(), \
                name[honorific.end() - 1:]
            start = end - len(name)
            start_token = (token_at(doc, start) or doc[start_token]).i
        gender = _gender(doc, start_token) if kind == "person" else ""
        level = _place_level(name, text[end:], language) if kind == "place" else \
            (organisation_sort(name, text[end:], language) or
             company_before(text[:start])) if kind == "org" else ""
        if kind == "org" and modifier and not level:
            level = lexicon.ORGANISATION_SORTS.get(span[-1].head.lower_, "")  # "SAG awards"
        if kind == "org" and not level and before in ("in", "dans") and set(re.findall(
                r"[\w'-]+", text[:start].lower())[-5:-1]) & lexicon.PUBLICATION_WORDS:
            level = "publication"  # "a new peer-reviewed paper published in _____" (Oxford
            # Open Climate Change): Congress and COP were offered; only journals fit
        if kind == "place" and level == "region":
            continue  # « la Corne de l'Afrique »: it contains the article's countries
        found.append(Fact(start, end, kind, name, article, before, gender, level=level))
    return found


def _title_at(text: str, start: int, end: int) -> str:
    """"whole" when the name is a title in quotation marks (“Joker”, « Parasite »), "part"
    when it is a piece of a short quoted title (“Mrs Maisel”: a blank there breaks the title),
    "" otherwise (no quotation, or a name inside someone's quoted words)."""
    before = text[:start]
    opening = max(before.rfind('"') if before.count('"') % 2 else -1,
                  before.rfind("«") if before.count("«") > before.count("»") else -1)
    if opening < 0:
        return ""
    closers = [position for position in (text.find('"', end), text.find("»", end))
               if position >= 0]
    if not closers:
        return ""
    closing = min(closers)
    inside = text[opening + 1:closing].strip(" .,!?\u00a0")
    if inside == text[start:end]:
        return "whole"
    return "part" if len(inside.split()) <= 6 else ""


_ABBREVIATION_AFTER = re.compile(r"\.(?:[,;:)]|\s+[a-z])")  # "Ont.," not "France."


def _page_junk(name: str, text: str, start: int, end: int) -> bool:
    """A "name" that is the page's furniture, not the news: a credit line with an e-mail or a
    slash ("Mike Cason/mcason@al.com"), a button's text ("Follow Wendy Koch"), or a state's
    abbreviation after a town ("Brampton, Ont.", "Bristol, Va.")."""
    if re.search(r"[/@]|https?:|www\.", name):
        return True
    if name.split(" ")[0].lower() in lexicon.BUTTON_WORDS:
        return True
    return " " not in name and not name.isupper() and text[max(0, start - 2):start] == ", " \
        and text[end:end + 1] == "." and (name in lexicon.STATE_ABBREVIATIONS or
                                           bool(_ABBREVIATION_AFTER.match(text, end)))


_FURNITURE = re.compile(r"\b(?:lire aussi|à lire|read more|read also|see also|voir aussi|"
                        r"à voir|sign up|subscribe|abonnez|newsletter)\b", re.IGNORECASE)
# A named event, not an actor nor a place: « la tempête Ciaran », "Storm Ciarán", "Hurricane
# Milton".
EVENT_WORDS = r"(?:tempête|ouragan|cyclone|typhon|dépression|vague|storm|hurricane|typhoon)"
_EVENT_BEFORE = re.compile(rf"\b{EVENT_WORDS}\s*$", re.IGNORECASE)


_COURTESY_WORDS = {"mademoiselle", "madame", "monsieur", "messieurs", "mesdames", "miss",
                   "mister", "madam", "sir", "dame", "lady", "lord"}


def not_a_name(name: str, before: str = "") -> bool:
    """A "name" that no question asks nor offers: a day or a month (« Samedi », tagged as a
    person at the head of a sentence), page furniture (« LIRE AUSSI Antisémitisme », "Read
    more"), a lone initial ("E" of « Yassin E. »), a named storm (« la tempête Ciaran »)."""
    words = name.lower().replace(".", "").split()
    if len(name.replace(".", "").strip()) <= 1 or name.lower() in _COURTESY_WORDS:
        return True  # « Mademoiselle » alone is nobody's name
    if any(word in lexicon.DAY_AND_MONTH_NAMES for word in words[:1]) and len(words) <= 2:
        return True
    if _FURNITURE.search(name) or re.match(rf"{EVENT_WORDS}\b", name, re.IGNORECASE):
        return True
    return bool(_EVENT_BEFORE.search(before))


_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Mme|Mlle|Dr|Prof)\.?\s+[A-ZÀ-Ý]")
_HONORIFIC_BEFORE = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Mme|Mlle|Dr|Prof)\.?\s+$")


# A given name, then a family name opening on its Arabic particle in lower case ("Fayez
# al-Sarraj", "Abdel Fattah el-Sisi", "Osama bin Laden") — not a place or a group, whose first
# word is a common noun of Arabic ("Sharm el-Sheikh", "Ras al-Khaimah", "Ansar al-Sharia",
# "Hayat Tahrir al-Sham": _PLACE_OR_GROUP_HEADS).
_PARTICLE_NAME = re.compile(r"^(?:[A-ZÀ-Ý][a-zà-ÿ]+\s+){1,2}(?:al-|el-|ben\s|bin\s|ibn\s|abu\s)"
                            r"[A-ZÀ-Ý][\w'’-]+$")
_PLACE_OR_GROUP_HEADS = {"sharm", "ras", "ain", "ansar", "jabhat", "hayat", "tahrir", "jebel",
                         "jabal", "wadi", "bab", "deir", "tell", "dar", "beit", "bir", "kafr",
                         "khan", "hizb", "harakat", "jaish", "jamaat", "liwa", "marsa", "qasr",
                         "sidi", "souk", "mina", "port", "al", "el"}


def _kind_from_words(kind: str, name: str, text: str, start: int, before: str,
                     language: str, after: str = "") -> str:
    """The kind the name's own words and the words around it tell, over the model's label:
    its head noun (« Emanuel African Methodist Episcopal Church » is no person, "Napa County"
    and "Lake Berryessa" are places), the word before it (« l'agence Health Canada »), the noun
    it is said to be (« Dublin II est un règlement »), or a publication before "in" ("a study
    Monday in Nature Climate Change" is no place)."""
    words = name.lower().split()
    if kind in ("org", "place") and (_HONORIFIC.match(name) or _HONORIFIC_BEFORE.search(
            text[max(0, start - 6):start])):
        return "person"  # (twenty-third round) "Mr Ng", tagged an organisation, was asked
        # "Which organisation said …?" with Telegram and DBS offered: a title is a person's
    if kind in ("org", "place") and _PARTICLE_NAME.match(name) and \
            words[0] not in _PLACE_OR_GROUP_HEADS:
        return "person"  # (thirty-third round) « le Gouvernement d'union (GNA) de Fayez
        # al-Sarraj », tagged a place, was offered Paris and Jérusalem: a given name, then a
        # family name with its particle in lower case, is a person's
    if kind == "person" and re.search(r"\b(?:city|town|village|region|province|county|district|"
                                      r"ville|commune|région|village) (?:of|de|d')\s*$",
                                      text[:start], re.IGNORECASE):
        return "place"  # "struck the city of Bila Tserkva", tagged as a person
    level = _level_word(words, language)
    if level and level == (words[-1] if language == "en" else words[0]):
        return "place"  # its head: "Napa County", « Lac Léman »
    if language == "en" and _LEVEL_AFTER.match(after):
        return "place"  # "Orange and Riverside counties", "the Sierra Nevada foothills"
    if kind in ("person", "place") and (any(w in lexicon.ORGANISATION_WORDS for w in words)
                                        or before in lexicon.ORGANISATION_WORDS or
                                        organisation_sort(name, after, language)):
        return "org"  # « Brightwall Studio », "Maastricht University Medical Center"
    if level:
        return "place"  # "Lake Berryessa" (not "County Council", an organisation)
    if kind == "org" and said_to_be_a_place(after):
        return "place"  # « Soumy, la ville principale d'une région », "X is the capital"
    if kind == "place" and before in ("in", "dans", "par", "by"):
        earlier = re.findall(r"[\w'-]+", text[:start].lower())[-5:-1]
        if set(earlier) & lexicon.PUBLICATION_WORDS:
            return "org"
    return kind


_TOWN_WORDS = {"ville", "city", "town", "capitale", "capital", "village", "port", "région",
               "region", "province", "pays", "country"}


# A place's own kind in the (lower-case) noun right after it: "Orange and Riverside counties",
# "Sierra Nevada foothills", "Washington state".
_LEVEL_AFTER = re.compile(r"\s+(counties|county|parish|parishes|foothills|mountains|valley|"
                          r"river|province|provinces|state)\b")
_LEVEL_OF_NOUN = {"counties": "county", "county": "county", "parish": "county",
                  "parishes": "county", "province": "state", "provinces": "state",
                  "state": "state"}


def said_to_be_a_place(after: str) -> bool:
    """The words after a name say it is a town, a region… (« Soumy est la ville principale
    d'une région »): whatever the model tags it, no organisation."""
    said = _SAID_TO_BE.match(after)
    if said is None:
        return False
    return any(noun and noun.lower() in _TOWN_WORDS for noun in (said.group(1), said.group(2)))


_SAID_TO_BE = re.compile(r"(?:\s+(?:est|était|sera|is|was|will be)|,)\s+(?:un|une|le|la|l'|a|"
                        r"an|the)\s*([\w'-]+)(?:\s+([\w'-]+))?", re.IGNORECASE)


# The words before a name that make it a company: "executives from AT&T", "manufacturers,
# including the OCI Group and Hanwha Q Cells", « les constructeurs, dont Renault ».
_COMPANY_BEFORE = re.compile(
    r"(?:\b(?:manufacturers|makers|producers|companies|firms|carriers|providers|operators|"
    r"retailers|suppliers|insurers|automakers|fabricants|constructeurs|entreprises|"
    r"sociétés|opérateurs|industriels),?\s+(?:including|such as|like|among them|notamment|"
    r"dont|comme|tels? que)\s+[^.;:()]*|\b(?:executives|shareholders|shares|stock|"
    r"dirigeants|actionnaires|actions)\s+(?:from|of|at|de|d'|du)\s+(?:the\s+)?)$",
    re.IGNORECASE)


def company_before(before: str) -> str:
    """"company" when the words before a name say it is one, else ""."""
    return "company" if _COMPANY_BEFORE.search(before[-120:]) else ""


def organisation_sort(name: str, after: str, language: str) -> str:
    """An organisation's sort (lexicon.ORGANISATION_SORTS) from its head word: the last word in
    English, or the word before "of"/"for" ("Department of Transportation"), the first (or
    second) in French (« Haute Autorité de santé »); else from the noun it is said to be right
    after it (« Dublin II est un règlement européen », "Nature, a journal"). "" when nothing
    tells."""
    words = [w.strip(".,;:()") for w in name.lower().split()]
    sorts = lexicon.ORGANISATION_SORTS
    if words:
        if language == "en":
            cut = next((i for i, w in enumerate(words) if w in ("of", "for", "on")), len(words))
            heads = [words[cut - 1]] if cut else []
            heads.append(words[-1])
        else:
            heads = [words[0], *words[1:2], words[-1]]
        for head in heads:
            if head in sorts:
                return sorts[head]
    match = _SAID_TO_BE.match(after)
    if match:  # « un règlement européen », « un grand règlement », "a law firm"
        for noun in (match.group(2), match.group(1)):
            if noun and noun.lower() in sorts:
                return sorts[noun.lower()]
    return ""


def _level_word(words: list[str], language: str) -> str:
    """The word of a place's name that tells its level, at either end ("Napa County", "Lake
    Berryessa", « Lac Léman »): the last word first in English, the first in French."""
    if len(words) < 2:
        return ""
    ends = (words[-1], words[0]) if language == "en" else (words[0], words[-1])
    return next((word for word in ends if word in lexicon.PLACE_LEVELS), "")


def _place_level(name: str, after: str, language: str) -> str:
    """What sort of place: a county, a state, a lake… from the name's head word or a list of
    states; a town when a state follows it ("Bristol, Va.", "Brampton, Ont.")."""
    word = _level_word(name.lower().split(), language)
    if word:
        return lexicon.PLACE_LEVELS[word]
    if name in lexicon.STATES:
        return "state"
    noun = _LEVEL_AFTER.match(after) if language == "en" else None
    if noun:
        return _LEVEL_OF_NOUN.get(noun.group(1), "nature")
    if lexicon.is_region(name, language):
        return "region"
    if lexicon.is_country(name, language):
        return "country"
    if re.match(r",\s+(?:[A-Z][a-z]{1,5}\.|[A-Z]\.[A-Z]\.)(?=[\s,;:)]|$)", after) or any(
            after.startswith(f", {state}") for state in lexicon.STATES):
        return "city"
    return ""


def _common_noun(name: str, span: Any, text: str, sentence: Sentence, language: str) -> bool:
    """A capitalised common noun taken for a name: one word that the article also writes in
    lower case, or (English) one word after "the" that is no acronym ("the Bill")."""
    if name.isupper():
        return name in lexicon.COMMON_ACRONYMS  # "RV", "TV", « PDG »
    if " " in name:
        # "Cannabis Use Disorder" (a headline in title case, tagged as a person, shown as
        # "Disorder"): three words or more that the article all writes in lower case.
        return name.count(" ") >= 2 and sentence.article_words is not None and all(
            word.lower() in sentence.article_words for word in name.split(" "))
    lowered = name.lower()
    if lowered in lexicon.ORGANISATION_SORTS or lowered in lexicon.ORGANISATION_WORDS or \
            lowered in lexicon.PLACE_LEVELS:
        return True  # "Resorts", "University": a common noun with a capital
    if lowered in lexicon.NOT_NAMES:
        return True  # « chef d'Etat »
    if sentence.article_words is not None and lowered in sentence.article_words:
        return True
    return language == "en" and bool(re.search(r"\bthe\s+$", text[:span.start_char])) \
        and span[0].pos_ != "PROPN"


def _gender(doc: Any, start_token: int) -> str:
    """A person's gender as the words before the name tell it (« la présidente », "Mrs"):
    the nearest determiner or title, within four words; a title over a complement (« la
    professeure de nutrition Francisca Joly-Gomez »); "" when nothing tells."""
    complement = False  # past « de nutrition »: only a title tells, not « la » of « de la »
    for index in range(start_token - 1, max(-1, start_token - 7), -1):
        word = doc[index].lower_
        if word in lexicon.FEMALE_WORDS:
            return "f"
        if word in lexicon.MALE_WORDS:
            return "m"
        inside_complement = index > 0 and doc[index - 1].pos_ == "ADP"  # « de la Santé »
        if not complement and not inside_complement:
            if word in ("la", "une", "cette", "sa", "mme", "mlle", "mrs", "mrs.", "ms", "ms.",
                        "madame", "mademoiselle"):
                return "f"
            if word in ("le", "un", "ce", "cet", "son", "du", "au", "m.", "mr", "mr.",
                        "monsieur"):
                return "m"
        if doc[index].is_punct or doc[index].pos_ in ("VERB", "AUX"):
            break
        if doc[index].pos_ == "ADP":
            if complement or index < start_token - 3:
                break
            complement = True
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
    """``value`` written as a number of ``style`` is (a fact's style): digits with its
    separators, or words (« huit », "Eight" when the answer has a capital); "" for a value
    that has no word (a count in words is asked from two to twenty)."""
    separator, mark, places = style.split("|")
    if separator.lower() == "words":
        word = WORDS_OF[mark].get(int(value), "") if value == int(value) else ""
        return word.capitalize() if separator == "Words" else word
    places_n = int(places)
    whole = int(value) if not places_n else int(abs(value))
    text = f"{whole:,}".replace(",", separator) if separator else str(whole)
    if places_n:
        fraction = f"{value:.{places_n}f}".split(".")[1]
        text = f"{text}{mark or ('.' if separator != '.' else ',')}{fraction}"
    return text


# Counts written in words that are asked (« huit mois de prison », "Three men have been
# charged"), and the word of each value, for the wrong answers: from two to twenty (« un »,
# "one" are mostly articles; « trente » would get choices such as 24, which have no word).
WORDS_OF = {language: {value: word for word, value in table.items() if 2 <= value <= 20}
            for language, table in NUMBER_WORDS.items()}
_WORD_NUMBER = {language: re.compile(
    r"(?<![\w-])(" + "|".join(sorted(words.values(), key=len, reverse=True)) + r")(?![\w-])",
    re.IGNORECASE) for language, words in WORDS_OF.items()}
# Before a count, a word that makes it a set the article already told of (« les deux
# associations », "the three men"): asking how many is asking what was just said.
_KNOWN_SET = re.compile(r"\b(?:les|ces|ses|leurs|nos|vos|des|aux|the|these|those|its|their|"
                        r"his|her|our|all|tous|toutes|l'un|l'une|one|of)\s+$", re.IGNORECASE)
# A word, figure or comma and a space before: the next word is not the sentence's first.
_INSIDE_A_SENTENCE = re.compile(r"[\w,;]\s+$")
_WORD_RANGE = re.compile(r"\s*(?:ou|or|à|to|et|and|-|–)\s*(?:\d|[a-zé-]+\b)", re.IGNORECASE)


# Each language's number words as one regular expression's alternatives.
_NUMBER_WORD_ALTERNATIVES = {language: "|".join(table) for language, table in
                             NUMBER_WORDS.items()}


def in_words(fact: Fact) -> bool:
    """Whether the count is written in words (« huit mois »): its wrong answers are too, and
    it is asked « Combien … ? » like one in digits."""
    return fact.style.split("|")[0].lower() == "words"


_LARGER_NUMBER_AFTER = re.compile(r"[\s-]+(?:cents?|mille|hundreds?|thousands?|et un|et une|"
                                  r"-et-un|-et-une)\b", re.IGNORECASE)


def _word_numbers(sentence: Sentence, text: str, language: str) -> list[Fact]:
    """Counts written in words, from two to twenty, with their unit: « huit mois », "Three
    men" — not a set already told of, nor one end of a range (« deux ou trois »)."""
    found: list[Fact] = []
    table, words = NUMBER_WORDS[language], _NUMBER_WORD_ALTERNATIVES[language]
    for match in _WORD_NUMBER[language].finditer(text):
        word = match.group(1)
        start, end = match.span(1)
        value = table[word.lower()]
        if _KNOWN_SET.search(text[:start]):
            continue
        if word[:1].isupper() and _INSIDE_A_SENTENCE.search(text[:start]):
            continue  # "according to Nine News": a capital inside the sentence makes the
            # word part of a name, no count ("Eleven News" was a false statement, 29th round)
        after = _WORD_RANGE.match(text, end)
        if after and after.group(0).strip(" -–").split()[-1].lower() in table or re.search(
                rf"\b(?:{words})\s*(?:ou|or|à|to|-|–)\s*$", text[:start], re.IGNORECASE):
            continue  # « deux ou trois jours », "two to three weeks": no single answer
        if _LARGER_NUMBER_AFTER.match(text, end):
            continue  # « deux cents euros le kilo », "two hundred people", « trois mille »:
            # the word is the start of a larger number, not a count of two (twentieth round)
        unit, _unit_end = _unit(sentence.doc, end, language)
        if not unit or unit.split(" ")[0] in MAGNITUDES:
            continue  # « deux millions »: digits' work
        if _counted_in_the_sentence(text, start, end, value, words):
            continue
        writing = "Words" if word[:1].isupper() else "words"
        found.append(Fact(start, end, "number", word, before=_word_before(text, start),
                          unit=unit, value=float(value), style=f"{writing}|{language}|0"))
    return found


def _counted_in_the_sentence(text: str, start: int, end: int, value: int, words: str) -> bool:
    """Whether the sentence gives a count away or makes it an inventory's item: its things
    listed (``_listed_in_the_sentence``), or another count joined to it ("a chair that
    contains three fans and two heating elements")."""
    count = rf"(?:\d|\b(?:{words})\b)"
    after, before = text[end:], text[:start]
    if re.match(rf"\s+[\w'-]+(?:\s+[\w'-]+)?\s*,?\s+(?:et|and)\s+{count}", after,
                re.IGNORECASE) or re.search(
                rf"{count}\s+[\w'-]+(?:\s+[\w'-]+)?\s*,?\s+(?:et|and)\s+$", before,
                re.IGNORECASE):
        return True
    return _listed_in_the_sentence(text, start, end, value)


def _listed_in_the_sentence(text: str, start: int, end: int, value: int) -> bool:
    """Whether the sentence lists the ``value`` things it counts: after the count (« A savoir
    trois journaux, La Provence, Corse Matin et Nice Matin », "in 14 countries, including …")
    or just before it, the count in apposition (« dans l'Hérault et le Gard, deux
    départements », twenty-ninth round)."""
    after, before = text[end:], text[:start]
    listed = re.match(r"\s+[\w'-]+(?:\s+(?:de|des|du|d['’]|of|in)\s*[\w'’-]+)?\s*[,:]\s*"
                      r"(.+?)(?:[.;)]?\s*$|,\s+(?!(?:les?|la|l['’]|the|et|and)\b)(?=[a-zà-ÿ]))",
                      after)  # (thirty-seventh round) « deux départements des Pyrénées, les
    # Hautes-Pyrénées et les Pyrénées-Atlantiques, en vigilance orange »: the noun's own
    # complement before the list, and the list closed by a comma before the sentence goes on
    if listed:
        items = [i for i in re.split(r",\s*|\s+(?:et|and)\s+", listed.group(1)) if i.strip()]
        if len(items) == value and all(len(i.split()) <= 5 for i in items):
            return True
    named = re.search(r"(?:^|\b(?:dans|en|à|au|aux|par|pour|in|at|to|from|by|for)\s+)"
                      r"((?:[^,;:()]{1,40}?,\s*)*[^,;:()]{1,40}?\s+(?:et|and)\s+[^,;:()]{1,40}?)"
                      r"\s*,\s*$", before, re.IGNORECASE)
    if named:
        items = [i for i in re.split(r",\s*|\s+(?:et|and)\s+", named.group(1)) if i.strip()]
        if len(items) == value and all(len(i.split()) <= 4 for i in items):
            return True
    return value == 2 and bool(_BOTH.search(f"{before} {after}"))


# (thirtieth round) The two things named with « à la fois … et … », "both … and …":
# « deux meetings simultanés …, lui permettant d'être à la fois à Lyon et à Aubervilliers ».
_BOTH = re.compile(r"\b(?:à\s+la\s+fois|both)\b[^.;:]{1,60}?\s(?:et|and)\s", re.IGNORECASE)


# A figure given in two units, the second in brackets (as news agencies write measures).
_CONVERTED = r"\s*\((?:about |roughly |nearly |some |soit |environ )?"
_CONVERSION_AFTER = re.compile(r"(?:[\s-]*[^\W\d_]+\.?){1,2}" + _CONVERTED
                               + r"[\d.,\u00a0\u202f ]*\d[\s-]*[^\W\d_]")
_CONVERSION_BEFORE = re.compile(r"\d(?:[\s-]*(?:[^\W\d_]+\.?|[$£€])){1,2}" + _CONVERTED + "$")
# (thirty-seventh round) a price too: « à partir de 62 335 £ (70 105 €) », the rate of exchange
# gives the euros


# What an English year before 1800 follows ("in 1761", "since 1650", "a 1761 work"); a bare
# four-digit figure elsewhere may be a count written without its comma ("About 1500 people").
_EARLY_YEAR_BEFORE = re.compile(r"\b(?:in|since|from|until|by|circa|c\.|an?|the)\s+$",
                                re.IGNORECASE)


def _counts_a_noun(doc: Any, start: int) -> bool:
    """Whether the figure at ``start`` counts the noun after it ("in 1500 days", "the 1500
    people"), but for a work or an event it dates ("a 1761 work": a year)."""
    token = token_at(doc, start)
    return token is not None and token.dep_ == "nummod" and token.head.i == token.i + 1 and \
        token.head.tag_ in ("NNS", "NNPS")


def _numbers(sentence: Sentence, text: str, language: str) -> list[Fact]:
    doc = sentence.doc
    found: list[Fact] = _word_numbers(sentence, text, language)
    for match in _NUMBER.finditer(text):
        digits, decimals = match.group(1), match.group(2)
        start, end = match.start(), match.end()
        before_text, after_text = text[:start], text[end:]
        # A range (« entre 10 et 12.000 », "10-12") or a list: no single right answer.
        if re.match(r"\s*(?:et|à|and|to|-|–|ou|or)\s*\d", after_text) or re.search(
                r"\d\s*(?:et|à|and|to|-|–|ou|or)\s*$", before_text) or re.search(
                r"\b(?:entre|between)\s+$", before_text, re.IGNORECASE):
            continue
        named = re.search(r"(?:^|\s)([A-Z][\w.]*)\s$", before_text)
        if named and not re.fullmatch(r"\d{4}", digits) and \
                named.group(1).lower() not in QUANTITY_WORDS:
            continue  # « Year 9 », "Article 5": a name, not a quantity (but "About 62%")
        if _inside_a_name(doc, before_text, start, end):
            continue  # "Blade Runner 2049", "iPhone 14", "iOS 16", « Paris 2024 »: the number
            # is part of a title or a product's name — blanked, the name gives it away or
            # asks a catalogue (twenty-second round)
        if _CONVERSION_AFTER.match(after_text) or _CONVERSION_BEFORE.search(before_text):
            continue  # "a 154-pound (70-kilogram) man", "130 kilometres (80 miles)": the other
            # unit gives the figure away
        try:
            value, style = _parse_number(digits, decimals, language)
        except ValueError:
            continue
        plain = re.fullmatch(r"\d{4}", digits) and not decimals
        if plain and (re.search(r"\bann[ée]es\s+$", before_text, re.IGNORECASE) or
                      after_text.startswith("s")):
            continue  # « les années 1970 », "the 1990s": a decade, not a year
        if plain and (1800 <= value <= 2100 or language == "en" and 1000 <= value < 1800 and
                      _EARLY_YEAR_BEFORE.search(before_text) and not _counts_a_noun(doc, start)):
            # (thirty-fourth round) "in 1761", "a 1761 work": a year (its wrong answers were
            # 969, 3170, 2818 as a count's); not "About 1500 people", "$1500", "1200 metres"
            if re.search(r"\ban?\s+$", before_text, re.IGNORECASE) and \
                    re.match(r"\s+[a-z]", after_text):
                continue  # "a 2014 study warned", "a 1991 law that allows …": the year only
                # dates what the sentence cites by the way (twenty-ninth round)
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
        if value == int(value) and 2 <= value <= 30 and _listed_in_the_sentence(
                text, start, end, int(value)):
            continue  # (twenty-ninth round) "in 14 countries, including United States, Canada,
            # … and Finland": the sentence lists what it counts, in digits as in words
        if text[end:end + 1] in "%€$" or text[end:end + 2] in (" %", " €", " $"):
            blank_end = end + (1 if text[end:end + 1] in "%€$" else 2)
        found.append(Fact(start, blank_end, "number", text[start:blank_end],
                          before=_word_before(text, start), unit=unit, value=value,
                          style=style))
    return found


# A word with a capital letter anywhere ("Runner", "iPhone", "iOS", "COP"), right before a number.
_NAME_WORD_BEFORE = re.compile(r"(?:^|[\s(])([\w.'’-]*[A-ZÀ-Ý][\w.'’-]*)\s$")


def _inside_a_name(doc: Any, before_text: str, start: int, end: int) -> bool:
    """Whether the number at ``start`` is the last part of a name: right after a word written
    with a capital (not the sentence's first word, a month, a weekday or a quantity word —
    "January 2017", "In 2019", "About 62%") or after another word of the same named entity
    (a work, a product, an event, an organisation: "Paris 2024", "Windows 11")."""
    named = _NAME_WORD_BEFORE.search(before_text)
    if named is not None:
        word = named.group(1).rstrip(".")
        first = not before_text[:named.start(1)].strip(" (\"“«")
        if not first and not word.isdigit() and word.lower() not in QUANTITY_WORDS and \
                word.lower() not in lexicon.DAY_AND_MONTH_NAMES and \
                word.lower() not in _MONTH_ABBREVIATIONS and \
                not word.lower().endswith(("'s", "’s")) and \
                not (word.isupper() and len(word) == 3 and word in _CURRENCY_CODES):
            return True
    for entity in doc.ents:
        if entity.label_ in ("WORK_OF_ART", "PRODUCT", "EVENT", "ORG", "FAC", "LAW", "MISC") \
                and entity.start_char < start and end <= entity.end_char and \
                any(t.idx < start and t.text[:1].isupper() for t in entity):
            return True
    return False


_MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                        "nov", "dec", "janv", "févr", "avr", "juil", "déc"}
_CURRENCY_CODES = {"USD", "EUR", "GBP", "CHF", "JPY", "CAD", "AUD", "CNY", "INR", "ZAR", "SGD",
                   "HKD", "NZD", "SEK", "NOK", "DKK", "RUB", "BRL", "MXN", "KRW"}


def _unit(doc: Any, number_end: int, language: str) -> tuple[str, int]:
    """The unit after a number: %, €, $ or the first noun within three words; magnitude
    words (millions…) are kept with it."""
    after = [t for t in doc if t.idx >= number_end][:4]
    if not after:
        return "", number_end
    if after[0].text in ("%", "€", "$"):
        return after[0].text, after[0].idx + len(after[0].text)
    if after[0].text == "-" and after[0].idx == number_end and len(after) > 1 and \
            after[1].idx == number_end + 1 and after[1].pos_ == "NOUN" and \
            after[1].is_lower and len(after[1].text) >= 3:
        # "a 150-foot fence", "the 127-year-old monument": the unit glued by a hyphen
        return after[1].lemma_.lower(), number_end
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

    def add(match: re.Match[str], day: int, month: int, year: str | None, style: str) -> None:
        if 1 <= day <= days_in_month(month, int(year) if year else None):
            found.append(Fact(match.start(), match.end(), "date", match.group(0),
                              before=_word_before(text, match.start()),
                              value=float(int(year or 0) * 10000 + month * 100 + day),
                              style=f"{style}-year" if year else style))

    if language == "fr":
        pattern = re.compile(rf"\b(1er|\d{{1,2}})\s+({names})(?:\s+(\d{{4}}))?\b", re.IGNORECASE)
        for match in pattern.finditer(text):
            add(match, 1 if match.group(1) == "1er" else int(match.group(1)),
                months.index(match.group(2).lower()) + 1, match.group(3), "day-month")
        return found
    pattern = re.compile(rf"\b({names})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,\s+(\d{{4}}))?\b")
    for match in pattern.finditer(text):
        add(match, int(match.group(2)), months.index(match.group(1)) + 1, match.group(3),
            "month-day")
    # (twenty-sixth round) The British order, the day first ("on 27 March", "27 March 2024"):
    # a date too, not a figure whose wrong answers ("37 March") are no day at all.
    british = re.compile(rf"(?<![\w.,])(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({names})"
                         rf"(?:,?\s+(\d{{4}}))?\b")
    for match in british.finditer(text):
        add(match, int(match.group(1)), months.index(match.group(2)) + 1, match.group(3),
            "day-month")
    # (twenty-fourth round) The news agencies' style abbreviates a month before a day ("the
    # Sept. 9 meeting", "Dec. 20"): a date as well, its wrong answers written alike.
    for match in _AP_DATE.finditer(text):
        add(match, int(match.group(2)), AP_MONTHS.index(match.group(1) + ".") + 1,
            match.group(3), "ap-month-day")
    return found


# The months the news agencies abbreviate before a day (AP style; March to July are written
# out, and matched by the full names).
AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
             "Nov.", "Dec."]
_AP_DATE = re.compile(r"(?<![\w.])(Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.\s+(\d{1,2})(?:st|nd|rd|th)?"
                      r"(?:,\s+(\d{4}))?\b")


def days_in_month(month: int, year: int | None = None) -> int:
    """The days of ``month`` (1–12); February has 29 when the year is not known."""
    return calendar.monthrange(year or 2024, month)[1]


def format_date(value: float, style: str, language: str) -> str:
    number = int(value)
    year, month, day = number // 10000, number // 100 % 100, number % 100
    name = lexicon.MONTHS[language][month - 1]
    if language == "fr":
        text = f"{'1er' if day == 1 else day} {name}"
        return f"{text} {year}" if style.endswith("year") else text
    if style.startswith("ap-"):
        name = AP_MONTHS[month - 1]
    if style.startswith("day-month"):  # "27 March 2024": the British order, no comma
        return f"{day} {name} {year}" if style.endswith("year") else f"{day} {name}"
    text = f"{name} {day}"
    return f"{text}, {year}" if style.endswith("year") else text
