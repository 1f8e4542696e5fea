"""lunr.js's English pipeline (helpcentre/lunr_english.py) as functions of
the `lunr` Python package's pipeline, for the offline model of the search."""

from __future__ import annotations

from lunr.pipeline import Pipeline

from helpcentre.lunr_english import STOP_WORDS, porter_stem, trim

__all__ = ["STOP_WORDS", "porter_stem", "stemmer", "stop_word_filter", "trimmer"]


def stemmer(token, i=None, tokens=None):
    return token.update(lambda s, metadata=None: porter_stem(s))


def trimmer(token, i=None, tokens=None):
    return token.update(lambda s, metadata=None: trim(s))


def stop_word_filter(token, i=None, tokens=None):
    return None if str(token) in STOP_WORDS else token


for _fn, _label in ((stemmer, "stemmer-js"), (trimmer, "trimmer-js"), (stop_word_filter, "stopWordFilter-js")):
    Pipeline.register_function(_fn, _label)
