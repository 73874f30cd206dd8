"""What news sites put inside an article that is not the article (pure Python, no Flask).

trafilatura keeps a page's main text; inside it, real pages still carry embedded posts, newsletter
and sign-up prompts, helpline and donation boxes, promotion links, statistic boxes, bylines and
photo credits. They are removed in two passes:

1. by their markup, before trafilatura reads the page (``PRUNE_XPATH``, its ``prune_xpath``
   option): the class names sites and embed scripts give these boxes;
2. by their text, on the blocks trafilatura returns (``article_blocks``): a block that is
   mostly the text of the page's links (menus, « À lire aussi », "VIDEO: …"), or that reads as
   one of those boxes (patterns in French and English, for short blocks only: a paragraph of the
   article that mentions a newsletter is kept).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from difflib import SequenceMatcher
from html import unescape
from typing import Any

from lxml import html as lxml_html

# Class and id fragments of the boxes (matched anywhere in @class or @id, lower case).
_BOX_NAMES = (
    "twitter-tweet", "instagram-media", "tiktok-embed", "fb-post", "embed-social",
    "social-embed", "newsletter", "signup", "sign-up", "donation", "donate", "contribution",
    "soutien", "support-us", "helpline", "byline", "auteur", "credit", "stat-box", "statbox",
    "factbox", "key-figure", "chiffre", "related", "lire-aussi", "read-more", "promo", "share",
    "partage",
    # A video player's own text within the article: its description, caption, transcript
    # (USA Today's <p class="video-desc"> came out as the article's first paragraph).
    "video-desc", "video-caption", "video-transcript",
    # The writer's element, which holds the byline or the publisher (La Libre's <p
    # id="writer">IPM</p>, the group that publishes it, came out as the text's first block).
    "writer",
    # An advertiser disclosure over the article (The Points Guy's <section
    # class="editorial-disclosure">: "This post contains references to products from one or
    # more of our advertisers…"), and a newsletter's box under it (its "article-email-capture",
    # whose "Sign-up Successful!" and "Welcome to The Points Guy!" were kept).
    "disclosure", "email-capture",
    # The line of a post's date, section and writer under its title that WordPress themes
    # write (Kaieteur News' <p class="post-meta">: "May 06, 2022 News", its first block).
    "post-meta",
    # A box of the site's latest stories inside the article's column (CBS Sports' <div
    # class="latest-news-box">, "Our Latest Stories": thirteen of the page's 22 blocks were its
    # teasers, each headline as a paragraph and its blurb again as a heading).
    "latest-news",
)
# Text for screen readers only, never shown (Drupal's <h2 class="element-invisible">You are
# here</h2> over the breadcrumb, The Business Times' first block): a heading or a block, not an
# inline <span> (ZEIT's and Cicero's headlines write their separator « : » so, and the words
# around it would be glued).
_HIDDEN_NAMES = ("element-invisible", "visually-hidden", "visuallyhidden", "sr-only",
                 "screen-reader")


def _contains(name: str) -> str:
    return (f"contains(translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
            f"'abcdefghijklmnopqrstuvwxyz'), '{name}') or contains(translate(@id, "
            f"'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '{name}')")


# Never the article itself (<article class="author-…">, <main>, <body>), only boxes within it,
# and only small ones: a box is a few lines, and a small part of the page, while a container of
# the article's text may carry such a name (Herald Sun's <div id="read-more"> holds the whole
# article).
BOX_LONGEST = 1200  # characters
BOX_SHARE = 0.25  # of the page's text
VIDEO_TITLE_LONGEST = 200  # characters: an embedded player's title
PRUNE_XPATH = [
    f"//*[not(self::article or self::main or self::body or self::html)][{_contains(name)}]"
    f"[string-length(normalize-space(.)) < {BOX_LONGEST}]"
    f"[string-length(normalize-space(.)) < {BOX_SHARE} * string-length(normalize-space(//body))]"
    for name in _BOX_NAMES
] + [
    # An embedded player's title: a list item or a figure holding a player (<iframe>, <video>,
    # <object>) and a line of text, no paragraph (Sudinfo's « <li class="video"><h3>Départ de
    # l'UTMB</h3><iframe …> », imported twice as the article's text).
    "//*[self::li or self::figure][.//iframe or .//video or .//object or .//embed][not(.//p)]"
    f"[string-length(normalize-space(.)) < {VIDEO_TITLE_LONGEST}]",
    "//iframe", "//blockquote[@data-instgrm-permalink]",
    # A label over the headline, a word or a few before the <h1> (L'Avenir's « <p
    # class="entry-lead-in">cyclisme </p><h1 …> », kept as a paragraph of the text): the
    # section's name, a kicker, no sentence of the article.
    "//*[self::p or self::span or self::div][following-sibling::*[1][self::h1]]"
    "[not(.//h1 or .//p or .//img)][string-length(normalize-space(.)) < 40]"
    "[not(contains('.!?', substring(normalize-space(.), string-length(normalize-space(.)))))]",
] + [
    "//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or self::p or "
    f"self::div or self::li][{_contains(name)}][string-length(normalize-space(.)) < 200]"
    for name in _HIDDEN_NAMES]

# The date comes from the page's markup (meta tags, <time>, JSON-LD, the URL), never from a
# search through the text: that search took « © 2024 » in a footer or the date of an embedded
# tweet for the article's date (trafilatura's own default runs it).
DATE_PARAMETERS = {"extensive_search": False, "original_date": True}

LINK_SHARE = 0.5  # a block whose text is more than half links is not the article's text (unless it
# is a sentence with a link inside it: is_linked_sentence)
MOST_WORDS = 40  # the patterns below judge short blocks only

_I = re.IGNORECASE
# A date and time written out: "September 19 at 3:15 p.m. ET", « 19/09/2016 à 15h15 ».
_WHEN = (r"(?:(?:[\d:/.h-]+|(?:jan|feb|febr|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?|"
         r"january|february|march|april|may|june|july|august|september|october|november|"
         r"december|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
         r"novembre|décembre|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|"
         r"mardi|mercredi|jeudi|vendredi|samedi|dimanche|at|on|à|le|[ap]\.?m\.?|et|est|edt|"
         r"gmt|bst|utc|cet|cest|pt|pst|pdt|ct|cst|cdt|mt|mst|mdt)[,.]?(?:\s+|$)){1,8}")
# A person's name: two to four capitalised words.
_NAME = r"[A-ZÀ-Ý][\w'’.-]+(?:\s+[A-ZÀ-Ý][\w'’.-]+){1,3}"
# A news agency's name, as a credit writes it.
_AGENCY = (r"(?:AFP|AP|Reuters|REUTERS|Belga|BELGA|Bloomberg|dpa|DPA|ANP|ATS|EFE|ANSA|"
           r"Xinhua|Kyodo|Yonhap|PA|UPI|Agence France-Presse|Associated Press)")
# The names of a credit line: capitalised words, a place after "in", a role ("Associated Press
# writer Sheikh Saaliq"), and between them "and", commas, "of", "the".
_CREDIT_WORD = (r"(?:(?-i:[A-ZÀ-Ý])[\w'’.&-]*|and|in|of|the|from|at|writers?|reporters?|"
                r"correspondents?|staff|et|de|du|des|la|le|à)")
_CREDITED = rf"{_CREDIT_WORD}(?:,?\s+{_CREDIT_WORD}){{0,16}}"
_PATTERNS = [re.compile(pattern, _I) for pattern in (
    # Embedded posts that came through as text: a post's signature, its picture link.
    r"pic\.twitter\.com/|\(@\w{1,30}\)|\ba post shared by\b|\bune publication partagée par\b",
    # Promotion links: a label and a colon, or the label alone (TF1 Info's « Lire aussi »,
    # CNA's "Advertisement", Le Monde's « Voir les contributions »).
    # (After a pointer: La Dépêche's « » À lire aussi : … ».)
    r"^(?:[»›>•]\s*)?(?:video|vidéo|watch|listen|live|read more|read also|related(?: coverage)?|"
    r"see also|"
    r"more on this|"
    r"à lire aussi|lire aussi|à voir aussi|voir aussi|a (?:lire|voir) aussi|à écouter|"
    r"à regarder|podcast|en direct|"
    r"advertisement|publicité|voir les contributions|continue reading|lire la suite)"
    r"\s*(?:[:|–—-]|$)",
    # (thirty-fifth set) A subscription's selling points, a line each (Daily Express:
    # "Advert-free experience without interruptions.", "Rocket-fast speedy loading pages.",
    # "Exclusive & Unlimited access to all our content.").
    r"^(?:an? )?(?:advert|ad)[- ]free (?:experience|reading|browsing)\b|"
    r"\bunlimited (?:digital )?access to (?:all )?(?:of )?our\b|\bfast,? speedy loading pages\b|"
    r"^rocket-fast\b",
    # Photo credits: « Crédit photo : … », "Photo: …", "Illustration by Mike Nudelman".
    # (LADbible's "Featured Image Credit: Australian Government".)
    r"^(?:(?:featured|main|top|lead|header|cover) )?(?:crédits?(?: photos?)?|photos?(?: sources?)?|"
    r"photograph|picture|image|illustration|(?:image |photo |picture )?credits?)\s*:|"
    r"^©|\b(?:crédit photo|photo credit)\b|"
    # (The credit's name: two capitalised words, whatever the case of the pattern's words:
    # « Photo de famille pour les dirigeants du G7 » is a caption of the text, kept.)
    # (In brackets: The Inquisitr's "[Featured Image by Joe Raedle/Getty Images]".)
    r"^[\[(]?(?:(?:top|main|lead|cover|header|featured) )?(?:illustrations?|photos?|photographs?|"
    r"pictures?|"
    r"images?|graphics?|video) "
    r"(?:by|par|de) (?-i:[A-ZÀ-Ý][\w'’.-]+\s+[A-ZÀ-Ý][\w'’.-]+)[^.!?]{0,40}\.?$",
    # A photo caption, which needs its picture: "Pictured right, is reader …", "Pictured from
    # left, are …", « Sur la photo, … », « De gauche à droite : … », "(Photo: …)".
    r"^(?:pictured|photographed|(?:seen )?(?:above|below)\s*[,:]|(?:from )?left to right\s*[,:]|"
    r"sur (?:la|cette) photo|ci-dessus\s*[,:]|de gauche à droite)\b|"
    r"\((?:photos?|crédits? photo|photo credit)\s*[:/]|\((?:photos?|image) (?:by|de)\s",
    # A caption ending in its credit: "(Mike Cason/mcason@al.com)", "(AP Photo/Evan Vucci)".
    r"\([^()]{2,60}(?:/|@)[^()]{2,60}\)\s*\.?$",
    # The agency's and the wire's credit lines: "(Reporting by Jonathan Allen; Editing by Mary
    # Milliken)", « (Avec Jonathan Allen ; Jean Terzian pour le service français) », "— With
    # assistance by Tony Capaccio" (Bloomberg).
    rf"^\((?:(?:additional |further )?(?:reporting|writing|editing) by (?-i:{_NAME})"
    rf"(?:(?:,| and) (?-i:{_NAME}))*[;,]?\s*)+\)\.?$|"
    r"^\((?:avec|reportage|rédigé par|édité par)\b[^()]*\bpour le service français\)\.?$|"
    rf"^[—–-]+\s*with assistance (?:by|from) (?-i:{_NAME})(?:,? (?:and )?(?-i:{_NAME}))*\.?$",
    # Who reported it: "Peoples reported from New York and Thomson-DeVeaux from Washington.",
    # "… contributed to this report.", « … a contribué à cet article ».
    # ("Stella Kim reported from Seoul, and Jennifer Jett from Hong Kong.": full names.)
    r"(?-i:^[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’.-]+){0,2}"
    r"(?:\s+and\s+[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’.-]+){0,2})?\s+reported\s+from\s+"
    r"[A-ZÀ-Ý][\w'’ .,-]*"
    r"(?:,?\s+and\s+[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’.-]+){0,2}\s+from\s+[A-ZÀ-Ý][\w'’ ,-]*)?"
    r"\.(?:\s|$))|"
    r"\bcontributed (?:to this (?:report|story|article)|reporting)\b|"
    # AP's shorter line, each writer in full with the town they wrote from: "David McHugh in
    # Frankfurt, Germany, and Elaine Ganley in Paris contributed." ("Residents in Paris
    # contributed.": one word, no writer.)
    r"(?-i:^[A-ZÀ-Ý][\w'’.-]+(?:\s+[A-ZÀ-Ý][\w'’.-]+){1,2}\s+in\s+[A-ZÀ-Ý][\w'’ ,.-]*?"
    r"(?:,?\s+and\s+[A-ZÀ-Ý][\w'’.-]+(?:\s+[A-ZÀ-Ý][\w'’.-]+){1,2}\s+in\s+"
    r"[A-ZÀ-Ý][\w'’ ,.-]*?)?\s+contributed\.?$)|"
    r"\bont? contribué à (?:cet article|ce reportage|cette enquête)\b",
    # A publisher's box ending on its link: "AP's Role: The Associated Press is … Learn more."
    r"\b(?:learn more|en savoir plus)\W*$",
    # The newsroom's call for tips closing a story: "Got a tip? Email Nathan Bernier at …",
    # Yahoo News Australia's "Do you have a story tip? Email: newsroomau@yahoonews.com.".
    r"^(?:(?:do you )?(?:got|have) a (?:news |story )?tip|une info)\s*\?",
    # A teaser of the newspaper's print or digital edition, where the rest is to be read
    # (L'Avenir's « + Toutes les réactions à lire dans L'Avenir de ce lundi, sur iPad ou en
    # format PDF », "Read more in Sunday's print edition"): the page gives none of it.
    r"\b(?:à lire|à (?:re)?découvrir|à retrouver|retrouvez|lisez|découvrez|(?:read|see|find) "
    r"(?:more|the rest|the full story|the whole story|it all|all about it))\b"
    r"[^.!?\"“”«»]{0,80}\b(?:dans|in)\b[^.!?\"“”«»]{0,60}(?:\b(?:print|paper|digital|"
    r"e-?paper) edition|\b(?:today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)['’]s (?:paper|newspaper|edition|print edition)|\bédition (?:papier|numérique)|"
    r"\bversion (?:papier|numérique)|\bde (?:ce |cette )?(?:lundi|mardi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche|demain|semaine)\b|\bipad\b|\bformat pdf\b|\be-?paper\b|"
    r"\ben kiosques?\b)",
    # A button to follow the author: "Follow Wendy Koch on Twitter", « Suivez-nous sur X »; the
    # site asking to be followed on its networks, in a sentence (Yahoo News Australia's "You
    # can also follow us on Facebook, Instagram and Twitter and download the Yahoo News app…").
    r"^(?:follow|suivez|suivre)\b[^.!?]{0,60}$",
    r"\b(?:follow us|suivez-nous) (?:on|sur) (?:facebook|twitter|instagram|x|tiktok|youtube|"
    r"linkedin|threads|bluesky)\b",
    # The pay barrier's notice: « Il vous reste 61.86% de cet article à lire. La suite est
    # réservée aux abonnés. », "The rest of this article is for subscribers only."
    r"\bil vous reste \d[\d.,]*\s*% de cet article à lire\b|"
    r"\b(?:la suite|cet article|ce contenu) (?:de cet article )?est réservée? aux abonnés\b|"
    r"\b(?:the rest of )?this (?:article|story) is (?:only )?(?:for|available to|reserved for) "
    r"(?:subscribers|members)\b",
    # The reading time, the whole block: « Durée de lecture : 12 minutes », "5 min read" (« 15
    # minutes de lecture par jour suffisent… » is a sentence, kept).
    r"^(?:(?:durée|temps) de lecture|(?:estimated )?read(?:ing)? time)\s*:?\s*\d+\s*"
    r"(?:min|mins|minutes?)?(?:\s*[-–—|]\s*repéré (?:sur|par|dans) [^.!?]{1,60})?\.?$|"
    r"^\d+\s*(?:min|mins|minutes?)\s+(?:read|de lecture)\.?$",
    # The publisher's note on the story itself: "This story has been updated with additional
    # developments.", « Cet article a été mis à jour … ».
    # (The whole note: "This report was updated in 2023 to include data from 40 countries, the
    # OECD said." is the article's.)
    # Its time first, under an "UPDATES:" label: "2:58 p.m.: This article was updated to add the
    # potential cost … and to identify who prepared the report."
    r"^(?:\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?m\.?)?\s*[:–—-]\s*)?"
    r"this (?:story|article|post) (?:has been|was) updated(?: (?:with|to (?:reflect|include|"
    r"correct|add|clarify)) [^.!?\"”]{0,160})?\.?$|"
    r"^(?:cet article|cette dépêche) (?:a été|est) (?:mis à jour|actualisée?)"
    r"(?: (?:le|à|avec) [^.!?«»]{0,40})?\.?$|"
    # The time of the last update alone: "Updated on September 19 at 3:15 p.m.", « Mis à jour
    # le 19 septembre 2016 à 15h15 », and the label "UPDATES:" (words after the date, as in
    # "Updated maps show the storm's path", are the article's).
    rf"^(?:(?:last )?updated|mise? à jour|actualisée?)(?: on| at| le)?\s*:?\s+{_WHEN}\.?$|"
    r"^(?:updates?|mises? à jour)\s*:?$|"
    # The label of a time the page did not keep: LADbible's "Published" (its <time> apart).
    # (And a release's: the St Kitts Nevis Observer's lone "Release Date:" over a statement.)
    r"^(?:published|updated|last updated|posted|publiée?|mise? en ligne|modifiée?|"
    r"(?:release|publication) date|date de (?:publication|parution))\s*:?$",
    # A prompt to let the site send notifications (LADbible: "To make sure you never miss out
    # on your favourite NEW stories, we're happy to send you some reminders", "Click 'OK' then
    # 'Allow' to enable notifications"; "The app asks users to enable notifications" stays).
    r"^to (?:make sure|ensure) you never miss\b|\bwe(?:['’]re| are| would be)? (?:happy|glad) to "
    r"send you\b|^(?:click|tap|press|cliquez|appuyez)\b[^.!?]{0,60}\b(?:to (?:enable|allow|"
    r"turn on) (?:push |browser )?notifications|pour (?:activer|recevoir|autoriser) les "
    r"notifications)\b",
    # Readers asked for their pictures, the site naming where to send them: "Please share your
    # videos, pictures and stories at iReport.", « Envoyez-nous vos photos à la rédaction »
    # (a counsellor's "share your experiences," in a quote is the article's).
    r"^(?:[^.!?\"“«]*\?\s+)?(?:please\s+)?(?:share|send(?: us)?) your (?:own )?(?:videos?|photos?|"
    r"pictures?|stories|experiences?)\b[^\"“”«»]*\b(?:at ireport|with us|to us)\b|"
    r"^(?:partagez|envoyez-nous) vos (?:photos|vidéos|images|témoignages)\b[^\"“”«»]*"
    r"\b(?:avec nous|à la rédaction)\b",
    # What a script writes while it loads a box: "Loading weather data ...".
    r"^(?:loading|chargement)\b[^.!?]{0,40}(?:\.{3}|…)$",
    # The sponsors' label, the whole block ("Sponsored Ads", « Contenu sponsorisé »).
    r"^(?:sponsored(?: ads| content| links| stories)?|contenus? sponsorisés?)\s*:?$",
    # The article appeared elsewhere first: "This article originally appeared on The
    # Atlantic.", "Originally published at www.….com", « Cet article a d'abord été publié sur …».
    r"^(?:this (?:article|story|post|piece|essay) (?:was )?(?:originally |first )?"
    r"(?:appeared|published|reprinted|ran) (?:on|in|at|by)\b|originally (?:published|appeared) "
    r"(?:on|in|at|by)\b|first (?:published|appeared) (?:on|in|at|by) (?-i:[A-ZÀ-Ý])[^,;]*$|"
    r"(?:cet article|cette tribune|ce texte) a (?:d['’]abord|initialement|"
    r"originellement) été publiée? (?:sur|dans|par)\b)|"
    r"^article (?:initialement|originellement) publié (?:sur|dans|par)\b",
    # The site calling its readers: to join its group ("Would you like to be part of the Fandom
    # team? Join our Fan Contributor Program…", « Rejoignez notre communauté »), to write in
    # ("We want to hear from you!"), to reach the reporter, to watch in its app.
    r"^(?:[^.!?\"“«]*\?\s+)?(?:join (?:our|us)\b|rejoignez[- ](?:nous|notre|nos)\b)|"
    r"\bwe(?:['’]d| would)? (?:want|like|love) to hear from you[!.]|"
    # A box asking for the reader's opinion (The Business Times' "Your feedback is important
    # to us" over "Tell us what you think. Email us at …"; « Votre avis nous intéresse »).
    r"^your (?:feedback|opinion|views?) (?:is|are) (?:important|valuable) to us\b|"
    r"^(?:votre avis|vos avis|votre opinion) nous (?:intéresse|est précieux|importe)\b|"
    r"^tell us what you think\s*[.!?]|^dites-nous ce que vous en pensez\s*[.!?]|"
    r"^(?:e-?mail|write to|contact) us at\b|"
    # Addresses alone, no words of a sentence: the writer's (the Houston Chronicle's
    # "paul.takahashi@chron.com twitter.com/paultakahashi" closing the text), a site's name
    # as its address (the St Kitts Nevis Observer's heading "BVINEWS.COM" over a statement).
    r"^(?:(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}"
    r"(?:/[\w./%?=&-]*)?|@\w{1,30})[\s|,;/·•]*)+$|"
    r"^(?:to reach|to contact|contact) the (?:reporter|editor|author|writer)s?\b|"
    r"^pour (?:joindre|contacter) (?:l['’]auteur|la rédaction|le journaliste|la journaliste)\b|"
    r"\bclick here to (?:watch|read|see|listen|view|subscribe|download|sign|learn|get|find)\b|"
    r"\bcliquez ici pour\b|"
    # A line that only asks the reader to follow a link, its words the call alone ("click
    # here", "To donate, click here.", FOX 2's "For a look at local election results from
    # Tuesday's municipal elections, click here.", ZimEye's "For more statistics on … cases,
    # you may visit this link", "Donate to the GoFundMe here", Deadline News' "To donate to
    # Ronnie's cause, please visit: https://gofund.me/…", « cliquez ici », « Pour soutenir
    # les commerçants, c'est via ce lien »): one sentence of 20 words at most, the call opening
    # it or after a clause and its comma. ("The family set up a GoFundMe page…", "… asked
    # people to click on a link …" are the article's.)
    r"^(?!(?:\S+\s+){20})(?:[^.!?,:;]{1,100}[,:]\s+)?"
    r"(?:please |you (?:can|may) |vous pouvez |c['’]est )?"
    r"(?:(?:(?:click|tap|press)(?: on)? (?:here|this link|the link(?: below| above)?)|"
    r"(?:visit|follow|use|open) (?:this|the following|the) link|(?:cliquez|cliquer|appuyez) "
    r"(?:ici|sur ce lien|sur le lien(?: ci-dessous)?)|(?:via|sur|par|en suivant|suivez) ce "
    r"lien)\b[^.!?]{0,60}|(?:donate|give|read|watch|view|find|sign|listen|download|apply|"
    r"register|book|buy|vote)\b[^.!?]{0,40}\bhere|(?:faites un don|donnez|lisez|regardez|"
    r"signez|écoutez|participez)\b[^.!?]{0,40}\b(?:ici|via ce lien)|(?:visit|go to|head to|"
    r"rendez-vous sur|allez sur)\s*:?\s*(?:https?://|www\.)\S+)\s*[.!:]?$|"
    # A pointer to a video the text does not carry: "check out the footage below:", « Regardez
    # la vidéo ci-dessous. » ("the footage below the bridge" goes on, and stays).
    r"\b(?:video|footage|clip|trailer|vidéo|extrait|reportage)\b[^.!?]{0,40}"
    r"\b(?:below|ci-dessous)\s*[:.!]?$|"
    # A prompt to read on, below, in bold over the text (La DH's « Découvrez ci-dessous un point
    # de la situation, transport par transport », its standfirst): the text it points to is
    # the article; the prompt says nothing of it (the verbs of an invitation only: "See below
    # the bridge…" may open a sentence).
    r"^(?:découvrez|retrouvez|consultez|discover|find)"
    r"(?:\s+(?:ici|here|all|tout))?\s+(?:ci-dessous|below)\b[^.!?:]{0,80}[:.!]?$|"
    # A newsletter named with its inbox: "[… Get New York Today in your inbox.]".
    r"^\W?[^.!?]{0,60}\bget\b(?:[^.!?\"“”]|\.(?=\w)){0,60}\bin your inbox\b",
    # Who posted it, and when: "Posted by Andrew Hayden, Software Engineer on Google Play",
    # "Posted: Thursday, April 21, 2022. 10:11 pm CST.", "Tuesday 15 October 2019 by …".
    rf"^(?:posted|written|published|publiée?|écrit|rédigée?) (?:by|par)\s+(?-i:{_NAME})"
    r"[^.!?]{0,60}$|"
    rf"^(?:(?:story|article) )?(?:posted|published|publiée?|mise? en ligne)(?: on| le)?\s*:?\s+"
    rf"{_WHEN}\.?$|"
    rf"^{_WHEN}(?:by|par)\s+(?-i:{_NAME})\.?$",
    # A statistic box's or a chart's source, alone: "Source: CDC, Chicago Department of
    # Public Health" (a sentence after "Sources:", with its verb, is the article's).
    r"^sources?\s*:\s*(?-i:[A-ZÀ-Ý])[^.!?]{1,80}$",
    # A box's label, the whole block: "More games news:", "Report issue".
    r"^more from [^.!?]{1,50}:$|"
    # A label over other sites' links (Vanity Fair's newsletter: "Elsewhere!").
    r"^(?:elsewhere|(?:from )?around the web|ailleurs sur le web)\s*[!:]?$|"
    # An embedded post's place, when the post is gone (Wired: "Twitter content", "This content
    # can also be viewed on the site it originates from.").
    r"^(?:twitter|instagram|youtube|tiktok|facebook|x|video) content$|"
    r"^this content can also be viewed on the site it originates from\.?$|"
    r"^(?:more (?:\w+ ){0,2}(?:news|stories|videos|slide ?shows)|(?:recent|featured|related) "
    r"(?:slide ?shows|stories|videos)|report (?:an? )?(?:issue|problem|error)|"
    r"signaler (?:un|une) (?:problème|abus|erreur))\s*:?$",
    # Credit lines without brackets: "Reporting by Maya Gebeilly in Beirut, …; Writing by …;
    # Editing by …" (Reuters), "With files from The Associated Press" (CBC), "With reporting
    # by Associated Press writer …", "Additional reporting from PA" — names, places and a
    # role, no verb ("Reporting by Channel 4 revealed …" is a sentence).
    rf"^(?:(?:additional |further )?reporting by|with (?:files|reporting|additional reporting) "
    rf"(?:from|by)|(?:additional|further) reporting from)\s+{_CREDITED}"
    rf"(?:;\s*(?:additional reporting|writing|editing|graphics|compiled) by\s+{_CREDITED})*\.?$",
    r"^our standards\s*:|^copyright\s*(?:©|\(c\))?\s*\d{4}\b",
    # A copyright notice, wherever its mark and year stand: the CNN Wire's "The-CNN-Wire™ & ©
    # 2020 Cable News Network, Inc., a WarnerMedia Company. All rights reserved." closing East
    # Bay Times' story, « © 2020 AFP. Tous droits réservés ».
    r"(?:©|\(c\)|\bcopyright\b)\s*(?:19|20)\d\d\b.*\b(?:all rights reserved|"
    r"tous droits réservés)\b",
    # Calls for readers' stories and the site's own pages: "Got a story? Get in touch with our
    # news team…", "Do you have a story to tell? Email: …", "For more stories like this, check
    # our news page.", a comment box ("… before commenting"), "Join thought-provoking
    # conversations…", "This is a breaking news story - more to follow".
    r"^(?:got a story|do you have a story(?: to (?:tell|share))?)\?|"
    r"\bget in touch with (?:our|us)\b|^for more (?:stories|news|articles) like this\b|"
    r"\bbefore commenting\b|^join (?:thought-provoking |the )?conversations?\b|"
    r"^this is a breaking(?: news| new)? story\b|\bmore to follow\W*$",
    # USA Today's credit line: "Contributing: Liz Szabo, Michael Winter, Associated Press."
    rf"^contributing\s*:\s*{_CREDITED}\.?$",
    # A call for comments: "… Has this ever happened to you? Sound off below!", KnowTechie's
    # "What do you think? … Let us know down below in the comments or carry the discussion …".
    r"\b(?:sound off|let us know|tell us)(?: what you think)? (?:down )?(?:below|in the "
    r"comments)\b|"
    r"\bdites-le(?:-nous)? en commentaires?\b",
    # The publisher's notes on the story: "UPDATE: Dec. 22, 2016, 2:16 p.m. EST Updated with …",
    # "*This article appears in the September 5, 2016 issue of …", "*An earlier version of the
    # article inaccurately stated …", "The story is part of a special series that explores …".
    rf"^updated?\s*:?\s+{_WHEN}updated (?:with|to)\b|"
    r"^\*?this (?:article|story) appears in the\b|"
    r"^\*?an earlier version of (?:this|the) (?:article|story)\b|"
    r"^\W?(?:this|the) (?:story|article) is part of (?:a|an|our)\b[^.!?]{0,80}\bseries\b",
    # The site announcing its channel on a network (The Business Times' "BT is now on
    # Telegram!", its sign-up link gone; « Le Soir est aussi sur WhatsApp »): short, no more.
    r"^[\w.&'’ -]{1,40}\s(?:is|are|est|sont) (?:now |also |désormais |maintenant |aussi )*"
    r"(?:on|sur) (?:telegram|whatsapp|instagram|tiktok|youtube|linkedin|threads|bluesky|"
    r"google news|snapchat|mastodon|facebook|twitter)\s*[!.]?$|"
    # A broadcast's plug, its channel or player named (Larne Times' "Watch more of our videos
    # on Shots! and live on Freeview channel 276", "Listen to Newscast on BBC Sounds", Hertie
    # School's "Listen to the full interview (in German) on Radio Eins.", « Regardez le JT en
    # direct sur La Une et sur Auvio »): an order opening the block, or the plug's end alone
    # ("… and live on Freeview channel 276"). ("Fans can watch the final live on BBC One" tells
    # what viewers may do, and stays.)
    r"^(?:(?:you can|vous pouvez) )?(?:watch|listen|stream|tune in|catch up|regardez|écoutez|"
    r"suivez|revoyez|regarder|écouter|suivre|revoir)\b.{0,120}?(?:\blive on\b|"
    r"\bon (?:our |the )?(?:website|app|youtube channel)\b|\bon (?:[\w'’]+ ){0,2}(?:radio|tv)\b|"
    r"\bfreeview\b|\bfreely\b|\biplayer\b|\bbbc sounds\b|\bchannel \d+|\ben direct (?:sur|à)\b|"
    r"\ben replay\b|\bsur notre (?:site|chaîne|application|appli)\b|\bauvio\b)|"
    r"^(?:…|\.{3})?\s*and live on\b|"
    # "On Twitter: Follow Wendy Koch and …"; a gallery's label: "See photos from this story:".
    r"^(?:on|sur) (?:twitter|x|facebook|instagram)\s*:\s*(?:follow|suivez)\b|"
    r"^(?:see|view) (?:more )?(?:photos|pictures|images|the gallery)\b[^.!?]{0,40}:$",
    # A picture's caption or its file's name: "File photo of Chinese president Xi Jinping.
    # (Reuters)", "skimming scheme seized cash and cards.jpg".
    r"^file (?:photo|picture|image) of\b|^[\w\s,'’-]{1,80}\.(?:jpe?g|png|gif|webp)$",
    # A dateline alone, in capitals: "NEW DELHI:"; or where the reporter writes from, and a
    # comma (20 Minutes: « A l'Allianz Riviera (Nice), »).
    r"(?-i:^[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{2,30}:$)|"
    r"^(?:à|a|au|aux|depuis|de notre (?:envoyée?|correspondante?)(?: spéciale?)?(?: à)?|in|at|"
    r"from)\s[^.!?;:]{2,60},$",
    # A magazine's notice of its issue ("GQ's January 2017 issue is on newsstands nationwide
    # Dec. 20.", « Le numéro de mars est en kiosque »).
    r"\bissue (?:is |hits )?(?:on |available on )?newsstands\b|"
    r"\b(?:numéro|magazine)\b[^.!?]{0,40}\b(?:est|sera) (?:en|disponible en) kiosques?\b|"
    # The agency's name alone (La Libre's « AFP » over the text), and the newsroom's sign-off
    # (La DH's « Rédaction en ligne (avec BELGA et AFP) », « (avec AFP) »).
    rf"(?-i:^\(?{_AGENCY}(?:\s*(?:[/,&-]|et|and)\s*{_AGENCY})*\)?\.?$)|"
    r"^(?:(?:la )?rédaction(?: en ligne| web| numérique)?\s*)?\((?:avec|with) [^()]{1,60}\)\.?$|"
    r"^(?:la )?rédaction(?: en ligne| web| numérique)\.?$",
    # Helpline boxes: a number to call, addressed to the reader.
    r"(?:\bif you\b|\bsi vous\b|\bvictime ou témoin\b|\bneed help\b|\bbesoin d['’]aide\b).*"
    r"(?:helpline|samaritans|\bcall\b|\bcontact|appelez|\bnuméro\b|\bligne d['’]écoute\b)",
)]
# Newsletter and sign-up prompts: the words of signing up…
_SIGN_UP = re.compile(r"\b(?:sign up|subscribe|newsletter|briefing in your inbox|inscrivez-vous|"
                      r"abonnez-vous|lettre d['’]information)\b", _I)
# … addressed to the reader: opening a sentence, as an order does ("Sign up here.", « Inscrivez-vous
# à la newsletter »), or with the site's or the reader's voice ("Get our morning briefing in
# your inbox every day.") outside a quotation, or in a label without a sentence's end
# ("Newsletter"). The article's sentence about others signing up ("Both sites invite visitors to
# sign up for “vaccine updates” from the company." — Fierce Pharma) is the article's. An order
# to try a subscription's offer is one too (Manchester Evening News' "Try MEN Premium", «
# Découvrez l'offre numérique »), as an order only ("Customers can try Spotify Premium…" stays).
_SIGN_UP_ORDER = re.compile(r"(?:^|[.!?:]\s+|[»›>•]\s*)(?:click here to |please )?"
                            r"(?:sign up|subscribe|inscrivez-vous|abonnez-vous|"
                            r"(?:try|essayez) (?:[\w'’&+.-]+ ){0,4}premium|"
                            r"découvrez (?:l['’]|notre |nos |cette )offres?)\b", _I)
# (Not "now" nor "today": the article's time — WIRED's "Right now for people in Europe that
# price is €9.99 …, or €12.99 if they sign up on their phones." was dropped as a prompt.)
_READER_VOICE = re.compile(r"\b(?:you|your|our|us|here|free|vous|votre|vos|notre|nos|"
                           r"ici|gratuite?s?)\b", _I)
_QUOTATION = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")


def is_sign_up_prompt(text: str) -> bool:
    """"Sign up here.", « Inscrivez-vous à la newsletter », "Get our briefing in your inbox.
    Sign up here.", "Try MEN Premium": a short block asking the reader to sign up or
    subscribe (see ``_SIGN_UP_ORDER``)."""
    if _SIGN_UP_ORDER.search(text):
        return True
    if not _SIGN_UP.search(text):
        return False
    unquoted = _QUOTATION.sub(" ", text)
    return bool(_READER_VOICE.search(unquoted)
                or not text.rstrip().endswith((".", "!", "?", "…", "»", '"', "”")))


# Donation boxes: the site asking its readers for money (a word of giving and the site's voice,
# in either order: "a donation of £1m" in a sentence of the article is kept).
_GIVING = re.compile(r"\bdonat(?:e|ion)\b|\bfaites un don\b|\bfaire un don\b|\bsoutenez\b|"
                     r"\bsupport\b|\bcontribute\b", _I)
_SITE_VOICE = re.compile(r"\b(?:us|our|nous|notre|today|aujourd['’]hui|déductible|from just|"
                         r"dès)\b|-nous\b", _I)
# "By Hannah Whitaker", « Par Yasmine Benali, à Bobigny »: a byline, not a sentence.
_BYLINE = re.compile(r"^(?:by|par|de)\s+(\w[\w'’.-]*(?:\s+\w[\w'’.-]*){0,3})\s*(?:[,|–—-].*)?$",
                     _I)
# A paragraph that is a staff credit and nothing else: "Tribune Staff Reporter", "Staff
# Writer", "By Jane Doe, Senior Staff Writer".
_STAFF_CREDIT = re.compile(r"^(?:(?:By\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,3},?\s+)?"
                           r"(?:(?:Senior|Chief)\s+)?Staff\s+(?:Reporter|Writer|Correspondent|"
                           r"Photographer)s?\.?$")
# Two authors: « par Alexandria Sage et Lisa Girion » (Reuters in French), "By Jo Doe and Al Roe".
_TWO_AUTHORS = re.compile(rf"^(?i:by|par)\s+{_NAME}\s+(?:and|et|&)\s+{_NAME}\.?$")
_AUTHOR_NOTE = re.compile(
    rf"^(?:{_NAME})\s+(?:is|was|est|était)\s+(?:an?\s+|the\s+|une?\s+|l[ea]\s+|l['’])?"
    r"[\w\s'’-]{0,60}?\b(?:editor|reporter|correspondent|writer|columnist|journalist|"
    r"contributor|journaliste|rédact(?:eur|rice)|correspondante?|chroniqueu(?:r|se)|"
    r"éditorialiste|envoyée? spéciale?)s?\b", _I)
_AUTHOR_BEAT = re.compile(rf"^(?-i:{_NAME})\s+(?:covers|writes about|reports on|couvre|écrit sur)"
                          r"\b", _I)
# How to reach the author, after the note: "Follow him on Twitter @LucasNolan_ or email him".
_REACH_THE_AUTHOR = re.compile(r"@\w|\bfollow (?:him|her|them)\b|\bemail (?:him|her|them)\b|"
                               r"\bsuivez-(?:le|la)\b|\bécrivez-(?:lui)\b", _I)
# A byline before the text: "By Jane Doe | ", « Par Yasmine Benali, », "By Aaron Humes: "
_BYLINE_PREFIX = re.compile(rf"^(?:By|Par)\s+(?P<name>{_NAME}(?:\s+(?:and|et)\s+{_NAME})?)"
                            r"\s*[|,–—:-]\s*")
# A dateline: "WASHINGTON (Reuters) — ", « PARIS (AFP) - », "NEW YORK — "
_DATELINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý .,'’-]{2,40}(?:,?\s*[A-Z][a-z]{1,5}\.)?"
                       r"(?:,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2})?"
                       r"(?:,\s*[A-Z][a-z]{2,15}(?:\s+[A-Z][a-z]{2,15})?"
                       r"(?=\s*\((?:Reuters|AP|AFP|Bloomberg|CNN|Xinhua|dpa|EFE|ANSA|Belga|ATS|"
                       r"Kyodo|Yonhap|[KW][A-Z]{2,3}(?:-TV)?)\)))?"
                       r"(?:(?:\s*\([^()]{2,30}\))?\s*[—–-]{1,2}|\s*\([^()]{2,30}\)\s+\")"
                       r"\s+(?=[A-ZÀ-Ý«\"“])")
# The agency alone: "(CNN) -- The Pennsylvania official…", « (AFP) - Le Sénat… ».
_AGENCY_DATELINE = re.compile(r"^\([A-Z][A-Za-z]{1,12}\)\s*(?:[—–-]{1,2}|\")\s+(?=[A-ZÀ-Ý«\"“])")
# (After the agency, a straight quotation mark between spaces is the dash lost in a feed's
# encoding: Monroe News prints AP's "VENICE, Italy (AP) &quot; The Italian government…". A
# quotation opening there touches its first word: "(AP) "We hope…" is not cut.)
# ("PUTRAJAYA, Nov 22 — Private companies…": the town and the day, as Malay Mail prints it.)
# ("NAPA COUNTY, Calif. (KGO) -- A plan…": the state's abbreviation after the town; "LAS VEGAS,
# Nevada (Reuters) - ": its name, before the agency, or before a station's call sign, K or W
# and two or three capitals: ABC13's "HOUSTON, Texas (KTRK) -- A Houston-area business…".)
# An update's label glued before the first paragraph (7sur7's <span class="label l_update">MISE
# À JOUR</span> in its standfirst: « MISE À JOUR La réaction virulente de … »); in capitals,
# without a colon, before a sentence's capitalised first word ("UPDATE: many readers…" and
# "UPDATED FIGURES show…" are not cut).
_LABEL_PREFIX = re.compile(r"^(?:MISE [AÀ] JOUR|UPDATED?|BREAKING(?: NEWS)?|DERNI[EÈ]RE MINUTE|"
                           r"ALERTE|URGENT|EXCLUSIF|EXCLUSIVE)\s+(?=[«\"“]?[A-ZÀ-Ý][a-zà-ÿ'’])")
# A warning to the reader before the standfirst (the Daily Star's "WARNING GRAPHIC DETAIL: Brave
# Marina Lacerda has described …", « ATTENTION, IMAGES CHOQUANTES : … »): the page's notice,
# not the standfirst's words. A label in capitals and its colon ("WARNING: the storm…", a
# sentence's own word, stays).
_CONTENT_WARNING = re.compile(
    r"^(?:(?:CONTENT |TRIGGER )?WARNING|ATTENTION|AVERTISSEMENT)\s*[:,]?\s*"
    r"(?:GRAPHIC|DISTRESSING|DISTURBING|UPSETTING|SENSITIVE|IMAGES|CONTENU|SC[EÈ]NES|"
    r"D[EÉ]TAILS)[A-ZÀ-Ý ]{0,30}:\s+(?=[«\"“]?[A-ZÀ-Ý])")
# A name in capitals glued before the first word in capitals: "SUSIE O'BRIEN THE good…"
_CAPITALS_NAME = re.compile(r"^(?:[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+\s+){2,3}(?=(?:THE|A|AN|IT|IT['’]S|IN|"
                            r"HOW|WHEN|WHAT|LE|LA|LES|UN|UNE|IL|ELLE)\s+[a-zà-ÿ])")
# A crosshead printed as a paragraph: two to ten words in capitals, no sentence's end; in
# quotation marks too (Orange Actualités' « "NOUS SOMMES DANS UN DÉNI DE RÉALITÉ TOTAL" », a
# <p> of its own after an embedded tweet: read as a paragraph, the pull-quote rule took it for
# the next paragraph's words printed large, and it was lost).
_CROSSHEAD = re.compile(r"^(?=[^a-zß-ÿ]*$)(?P<open>[«\"“]\s*)?[A-ZÀ-Ý][A-ZÀ-Ý'’-]*"
                        r"(?:\s+[A-ZÀ-Ý0-9'’,-]+){1,9}(?(open)\s*[»\"”])$")
# A crosshead after a pointer, a short line (20 Minutes: « >> L’Italie vaillante mais pas
# brillante. »).
_POINTED_CROSSHEAD = re.compile(r"^(?:>>|»)\s+((?:\S+\s+){0,11}\S+)$")
# A block without a letter or a figure: a rule drawn with characters ("___", "* * *").
_RULE = re.compile(r"^[\W_]+$")
# A paragraph of one word without a sentence's punctuation: a button's label (« Contribuer »,
# "Share") when it closes the page (an interview's "Non", a list's « Belgique » are the text's).
_BUTTON = re.compile(r"^[^\w\s]*[A-Za-zÀ-ÿ'’-]+[^\w\s.!?…»\"”]*$")
# The writer's initials alone, two or more, signing the text where it ends (La DH's « J. La. »,
# L'Avenir's « B.DAR. »); a section's numeral (« II. ») or a reply (« Yup. ») is one word.
_INITIALS = re.compile(r"^(?:[A-ZÀ-Ý](?:[a-zà-ÿ]{1,2}|[A-ZÀ-Ý]{1,3})?\.\s?){2,3}$")
# A statistic box's figure standing alone: « 40 % », "1,200", "£3m".
_FIGURE = re.compile(r"^[^\w]{0,2}\d[\d\s.,]*\s*(?:%|[€£$]|\w{1,3})?\s*[^\w]{0,2}$")


# An XML declaration opening the page (XHTML pages: <?xml version="1.0" encoding="utf-8"?>).
_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")


def _parsed_page(html: bytes | str) -> lxml_html.HtmlElement | None:
    """The page's element tree (lxml.html), or None when lxml reads no document in it.

    A page read as text loses its XML declaration first: lxml refuses a text that declares
    its encoding (ValueError), and every rule reading the page's markup (the lead-ins over
    embedded posts, captions, crossheads, headlines…) then read nothing of an XHTML page."""
    if isinstance(html, str):
        html = _XML_DECLARATION.sub("", html, count=1)
    try:
        return lxml_html.fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return None


def link_texts(html: bytes | str) -> list[str]:
    """The text of each link of the page (three characters or more), longest first."""
    document = _parsed_page(html)
    if document is None:
        return []
    texts = {" ".join(anchor.text_content().split()) for anchor in document.iter("a")}
    return sorted((text for text in texts if len(text) >= 3), key=len, reverse=True)


def link_share(text: str, links: Iterable[str]) -> float:
    """How much of ``text`` is the text of the page's links (0 to 1)."""
    covered = [False] * len(text)
    for link in links:
        start = text.find(link)
        while start != -1:
            covered[start:start + len(link)] = [True] * len(link)
            start = text.find(link, start + len(link))
    letters = [c for c, hit in zip(text, covered, strict=True) if not c.isspace()]
    hits = [hit for c, hit in zip(text, covered, strict=True) if not c.isspace()]
    return sum(hits) / len(letters) if letters else 0.0


