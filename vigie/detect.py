"""Detect: protest triggers in a parsed sentence, with their mode, strength and status.

A trigger is a word or phrase of lexicons/triggers.tsv matched on spaCy lemmas. It is dropped
when its sense is not a protest (a fair, a fashion show, a party's name, "manifester son
soutien" said of one person), and marked background (a past protest recalled) or planned
(announced, called for, threatened, future tense).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.attrs import LEMMA, POS

from .lexicon import fold, table, words
from .parse import Sentence
from .prefilter import names_police, other_events, other_gatherings, words_of

QUANTITY_HEADS = {"dizaine", "centaine", "millier", "million", "vingtaine", "trentaine", "quarantaine",
                  "cinquantaine", "soixantaine", "quinzaine", "douzaine", "foule", "plupart"}
DISPERSAL = {"disperser", "réprimer", "gazer", "charger", "évacuer", "encercler"}
OPEN_SPACES = {"rue", "place", "centre", "centre-ville", "avenue", "boulevard", "allée", "quartier", "ville", "pavé",
               "esplanade", "artère", "parvis", "square", "carrefour", "chaussée"}
RIGHTS = {"droit", "liberté", "interdiction"}
ALLEGING = {"dénoncer", "condamner", "fustiger", "déplorer", "regretter", "qualifier", "imputer", "attribuer"}
HELD_BACK = {"arrêter", "stopper", "contenir", "repousser", "empêcher", "retenir", "bloquer", "refouler"}
JOINING = {"rejoindre", "regagner", "gagner", "grossir", "renforcer"}  # "pour rejoindre le sit-in"
TIME_PREPOSITIONS = {"après", "avant", "pendant", "durant", "depuis", "dès", "lors", "jusqu'à", "à l'issue"}
BURNING = {"brûler", "brûlé", "enflammer", "enflammé", "incendier", "feu", "flamber", "cramer"}  # "des pneus ont brûlé"
BREACHING = {"forcer", "franchir", "percer", "enfoncer", "contourner"}  # "forcer les barrages": the police's
ROAD_NOUNS = {"autoroute", "route", "axe", "voie", "pont", "rocade", "périphérique", "tunnel", "port",
              "raffinerie", "dépôt", "accès", "carrefour", "rond-point", "échangeur", "frontière", "gare",
              "circulation", "trafic", "entrée"}


@dataclass
class Trigger:
    sentence: Sentence
    i: int  # first token in sentence.doc
    j: int  # one past the last token
    lemma: str
    mode: str
    strength: str  # strong | weak | agent
    status: str = "occurred"  # occurred | planned
    background: bool = False
    refers_back: bool = False  # "ce rassemblement": the one just told
    recalled: bool = False  # background because told under quand/lorsque in the pluperfect

    @property
    def start(self) -> int:
        return self.sentence.start + self.sentence.doc[self.i].idx

    @property
    def end(self) -> int:
        last = self.sentence.doc[self.j - 1]
        return self.sentence.start + last.idx + len(last.text)

    @property
    def text(self) -> str:
        return self.sentence.doc[self.i:self.j].text


@lru_cache(maxsize=1)
def _entries():
    """First lemma -> list of (lemma sequence, row), longest first."""
    index: dict[str, list] = {}
    for row in table("triggers.tsv"):
        for seq in {tuple(row["form"].split()), tuple(row["form"].replace("-", " - ").split())}:
            _register(index, list(seq), row)
    for v in index.values():
        v.sort(key=lambda e: (-len(e[0]), not e[1]))
    return index


def _register(index: dict, seq: list[str], row: dict) -> None:
    """A lemma sequence; "sit-in" is also registered as the tokenizer splits it: sit - in."""
    reflexive = seq[0] == "se"
    if reflexive:
        seq = seq[1:]
    index.setdefault(seq[0], []).append((seq, reflexive, row))


@lru_cache(maxsize=1)
def _lists():
    planned = {r["lemma"]: r["takes"] for r in table("planned_markers.tsv")}
    return (frozenset(fold(w) for w in words("non_protest.txt")), frozenset(fold(w) for w in words("crowd_nouns.txt")),
            planned, background_markers())


@lru_cache(maxsize=1)
def background_markers() -> tuple[str, ...]:
    """"Comme en 2016", "lors de l'acte 30": what recalls an earlier protest, folded."""
    return tuple(fold(w) for w in words("background_markers.txt"))


def _lemma(tok) -> str:
    lem = tok.lemma_.lower()
    if lem in _entries():
        return lem
    # the lemmatizer leaves some plurals as they are, and participles used as adjectives ("fermée")
    if tok.pos_ == "NOUN":
        return re.sub(r"(e?s)$", "", lem)
    if tok.pos_ == "ADJ":
        return re.sub(r"ée?s?$", "er", lem)
    return lem


_KEYS: dict[tuple[int, int], tuple[str, bool]] = {}


def _token_keys(doc) -> list[tuple[str, bool]]:
    """Per token, its key in the trigger lexicon (_lemma) and whether it is a noun of another kind
    of gathering. Both depend on the lemma and the tag alone: read by their ids, and worked out
    once per pair (most tokens of a sentence are not triggers, and reading a token's strings costs
    more than the test)."""
    if len(_KEYS) > 200_000:
        _KEYS.clear()  # a long run meets new pairs for ever: memory stays bounded
    out = []
    for i, pair in enumerate(map(tuple, doc.to_array([LEMMA, POS]).tolist())):
        keys = _KEYS.get(pair)
        if keys is None:
            tok = doc[i]
            keys = _KEYS[pair] = (_lemma(tok), tok.pos_ == "NOUN" and fold(tok.lemma_) in other_gatherings())
        out.append(keys)
    return out


def find_triggers(sentence: Sentence, is_demonym=lambda w: False, has_crowd_size: bool = False) -> list[Trigger]:
    doc = sentence.doc
    keys = _token_keys(doc)
    if words_of(sentence.text) & other_gatherings() or any(other for _, other in keys):
        return []  # "le salon attend 300 000 visiteurs", "les coureurs se sont rassemblés"
    found: list[Trigger] = []
    used: set[int] = set()
    other_sense: set[str] = set()  # nouns read in another sense earlier in the sentence
    entries = _entries()
    for i, (key, _) in enumerate(keys):
        if i in used or key not in entries:
            continue
        tok = doc[i]
        for seq, reflexive, row in entries[key]:
            j = _match_rest(doc, tok.i, seq)
            if j is None or (reflexive and not _is_reflexive(tok)):
                continue
            trig = Trigger(sentence, tok.i, j, row["form"], row["mode"], row["strength"])
            if tok.pos_ == "NOUN" and _other_sense(trig, tok):
                other_sense.add(_lemma(tok))
                break
            if tok.pos_ == "NOUN" and _lemma(tok) in other_sense and any(c.lower_ in {"la", "le", "l'", "les", "cette", "ce"}
                                                                         for c in tok.children):
                break  # "la grande manifestation cinématographique ... la manifestation se tiendra": the same
            if _keep(trig, tok, row["requires"], is_demonym, has_crowd_size):
                _set_status(trig, tok)
                if trig.mode == "occupation" and tok.pos_ == "VERB" and any(
                        c.dep_ == "obj" and c.lemma_.lower() in OPEN_SPACES for c in tok.children):
                    trig.mode = "demonstration"  # "ont envahi les rues", "occupé la place": a crowd outdoors
                if trig.strength == "weak" and trig.mode == "riot" and _crowd_against_police(doc, is_demonym):
                    trig.strength = "strong"  # "des heurts ont opposé des partisans de l'opposant aux forces de l'ordre"
                found.append(trig)
                used.update(range(tok.i, j))
            break
    return found


def _other_sense(trig: Trigger, tok) -> bool:
    """A word beside the trigger gives it another sense: "manifestation sportive", "le salon, grande
    manifestation populaire" (lexicons/non_protest.txt)."""
    doc = trig.sentence.doc
    near = list(doc[max(0, trig.i - 2):trig.i]) + list(doc[trig.j:trig.j + 3]) + list(tok.children)
    if tok.pos_ != "NOUN":  # "ont protesté contre l'arbitrage", not "ont défilé après la grande prière"
        near = [c for c in tok.children if not any(g.dep_ == "case" and g.lower_ in TIME_PREPOSITIONS for g in c.children)]
    near = [t for t in near if not trig.i <= t.i < trig.j]
    if tok.dep_ in {"appos", "conj", "nmod"} and not any(c.dep_ == "case" for c in tok.children):
        near.append(tok.head)  # "le salon, grande manifestation populaire"
    return any(fold(t.lemma_) in _lists()[0] for t in near)


