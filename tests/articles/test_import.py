"""Importing an article: saved pages, URLs, Markdown and text → a valid question file."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from flask.testing import FlaskCliRunner

from quiz.articles import ArticleError, FetchLimits, import_source, read_source, slug_for
from quiz.articles.build import ImportedArticle, import_article
from quiz.articles.fetch import fetch_url
from quiz.questionfile import parse_question_file
from tests.support import ARTICLES

LOCAL = FetchLimits(timeout=5, allow_private=True)


def test_a_saved_french_page_keeps_the_article_and_drops_the_rest() -> None:
    imported = import_source((ARTICLES / "fr-tramway.html").read_bytes(), "fr-tramway.html")
    quiz = imported.quiz
    assert quiz.title == "Grenoble inaugure sa nouvelle ligne de tramway"
    assert (quiz.language, quiz.published) == ("fr", "2025-03-14")
    assert (quiz.source, quiz.credit) == ("Le Courrier des Alpes", "Claire Martin")
    assert quiz.questions == () and imported.warnings == ()
    headings = [b.text for b in quiz.article if b.kind == "heading"]
    assert headings == ["Une fréquentation attendue en hausse", "Une deuxième phase déjà prévue"]
    assert quiz.article[0].text.startswith("La ville de Grenoble a inauguré vendredi")
    text = imported.text
    for boilerplate in ("Accueil", "PUBLICITÉ", "Photo Jean Dupuis", "Mentions légales",
                        "À lire aussi", "S’abonner"):
        assert boilerplate not in text, boilerplate
    assert "### Une fréquentation attendue en hausse\n" in text
    assert "l’entreprise qui exploite le réseau" in text  # typography kept as published
    assert parse_question_file(text) == quiz  # the one validator accepts it


def test_an_english_page_is_detected_as_english_and_the_language_can_be_set() -> None:
    data = (ARTICLES / "en-library.html").read_bytes()
    assert import_source(data, "en-library.html").quiz.language == "en"
    assert import_source(data, "en-library.html", language="fr").quiz.language == "fr"
    with pytest.raises(ArticleError, match="not a language code"):
        import_source(data, "en-library.html", language="english")


def test_markdown_keeps_headings_and_drops_links_and_emphasis() -> None:
    imported = import_source((ARTICLES / "fr-velo.md").read_bytes(), "fr-velo.md")
    quiz = imported.quiz
    assert quiz.title == "Une école ferme sa rue aux voitures" and quiz.language == "fr"
    assert [b.kind for b in quiz.article] == ["paragraph", "heading", "paragraph", "paragraph",
                                              "paragraph"]
    assert "à Nantes, est fermée" in quiz.article[0].text
    assert quiz.article[2].text.startswith("Selon une enquête de l’association")
    assert quiz.article[3].text == "Les vélos restent autorisés."
    assert any("no date" in str(warning) for warning in imported.warnings)


def test_a_paragraph_opening_on_a_hashtag_keeps_it_and_the_file_reads_back() -> None:
    """A passage copied from the page with its hashtag is found in the question file."""
    paragraph = "#MeToo a changé la façon dont les entreprises traitent les plaintes. " * 4
    imported = import_source(f"# Titre\n\n{paragraph}\n\n## Un sous-titre\n\n{paragraph}\n"
                             .encode(), "a.md")
    assert [(b.kind, b.text[:12]) for b in imported.quiz.article] == [
        ("paragraph", "#MeToo a cha"), ("heading", "Un sous-titr"), ("paragraph", "#MeToo a cha")]
    assert "\n#MeToo a changé" in imported.text
    assert parse_question_file(imported.text) == imported.quiz


def test_markdown_emphasis_marks_go_where_they_open_or_close_a_word() -> None:
    paragraph = ("Le **vote** a eu lieu *hier*, selon `la mairie` (*Ouest*) « **ici** » ; "
                 "5 * 3 font 15, a*b*c reste, __init__. Voir [le site](https://x.org/a) "
                 "![photo](p.png)et la suite. ")
    article = read_source(f"# Titre\n\n{paragraph * 12}\n".encode(), "a.md")
    assert article.blocks[0][1].startswith(
        "Le vote a eu lieu hier, selon la mairie (Ouest) « ici » ; 5 * 3 font 15, a*b*c "
        "reste, init. Voir le site et la suite.")


@pytest.mark.parametrize("piece", ["*a ", "**a ", "`a ", "a* ", "[a", "[a](", "![a](",
                                   "[a]( "])
def test_a_2_mb_pathological_markdown_file_is_read(piece: str) -> None:
    """Patterns that made the emphasis and link expressions scan the rest of the text from
    every mark (4.8 s at 48 KB, hours at 2 MB, the size a request may send); now linear."""
    text = "# Titre\n\n" + piece * (2_000_000 // len(piece))
    article = read_source(text.encode(), "a.md")
    assert article.title == "Titre" and len(article.blocks[0][1]) > 900_000


def test_plain_text_first_line_is_the_title() -> None:
    article = read_source((ARTICLES / "en-text.txt").read_bytes(), "en-text.txt")
    imported = import_article(article, today=dt.date(2025, 6, 1))
    assert imported.quiz.title == "A village school plants an orchard"
    assert imported.quiz.published == "2025-06-01"
    assert len(imported.quiz.article) == 2 and imported.quiz.language == "en"


def test_a_page_without_an_article_says_so() -> None:
    with pytest.raises(ArticleError, match="no article text was found in this page"):
        import_source((ARTICLES / "no-article.html").read_bytes(), "no-article.html")
    # A text given as such is no page: it is too short, and the message says so.
    with pytest.raises(ArticleError, match=r"the text is too short to make a quiz from \(2 "
                                           r"words after its title\)"):
        import_source("Just a title\n\nToo short.", "pasted.txt")
    with pytest.raises(ArticleError, match=r"\(1 word after its title\)") as caught:
        import_source("Just a title\n\nShort.", "pasted.txt")
    # The hint says how much is enough.
    assert "200 characters at least" in str(caught.value.hint)


def test_a_question_file_is_not_imported_as_an_article() -> None:
    text = Path("questions/exemple-velo-ecole.md").read_text(encoding="utf-8")
    with pytest.raises(ArticleError, match="already a question file"):
        import_source(text, "velo.md")


def test_a_local_url(page_server: str) -> None:
    imported = import_source(f"{page_server}/en-library.html", limits=LOCAL)
    assert imported.quiz.title.startswith("Riverside opens a library")
    assert imported.quiz.url == f"{page_server}/en-library.html"
    assert import_source(f"{page_server}/moved", limits=LOCAL).quiz.title.startswith("Grenoble")


def test_a_page_too_large_is_refused(page_server: str) -> None:
    limits = FetchLimits(timeout=5, max_bytes=1_000_000, allow_private=True)
    with pytest.raises(ArticleError, match="larger than 1 MB"):
        import_source(f"{page_server}/huge", limits=limits)


def test_a_url_that_times_out(page_server: str) -> None:
    limits = FetchLimits(timeout=0.5, allow_private=True)
    with pytest.raises(ArticleError, match="did not answer within 0.5 seconds"):
        import_source(f"{page_server}/slow", limits=limits)


def test_a_page_sent_a_byte_at_a_time_is_cut_at_the_deadline(page_server: str) -> None:
    """Each byte comes before the per-read timeout; only the overall deadline ends it."""
    limits = FetchLimits(timeout=1, deadline=1.5, allow_private=True)
    started = time.monotonic()
    with pytest.raises(ArticleError, match="took more than 1.5 seconds to send the page"):
        import_source(f"{page_server}/drip", limits=limits)
    # Cut near the deadline, long before the 7 s the page takes (not a timing check of speed:
    # the bound is the page's own length).
    assert time.monotonic() - started < 5


def test_not_a_web_page_a_missing_page_and_other_schemes(page_server: str) -> None:
    with pytest.raises(ArticleError, match="not a web page but 'application/pdf'"):
        import_source(f"{page_server}/document.pdf", limits=LOCAL)
    with pytest.raises(ArticleError, match="answered 404"):
        import_source(f"{page_server}/nowhere.html", limits=LOCAL)
    for url in ("ftp://example.org/page.html", "file:///etc/passwd"):
        with pytest.raises(ArticleError, match="cannot be fetched"):
            import_source(url)


def test_private_addresses_are_refused_unless_allowed(page_server: str) -> None:
    with pytest.raises(ArticleError, match="private network"):
        import_source(f"{page_server}/en-library.html")
    with pytest.raises(ArticleError, match="private network"):
        import_source("http://10.1.2.3/page.html", limits=FetchLimits(timeout=0.5))


def test_a_name_that_answers_a_private_address_once_checked_is_refused(
        page_server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS rebinding: a name answers a public address to the check, then the local one when
    the fetch connects. The address reached is checked too, before anything is sent."""
    import socket

    port = int(page_server.rsplit(":", 1)[1])
    real = socket.getaddrinfo
    answers = iter(["93.184.216.34"])  # the check's lookup; every later one: 127.0.0.1

    def rebinding(host, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if host != "rebind.example":
            return real(host, *args, **kwargs)
        address = next(answers, "127.0.0.1")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with pytest.raises(ArticleError, match="private network"):
        fetch_url(f"http://rebind.example:{port}/en-library.html",
                  FetchLimits(timeout=5))


@pytest.mark.parametrize("url", ["http://example.com:99999/", "http://[::1/", "http://h:abc/"])
def test_a_malformed_address_gets_a_clear_error(url: str) -> None:
    with pytest.raises(ArticleError, match="not a valid web address"):
        import_source(url, limits=FetchLimits(timeout=0.5))


@pytest.mark.parametrize("url", ["http://127.0.0.1:5102@93.184.216.34/",
                                 "https://user:secret@example.org/page.html"])
def test_an_address_with_a_user_name_or_password_is_refused(url: str) -> None:
    """The part before '@' is not the host: such an address cannot be fetched as it reads."""
    with pytest.raises(ArticleError, match="holds a user name or password"):
        import_source(url, limits=FetchLimits(timeout=0.5))


@pytest.mark.parametrize("address", ["64:ff9b::7f00:1", "2002:7f00:1::", "::ffff:10.0.0.1"])
def test_ipv6_addresses_carrying_a_private_ipv4_are_refused(address: str) -> None:
    with pytest.raises(ArticleError, match="private network"):
        import_source(f"http://[{address}]/page.html", limits=FetchLimits(timeout=0.5))


def test_slugs_from_titles() -> None:
    assert slug_for("Grenoble inaugure sa nouvelle ligne de tramway") == \
        "grenoble-inaugure-sa-nouvelle-ligne-de-tramway"
    assert slug_for("L’été à Noël !", {"l-ete-a-noel"}) == "l-ete-a-noel-2"
    assert slug_for("???") == "article"
    # Cut between words (« …-sur-les-trottinet » was cut in one), unless one word is too long.
    title = "Le Conseil constitutionnel censure la taxe sur les trottinettes électriques"
    assert slug_for(title) == "le-conseil-constitutionnel-censure-la-taxe-sur-les"
    assert slug_for("a" * 70) == "a" * 60


def test_cli_import_then_check(runner: FlaskCliRunner, tmp_path: Path, page_server: str) -> None:
    target = tmp_path / "tramway.md"
    result = runner.invoke(args=["quiz", "article", "import",
                                 str(ARTICLES / "fr-tramway.html"), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "“Grenoble inaugure sa nouvelle ligne de tramway” (fr, 8 paragraphs" in \
        result.output
    assert runner.invoke(args=["quiz", "check", str(target)]).exit_code == 0
    again = runner.invoke(args=["quiz", "article", "import", str(ARTICLES / "fr-tramway.html"),
                                "-o", str(target)])
    assert again.exit_code == 1 and "exists" in again.output

    from_url = tmp_path / "library.md"
    result = runner.invoke(args=["quiz", "article", "import", f"{page_server}/en-library.html",
                                 "-o", str(from_url), "--language", "en"])
    assert result.exit_code == 0, result.output
    assert "Language: en" in from_url.read_text(encoding="utf-8")

    # One paragraph: "1 paragraph" (a text file whose lines are not apart by a blank one).
    one = tmp_path / "one.txt"
    line = "Une ligne de l’article, assez longue pour faire un quiz, sans ligne vide après."
    one.write_text("Un titre\n\n" + "\n".join([line] * 4) + "\n", encoding="utf-8")
    result = runner.invoke(args=["quiz", "article", "import", str(one), "-o",
                                 str(tmp_path / "one.md"), "--language", "fr"])
    assert result.exit_code == 0, result.output
    assert "(fr, 1 paragraph, no questions yet)" in result.output

    result = runner.invoke(args=["quiz", "article", "import", str(ARTICLES / "no-article.html"),
                                 "-o", str(tmp_path / "none.md")])
    assert result.exit_code == 1 and "no article text was found" in result.output
    assert not (tmp_path / "none.md").exists()


def test_a_piece_of_a_page_is_imported_like_the_page() -> None:
    """The article's <div> alone, as copied from a site or a CMS (Readability's "expected"
    pages are such pieces): trafilatura finds no text outside a document's <body>, and every
    such piece was refused as "no article text" (bench/import_sweep.py, 191 pieces)."""
    paragraphs = [
        "Le conseil municipal de Montval a voté lundi soir la création d'une ligne de tramway "
        "entre la gare et le nouveau lycée, après deux ans de débats.",
        "Les travaux doivent commencer au printemps prochain et durer dix-huit mois, selon le "
        "calendrier présenté par l'adjointe chargée des transports.",
        "Le coût du projet est estimé à 84 millions d'euros, dont un tiers financé par la "
        "région et l'État.",
        "Une association de riverains a annoncé qu'elle déposerait un recours contre le tracé, "
        "qui passe devant l'école primaire du quartier des Tilleuls."]
    piece = ('<div class="page">\n  <div class="article-body">\n'
             + "".join(f"    <p>{p}</p>\n" for p in paragraphs) + "  </div>\n</div>")
    for data in (piece, piece.encode("utf-8"), piece.encode("latin-1", "replace")):
        quiz = import_source(data, "tramway.html").quiz
        assert quiz.language == "fr"
        assert [block.text for block in quiz.article][-1].startswith("Une association de")
    accents = import_source(piece.encode("utf-8"), "tramway.html").quiz
    assert "l'adjointe chargée des transports" in accents.article[1].text


def _page(canonical: str, date_meta: str = "") -> str:
    paragraphs = "".join(
        f"<p>{text}</p>" for text in (
            "The county opened a new footbridge over the river on Saturday, after two years "
            "of works and a long debate about its cost.",
            "The bridge links the old town to the railway station and is open to cyclists and "
            "pedestrians at all hours of the day and night.",
            "Engineers said the steel structure was designed to last a century and to resist "
            "the floods that hit the valley every few winters.",
            "Residents who had campaigned against the project said they would now watch how "
            "much its upkeep costs the county each year."))
    meta = f'<meta property="article:published_time" content="{date_meta}">' if date_meta \
        else ""
    return (f'<!doctype html><html lang="en"><head><title>A footbridge opens</title>'
            f'<link rel="canonical" href="{canonical}">{meta}</head><body><article>'
            f"<h1>A footbridge opens</h1>{paragraphs}</article></body></html>")


def date_warnings(imported: ImportedArticle) -> list[str]:
    return [str(w) for w in imported.warnings if "date" in str(w)]


def test_the_date_of_the_page_address_stands_against_another_year_or_no_date() -> None:
    """New York Magazine's /2016/09/ story was dated 2022-09-08 (htmldate read a date of its
    text), National Geographic's /2015/08/ page today's, Politico's /2016/10/ debate preview
    2016-04-10 (4/10 read the wrong way round): the address's year and month stand."""
    dated = import_source(_page("https://example.com/news/2016/10/04/footbridge.html",
                                "2016-04-10"), "a.html")
    assert dated.quiz.published == "2016-10-04" and not date_warnings(dated)
    monthly = import_source(_page("https://example.com/intelligencer/2016/09/footbridge.html"),
                            "b.html", today=dt.date(2026, 12, 2))
    assert monthly.quiz.published == "2016-09-01"
    assert date_warnings(monthly) == [
        "the date (2016-09-01) was taken from the page's address, which gives its month but "
        "not its day; check the “Date:” line"]
    # The markup's date stands when the address agrees with its month, or gives none.
    agreeing = import_source(_page("https://example.com/2016/09/footbridge.html",
                                   "2016-09-02T07:30:01-04:00"), "c.html")
    assert agreeing.quiz.published == "2016-09-02" and not date_warnings(agreeing)
    plain = import_source(_page("https://example.com/news/footbridge-opens",
                                "2021-03-14T10:00:00Z"), "d.html")
    assert plain.quiz.published == "2021-03-14"