# A sentence of the article with a link inside it, however much of it the link holds (Yahoo's
# "Melbourne-based Prof Lewin said she was delighted to be heading to a restaurant for the
# first time <a>after lockdown on Wednesday and joined fellow Melburnians … to reopen</a>."):
# the writer's own words open it, this many at least before its first link and no label's
# colon among them ("Read more: <a>…</a>"), and it ends as a sentence ends. A menu, a list of
# related stories or a teaser opens on its link, or on a label.
LINKED_SENTENCE_OPENING = 10  # words
_ENDS_AS_A_SENTENCE = re.compile(r"[.!?…][\"”»’)]*\s*$")


def is_linked_sentence(text: str, links: Iterable[str]) -> bool:
    """Whether ``text`` is a sentence of the article with a long link inside it (see
    ``LINKED_SENTENCE_OPENING``), not a block of links."""
    first = min((found for link in links if (found := text.find(link)) != -1), default=-1)
    if first == -1:
        return False
    opening = text[:first]
    return len(opening.split()) >= LINKED_SENTENCE_OPENING and ":" not in opening and \
        bool(_ENDS_AS_A_SENTENCE.search(text))


def is_byline(text: str) -> bool:
    """« Par Yasmine Benali », "By Hannah Whitaker, Education correspondent", "By AFP": a
    full name (two to four capitalised words) or an agency in capitals ("By Monday, …" is not);
    "Tribune Staff Reporter", "By JANE DOE, Staff Writer": a staff credit (thirty-sixth set)."""
    if _TWO_AUTHORS.match(text) or _STAFF_CREDIT.match(text):
        return True
    match = _BYLINE.match(text)
    if not match or len(text.split()) > 12:
        return False
    words = match.group(1).split()
    return (2 <= len(words) <= 4 and all(word[0].isupper() for word in words)) or (
        len(words) == 1 and len(words[0]) >= 2 and words[0].isupper())


