"""Forms of the teacher blueprint."""

from __future__ import annotations

import datetime as dt
import re

from anyascii import anyascii
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    AnyOf,
    DataRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from ..articles import ascii_words
from ..drafting.models import MODELS
from ..forms import ARTICLE_LANGUAGES, Form, QuizSearchForm, no_control_characters
from ..models import CLASSES, EVERYONE
from ..questionfile.review import is_missing_explanation
from ..questionfile.text import same_choice
from ..services.classes import school_year_as_written, school_year_backwards
from ..services.importer import SLUG, content_hash
from ..templating import long_date, school_zone


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


ADDRESS_TYPED_LONGEST = 120  # the address fields' Length


def _one_line(value: str | None) -> str | None:
    """A box's lines joined, as the question file writes the field on one line: Enter in the
    prompt or the explanation was refused twice (« Keep it on one line », and « Remove the
    invisible control characters » for the line break itself)."""
    return " ".join(value.split()) if isinstance(value, str) else value


def _typed_address(value: str | None) -> str | None:
    """A quiz address typed as words (« Taxe Trottinettes Été 2026 ») made one as a file's
    name or an article's title is (taxe-trottinettes-ete-2026): refused before, while a file
    of that name was taken as it is (a file's name drops an apostrophe: « L’École.md » is
    lecole, where « L’École » typed is l-ecole, as from an article's title). One with no letter
    a to z once written in Latin letters (« … ») stays as typed, for the rule's message;
    « Вибори 2026 » is vybory-2026."""
    value = _strip(value)
    if not value or SLUG.match(value):
        return value
    made = ascii_words(anyascii(value), ADDRESS_TYPED_LONGEST)  # « cœur » → coeur, ß → ss
    return made if re.search("[a-z]", made) else value


def _identifier_rule() -> Regexp:
    """A quiz's address (slug) and a question's id follow the importer's rule, as question
    files' names and keys do."""
    return Regexp(SLUG, message=_l("Use lowercase letters without accents (a to z), digits, "
                                   "hyphens and underscores only."))


def _school_year(value: str | None) -> str | None:
    return school_year_as_written(value) if isinstance(value, str) else value


class ClassForm(Form):
    name = StringField(_l("Class name"), filters=[_strip],
                       validators=[no_control_characters, DataRequired(_l("Name the class.")),
                                   Length(max=80)],
                       description=_l("e.g. “Year 9 History” or “9B”"))
    school_year = StringField(_l("School year"), filters=[_school_year],
                              validators=[no_control_characters,
                                          DataRequired(_l("Give the school year.")),
                                          Length(max=20)],
                              description=_l("e.g. 2026-2027"))
    submit = SubmitField(_l("Create the class"))

    def validate_school_year(self, field: StringField) -> None:
        if field.data and school_year_backwards(field.data):
            raise ValidationError(_l("A school year runs from one year to the next: write it "
                                     "as 2026\u20112027."))  # (a hyphen no line breaks at)


class RenameClassForm(ClassForm):
    """The class's name and school year changed (a typo): the same fields and rules."""

    submit = SubmitField(_l("Save the name"))


def _school_years(form: Form, field: DateTimeLocalField) -> None:
    """A date of this century (0001-01-01 cannot even be moved to UTC)."""
    if field.data is not None and not 2000 <= field.data.year <= 2099:
        raise ValidationError(_l("Choose a date between the years 2000 and 2099."))


def _on_the_school_clocks(form: Form, field: DateTimeLocalField) -> None:
    """A time the school's clocks show that day: the hour skipped when they go forward in
    spring (02:30 on the last Sunday of March in Paris) does not exist, and was moved an hour
    without a word. (A time shown twice in autumn is its first.)"""
    typed = field.data
    if typed is None or not 2000 <= typed.year <= 2099:  # said by _school_years (year 1: no UTC)
        return
    zone = school_zone()
    shown = typed.replace(tzinfo=zone).astimezone(dt.UTC).astimezone(zone)
    if shown.replace(tzinfo=None) != typed:
        raise ValidationError(_(
            "%(time)s does not exist in %(zone)s on %(date)s: the clocks go forward that "
            "night. Choose a time after the change, e.g. %(after)s.",
            time=typed.strftime("%H:%M"), zone=zone.key,
            date=long_date(typed.date()),
            after=shown.strftime("%H:%M")))


