"""Assemble: triggers, places, dates and sizes of an article into events (spec section 4).

One event per place, day and kind of action: mentions of the same protest in several sentences
merge; a sentence without a place continues the last event's place; a country-wide gathering
told beside the same day's city events is their summary, not one more event.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from . import actors
from .dates import DateMention, find_dates, parse_date
from .detect import Trigger, background_markers, find_triggers
from .geocode import Gazetteer, article_countries
from .lexicon import fold, phrase_regex, words
from .parse import ParsedArticle, Sentence
from .prefilter import nouns_in_other_senses, other_events, words_of
from .place import PlaceMention, dateline, find_places, governed_elsewhere
from .records import Actor, DateSpan, Event, Evidence, Location, Outcome, Size, Span
from .size import SizeMention, find_sizes

FRAME_RELATIVE = {"la veille": -1, "l'avant-veille": -2, "l’avant-veille": -2, "le lendemain": 1}
GATHERINGS = {"demonstration", "march", "vigil", "riot", "other"}
NATIONWIDE = {"strike", "petition", "boycott"}
BACKGROUND_DAYS = 30
RECENT_DAYS = 7  # a protest recalled under "lorsque" this many days before the report is part of the story
DEFINITE = {"la", "le", "l'", "l’", "les", "cette", "ce", "cet", "ces"}


@dataclass
class Mention:
    trigger: Optional[Trigger]
    sentence: Sentence
    place: PlaceMention
    date: Optional[DateMention]
    day: Optional[dt.date]
    mode: str
    status: str
    strength: str
    size: Optional[SizeMention] = None
    size_shared: bool = False  # the figure of several places together
    target: Optional[Actor] = None
    claims: list[Span] = field(default_factory=list)
    participants: list[Actor] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    def key(self):
        where = self.place.city.geonameid if self.place.city else ("country", self.place.country)
        return where, self.day, _action(self.mode), self.status

    def another_crowd(self, other: "Mention") -> bool:
        """Two crowds counted apart and aimed at different states: a rally at the Russian embassy is not the
        rally against the government held the same evening in the same town."""
        a, b = self.target, other.target
        return bool(self.size and other.size and a and b and a.text and b.text and a.country != b.country
                    and self.sentence is not other.sentence)


class ArticleAssembler:
    def __init__(self, article_id: str, parsed: ParsedArticle, published: Optional[str], gaz: Gazetteer,
                 quote_spans: list[tuple[int, int]]):
        self.article_id = article_id
        self.parsed = parsed
        self.pub = parse_date(published)
        self.gaz = gaz
        self.quotes = quote_spans
        self.quotations = parsed.quotations
        self.context: Counter = article_countries(parsed.text, gaz)
        self.is_demonym = lambda w: bool(w[:1].isupper() and fold(w) in gaz.demonyms)  # "Syriens", not "la Syrie"
        self._size_cache: dict[int, list[SizeMention]] = {}
        self._trigger_cache: dict[int, list[Trigger]] = {}
        self._has_event: Optional[bool] = None
        self.told: set[int] = set()  # sentences that told an event; the others may add to the one before
        self.lead_size: Optional[tuple[int, SizeMention]] = None  # "Elles étaient 4 200 selon la préfecture." then the event

    def has_event(self) -> bool:
        """Whether a trigger makes an event by itself: a strong one, or agents with a size or a
        place ("20 000 manifestants", "les manifestants ... à Dakar"). Reads only the trigger
        sentences, so that the rest of the article is parsed only when it is needed."""
        if self._has_event is None:
            self._has_event = self.parsed.eventful and any(
                t.strength == "strong" or (t.strength == "agent" and (
                    self._has_crowd_size(s) or self._places(self.parsed.ensure(s), [], frozenset())))
                for s in self.parsed.sentences if s.trigger for t in self._triggers(s))
        return self._has_event

    def _triggers(self, s: Sentence) -> list[Trigger]:
        if s.index not in self._trigger_cache:
            self._trigger_cache[s.index] = find_triggers(s, self.is_demonym, self._has_crowd_size(s)) if s.trigger else []
        return self._trigger_cache[s.index]

    def events(self) -> list[Event]:
        if not self.has_event():
            return []
        sentences = [s for s in self.parsed.parsed() if s.candidate or self._next_is_candidate(s)]
        found = [(s, self._triggers(s)) for s in sentences]
        mentions: list[Mention] = []
        frame: Optional[dt.date] = None
        story: Optional[dt.date] = None  # the frame of the main story, back after a flashback's paragraph
        flash_paragraph: Optional[int] = None
        main: Optional[dt.date] = None
        last: Optional[Mention] = None
        for s, trigs in found:
            if flash_paragraph is not None and s.paragraph != flash_paragraph:
                frame, flash_paragraph = story, None
            dates = [d for d in find_dates(s.text, self.pub, False, s.start) if not self._in_quote(d.start)]
            if main is None:
                main = next((d.day for d in dates if d.day and self.pub and d.day <= self.pub), None)
            made = self._sentence_mentions(s, trigs, dates, frame or main, last)
            for m in made:
                if m.status == "occurred" and m.day:
                    frame = m.day
                    if _flashback(m.trigger):  # told in the pluperfect: it dates its own paragraph, not the story
                        flash_paragraph = s.paragraph
                    else:
                        story, flash_paragraph = m.day, None
            root = _root(s) if made else None
            own = [d.day for d in dates if root is not None and d.day and d.day <= (self.pub or d.day)
                   and _governs(s, root, d.start)] if flash_paragraph is None else []
            if own and any(m.status == "occurred" for m in made):
                frame = story = own[0]  # "restées vides ce mardi, au deuxième jour de la grève lancée lundi": Tuesday
            if made:
                last = made[-1]
                self.told.add(s.index)
            else:
                if dates and dates[0].day and self._is_frame(s, dates[0]) and dates[0].day <= (self.pub or dates[0].day):
                    frame = dates[0].day
            mentions.extend(made)
        mentions = self._without_headline([m for m in mentions if m.place.country])
        _date_from_the_report(mentions)
        return self._build(self._merge(mentions))

    def _is_headline(self, s: Sentence) -> bool:
        """The title line: the first line, not ended as a sentence, with more text after it."""
        first, _, rest = self.parsed.text.partition("\n")
        return s.index == 0 and s.end - s.start == len(first.rstrip()) and bool(rest.strip()) \
            and not first.rstrip().endswith((".", "!", "?", "»", "\""))

    def _without_headline(self, mentions: list[Mention]) -> list[Mention]:
        """A headline sums up the story the body tells: its protests join the body's of the same
        town and action, and count on their own only when the body tells none."""
        body = [m for m in mentions if not self._is_headline(m.sentence)]
        if not body or len(body) == len(mentions):
            return mentions
        for m in mentions:
            if m not in body and m.place.city:
                same = next((b for b in body if b.place.city and b.place.city.geonameid == m.place.city.geonameid
                             and _action(b.mode) == _action(m.mode) and b.status == m.status), None)
                if same is not None:
                    _absorb(same, m)
        return body

    def _next_is_candidate(self, s: Sentence) -> bool:
        nxt = self.parsed.sentences[s.index + 1] if s.index + 1 < len(self.parsed.sentences) else None
        return bool(nxt and nxt.candidate)

    def _in_quote(self, pos: int) -> bool:
        return _within(pos, self.quotes)

    def _in_quotation(self, pos: int) -> bool:
        """Inside words someone said; a term in quotes (« ville morte », « gilets jaunes ») is not."""
        return _within(pos, self.quotations)

    def _has_crowd_size(self, s: Sentence) -> bool:
        return any(z.crowd for z in self._sizes(s))

    def _sizes(self, s: Sentence) -> list[SizeMention]:
        """The sentence's counts, found once: the trigger check, the gate and the event all ask."""
        if s.index not in self._size_cache:
            self._size_cache[s.index] = find_sizes(s.text, s.start, self.is_demonym)
        return self._size_cache[s.index]

    def _is_frame(self, s: Sentence, d: DateMention) -> bool:
        """A date before the main verb sets the time of the sentences that follow ("Dimanche, ...")."""
        root = _root(s)
        before = fold(s.text[:d.start - s.start])
        if any(m in before for m in background_markers()):
            return False  # "Comme lors de l'acte 30, la semaine dernière, ..."
        # and it is the main verb's, not a participle's ("touchée le 9 février, elle avait succombé vendredi")
        return root is not None and d.start - s.start <= root.idx and not _under_another_verb(s, root, d.start)

    def _sentence_mentions(self, s: Sentence, trigs: list[Trigger], dates: list[DateMention],
                           frame: Optional[dt.date], last: Optional[Mention]) -> list[Mention]:
        root = _root(s)
        told_before = root is not None and any(c.dep_.startswith("aux") and c.lower_ in PLUPERFECT for c in root.children)
        for t in trigs:  # "Le mouvement était parti dans la nuit de jeudi, lorsque des jeunes s'étaient rassemblés": days ago
            if t.recalled and told_before and self.pub and dates and all(
                    d.day and 0 <= (self.pub - d.day).days <= RECENT_DAYS for d in dates):
                t.background = False
        for prev, t in zip(trigs, trigs[1:]):  # "la grande marche de 2019, qui avait réuni des dizaines de milliers"
            if prev.background and s.doc[prev.i].pos_ == "NOUN" and t.i - prev.j <= 6 and any(
                    c.lower_ == "qui" and c.dep_.startswith("nsubj") for c in s.doc[t.i].children):
                t.background = True  # that march's crowd
        recalled = [_clause(s, t) for t in trigs if t.background]  # "celle du 14 janvier, quand des milliers avaient..."
        trigs = [t for t in trigs if not t.background and not self._in_quotation(t.start)]
        sizes = [z for z in self._sizes(s) if not self._in_quote(z.start) and not _within(z.start, recalled)]
        dates = [d for d in dates if not _within(d.start, recalled) and not OTHER_DAY.search(s.text[:d.start - s.start])]
        claim_spans = actors.claims(s.text, s.start, trigs[0].start) if trigs else []
        trigs = [t for t in trigs if not any(c.start <= t.start < c.end for c in claim_spans)]  # what they protest about
        if not claim_spans and self._celebrating(s):
            trigs = [t for t in trigs if t.mode not in GATHERINGS and t.mode != "occupation"]
        if len(trigs) > 1:  # "ont débrayé pour protester": the purpose is not one more action
            trigs = [t for t in trigs if not any(c.dep_ == "mark" and c.lower_ == "pour" for c in s.doc[t.i].children)] or trigs
        main = [t for t in trigs if t.strength == "strong"] or trigs  # "scandant des slogans hostiles à Paris"
        anchors = frozenset(i for t in main for i in (*range(t.i, t.j), s.doc[t.i].head.i)) or \
            frozenset(t.i for t in s.doc if t.dep_ == "ROOT" and t.pos_ in {"VERB", "AUX"})  # no protest word: the main clause's places
        places = self._places(s, claim_spans, anchors)
        dates = [d for d in dates if not self._governed_elsewhere(s, d.start, anchors)]
        if not trigs:
            return self._continuation(s, places, sizes, dates, frame, last)
        out = []
        groups = self._assign(trigs, places)
        for trig, trig_places in groups:
            if any(p.city for p in trig_places):  # "En Turquie ... à Istanbul", "l'offensive en Ukraine ... à Genève"
                trig_places = [p for p in trig_places if p.city]
            date = self._date_for(trig.start, trig.status, dates, s)
            if date and date.approx and self.pub and (self.pub - date.approx).days > BACKGROUND_DAYS:
                continue  # "la grève des femmes de 1991"
            day = date.day if date else None
            shift = FRAME_RELATIVE.get(date.text.lower().strip()) if date else None
            if shift is not None and frame:
                day = frame + dt.timedelta(days=shift)  # "La veille, à Ankara": the day before the story's day
            if day and trig.status == "occurred" and self.pub and day > self.pub:
                trig.status = "planned"
            own_crowd = any(z.crowd for z in sizes)
            if trig.strength == "strong" and not trig_places and date is None and not own_crowd and last is not None \
                    and _commentary(s.doc[trig.i]):
                trig.strength = "agent"  # "Les pêcheurs protestent contre le refus de Londres": why, not one more event
            if last is not None and date is None and trig.refers_back:
                _absorb(last, self._about_last(trig, s, last, claim_spans))
                continue  # "un diplomate a jugé ce rassemblement...": the one just told
            across = trig.mode in NATIONWIDE and bool(_nationwide_places().search(s.text))  # "dans plusieurs villes du pays"
            if not trig_places and last is not None and not own_crowd and not across and (
                    (trig.strength == "weak" and (trig.mode != "riot" or date is None))
                    or (date is None and trig.strength != "strong")):
                # "Dimanche, la contestation s'est étendue": no place, no crowd, a word for the story so far
                _absorb(last, self._about_last(trig, s, last, claim_spans))
                continue  # "des barricades ont été dressées": more about the last event
            if day is None and trig.status == "occurred":
                day = frame
            if day and self.pub and trig.status == "occurred" and (self.pub - day).days > BACKGROUND_DAYS:
                continue
            if day and date and "matin" in date.text.lower() and re.search(r"nuits?\s+d['e]", s.text[:trig.end - s.start][-40:]):
                day -= dt.timedelta(days=1)  # "une nuit de violences" seen "jeudi matin" began on Wednesday
            if not trig_places:
                if (trig.strength == "agent" and not sizes) or self._names_another_gathering(s, trig):
                    continue
                trig_places = self._anaphoric_place(s, trig) or self._inherited_place(s, trig, last)
            mode = _best_mode(trig, trigs)
            for place in trig_places:
                out.append(Mention(trig, s, place, date, day, mode, trig.status, trig.strength,
                                   claims=claim_spans, sentences=[s]))
        self._give_sizes(out, sizes)
        if self.lead_size and self.lead_size[0] == s.index - 1 and not self._opens_paragraph(s):
            for m in out:
                m.size = m.size or self.lead_size[1]
        out += self._elliptical(s, out, sizes, claim_spans)
        self._sizes_by_clause(s, out, sizes)
        for m in out:
            m.target = actors.target(s.text, s.start, self.gaz, m.place.country, claim_spans)
            if m.trigger:
                m.participants = actors.participants(m.trigger, self.is_demonym, self.gaz)
        return out

    def _about_last(self, trig: Trigger, s: Sentence, last: Mention, claim_spans: list[Span]) -> Mention:
        """What a sentence adds to the last event: its trigger, and whom it says the protest is aimed at
        ("Les pêcheurs protestent contre le refus de Londres")."""
        m = Mention(trig, s, last.place, None, last.day, trig.mode, trig.status, "agent", claims=claim_spans)
        m.target = actors.target(s.text, s.start, self.gaz, last.place.country, claim_spans)
        return m

    def _elliptical(self, s: Sentence, out: list[Mention], sizes: list[SizeMention],
                    claim_spans: list[Span]) -> list[Mention]:
        """A clause that gives a figure and a town and leaves the action to the clause before: "1 200
        personnes se sont réunies à Marseille, et plusieurs centaines à Valence", "tandis qu'on en
        comptait 8 000 à Berne"."""
        if not out:
            return []
        made = []
        taken = {m.place.city.geonameid if m.place.city else m.place.country for m in out}
        inside = [(c.start, c.end) for c in claim_spans]
        for a, b in _clauses(s)[1:]:
            if any(a <= m.trigger.start < b for m in out if m.trigger) or any(a <= m.place.start < b for m in out):
                continue
            counts = [z for z in sizes if a <= z.start < b and z.crowd]
            places = [p for p in find_places(s, self.gaz, self.context, self.quotes)
                      if a <= p.start < b and p.city and p.city.geonameid not in taken and not _within(p.start, inside)]
            if not counts or not places or counts[0].start > places[0].start:
                continue
            before = max((m for m in out + made if m.place.start < a), key=lambda m: m.place.start, default=None)
            if before is None:
                continue
            for p in places:
                taken.add(p.city.geonameid)
                made.append(Mention(before.trigger, s, p, before.date, before.day, before.mode, before.status,
                                    before.strength, claims=before.claims, sentences=[s]))
        return made

    def _sizes_by_clause(self, s: Sentence, out: list[Mention], sizes: list[SizeMention]) -> None:
        """In a sentence of several clauses, each place takes a figure of its own clause when it has one
        ("Trois mille personnes à Saïda et des milliers d'autres à Tyr")."""
        clauses = _clauses(s)
        if len(clauses) < 2 or len(out) < 2:
            return
        for a, b in clauses:
            here = [m for m in out if a <= m.place.start < b]
            counts = [z for z in sizes if a <= z.start < b]
            if here and any(z.crowd or z.same for z in counts) and len({id(m.place) for m in here}) < len(
                    {id(m.place) for m in out}):
                self._give_sizes(here, counts)

    def _celebrating(self, s: Sentence) -> bool:
        """A crowd with no claim next to words of a party: "des supporters ont envahi les rues ... klaxons"."""
        before = self.parsed.sentences[s.index - 1] if s.index and \
            self.parsed.sentences[s.index - 1].paragraph == s.paragraph else None
        party, success = _celebration_words()
        return bool(words_of(s.text) & (party | success) or (before and words_of(before.text) & party))

    def _governed_elsewhere(self, s: Sentence, pos: int, anchors: frozenset[int]) -> bool:
        tok = next((t for t in s.doc if s.start + t.idx >= pos), None)
        return bool(anchors) and tok is not None and governed_elsewhere(s.doc[tok.i:tok.i + 1], anchors)

    def _anaphoric_place(self, s: Sentence, trig: Trigger) -> list[PlaceMention]:
        """"s'y sont mises en marche": y is the last town named before."""
        tok = s.doc[trig.i]
        chain = [tok, *tok.ancestors]  # "Les cours y sont suspendus, les étudiants ayant voté une grève"
        if not any(c.lower_ in {"y", "s'y"} or c.text.lower().endswith("'y") for t in chain for c in t.children) \
                and not re.search(r"\by\b", s.text[max(0, trig.start - s.start - 12):trig.start - s.start]):
            return []
        for prev in reversed(self.parsed.sentences[:s.index]):
            names = [p for p in find_places(self.parsed.ensure(prev), self.gaz, self.context, self.quotes, loose=True)
                     if p.city]
            if names:
                return [names[-1]]
        return []

    def _places(self, s: Sentence, claim_spans: list[Span], anchors: frozenset[int]) -> list[PlaceMention]:
        everywhere = find_places(s, self.gaz, self.context, self.quotes, anchors)
        inside = [(c.start, c.end) for c in claim_spans]
        outside = [p for p in everywhere if not any(a <= p.start < b for a, b in inside)]
        places = outside or everywhere
        return places

    def _assign(self, trigs: list[Trigger], places: list[PlaceMention]):
        """Each place goes to the nearest trigger (the one before it when tied)."""
        groups = {id(t): (t, []) for t in trigs}
        takers = [t for t in trigs if t.strength != "agent"] or trigs  # "des manifestants ont bloqué l'aéroport"
        for p in places:
            t = min(takers, key=lambda t: abs(p.start - t.start) + (0 if t.start <= p.start else 1))
            groups[id(t)][1].append(p)
        placed = [g for g in groups.values() if g[1]]
        actions = {_action(t.mode) for t, _ in placed}
        shared = sorted({id(p): p for _, ps in placed for p in ps}.values(), key=lambda p: p.start)
        # "ont manifesté à Turin, Milan et Naples à l'occasion d'une grève générale": the strike is the country's
        country = [PlaceMention(shared[0].start, shared[0].start, "", shared[0].country, None, "country")] if shared else []
        other = [(t, country if t.mode in NATIONWIDE else shared) for t, ps in groups.values()
                 if not ps and _action(t.mode) not in actions and t.strength == "strong"
                 and not any(_coordinated(t, p) for p, _ in placed)]
        return placed + other if placed else list(groups.values())[:1]  # the triggers share the sentence's places

    def _date_for(self, pos: int, status: str, dates: list[DateMention], s: Sentence) -> Optional[DateMention]:
        if not dates:
            return None
        if status == "planned":
            dates = [d for d in find_dates(s.text, self.pub, True, s.start) if not self._in_quote(d.start)]
        trig = next((t for t in s.doc if s.start + t.idx >= pos), None)
        own = [d for d in dates if trig is not None and _governs(s, trig, d.start)]  # "Mardi, ... ont défilé"
        # a day before a year, a named day before "la veille" (said of something else, more often than not)
        return min(own or dates, key=lambda d: (own != [] and d.day is None, d.text.lower() in FRAME_RELATIVE,
                                                abs(d.start - pos)))

    def _names_another_gathering(self, s: Sentence, trig: Trigger) -> bool:
        """"La manifestation" without a place of its own, told after a festival, a race or a fair
        was named and before any protest was, is that gathering (a definite noun refers back); so
        is one of an article that calls its "manifestation" cultural or sporting somewhere."""
        tok = s.doc[trig.i]
        if tok.pos_ != "NOUN" or not any(c.lower_ in DEFINITE for c in tok.children):
            return False
        for prev in reversed(self.parsed.sentences[:s.index]):
            if prev.index in self.told:
                return False
            if words_of(prev.text) & other_events():
                return True
        # "Les organisateurs de la manifestation ..." before "Cette manifestation culturelle ...": one sense per article
        return trig.lemma in nouns_in_other_senses(self.parsed.text)

    def _inherited_place(self, s: Sentence, trig: Trigger, last: Optional[Mention]) -> list[PlaceMention]:
        """A sentence without a place goes on about the last event; an announced protest without
        one is the country's ("L'intersyndicale appelle à une nouvelle journée de mobilisation"),
        and so is one "dans plusieurs villes du pays"."""
        if _worldwide().search(s.text):  # "ont manifesté à travers le monde": in no one country; kept for what follows
            return [PlaceMention(s.start, s.start, "", None, None, "world")]  # ("A Paris, ils étaient 29 000"), then dropped
        if last is not None and not last.place.city and self._is_headline(last.sentence):
            last = None  # "Tarn : les parents occupent une école": the body says where (its dateline)
        if last is None:
            return self._town_before(s, trig) or self._country_place(s, trig.status == "occurred")
        if _nationwide_places().search(s.text) or _unknown_town(s.text, self.gaz):
            return [PlaceMention(s.start, s.start, "", last.place.country, None, "country")]
        if (trig.status == "planned" and last.status != "planned") or (trig.mode in NATIONWIDE and last.mode not in NATIONWIDE):
            # a strike told without a place is the country's ("perturbations en raison de la grève")
            return [PlaceMention(s.start, s.start, "", last.place.country, None, "country")]
        return [last.place]

    def _town_before(self, s: Sentence, trig: Trigger) -> list[PlaceMention]:
        """The town the sentence before, in the same paragraph or the lede, put the story in ("Le salon a
        ouvert samedi à Paris. Quelques heures avant, des agriculteurs ont forcé les grilles"), for what
        happened there."""
        if trig.status != "occurred" or s.index == 0 or _nationwide_places().search(s.text):
            return []
        prev = self.parsed.sentences[s.index - 1]
        lede = prev.index == 0 or (prev.index == 1 and self._is_headline(self.parsed.sentences[0]))
        if self._is_headline(prev) or (prev.paragraph != s.paragraph and not lede):
            return []
        towns = [p for p in find_places(self.parsed.ensure(prev), self.gaz, self.context, self.quotes) if p.city]
        if lede and towns:  # the lede sets the scene in the first town it names, whatever else it recalls
            return towns[:1]
        return towns[-1:] if len({p.city.geonameid for p in towns}) == 1 else []

    def _country_place(self, s: Sentence, occurred: bool = False) -> list[PlaceMention]:
        """A country named in the sentence (not who called the protest), else the dateline's town
        for what happened, else the article's country."""
        if _worldwide().search(s.text):
            return []  # "à travers le monde": no one country
        text = re.split(r"\b[àaA] l['’]appel\b", s.text)[0]
        for c in actors.claims(text, 0, 0):  # "pour réclamer un cessez-le-feu à Gaza": what they ask for, not where
            text = text[:c.start] + " " * (c.end - c.start) + text[c.end:]
        town = dateline(self.parsed.text, self.gaz, self.context) if occurred else None
        for w in re.findall(r"[\w’'-]+", text):
            iso = self.gaz.country_of(w) if w[:1].isupper() else None
            if iso:
                return [town if town and town.country == iso else PlaceMention(s.start, s.start, "", iso, None, "country")]
        if town:
            return [town]
        if self.context:
            iso = self.context.most_common(1)[0][0]
            return [PlaceMention(s.start, s.start, "", iso, None, "country")]
        return []

    def _continuation(self, s, places, sizes, dates, frame, last) -> list[Mention]:
        """A sentence with no trigger that adds a place and a crowd to the story ("Zurich, 70 000 participants"),
        or a count by its sources to the last event ("Ils étaient 1 200 selon les organisateurs, 450 selon la police")."""
        if last is not None and places and s.again and s.index - last.sentence.index <= 2:
            # "Des scènes similaires ont été signalées à Sousse et à Bizerte": the same action, elsewhere
            date = min(dates, key=lambda d: d.start) if dates else None
            return [Mention(None, s, p, date, date.day if date else frame, last.mode, last.status, "weak", sentences=[s])
                    for p in places if p.city]
        counted = [z for z in sizes if z.crowd and not z.same and (z.source or z.min != z.max)]
        if last is None and counted and not places:
            self.lead_size = (s.index, counted[0])  # a count told before the protest it is of
        if last is None or not any(z.crowd for z in sizes) or s.index - last.sentence.index > 3:
            return []
        if not places:
            counted = [z for z in sizes if z.crowd and not z.same]
            if last.size is None and counted and s.index - last.sentence.index == 1 and s.paragraph == last.sentence.paragraph:
                # "des chalutiers ont fermé le port de Saint-Malo. Sur le quai, une centaine de pêcheurs..."
                _absorb(last, Mention(None, s, last.place, None, last.day, last.mode, last.status, "agent", size=counted[0]))
                return []
            sourced = [z for z in sizes if z.crowd and z.source]
            paired = sourced and sourced[0].min != sourced[0].max and self._opens_paragraph(s)  # a new paragraph's count
            if sourced and s.index - last.sentence.index == 1 and (s.paragraph == last.sentence.paragraph or paired):
                _absorb(last, Mention(None, s, last.place, None, last.day, last.mode, last.status, "agent", size=sourced[0]))
            return []
        date = min(dates, key=lambda d: d.start) if dates else None
        day = date.day if date else frame
        out = [Mention(None, s, p, date, day, last.mode, last.status, "agent", sentences=[s]) for p in places]
        self._give_sizes(out, sizes)
        return out

    def _opens_paragraph(self, s: Sentence) -> bool:
        return s.index == 0 or self.parsed.sentences[s.index - 1].paragraph != s.paragraph

    def _give_sizes(self, mentions: list[Mention], sizes: list[SizeMention]) -> None:
        """Pair figures with places in a list ("70 000 à Turin, 50 000 à Milan, autant à Naples")."""
        if not mentions or not sizes:
            return
        crowd = [z for z in sizes if z.crowd or z.same]
        if not crowd:
            return
        places = sorted({id(m.place): m.place for m in mentions}.values(), key=lambda p: p.start)
        if len(places) == 1:
            # the subject's figure, unless a figure stands right before the place: "dont 8 000 à Paris"
            text = self.parsed.text
            local = [z for z in sizes if not z.same and z.end <= places[0].start
                     and re.fullmatch(r"\s*(?:à|a|en|au|aux|dans)\s+(?:l['’]|la\s+|le\s+)?", text[z.end:places[0].start])]
            sourced = [z for z in crowd if z.source and not z.same]  # "81 000 selon la police" beats "des centaines de milliers"
            pick = local[-1] if local else (sourced or [z for z in crowd if not z.same] or [None])[0]
            for m in mentions:
                m.size = pick
            return
        size_first = sizes[0].start < places[0].start
        chosen: dict[int, SizeMention] = {}
        shared: set[int] = set()
        for k, p in enumerate(places):
            if size_first:
                lo = places[k - 1].end if k else -1
                own = [z for z in sizes if lo <= z.start < p.start]
                pick = own[-1] if own else (chosen.get(id(places[k - 1])) if k else None)
                if not own and pick is not None:
                    shared.add(id(pick))  # "plusieurs milliers ... à Lyon, Grenoble et Saint-Étienne": a total
            else:
                hi = places[k + 1].start if k + 1 < len(places) else 10**9
                own = [z for z in sizes if p.end <= z.start < hi]
                later = [z for z in sizes if z.start >= p.end]
                earlier = [z for z in sizes if z.end <= p.start]
                pick = own[0] if own else (later[0] if later and k + 1 < len(places) else (earlier[-1] if earlier else None))
            if pick is not None and pick.same:
                prior = [chosen[id(q)] for q in places[:k] if id(q) in chosen]
                pick = prior[-1] if prior else None
            if pick is not None:
                chosen[id(p)] = pick
        for m in mentions:
            m.size = chosen.get(id(m.place))
            m.size_shared = id(m.size) in shared

    def _merge(self, mentions: list[Mention]) -> list[Mention]:
        events: dict = {}
        order: list = []
        for m in mentions:
            k = m.key()
            same_place_day = next((e for e in order if e.key()[0] == k[0] and e.key()[1] == k[1]
                                   and e.status == m.status), None)
            if m.strength == "agent" and same_place_day is not None:
                _absorb(same_place_day, m)
                continue
            if k in events and not events[k].another_crowd(m):
                _absorb(events[k], m)
                continue
            if k not in events:
                events[k] = m
            order.append(m)
        kept = []
        for e in order:
            if e.place.city is None and e.mode in GATHERINGS:
                if any(o.place.city and o.place.country == e.place.country and (o.day == e.day or e.day is None)
                       and o.mode in GATHERINGS for o in order):
                    continue  # a country-wide summary of the city events
            kept.append(e)
        return kept

    def _follow_up(self, s: Sentence) -> list[Sentence]:
        """The sentences after an event's that tell no event of their own, in its paragraph ("La police
        a procédé à une trentaine d'arrestations")."""
        out = []
        for nxt in self.parsed.sentences[s.index + 1:]:
            if nxt.paragraph != s.paragraph or nxt.index in self.told:
                break
            out.append(nxt)
        return out

    def _build(self, mentions: list[Mention]) -> list[Event]:
        events = []
        lead_target = next((m.target for m in mentions if m.status == "occurred"), None)
        foreign = lead_target if lead_target and lead_target.country and mentions and \
            lead_target.country != mentions[0].place.country else None
        for n, m in enumerate(mentions):
            target = m.target or (Actor(foreign.text, foreign.country, foreign.char_start, foreign.char_end)
                                  if foreign else None if _supportive(m) else Actor(None, m.place.country))
            first, last_s = min(m.sentences, key=lambda x: x.start), max(m.sentences, key=lambda x: x.end)
            evidence = Evidence(self.parsed.text[first.start:last_s.end], first.start, last_s.end)
            out = actors.outcome(" ".join(x.text for x in m.sentences + self._follow_up(last_s)))
            city = m.place.city
            loc = Location(m.place.text or None, city.name if city else None, city.admin1 if city else None,
                           m.place.country, city.lat if city else None, city.lon if city else None,
                           city.geonameid if city else None, _venue(first.text),
                           m.place.start if m.place.text else None, m.place.end if m.place.text else None)
            size = Size(m.size.text, m.size.min, m.size.max, m.size.best, m.size.start, m.size.end) if m.size else None
            date = DateSpan(m.day.isoformat() if m.day else None, None, m.date.text if m.date else None,
                            m.date.start if m.date else None, m.date.end if m.date else None)
            trig = m.trigger
            trigger = Span(trig.text, trig.start, trig.end) if trig else Span("", first.start, first.start)
            eid = hashlib.sha1(f"{self.article_id}|{n}|{m.key()}".encode()).hexdigest()[:12]
            events.append(Event(self.article_id, eid, m.mode, m.status, date, loc, evidence, trigger, size,
                                m.participants, target, [c.text for c in m.claims], m.claims,
                                out if any(vars(out).values()) else Outcome(), _confidence(m)))
        return events