def is_author_note(text: str) -> bool:
    """"LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR", « Yasmine Benali est journaliste
    au Monde. »: the note on the author under an article, short and about a journalist (a
    little longer when it ends on how to reach them: "… Follow him on Twitter @…"; then it may
    say what the author covers: "Steph Bazzle covers politics and theocracy, … Follow Steph on
    Twitter @…")."""
    words = len(text.split())
    reach = words <= MOST_WORDS and bool(_REACH_THE_AUTHOR.search(text))
    return (words <= 25 or reach) and bool(_AUTHOR_NOTE.match(text)) or (
        reach and bool(_AUTHOR_BEAT.match(text)))


def is_author_bio(text: str, author: str | None) -> bool:
    """"Lance Ulanoff makes frequent appearances on …", "A 38-year industry veteran and
    award-winning journalist, Lance has covered …": a short block about the page's author
    (the name its markup gives), not about the news."""
    words = (author or "").split()
    if len(words) < 2 or len(text.split()) > 2 * MOST_WORDS:  # a bio runs to a few lines
        return False
    full, first = re.escape(" ".join(words)), re.escape(words[0])
    return bool(re.match(rf"(?:{full}|(?i:an?|the|une?|l[ea])\s[^.]{{0,100}},\s+{first})\s+"
                         r"(?:is|was|has|had|makes|made|covers|writes|joined|lives|"
                         r"est|était|a|couvre|écrit|vit)\b", text))


