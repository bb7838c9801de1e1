"""The extractor: parse, then detect events and quotes, for one article or a stream of them."""
from __future__ import annotations

import sys
from typing import Iterable, Iterator, Union

from .assemble import ArticleAssembler
from .geocode import gazetteer
from .ingest import check_text, language_problem
from .parse import ParsedArticle, load_model, parse_articles
from .quotes import extract_quotes, find_quote_spans
from .records import Article, Extraction, Failure

Item = Union[Article, Failure]


class Extractor:
    """Holds the spaCy model and the gazetteer; load once, extract many."""

    def __init__(self, nlp=None, selective: bool = True):
        self.nlp = nlp or load_model()
        self.gaz = gazetteer()
        self.selective = selective

    def extract(self, article: Article) -> Union[Extraction, Failure]:
        return next(self.extract_many([article]))

    def extract_many(self, items: Iterable[Item], batch_size: int = 32) -> Iterator[Union[Extraction, Failure]]:
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
        for parsed, item in parse_articles(self.nlp, valid(), self.selective, batch_size):
            if isinstance(item, Failure):
                yield item
                continue
            try:
                yield self._assemble(item, parsed)
            except Exception as e:  # one article's bug must not end a batch
                print(f"warning: {item.id}: internal error {type(e).__name__}: {e}", file=sys.stderr)
                yield Failure(item.id, f"internal error ({type(e).__name__}: {e})", article_id=item.id)

    def _assemble(self, article: Article, parsed: ParsedArticle) -> Extraction:
        quote_spans = find_quote_spans(article.text)
        events = ArticleAssembler(article.id, parsed, article.published, self.gaz, quote_spans).events()
        quotes = extract_quotes(article.id, parsed, article.published)
        return Extraction(article, events, quotes)