STRENGTH = {"strong": 2, "weak": 1, "agent": 0}


OTHER_DAY = re.compile(r"\b(?:celle|celui|celles|ceux)\s+(?:du|de\s+l['’]|d['’])\s*$", re.I)  # "celle du 14 janvier"


# where a sentence starts a clause of its own: ", tandis qu'à Namur", ", et deux mille élèves", "et des
# milliers d'autres à Tyr" (a figure after "et" starts one), "; à Lyon"
CLAUSE_BREAK = re.compile(r"\s*(?:[,;]\s*(?:et|mais|tandis\s+qu(?:e|['’])|alors\s+qu(?:e|['’])|quand|pendant\s+qu(?:e|['’]))\b"
                          r"|;|\s+et\s+(?=(?:(?:plus|près|moins)\s+d['’e]\s*|environ\s+|quelque\s+|au\s+moins\s+)?"
                          r"(?:\d|des\s+(?:dizaines|centaines|milliers)|plusieurs\s|quelques\s|une?\s+\w+aine|un\s+millier)))", re.I)


def _root(s: Sentence):
    return next((t for t in s.doc if t.dep_ == "ROOT"), None)


def _clauses(s: Sentence) -> list[tuple[int, int]]:
    """The sentence cut at clause breaks, as offsets in the article."""
    cuts = [s.start] + [s.start + m.start() for m in CLAUSE_BREAK.finditer(s.text) if m.start() > 0] + [s.end]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _clause(s: Sentence, trig: Trigger) -> tuple[int, int]:
    """The words of the trigger's clause, as offsets in the article."""
    tok = s.doc[trig.i]
    left, right = tok.left_edge, tok.right_edge
    return s.start + left.idx, s.start + right.idx + len(right.text)


