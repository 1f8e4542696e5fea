"""lunr.js 2.3.9's English pipeline, ported line by line: the trimmer, the
stop-word filter and the Porter stemmer of the copy bundled in Material's
search worker, which the search box runs on every query. The build runs the
same on every page (search_shards.py), so a word is indexed as the browser
will look for it. (The `lunr` Python package's stemmer is another Porter
implementation: "pay" -> "pai", where lunr.js keeps "pay".)"""

from __future__ import annotations

import re

STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
    "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate",
    "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al",
    "iviti": "ive", "biliti": "ble", "logi": "log",
}
STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}

_c = "[^aeiou]"
_v = "[aeiouy]"
_C = _c + "[^aeiouy]*"
_V = _v + "[aeiou]*"
RE_MGR0 = re.compile("^(" + _C + ")?" + _V + _C)
RE_MEQ1 = re.compile("^(" + _C + ")?" + _V + _C + "(" + _V + ")?$")
RE_MGR1 = re.compile("^(" + _C + ")?" + _V + _C + _V + _C)
RE_S_V = re.compile("^(" + _C + ")?" + _v)
RE_1A = re.compile(r"^(.+?)(ss|i)es$")
RE2_1A = re.compile(r"^(.+?)([^s])s$")
RE_1B = re.compile(r"^(.+?)eed$")
RE2_1B = re.compile(r"^(.+?)(ed|ing)$")
RE_1B_2 = re.compile(r".$")
RE2_1B_2 = re.compile(r"(at|bl|iz)$")
RE3_1B_2 = re.compile(r"([^aeiouylsz])\1$")
RE4_1B_2 = re.compile("^" + _C + _v + "[^aeiouwxy]$")
RE_1C = re.compile(r"^(.+?[^aeiou])y$")
RE_2 = re.compile(r"^(.+?)(" + "|".join(STEP2) + ")$")
RE_3 = re.compile(r"^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$")
RE_4 = re.compile(r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$")
RE2_4 = re.compile(r"^(.+?)(s|t)(ion)$")
RE_5 = re.compile(r"^(.+?)e$")
RE_5_1 = re.compile(r"ll$")
RE3_5 = re.compile("^" + _C + _v + "[^aeiouwxy]$")

STOP_WORDS = frozenset(
    "a able about across after all almost also am among an and any are as at be because been but by can "
    "cannot could dear did do does either else ever every for from get got had has have he her hers him "
    "his how however i if in into is it its just least let like likely may me might most must my neither "
    "no nor not of off often on only or other our own rather said say says she should since so some than "
    "that the their them then there these they this tis to too twas us wants was we were what when where "
    "which while who whom why will with would yet you your".split()
)


def porter_stem(w: str) -> str:
    if len(w) < 3:
        return w
    firstch = w[0]
    if firstch == "y":
        w = "Y" + w[1:]
    if RE_1A.search(w):
        w = RE_1A.sub(r"\1\2", w)
    elif RE2_1A.search(w):
        w = RE2_1A.sub(r"\1\2", w)
    if m := RE_1B.search(w):
        if RE_MGR0.search(m.group(1)):
            w = RE_1B_2.sub("", w, count=1)
    elif m := RE2_1B.search(w):
        stem = m.group(1)
        if RE_S_V.search(stem):
            w = stem
            if RE2_1B_2.search(w):
                w = w + "e"
            elif RE3_1B_2.search(w):
                w = RE_1B_2.sub("", w, count=1)
            elif RE4_1B_2.search(w):
                w = w + "e"
    if m := RE_1C.search(w):
        w = m.group(1) + "i"
    if m := RE_2.search(w):
        if RE_MGR0.search(m.group(1)):
            w = m.group(1) + STEP2[m.group(2)]
    if m := RE_3.search(w):
        if RE_MGR0.search(m.group(1)):
            w = m.group(1) + STEP3[m.group(2)]
    if m := RE_4.search(w):
        if RE_MGR1.search(m.group(1)):
            w = m.group(1)
    elif m := RE2_4.search(w):
        stem = m.group(1) + m.group(2)
        if RE_MGR1.search(stem):
            w = stem
    if m := RE_5.search(w):
        stem = m.group(1)
        if RE_MGR1.search(stem) or (RE_MEQ1.search(stem) and not RE3_5.search(stem)):
            w = stem
    if RE_5_1.search(w) and RE_MGR1.search(w):
        w = RE_1B_2.sub("", w, count=1)
    if firstch == "y":
        w = "y" + w[1:]
    return w


TRIM_START = re.compile(r"^[^A-Za-z0-9_]+")
TRIM_END = re.compile(r"[^A-Za-z0-9_]+$")


def trim(word: str) -> str:
    return TRIM_END.sub("", TRIM_START.sub("", word))


PIPELINE = {"trimmer": trim, "stopWordFilter": lambda word: "" if word in STOP_WORDS else word,
            "stemmer": porter_stem}


def run_pipeline(word: str, steps: tuple[str, ...]) -> str:
    """A token through lunr's functions in lunr's order, as the index's
    pipeline names them; "" when one drops it."""
    for name in ("trimmer", "stopWordFilter", "stemmer"):
        if name in steps and word:
            word = PIPELINE[name](word)
    return word