# A browser's date picker sends the first; one without it (or a hand) may type the second.
_DATE_TIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
# WTForms' own "Not a valid datetime value." says neither what was expected nor how to write it.
_DATE_TIME = _l("Type the date and time as year-month-day hours:minutes, e.g. 2026-12-18 17:00.")

_REVIEW_TIMES = [SelectChoice("now", _l("at once")),
                 SelectChoice("after_due", _l("after the due date")),
                 SelectChoice("never", _l("never"))]


class AssignmentRulesForm(Form):
    """How a quiz is assigned (dates, attempts, review options, practice): the fields of the
    class page's form and of the quiz page's *Publish and assign*, which add what is assigned
    (a quiz, the classes). Rendered by templates/teacher/_assignment_rules.html."""

    opens_at = DateTimeLocalField(_l("Opens on (optional)"),
                                  validators=[Optional(), _school_years,
                                              _on_the_school_clocks],
                                  format=_DATE_TIME_FORMATS, invalid_value_message=_DATE_TIME)
    due_at = DateTimeLocalField(_l("Due on (optional)"),
                                validators=[Optional(), _school_years, _on_the_school_clocks],
                                format=_DATE_TIME_FORMATS, invalid_value_message=_DATE_TIME,
                                description=_l("Attempts after this are kept but marked late, "
                                               "and do not count on the leaderboard."))
    counting = SelectField(_l("Attempt that counts"), choices=[
        SelectChoice("best", _l("The best")), SelectChoice("first", _l("The first")),
        SelectChoice("latest", _l("The latest"))], default="best",
        description=_l("With the best counting, no limit of attempts and right or wrong shown "
                       "at once, a student can take it again until every answer is right: "
                       "choose the first, or allow fewer attempts, for a board that ranks "
                       "what students knew."))
    max_attempts = IntegerField(
        _l("Attempts allowed (optional)"),
        validators=[Optional(), NumberRange(min=1, max=99, message=_l(
            "Type a number of attempts from 1 to 99, or leave it empty for no limit."))],
        description=_l("Empty: as many as each student likes. Every attempt at the quiz "
                       "handed in while in the class since it opened (or was assigned) counts, "
                       "practice ones included."))
    review_score = SelectField(_l("Students see their score"), choices=_REVIEW_TIMES,
                               default="now")
    review_marks = SelectField(
        _l("…which answers were right"), choices=_REVIEW_TIMES, default="now",
        description=_l("Held back while the score is shown and attempts are not limited, they "
                       "can still be worked out from the score, one answer changed at a time: "
                       "allow one or two attempts."))
    review_answers = SelectField(_l("…the right answers, explanations and passages"),
                                 choices=_REVIEW_TIMES, default="after_due",
                                 description=_l("After the due date means at once when there "
                                                "is no due date."))
    practice = BooleanField(_l("Practice mode: one question at a time, each answer explained "
                               "as far as the options above show it"))
    submit = SubmitField(_l("Assign"))

    def validate_due_at(self, field: DateTimeLocalField) -> None:
        if field.data and self.opens_at.data and field.data <= self.opens_at.data:
            raise ValidationError(_l("The due date must come after the opening date."))


class AssignForm(AssignmentRulesForm):
    """The class page's form: a quiz for this class."""

    # Checked by the route against the database: the options are the newest or found ones.
    quiz = SelectField(_l("Quiz"), validators=[DataRequired(_l("Choose a quiz."))],
                       validate_choice=False)


