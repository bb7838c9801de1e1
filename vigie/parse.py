"""Parse: split an article into sentences, pick the ones worth parsing, run spaCy on them.

The sentence split is ours, not spaCy's: the parser ignores single newlines (it merges a
headline and a paragraph) and splits inside quotations, which separates a quote from its
attribution. A cheap first pass (prefilter.py) marks candidate sentences; only they go through
spaCy ("selective parsing"), in two rounds (parse_chunks, rest_of), and a stage may ask for one
more sentence later (ParsedArticle.ensure).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Iterator, Optional

from .prefilter import mark_candidates, selected

MODEL = "fr_core_news_md"
QUOTE_CHARS = "«»\"“”"
OPENERS = {"«": "»", "“": "”", '"': '"'}
PLACEHOLDER_MIN = 12  # shorter quotations are read as they are
ABBREVIATIONS = {"m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "st", "ste", "av", "j.-c", "etc", "cf", "n°", "no", "art", "p"}


@dataclass
class Sentence:
    start: int  # offsets in the article text
    end: int
    text: str
    paragraph: int
    index: int  # position in the article
    trigger: bool = False  # the cheap pass saw a trigger stem
    crowd: bool = False  # ... or a count of people
    quote: bool = False  # the sentence holds a quotation worth attributing
    again: bool = False  # ... or tells the action just reported again, elsewhere ("des scènes similaires")
    quoted: tuple[tuple[int, int], ...] = ()  # its quotations' words, offsets in the sentence
    doc: Optional[object] = None  # spaCy Doc of this sentence, when parsed
    entities: bool = False  # the doc has been through the entity recognizer

    @property
    def candidate(self) -> bool:
        return self.trigger or self.quote or self.crowd or self.again


@dataclass
class ParsedArticle:
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    eventful: bool = False  # the cheap pass saw a trigger that can make an event
    nlp: Optional[object] = None  # parses a sentence that a stage asks for after the batch
    quotations: list[tuple[int, int]] = field(default_factory=list)  # quotes.quotation_spans of the text

    def parsed(self) -> list[Sentence]:
        return [s for s in self.sentences if s.doc is not None]

    def ensure(self, sentence: Sentence) -> Sentence:
        """Parse one more sentence on demand (a pronoun's antecedent further back), or find the
        names in one that was parsed without them."""
        if self.nlp is not None and (sentence.doc is None or not sentence.entities):
            parse(self.nlp, [sentence])
        return sentence


@lru_cache(maxsize=1)
def load_model(name: str = MODEL):
    import spacy

    return spacy.load(name)


def split_sentences(text: str) -> list[Sentence]:
    """Paragraphs at newlines, sentences at . ! ? … outside quotations and abbreviations."""
    out: list[Sentence] = []
    for p, m in enumerate(re.finditer(r"[^\n]+", text)):
        para_start = m.start()
        para = m.group()
        start, closer = 0, None
        resume = 0  # after a sentence end, the marks that close it are skipped
        for mark in _MARKS.finditer(para):  # only these characters can open, close or end anything
            i, c = mark.start(), mark.group()
            if i < resume:
                continue
            if closer is None and c in OPENERS and (c != '"' or _opens(para, i)):
                closer = OPENERS[c]
            elif closer is not None and c == closer:
                closer = None
                if para[:i].rstrip()[-1:] in ".!?…" and _CAPITAL_NEXT.match(para, i + 1):
                    _add(out, text, para_start + start, para_start + i + 1, p)  # « Assez ! » Le cortège...
                    start = i + 1
            elif closer is None and c in ".!?…" and _ends_sentence(para, i):
                j = i + 1
                while j < len(para) and para[j] in ".!?…»\"”)":
                    j += 1
                _add(out, text, para_start + start, para_start + j, p)
                start = resume = j
        _add(out, text, para_start + start, para_start + len(para), p)
    return out


_MARKS = re.compile(r"[«»\"“”.!?…]")
_CAPITAL_NEXT = re.compile(r" +[A-ZÉÈÀÂÎÔ]")


def _opens(para: str, i: int) -> bool:
    """A straight quote opens when it follows a space or punctuation (or starts the line)."""
    return i == 0 or not para[i - 1].isalnum()


def _ends_sentence(para: str, i: int) -> bool:
    if i + 1 < len(para) and para[i + 1] != " ":
        return False
    k = i + 1
    while k < len(para) and para[k] in " »\"”)":
        k += 1
    if k < len(para) and not (para[k].isupper() or para[k] in "«\"“(-–—"):
        return False
    if para[i] == ".":
        word = re.search(r"([\w.\-°]+)$", para[max(0, i - 40):i])  # abbreviations are short
        if word and (word.group(1).lower() in ABBREVIATIONS or (len(word.group(1)) == 1 and word.group(1).isalpha())):
            return False
    return True


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end], paragraph, len(out)))


def prepare(text: str, nlp=None) -> ParsedArticle:
    """Split an article and mark its candidate sentences (no model yet)."""
    from .quotes import quotation_spans  # quotes reads ParsedArticle

    sentences = split_sentences(text) if text else []
    quotations = quotation_spans(text) if text else []
    return ParsedArticle(text, sentences, mark_candidates(sentences, quotations), nlp, quotations)


def parse(nlp, sentences: list[Sentence], entities: bool = True) -> None:
    """Run spaCy on sentences, batched. Without entities the recognizer (the pipeline's last
    component, with its own token vectors) is left out; it can run later on the same doc."""
    later = [s for s in sentences if s.doc is not None and entities and not s.entities]
    if later:
        for s, doc in zip(later, nlp.get_pipe("ner").pipe([s.doc for s in later], batch_size=256)):
            s.doc, s.entities = doc, True
    todo = [(for_parser(s), s) for s in sentences if s.doc is None]
    for doc, s in nlp.pipe(todo, as_tuples=True, batch_size=256, disable=[] if entities else ["ner"]):
        s.doc, s.entities = doc, entities


def parse_chunks(nlp, texts: Iterable[tuple[str, object]], selective: bool = True,
                 batch_size: int = 64) -> Iterator[list[tuple[ParsedArticle, object]]]:
    """Split articles and parse, batched over a chunk of them and without names, what every
    article needs: its quotations, and the trigger sentences of an eventful one (they decide
    whether the rest is needed; rest_of adds the names and the rest)."""
    for chunk in _chunks(texts, batch_size):
        articles = [(prepare(text, nlp), context) for text, context in chunk]
        if not selective:
            parse(nlp, [s for a, _ in articles for s in a.sentences])
            yield articles
            continue
        parse(nlp, [s for a, _ in articles for s in a.sentences if s.quote or (a.eventful and s.trigger)],
              entities=False)
        yield articles


def rest_of(nlp, articles: list[ParsedArticle], selective: bool = True, quoting: Iterable[ParsedArticle] = ()) -> None:
    """Second round, for the articles whose triggers make an event: the other candidate
    sentences, the sentence before each, and the names in the trigger sentences; and the names
    in the quotation sentences of the quoting articles (who speaks)."""
    done = {id(a) for a in articles}
    parse(nlp, [s for a in articles for s in selected(a.sentences, a.eventful, selective)]
          + [s for a in quoting if id(a) not in done for s in a.sentences if s.quote])


def for_parser(sentence: Sentence) -> str:
    """The sentence as spaCy reads it, same length so that offsets hold. The words of a quotation
    become one long placeholder word: no stage reads inside quotations (what people say is not
    what happened, and a speaker is named outside), and the parser's time goes with the words.
    The unaccented capital in "A Berlin" becomes "À": the parser reads "A" as a foreign word."""
    text = re.sub(r"^A(?= [A-ZÉÈÎÔ])", "À", sentence.text)
    for a, b in sentence.quoted:
        if b - a >= PLACEHOLDER_MIN:
            text = text[:a] + "x" * (b - a) + text[b:]
    return text


def _chunks(items: Iterable, n: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