@lru_cache(maxsize=1)
def _celebration_words() -> tuple[frozenset[str], frozenset[str]]:
    return (frozenset(fold(w) for w in words("celebration.txt")),
            frozenset(fold(w) for w in words("celebration_sentence.txt")))


@lru_cache(maxsize=1)
def _worldwide() -> re.Pattern:
    return phrase_regex(words("worldwide_places.txt"))


@lru_cache(maxsize=1)
def _nationwide_places() -> re.Pattern:
    return phrase_regex(words("nationwide_places.txt"))


def _unknown_town(text: str, gaz: Gazetteer) -> bool:
    """"A Nassiriya, des chômeurs ont bloqué...": a town the gazetteer lacks is not the last town."""
    m = re.search(r"(?:^|,\s*|\.\s+)[AaÀà]\s+([A-ZÉÈ][\w’'-]+)", text)
    return bool(m) and not gaz.candidates(m.group(1)) and not gaz.country_of(m.group(1))


def _governs(s: Sentence, trig, pos: int) -> bool:
    """Whether the word at pos depends on the trigger's word (or, for a noun, on the verb it
    completes: "se sont réunies jeudi ... pour une veillée"), with no other verb or participle
    between ("morts la veille")."""
    anchors = {trig.i, trig.head.i} if trig.pos_ == "NOUN" else {trig.i}
    tok = next((t for t in s.doc if s.start + t.idx >= pos), None)
    for _ in range(5):
        if tok is None or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i in anchors:
            return True
        if tok.pos_ in {"VERB", "AUX"} or "Part" in tok.morph.get("VerbForm"):
            return False
    return False


