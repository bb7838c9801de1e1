"""Quotes: quoted words and who said them.

A quotation is the text between « », “ ” or straight double quotes, of at least four words
(shorter ones are terms in quotes: « gilets jaunes »). Its speaker is found, in this order, in an
attribution after it (", a déclaré X", ", a-t-il dit", ", selon X"), or before it in its sentence
("X a affirmé :", "Selon X, « ... »"). "il"/"elle" and "selon lui" go to the named person who
is the subject of the sentence, else to the last person named; "l'organisation" goes to the last
organisation named; an unnamed speaker ("un habitant") is null.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.tokens import Span as SpacySpan

from .gender import gender_in_article, pronoun_gender
from .lexicon import fold, table, words
from .parse import ParsedArticle, Sentence
from .records import Quote, Speaker

PAIRS = [("«", "»"), ("“", "”"), ("\"", "\"")]
QUOTE_MARKS = {"«", "»", "“", "”", "\""}
NAME_DETERMINERS = {"le", "la", "les", "des", "du", "au", "aux", "ces", "ses", "leurs", "nos", "vos"}
MIN_WORDS = 4
RECIPIENT = re.compile(r"\b(?:à|au|aux)\s+(?:l['’]|la\s+|le\s+|les\s+)?$", re.IGNORECASE)
# "Interrogé par l'AFP, un diplomate a jugé...": who asked is not who speaks
INTERVIEWER = re.compile(r"\b(?:interrog|contact|joint|cit|sollicit|interview)\w*\s+par\s+(?:l['’]|la\s+|le\s+|les\s+)?$",
                         re.IGNORECASE)
AGED = re.compile(r"\b([A-ZÉÈ][a-zà-ÿ]+(?:[ -][A-ZÉÈ][a-zà-ÿ]+)?),\s+(?:\d{1,3}|(?:vingt|trente|quarante|cinquante|"
                  r"soixante|dix|onze|douze|treize|quatorze|quinze|seize)[a-z-]*)\s+ans\s*[,)]")  # not "Alep, dix ans après"
PRONOUNS = {"il", "elle", "lui", "ils", "elles", "eux"}
# « Nous ne reculerons pas, a lancé Moustapha Gaye, un des responsables, tant que... »
NAMED_INCISE = re.compile(r",\s*(?P<verb>(?:a|avait|ont|avaient)\s+[\w-]+|[\w-]+)\s+"
                          r"(?:(?:l[ea]|les|l['’])\s*[\w'’ -]{2,60}?,\s*)?"  # "a lancé la présidente de la FIQ, Julie Bouchard,"
                          r"(?P<name>[A-ZÉÈ][\w'’-]+(?:\s+(?:de\s+|d['’]|van\s+|von\s+|el-|al-|ben\s+)?[A-ZÉÈ][\w'’-]+)+)\s*[,)]")
INCISE = re.compile(r",\s*(?P<verb>(?:a|avait|ont|avaient)-t-(?:il|elle|ils|elles)\s+\w+|\w+-(?:il|elle|ils|elles))"
                    r"(?:\s+(?:à|au|aux|devant|sous|dans|en)\s+[\w'’ -]{2,30}?)?\s*,")  # ", a-t-elle lancé à la foule,"


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str  # PER | ORG
    subject: bool  # grammatical subject of its sentence


HOLDER_WINDOW = 3  # sentences back where a role's holder is looked for ("a lancé le président élu")
NAME_PARTICLES = {"de", "d'", "d’", "du", "van", "von", "der", "da", "dos", "el", "al", "ben", "bin", "ibn", "ould", "ag"}


def _capitalised(tok) -> bool:
    # not the first word of a sentence (spaCy's own sentence starts do not count: ours are the sentences)
    return tok.text[:1].isupper() and tok.pos_ in {"PROPN", "NOUN", "X", "ADJ", "PRON"} and tok.i > 0 \
        and tok.doc[tok.i - 1].text not in {".", "!", "?", "…"}


def _person_in(ent):
    """The name at the end of a MISC entity that holds a role: "Premier ministre Saad Hariri"."""
    k = len(ent)
    while k > 0 and ent[k - 1].pos_ == "PROPN" and ent[k - 1].text[:1].isupper():
        k -= 1
    if 0 < k <= len(ent) - 2 and fold(ent[k - 1].lemma_) in _roles():
        return SpacySpan(ent.doc, ent.start + k, ent.end, label="PER")
    return None


def _looks_like_person(ent) -> bool:
    """A name the recognizer called MISC that acts as a person: two or more capitalised words, the
    subject of a verb ("Carrie Lam avait annoncé")."""
    return len(ent) >= 2 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent) \
        and any(t.dep_.startswith("nsubj") for t in ent) and ent.root.head.pos_ in {"VERB", "AUX"}


def _name_end(doc, i: int) -> int:
    """Where a name that the recognizer cut short really ends, as a character offset in the doc:
    "Tigst| Assefa", "Mahmood Amiry|-Moghaddam", "Ibrahim| Boubacar Keïta"."""
    end = doc[i - 1].idx + len(doc[i - 1])
    while i < len(doc):
        t = doc[i]
        if t.text in {"-", "‑"} and i + 1 < len(doc) and t.idx == end and doc[i + 1].idx == end + 1 \
                and doc[i + 1].text[:1].isupper():
            i, end = i + 2, doc[i + 1].idx + len(doc[i + 1])  # "Amiry" "-" "Moghaddam"
        elif t.text.startswith("-") and len(t.text) > 1 and t.text[1:2].isupper() and t.idx == end:
            i, end = i + 1, t.idx + len(t)  # "Amiry" "-Moghaddam"
        elif t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ in {"", "PER"} and t.idx == end + 1:
            i, end = i + 1, t.idx + len(t)  # "Tigst" "Assefa"
        else:
            break
    return end


def _name_run(tokens) -> Optional[tuple[int, int]]:
    """A name that the recognizer missed or took for a place, right after a speech verb:
    ", confie Anahide, étudiante", ", lançait à Dakar Mamadou, un étudiant", ", a réagi la Monusco",
    "selon la conseillère nationale Sibel Arslan (Verts)". Skips a place phrase ("à Dakar") and a
    role in lower case before the name; (first, last) token indexes in tokens."""
    k = 0
    while k < len(tokens) and tokens[k].pos_ == "ADV":
        k += 1
    if k < len(tokens) and tokens[k].pos_ == "ADP" and tokens[k].lower_ in {"à", "au", "aux", "en", "depuis", "devant", "sur"}:
        k += 1
        while k < len(tokens) and tokens[k].pos_ == "DET":
            k += 1
        k += 1  # the place: one word ...
        while k + 1 < len(tokens) and tokens[k].text in {"-", "‑"} and tokens[k].idx == tokens[k - 1].idx + len(tokens[k - 1]):
            k += 2  # ... or words joined by hyphens
    if k < len(tokens) and tokens[k].pos_ == "DET":
        if tokens[k].lower_ in {"un", "une", "des", "deux", "plusieurs"}:
            return None  # "confiait un jeune Moscovite": someone not named
        k += 1
        while k < len(tokens) and tokens[k].pos_ in {"NOUN", "ADJ"} and not tokens[k].text[:1].isupper():
            k += 1  # "la conseillère nationale bâloise"
    if k >= len(tokens) or not _capitalised(tokens[k]) or tokens[k].pos_ not in {"PROPN", "NOUN", "X", "PRON"}:
        return None  # (PRON: "a déclaré Ceci Flores")
    j = k
    while j + 1 < len(tokens) and (_capitalised(tokens[j + 1]) or (tokens[j + 1].lower_ in NAME_PARTICLES and j + 2 < len(tokens)
                                                                   and _capitalised(tokens[j + 2]))):
        j += 1
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    return (k, j) if nxt is None or nxt.text in {",", ".", "(", ";", ":", "»", "!", "?"} or nxt.pos_ in {"ADP", "SCONJ"} else None


@lru_cache(maxsize=1)
def _verbs():
    return frozenset(fold(w) for w in words("quote_verbs.txt"))


@lru_cache(maxsize=1)
def _verb_stems() -> tuple[str, ...]:
    return tuple(sorted({v[:-2] for v in _verbs() if len(v) > 5 and v.endswith(("er", "ir", "re"))}, key=len, reverse=True))


def _is_speech_verb(tok) -> bool:
    """A speech verb, also when the lemmatizer misses it ("estime" left as a noun's lemma)."""
    if fold(tok.lemma_) in _verbs():
        return tok.pos_ in {"VERB", "AUX"}
    if tok.pos_ != "VERB" and any(c.dep_ == "det" for c in tok.children):
        return False  # "divise la critique": a noun
    return tok.pos_ in {"VERB", "NOUN", "ADJ"} and fold(tok.text).startswith(_verb_stems())


@lru_cache(maxsize=1)
def _bodies() -> frozenset[str]:
    """Institutions that are not a person's role: "le ministère", "la police" (not "le ministre")."""
    return _institutions() - _roles()


@lru_cache(maxsize=1)
def _roles():
    return frozenset(fold(w) for w in words("role_nouns.txt"))


@lru_cache(maxsize=1)
def _institutions() -> frozenset[str]:
    """Bodies that speak as such: "a indiqué la préfecture", "a répondu le gouvernement"."""
    return frozenset(fold(r["noun"]) for r in table("institutions.tsv") if " " not in r["noun"]) | \
        {"police", "parquet", "gendarmerie", "armee", "elysee", "commission", "direction", "prefecture"}


@lru_cache(maxsize=1)
def _anaphors():
    return frozenset(fold(w) for w in words("speaker_anaphors.txt"))


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation's words, marks excluded, in text order."""
    spans = []
    taken = []
    for open_, close in PAIRS:
        i = 0
        while True:
            a = text.find(open_, i)
            if a < 0:
                break
            if open_ == '"' and a > 0 and text[a - 1].isalnum():
                i = a + 1
                continue
            b = text.find(close, a + 1)
            nl = text.find("\n", a + 1)
            if b < 0 or (0 <= nl < b):
                i = a + 1
                continue
            if not any(x <= a < y for x, y in taken):
                taken.append((a, b + 1))
                s, e = a + 1, b
                while s < e and text[s] in "  \u202f":
                    s += 1
                while e > s and text[e - 1] in "  \u202f":
                    e -= 1
                spans.append((s, e))
            i = b + 1
    return sorted(spans)


def acronyms(text: str) -> dict[str, str]:
    """"l'Union syndicale suisse (USS)" -> {"USS": "Union syndicale suisse"}."""
    out = {}
    for m in re.finditer(r"\(([A-ZÉ][A-Za-zÉé&\-]{1,11})\)", text):
        acro = m.group(1)
        before = re.findall(r"[\w’'\-]+", text[max(0, m.start() - 80):m.start()])[-7:]
        best = None
        for k in range(len(before)):
            w = re.sub(r"^[ldLD]['’]", "", before[k])
            if w[:1].isupper() and w[:1] == acro[:1]:
                best = " ".join([w] + before[k + 1:])
                break
        if best:
            out[acro] = best
    return out


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """The quotations worth attributing: four words or more, or words followed by a speech verb."""
    return [s for s in find_quote_spans(text) if _said_before(text, s[0]) or (
        not _titled(text, s[0], s[1]) and (_said_shortly_before(text, s[0]) or _said(text, s[1])
                                           or len(text[s[0]:s[1]].split()) >= MIN_WORDS))]


def extract_quotes(article_id: str, parsed: ParsedArticle, published: Optional[str]) -> list[Quote]:
    text = parsed.text
    spans = parsed.quotations
    if not spans:
        return []
    inside = lambda a, b: any(x - 1 <= a and b <= y + 1 for x, y in spans)  # noqa: E731
    mentions = Mentions(parsed, inside)
    expand = acronyms(text)
    quotes = []
    for s, e in spans:
        sent = next((x for x in parsed.sentences if x.start <= s < x.end), None)
        if sent is None or parsed.ensure(sent).doc is None:
            continue
        speaker, verb = _attribute(sent, s, e, mentions, text, inside)
        if speaker is not None:
            speaker.text = expand.get(speaker.text, speaker.text)
        quotes.append(Quote(article_id, text[s:e], s, e, speaker, verb, published))
        mentions.last_quote = (quotes[-1], sent.index)
    return quotes


def _said(text: str, end: int) -> bool:
    """A short quotation is words said when a speech verb follows it: « Nous sommes ravis », a confié X."""
    m = re.match(r"^[\s»”\"!?.…]*,\s*(?:(?:a|ont|avait|avaient|lui\s+a|s['’]est|se\s+sont)(?:-t-\w+)?\s+)?([\w-]+)",
                 text[end:end + 60])
    # a bare participle agrees with a noun: "lors des « mardis de la colère », lancés en 2019"
    return bool(m) and fold(m.group(1)).startswith(_verb_prefixes()) and not (
        m.group(0).rstrip().endswith(m.group(1)) and re.search(r"é(?:e|s|es)?$", m.group(1)) and
        not re.search(r",\s*(?:a|ont|avait|avaient|lui\s+a|s['’]est|se\s+sont)", m.group(0)))


AUXILIARIES = {"a", "ont", "avait", "avaient", "aurait", "auraient", "a-t-il", "a-t-elle", "ont-ils", "ont-elles"}
NOT_SUBJECTS = {"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "ce", "cette", "ces", "son", "sa",
                "ses", "leur", "leurs", "sur", "sous", "dans", "par", "pour", "en", "à", "avec", "sans"}


def _said_before(text: str, start: int) -> bool:
    """... or when one comes before it: "a jugé que « la mobilisation s'essouffle »", "a lancé : « Assez ! »"."""
    m = re.search(r"([\w-]+)\s*(?:que\s+|qu['’]\s*|:\s*)[«“\"]\s*$", text[max(0, start - 40):start])
    return bool(m) and fold(m.group(1)).startswith(_verb_prefixes())


def _said_shortly_before(text: str, start: int) -> bool:
    """... or a few words before it, as a verb: "a dénoncé une « dérive autoritaire »", "qualifiant de
    « prise d'otages » le boycott", "X dénonce « un hold-up »" (not "la qualité « premium »")."""
    lead = text[max(0, start - 80):start].rstrip()[:-1]
    tokens = re.findall(r"[\w’'-]+|[^\w\s’'-]", re.split(r"[.!?;:»”\"]", lead)[-1])
    for k in range(len(tokens) - 1, max(-1, len(tokens) - 7), -1):
        if not re.match(r"\w", tokens[k]):
            return False  # a comma between: another clause
        w, prev = fold(tokens[k]), (fold(tokens[k - 1]) if k else "")
        present = w.endswith(("e", "ent")) and not w.endswith("ee") and prev and prev not in NOT_SUBJECTS  # "Le syndicat dénonce"
        verb = any(w.startswith(p) and len(w) > len(p) for p in _verb_prefixes())  # "commente", not "comme"
        if verb and (prev in AUXILIARIES or w.endswith("ant") or present):
            return True
    return False


@lru_cache(maxsize=1)
def _verb_prefixes() -> tuple[str, ...]:
    """Stems of the speech verbs, as far as their forms share them ("jug" for jugé, "confi" for confié)."""
    return tuple({v[:-2][:5] for v in _verbs() if len(v) > 4 and " " not in v})


def _titled(text: str, start: int, end: int) -> bool:
    """Words in quotes right after "le film", "une banderole", "intitulé", or followed by such a noun in
    apposition (« Nuit blanche », le film qui...), are a title or a name."""
    before = re.findall(r"[\w’'-]+", re.split(r"[.!?…]\s", text[max(0, start - 40):start])[-1])[-3:]
    after = re.match(r"[\s»”\"]*,\s*(?:le|la|les|l['’]|un|une|son|sa|ses|leur)\s*([\w-]+)", text[end:end + 40])
    if before and fold(before[-1]) in NAME_DETERMINERS and text[max(0, start - 4):start].rstrip()[-1:] in QUOTE_MARKS \
            and not (len(before) > 1 and fold(before[-2]).startswith(_verb_prefixes())):
        return True  # "lors des « mardis des blouses blanches »": a name (but "a dénoncé les « méthodes »" is said)
    return any(fold(w) in _title_nouns() for w in before) or bool(after and fold(after.group(1)) in _title_nouns())


@lru_cache(maxsize=1)
def _title_nouns():
    return frozenset(fold(w) for w in words("title_nouns.txt"))


class Mentions:
    """PER and ORG entities outside quotations, read sentence by sentence. An antecedent further
    back is looked for one sentence at a time, parsing the sentences that selective parsing
    skipped, so that it is the one a full parse would find."""

    def __init__(self, parsed: ParsedArticle, inside):
        self.parsed = parsed
        self.inside = inside
        self._of: dict[int, list[Mention]] = {}
        self.last_quote: Optional[tuple[Quote, int]] = None  # the quotation before, and its sentence

    def of(self, sent: Sentence) -> list[Mention]:
        if sent.index not in self._of:
            doc = self.parsed.ensure(sent).doc
            found = []
            for ent in doc.ents if doc is not None else ():
                if ent.label_ == "MISC":
                    ent = _person_in(ent) or ent
                a, b = sent.start + ent.start_char, sent.start + ent.end_char
                label = "PER" if ent.label_ == "MISC" and _looks_like_person(ent) else ent.label_
                if label in {"PER", "ORG"} and not self.inside(a, b) \
                        and not INTERVIEWER.search(sent.text[max(0, ent.start_char - 40):ent.start_char]):
                    subject = any(t.dep_.startswith("nsubj") for t in ent) or ent.root.dep_.startswith("nsubj")
                    if label == "PER":
                        b = sent.start + _name_end(doc, ent.end)
                    else:  # "le Comité national des pêches| dans un communiqué": the recognizer ran on
                        cut = re.search(r"\s(?:dans|lors|sur|via|par)\s", self.parsed.text[a:b])
                        b = a + cut.start() if cut else b
                    found.append(Mention(a, b, self.parsed.text[a:b], label, subject))
            for m in AGED.finditer(sent.text):  # "Léa, 19 ans,": a person the recognizer may miss
                a, b = sent.start + m.start(1), sent.start + m.end(1)
                if not any(x.start <= a < x.end or a <= x.start < b for x in found) and not self.inside(a, b):
                    found.append(Mention(a, b, m.group(1), "PER", False))
            found.sort(key=lambda m: m.start)
            self._of[sent.index] = found
        return self._of[sent.index]

    def last_before(self, pos: int, label: str, sent: Sentence, fits=lambda m: True) -> Optional[Mention]:
        for s in reversed(self.parsed.sentences[:sent.index + 1]):
            found = [m for m in self.of(s) if m.label == label and m.end <= pos and fits(m)]
            if found:
                return found[-1]
        return None


def _attribute(sent: Sentence, qs: int, qe: int, mentions: Mentions, text: str, inside):
    doc = sent.doc
    incise = INCISE.search(text[qs:qe])
    if incise:  # « Nous resterons, a-t-il dit, jusqu'au bout »
        return _resolve_pronoun(sent, mentions, qs, pronoun=incise.group("verb").split()[0]), incise.group("verb")
    named = NAMED_INCISE.search(text[qs:qe])
    if named and fold(named.group("verb").split()[-1]).startswith(_verb_prefixes()):
        a, b = qs + named.start("name"), qs + named.end("name")
        who = Mention(a, b, text[a:b], "PER", True)
        return Speaker(who.text, _role(text, who), a, b), named.group("verb")
    after = [t for t in doc if sent.start + t.idx >= qe + 1]
    before = [t for t in doc if sent.start + t.idx + len(t) <= qs - 1]
    # 1. attribution after the quotation: ", a déclaré X" / ", a-t-il dit" / ", selon X"
    for k, t in enumerate(after[:8]):
        if inside(sent.start + t.idx, sent.start + t.idx + 1):
            break
        if t.lower_ == "selon" and k + 1 < len(after):
            return _speaker_from(after[k + 1:], sent, mentions, qs), "selon"
        ended = text[qs:qe].rstrip()[-1:] in "?!…" and all(  # "« ... ? » s'est indignée X"
            x.text in QUOTE_MARKS or x.dep_.startswith(("aux", "expl")) or x.lower_ in {"s'", "s’", "se"} for x in after[:k])
        if _is_speech_verb(t) and (ended or any(x.text == "," for x in after[:k + 1])):
            if t.lower_.endswith("ant") and not any(c.dep_.startswith("nsubj") for c in t.children):
                break  # "de « mauvaise foi », qualifiant les blocages d'...": the same speaker goes on
            verb = _verb_text(doc, t)
            pron = _clitic(doc, t)
            if pron:
                return _resolve_pronoun(sent, mentions, qs, pronoun=pron), verb
            return _speaker_from(after[k + 1:], sent, mentions, qs), verb
    # 2. attribution before it in the sentence: "X a affirmé :", "Selon X, «"
    if before:
        verb = next((t for t in reversed(before) if _is_speech_verb(t)), None)
        if verb is None and next((t.text for t in reversed(before) if t.text not in QUOTE_MARKS), None) == ":":
            verb = _introducing_clause(before)  # "elle a présenté ses excuses dans un communiqué : « »"
        own = [m for m in mentions.of(sent) if m.end <= qs]
        if verb is not None and any(t.i > verb.i and t.lower_ in {"que", "qu'", "qu’"} for t in before):
            own = [m for m in own if m.end <= sent.start + verb.idx]  # "a assuré que Kigali ne faisait que « »"
        subj = _subjects(verb) if verb is not None else []
        if not before[0].is_punct and before[0].lower_ == "pour" and len(before) > 1 and before[1].lower_ in PRONOUNS:
            return _resolve_pronoun(sent, mentions, qs, pronoun=before[1].text), None  # "Pour elle : « ... »"
        if subj and subj[0].lower_ in PRONOUNS:  # "Battue, elle a affirmé :"
            return _resolve_pronoun(sent, mentions, qs, pronoun=subj[0].text), _verb_text(doc, verb)
        role_subject = next((c for c in subj if fold(c.lemma_) in _roles()), None)
        if role_subject is not None and _definite(role_subject) and any(c.dep_ == "nmod" for c in role_subject.children) \
                and not any(m.label == "PER" for m in own) and _first_use(role_subject, sent, text) \
                and not _person_just_before(sent, mentions):
            return _noun_phrase(role_subject, sent, qs), _verb_text(doc, verb)  # "Le ministre de la Défense a assuré"
        if own and role_subject is not None and not any(m.label == "PER" for m in own):
            return _resolve_pronoun(sent, mentions, qs, role_subject), _verb_text(doc, verb)  # "Le leader de la CFDT a ajouté :"
        body = _body_of(subj[0], sent) if subj else None
        if body is not None:  # "La direction de Carrefour Belgique a assuré :"
            return body, _verb_text(doc, verb)
        if subj and _definite(subj[0]) and fold(subj[0].lemma_) in _bodies() and not any(
                m.label == "PER" and m.subject for m in own):
            return _noun_phrase(subj[0], sent, qs), _verb_text(doc, verb)  # "le ministère du Travail assure que"
        if own:
            person = [m for m in own if m.label == "PER"]
            pick = next((m for m in person if m.subject), None) or (person[-1] if person else own[-1])
            return Speaker(pick.text, _role(text, pick), pick.start, pick.end), _verb_text(doc, verb) if verb else None
        subject = next((t for t in before if t.pos_ == "PROPN" and t.dep_.startswith("nsubj")), None)
        if subject is None and before[0].pos_ == "PROPN" and len(before) > 1 and before[1].text == ",":
            subject = before[0]  # "Faysal, un Soudanais de 30 ans, dit ... : « »"
        if subject is not None:  # a name NER missed: "Faysal, un Soudanais de 30 ans, dit : « ... »"
            span = sent.doc[subject.left_edge.i if subject.left_edge.pos_ == "PROPN" else subject.i:subject.i + 1]
            return Speaker(span.text, None, sent.start + span.start_char, sent.start + span.end_char), \
                _verb_text(doc, verb) if verb is not None else None
        selon = next((k for k, t in enumerate(before) if t.lower_ == "selon"), None)
        if selon is not None:  # "Selon la préfecture de police, « ... »"
            speaker = _speaker_from(before[selon + 1:], sent, mentions, qs)
            if speaker is not None and speaker.char_end <= qs:
                return speaker, "selon"
        if verb is not None or selon is not None:
            if subj and subj[0].pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in {"un", "une", "des"}
                                                        for c in subj[0].children):
                return None, _verb_text(doc, verb)  # "un diplomate occidental a jugé": someone not named
            if subj and subj[0].pos_ == "NOUN" and fold(subj[0].lemma_) in _roles():
                return _resolve_pronoun(sent, mentions, qs, subj[0]), _verb_text(doc, verb)  # "Le leader de la CFDT a ajouté"
            if subj and subj[0].pos_ == "NOUN" and subj[0].lower_ not in _anaphors():
                return None, _verb_text(doc, verb)  # "Le bailleur assure que", "Son voisin renchérit": no name
            role = next((t for t in before[max(0, verb.i - 4):verb.i] if fold(t.lemma_) in _roles()), None) \
                if verb is not None else None
            if role is not None:
                return _resolve_pronoun(sent, mentions, qs, role), _verb_text(doc, verb)  # "le futur premier ministre a promis"
    return None, None


