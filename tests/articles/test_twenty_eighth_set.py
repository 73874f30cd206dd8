"""Issue 22, importer: what the judge of the twenty-eighth held-out set found kept as article
text or lost (docs/drafting.md, "Importer, round 32"), each test on a small page modelled on
the real one."""

from __future__ import annotations

from tests.articles.bridge_page import LEAD, REST, SUITE, CHAPEAU, imported, page

VIDEO = ('<div class="ms-embed digiteka-p-m video"><a id="embedAMP_4eac6f"></a>'
         '<div class="pip" data-pip-mode="pvp" id="pvpContainer_4eac6f"></div>'
         '<script type="text/javascript">window.pvp_4eac6f = new Pvp("digiteka", {});</script>'
         "</div>")


def test_bare_text_after_a_video_player_is_a_paragraph() -> None:
    # Orange Actualités: « …<div class="ms-embed … video">…</div>Le défunt, qui avait 46 ans,
    # avait d'abord trouvé du travail comme camionneur… <p>"Il nous faisait… » — bare text
    # after the player, in no <p>, was lost.
    body = (f"<p>{CHAPEAU}</p><p>{SUITE[0]}</p><p></p>{VIDEO}{SUITE[1]}"
            + "".join(f"<p>{s}</p>" for s in SUITE[2:]))
    assert imported(page(body, lang="fr", title="Le vieux pont fermé pour travaux")) == [
        CHAPEAU, *SUITE]


def test_bare_text_opening_the_article_is_a_paragraph() -> None:
    body = f"{LEAD}<p>{REST[0]}</p>{VIDEO}" + "".join(f"<p>{s}</p>" for s in REST[1:])
    assert imported(page(body)) == [LEAD, *REST]


def test_a_bare_line_between_blocks_is_no_paragraph() -> None:
    # Moneycontrol: « <em><strong>Follow our full coverage of the coronavirus pandemic
    # </strong></em><strong><em><a href="…">here</a>.</em></strong> » after the text; Hindustan
    # Times' dateline in <span>s, "india Updated: Apr 26, 2020 21:43 IST": no sentence of
    # the article.
    body = ("<span>local</span> <span>Updated: May 9, 2023 21:43 IST</span>"
            + "".join(f"<p>{s}</p>" for s in [LEAD, *REST])
            + "<em><strong>Follow our full coverage of the works </strong></em>"
              '<strong><em><a href="/bridge-live">here</a>.</em></strong>')
    assert imported(page(body)) == [LEAD, *REST]