def _another_gathering(sentence: Sentence, tok) -> bool:
    """A noun for a gathering that is no protest: a festival, a race, or a protest word read in
    another sense ("cette manifestation sportive")."""
    if tok.pos_ != "NOUN":
        return False
    if fold(tok.lemma_) in other_events():
        return True
    return _lemma(tok) in _entries() and _other_sense(Trigger(sentence, tok.i, tok.i + 1, "", "", ""), tok)


def _crowd_against_police(doc, is_demonym) -> bool:
    """Clashes with the police, a crowd on the other side."""
    crowd = _lists()[1]
    return names_police(doc.text) and any(
        fold(t.lemma_) in crowd or (t.pos_ in {"NOUN", "PROPN"} and is_demonym(t.text)) for t in doc)


def _match_rest(doc, i: int, seq: list[str]) -> Optional[int]:
    j = i + 1
    for w in seq[1:]:
        skipped = 0
        while (j < len(doc) and skipped < 3 and doc[j].pos_ in {"ADV", "PRON", "NOUN", "PROPN"}
               and doc[j].lemma_.lower() != w and doc[j].lower_ != w):
            j, skipped = j + 1, skipped + 1  # "descendus *dimanche* dans la rue", "redescendus *aussi*"
        if j >= len(doc) or (doc[j].lemma_.lower() != w and doc[j].lower_ != w):
            return None
        j += 1
    return j