class PublishAssignForm(AssignmentRulesForm):
    """The quiz page's *Publish and assign*: this quiz for one or more of the teacher's
    classes (the route sets the choices)."""

    classes = SelectMultipleField(_l("Classes"), coerce=int,
                                  widget=ListWidget(prefix_label=False),
                                  option_widget=CheckboxInput())

    def validate_classes(self, field: SelectMultipleField) -> None:
        # Not DataRequired: it would mark each checkbox `required`, as if all were needed.
        if not field.data:
            raise ValidationError(_l("Choose at least one class."))


class RosterForm(Form):
    """The names of students to make accounts for, one a line (services.classes.create_students
    checks them: the form only bounds the text)."""

    names = TextAreaField(_l("Their names, one a line"),
                          # Each line is checked as a display name (control characters too).
                          validators=[DataRequired(_l("Type the students' names, one a line.")),
                                      Length(max=6000)],
                          description=_l("As the class will see them on the board, e.g. "
                                         "“Léa M.”; at most 60 at a time."),
                          render_kw={"rows": 14, "spellcheck": "false"})
    submit = SubmitField(_l("Create their accounts"))


class ButtonForm(Form):
    """A POST-only button (regenerate, open/close, hide, remove, unassign): carries the CSRF
    token."""

    submit = SubmitField()


class RegradeForm(Form):
    """The regrade page's button; ``version``: the version whose right answers the page
    showed (a regrade after another version was saved meanwhile is refused)."""

    version = HiddenField()
    submit = SubmitField(_l("Regrade"))


class UploadForm(Form):
    """A question file, uploaded or pasted: one of the two."""

    file = FileField(_l("Question file (.md), or a Moodle file (GIFT or Moodle XML) or an "
                        "Aiken file (UTF-8)"))
    text = TextAreaField(_l("…or paste its text"))
    slug = StringField(_l("Quiz address (for pasted text)"), filters=[_typed_address],
                       validators=[Optional(), Length(max=ADDRESS_TYPED_LONGEST),
                                   _identifier_rule()],
                       description=_l("e.g. senate-vote; an uploaded file's name is used "
                                      "otherwise"))
    article = SelectField(_l("Article for a GIFT, Moodle XML or Aiken file"),
                          validate_choice=False,
                          description=_l("These formats carry no article: take it from a quiz. "
                                         "Each passage is then suggested from it, to confirm."))
    # "address:id" of the version a teacher agreed to replace, when the file gives the quiz
    # already at its address another title or article (the page asks first).
    replaces = HiddenField()
    # What the page itself put in the box and the address field (a file with errors, or one
    # waiting for an agreement): the text's fingerprint and the address. A file chosen while
    # the box still holds exactly that text is the corrected file, sent instead: as a file
    # (its own name gives the address, unless the teacher typed another), asked about afresh.
    shown = HiddenField()
    submit = SubmitField(_l("Check and save"))

    def show_text(self, text: str, slug: str) -> None:
        """Put `text` in the box and `slug` in the address, as the page's own (see `shown`)."""
        self.text.data, self.slug.data = text, slug
        self.shown.data = f"{content_hash(text)}:{slug}"

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        has_file = bool(self.file.data and getattr(self.file.data, "filename", ""))
        has_text = bool(self.text.data and self.text.data.strip())
        shown_text, _sep, shown_slug = (self.shown.data or "").partition(":")
        if has_file and has_text and shown_text == content_hash(self.text.data or ""):
            # The box as the page left it: the file wins, with nothing the page filled for the
            # text it showed (its address, an agreement to replace a quiz with that text).
            self.text.data, has_text, self.replaces.data = "", False, ""
            if self.slug.data == shown_slug:
                self.slug.data = ""
        if has_file and has_text:
            self.text.errors.append(_l("You chose a file and the box holds text you changed: "
                                       "empty the box to send the file, or remove the file to "
                                       "send the text."))
            return False
        if not has_file and not has_text:
            self.text.errors.append(_l("Upload a file or paste its text (one of the two)."))
            return False
        if has_text and not self.slug.data:
            self.slug.errors.append(_l("Give the pasted quiz an address."))
            return False
        return True


