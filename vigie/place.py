"""Place: the toponyms of a sentence that say where something happens, resolved offline.

A name counts as a place of the sentence when it stands in a place position: after a locative
preposition (à, en, dans, près de...), after a noun such as "rues de" or "ville de", as the
subject ("Zurich a connu..."), or in a list with such a place. Names of streets and stations
("gare de Lyon"), of routes ("entre Toulouse et Bayonne"), of origins ("venue de Salamanque")
and départements in brackets after a town are not.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .geocode import City, Gazetteer
from .lexicon import casefolded, fold, table, words
from .parse import Sentence
from .size import crowd_nouns

LOCATIVE = {"à", "a", "au", "aux", "en", "dans", "sur", "près", "vers", "devant", "jusqu'à", "outre", "partout"}
EXCLUDING = {"entre", "depuis", "venu", "venue", "venus", "venues", "originaire", "originaires", "de",
             # "des slogans hostiles à Paris": an adjective's complement (folded forms)
             "hostile", "hostiles", "favorable", "favorables", "fidele", "fideles", "oppose", "opposes", "opposee", "opposees"}
TAKEN_PLACE_VERBS = {"paralyser", "bloquer", "envahir", "occuper", "embraser", "secouer", "parcourir", "toucher",
                     "gagner", "atteindre"}
DEMONSTRATIVES = {"celui", "celle", "ceux", "celles"}
AROUND = {"est", "ouest", "nord", "sud", "banlieue", "agglomeration", "region", "peripherie", "environs"}
PLACING = {"installer", "dresser", "placer", "situer", "ériger", "déployer", "poster", "garer", "stationner",
           "implanter", "établir", "dressé", "installé", "situé"}  # participles that say where a thing stands
SPREADING = {"étendre", "propager", "gagner", "toucher", "atteindre", "essaimer", "déborder"}
COMPASS = {"nord", "sud", "est", "ouest", "centre", "midi"}
LIST_LINKS = {",", "et", "ou", "notamment", "dont", "comme", "puis", "ainsi", "que", "mais", "aussi", "(", ")"}


@dataclass
class PlaceMention:
    start: int  # offsets in the article
    end: int
    text: str
    country: Optional[str]
    city: Optional[City] = None
    kind: str = "city"  # city | country | region | world (no one country: "à travers le monde")


@lru_cache(maxsize=1)
def _heads():
    """Nouns whose "de X" is a place ("les rues de Lyon"), protest nouns among them ("le
    rassemblement de Lyon"); and nouns whose "de X" is a street or a station ("gare de Lyon")."""
    protest_nouns = {fold(r["form"]) for r in table("triggers.tsv") if r["pos"] == "NOUN" and " " not in r["form"]}
    return (frozenset(fold(w) for w in words("place_heads.txt")) | protest_nouns,
            frozenset(fold(w) for w in words("street_heads.txt")))


def find_places(sentence: Sentence, gaz: Gazetteer, context: Counter,
                skip: list[tuple[int, int]] = (), anchors: frozenset[int] = frozenset(),
                loose: bool = False) -> list[PlaceMention]:
    """Places of the sentence in text order; spans in skip (quotes) are ignored. anchors are the
    tokens of the protest (trigger and its verb): a place governed by another verb is not its place.
    loose: every town named, whatever its position (to resolve "y")."""
    doc = sentence.doc
    named, others = _candidates(sentence, gaz, context, tuple(skip), loose)
    cands = sorted([c for c in named if not (anchors and governed_elsewhere(c[1], anchors))] + others,
                   key=lambda c: c[2].start)
    people = [c for c in cands if c[2].kind == "country" and fold(c[2].text) in gaz.demonyms]  # "600 Haïtiens"
    if any(c[0] == "place" for c in cands if c not in people):
        cands = [c for c in cands if c[0] != "resident"]
    elif any(c[0] == "resident" for c in cands):
        cands = [c for c in cands if c not in people]  # "600 Haïtiens de Montréal": Montréal
    accepted = [c[0] != "list" for c in cands]
    changed = True
    while changed:  # a name in a list ("à Rennes et Rouen", "Genève et Fribourg 12 000") joins its neighbours
        changed = False
        for k, (role, span, m) in enumerate(cands):
            if accepted[k]:
                continue
            left = k > 0 and accepted[k - 1] and _linked(doc.text, cands[k - 1][2].end - sentence.start, span.start_char)
            right = k + 1 < len(cands) and accepted[k + 1] and _linked(doc.text, span.end_char,
                                                                       cands[k + 1][2].start - sentence.start)
            if left or right:
                accepted[k] = changed = True
    kept = [c[2] for c, ok in zip(cands, accepted) if ok]
    kept = [m for k, m in enumerate(kept) if not (
        k + 1 < len(kept) and kept[k + 1].city and m.city
        and re.search(r"\b(?:de|d['’]|du)\s*$", doc.text[max(0, m.start - sentence.start - 4):m.start - sentence.start])
        and re.fullmatch(r"\s*,\s*(?:à|a)\s+", doc.text[m.end - sentence.start:kept[k + 1].start - sentence.start]))]
    # ("l'hôpital de Hull, à Gatineau": the town after the comma is where the facility stands)
    return [m for k, m in enumerate(kept)
            if not (k and kept[k - 1].city and LOCATOR.match(doc.text[kept[k - 1].end - sentence.start:m.start - sentence.start]))
            and not (m.city and any(p.city for p in kept[:k])
                     and QUARTER.search(doc.text[max(0, m.start - sentence.start - 40):m.start - sentence.start]))]


# "À Londres, ... devant l'ambassade, dans le quartier de Kensington": a part of the town named before
QUARTER = re.compile(r"\b(?:jusqu['’]\s*(?:à|au|aux)|dans)\s+(?:le\s+quartier\s+(?:de\s+|d['’]|du\s+)?|le\s+district\s+(?:de\s+|d['’]|du\s+)?)?$", re.I)


# "à Blagnac, près de Toulouse", "à Saint-Denis (au nord de Paris)": the second town locates the first
LOCATOR = re.compile(r"^\s*[,(]\s*(?:tout\s+)?(?:près|non\s+loin|à\s+(?:quelques|\S+)\s+(?:km|kilomètres)|"
                     r"(?:au|dans\s+le)\s+(?:nord|sud|est|ouest|nord-est|nord-ouest|sud-est|sud-ouest)|"
                     r"à\s+l['’](?:est|ouest)|dans\s+la\s+(?:banlieue|région|périphérie|proche\s+banlieue)|"
                     r"en\s+(?:banlieue|périphérie)|aux\s+portes|dans\s+l['’]agglomération)\s+(?:de\s+la\s+|de\s+l['’]|d['’]|de|du)\s*$",
                     re.I)


def _candidates(sentence: Sentence, gaz: Gazetteer, context: Counter, skip: tuple, loose: bool) -> tuple[list, list]:
    """(role, span, mention) of the names in a place position, whatever the protest, and of the
    adjectives and capitals; found once per sentence (the gate and the event both ask), kept in
    the doc's user_data."""
    key = ("vigie.places", skip, loose, tuple(sorted(context.items())), sentence.entities)
    doc = sentence.doc
    if key in doc.user_data:
        return doc.user_data[key]
    cands = []
    for span in _name_spans(doc):
        start = sentence.start + span[0].idx
        if any(a <= start < b for a, b in skip):
            continue
        role = "place" if loose else _role(doc, span, gaz)
        if role is None:
            continue
        mention = _resolve(span, gaz, context, sentence.start)
        if mention is not None and not (mention.kind == "region" and _of_an_institution(doc, span)):
            cands.append((role, span, mention))
    found = cands, _city_adjectives(sentence, gaz, context) + _capitals(sentence, gaz, context, skip, cands)
    doc.user_data[key] = found
    return found


SUBORDINATE = {"acl", "acl:relcl", "advcl", "ccomp", "csubj", "parataxis"}


# adjectives whose complement takes "à": "des pancartes hostiles aux livraisons d'armes à Kiev" (not "la route
# nationale à l'entrée de Kaolack")
ADJECTIVES_WITH_A = {"hostile", "favorable", "oppose", "contraire", "solidaire", "fidele", "attache", "destine",
                     "reserve", "consacre", "dedie", "relatif", "lie"}


def governed_elsewhere(span, anchors: frozenset[int]) -> bool:
    """True when the first verb above the name heads a clause of its own ("civils bloqués à Alep")."""
    node = span[0]
    adjective = node.head
    while adjective.pos_ == "NOUN" and adjective.i not in anchors and adjective.dep_ in {"nmod", "obl", "obl:arg", "obl:mod"} \
            and adjective.head.i != adjective.i and adjective.head.pos_ in {"NOUN", "ADJ"}:
        edge = adjective.left_edge.i
        if edge > 0 and fold(span.doc[edge - 1].lemma_) in ADJECTIVES_WITH_A and span.doc[edge].lower_ in {"à", "au", "aux"}:
            adjective = span.doc[edge - 1]  # "hostiles aux livraisons", however the parser hung it
            break
        adjective = adjective.head  # "des pancartes hostiles aux livraisons d'armes à Kiev"
    qualifies_protest = adjective.head.i in anchors and adjective.head.pos_ == "NOUN" \
        and fold(adjective.head.lemma_) in _heads()[0]
    if adjective.pos_ == "ADJ" and adjective.i not in anchors and not qualifies_protest:
        # "des slogans hostiles à Paris": a complement of an adjective, unless the adjective qualifies
        # the protest itself ("une grève illimitée à Dakar", attached by the parser to "illimitée")
        return True
    while node.head.i != node.i:
        node = node.head
        if node.i in anchors:
            return False
        if node.pos_ == "NOUN" and fold(node.lemma_) in _conflict_nouns():
            return True  # "la contestation de la guerre à Gaza": where the cause is
        if node.pos_ in {"VERB", "AUX"}:
            if node.dep_ == "acl" and node.lemma_.lower() in PLACING:
                continue  # "les barrières installées devant le consulat à Istanbul": where things stand
            if node.lemma_.lower() in SPREADING:
                return False  # "les violences ont repris avant de s'étendre à Élancourt": where they went
            # "la manifestation organisée à Bruxelles" describes the protest; "scandant ... à Paris" does not;
            # "tandis qu'à Gomel des cortèges se formaient" is a protest clause of its own
            return node.dep_ in SUBORDINATE and not (node.dep_ == "acl" and node.head.i in anchors) \
                and not any(t.i in anchors for t in node.subtree if t.i != node.head.i)
    return False


def _city_adjectives(sentence: Sentence, gaz: Gazetteer, context: Counter):
    """"le cortège parisien": an adjective of inhabitants names the city."""
    out = []
    table_ = _city_adjective_table()
    for tok in sentence.doc:
        if tok.pos_ != "ADJ":
            continue
        key = fold(tok.text)
        city_name = table_.get(key) or table_.get(key[:-1]) or table_.get(key[:-2])
        around = tok.i > 0 and fold(sentence.doc[tok.i - 1].text) in AROUND  # "l'Est lyonnais" is not Lyon
        if city_name and not around:
            city = gaz.resolve_city(city_name, context)
            if city:
                start = sentence.start + tok.idx
                out.append(("place", sentence.doc[tok.i:tok.i + 1],
                            PlaceMention(start, start + len(tok.text), tok.text, city.country, city)))
    return out


CAPITAL = re.compile(r"(?:^|\b(?:à|dans|vers|sur|de|envahi|rempli|paralysé|gagné|traversé|secoué|bloqué)\s+)"
                     r"(?:toute\s+)?(la\s+capitale)(?:\s+([a-zéèêëàâçîïôû]+))?", re.I)


def _capitals(sentence: Sentence, gaz: Gazetteer, context: Counter, skip, named=()):
    """"dans la capitale (belge)": the capital of the country named, or of the article's country."""
    out = []
    for m in CAPITAL.finditer(sentence.text) if "capitale" in casefolded(sentence.text) else ():
        start = sentence.start + m.start(1)
        if any(a <= start < b for a, b in skip):
            continue
        if not m.group(2) and any(c.city and c.start - sentence.start < m.start(1) for _, _, c in named):
            continue  # "A Djakarta, ... au cœur de la capitale": the town just named
        iso = gaz.national.get(fold(m.group(2))) if m.group(2) else None
        if m.group(2) and iso is None and len(m.group(2)) > 3 and m.group(2).lower() != "fédérale" \
                and re.search(r"(?:e|es|s)$", m.group(2).lower()):
            continue  # "la capitale économique", "la capitale catalane" are not the country's capital ("à la capitale à")
        iso = iso or (context.most_common(1)[0][0] if context else None)
        city = gaz.capital_of(iso) if iso else None
        if city:
            end = sentence.start + (m.end(2) if m.group(2) and gaz.national.get(fold(m.group(2))) else m.end(1))
            tok = next((t for t in sentence.doc if sentence.start + t.idx >= start), sentence.doc[0])
            out.append(("place", sentence.doc[tok.i:tok.i + 1],
                        PlaceMention(start, end, sentence.text[start - sentence.start:end - sentence.start], iso, city)))
    return out


@lru_cache(maxsize=1)
def _city_adjective_table() -> dict[str, str]:
    table_ = {}
    for row in table("city_adjectives.tsv"):
        adj = fold(row["adjective"])
        for form in (adj, adj + "e", adj + "s", adj + "es", adj + "ne", adj + "nes"):
            table_[form] = row["city"]
    return table_


def _name_spans(doc):
    """Entity spans labelled as places, plus capitalised word runs NER missed."""
    spans, covered = [], set()
    for ent in doc.ents:
        if ent.label_ in {"LOC", "GPE", "MISC", "ORG", "PER"}:
            if len(ent) > 1 and (ent[0].text in {"A", "À"} or ent[0].pos_ == "ADP"):
                ent = doc[ent.start + 1:ent.end]  # "A Fresnes", "au Caire": a preposition inside the entity
            if not ent[0].text[:1].isupper():
                continue  # "tribunal de Paris": the name inside is found below
            j = ent.end
            while j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
                    and doc[j + 1].text[:1].isupper():
                j += 2  # "La Nouvelle-Orléans": the tokenizer cut the name at its hyphen
            ent = doc[ent.start:j]
            spans.append(ent)
            covered.update(range(ent.start, ent.end))
            inner = [t.i for t in ent[1:-1] if t.lower_ in {"de", "d'", "du"}]
            if inner and doc[inner[-1] + 1].text[:1].isupper():
                spans.append(doc[inner[-1] + 1:ent.end])  # "l'usine Stellantis de Poissy"
    texts = [t.text for t in doc]
    i = 1  # not the sentence's first word
    while i < len(texts):
        if i not in covered and texts[i][:1].isupper() and doc[i].is_alpha:
            j = i + 1
            while j < len(texts) and j not in covered and (texts[j][:1].isupper() or texts[j] == "-"):
                j += 1
            spans.append(doc[i:j])
            i = j
        else:
            i += 1
    return sorted(spans, key=lambda s: s.start)


def _role(doc, span, gaz: Gazetteer) -> Optional[str]:
    heads, streets = _heads()
    prev = [fold(t.text) for t in doc[max(0, span.start - 4):span.start]]
    if span.end < len(doc) and doc[span.end].text == ")" and span.start > 0 and doc[span.start - 1].text == "(":
        return None  # "Nanterre (Hauts-de-Seine)": the département of the town before
    p1 = prev[-1] if prev else ""
    p2 = prev[-2] if len(prev) > 1 else ""
    if p1 in streets or (p1 in {"de", "d'", "du", "des"} and p2 in streets):
        return None  # "gare de Lyon", "place du Châtelet"
    if p1 in {"de", "d'", "du", "des"} or p1.endswith("'") and p1.startswith("d"):
        window = prev[:-1][-3:]
        cut = max((k for k, w in enumerate(window) if w in LIST_LINKS or w in DEMONSTRATIVES), default=-1)
        if any(w in heads or w.rstrip("s") in heads for w in window[cut + 1:]):  # not "la ville et celui de X"
            return "place"
        if p2 in {"pres", "autour", "proximite", "environs"} or (p2 in DEMONSTRATIVES and _stands_for_a_place_noun(doc, span.start - 2, heads)):
            return "place"  # "près de Lyon"; "le local de Tozeur et celui de Kairouan"
        if span.start >= 2 and _people_noun(doc[span.start - 2], gaz):
            return "resident"  # "600 Haïtiens de Montréal ont manifesté": where they live, if nothing else is named
        return "list" if p2 in {"et", ",", "ou"} else None
    if p1 in {"l'", "la", "le", "les"} and p2 in LOCATIVE | {"de", "d'"}:
        return "place" if p2 in LOCATIVE else None
    if (p1 in heads and p2 in {"l'", "la", "le", "les"} and len(prev) > 2 and prev[-3] in LOCATIVE
            and p1 not in streets):
        return "place"  # "dans la cité Ettadhamen", "dans le quartier Bambeto"
    if p1 in LOCATIVE or p1 in {"a", "à"}:
        if p2 in EXCLUDING or (p1 in {"aux", "au"} and fold(span.text) in gaz.demonyms):
            return None  # "de soutien aux Palestiniens": to the people, not in their country
        return "place"
    if p1 in EXCLUDING:
        return None
    after = doc[span.end:span.end + 4].text if span.end < len(doc) else ""
    if re.match(r"(?:(?:plus|près|moins)\s+d[e']\s*|environ\s+|quelque\s+|au\s+moins\s+)?\d", after) or (
            span.end + 2 < len(doc) and doc[span.end].text in {"et", ","} and doc[span.end + 2].like_num):
        return "place"  # "Neuchâtel 5 000 et Delémont 4 000", "Toulouse plus de 10 000": a town and its figure
    root = span.root
    if root.dep_ in {"nsubj", "nsubj:pass"} and span[0].ent_type_ in {"LOC", "GPE", ""} and _scene_verb(root.head):
        return "place"  # "Zurich a connu...", not "Paris étant accusé de complaisance" (the state it stands for)
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if span[0].ent_type_ in {"LOC", "GPE"} and ((first.dep_ in {"nsubj", "nsubj:pass"} and _scene_verb(first.head)) or (
            first.dep_ == "ROOT" and first.i == 0 and first.pos_ == "PROPN")):
        return "place"  # towns listed as the subject, or left as a fragment by the parser: "Berne, Bâle et Fribourg ont connu..."
    if first.dep_ in {"obj", "xcomp"} and first.head.lemma_.lower() in TAKEN_PLACE_VERBS:
        return "place"  # "a paralysé Conakry", "ont envahi Nairobi", "ont parcouru Patras, Héraklion et Larissa"
    if p1 in LIST_LINKS or p1 == "":
        nxt = doc[span.end] if span.end < len(doc) else None
        return None if nxt is not None and nxt.pos_ in {"AUX", "VERB"} else "list"  # not ", Paris étant accusé"
    return None


def _scene_verb(verb) -> bool:
    """A town as the subject is where things happen with verbs such as connaître, vivre, voir, se
    réveiller (lexicons/scene_verbs.txt); with others it stands for its government ("Paris accuse")."""
    return verb.lemma_.lower() in _scene_verbs() or verb.pos_ not in {"VERB", "AUX"}


@lru_cache(maxsize=1)
def _scene_verbs() -> frozenset[str]:
    return frozenset(words("scene_verbs.txt"))


@lru_cache(maxsize=1)
def _conflict_nouns() -> frozenset[str]:
    return frozenset(fold(w) for w in words("conflict_nouns.txt"))


def _people_noun(tok, gaz: Gazetteer) -> bool:
    """A plural noun for people: "les étudiants", "des Haïtiens"."""
    word = fold(tok.text)
    return tok.pos_ in {"NOUN", "PROPN"} and word.endswith(("s", "x")) and (
        word.rstrip("sx") in crowd_nouns() or (tok.text[:1].isupper() and bool(gaz.country_of(tok.text))))


def _of_an_institution(doc, span) -> bool:
    """"la préfecture du Rhône", "le rectorat de l'Isère": the body's territory, not where it stands."""
    prev = [fold(t.text) for t in doc[max(0, span.start - 3):span.start] if t.lower_ not in {"l'", "la", "le", "les"}]
    return len(prev) >= 2 and prev[-1] in {"de", "d'", "du", "des"} and prev[-2] in _institution_nouns()


@lru_cache(maxsize=1)
def _institution_nouns() -> frozenset[str]:
    return frozenset(fold(r["noun"]) for r in table("institutions.tsv"))


def _stands_for_a_place_noun(doc, i: int, heads) -> bool:
    """"celui de X" repeats the last "N de" before it: a place when N is ("le cortège de Lyon,
    celui de Grenoble"), not when N is a person ("le maire de la ville et celui de Grande-Synthe")."""
    for t in reversed(doc[:i]):
        if t.pos_ == "NOUN" and t.i + 1 < i and fold(doc[t.i + 1].text) in {"de", "d'", "du", "des"}:
            return fold(t.text) in heads or fold(t.lemma_) in heads
    return False


def _linked(text: str, left_end: int, right_start: int) -> bool:
    """Only list words, brackets and figures between two names ("Genève et Fribourg 12 000, Neuchâtel")."""
    gap = text[left_end:right_start] if left_end <= right_start else ""
    if len(gap) > 60:
        return False
    gap = re.sub(r"\([^)]*\)|\d[\d \u00a0\u202f.,]*|\b(?:au moins|plus de|près de|environ|chacune?s?|autant|de|d'|qu'|à|a)\b", " ", gap)
    return all(fold(w) in LIST_LINKS for w in gap.replace(",", " , ").split())


def _resolve(span, gaz: Gazetteer, context: Counter, offset: int) -> Optional[PlaceMention]:
    name = span.text.strip(" ,.;:")
    if len(name) < 2:
        return None  # "a dénoncé sur X": a letter is no town
    of_country = re.fullmatch(r"(.+?)\s+(?:du|de|d['’]|des)\s*(.+)", name)  # "Saint-Louis du Sénégal"
    iso = gaz.country_of(of_country.group(2)) if of_country else None
    if iso:
        city = next((c for c in sorted(gaz.candidates(of_country.group(1)), key=lambda c: -c.population)
                     if c.country == iso), None)
        if city:
            return PlaceMention(offset + span.start_char, offset + span.end_char, name, iso, city)
    for candidate in (name, _strip_article(name), f"Le {name}", f"La {name}"):  # "au Caire" = à + Le Caire
        if not candidate or (candidate.isupper() and len(candidate) <= 5):
            continue  # an acronym ("USS"), not a town
        iso = gaz.country_of(candidate)
        city_state = iso and _after_a(span) and any(c.country == iso for c in gaz.candidates(candidate))
        if iso and candidate[:1].isupper() and not city_state:  # "à Hong Kong", "à Singapour" are cities
            return PlaceMention(offset + span.start_char, offset + span.end_char, name, iso, None, "country")
        region = gaz.region_country(candidate)
        if region and fold(candidate) in COMPASS and (not context or context.most_common(1)[0][0] != region):
            region = None  # "la grande ville du Nord" of Israel is not the Nord département
        if region and _after_au_en(span):  # "au Québec", "en Flandre": the province; "à Québec": the city
            return PlaceMention(offset + span.start_char, offset + span.end_char, name, region, None, "region")
        city = gaz.resolve_city(candidate, context) if candidate[:1].isupper() else None
        if city:
            return PlaceMention(offset + span.start_char, offset + span.end_char, name, city.country, city)
        if region:
            return PlaceMention(offset + span.start_char, offset + span.end_char, name, region, None, "region")
    return None


def _after_au_en(span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ in {"au", "en", "dans"}


def _after_a(span) -> bool:
    """"à Hong Kong", "les rues de Singapour": the city; "au Luxembourg", "du Koweït": the country."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in {"à", "a", "de", "d'", "d’"}


def _strip_article(name: str) -> str:
    for art in ("la ", "le ", "les ", "l'", "l’"):
        if name.lower().startswith(art):
            return name[len(art):]
    return ""


# "BEYROUTH (AFP) - ", "Grenoble : ", "Nantes. ": the town a dispatch is filed from, at the start of
# its first lines. Hand-written: no library reads French datelines.
DATELINE = re.compile(r"^[ \t]*([A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ýa-zà-ÿ][\w'’-]*){0,3}?)[ \t]*"
                      r"(\((?:[A-Z][\w-]*[ /,]*){1,3}\)[ \t]*[-–—:]?|[-–—:]|\.)[ \t]", re.M)


HEADLINE_TOWN = re.compile(r"^[ \t]*[AÀ][ \t]+([A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]*){0,2})[ \t]*(,)")  # "A Berne, la rue..."


def dateline(text: str, gaz: Gazetteer, context: Counter) -> Optional[PlaceMention]:
    """The dateline town of an article, from its first two lines. Without an agency in brackets,
    the name must be the town's own (not a heading such as "Santé :") and of a country the
    article is about."""
    for k, line in enumerate(text.split("\n", 2)[:2]):
        m = DATELINE.match(line) or (HEADLINE_TOWN.match(line) if k == 0 else None)
        if not m:
            continue
        name = m.group(1)
        name = name.title() if name.isupper() else name
        city = gaz.resolve_city(name, context)
        if city is None:
            continue
        agency = m.group(2).startswith("(") if m.re is DATELINE else False
        own_name = fold(city.name) == fold(name) or city.population >= 100_000 and len(name) > 3
        if agency or (own_name and (not context or city.country in context)):
            start = text.index(line) + m.start(1)
            return PlaceMention(start, start + len(m.group(1)), m.group(1), city.country, city)
    return None
