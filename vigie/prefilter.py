"""The cheap first pass over raw text: which sentences need spaCy at all.

Each sentence is marked from its words alone (no model): a trigger word of lexicons/triggers.tsv
in one of its inflected forms, a count of people, a quotation. An article is *eventful* when a
sentence holds a trigger that can make an event by itself (strong or agent); only then are its
trigger sentences parsed, and its counts and the sentences before them when the triggers do make
an event (parse.py). In the other articles only the sentences with a quotation are parsed, for
their speakers. Both selective and full parsing read
these marks, so skipping a sentence never changes what the stages find in the ones they read.

Inflections are written here rather than taken from a library: the French lemmatizers on PyPI
go from a form to its lemma, and this pass needs the reverse, for a few dozen regular verbs.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import GatedRegex, fold, phrase_regex, table, words

if TYPE_CHECKING:
    from .parse import Sentence

# endings of the first group (manifester, bloquer)
ER = ("e es ent ons ez er é ée és ées ai as a âmes âtes èrent ait aient ais ions iez erai eras era erons erez eront "
      "erais erait erions eriez eraient ant ât asse assent assions").split()
# second group (réunir)
IR = ("i is it ie ies ir issons issez issent issais issait issions issiez issaient issant irent ira iras irons "
      "irez iront irais irait irions iriez iraient isse").split()
# third group in -re (descendre)
RE = "s t ons ez ent u ue us ues ait aient ais ant re ra ront rait raient it irent rons rez".split()
# function words of multi-word triggers: the lemma matcher reads them loosely, so they are not required
FUNCTION_WORDS = {"le", "la", "les", "l", "un", "une", "de", "d", "du", "des", "en", "dans", "se", "s", "a"}
# verbs whose forms are irregular: in a multi-word trigger the other words are required instead
IRREGULAR = {"mettre", "prendre", "battre"}
STRONG = {"strong", "agent"}
NUMBER_WORDS = re.compile(r"\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
                          r"seize|vingt|trente|quarante|cinquante|soixante|cent|mille)\b", re.IGNORECASE)
REFLEXIVE = {"se", "s", "nous", "vous"}
DETERMINERS = {"le", "la", "les", "l", "un", "une", "du", "au", "aux", "des", "ce", "cet", "cette", "ces", "son", "sa",
               "ses", "leur", "leurs", "mon", "ma", "mes", "notre", "nos", "votre", "vos"}


def _letters(word: str) -> str:
    """A word as a regex over lower-case text: a missing accent is tolerated, an extra one is not
    ("greve" is grève, "marché" is not marche)."""
    out = []
    for c in word:
        base = unicodedata.normalize("NFKD", c)[0]
        out.append(f"[{c}{base}]" if base != c else re.escape(c))
    return "".join(out)


def _alternatives(words_: list[str]) -> str:
    return "(?:" + "|".join(_letters(w) for w in sorted(words_, key=len, reverse=True)) + ")"


def _verb_forms(lemma: str) -> str:
    if lemma.endswith(("ir", "re")):
        return _letters(lemma[:-2]) + _alternatives(IR if lemma.endswith("ir") else RE) + "?"
    stem = _letters(lemma[:-2])
    if lemma[:-2].endswith("g"):
        stem += "e?"  # saccageons
    elif lemma[:-2].endswith("y"):
        stem = _letters(lemma[:-3]) + "[yi]"  # débraie
    return stem + _alternatives(ER) + "?"


def _word_forms(word: str, verb: bool) -> str:
    if verb and word.endswith(("er", "ir", "re")):
        return _verb_forms(word)
    plural = "|" + _letters(word[:-2]) + "aux" if word.endswith("al") else ""
    return "(?:" + _letters(word) + "(?:es?|s|x)?" + plural + ")"  # nouns and adjectives: humaine, urbains


def _row_pattern(row: dict) -> tuple[str, bool] | None:
    """Surface forms of one trigger, words in order with a few words allowed between them, and
    whether they start with the verb ("battre le pavé" is matched on "pavé")."""
    parts = row["form"].lower().replace("-", " ").replace("'", " ").split()
    verb = row["pos"] == "VERB"
    content = [w for w in parts if fold(w) not in FUNCTION_WORDS]
    head = content[0] if content else None
    if len(content) > 1:
        content = [w for w in content if w not in IRREGULAR]
    pats = [_word_forms(w, verb and w == head) for w in content]
    if not pats:
        return None
    return r"(?:\W+\w+){0,6}?\W+".join(pats), verb and content[0] == head, fold(content[0])[:3]


@dataclass(frozen=True)
class TriggerForms:
    pattern: re.Pattern  # the surface forms of one trigger row
    strength: str
    mode: str
    requires: str  # crowd | road | crowd_or_road | crowd_subject | burning | none
    verb: bool
    reflexive: bool
    key: str  # three folded letters every form has: a substring test spares the regex
    form: str  # the row's form, as detect.py's triggers name it


@lru_cache(maxsize=1)
def trigger_forms() -> tuple[re.Pattern, tuple[TriggerForms, ...]]:
    """A regex of every trigger form (the gate), and each row's forms and conditions, over
    lower-case text."""
    rows = []
    for row in table("triggers.tsv"):
        found = _row_pattern(row)
        if found:
            pat, verb, key = found
            rows.append(TriggerForms(re.compile(r"(?<!\w)(?:" + pat + r")(?!\w)"), row["strength"], row["mode"],
                                     row["requires"], verb, row["form"].startswith("se "), key, row["form"]))
    gate = re.compile(r"(?<!\w)(?:" + "|".join(r.pattern.pattern[len(r"(?<!\w)(?:"):-len(r")(?!\w)")] for r in rows)
                      + r")(?!\w)")
    return gate, tuple(rows)


@lru_cache(maxsize=1)
def other_gatherings() -> frozenset[str]:
    """Words that make every gathering of a sentence something else (detect.py reads the same list)."""
    base = {fold(w) for w in words("non_protest_sentence.txt")}
    return frozenset(base | {w + "s" for w in base})


@lru_cache(maxsize=1)
def _other_senses() -> frozenset[str]:
    """Words beside a trigger noun that give it another sense (detect.py reads the same list)."""
    base = {fold(w) for w in words("non_protest.txt")}
    return frozenset(base | {w + "s" for w in base})


@lru_cache(maxsize=1)
def other_events() -> frozenset[str]:
    """Gatherings that are not protests, and the people who come to them."""
    base = {fold(w) for w in words("other_events.txt")}
    return frozenset(base | {w + "s" for w in base} | other_gatherings())


@lru_cache(maxsize=1)
def same_again() -> GatedRegex:
    """"Des scènes similaires ont été signalées à X": the action just reported, again (assemble.py)."""
    return GatedRegex(words("same_again.txt"))


@lru_cache(maxsize=1)
def _police() -> re.Pattern:
    return phrase_regex([re.escape(fold(w)) for w in words("security_forces.txt")])


def names_police(text: str) -> bool:
    return bool(_police().search(fold(text)))


@lru_cache(maxsize=4096)  # the same sentence is asked about by the prefilter, detect and assemble
def words_of(text: str) -> frozenset[str]:
    return frozenset(fold(w) for w in re.findall(r"\w+(?:-\w+)*", text))


def trigger_strength(text: str) -> str | None:
    """The strongest trigger the cheap pass sees in a sentence: strong, agent, weak or None."""
    lower = text.lower()
    gate, rows = trigger_forms()
    if not gate.search(lower):
        return None
    found = words_of(text)
    if found & other_gatherings():
        return None  # "les coureurs se sont rassemblés": a race
    has: dict[str, bool] = {}
    best = None
    folded = fold(text)
    for row in rows:
        if row.key not in folded:
            continue
        if row.requires != "none" and not _may_satisfy(row.requires, text, found, has):
            continue  # "le public s'est rassemblé": rassembler needs a crowd
        for m in row.pattern.finditer(lower):
            if _kept(row, m, lower):
                if row.strength in STRONG:
                    return row.strength
                if row.mode == "riot" and names_police(text):
                    return "strong"  # clashes with the police (detect.py checks the crowd on the other side)
                best = row.strength
    return best


@lru_cache(maxsize=1)
def _needs() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """Words for a crowd, for a road, and the stems of verbs whose object is a crowd."""
    from .detect import DISPERSAL, QUANTITY_HEADS, ROAD_NOUNS
    from .size import crowd_nouns

    return (crowd_nouns() | frozenset(QUANTITY_HEADS) | {"ils", "elles"}, frozenset(fold(r) for r in ROAD_NOUNS),
            tuple(fold(v[:-2]) for v in DISPERSAL))


def _may_satisfy(requires: str, text: str, found: set[str], has: dict[str, bool]) -> bool:
    """Whether a sentence may hold what a trigger needs (detect.py checks who does what): a word
    for a crowd, a number, "ils", a people's name; or a road. has caches the answers."""
    from .geocode import gazetteer

    crowd_words, roads, dispersal = _needs()
    if requires == "burning":  # "des pneus ont brûlé", "mis le feu à des pneus"
        return bool(re.search(r"\b(?:brul|enflamm|incendi|flamb|feux?\b)", fold(text)))
    if "crowd" in requires and "crowd" not in has:
        has["crowd"] = bool(
            any(w in crowd_words or w.rstrip("sx") in crowd_words for w in found)
            or re.search(r"\d", text) or NUMBER_WORDS.search(text)
            or any(w.startswith(dispersal) for w in found)  # "disperser une marche"
            or re.search(r"\b(?:appel\w*|prév\w+|annonc\w+)\s+(?:à|a|au|aux|pour)?\s*(?:une?|la|le|des|de\s+nouvelles?)\b", text, re.I)
            # "appellent à une grande marche" (detect.py: a protest noun called for needs no crowd)
            or any(gazetteer().country_of(w) for w in re.findall(r"\b[A-ZÉ][a-zéèêëïîôûç]+s?\b", text)))
    if "road" in requires and "road" not in has:
        has["road"] = bool(any(w in roads or w.rstrip("sx") in roads for w in found)
                           or re.search(r"\b[AN]\d{1,3}\b", text))
    return any(has.get(k) for k in ("crowd", "road") if k in requires)