class OutdatedForm(Form):
    note = StringField(_l("Note for students"), filters=[_strip],
                       validators=[no_control_characters, Length(max=500)])
    restore = BooleanField()
    submit = SubmitField(_l("Mark outdated"))

    def validate_note(self, field: StringField) -> None:
        if not self.restore.data and not field.data:
            raise ValidationError(_l("Write a short note for the students."))
        if field.data and "\n" in field.data:
            raise ValidationError(_l("Keep the note on one line."))


VISIBILITY_CHOICES = [SelectChoice(CLASSES, _l("The classes it is assigned to")),
                      SelectChoice(EVERYONE, _l("Everyone on this server"))]


class StatusForm(Form):
    status = HiddenField(validators=[AnyOf(["draft", "published", "archived"])])
    # Chosen with Publish (who sees the quiz); absent from Unpublish and Archive.
    visibility = SelectField(_l("Seen by"), choices=VISIBILITY_CHOICES, validators=[Optional()])
    submit = SubmitField()


class VisibilityForm(Form):
    """Who sees a quiz: the students of the classes it is assigned to, or every student."""

    visibility = SelectField(_l("Seen by"), choices=VISIBILITY_CHOICES,
                             validators=[DataRequired()])


MAX_FORM_CHOICES = 6


class QuestionForm(Form):
    """One question of a quiz, edited in the browser; saved as the question file."""

    # The question as the page showed it (question_fingerprint): saved over only if it has
    # not changed since (another tab, a colleague).
    seen = HiddenField()

    key = StringField(_l("Question id"), filters=[_strip],
                      validators=[DataRequired(_l("Give the question an id.")), Length(max=64),
                                  _identifier_rule()],
                      description=_l("Stable: it keeps the question's results together."))
    kind = SelectField(_l("Type"), choices=[SelectChoice("mcq", _l("Multiple choice")),
                                            SelectChoice("true_false", _l("True or false"))])
    prompt = TextAreaField(_l("Question or statement"), filters=[_one_line],
                           validators=[no_control_characters,
                                       DataRequired(_l("Write the question."))])
    choice_0 = StringField(_l("Choice 1"), filters=[_strip])
    choice_1 = StringField(_l("Choice 2"), filters=[_strip])
    choice_2 = StringField(_l("Choice 3"), filters=[_strip])
    choice_3 = StringField(_l("Choice 4"), filters=[_strip])
    choice_4 = StringField(_l("Choice 5"), filters=[_strip])
    choice_5 = StringField(_l("Choice 6"), filters=[_strip])
    correct = SelectField(_l("Correct choice"), choices=[
        SelectChoice(str(n), _l("Choice %(number)s", number=n + 1))
        for n in range(MAX_FORM_CHOICES)], default="0")
    # Defaults: the drafts page shows only the one of `correct` and `answer` the kind needs.
    answer = SelectField(_l("Answer (true or false)"), choices=[
        SelectChoice("true", _l("True")), SelectChoice("false", _l("False"))], default="true")
    passage = TextAreaField(_l("Source passage"), filters=[_one_line],
                            validators=[DataRequired(_l(
                                "Select the passage in the article, or paste it."))],
                            description=_l("Select words in the article, then press “Use the "
                                           "selected text”; or type the passage here, word "
                                           "for word as in the article."))
    explanation = TextAreaField(_l("Explanation"), filters=[_one_line],
                                validators=[no_control_characters,
                                            DataRequired(_l("Explain the answer."))])
    submit = SubmitField(_l("Save the question"))

    def choice_fields(self) -> list[StringField]:
        return [self[f"choice_{n}"] for n in range(MAX_FORM_CHOICES)]

    def name_choices_by_text(self) -> None:
        """The right answer's list says each choice's text (« Choice 2: Thirty minutes »), not
        its number alone, which a teacher matched by counting; static/js/choice-labels.js
        keeps it in step as the choices are typed (the format it needs on the list)."""
        self.correct.choices = [
            SelectChoice(str(n), _("%(choice)s: %(text)s", choice=f.label.text, text=f.data)
                         if f.data else f.label.text)
            for n, f in enumerate(self.choice_fields())]
        self.correct.render_kw = {"data-choice-format": _(
            "%(choice)s: %(text)s", choice="%(choice)s", text="%(text)s")}

    def validate_explanation(self, field: TextAreaField) -> None:
        # A converted question's placeholder (the file's rule, said in this form's words).
        if is_missing_explanation(field.data):
            raise ValidationError(_l("Write the explanation: what the passage shows, and why "
                                     "the other answers are wrong (it still reads “%(text)s”).",
                                     text=field.data))

    def passage_not_found(self) -> str:
        """The passage's error when it is not in the article: what to do on this page."""
        return _("This passage is not in the article: select it in the article (within one "
                 "paragraph).")

    def passage_repeated(self, count: int) -> str:
        """The passage's error when it is in the article more than once."""
        return _("This passage appears %(count)s times in the article: select a longer one.",
                 count=count)

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        # A choice is one line of the file (the prompt, the passage and the explanation have
        # their lines joined: _one_line); a request can still send one with a line break.
        for field in self.choice_fields():
            if field.data and "\n" in field.data.strip():
                field.errors.append(_l("Keep it on one line."))
                valid = False
        if self.kind.data == "mcq":
            filled = [f for f in self.choice_fields() if f.data]
            if len(filled) < 2:
                self.choice_1.errors.append(_l("Give at least two choices."))
                valid = False
            if not self[f"choice_{self.correct.data}"].data:
                self.correct.errors.append(_l("The correct choice is empty."))
                valid = False
            seen: set[str] = set()
            for field in filled:  # the error beside each choice that repeats an earlier one
                same = same_choice(field.data)  # capitals and spaces aside
                if same in seen:
                    field.errors.append(_l("Two choices are the same."))
                    valid = False
                seen.add(same)
        return valid