def _speaker_from(tokens, sent: Sentence, mentions: Mentions, qs: int) -> Optional[Speaker]:
    """The speaker in the words after an attribution verb."""
    if not tokens:
        return None
    first = tokens[0]
    if first.lower_ in PRONOUNS:
        return _resolve_pronoun(sent, mentions, qs, pronoun=first.text)
    stop = next((sent.start + t.idx for t in tokens if t.text in {".", ";"} or t.lower_ in {"qui", "lors"}), sent.end)
    span_start = sent.start + first.idx
    here = [m for m in mentions.of(sent) if span_start <= m.start < stop
            and not RECIPIENT.search(sent.text[:m.start - sent.start])]  # "a déclaré à l'AFP"
    person = [m for m in here if m.label == "PER"]
    run = _name_run([t for t in tokens if sent.start + t.idx < stop])
    if run is not None and not (here and here[0].start <= sent.start + tokens[run[0]].idx):
        # a name right after the verb that the recognizer missed, before any it found ("Ceci Flores, fondatrice
        # du collectif Madres Buscadoras"), or instead of an organisation after it
        a, b = sent.start + tokens[run[0]].idx, sent.start + tokens[run[1]].idx + len(tokens[run[1]])
        who = Mention(a, b, sent.doc.text[a - sent.start:b - sent.start], "PER", True)
        return Speaker(who.text, _role(sent.doc.text, who, sent.start), a, b)
    pick = person[0] if person else (here[0] if here else None)
    role = next((t for t in tokens if t.pos_ == "NOUN" and fold(t.lemma_) in _roles()
                 and (pick is None or sent.start + t.idx < pick.start)), None)
    if pick and pick.label == "ORG" and role is not None:
        return _resolve_pronoun(sent, mentions, qs, role)  # "a lancé la secrétaire générale de la CGT": a person
    if pick:
        return Speaker(pick.text, _role(sent.doc.text, pick, sent.start), pick.start, pick.end)
    noun = next((t for t in tokens[:6] if t.pos_ == "NOUN" and t.lower_ not in {"afp", "presse"}), None)
    if noun is not None and fold(noun.lemma_) in _roles() and any(c.dep_ == "det" and c.lower_ in {"l'", "la", "le"}
                                                                  for c in noun.children):
        return _resolve_pronoun(sent, mentions, qs, noun)  # "a déclaré le chef de l'Etat"
    definite = any(t.lower_ in {"l'", "la", "le", "les"} for t in tokens[:3])
    if noun is not None and definite and fold(noun.lemma_) in _institutions():
        return _noun_phrase(noun, sent, qs)
    if noun is not None and fold(noun.lemma_) in _anaphors() and any(t.lower_ in {"l'", "la", "le"} for t in tokens[:3]):
        org = mentions.last_before(qs, "ORG", sent)
        if org:
            return Speaker(org.text, None, org.start, org.end)
    return None