def _is_reflexive(tok) -> bool:
    return any(c.lower_ in {"se", "s'", "s’", "nous", "vous"} for c in tok.children)


def _keep(trig: Trigger, tok, requires: str, is_demonym, has_crowd_size: bool) -> bool:
    _, crowd, _, _ = _lists()
    doc = trig.sentence.doc
    if (tok.pos_ == "PROPN" and not _heading_word(trig)) or (tok.is_title and tok.i > 0 and tok.pos_ == "NOUN"):
        return False  # part of a name: "Rassemblement national", "En Marche"
    if tok.pos_ == "NOUN" and not any(t.pos_ in {"VERB", "AUX"} for t in doc) and len(doc) < 10:
        return False  # a heading summarises events told below
    own = range(trig.i, trig.j)
    if _other_sense(trig, tok):
        return False
    if tok.pos_ == "NOUN" and trig.i > 0 and doc[trig.i - 1].lower_ == "en" and tok.dep_ == "nmod" \
            and tok.head.pos_ in {"NOUN", "PROPN"}:
        return False  # "des enseignants en grève": who they are, not one more action
    if any((c.dep_ == "advmod" and c.lower_ in {"pas", "jamais", "plus"} and _ne_before(doc, c))
           or c.lower_ in {"aucun", "aucune", "nul", "nulle"} for c in tok.children):
        return False  # negated: "n'ont pas manifesté", "aucune manifestation n'a eu lieu" (not "du jamais-vu")
    if tok.pos_ == "VERB" and tok.dep_ == "xcomp" and any(c.dep_ == "advmod" and c.lower_ in {"pas", "jamais"}
                                                          for c in tok.head.children):
        return False  # "ne pourraient pas cesser le travail"
    if tok.lemma_.lower() == "grève" and trig.i >= 2 and doc[trig.i - 2].lower_ in {"sur", "long"}:
        return False  # "sur la grève", "le long de la grève": the shore
    if tok.lemma_.lower() == "marche" and any(c.dep_ == "det" and c.lower_ in {"sa", "son", "ma", "mon", "ta", "ton"}
                                               for c in tok.children):
        return False  # "elle fait sa marche quotidienne": one person's walk ("son rassemblement" is a protest)
    if tok.pos_ == "NOUN" and tok.dep_ in {"obj", "obl", "obl:arg", "obl:mod"} and any(
            c.dep_ == "advmod" and c.lower_ in {"pas", "jamais"} for c in tok.head.children):
        return False  # "la grève ne s'est pas accompagnée d'un cortège"
    if tok.pos_ == "VERB" and tok.dep_ == "acl" and fold(tok.head.lemma_) not in crowd and fold(tok.head.lemma_) not in QUANTITY_HEADS \
            and not any(c.dep_.startswith("aux") or (c.dep_ == "mark" and c.lower_ == "à") for c in tok.children) \
            and not any(t.dep_ == "ROOT" and t.pos_ == "AUX" for t in doc):  # "se sont à leur tour rassemblés"
        return False  # "des civils bloqués à Alep": a state, not an action (but "Ils étaient deux mille à marcher")
    if tok.pos_ == "VERB" and any(c.dep_ in {"nsubj", "nsubj:pass"} and _another_gathering(trig.sentence, c)
                                  for c in tok.children):
        return False  # "le festival mobilise 500 bénévoles", "cette manifestation sportive a réuni...": not a protest
    if tok.lemma_.lower() == "manifester" and any(c.dep_ == "obj" for c in tok.children):
        requires = "crowd"  # "manifester son soutien": expressing, unless a crowd does it
    if tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and tok.head.pos_ == "ADJ" and "Plur" in tok.morph.get("Number") \
            and any(c.lower_ == "les" for c in tok.children) and any(
            c.dep_ == "cop" and "Pres" in c.morph.get("Tense") for c in tok.head.children):
        return False  # "Les grèves sont récurrentes à Ankatso": what is usual, not one protest
    if tok.pos_ == "NOUN" and any(c.lower_ in {"ce", "cet", "cette", "ces"} for c in tok.children):
        trig.strength, trig.refers_back = "agent", True  # "ce rassemblement": refers back, tells no new event
    if tok.pos_ == "NOUN" and tok.dep_ == "obj" and tok.head.lemma_.lower() in BREACHING:
        return False
    if tok.pos_ == "NOUN" and tok.dep_ == "obj" and tok.head.lemma_.lower() in ALLEGING and not any(
            c.dep_.startswith("nsubj") and (fold(c.lemma_) in crowd or is_demonym(c.text)) for c in tok.head.children):
        trig.strength = "agent"  # "les autorités dénoncent des émeutes orchestrées": a judgement, no new event
    if tok.dep_ in {"nmod", "acl", "xcomp", "obl:arg"} and tok.head.lemma_.lower() in RIGHTS:
        return False  # "le droit de grève", "l'interdiction de manifester": a right, not an action
    if trig.strength == "agent" and any(c.lower_ == "parmi" for c in tok.children):
        return False  # "Parmi les manifestants, Fatou, mère de trois enfants": one of them, not the crowd
    if tok.pos_ == "NOUN" and tok.dep_ in {"obj", "nsubj:pass"} and tok.head.lemma_.lower() in DISPERSAL | {"démanteler", "déloger"} \
            and any(c.lower_ in {"le", "la", "l'", "les", "ce", "cette"} for c in tok.children):
        trig.strength, trig.refers_back = "agent", True  # "la police a démantelé le sit-in": the one told before
    if trig.mode == "blockade" and tok.pos_ == "NOUN" and (
            any(fold(c.lemma_) in _security() for c in tok.children if c.dep_ in {"nmod", "amod"})
            or (any(c.lower_ == "par" for c in tok.children) and tok.head.lemma_.lower() in HELD_BACK)):
        return False  # "arrêtés par des barrages", "des barrages de police": the police's
    before = [t for t in doc[max(0, trig.i - 3):trig.i] if t.pos_ != "DET"]
    if trig.strength == "agent" and ((tok.dep_.startswith("nsubj") and _says(tok.head))
                                     or (before and _says(before[-1]))):
        return False  # "a lancé une manifestante de Saqqez": who speaks, not a new protest
    if tok.pos_ == "NOUN" and ((tok.dep_ == "obj" and tok.head.lemma_.lower() in JOINING)
                               or (before and before[-1].lemma_.lower() in JOINING)):
        trig.strength, trig.refers_back = "agent", True  # "pour rejoindre le sit-in": one told already
    if tok.pos_ == "NOUN" and tok.dep_ == "nmod" and tok.head.pos_ in {"NOUN", "PROPN"} and tok.head.text[:1].isupper() \
            and tok.head.i < tok.i and not any(t.is_punct for t in doc[tok.head.i + 1:tok.i]):
        return False  # "l'Archive des rassemblements publics", "la Fédération des grévistes": a body's name
    if trig.strength == "weak" and tok.pos_ == "NOUN" and tok.dep_ == "nmod" and tok.head.pos_ == "NOUN" \
            and fold(tok.head.lemma_) not in _protest_nouns() and any(c.lower_ in {"la", "le", "l'", "les"} for c in tok.children):
        trig.strength = "agent"  # "fer de lance de la mobilisation", "les figures de la contestation": the movement
    if tok.pos_ != "NOUN" and tok.dep_ in {"amod", "acl"} and (tok.head.pos_ == "PROPN" or tok.head.ent_type_ in {"LOC", "GPE"}):
        return False  # "la Cisjordanie occupée": a state of a place
    if tok.pos_ == "VERB" and any(c.dep_ in {"obj", "obl:mod", "obl"} and not any(g.dep_ == "case" for g in c.children)
                                  and fold(c.lemma_) in _procedures() for c in tok.children):
        return False  # "l'opposition a bloqué l'examen du texte"
    if tok.head.lemma_.lower() in {"interdire", "interdit", "proscrire", "autoriser", "bannir"} \
            and tok.dep_ in {"obj", "nsubj", "nsubj:pass"} and any(c.lower_ in {"les", "tout", "toute", "tous", "toutes"}
                                                                   for c in tok.children):
        return False  # "où les rassemblements sont interdits", "a interdit tout rassemblement": a rule, not a protest
    if tok.lemma_.lower() == "mobiliser" and any(c.dep_ == "aux:pass" for c in tok.children):
        return False  # "soixante pompiers ont été mobilisés": sent, not protesting
    if requires == "crowd_subject":  # "des militants ont investi un immeuble", not "le groupe a investi 300 millions"
        if any(c.dep_ in {"obj", "obl:arg"} and (c.like_num or any(g.dep_ == "nummod" for g in c.children)
                                    or fold(c.lemma_) in AMOUNTS) for c in tok.children):
            return False  # "les transporteurs investissent 112 millions d'euros": money, not a place
        return any(c.dep_.startswith("nsubj") and (fold(c.lemma_) in crowd or fold(c.lemma_) in QUANTITY_HEADS
                                                    or is_demonym(c.text) or c.lower_ in {"ils", "elles"})
                   for c in tok.children)
    if requires == "burning":  # "des pneus ont brûlé", "mis le feu à des pneus"
        return any(t.lemma_.lower() in BURNING for t in [tok.head, *tok.children, *tok.head.children])
    if requires not in {"crowd", "road", "crowd_or_road"}:
        return True
    crowd_ok = has_crowd_size or _crowd_subject(tok, crowd, is_demonym) or \
        (tok.dep_ in {"obj", "nsubj:pass"} and tok.head.lemma_.lower() in DISPERSAL) or \
        (tok.pos_ == "NOUN" and _lists()[2].get(tok.head.lemma_.lower()) in {"both", "noun"})
    # "la police a dispersé une marche", "appellent à une grande marche"
    road_ok = "road" in requires and any(_is_road(t) for t in [*tok.children, tok.head, *tok.head.children])
    if road_ok and not crowd_ok and tok.pos_ == "VERB" and any(
            c.dep_ == "nsubj" and c.pos_ == "NOUN" and fold(c.lemma_) not in crowd
            and fold(c.lemma_) not in _protest_nouns() and fold(c.lemma_) not in _vehicles() for c in tok.children):
        road_ok = False  # "une coulée de boue bloque la route": a thing, not people
    return {"crowd": crowd_ok, "road": road_ok, "crowd_or_road": crowd_ok or road_ok}[requires]