class MoveForm(Form):
    direction = HiddenField(validators=[AnyOf(["up", "down"])])


class ArticleForm(Form):
    """A news article to turn into a quiz: its address, a saved page, or its text (one)."""

    url = StringField(_l("Address of the article (URL)"), filters=[_strip],
                      validators=[Optional(), Length(max=2000),
                                  Regexp(r"^https?://\S+$", message=_l(
                                      "Give a web address starting with https:// or http://."))],
                      description=_l("e.g. https://www.example.org/2024/11/article.html"))
    file = FileField(_l("…or a saved web page (.html), a Markdown (.md) or a text (.txt) file"))
    text = TextAreaField(_l("…or paste the article's text"),
                         description=_l("The first line is the title; leave a blank line "
                                        "between paragraphs."))
    language = SelectField(_l("Language of the article"), choices=[
        SelectChoice("", _l("Detect it")),
        *(SelectChoice(code, name, {"lang": code}) for code, name in ARTICLE_LANGUAGES)],
        default="")
    slug = StringField(_l("Quiz address (optional)"), filters=[_typed_address],
                       validators=[Optional(), Length(max=ADDRESS_TYPED_LONGEST),
                                   _identifier_rule()],
                       description=_l("Made from the title when left empty."))
    draft = BooleanField(_l("Then draft questions automatically (to review before publishing)"))
    submit = SubmitField(_l("Import the article"))

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        given = [bool(self.url.data),
                 bool(self.file.data and getattr(self.file.data, "filename", "")),
                 bool(self.text.data and self.text.data.strip())]
        if sum(given) != 1:
            self.url.errors.append(_l("Give the article's address, a saved page or its text "
                                      "(one of the three)."))
            return False
        if self.draft.data and self.language.data not in ("", *MODELS):  # drafted languages
            self.draft.errors.append(_l("Questions can be drafted from French or English "
                                        "articles only: untick this box, or choose French or "
                                        "English."))
            return False
        return True


