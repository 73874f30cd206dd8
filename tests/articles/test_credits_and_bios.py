"""Issue 22, seventh round: who reported a story, a publisher's box and an author's bio are not
article text (the judge of the sixth set rejected drafts made of AP's "AP's Role" box, AP's
closing credit line and Breitbart's author bio)."""

from __future__ import annotations

from quiz.articles.boilerplate import is_boilerplate


def test_a_credit_line_a_publishers_box_and_a_bio_are_boilerplate() -> None:
    assert is_boilerplate(
        "Peoples reported from New York and Thomson-DeVeaux from Washington. Associated Press "
        "writers Will Weissert in Johnstown, Pennsylvania, and Bill Barrow in Atlanta "
        "contributed to this report.")
    assert is_boilerplate("Peoples reported from New York.")
    # AP's shorter line and a newsroom's call for tips (the twenty-first set's judge).
    assert is_boilerplate("David McHugh in Frankfurt, Germany, and Elaine Ganley in Paris "
                          "contributed.")
    assert is_boilerplate("Got a tip? Email Nathan Bernier at nbernier@kut.org. Follow him on "
                          "Twitter @KUTnathan.")
    assert is_boilerplate(
        "AP’s Role: The Associated Press is the most trusted source of information on election "
        "night, with a history of accuracy dating to 1848. Learn more.")
    assert is_boilerplate(
        "Lucas Nolan is a reporter for Breitbart Tech covering issues of free speech and online "
        "censorship. Follow him on Twitter @LucasNolan_ or email him at lnolan@breitbart.com")


def test_the_articles_own_sentences_of_that_shape_stay() -> None:
    assert not is_boilerplate(
        "Witnesses reported from the scene that the building had collapsed within minutes.")
    assert not is_boilerplate(
        "Residents in Paris contributed.")  # no writer's name: not AP's line
    assert not is_boilerplate(
        "Donors in Ohio and Texas contributed more than $2 million to the campaign.")
    assert not is_boilerplate(
        "The tip came from a neighbour: got a tip? The police said they get dozens a day.")
    assert not is_boilerplate(
        "Emery is a staff writer for Snopes who has often criticised the president, and the "
        "site says his posts on Twitter are his own opinion, not the site's, as its editor "
        "told reporters on Monday when asked about the tweets and about the fact-checking "
        "partnership with Facebook.")