def _verb_of(tok):
    return tok.head if tok.pos_ == "NOUN" and tok.dep_ == "obj" else tok


def _under_another_verb(s: Sentence, root, pos: int) -> bool:
    tok = next((t for t in s.doc if s.start + t.idx >= pos), None)
    while tok is not None and tok.head.i != tok.i and tok.head.i != root.i:
        tok = tok.head
        if (tok.pos_ in {"VERB", "AUX"} or "Part" in tok.morph.get("VerbForm")) and tok.dep_ in SUBCLAUSES:
            return True
    return False


SUBCLAUSES = {"acl", "acl:relcl", "advcl", "appos", "parataxis"}


def _coordinated(a: Trigger, b: Trigger) -> bool:
    """"ont incendié un poste de police et bloqué la route": one crowd's actions, one event."""
    ta, tb = (_verb_of(x.sentence.doc[x.i]) for x in (a, b))  # "ont érigé des barricades et bloqué les axes"
    return a.sentence is b.sentence and ta.pos_ == tb.pos_ == "VERB" and ta.i != tb.i and (
        (ta.dep_ == "conj" and ta.head.i == tb.i) or (tb.dep_ == "conj" and tb.head.i == ta.i))


PLUPERFECT = {"avait", "avaient", "était", "étaient"}