# A cookie notice, known by its start (97 words on some sites, past MOST_WORDS): "This website
# uses cookies to …", « Nous utilisons des cookies pour … » ("the website uses cookies" in a
# sentence of the article does not open it).
# And a notice to old browsers: "Thank you for visiting nature.com. You are using a browser
# version with limited support for CSS. …" (55 words).
_SITE_NOTICE = re.compile(
    r"^(?:this (?:web)?site|our (?:web)?site|we) (?:uses?|may use) cookies\b|"
    r"^(?:ce site(?: web| internet)?|notre site|nous) (?:utilise|utilisons)(?: des)? cookies\b|"
    r"^(?:thank you for visiting [\w.-]+\.\s+)?you are using an? (?:\w+ )?browser\b|"
    # The publisher's notes on what the page is: « Ce contenu a été rédigé par un expert de
    # l'équipe La Dépêche du Midi Shopping. … liens affiliés … », « Contenu
    # publi-rédactionnel. … », « Cet article est paru dans notre newsletter … ».
    r"^ce contenu a été (?:rédigé|réalisé|écrit) par (?:un expert|l['’]équipe|la rédaction|"
    r"notre partenaire)\b|^contenu (?:publi-?rédactionnel|sponsorisé|partenaire)\b|"
    r"^(?:cet article est paru dans|this (?:article|story) (?:first )?appeared in) "
    r"(?:notre|our) newsletter\b", _I)


# A block that is only a date and a time: the page's dateline of publication printed as a
# paragraph (Le Soir's <p class="info st_date">vendredi 11 mai 2012, 17:25</p>, kept as the
# text's first paragraph, its standfirst then taken for a heading), in French or English, the
# month in words or in figures. The article's date, when the page's markup gives none.
_MONTHS = {name: number for number, names in enumerate((
    "janvier january jan", "février fevrier february feb févr", "mars march mar",
    "avril april apr avr", "mai may", "juin june jun", "juillet july jul juil",
    "août aout august aug", "septembre september sep sept", "octobre october oct",
    "novembre november nov", "décembre decembre december dec déc"), start=1)
    for name in names.split()}
_WEEKDAY = (r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|"
            r"thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun)\.?,?\s+")
_MONTH_NAME = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_DAY_OF_MONTH = r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th)?"
_CLOCK = (r"(?:[01]?\d|2[0-3])\s?[:h.]\s?[0-5]\d(?:\s?[ap]\.?m\.?)?"
          r"(?:\s+(?-i:[A-Z]{2,4}))?")
_WRITTEN_DATE = re.compile(
    rf"^(?:le\s+|on\s+)?(?:{_WEEKDAY})?(?:le\s+)?(?:"
    rf"{_DAY_OF_MONTH}\s+(?P<month>{_MONTH_NAME})\.?,?\s+(?P<year>(?:19|20)\d\d)|"
    rf"(?P<month2>{_MONTH_NAME})\.?\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year2>(?:19|20)\d\d)|"
    r"(?P<day3>[0-3]?\d)[/.-](?P<month3>[01]?\d)[/.-](?P<year3>(?:19|20)\d\d))"
    rf"(?:\s*(?:[,|–—-]|à|at|a)?\s*(?P<clock>{_CLOCK}))?\s*\.?$", _I)


def is_written_date(text: str, *, with_time: bool = True) -> bool:
    """Whether a block is only a date and a time (``_WRITTEN_DATE``); or only a date, when not
    ``with_time`` (``written_date``: whether its day can be told or not)."""
    return written_date(text, with_time=with_time) is not None


def written_date(text: str, *, with_time: bool = True) -> str | None:
    """The date (YYYY-MM-DD) of a block that is only a date and a time, as a page prints the
    time of its publication (« vendredi 11 mai 2012, 17:25 », "Friday, May 11, 2012 5:25 p.m.",
    « 25/05/2012 à 17h25 »), or None when the block is no such thing; "" when it is, but its
    day cannot be told: in figures, the day is taken only when it cannot be the month
    (05/11/2012 is November 5 in Brussels, May 11 in New York), and no 31/13/2012. Not
    ``with_time``: of a block that is only a date ("January 18, 2020"), the time left out."""
    match = _WRITTEN_DATE.match(text.strip())
    if match is None or (with_time and not match.group("clock")):
        return None
    if match.group("year"):
        day, month, year = int(match.group("day")), _MONTHS[match.group("month").lower()], \
            match.group("year")
    elif match.group("year2"):
        day, month, year = int(match.group("day2")), _MONTHS[match.group("month2").lower()], \
            match.group("year2")
    else:
        day, month, year = int(match.group("day3")), int(match.group("month3")), \
            match.group("year3")
        if day <= 12 and month != day:
            return ""
    if not 1 <= day <= 31 or not 1 <= month <= 12:
        return ""
    return f"{year}-{month:02d}-{day:02d}"


# A credit and the time of publication, the whole block (Orange Actualités' « Orange avec AFP,
# publié le samedi 08 septembre 2018 à 21h45 », « 6Medias, publié le… »; "Reuters, published
# on May 11, 2012"): who wrote it, its comma, then a date written out (``_WRITTEN_DATE``). The
# credit is a few capitalised words or figures ("6Medias") joined by « avec », "with", "and".
# ("Son livre, publié le 8 mai 2020, a été vendu…" goes on after the date, and stays.)
_CREDIT_NAME = r"[A-ZÀ-Ý0-9][\w'’.&-]*"
_PUBLICATION_LINE = re.compile(
    rf"^(?:(?:by|par)\s+)?(?P<credit>(?-i:{_CREDIT_NAME})(?:\s+(?:avec|with|and|et|&|"
    rf"(?-i:{_CREDIT_NAME}))){{0,5}})\s*,\s+(?:publiée?|mise? à jour|modifiée?|published|posted|"
    r"updated)(?:\s+(?:le|on))?\s+(?P<date>\S.*)$", _I)


def publication_line(text: str) -> tuple[str, str] | None:
    """The credit and the date of a block that is only a credit and the time of its
    publication (``_PUBLICATION_LINE``), or None: the page's line of who wrote it and when,
    read as a block of a date and a time is (its date as ``written_date`` gives it)."""
    match = _PUBLICATION_LINE.match(text.strip())
    date = written_date(match.group("date"), with_time=False) if match else None
    return (match.group("credit"), date) if match and date is not None else None


# An agency's photo caption, as Reuters writes it and its clients print it under the picture
# (One America News: « FILE PHOTO: French President Emmanuel Macron delivers … January 16,
# 2020. Julien De Rosa/Pool via REUTERS », kept as the text's first paragraph): it opens on «
# FILE PHOTO: » in capitals, or ends on the photographer's credit to the agency ("REUTERS/Name",
# "Name/Pool via REUTERS", "(AP Photo/Name)"), or is that credit alone ("Name/Getty Images").
# Longer than the short blocks' patterns judge.
_AGENCY_CAPTION = re.compile(
    r"^(?:FILE PHOTO|FILE PICTURE|PHOTO DE FICHIER)\s*:\s+\S|"
    r"(?:\bREUTERS/[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:/(?:File|File Photo|Pool))?|"
    r"/(?:[A-Z][\w'’.-]*\s+)?via (?:REUTERS|Reuters|AFP|Getty Images)|"
    # (The photographer's credit to a picture agency alone, The Root's "Chip Somodevilla/Getty
    # Images" under its caption.)
    r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}/(?:Getty Images|AFP|Shutterstock)|"
    r"\((?:AP|AFP|Reuters) Photo/[^()]{2,60}\))\.?$")
CAPTION_MOST_WORDS = 90


def is_agency_caption(text: str) -> bool:
    """Whether a block is an agency's photo caption (``_AGENCY_CAPTION``)."""
    return len(text.split()) <= CAPTION_MOST_WORDS and bool(_AGENCY_CAPTION.search(text.strip()))


# A word mixing Latin and Cyrillic letters: an advert written with look-alike letters, to
# pass filters (Breaking Belize News' "Аdvеrtіѕе wіth thе most visited news site in Веlіzе…").
_LOOK_ALIKE = re.compile(r"\b\w*(?:[A-Za-z][\u0400-\u052f]|[\u0400-\u052f][A-Za-z])\w*")
LOOK_ALIKE_WORDS = 3  # in a block, whatever its length


def is_boilerplate(text: str, links: Iterable[str] = ()) -> bool:
    """Whether a block of an article's page is not the article's text (see the module)."""
    links = list(links)
    if (link_share(text, links) > LINK_SHARE and not is_linked_sentence(text, links)) or \
            _SITE_NOTICE.match(text) or is_agency_caption(text) or \
            len(_LOOK_ALIKE.findall(text)) >= LOOK_ALIKE_WORDS:
        return True
    if len(text.split()) > MOST_WORDS:
        return False
    return is_byline(text) or is_author_note(text) or is_sign_up_prompt(text) or bool(
        is_written_date(text) or publication_line(text)) or any(
        pattern.search(text) for pattern in _PATTERNS) or bool(
        _GIVING.search(text) and _SITE_VOICE.search(text))


def without_warning(text: str) -> str:
    """A block without the warning to the reader before its text (``_CONTENT_WARNING``)."""
    match = _CONTENT_WARNING.match(text)
    return text[match.end():] if match and len(text[match.end():].split()) >= 8 else text


def without_byline(text: str) -> str:
    """A paragraph without the byline or dateline glued to its start: "By Jane Doe |
    WASHINGTON (Reuters) — The Senate…", « PARIS (AFP) - Le Sénat… », "SUSIE O'BRIEN THE
    good thing…" (a name in capitals before the capitalised first word, as the Herald Sun
    prints it). Only when a sentence of some length remains."""
    for pattern in (_CONTENT_WARNING, _LABEL_PREFIX, _BYLINE_PREFIX, _DATELINE,
                    _AGENCY_DATELINE, _CAPITALS_NAME):
        match = pattern.match(text)
        if match and len(text[match.end():].split()) >= 8:
            text = text[match.end():]
    return text


def glued_byline(blocks: list[tuple[str, str]]) -> str | None:
    """The writer's name in a byline glued to the start of one of the text's first two
    paragraphs ("By Aaron Humes: The Americas cannot ignore…", Breaking Belize News, under its
    "Posted: Thursday, April 21, 2022." line), which ``without_byline`` cuts: the credit the
    text itself gives (two names as "Jo Doe; Al Roe")."""
    for text in [text for kind, text in blocks if kind == "paragraph"][:2]:
        match = _BYLINE_PREFIX.match(text)
        if match is not None and len(text[match.end():].split()) >= 8:
            return "; ".join(re.split(r"\s+(?:and|et)\s+", match.group("name")))
    return None


# A drop cap set apart from the rest of its word: "T he Smithsonian’s museum opens …",
# « L a ville … », "W ASHINGTON —". Not a letter that is a word of its own (A, I, O, Y, À).
_DROP_CAP = re.compile(r"^([«\"“]?\s*)([B-HJ-NP-XZ])\s([a-zà-ÿ]+|[A-ZÀ-Ý]{2,})\b")


def without_drop_cap(text: str) -> str:
    """A paragraph whose first letter the page set apart (a drop cap) joined to its word."""
    return _DROP_CAP.sub(r"\1\2\3", text, count=1)


# A teaser run into the paragraph that follows it, with no space between (« À LIRE AUSSI
# Antisémitisme : retour au Moyen ÂgeSon domicile et la mosquée… »): the teaser goes.
_GLUED_TEASER = re.compile(r"(?:À |A )?(?:LIRE AUSSI|Lire aussi|READ MORE|Read more|READ ALSO)"
                           r"\b[^.!?]*?[a-zà-ÿ)»”](?=[A-ZÀ-Ý][a-zà-ÿ])")


def without_glued_teaser(text: str) -> str:
    """A paragraph without a link's teaser glued to its start or run into its text."""
    match = _GLUED_TEASER.search(text)
    if match is None or len(text[match.end():].split()) < 6:
        return text
    return (text[:match.start()] + text[match.end():]).strip()


# An agency's credit glued to the end of a paragraph, after its last sentence or a dash (The
# Irish Times: "… bereaved and homeless. – Additional reporting from Reuters"; « … a-t-il
# dit. (avec AFP) »): the credit lines taken alone above ("Additional reporting by …", "With
# files from …", « (avec AFP) »), names only. ("… the council praised the reporting by The
# Guardian." and « (avec son adjoint) » are the article's.)
_CLOSING_CREDIT = re.compile(
    rf"(?:^|(?<=[.!?…\"”»])\s+|\s+(?=[—–-]))(?:[—–-]+\s*)?(?:(?:(?:additional |further )?"
    rf"reporting (?:by|from)|with (?:files|reporting|additional reporting) (?:from|by))\s+"
    rf"{_CREDITED}|\((?:avec|with)\s+{_CREDITED}\))\.?\s*$", _I)


def without_closing_credit(text: str) -> str:
    """A paragraph without an agency's credit glued to its end (``_CLOSING_CREDIT``); "" when
    the credit is all it holds."""
    return _CLOSING_CREDIT.sub("", text, count=1).strip()


# A box closing the page that presents a publication, the source the article relays or the
# publisher itself (Courrier international's « C'est la bible des milieux d'affaires. … Avec
# 600 000 abonnés papier, The Wall Street Journal… »): not the article's text.
_PRESS_WORDS = re.compile(
    r"\b(?:quotidien|quotidiens|hebdomadaire|mensuel|titre|rédaction|abonnés|tirage|lecteurs|"
    r"journalistes|fondée?|créée?|pulitzer|éditoriale?s?|chroniqueurs|supplément|"
    r"newspaper|daily|weekly|newsroom|subscribers|circulation|readers|journalists|founded|"
    r"editorial|columnists|masthead|Pulitzer|Prix Pulitzer)\b")
PRESS_BOX_WORDS = 6  # distinct press words in the closing run
PRESS_BOX_LONGEST = 5  # paragraphs