def _noun_phrase(noun, sent: Sentence, qs: int) -> Speaker:
    """A body or a role as the speaker, when no one is named: "la préfecture de police", "le ministre de
    la Défense"."""
    doc = sent.doc
    end = noun.right_edge.i
    while end > noun.i and (doc[end].is_punct or sent.start + doc[end].idx >= qs - 1 >= sent.start + noun.idx
                            or doc[end].pos_ in {"ADP", "DET", "CCONJ"}):
        end -= 1  # "Selon la préfecture de police, « ... »": the words before the quotation
    cut = next((t.i for t in doc[noun.i + 1:end + 1] if t.is_punct or t.lower_ in {"qui", "que", "dont", "où"}), None)
    end = cut - 1 if cut is not None else end  # "le recteur de l'ULB, qui a rencontré..."
    start = noun.left_edge.i
    while start < noun.i and (doc[start].pos_ == "ADP" or doc[start].is_punct):
        start += 1  # "Selon la préfecture"
    phrase = doc[start:end + 1]  # "la préfecture de police", "le gouvernement"
    if len(phrase) > 8:
        phrase = sent.doc[noun.i:noun.i + 1]
    return Speaker(phrase.text, None, sent.start + phrase.start_char, sent.start + phrase.end_char)


def _first_use(role, sent: Sentence, text: str) -> bool:
    """A role the article has not used before ("Le ministre de la Défense a assuré", no minister named
    so far): it is all the text says of the speaker, unless a person was named just before ("Laurent
    Berger était en tête. Le leader de la CFDT a ajouté"). Used again, it most often stands for a person
    named with it earlier."""
    before = fold(text[:sent.start])
    return not any(re.search(rf"(?<![\w-]){re.escape(fold(t.text))}(?![\w-])", before)
                   for t in [role, *(c for c in role.children if c.dep_ == "nmod")])


