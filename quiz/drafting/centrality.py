"""How central each sentence is to its article: LexRank (Erkan & Radev, 2004).

A sentence is central when it shares its words with many other sentences that are central
too: the article's main facts are told, then taken up again; a side detail (a minor source, a
figure of a digression) is told once in words no other sentence uses. Each sentence is a
TF-IDF vector of its content words (spaCy's lemmas, stop words left out); two sentences are
linked when their cosine similarity reaches ``LINK_SIMILARITY``; the centrality is the
stationary distribution of a random walk on those links (PageRank with ``DAMPING``). The
inverse document frequency is log(1 + n/df), so that a word of every sentence still counts a
little. A rough measure: a main fact told in words of its own ("the government will send 150
soldiers") can rank among the least central.

Measured on the rated drafts of the twenty-fourth to thirty-fifth held-out sets
(``bench/centrality_ratings.py``, docs/drafting.md "Thirty-fifth round"): of the clozes asked
from the least central 40% of a long article's sentences (outside its lead), 15 of 54 were
usable and 34 rejected — most as trivial — against 81 usable and 51 rejected of 156 from the
other sentences.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

LINK_SIMILARITY = 0.1  # LexRank's usual threshold for two sentences to be linked
DAMPING = 0.85


def content_lemmas(doc: Any) -> list[str]:
    """The lemmas of a parsed sentence's content words (letters only, three or more, no stop
    word), lower case."""
    return [token.lemma_.lower() for token in doc
            if token.is_alpha and not token.is_stop and len(token.text) > 2]


def centrality_ranks(docs: Sequence[Any]) -> list[float]:
    """Each sentence's place among the article's sentences by LexRank centrality, from 0.0
    (the most central) to just under 1.0 (the least), sentences alike sharing the best place
    of their group; [] for no sentence."""
    import numpy as np

    words = [content_lemmas(doc) for doc in docs]
    count = len(words)
    if count == 0:
        return []
    frequency = Counter(word for sentence in words for word in set(sentence))
    vocabulary = {word: number for number, word in enumerate(sorted(frequency))}
    vectors = np.zeros((count, max(1, len(vocabulary))))
    for row, sentence in enumerate(words):
        for word, times in Counter(sentence).items():
            vectors[row, vocabulary[word]] = times * math.log(1 + count / frequency[word])
    norms = np.linalg.norm(vectors, axis=1)
    norms[norms == 0] = 1.0
    vectors /= norms[:, None]
    similarity = vectors @ vectors.T
    np.fill_diagonal(similarity, 0.0)
    links = (similarity >= LINK_SIMILARITY).astype(float)
    degrees = links.sum(axis=1)
    degrees[degrees == 0] = 1.0
    walk = (links / degrees[:, None]).T
    # The walk's stationary distribution, solved exactly (a few hundred sentences at most):
    # (I - d W) p = (1 - d) / n
    scores = np.linalg.solve(np.eye(count) - DAMPING * walk,
                             np.full(count, (1 - DAMPING) / count))
    # Ties: sentences linked to none (or alike) share one score; the sum of their
    # similarities tells them apart, and those still alike share the best place of their group
    # (never the article's order: a later sentence is not less central for coming later).
    # Rounded, so that the order does not hang on the last bits of a sum.
    keys = [(-round(float(scores[n]), 9), -round(float(similarity[n].sum()), 9))
            for n in range(count)]
    order = sorted(range(count), key=lambda number: keys[number])
    ranks = [0.0] * count
    first_place: dict[tuple[float, float], int] = {}
    for place, number in enumerate(order):
        ranks[number] = first_place.setdefault(keys[number], place) / count
    return ranks