def _commentary(tok) -> bool:
    """A protest verb in the simple present with no place, day or count of its own comments on the story."""
    return tok.pos_ == "VERB" and "Pres" in tok.morph.get("Tense") and not any(
        c.dep_.startswith("aux") for c in tok.children) and "Part" not in tok.morph.get("VerbForm")


def _flashback(trig: Optional[Trigger]) -> bool:
    """"Dans la nuit, des militants avaient investi un immeuble": told in the pluperfect."""
    if trig is None:
        return False
    node = trig.sentence.doc[trig.i]
    for _ in range(4):  # up from "manifestants" in "des dizaines de milliers de manifestants avaient encerclé"
        if any(c.dep_.startswith("aux") and c.lower_ in PLUPERFECT for c in node.children):
            return True
        if node.pos_ in {"VERB", "AUX"} or node.head.i == node.i:
            return False
        node = node.head
    return False


def _within(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _date_from_the_report(mentions: list[Mention]) -> None:
    """An event told before any date, in a report whose events are dated, takes their date
    (spec section 4); the ones after a date already took it as their frame."""
    first = next((m.day for m in mentions if m.status == "occurred" and m.day), None)
    for m in mentions:
        if m.status == "occurred" and m.day is None and first is not None:
            m.day = first


def _best_mode(trig: Trigger, trigs: list[Trigger]) -> str:
    """The most telling mode among the sentence's triggers of the same kind ("une veillée a réuni...")."""
    same = [t for t in trigs if _action(t.mode) == _action(trig.mode)]
    return max(same, key=lambda t: (STRENGTH[t.strength], t.mode != "demonstration")).mode


def _action(mode: str) -> str:
    return "gathering" if mode in GATHERINGS else mode


def _precision(size: Optional[SizeMention]) -> int:
    """A figure with its source, then an exact figure, then a vague count."""
    if size is None:
        return 0
    return 3 if size.source else 2 if size.min == size.max else 1


def _absorb(into: Mention, m: Mention) -> None:
    if _precision(m.size) > _precision(into.size) or (into.size_shared and m.size and not m.size_shared):
        into.size, into.size_shared = m.size, m.size_shared  # "des milliers ... dont 9 000 à Paris"
    if into.target is None or (into.target.country == into.place.country and m.target and m.target.country
                               and m.target.country != into.place.country and m.target.text):
        into.target = m.target or into.target
    into.claims = into.claims or m.claims
    into.participants = into.participants or m.participants
    if into.strength != "strong" and m.strength == "strong":
        into.mode, into.strength, into.trigger = m.mode, m.strength, m.trigger
    if m.sentence not in into.sentences:
        into.sentences.append(m.sentence)


MOURNING = {"marche blanche", "marche silencieuse", "rassemblement silencieux"}
SUPPORT = re.compile(r"(?:en\s+)?(?:soutien|soutenir|solidarité|hommage|mémoire|commémor\w*|recueillement)\b", re.I)


def _supportive(m: Mention) -> bool:
    """A vigil or a rally of support is aimed at no state ("en hommage aux victimes", "ont manifesté
    leur soutien aux civils")."""
    if m.mode == "vigil" or (m.trigger and m.trigger.lemma in MOURNING) or any(SUPPORT.match(c.text) for c in m.claims):
        return True
    tok = m.trigger.sentence.doc[m.trigger.i] if m.trigger else None
    return tok is not None and any(c.dep_ == "obj" and SUPPORT.match(c.lemma_) for c in tok.children)


VENUE = re.compile(r"\b(devant|face à|aux abords d[eu]|sur la place|place|près d[eu]|au pied d[eu]|dans les rues d[eu])"
                   r"\s+([^,.;]{3,80}?)(?=\s+(?:à|pour|contre|avant|après|où|et)\s|[,.;]|$)")


def _venue(text: str) -> Optional[str]:
    m = VENUE.search(text)
    while m:
        if not any(z.start <= m.start(2) < z.end for z in find_sizes(text[:m.end()])):  # "près de 20 000 grévistes"
            return f"{m.group(1)} {m.group(2)}".strip()
        m = VENUE.search(text, m.start(2))
    return None


def _confidence(m: Mention) -> float:
    score = 0.5 + (0.2 if m.strength == "strong" else 0.0) + (0.15 if m.place.city else 0.05) + (0.1 if m.day else 0.0)
    return round(min(score, 0.95), 2)