def without_press_box(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The blocks without a closing run of paragraphs that each speak of a publication (its
    readers, newsroom, founding, prizes): at least two, in the second half of the page."""
    start = len(blocks)
    words: set[str] = set()
    while start > 0 and blocks[start - 1][0] == "paragraph" and \
            len(blocks) - start < PRESS_BOX_LONGEST:
        found = {w.lower() for w in _PRESS_WORDS.findall(blocks[start - 1][1])}
        if not found:
            break
        words |= found
        start -= 1
    paragraphs = sum(kind == "paragraph" for kind, _t in blocks)
    if len(blocks) - start >= 2 and len(words) >= PRESS_BOX_WORDS and \
            start >= paragraphs / 2:
        return blocks[:start]
    return blocks


# A label over what closes a page and is no part of the article: readers' comments, partner
# sites, a cinema listing, the publisher's other stories (« Vos réactions », « Sites
# partenaires », « Actuellement au cinéma », La Libre's « Savoir plus », "Comments (12)").
# The whole label, a few words: « Les réactions du gouvernement », an article's own
# subheading, is kept.
_PAGE_END = re.compile(
    r"^(?:vos réactions|réactions des (?:lecteurs|internautes)|réagissez|réagir|"
    r"(?:les |\d+ )?commentaires?|(?:ajouter|laisser|écrire|poster) un commentaire|"
    r"sites? partenaires?|nos partenaires|actuellement (?:au|en salle|à l'affiche)(?: au)? "
    r"cinéma|savoir plus|(?:\d+ |reader )?comments?|"
    r"(?:add|leave|post|write) a comment|join the (?:conversation|discussion)|"
    r"partner sites?|from our partners|now (?:showing|playing)(?: in (?:cinemas|theaters))?)"
    r"\s*(?:\(\d+\))?\s*[:.]?$", _I)


def is_page_end(text: str) -> bool:
    """Whether a block is the label of a page's closing furniture (see ``_PAGE_END``)."""
    return len(text.split()) <= 6 and bool(_PAGE_END.match(text.strip()))


def article_blocks(blocks: list[tuple[str, str]], links: Iterable[str] = (),
                   author: str | None = None) -> list[tuple[str, str]]:
    """The blocks without boilerplate, a statistic box's figure and label, the notes on the
    page's ``author``, what follows a label of the page's closing furniture (readers'
    comments, partner sites, a cinema listing), and with the standfirst (headings before the
    first paragraph) as a paragraph."""
    links = list(links)
    kept: list[tuple[str, str]] = []
    skip_label = related = False
    for kind, text in blocks:
        if is_page_end(text) and any(k == "paragraph" for k, _t in kept):
            break  # the rest of the page is comments, partner sites, a cinema listing
        if skip_label:
            skip_label = False
            if len(text.split()) <= 10 and not text.endswith((".", "!", "?", "»", '"')):
                continue  # "homes flooded since Saturday", under its figure
        if _FIGURE.match(text):
            skip_label = True
            continue
        if _RULE.match(text):
            continue  # "___", "* * *": a rule drawn with characters
        if kind == "heading" and _RELATED.match(text):
            related = True  # "Other Opinion Columns": teasers, up to the next heading
            continue
        if kind == "paragraph":
            text = without_closing_credit(text)  # "… homeless. – Additional reporting from …"
        if not text or is_boilerplate(text, links) or is_author_bio(text, author):
            continue  # a teaser's linked title, too: it does not end the teasers
        if kind == "paragraph" and (is_dashed_list(text) or is_results_table(text)):
            continue
        text = without_warning(text)  # (a standfirst too, written as a heading)
        if kind == "paragraph" and _CROSSHEAD.match(text):
            kind = "heading"  # « PISTE D'UN INDIVIDU ISOLE »: Reuters' crossheads, in capitals
        elif kind == "paragraph" and (pointed := _POINTED_CROSSHEAD.match(text)):
            kind, text = "heading", pointed.group(1)  # 20 Minutes' « >> Mamma mia, quelle … »
        if kind == "heading":
            related = False
        if related:
            continue
        kept.append((kind, with_sentence_spaces(without_drop_cap(without_glued_teaser(
            without_byline(text)))) if kind == "paragraph" else text))
    while kept and kept[-1][0] == "paragraph" and (
            _BUTTON.match(kept[-1][1]) or _INITIALS.match(kept[-1][1])):
        kept.pop()  # « Contribuer »: a button's label closing the page; « J. La. »: a signature
    kept = with_quotations_joined(without_empty_ends(without_ranked_lines(without_press_box(
        without_teasers(
            without_cut_teasers(without_credited_links(kept, links)))))))
    first_paragraph = next((i for i, (kind, _t) in enumerate(kept) if kind == "paragraph"),
                           len(kept))
    # Before it, a section's label in capitals ("MIDDLE EAST CRISIS", Daily Maverick's kicker)
    # is no standfirst.
    kept = [(kind, text) for i, (kind, text) in enumerate(kept)
            if not (i < first_paragraph and _CROSSHEAD.match(text) and len(text.split()) <= 5)]
    first_paragraph = next((i for i, (kind, _t) in enumerate(kept) if kind == "paragraph"),
                           len(kept))
    return without_pull_quotes([("paragraph", text) if i < first_paragraph else (kind, text)
                                for i, (kind, text) in enumerate(kept)])


STANDFIRST_SHARE = 0.75  # of its words that two paragraphs of the text say again
STANDFIRST_LEAD_SHARE = 0.5  # of its words, at most, that the first three paragraphs say
STANDFIRST_WORDS = 8  # of four letters or more
TEASER_SHARE = 0.75  # of a one-sentence teaser's words that a paragraph says again in a row


def without_repeated_standfirst(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The blocks without a first block that is a later update's summary, which the text tells
    further on: it ends without a sentence's end (a standfirst, not the lead paragraph), has
    two sentences or more, two paragraphs of the text hold three quarters of its words, and
    the first three paragraphs under half of them (it does not sum up the lead: La DH's « Un
    membre de la branche yéménite d'Al-Qaïda a reconnu la mort d'Oussama ben Laden. Le corps de
    ce dernier a été immergé en mer », written over the first report, whose later paragraphs
    tell both). A standfirst of one sentence, or one that sums up the lead, stays (the Mirror's
    "Neighbours said there was a sickening smell coming from the house", the National Post's
    "The Harrises settled into … Westmount": the article's own standfirsts) — unless, without
    a full stop, one paragraph says three quarters of it again word for word, in a row
    (``_said_again``: a teaser of a later sentence, its words in the text)."""
    first = blocks[0][1].rstrip() if blocks and blocks[0][0] == "paragraph" else ""
    if len(blocks) < 4 or not first or first.endswith((".", "!", "?", "…", "»", '"', "”", ":")):
        return blocks

    def words(text: str) -> set[str]:
        return set(re.findall(r"[^\W\d_]{4,}", text.casefold()))

    if not re.search(r"\w[.!?]\s+[«\"“]?[A-ZÀ-Ý]", first):
        # One sentence: a teaser that a paragraph of the text says again word for word (La
        # DH's « Olivier Chastel rencontrera tous ses collègues lundi et mardi matin pour
        # passer en revue leur budget respectif », its seventh paragraph's « Par ailleurs, le
        # ministre du Budget Olivier Chastel (MR) rencontrera successivement tous ses collègues
        # lundi et mardi matin pour passer en revue leur budget respectif. »), goes; one the
        # text says again in other words stays.
        return blocks[1:] if not re.search(r"[.!?]", first) and any(
            _said_again(first, text) for kind, text in blocks[1:] if kind == "paragraph") \
            else blocks

    these = words(first)
    if len(these) < STANDFIRST_WORDS:
        return blocks
    paragraphs = [words(text) for kind, text in blocks[1:] if kind == "paragraph"]
    lead = set().union(*paragraphs[:3])
    if len(these & lead) >= STANDFIRST_LEAD_SHARE * len(these):
        return blocks
    best = max((len(these & (a | b)) for i, a in enumerate(paragraphs)
                for b in paragraphs[i:]), default=0)
    return blocks[1:] if best >= STANDFIRST_SHARE * len(these) else blocks


REPEATED_OPENING_WORDS = 8  # a sentence this long, said twice word for word, is one repeated


def _said_again(teaser: str, text: str) -> bool:
    """Whether ``text`` says ``teaser`` again: ``REPEATED_OPENING_WORDS`` of its words or more in
    a row, and ``TEASER_SHARE`` of them, word for word."""
    these, those = words_of(teaser).split(), words_of(text).split()
    run = SequenceMatcher(None, these, those, autojunk=False).find_longest_match(
        0, len(these), 0, len(those)).size
    return run >= REPEATED_OPENING_WORDS and run >= TEASER_SHARE * len(these)


def without_repeated_opening(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The blocks without the standfirst printed again (La DH's storm Sandy: its standfirst «
    Les vents se sont renforcés à 140 km/h … de là », the same words opening the first
    paragraph, and again in the body, where they belong): a first block that another
    paragraph says word for word goes, and so does the first sentence of the first paragraph
    when a later paragraph says it word for word. The copy in the body stays. (The page's
    paragraphs are parted from its blocks first: La DH writes its article as one block.)"""
    paragraphs = [i for i, (kind, _t) in enumerate(blocks) if kind == "paragraph"]
    if len(paragraphs) < 3:
        return blocks

    def said_in(words: str, j: int) -> bool:
        return f" {words} " in f" {words_of(blocks[j][1])} "

    first = paragraphs[0]
    words = words_of(blocks[first][1])
    if len(words.split()) >= REPEATED_OPENING_WORDS and any(
            said_in(words, j) and words_of(blocks[j][1]) != words for j in paragraphs[1:]):
        blocks = blocks[:first] + blocks[first + 1:]
        paragraphs = [i for i, (kind, _t) in enumerate(blocks) if kind == "paragraph"]
        first = paragraphs[0]
    text = blocks[first][1]
    end = re.search(r"[.!?…](?:\s*[\"”»])?\s+(?=[«\"“]?[A-ZÀ-Ý])", text)
    if end is None:
        return blocks
    opening = words_of(text[:end.end()])
    if len(opening.split()) >= REPEATED_OPENING_WORDS and \
            any(said_in(opening, j) for j in paragraphs[1:]):
        blocks = [*blocks[:first], (blocks[first][0], text[end.end():]), *blocks[first + 1:]]
    return blocks


def words_of(text: str) -> str:
    """The words of ``text``, lower case, one space apart: the same for « l’activité » and
    "L'activité", whatever the quotes and punctuation around them."""
    return " ".join(re.findall(r"\w+", text.casefold()))


PULL_QUOTE_WORDS = 6  # shorter, a repeated phrase may be the article's own
PULL_QUOTE_OPENING = 8  # words: a whole-quotation paragraph opening as another paragraph quotes


def without_pull_quotes(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The blocks without a paragraph printed twice (the second), a standfirst that the next
    paragraphs repeat word for word (TF1 Info), and a paragraph that another paragraph quotes
    at length: a pull-quote, a sentence of the article printed large beside it, sometimes
    shortened (Le Monde's « L'enfant est en contact permanent avec les écrans… » before the
    paragraph that says it), or only a few quoted words of it (« "moralement inacceptable" »)."""
    words = [words_of(text).split() if kind == "paragraph" else [] for kind, text in blocks]
    once: list[int] = []
    for i, these in enumerate(words):
        if these and (any(words[j] == these for j in once) or any(
                len(words[i + 1:i + 1 + count]) == count and
                sum(words[i + 1:i + 1 + count], []) == these for count in (2, 3))):
            continue
        once.append(i)
    blocks, words = [blocks[i] for i in once], [words[i] for i in once]
    return [block for i, block in enumerate(blocks)
            if not (len(words[i]) >= PULL_QUOTE_WORDS and any(
                j != i and len(other) > len(words[i]) and _quoted_in(words[i], other)
                for j, other in enumerate(words)))
            # (thirty-fifth set) a paragraph that is one quotation, said by no one, whose
            # first PULL_QUOTE_OPENING words a longer paragraph quotes: The Intercept's pull
            # quote « “It is not enough for one day in a hospital. They just want to help us
            # with burial …” », beside « Al-Hams sighed. “It is not enough for one day in a
            # hospital,” he said. », which tells the rest in its own words
            and not (_WHOLE_QUOTATION.match(block[1].strip()) and
                     len(words[i]) > PULL_QUOTE_OPENING and any(
                         j != i and len(other) > len(words[i]) and
                         _within(words[i][:PULL_QUOTE_OPENING], other)
                         for j, other in enumerate(words)))
            and not (words[i] and _QUOTED_WORDS.fullmatch(block[1].strip()) and any(
                j != i and _within(words[i], other) for j, other in enumerate(words)))]


def _within(part: list[str], whole: list[str]) -> bool:
    """Whether the words ``part`` stand in ``whole``, in a row."""
    return f" {' '.join(part)} " in f" {' '.join(whole)} "


# A few words in quotation marks and nothing else (a comma after them at most).
_QUOTED_WORDS = re.compile(r"[\"“«]\s*[^\"“”«»]{1,60}?\s*[\"”»][,.;]?")


def _quoted_in(quote: list[str], paragraph: list[str]) -> bool:
    """Whether ``quote`` opens and ends as a passage of ``paragraph`` does (its first and last
    PULL_QUOTE_WORDS words, in that order, within twice its length): a pull-quote may leave
    words out in between."""
    head = f" {' '.join(quote[:PULL_QUOTE_WORDS])} "
    tail = f" {' '.join(quote[-PULL_QUOTE_WORDS:])} "
    text = f" {' '.join(paragraph)} "
    start = text.find(head)
    if start == -1:
        return False
    tail_at = text.find(tail, start)
    return tail_at != -1 and tail_at + len(tail) - start <= 2 * len(" ".join(quote)) + 2


# A live blog's entry: a time, then its headline (« 9h05 - La Bourse de Paris ouvre… », "10:32
# a.m. — Markets open"). A page with this many is a live blog: entries on other subjects.
_TIMED_ENTRY = re.compile(r"^(?:\d{1,2}\s?h\s?\d{2}|\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?)"
                          r"\s*(?:[-–—|:]\s|$)", _I)
LIVE_BLOG_ENTRIES = 3
# A teaser of another story under the article: a label in capitals and a colon or a question
# mark, then its first sentence ("RISK REMAINS: An official said…", "FIVE-YEAR WINDOW? A…").
_TEASER = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý0-9 '’,-]{3,40}[:?]\s+[A-ZÀ-Ý]")


def timed_entries(blocks: list[tuple[str, str]]) -> int:
    """How many blocks open with a time, as a live blog's entries do (distinct times)."""
    return len({match.group(0) for _kind, text in blocks
                if (match := _TIMED_ENTRY.match(text))})


def without_teasers(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The blocks without the teasers of other stories that close some pages (two or more in
    a row at the end, each a label in capitals and a sentence: Taipei Times)."""
    end = len(blocks)
    while end > 0 and _TEASER.match(blocks[end - 1][1]):
        end -= 1
    return blocks[:end] if len(blocks) - end >= 2 else blocks


# A teaser of another article cut short: its first lines and an ellipsis in the middle of a
# sentence (MacRumors' "Popular Stories" under the article: "… Gurman says the event, which is
# expected to take place in the early part of September, is already under production,
# implying..."). A quotation trailing off ends on its quotation mark, and stays.
_CUT_SHORT = re.compile(r"[\w,;]\s?(?:\.{3}|…)$")
CUT_TEASER_WORDS = 15  # a teaser gives a few lines of its article


def without_cut_teasers(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The blocks without the teasers of other articles closing the page: two or more
    paragraphs in a row at its end (headings between them), each of some length and cut short
    by an ellipsis inside a sentence. One such paragraph is the article's own (« De quoi
    encourir une lourde suspension sans doute... »)."""
    end = len(blocks)
    teasers = 0
    while end > 0 and (blocks[end - 1][0] == "heading" or (
            len(blocks[end - 1][1].split()) >= CUT_TEASER_WORDS
            and _CUT_SHORT.search(blocks[end - 1][1]))):
        teasers += blocks[end - 1][0] == "paragraph"
        end -= 1
    if teasers < 2:
        return blocks
    while end < len(blocks) and blocks[end][0] == "heading":
        end += 1  # (a heading before the first teaser may be the article's last subheading's)
    return blocks[:end]


# A list of other stories' headlines run into one block, each after a dash (Vanity Fair's
# "— Mary Trump Thinks Her Uncle's Postpresidency Woes Are Just Beginning — There's a Wave of
# COVID Patients … — Not a subscriber? Join Vanity Fair …"). Three dashes at least, the first
# opening the block.
_DASHED_LIST = re.compile(r"(?:^|\s)[—–]\s+[«\"“‘']?[A-ZÀ-Ý0-9]")
DASHED_ITEMS = 3


def is_dashed_list(text: str) -> bool:
    """Whether the block is a list of headlines run together, each after a dash, most without
    a sentence's end (a dialogue written with dashes, « — Qui a décidé ? — Le conseil. », is
    sentences)."""
    if not text.lstrip().startswith(("—", "–")) or \
            len(_DASHED_LIST.findall(text)) < DASHED_ITEMS:
        return False
    items = [item.strip() for item in re.split(r"(?:^|\s)[—–]\s+", text) if item.strip()]
    headlines = sum(not item.endswith((".", "!", "?", "…", "»", '"', "”")) for item in items)
    return headlines * 2 >= len(items)


# A headline credited to another outlet, the outlet's name a link in brackets at its end
# (Vanity Fair's "Elsewhere!": "Supreme Court denies Trump allies' bid to overturn Pa. election
# results (Washington Post)", "… (NYP)").
_CREDITED_LINK = re.compile(r"\(([^()]{2,40})\)$")
CREDITED_LINK_WORDS = 30


def _is_credited_link(text: str, links: set[str]) -> bool:
    match = _CREDITED_LINK.search(text.rstrip())
    return match is not None and len(text.split()) <= CREDITED_LINK_WORDS and \
        match.group(1).strip() in links and not any(c.isdigit() for c in match.group(1))


def without_credited_links(blocks: list[tuple[str, str]],
                           links: Iterable[str]) -> list[tuple[str, str]]:
    """The blocks without a list of other outlets' headlines: two blocks or more in a row,
    each short and ending on the outlet's name, a link of the page, in brackets, without a
    figure. One such block is left (an article's sentence may credit its source so), and a
    list of changes ending on their links ("… (Bug 1663501)", Mozilla's notes) stays."""
    names = set(links)
    marked = [kind == "paragraph" and _is_credited_link(text, names) for kind, text in blocks]
    keep = [True] * len(blocks)
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and marked[j]:
            j += 1
        if j - i >= 2:
            keep[i:j] = [False] * (j - i)
        i = max(j, i + 1)
    return [block for block, kept in zip(blocks, keep, strict=True) if kept]


# A results table written as text (Sudinfo's « CCC® - 86 km - 5998 D+ … Hommes: 1- Tofol
# CASTAER BERNAT - ES - 08:57:04; 2 - Mikael PASERO - FR - 09:39:06; … »): ranks and times,
# or mostly figures. A paragraph that gives a few results in sentences is the article's.
_RANKED = re.compile(r"(?:^|[\s;:.])\d{1,3}\s?[-–.)]\s?[A-ZÀ-Ý]")
_TIME = re.compile(r"\b\d{1,2}[:h']\d{2}(?:[:'\"]\d{2})\b")
TABLE_ENTRIES = 3
TABLE_FIGURE_SHARE = 0.75  # words with a figure, for each word without


def is_results_table(text: str) -> bool:
    """Whether a block is a table of results written as text: three ranked entries or more
    (« 1- Dawa SHERPA », "23- Leonel Moreira(6)"), with as many times (hours, minutes and
    seconds) or with words holding a figure three quarters as many as the others at least.
    A worked example ("Example 1: 110^010 = 100 (Binary) 6 ^ 2 = 4 (Decimal)", no ranks) and
    a paragraph giving results in sentences are the article's."""
    words = text.split()
    figures = sum(any(c.isdigit() for c in word) or word in ("-", "–", "—") for word in words)
    return len(_RANKED.findall(text)) >= TABLE_ENTRIES and (
        len(_TIME.findall(text)) >= TABLE_ENTRIES or
        figures >= TABLE_FIGURE_SHARE * (len(words) - figures))


# A ranking printed one line a paragraph (L'Avenir's top scorers: « <p>1. Silvio Piola (Pro
# Vercelli, Lazio Rome, Juventus Turin, Novare) 274</p><p>2. Gunnar Nordahl (Suè/AC Milan, AS
# Rome) 225</p><p>. Francesco Totti (AS Rome) 225</p> … »): short lines ending on a figure,
# most opening on a rank. is_results_table reads a block, and each line was one.
_RANK_OPENING = re.compile(r"^(?:\d{1,3}\s?[-–.)]|[.–-])\s?[A-ZÀ-Ý]")
_FIGURE_ENDING = re.compile(r"\d[\d.,]*\s?(?:pts?|points|buts|goals|km|[%€$£])?\.?$")
RANKED_LINES = 3  # in a row, ending on a figure, at least
RANKED_LINE_WORDS = 15


def without_ranked_lines(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The blocks without a ranking printed one line a paragraph: ``RANKED_LINES`` paragraphs
    or more in a row, each of ``RANKED_LINE_WORDS`` words at most ending on a figure, two of
    them at least opening on a rank (``_RANK_OPENING``). A paragraph giving results in
    sentences, and a list of items without figures, are the article's."""
    def ranked(kind: str, text: str) -> bool:
        return kind == "paragraph" and len(text.split()) <= RANKED_LINE_WORDS and \
            bool(_FIGURE_ENDING.search(text.strip()))

    kept: list[tuple[str, str]] = []
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and ranked(*blocks[j]):
            j += 1
        run = blocks[i:j]
        if len(run) >= RANKED_LINES and \
                sum(bool(_RANK_OPENING.match(text)) for _k, text in run) >= 2:
            i = j
            continue
        kept.extend(run or blocks[i:i + 1])
        i = max(j, i + 1)
    return kept


# A lead-in to what the page embeds (a post, a video) that the text does not carry: one
# sentence ending on a colon, closing the text (Vanity Fair's "And apparently it's not going
# to be an easy one:" over an embedded post).
LEAD_IN_WORDS = 25


def _is_lead_in(text: str) -> bool:
    return text.rstrip().endswith(":") and len(text.split()) <= LEAD_IN_WORDS and \
        not re.search(r"[.!?…][\"”»)]?\s+[«\"“]?[A-ZÀ-Ý]", text)


def without_empty_ends(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The blocks without what leads to nothing: a heading closing the text (over what went:
    Sudinfo's « Les classements » over its results, a newsletter's "Elsewhere!"), and a
    lead-in ending on a colon closing it (see ``_is_lead_in``). A lead-in before a heading
    stays: what it introduces may be under that heading (« … 10 datos que todo católico debe
    saber: », then a heading for each)."""
    kept = list(blocks)
    changed = True
    while changed:
        changed = False
        if len(kept) > 1 and kept[-1][0] == "heading":
            kept.pop()
            changed = True
        if len(kept) > 1 and kept[-1][0] == "paragraph" and _is_lead_in(kept[-1][1]):
            kept.pop()
            changed = True
    return kept


# A paragraph that is all a quotation, in brackets or quotation marks (L'Avenir's translation
# of the tweet it embeds: « (« Le roi des ramasseurs est de retour … ») »).
_WHOLE_QUOTATION = re.compile(r"^\(?\s*[«\"“][^«»\"“”]+[»\"”]\s*\)?\.?$")


def with_quotations_joined(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The blocks with a paragraph that is all a quotation joined to the paragraph before when
    that one introduces it, ending on a colon (« Il y déclare : » over the translation of a
    post the page embeds, the post itself gone): read alone, the quotation says nothing of
    who said it."""
    joined: list[tuple[str, str]] = []
    for kind, text in blocks:
        if joined and kind == joined[-1][0] == "paragraph" and \
                joined[-1][1].rstrip().endswith(":") and _WHOLE_QUOTATION.match(text.strip()):
            joined[-1] = (kind, f"{joined[-1][1].rstrip()} {text.strip()}")
        else:
            joined.append((kind, text))
    return joined


# A full stop and the next sentence with no space between them (Sudinfo: « les refuges
# ouverts).Sur les 67 teams », « tout le parcours."La course »): the space goes back after a
# word of two letters or more, a closing bracket or quote, before a capitalised word or an
# opening quote. Not in an abbreviation or an initial ("U.S.", « M.Dupont », "B.DAR"), a figure
# ("3.5"), a web address or a name with dots ("www.Example.com", "java.lang.String",
# "ASP.NET", "Football.London": the word before the stop holds no dot or slash and is not
# capitalised, and the word after is no capitals alone).
_GLUED_STOP = re.compile(r"(?:(?<=[a-zà-ÿ][a-zà-ÿ])|(?<=[)\"”»’]))([.!?]|\.{3}|…)([\"“«]?)"
                         r"(?=[A-ZÀ-Ý][a-zà-ÿ'’])")


def with_sentence_spaces(text: str) -> str:
    """``text`` with a space after each sentence's end glued to the next sentence."""
    def space(match: re.Match[str]) -> str:
        start = text.rfind(" ", 0, match.start()) + 1
        word = text[start:match.start()]
        after = text[match.end():].split(" ", 1)[0]
        if re.search(r"[./@:]|www|https?", word) or word[:1].isupper() or \
                re.search(r"[./@:]\w", after.rstrip(".,;:!?")):
            return match.group(0)
        stop, quote = match.group(1), match.group(2)
        if quote == '"' and text.count('"', 0, match.start()) % 2 == 1:
            return f"{stop}{quote} "  # (the quotation the sentence closes: "… done."The)
        return f"{stop} {quote}"

    return _GLUED_STOP.sub(space, text)


# A heading over other articles' teasers.
_RELATED = re.compile(
    r"^(?:other (?:\w+ ){0,2}(?:columns|stories|articles|news)|more (?:from|on|stories|news)\b|"
    r"more must[- ]reads?\b|must[- ]reads?\s*$|"
    r"related(?: stories| articles| content)?$|recommended|most (?:read|popular)|"
    r"you may also like|read more|à lire aussi|lire aussi|sur le même sujet|les plus lus|"
    r"dans la même rubrique|autres articles|nos autres)", _I)


# The author after a separator, at the title's end ("… | The Gateway Pundit | by Cristina
# Laila").
_TITLE_BYLINE = re.compile(rf"\s+[-|–—·]\s+(?i:by|par)\s+{_NAME}$")
_SUFFIX = re.compile(r"^(?P<title>.+)\s+[-|–—·]\s+(?P<site>[^|–—·]{2,60})$")
_PREFIX = re.compile(r"^(?P<site>[^|–—·]{2,60}?)\s+[|–—·]\s+(?P<title>.+)$")
_COLON_SUFFIX = re.compile(r"^(?P<title>.+\S)\s*:\s+(?P<site>[^:]{2,60})$")


def _site_name(site: str) -> str:
    """The site's name as a title writes it, casefolded: "politico.com" and
    "www.politico.com" (a host name, where the page names no site) → "politico"."""
    site = site.casefold()
    host = re.fullmatch(r"(?:www\.)?([\w-]+)\.[a-z]{2,6}", site)
    return host.group(1) if host else site


# A separator between a site's name and its tagline: "WSVN 7News | Miami News, Weather, …".
_TAGLINE = re.compile(r"\s[|–—·]\s")


SITE_NAME_WORDS = 4  # at most, in a <title>'s last part that names the site


def site_named(site: str | None, title: str) -> str | None:
    """The site's name, when trafilatura's is none of it: the page's <title> (``title``) before
    its last separator (ESPN's "Michael Vick of Philadelphia Eagles misses practice, unlikely to
    play vs. Dallas Cowboys", from « <title>Michael Vick … Dallas Cowboys - ESPN</title> ») or a
    copyright line (Science's <meta name="Copyright" content="Copyright (c) 2011 American
    Association for the Advancement of Science. All Rights Reserved.">): the <title>'s last
    part, a name of SITE_NAME_WORDS words at most ("ESPN", "ScienceNOW"); else the copyright
    line's holder, without its copyright words. Other names as they are."""
    if not site:
        return site
    copyright = re.search(r"copyright|©|\(c\)|all rights reserved|tous droits réservés",
                          site, _I) is not None
    match = _SUFFIX.match(" ".join(title.split()))
    if match and len(match.group("site").split()) <= SITE_NAME_WORDS and (
            copyright or words_of(site) == words_of(match.group("title"))):
        return match.group("site").strip()
    if copyright:
        holder = " ".join(_COPYRIGHT_WORDS.sub(" ", site).split()).strip(" .,;")
        return re.sub(r"^by\s+", "", holder, flags=_I) or site
    return site


def site_without_tagline(site: str | None) -> str | None:
    """The site's name without its tagline (WSVN's og:site_name "WSVN 7News | Miami News,
    Weather, Sports | Fort Lauderdale" → "WSVN 7News"): what comes before its first separator."""
    if not site or not _TAGLINE.search(site):
        return site
    return _TAGLINE.split(site, maxsplit=1)[0].strip() or site


def without_site_name(title: str, site: str | None, publisher: Iterable[str] = ()) -> str:
    """« Titre - Bondy Blog » → « Titre »: the site's name after a separator goes (when the
    page names its site, or the part after the last separator is a few words that name one, or
    is one of the ``publisher``'s names, words_of); so does the site's name before one
    ("TechCrunch | 2005 Zuckerberg …"), and the author after the site's name ("… | The Gateway
    Pundit | by Cristina Laila")."""
    publisher = set(publisher)
    names = {site.casefold(), _site_name(site)} if site else set()
    whole = re.search(r"\s+[-|–—·]\s+" + re.escape(site or "") + r"$", title, _I) \
        if site and _TAGLINE.search(site) else None
    if whole and len(title[:whole.start()].split()) >= 4:
        # The site's name and its tagline, whole, after the title (WSVN's "… - WSVN 7News |
        # Miami News, Weather, Sports | Fort Lauderdale"): the last separator cuts the tagline.
        return title[:whole.start()].strip()
    byline = _TITLE_BYLINE.search(title)
    if byline and len(title[:byline.start()].split()) >= 4:
        title = title[:byline.start()].strip()
    prefix = _PREFIX.match(title)
    if prefix and prefix.group("site").strip().casefold() in names:
        title = prefix.group("title").strip()
    match = _SUFFIX.match(title)
    if not match:
        # After a colon, only a name of the site's (Scientific American's « Everyday BPA
        # Exposure Decreases Human Semen Quality: Scientific American », its site
        # scientificamerican.com): a colon also opens a title's second part.
        colon = _COLON_SUFFIX.match(title)
        if colon and len(colon.group("title").split()) >= 4 and (
                words_of(colon.group("site")) in publisher or
                words_of(colon.group("site")).replace(" ", "") in
                {name.replace(" ", "") for name in names}):
            return colon.group("title").strip()
        return title
    suffix = match.group("site").strip()
    if suffix.casefold() in names or words_of(suffix) in publisher:
        return match.group("title").strip()
    # The site and its section: "… | CNN Politics" on CNN's page.
    if site and suffix.casefold().startswith(site.casefold() + " ") and \
            len(suffix.split()) - len(site.split()) <= 2 and \
            all(w[:1].isupper() for w in suffix.split()):
        return match.group("title").strip()
    if not site and len(suffix.split()) <= 3 and all(w[:1].isupper() for w in suffix.split()) \
            and len(match.group("title").split()) >= 4:
        return match.group("title").strip()
    return title


# Who publishes the page, as its markup says: <meta name="copyright" content="Copyright (c) Condé
# Nast 2023">, the "publisher" of its structured data.
_COPYRIGHT_META = re.compile(
    rb"<meta\b(?=[^>]*\bname\s*=\s*[\"']copyright[\"'])[^>]*\bcontent\s*=\s*\"([^\"]{1,200})\"",
    re.IGNORECASE)
_SITE_NAME_META = re.compile(
    rb"<meta\b(?=[^>]*\bproperty\s*=\s*[\"']og:site_name[\"'])[^>]*\bcontent\s*=\s*\"([^\"]{1,100})\"",
    re.IGNORECASE)
_PUBLISHER_DATA = re.compile(
    rb"\"publisher\"\s*:\s*\{[^{}]{0,300}?\"name\"\s*:\s*\"([^\"]{1,100})\"")
_COPYRIGHT_WORDS = re.compile(r"copyright|\(c\)|©|\b(?:19|20)\d\d\b|all rights reserved|"
                              r"tous droits réservés", _I)
# A web address as a name (trafilatura writes <meta name="author" content="www.sudpresse.be"> as
# "Www Sudpresse Be").
_HOST_NAME = re.compile(r"^www[\s.]+\w+(?:[\s.-]+\w+)*$|^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", _I)


def publishers(html: bytes | str, site: str | None) -> set[str]:
    """The names of who publishes the page (its words, casefolded): the site's name, the
    copyright holder its <meta name="copyright"> names, its structured data's publisher, its
    og:site_name (The Gateway Pundit's, when trafilatura took its motto for the site's name)."""
    raw = html.encode("utf-8", "ignore") if isinstance(html, str) else html
    names = {site or ""}
    for pattern in (_COPYRIGHT_META, _PUBLISHER_DATA, _SITE_NAME_META):
        for match in pattern.finditer(raw[:500_000]):
            names.add(_COPYRIGHT_WORDS.sub(" ", match.group(1).decode("utf-8", "ignore")))
    return {words_of(name) for name in names} - {""}


def without_publisher(author: str, html: bytes | str, site: str | None) -> str | None:
    """The page's credit without the names that are no author: the publisher beside an author
    (The New Yorker's <meta name="author" content="Condé Nast">, its copyright holder, gave
    "Condé Nast; Rachel Riederer"; a publisher alone stays: a blog's author is its site, "Haki
    Benita"), a web address (Sudpresse's "Www Sudpresse Be"), a handle or a slug in lower case
    (``_is_handle``: "Gqlshare" for "gqlshare") and a reader's name read from the comments
    under the article (``_is_commenter``: Le Soir's "Aspic Dit Le"), and the words of an e-mail
    address (``_is_address_part``: MLive's "Kyle Meinke; Kmeinke Com")."""
    publisher = publishers(html, site)
    names = [_without_source(name.strip(), publisher) for name in author.split(";")
             if name.strip()]
    names = [part for name in names for part in _apart(name, marked_authors(html))]
    names = [_without_source_before(name, publisher) for name in names]
    names = [_source_alone(name, publisher) for name in names]
    names = [name for name in names if not _HOST_NAME.match(name) and not _is_host(name, html)
             and not _is_handle(name, html) and not _is_commenter(name, html)
             and not _is_designer(name, html) and not _is_address_part(name, html)]
    authors = [name for name in names if words_of(name) not in publisher]
    return "; ".join(_as_initials_written(name, html) for name in authors or names) or None


# The source before the author's name (L'Avenir: « Source: <span class="reviewer">lavenir</span>
# … <li class="author">Élisabeth CRUPI</li> », read "Source lavenir Élisabeth CRUPI").
_SOURCE_BEFORE = re.compile(r"^(?:Source|SOURCE|Bron)\s*:?\s+(?P<rest>\S.*)$")


def _without_source_before(name: str, publisher: set[str]) -> str:
    """``name`` without "Source X" before it, X the publisher's name (its words, or run
    together: "lavenir" for L'Avenir) or one word in lower case (a site's id), when a name of
    two words or more remains."""
    match = _SOURCE_BEFORE.match(name)
    if match is None:
        return name
    rest = match.group("rest").split()
    joined = {p.replace(" ", "") for p in publisher}
    for count in range(len(rest) - 2, 0, -1):
        source = words_of(" ".join(rest[:count]))
        if source in publisher or source.replace(" ", "") in joined or (
                count == 1 and rest[0].islower()):
            return " ".join(rest[count:])
    return name


# "Source" and an agency or the publisher's name, nothing else: the page names no writer, and
# says where the text comes from (L'Avenir: « Source: <span class="fn org">L'Avenir</span> »
# under an empty author, read "Source L'Avenir"; « Source: Belga »).
_SOURCE_ALONE = re.compile(rf"^(?:Source|SOURCE|Bron)\s*:?\s+(?P<source>{_AGENCY}|\S.*)$")


def _source_alone(name: str, publisher: set[str]) -> str:
    """The agency or the publisher a credit names after "Source", when it names nothing else
    ("Source L'Avenir" → "L'Avenir", on lavenir.net; "Source Belga" → "Belga"); other credits
    as they are ("Source Code Pro" is no source)."""
    match = _SOURCE_ALONE.match(name)
    if match is None:
        return name
    source = match.group("source").strip()
    compact = words_of(source).replace(" ", "")  # as a web address writes it: "lavenir"
    if re.fullmatch(_AGENCY, source) or any(
            words_of(source) == name or name.replace(" ", "") in (
                compact, *(compact + domain for domain in _DOMAINS))
            for name in publisher):
        return source
    return name


def _as_initials_written(name: str, html: bytes | str) -> str:
    """A credit of initials as the page writes them (L'Avenir's « B.DAR. », which trafilatura
    gave as "B DAR", a name no one has): its letters, with the dots, in the page's text."""
    words = name.split()
    if not any(len(word) == 1 and word.isupper() for word in words):
        return name
    document = _parsed_page(html)
    if document is None:
        return name
    pattern = re.compile(r"(?<![\w.])" + r"\.?\s?".join(re.escape(w) for w in words) + r"\.?(?!\w)")
    for text in document.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]"):
        match = pattern.search(str(text))
        if match and "." in match.group(0):
            return match.group(0)
    return name


# The source after the author's name (L'Avenir: <span class="fn">Nathanaël JACQMIN</span> …
# « Source: <span class="fn org">L'Avenir</span> », read as "Nathanaël JACQMIN Source
# L'Avenir"): where the article comes from, not who wrote it.
_SOURCE_AFTER = re.compile(r"(?<=\S)\s+(?:Source|SOURCE|Bron)\s*(?P<colon>:)?\s+(?P<source>\S.*)$")


def _without_source(name: str, publisher: set[str]) -> str:
    """``name`` without "Source: X" after it, or "Source X" when X is (the start of) the
    publisher's name ("Nathanaël JACQMIN Source L'Avenir" on lavenir.net; "Open Source
    Initiative" is a name)."""
    match = _SOURCE_AFTER.search(name)
    if match is None:
        return name
    source = words_of(match.group("source"))
    if match.group("colon") or any(f"{name} ".startswith(f"{source} ") for name in publisher):
        return name[:match.start()].strip()
    return name


def _is_handle(name: str, html: bytes | str) -> bool:
    """Whether ``name`` is a handle or a slug that trafilatura capitalised (it title-cases a
    credit written in lower case): the page writes it in lower case as one word, its words
    joined by "_", "-" or "." ("gqlshare" gave "Gqlshare", GitHub's "adbar" "Adbar", «
    <meta name="author" content="an_account"> » "An Account"), and nowhere as ``name`` is
    written, whatever the marks between its words (the New York Times' "Nelson D. Schwartz",
    read "Nelson D Schwartz", its address's "nelson-d-schwartz"). A name in lower case with
    its words apart ("john smith") is a person's name."""
    words = name.split()
    raw = html.decode("utf-8", "ignore") if isinstance(html, bytes) else html
    slug = r"[_.-]".join(re.escape(word.lower()) for word in words)
    written = r"\W+".join(re.escape(word.strip(".")) for word in words)
    return bool(words) and name != name.lower() and \
        re.search(rf"(?<![\w-]){slug}(?![\w-])", raw) is not None and \
        re.search(rf"(?<![\w-]){written}(?![\w-])", raw) is None


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _is_address_part(name: str, html: bytes | str) -> bool:
    """Whether ``name`` is made of the words of an e-mail address the page writes, one at least
    from each side of its "@": MLive's « <meta name="article_author" content="Kyle Meinke |
    kmeinke@mlive.com"> », which trafilatura read "Kyle Meinke; Kmeinke Com". An e-mail
    address is never an author's name; a name whose words are all the address's user part
    ("Kyle Meinke" for kyle.meinke@…) may be the writer's, and stays."""
    words = set(words_of(name).split())
    raw = html.decode("utf-8", "ignore") if isinstance(html, bytes) else html
    for address in set(_EMAIL.findall(raw)):
        user, _at, domain = address.partition("@")
        user_words, domain_words = set(words_of(user).split()), set(words_of(domain).split())
        if words and words <= user_words | domain_words and words & user_words and \
                words & domain_words:
            return True
    return False


# Readers' comments, each in its box: the element's class or id names a comment or a reaction.
_COMMENT_NAMES = ("comment", "reaction")


def _is_commenter(name: str, html: bytes | str) -> bool:
    """Whether ``name`` is a reader's, read from the comments under the article: its words are
    in a comment's box (an element whose class or id names a comment or a reaction, of fewer
    than ``BOX_LONGEST`` characters) and nowhere else in the page's markup. (Le Soir's «
    <div class="my-comment"><div class="my-author"><strong>[5] aspic</strong> <span
    class="reaction_date">dit le 11/05/2012, 23:26</span> », the page naming no writer,
    became the credit "Aspic Dit Le".) A writer who comments too is named elsewhere."""
    document = _parsed_page(html) if words_of(name) else None
    if document is None:
        return False
    words = f" {words_of(name)} "
    boxes = [element for element in document.xpath("//*[@class or @id]")
             if element.tag not in ("article", "main", "body", "html")
             and any(box in f"{element.get('class') or ''} {element.get('id') or ''}".lower()
                     for box in _COMMENT_NAMES)
             and len(element.text_content()) < BOX_LONGEST]
    if not any(words in f" {words_of(box.text_content())} " for box in boxes):
        return False
    for box in boxes:
        box.drop_tree()
    return words not in f" {words_of(lxml_html.tostring(document, encoding='unicode'))} "


# The last word of a web address read as a name ("lesoir.be" written "Lesoir Be").
_DOMAINS = {"be", "fr", "com", "net", "org", "ch", "ca", "uk", "lu", "eu", "info", "news", "tv",
            "de", "nl", "it", "es", "io", "co", "us", "au", "ie", "in"}


def _is_host(name: str, html: bytes | str) -> bool:
    """Whether ``name`` is a web address the page gives, its dots read as spaces ("Lesoir Be"
    for <meta name="author" content="lesoir.be">)."""
    words = words_of(name).split()
    if len(words) < 2 or words[-1] not in _DOMAINS:
        return False
    raw = html.decode("utf-8", "ignore") if isinstance(html, bytes) else html
    return re.search(rf"(?<![\w.@-]){re.escape('.'.join(words))}(?![\w@-])", raw, _I) is not None


# The line crediting the site's makers, in its footer: "Web design by:", "Designed by",
# "Developed by", « Réalisation : », « Conçu par ».
_MAKERS_CREDIT = re.compile(r"\b(?:(?:web\s*)?design(?:ed)?|developed|powered|built|site)\s+by\b|"
                            r"\b(?:conçu|réalisé|développé)\s+par\b|\bréalisation\s*:", _I)


MAKERS_LINE_LONGEST = 80  # characters: the makers' credit line, not a paragraph


def _short_lines(document: lxml_html.HtmlElement) -> dict[lxml_html.HtmlElement, str]:
    """Each element's text as one line — its ``itertext()`` pieces' words one space apart —
    for the elements whose line is at most MAKERS_LINE_LONGEST characters long. Built from
    the children's lines up, each text read once: joining every element's whole text again
    read each text once per element around it, quadratic when the nesting grows with the
    page (a 4 MB page of a body repeated, each copy left open: 2 s, now 0.25 s)."""
    lines: dict[lxml_html.HtmlElement, str] = {}
    too_long: set[lxml_html.HtmlElement] = set()
    for element in reversed(list(document.iter())):
        if not isinstance(element.tag, str):
            lines[element] = ""  # a comment: its text is no text of the page, its tail is
            continue
        parts = [element.text or ""]
        for child in element:
            if child in too_long:
                too_long.add(element)
                break
            parts += [lines[child], child.tail or ""]
        else:
            line = " ".join(" ".join(parts).split())
            if len(line) > MAKERS_LINE_LONGEST:
                too_long.add(element)
            else:
                lines[element] = line
    return lines


def _is_designer(name: str, html: bytes | str) -> bool:
    """Whether ``name`` is the firm that made the site, which the page's footer credits
    (``_MAKERS_CREDIT``) in the element around that line — its text, or a logo's alt text:
    Dominican Today's <meta name="author" content="Merit Designs Consulting Group, 2006-2020">
    and its footer's "Web design by:" over the firm's logo, alt "Merit Designs Consulting
    Group"."""
    words = words_of(name)
    if not words:
        return False
    document = _parsed_page(html)
    if document is None:
        return False
    lines = _short_lines(document)
    read: set[lxml_html.HtmlElement] = set()  # an element around several credits, read once
    for element in document.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        line = lines.get(element)
        if line is None or not _MAKERS_CREDIT.search(line):
            continue
        around = element.getparent() if element.getparent() is not None else element
        if around in read or around.tag in ("body", "html"):
            # (Not the whole page: Press Enterprise's "Powered by the Parse.ly Publisher
            # Platform (P3)." in a <div> of the <body> made every name of the page a designer's,
            # its writer's too, and the credit was None.)
            continue
        read.add(around)
        said = " ".join([*around.itertext(), *around.xpath(".//img/@alt"),
                         *around.xpath(".//a/@title")])
        if f" {words} " in f" {words_of(said)} ":
            return True
    return False


def marked_authors(html: bytes | str) -> list[str]:
    """The authors' names the page's markup gives one by one (schema.org's itemprop="author"
    and its "name", rel="author"), each part of a name with a comma apart ("Fatima Hussein,
    The Associated Press" → "Fatima Hussein", "The Associated Press")."""
    document = _parsed_page(html)
    if document is None:
        return []
    elements = document.xpath("//*[@itemprop='author']//*[@itemprop='name'] | "
                              "//*[@itemprop='author'][not(.//*[@itemprop='name'])] | "
                              "//a[@rel='author']")
    return [part.strip() for element in elements
            for part in " ".join(element.text_content().split()).split(",") if part.strip()]


# A copyright line that names a news agency, alone in its block (ESPN closes the Associated
# Press's stories with « <p><br><i>Copyright 2010 by The Associated Press</i></p> »).
_AGENCY_COPYRIGHT = re.compile(
    rf"^(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:19|20)\d\d\s*,?\s*(?:by\s+)?"
    rf"(?P<agency>(?:the\s+)?{_AGENCY})\.?(?:\s+all rights reserved\.?)?$", _I)


def copyright_agency(blocks: list[tuple[str, str]]) -> str | None:
    """The news agency that a block of the text, a copyright line alone, names ("The
    Associated Press", from "Copyright 2010 by The Associated Press"), or None: the story is
    the agency's, the credit when the page names no writer. (The line itself goes with the
    boilerplate, as every copyright notice does.)"""
    for _kind, text in blocks:
        match = _AGENCY_COPYRIGHT.match(text.strip())
        if match:
            return match.group("agency")
    return None


def wire_address(html: bytes | str, publisher: set[str]) -> str | None:
    """A web address that the page's markup marks as its author (``marked_authors``: East Bay
    Times' byline "By <a rel="author">CNN.com</a>", CNN.com its JSON-LD author too), as the
    page writes it: the wire whose story the page prints, named by its address. Not the
    publisher's own address (``publisher``'s names, or their words run together:
    "EastBayTimes.com"), which ``without_publisher`` drops as no writer."""
    joined = {name.replace(" ", "") for name in publisher}
    for name in marked_authors(html):
        if _HOST_NAME.match(name):
            words = [word for word in words_of(name).split() if word != "www"][:-1]
            if words and " ".join(words) not in publisher and "".join(words) not in joined:
                return name
    return None


def _apart(name: str, marked: list[str]) -> list[str]:
    """``name`` as the names the page marks one by one, when it is two or more of them run
    together (Investment Executive's two <span itemprop="name"> read as "Paul Wiseman Fatima
    Hussein"); otherwise ``name``."""
    words, known = name.split(), {words_of(m) for m in marked if len(m.split()) >= 2}
    parts: list[str] = []
    start = 0
    while start < len(words):
        end = next((end for end in range(len(words), start, -1)
                    if words_of(" ".join(words[start:end])) in known), None)
        if end is None:
            return [name]
        parts.append(" ".join(words[start:end]))
        start = end
    return parts if len(parts) >= 2 else [name]


# A byline under the headline, without "By" but with its agency (Le Soir: « <h1>…</h1> <div
# class="meta"><p><strong>Aurore Peignois, avec l'AFP.</strong> »), or with "By" / « Par ».
_HEADLINE_BYLINE = re.compile(
    rf"^(?:(?:[Bb]y|BY|[Pp]ar|PAR)\s+(?P<by>{_NAME})\.?|(?P<with>{_NAME})\s*(?:,|\()\s*(?:avec|with)\s+"
    rf"(?:l['’]|the\s+)?{_AGENCY}\)?\.?)$")


def byline_after_headline(html: bytes | str) -> str | None:
    """The writer's name in a byline that follows the page's <h1> (its next two elements),
    for a page whose markup names no author, or only its own web address (Le Soir's
    <meta name="author" content="lesoir.be">)."""
    document = _parsed_page(html)
    if document is None:
        return None
    for headline in document.iter("h1"):
        for sibling in list(headline.itersiblings())[:2]:
            for element in sibling.iter():
                if not isinstance(element.tag, str):
                    continue
                text = " ".join(element.text_content().split())
                if len(text.split()) <= 10 and (match := _HEADLINE_BYLINE.match(text)):
                    return match.group("by") or match.group("with")
    return None


# The words a logo's text gives besides the site's name: "POLITICO Politico Logo".
_LOGO_WORDS = {"logo", "home", "homepage", "accueil"}


# A newsletter's box taken for the title: "Get Slate in your inbox."
# (A call to action, short: "Schools sign up for the new free meals scheme" is a headline.)
_NEWSLETTER_TITLE = re.compile(r"^(?:get\b.{0,40}\bin your inbox|sign up|subscribe|"
                               r"inscrivez-vous|abonnez-vous)\b(?!(?:\S+\s+){8})", _I)


def is_furniture_title(title: str, site: str | None) -> bool:
    """A "title" that is page furniture: the site's logo (the page's <h1> holding its picture:
    "Logo" or "Home" and the site's name, nothing of a story; a title that is only the site's
    name is no sign, some pages give their story's title as the site's name) or a newsletter's
    box ("Get Slate in your inbox.")."""
    words = set(words_of(title).split())
    name = set(words_of(_site_name(site)).split()) if site else set()
    return (bool(words & _LOGO_WORDS) and words <= name | _LOGO_WORDS) or bool(
        _NEWSLETTER_TITLE.search(title))


CAPTION_LONGEST = 400  # characters
# Pictures' captions: an element whose class names a caption, whatever its case (trafilatura
# drops class="caption", not the Daily Mail's <p class="imageCaption">, whose sentences the
# text says again); a line without a sentence's end in the picture's own paragraph (The Gateway
# Pundit: <p><img …><br><em>Bryan Kohberger enters Idaho courtroom</em></p>), not an emoji's
# picture in a sentence.
_CAPTIONS = (
    "//*[self::p or self::span or self::div or self::figcaption]"
    "[contains(translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), "
    f"'caption')][string-length(normalize-space(.)) < {CAPTION_LONGEST}] | "
    # A caption by its other names: a newspaper's "cutline" (Press Enterprise's slideshow: <div
    # class="cutline">), "cap" as a word of the class (The Root's <div class="sl-art-illo-cap">,
    # its credit in a <span> inside it).
    "//*[self::p or self::span or self::div or self::figcaption]"
    "[contains(translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), "
    "'cutline') or contains(concat(' ', translate(@class, '-_ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
    "'  abcdefghijklmnopqrstuvwxyz'), ' '), ' cap ')]"
    f"[string-length(normalize-space(.)) < {CAPTION_LONGEST}] | "
    # A picture's description beside it (Sudinfo's <img …><p class="pic_description">Illustration
    # Photonews</p>).
    "//*[self::p or self::span or self::div][../img or ../picture]"
    "[contains(translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), "
    f"'desc')][string-length(normalize-space(.)) < {CAPTION_LONGEST}]"
    "[not(contains('.!?…»\"”', substring(normalize-space(.), "
    "string-length(normalize-space(.)), 1)))] | "
    "//p[.//img][not(.//img[contains(@class, 'emoji') or contains(@class, 'smiley')])]"
    f"[string-length(normalize-space(.)) > 0][string-length(normalize-space(.)) < 200]"
    "[not(contains('.!?…»\"”', substring(normalize-space(.), "
    "string-length(normalize-space(.)), 1)))]")


def captions(html: bytes | str) -> set[str]:
    """The text of the page's pictures' captions, on one line: blocks of this text are no
    article text (a paragraph that says the same words ends as a sentence ends, and stays).
    (Read apart from trafilatura: pruned before it reads the page, they changed which part of
    the Daily Mail's page it took for the article.)"""
    document = _parsed_page(html)
    if document is None:
        return set()
    # The caption whole, and each of its lines: its own text before its first child, and each
    # child's (a credit inside the caption, which trafilatura sets apart as a block).
    lines: set[str] = set()
    for element in document.xpath(_CAPTIONS):
        lines |= {" ".join(part.split()) for part in [
            element.text_content(), element.text or "",
            *(child.text_content() for child in element if isinstance(child.tag, str))]}
    return lines - {""}


# A paragraph all in bold, short, that does not end as a sentence or a lead-in does (La DH's
# « <p><b>Trois-mâts en perdition</b></p> », L'Avenir's « <p><strong>Le garçon avait-il
# prémédité son geste ?</strong></p> »): a crosshead, when the text has begun.
_BOLD_PARAGRAPHS = ("//p[normalize-space(.) != ''][count(*) = 1][b or strong]"
                    "[normalize-space(.) = normalize-space(b | strong)]")
CROSSHEAD_LONGEST = 12  # words


def bold_paragraphs(html: bytes | str) -> set[str]:
    """The text of the page's short paragraphs all in bold, without a sentence's full stop,
    an exclamation or a colon at their end, even inside closing quotation marks, and not
    opening on a quotation mark (crossheads, on one line: L'Avenir's « La police a pris
    "l'affaire très au sérieux" »; « Ein Genuss für Auge und Gaumen! » and a quotation in
    bold — „Dieses Buch ist …“ – padeluun — are the text's)."""
    document = _parsed_page(html)
    if document is None:
        return set()
    texts = {" ".join(element.text_content().split())
             for element in document.xpath(_BOLD_PARAGRAPHS)}
    return {text for text in texts if text and len(text.split()) <= CROSSHEAD_LONGEST
            and not text.rstrip("»\"”“’)\u00a0 ").endswith((".", ":", ";", ",", "!", "…"))
            and not text.startswith(("«", '"', "“", "„", "»"))}


# Embedded posts and players, pruned before trafilatura reads the page (see PRUNE_XPATH).
_EMBED_NAMES = ("twitter-tweet", "instagram-media", "tiktok-embed", "fb-post", "embed-social",
                "social-embed")
# Elements that end a line of the page's text.
_LINE_ELEMENTS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                  "blockquote", "section", "article", "figure", "table", "tr", "td", "header",
                  "footer", "aside", "dl", "dt", "dd", "hr", "pre", "main"}
_EMBED_MARK = "\x00"


# XPath's white space, which normalize-space() collapses.
_XPATH_SPACE = re.compile(r"[ \t\r\n]+")


def _embeds(document: Any) -> set[Any]:
    """The page's embedded posts and players: every <iframe>, Instagram's blockquote, and a
    box named as an embed (``_EMBED_NAMES``, in its class or id, any case) of fewer than
    ``BOX_LONGEST`` characters. (Found in one walk: the same test as an XPath expression with
    translate() and contains() took about 25 ms a page.)"""
    found = set()
    for element in document.xpath("//*"):  # (not iter(): lxml's trees of some broken pages
        # link their <body> to its <html> one way only, and iter() never reaches it)
        if element.tag == "iframe" or (element.tag == "blockquote" and
                                       element.get("data-instgrm-permalink") is not None):
            found.add(element)
            continue
        names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
        if any(name in names for name in _EMBED_NAMES) and len(_XPATH_SPACE.sub(
                " ", element.text_content()).strip(" ")) < BOX_LONGEST:
            found.add(element)
    return found


def embed_lead_ins(html: bytes | str) -> set[str]:
    """The lines of the page's text that come right before an embedded post or player (on one
    line): « Réponse de la bergère au berger : » over La DH's embedded tweet. The post goes
    (``PRUNE_XPATH``), and such a line, when it ends on a colon, leads to nothing."""
    if isinstance(html, bytes):
        try:  # (lxml reads bytes without a declared charset as Latin-1)
            html = html.decode("utf-8")
        except UnicodeDecodeError:
            pass
    document = _parsed_page(html)
    if document is None:
        return set()
    embeds = _embeds(document)
    if not embeds:
        return set()
    pieces: list[str] = []

    def walk(element: Any) -> None:
        if element in embeds:
            pieces.append(_EMBED_MARK)
        elif isinstance(element.tag, str) and element.tag not in ("script", "style"):
            line = element.tag in _LINE_ELEMENTS
            if line:
                pieces.append("\n")
            pieces.append(element.text or "")
            for child in element:
                walk(child)
            if line:
                pieces.append("\n")
        pieces.append(element.tail or "")

    walk(document)
    # For each embed, the line of text before it: its own line's text before it, or else the
    # last line that has text (one pass over the lines: the page's text was read again up to
    # each embed, seconds on a page of many).
    lead_ins = set()
    previous = ""
    for line in "".join(pieces).split("\n"):
        segments = line.split(_EMBED_MARK)
        for count in range(1, len(segments)):
            before = " ".join(_EMBED_MARK.join(segments[:count]).split()) or previous
            if before and _EMBED_MARK not in before:
                lead_ins.add(before)
        if line := " ".join(line.split()):
            previous = line
    return lead_ins


def without_embed_lead_ins(blocks: list[tuple[str, str]],
                           lead_ins: set[str]) -> list[tuple[str, str]]:
    """The blocks without a lead-in ending on a colon (one sentence, ``_is_lead_in``) that the
    page wrote right before an embedded post, which went (``embed_lead_ins``): read alone, it
    introduces nothing. When the article gives the post's words after it, a paragraph that is
    all a quotation (L'Avenir's translation of the tweet), the two are joined instead
    (``with_quotations_joined``)."""
    kept: list[tuple[str, str]] = []
    for i, (kind, text) in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if kind == "paragraph" and _is_lead_in(text) and " ".join(text.split()) in lead_ins \
                and not (following and following[0] == "paragraph"
                         and _WHOLE_QUOTATION.match(following[1].strip())):
            continue
        kept.append((kind, text))
    return with_quotations_joined(kept)


# A word or two alone, capitalised, without a sentence's end: a section's label (L'Avenir's «
# ATHLETISME » under its standfirst) or a dateline written as a paragraph (The Business Times'
# « Singapore » over « SINGAPORE Press Holdings (SPH) on Tuesday reported… »).
_LABEL_ALONE = re.compile(r"^[A-ZÀ-Ý][^\W\d_]*(?:[-'’][^\W\d_]+)*"
                          r"(?:\s[A-ZÀ-Ý][^\W\d_]*(?:[-'’][^\W\d_]+)*)?$")
LABEL_TEXT_WORDS = 8  # the paragraph under a label, at least
# A name alone, two or three capitalised words: the writer's signature closing the text (La
# DH's « Alain Lorfèvre »).
_SIGNATURE = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ'’-]+(?:\s(?:(?:de|du|van|von|der|le|la)\s)?"
                        r"[A-ZÀ-Ý][\w'’-]+){1,2}$")


# What the page's title says it holds besides the text, in brackets at its end (Sudinfo's «
# … (vidéos + sondage) »): the players and polls are not imported.
_MEDIA = r"(?:vid[ée]os?|photos?|sondages?|audio|podcast|diaporama|infographie|poll|gallery)"
_MEDIA_NOTE = re.compile(rf"\s*[(\[]{_MEDIA}(?:\s*(?:[+&,/]|et|and)\s*{_MEDIA})*[)\]]$", _I)


def without_media_note(title: str) -> str:
    """The title without a note of the media the page adds, in brackets at its end."""
    return _MEDIA_NOTE.sub("", title) or title


def without_labels_over_text(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The blocks without a paragraph of a word or two alone (``_LABEL_ALONE``) before the
    text's second paragraph, over a paragraph of ``LABEL_TEXT_WORDS`` or more: a section's
    label in capitals (« ATHLETISME ») or a dateline that the paragraph opens on again («
    Singapore » over « SINGAPORE Press Holdings… »), no text. (A word or two capitalised
    alone, else, may be the text's: a list's item, « Cloche », a recipe's label; and a label
    in capitals that others follow further in is the first of the text's crossheads:
    induux's « KOMPLETTES SORTIMENT », then « GENAUIGKEIT ».)"""
    kept: list[tuple[str, str]] = []
    paragraphs = 0

    def in_capitals(text: str) -> bool:
        return bool(_LABEL_ALONE.match(text)) and text.isupper() and len(text) >= 3

    for i, (kind, text) in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        label = text.strip()
        if kind == "paragraph" and paragraphs < 2 and _LABEL_ALONE.match(label) and \
                following is not None and following[0] == "paragraph" and \
                len(following[1].split()) >= LABEL_TEXT_WORDS and (
                    (in_capitals(label) and not any(
                        k == "paragraph" and in_capitals(t.strip()) for k, t in blocks[i + 2:]))
                    or words_of(following[1]).startswith(words_of(label) + " ")):
            continue
        paragraphs += kind == "paragraph"
        kept.append((kind, text))
    return kept


# An offer's label in capitals and its colon, opening a card's terms (The Points Guy's
# "WELCOME OFFER: 80,000 Points", "SIGN-UP BONUS: …"): an advertiser's card, not the article.
_OFFER_LABEL = re.compile(r"^[A-Z][A-Z'’ -]*\b(?:OFFER|BONUS)\b[A-Z'’ -]*\*?:\s*\S")


def without_closing_offer(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The blocks without the terms of an offer closing the text: from an offer's label in
    capitals and its colon (``_OFFER_LABEL``) to its end, when fewer words than the text before
    it (The Points Guy's Chase card under its article: "WELCOME OFFER: 80,000 Points", its bonus
    valuation, its highlights and terms, "Earn 5X points on Lyft rides…"). The article's own
    sentences about cards and points, before it, stay."""
    def words(part: list[tuple[str, str]]) -> int:
        return sum(len(text.split()) for _kind, text in part)

    start = next((i for i, (kind, text) in enumerate(blocks)
                  if kind == "paragraph" and _OFFER_LABEL.match(text)
                  and words(blocks[:i]) > words(blocks[i:])), None)
    return blocks[:start] if start else blocks


# An editor's note on the article's own changes, closing the text (WIRED's "Updated 11.02.23,
# 11:52 EST: This article has been updated to reflect that …"): its label ("Updated", "Update",
# "Correction", « Mise à jour », « Rectificatif »), a date or a time before its colon, then the
# note. A correction's note is always about the article; an update's only when it says so
# ("This article has been updated", "An earlier version", « cet article a été modifié »):
# "Updated 3:15 p.m.: The council said …" tells the story's news, and stays.
_NOTE_LABEL = re.compile(
    r"^[\[(*]?\s*(?:(?P<correction>corrections?|corrected|clarification|rectificatif|erratum)|"
    r"updated?|mise à jour|mis à jour)\b(?P<when>(?:[^:]|(?<=\d):(?=\d)){1,60}?)\s*:\s+"
    r"(?P<note>\S.*)$", _I)
_NOTE_WHEN = re.compile(
    rf"\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\b(?:[01]?\d|2[0-3])\s?[:h.]\s?[0-5]\d\b|"
    rf"\b\d{{1,2}}\s?[ap]\.?m\b|\b(?:{_MONTH_NAME})\.?\s+\d|\b\d{{1,2}}(?:er)?\s+(?:{_MONTH_NAME})\b",
    _I)
_ABOUT_THE_ARTICLE = re.compile(
    r"\b(?:this|the) (?:article|story|post|piece|report)\b.{0,40}?\b(?:updated|corrected|"
    r"amended|changed|edited)\b|\ban? (?:earlier|previous) version\b|"
    r"\b(?:cet|l['’])\s?article\b.{0,40}?\b(?:mis à jour|modifié|corrigé|actualisé)\b|"
    r"\bune (?:précédente|première) version\b", _I)


def is_editors_note(text: str) -> bool:
    """Whether a paragraph is an editor's note on the article's changes (``_NOTE_LABEL``): a
    correction's, or an update's that speaks of the article, with a date or a time."""
    match = _NOTE_LABEL.match(text.strip())
    return match is not None and _NOTE_WHEN.search(match.group("when")) is not None and (
        match.group("correction") is not None or
        _ABOUT_THE_ARTICLE.search(match.group("note")) is not None)


def without_closing_notes(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The blocks without the editor's notes closing the text (``is_editors_note``), after two
    paragraphs at least; a note further in is left where it is (it may be the text's)."""
    while sum(kind == "paragraph" for kind, _t in blocks) > 2 and \
            blocks[-1][0] == "paragraph" and is_editors_note(blocks[-1][1]):
        blocks = blocks[:-1]
    return blocks


def closing_signature(blocks: list[tuple[str, str]], html: bytes | str) -> str | None:
    """The writer's name alone as the text's last paragraph, after two paragraphs at least
    (``_SIGNATURE``: La DH signs its articles so), or None. Not a list's last item (a blog's
    list of a series' characters closing on « Bruce Maddox »)."""
    if sum(kind == "paragraph" for kind, _t in blocks) < 3 or blocks[-1][0] != "paragraph":
        return None
    text = blocks[-1][1].strip()
    if not _SIGNATURE.match(text):
        return None
    document = _parsed_page(html)
    if document is not None and any(" ".join(item.text_content().split()) == text
                                    for item in document.iter("li", "dt", "dd", "td")):
        return None
    return re.sub(r"^(?:von|by|par)\s+", "", text, flags=_I) if _SIGNATURE.match(text) else None


def headlines(html: bytes | str) -> list[str]:
    """The text of each <h1> of the page."""
    document = _parsed_page(html)
    if document is None:
        return []
    return [" ".join(element.text_content().split()) for element in document.iter("h1")]


def agreed_headline(tree: Any) -> str | None:
    """The text of the page's first <h1> that its JSON-LD gives as the "headline" of one of its
    objects (in its <script type="application/ld+json">, objects within objects and lists too),
    or None: the headline the page prints and states, which the meta titles may not be (The
    Points Guy's og:title "Alaska Airlines to become full Oneworld member by spring", its <h1>
    and headline "Alaska Airlines sets new date for full Oneworld membership"). ``tree`` is the
    page as trafilatura reads it (decoded as it decodes the page)."""
    stated: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("headline"), str):
                stated.add(words_of(unescape(value["headline"])))  # (WordPress's &#8217;)
            for inner in value.values():
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    if tree is None:
        return None
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            try:
                walk(json.loads(script.text or ""))
            except ValueError:  # (a CMS's broken JSON: no headline read from it)
                continue
    stated.discard("")
    return next((text for element in tree.iter("h1")
                 if words_of(text := " ".join(element.text_content().split())) in stated), None)


# A standfirst's element, named so by its class or id (one of its words, any case): "dek",
# "p-dek", Scientific American's <p id="articleDek">; not a teaser's ("summary-item__dek").
_DEK_NAME = re.compile(r"(?:article|entry|story|post|p)?[-_]?dek", _I)
DEK_LONGEST = 600  # characters: a standfirst's longest (here and extract._DEKS)


def dek_under_headline(html: bytes | str, title: str) -> str | None:
    """The text of the standfirst right under the page's headline: a <p> or <div> of text alone
    (DEK_LONGEST characters at most), named a dek (``_DEK_NAME``), its element before it the
    <h1> or <h2> that gives ``title`` (Scientific American's « <h2 class="articleTitle">
    Everyday BPA Exposure Decreases Human Semen Quality</h2><p id="articleDek">The more
    bisphenol A men were exposed to…</p> », in the header trafilatura leaves out). None when
    the page has none."""
    document = _parsed_page(html)
    if document is None or not title:
        return None
    for element in document.iter("p", "div"):
        names = f"{element.get('class') or ''} {element.get('id') or ''}".split()
        if len(element) or not any(_DEK_NAME.fullmatch(name) for name in names):
            continue
        text = " ".join(element.text_content().split())
        before = element.getprevious()
        if text and len(text) <= DEK_LONGEST and before is not None and \
                before.tag in ("h1", "h2") and words_of(before.text_content()) == words_of(title):
            return text
    return None


def document_title(html: bytes | str) -> str:
    """The text of the page's <title> (in its <head>), or ""."""
    document = _parsed_page(html)
    if document is None:
        return ""
    element = document.find(".//head/title")
    return " ".join(element.text_content().split()) if element is not None else ""