@lru_cache(maxsize=1)
def _security() -> frozenset[str]:
    return frozenset(fold(w) for w in words("security_forces.txt")) | {"policier", "militaire"}


def _says(verb) -> bool:
    from .quotes import _is_speech_verb  # one list of speech verbs (lexicons/quote_verbs.txt)

    return verb.pos_ in {"VERB", "AUX"} and _is_speech_verb(verb)


def _ne_before(doc, adverb) -> bool:
    """The "ne" of a negation, a few words before its "pas" or "jamais"."""
    return any(t.lower_ in {"ne", "n'", "n’"} for t in doc[max(0, adverb.i - 4):adverb.i])


@lru_cache(maxsize=1)
def _vehicles() -> frozenset[str]:
    return frozenset(fold(w) for w in words("protest_vehicles.txt"))


@lru_cache(maxsize=1)
def _protest_nouns() -> frozenset[str]:
    return frozenset(fold(r["form"]) for r in table("triggers.tsv") if r["pos"] == "NOUN")


@lru_cache(maxsize=1)
def _procedures() -> frozenset[str]:
    return frozenset(fold(w) for w in words("blocked_procedures.txt"))


def _heading_word(trig: Trigger) -> bool:
    """"Sit-in devant l'Assemblée": a capital that opens a sentence, not a name (a name goes on
    with an adjective or a capital: "Rassemblement national", "Marche Verte")."""
    doc = trig.sentence.doc
    nxt = doc[trig.j] if trig.j < len(doc) else None
    return trig.i == 0 and (nxt is None or not (nxt.is_title or nxt.pos_ in {"ADJ", "PROPN"}))