def _person_just_before(sent: Sentence, mentions: Mentions) -> bool:
    return sent.index > 0 and any(m.label == "PER" for m in mentions.of(mentions.parsed.sentences[sent.index - 1]))


def _definite(noun) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"l'", "l’", "la", "le", "les"} for c in noun.children)


def _subjects(verb) -> list:
    """The verb's subject, or that of the verb it goes on from: "a dénoncé ... et assuré que", "est revenu
    sur ..., appelant à « »"."""
    for _ in range(3):
        subj = [c for c in verb.children if c.dep_.startswith("nsubj") or (c.dep_ == "expl:subj" and c.lower_ in PRONOUNS)]
        if subj or verb.dep_ not in {"conj", "advcl", "xcomp"} or verb.head is verb:
            return subj
        verb = verb.head
    return []


def _introducing_clause(before):
    """The verb of a clause that ends in a colon before the quotation, when its subject is a person or
    a pronoun: "Dimanche soir, elle a présenté ses excuses dans un communiqué : « ... »"."""
    root = next((t for t in before if t.dep_ == "ROOT" and t.pos_ == "VERB"), None)
    if root is None:
        return None
    subj = [c for c in root.children if c.dep_.startswith("nsubj")]
    return root if subj and (subj[0].lower_ in PRONOUNS or subj[0].ent_type_ == "PER") else None


