"""The extractor: parse, then detect events and quotes, for one article or a stream of them."""
from __future__ import annotations

import gc
import sys
from typing import Iterable, Iterator, Union

from .assemble import ArticleAssembler
from .geocode import gazetteer
from .ingest import check_text, language_problem
from .parse import ParsedArticle, load_model, parse_chunks, rest_of
from .quotes import extract_quotes, find_quote_spans
from .records import Article, Extraction, Failure

Item = Union[Article, Failure]


class Extractor:
    """Holds the spaCy model and the gazetteer; load once, extract many."""

    def __init__(self, nlp=None, selective: bool = True):
        self.nlp = nlp or load_model()
        self.gaz = gazetteer()
        self.selective = selective
        # The model and the gazetteer are about a million objects that live as long as the process;
        # each full garbage collection walked them all (0.2 s, several times in a long run). Frozen,
        # they are left out of collections (and never freed by one: they were not going to be).
        gc.freeze()

    def extract(self, article: Article) -> Union[Extraction, Failure]:
        return next(self.extract_many([article]))

    def extract_many(self, items: Iterable[Item], batch_size: int = 128) -> Iterator[Union[Extraction, Failure]]:
        """One result per item, in input order; a bad article becomes a Failure, never an exception."""
        def valid():
            for item in items:
                problem = None
                if isinstance(item, Article):
                    problem = check_text(item.text) or language_problem(item.text)
                if isinstance(item, Failure) or problem:
                    yield "", item if isinstance(item, Failure) else Failure(item.id, problem, article_id=item.id)
                else:
                    yield item.text, item
        for chunk in parse_chunks(self.nlp, valid(), self.selective, batch_size):
            steps = [item if isinstance(item, Failure) else self._guard(item, lambda: self._assembler(item, parsed))
                     for parsed, item in chunk]
            rest_of(self.nlp, [parsed for (parsed, _), step in zip(chunk, steps)
                               if isinstance(step, ArticleAssembler) and step.has_event()], self.selective,
                    quoting=[parsed for (parsed, _), step in zip(chunk, steps) if isinstance(step, ArticleAssembler)])
            for (parsed, item), step in zip(chunk, steps):
                if isinstance(step, ArticleAssembler):
                    step = self._guard(item, lambda: self._assemble(item, parsed, step))
                yield step

    @staticmethod
    def _guard(item: Article, step):
        """One article's bug must not end a batch: it becomes that article's Failure."""
        try:
            return step()
        except Exception as e:
            print(f"warning: {item.id}: internal error {type(e).__name__}: {e}", file=sys.stderr)
            return Failure(item.id, f"internal error ({type(e).__name__}: {e})", article_id=item.id)

    def _assembler(self, article: Article, parsed: ParsedArticle) -> ArticleAssembler:
        assembler = ArticleAssembler(article.id, parsed, article.published, self.gaz, find_quote_spans(article.text))
        assembler.has_event()  # reads the trigger sentences parsed in the first round
        return assembler

    def _assemble(self, article: Article, parsed: ParsedArticle, assembler: ArticleAssembler) -> Extraction:
        quotes = extract_quotes(article.id, parsed, article.published)
        return Extraction(article, assembler.events(), quotes)