def _crowd_subject(tok, crowd, is_demonym) -> bool:
    candidates = [c for c in tok.children if c.dep_.startswith("nsubj") or c.dep_ in {"obj", "nmod"}]
    if tok.dep_ in {"nsubj", "obj", "nsubj:pass", "xcomp"} or tok.pos_ == "NOUN":  # "menacent de bloquer"
        candidates.append(tok.head)
        candidates.extend(c for c in tok.head.children if c.dep_.startswith("nsubj") and c.i != tok.i)
    # "des groupes de jeunes", "une poignée de militants": the people the group is made of
    candidates += [g for c in candidates if c.pos_ == "NOUN" for g in c.children if g.dep_ == "nmod"]
    for c in candidates:
        lem = fold(c.lemma_)
        if lem in crowd or lem.rstrip("s") in crowd or lem in QUANTITY_HEADS or is_demonym(c.text):
            return True
        if c.lower_ in {"ils", "elles"} or c.like_num:
            return True
    return False


AMOUNTS = {"million", "milliard", "euro", "dollar", "franc", "somme", "argent", "fonds", "budget", "capital"}


ROAD_CODE = re.compile(r"[AN]\d{1,3}")  # "l'A7", "la N20"


def _is_road(tok) -> bool:
    return tok.lemma_.lower() in ROAD_NOUNS or bool(ROAD_CODE.fullmatch(tok.text))