def _body_of(subject, sent: Sentence) -> Optional[Speaker]:
    """The organisation that speaks through a body of its own: "la direction de Carrefour Belgique"."""
    if subject.pos_ != "NOUN" or fold(subject.lemma_) not in _anaphors():
        return None
    name = next((c for c in subject.children if c.dep_.startswith("nmod") and c.pos_ == "PROPN"), None)
    if name is None:
        return None
    a, b = name.idx, name.idx + len(name)
    for t in sent.doc[name.i + 1:]:  # "Carrefour Belgique"
        if not (t.pos_ == "PROPN" and t.text[:1].isupper() and t.idx <= b + 1):
            break
        b = t.idx + len(t)
    return Speaker(sent.doc.text[a:b], None, sent.start + a, sent.start + b)


def _holder_of(role, sent: Sentence, mentions: Mentions, qs: int) -> Optional[Mention]:
    """The person a role was said of earlier: "Javier Milei a été élu président" for "le président élu",
    "Gérald Darmanin, ministre de l'Intérieur" for "le ministre". The person named nearest to the
    last earlier use of the role's word, within a sentence."""
    key = fold(role.lemma_)
    stem = key[:max(3, len(key) - 2)]  # "préside" for présidente, présidents: no parse where the word is not
    for s in reversed(mentions.parsed.sentences[max(0, sent.index - HOLDER_WINDOW):sent.index + 1]):
        if stem not in fold(s.text):
            continue
        doc = mentions.parsed.ensure(s).doc
        if doc is None:
            continue
        hits = [s.start + t.idx for t in doc if fold(t.lemma_) == key and s.start + t.idx < qs
                and not (s is sent and t.i == role.i)]
        people = [m for m in mentions.of(s) if m.label == "PER" and m.end <= qs]
        if hits and people:
            near = min(people, key=lambda m: min(abs(m.start - hits[-1]), abs(m.end - hits[-1])))
            if min(abs(near.start - hits[-1]), abs(near.end - hits[-1])) <= 100:
                return near
    return None


