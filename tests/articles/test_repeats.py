"""What the sixteenth held-out set's judge found kept on import: TF1 Info's standfirst printed
again as the article's first two paragraphs, its highlighted quotations standing alone
(« "moralement inacceptable" »), « Lire aussi », CNA's "Advertisement", Le Monde's « Voir les
contributions »; a paragraph printed twice (a page's desktop and mobile copies)."""

from __future__ import annotations

from quiz.articles import import_source

FIRST = ("Plusieurs stands israéliens exposant des armes offensives au salon du Bourget ont vu "
         "leur accès condamné lundi 16 juin.")
SECOND = "Cette décision du gouvernement français a provoqué la colère d'Israël."
THIRD = ("La situation à Gaza est \"moralement inacceptable\" et impose de marquer une "
         "distance, a fait valoir le Premier ministre François Bayrou depuis le salon.")
FOURTH = ("L'ambassadeur d'Israël en France a contesté la version de Matignon, et assure que "
          "l'ambassade n'avait jamais accepté cette décision des autorités françaises.")


def test_a_repeated_standfirst_paragraph_and_page_labels_are_not_kept_twice() -> None:
    body = "".join(f"<p>{text}</p>" for text in (
        f"{FIRST} {SECOND}", FIRST, SECOND, THIRD, '"moralement inacceptable"', "Lire aussi",
        FOURTH, "Advertisement", FOURTH, "Voir les contributions"))
    html = ('<!doctype html><html lang="fr"><head><title>Bayrou et le salon du Bourget</title>'
            '<meta property="article:published_time" content="2025-06-16"></head><body>'
            f'<article><h1>Bayrou et le salon du Bourget</h1>{body}</article></body></html>')
    article = import_source(html.encode(), "bourget.html").text.split("## Article\n\n")[1]
    assert article.count("Plusieurs stands israéliens") == 1
    assert article.count("L'ambassadeur d'Israël") == 1
    for label in ('\n"moralement inacceptable"\n', "Lire aussi", "Advertisement",
                  "Voir les contributions"):
        assert label not in article, label
    assert "est \"moralement inacceptable\" et impose" in article and SECOND in article