def _future(verb) -> bool:
    """Future or conditional, on the verb or its auxiliary."""
    forms = [verb] + [c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
    return any(_future_morph(t.morph) or _conditional_form(t) for t in forms)


_FUTURE_MORPH: dict[int, bool] = {}


def _future_morph(morph) -> bool:
    """A future tense or a conditional mood in the features, worked out once per set of features."""
    if morph.key not in _FUTURE_MORPH:
        _FUTURE_MORPH[morph.key] = "Fut" in morph.get("Tense") or "Cnd" in morph.get("Mood")
    return _FUTURE_MORPH[morph.key]


def _conditional_form(tok) -> bool:
    """"paralyserait" tagged as an imperfect: the infinitive (less a final e) and -ait, -aient."""
    lemma = tok.lemma_.lower()
    stem = lemma[:-1] if lemma.endswith("re") else lemma
    return tok.pos_ == "VERB" and lemma.endswith(("er", "ir", "re")) and tok.lower_ in {stem + "ait", stem + "aient"}


def _recalled(verb) -> bool:
    """"celle du 14 janvier, quand des milliers de Maliens avaient envahi la place": a pluperfect
    under quand/lorsque recalls an earlier protest."""
    children = list(verb.children)
    when = any(c.lower_ in {"quand", "lorsque", "lorsqu'"} and c.dep_ in {"mark", "advmod"} for c in children)
    pluperfect = any(c.dep_.startswith("aux") and c.lower_ in {"avait", "avaient", "était", "étaient"} for c in children)
    return when and pluperfect


def _set_status(trig: Trigger, tok) -> None:
    _, _, planned, background = _lists()
    if tok.pos_ in {"VERB", "AUX"} and _future(tok):
        trig.status = "planned"
    if tok.pos_ == "NOUN" and any(c.dep_ == "acl" and planned.get(c.lemma_.lower()) for c in tok.children):
        trig.status = "planned"  # "une manifestation prévue samedi", "la grève annoncée pour lundi"
    node, steps = tok, 0
    while node.head.i != node.i and steps < 4:
        child, node, steps = node, node.head, steps + 1
        takes = planned.get(node.lemma_.lower())
        complement = child.dep_ in {"xcomp", "obj", "obl", "obl:arg", "obl:mod", "nmod", "nsubj:pass", "ccomp"}
        answered = node.head.lemma_.lower() in {"répondre", "suivre"}  # "ont répondu à l'appel à la grève": it happened
        if takes and complement and not answered and (takes == "both" or (takes == "inf" and child.pos_ == "VERB")
                                                      or (takes == "noun" and node.pos_ == "NOUN" and child.pos_ == "NOUN")):
            trig.status = "planned"
            break
        if node.pos_ in {"VERB", "AUX"} and _future(node):
            trig.status = "planned"  # "une journée de grève aura lieu"
            break
        if node.pos_ == "VERB" and node.lemma_.lower() not in {"être", "avoir"}:
            break
    governing = [tok.head] if tok.dep_ in {"xcomp", "ccomp"} else []  # "lorsque la réforme avait fait descendre..."
    attached = list(tok.children) if tok.pos_ == "NOUN" else []  # "la marche du 3 mars, quand ... avaient envahi"
    if (tok.pos_ == "VERB" and _recalled(tok)) or any(v.pos_ == "VERB" and _recalled(v) for v in [*attached, *governing]):
        trig.background = trig.recalled = True  # "la marche du 3 mars, quand des milliers de Nigériens avaient envahi..."
    before = fold(trig.sentence.text[:max(0, trig.start - trig.sentence.start)])[-60:]
    for marker in background:
        at = before.rfind(marker)
        if at >= 0 and "," not in before[at + len(marker):]:  # "Comme en 2016, ils ont défilé": a comparison, then the news
            trig.background = True