def _resolve_pronoun(sent: Sentence, mentions: Mentions, qs: int, role=None,
                     pronoun: Optional[str] = None) -> Optional[Speaker]:
    """Who "il", "elle", "a-t-elle dit" or a role already named is: the person subject of the
    sentence, else who spoke just before, else the last person named; one whose gender is known
    and is not the pronoun's is passed over ("elle" is not "le président X")."""
    if role is not None:  # "a lancé le président élu": the person that role was said of
        linked = _holder_of(role, sent, mentions, qs)
        if linked is not None:
            return Speaker(linked.text, None, linked.start, linked.end)
    wanted = pronoun_gender(pronoun)
    text = mentions.parsed.text

    def fits(start: Optional[int], end: Optional[int]) -> bool:
        return wanted is None or start is None or gender_in_article(text, start, end) in (None, wanted)

    subject = next((m for m in mentions.of(sent) if m.label == "PER" and m.subject and fits(m.start, m.end)), None)
    if subject is None and mentions.last_quote is not None:  # "« ... », a-t-il ajouté": who spoke just before
        quote, index = mentions.last_quote
        said = quote.speaker
        if said is not None and index >= sent.index - 1 and not any(
                m.label == "PER" and quote.end < m.start < qs and fits(m.start, m.end)
                for s in mentions.parsed.sentences[index:sent.index + 1] for m in mentions.of(s)) \
                and fits(said.char_start, said.char_end):
            return Speaker(said.text, None, said.char_start, said.char_end)
    if subject is None:
        subject = mentions.last_before(qs, "PER", sent, lambda m: fits(m.start, m.end))
    return Speaker(subject.text, None, subject.start, subject.end) if subject else None


