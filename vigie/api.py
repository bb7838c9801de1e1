"""The public functions; the spaCy model is loaded once per process."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator, Optional, Union

from .ingest import article_from_dict
from .pipeline import Extractor
from .records import Article, Extraction, Failure


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    return Extractor()


def extract(text: str, published: Optional[str] = None, article_id: Optional[str] = None) -> Extraction:
    """Events and quotes of one French article. Raises ValueError on unusable text."""
    article = Article(id=article_id or "article", text=text, published=published)
    result = default_extractor().extract(article)
    if isinstance(result, Failure):
        raise ValueError(result.message)
    return result


def extract_many(articles: Iterable[Union[Article, dict, Failure]],
                 batch_size: int = 32) -> Iterator[Union[Extraction, Failure]]:
    """Extract from many articles (Article objects or spec dicts), one result per input, in order."""
    def items():
        for a in articles:
            yield article_from_dict(a) if isinstance(a, dict) else a
    return default_extractor().extract_many(items(), batch_size=batch_size)