def _kept(row: TriggerForms, m: re.Match, lower: str) -> bool:
    before, after = _words_around(m, lower)
    if row.reflexive and not set(before[-3:]) & REFLEXIVE:
        return False  # "l'exposition réunit 200 œuvres": réunir, not se réunir
    if row.verb:
        participle = m.group().endswith(("é", "ée", "és", "ées"))
        return not (participle and before and before[-1] in DETERMINERS)  # "le marché" is not marcher
    return not _beside_other_sense(before, after)  # "manifestation sportive"


def _words_around(m: re.Match, lower: str) -> tuple[list[str], list[str]]:
    return ([fold(w) for w in re.findall(r"\w+", lower[max(0, m.start() - 40):m.start()])],
            [fold(w) for w in re.findall(r"\w+", lower[m.end():m.end() + 40])])


def _beside_other_sense(before: list[str], after: list[str]) -> bool:
    return bool(set(before[-2:] + after[:3]) & _other_senses())


def nouns_in_other_senses(text: str) -> frozenset[str]:
    """The trigger nouns an article uses somewhere in another sense ("cette manifestation
    culturelle"): one sense per article, so its bare "la manifestation" is that gathering too."""
    lower, folded = text.lower(), fold(text)
    found = set()
    for row in trigger_forms()[1]:
        if row.verb or row.key not in folded:
            continue
        for m in row.pattern.finditer(lower):
            if _beside_other_sense(*_words_around(m, lower)):
                found.add(row.form)
                break
    return frozenset(found)


def mark_candidates(sentences: list["Sentence"], quotations: list[tuple[int, int]]) -> bool:
    """Mark each sentence's trigger, crowd and quote flags; True when the article is eventful."""
    from .size import counts_people

    eventful = False
    for s in sentences:
        strength = trigger_strength(s.text)
        s.trigger = strength is not None
        eventful = eventful or strength in STRONG
        s.crowd = counts_people(s.text)
        s.again = bool(same_again().search(s.text))
        s.quoted = tuple((a - s.start, b - s.start) for a, b in quotations if s.start <= a and b <= s.end)
        s.quote = any(s.start <= a < s.end for a, _ in quotations)
    return eventful


def selected(sentences: list["Sentence"], eventful: bool, selective: bool = True) -> list["Sentence"]:
    """What goes through spaCy: in an eventful article the candidates and the sentence before
    each (for pronouns and frame dates), elsewhere the sentences with a quotation."""
    if not selective:
        return list(sentences)
    if not eventful:
        return [s for s in sentences if s.quote]
    keep = set()
    for s in sentences:
        if s.candidate:
            keep.add(s.index)
            if s.index > 0:
                keep.add(s.index - 1)
    return [s for s in sentences if s.index in keep]