def _clitic(doc, verb) -> Optional[str]:
    for t in doc[max(0, verb.i - 2):verb.i + 3]:
        m = re.fullmatch(r"-(?:t-)?(il|elle|ils|elles)", t.text.lower())
        if m or (t.lower_ in {"il", "elle", "ils", "elles"} and t.dep_.startswith("nsubj")):
            return t.text
    return None


def _verb_text(doc, verb) -> Optional[str]:
    if verb is None:
        return None
    start = verb.i
    while start > 0 and (doc[start - 1].dep_.startswith("aux") or doc[start - 1].dep_ in {"expl:comp", "expl"}
                         or re.fullmatch(r"-(?:t-)?\w+", doc[start - 1].text)):
        start -= 1
    return doc[start:verb.i + 1].text


def _role(text: str, m: Mention, offset: int = 0) -> Optional[str]:
    """The description beside a name: "Manfred Weber, le chef de file du PPE (droite)"."""
    rest = text[m.end - offset:]
    appos = re.match(r"^,\s*((?:l[ea]|l['’]|un|une|(?:co-|vice-)?(?:président|présidente|secrétaire)|porte-parole|chef|ancien|ancienne)"
                     r"[^,.;«»\"]{2,90})", rest)
    if appos:
        return appos.group(1).strip()
    head = text[max(0, m.start - offset - 90):m.start - offset]
    lead = re.search(r"(?:^|[,:.!?»\n]\s*|\b(?:a|par)\s+\w+\s+(?:\w+\s+)?|\b(?:[Pp]our|[Ss]elon)\s+)"
                     r"((?:[Ll][ea]\s|[Ll]['’]|[Ss]on\s|[Ss]a\s)[^,.;«»\"]{3,90}?)\s*,?\s*$", head)  # not "lance X"
    return lead.group(1).strip() if lead else None