class DraftForm(Form):
    """The « Draft questions » button, with how many to draft."""

    count = IntegerField(_l("How many"), default=10,
                         validators=[Optional(), NumberRange(min=1, max=30)])
    submit = SubmitField(_l("Draft questions"))


class DraftsReviewForm(Form):
    """The drafts page's one form: the version it shows (saving on another is refused) and the
    button that saves every decision; each draft is a DraftDecisionForm within it."""

    version = HiddenField(validators=[DataRequired()])
    submit = SubmitField(_l("Save the review"))


class DraftDecisionForm(QuestionForm):
    """One draft on the drafts page (its fields named after its key by a prefix): accept it,
    as edited in its fields, or reject it. Its key is the draft's, never read from the form."""

    class Meta:
        csrf = False  # the page's DraftsReviewForm carries the token

    decision = RadioField(_l("Decision"), choices=[SelectChoice("accept", _l("Accept")),
                                                   SelectChoice("reject", _l("Reject"))],
                          default="accept")
    # The drafts page has no article beside the fields, and no "Use the selected text": the
    # passage is copied from the paragraph it shows above them.
    passage = TextAreaField(_l("Source passage"), filters=[_one_line],
                            validators=[DataRequired(_l(
                                "Copy the passage from the paragraph shown above."))],
                            description=_l("Copy the words exactly from the paragraph shown "
                                           "above (the highlighted ones, or others of the same "
                                           "paragraph)."))

    def passage_not_found(self) -> str:
        return _("This passage is not in the article: copy the words exactly from the "
                 "paragraph shown above.")

    def passage_repeated(self, count: int) -> str:
        return _("This passage appears %(count)s times in the article: copy a longer one from "
                 "the paragraph shown above.", count=count)

    def validate(self, extra_validators=None) -> bool:
        if self.decision.data == "reject":
            return True  # nothing of a rejected draft is kept
        if self.decision.data != "accept":
            self.decision.errors = [_l("Choose Accept or Reject.")]
            return False
        return super().validate(extra_validators)


class QuizListSearchForm(QuizSearchForm):
    status = SelectField(_l("Status"), choices=[
        SelectChoice("", _l("Any status")), SelectChoice("published", _l("Published")),
        SelectChoice("draft", _l("Draft")), SelectChoice("archived", _l("Archived"))],
        default="")
    mine = BooleanField(_l("Only quizzes I wrote or edited"))


LIVE_FORM_PREFIX = "live"  # its fields' ids (#live-quiz …): apart from any other form's


class LiveStartForm(Form):
    """Start a live session of a quiz with one class (the class page; ``LIVE_FORM_PREFIX``)."""

    # Checked by the route against the database: the options are the newest or found ones.
    quiz = SelectField(_l("Quiz"), validators=[DataRequired(_l("Choose a quiz."))],
                       validate_choice=False)
    countdown = IntegerField(
        _l("Countdown per question, in seconds (optional)"),
        validators=[Optional(), NumberRange(min=5, max=600, message=_l(
            "Type a countdown from 5 to 600 seconds, or leave it empty."))],
        description=_l("Empty: each question stays open until you reveal its answer."))
    speed_breaks_ties = BooleanField(_l("Speed breaks ties (the faster right answers first "
                                        "among equal points)"))
    guests_allowed = BooleanField(_l("Guests may join with a nickname (no account; no attempt "
                                     "is stored for them)"))
    # Offered (by the route) only for a quiz whose assignment keeps its answers from the class.
    reveal_anyway = BooleanField(_l("Play it anyway (each reveal shows the right answer to "
                                    "everyone playing)"))
    submit = SubmitField(_l("Start a live quiz"))


class LiveControlForm(Form):
    """One of the teacher's buttons of a live session (its action in a hidden field)."""

    action = HiddenField(validators=[AnyOf(("next", "reveal", "pause", "resume", "end"))])
