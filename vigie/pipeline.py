"""The extractor: the stages run in order over one article (filled in stage by stage)."""
from __future__ import annotations

from typing import Iterable, Iterator, Union

from .records import Article, Extraction, Failure


class Extractor:
    def __init__(self, nlp=None):
        self.nlp = nlp

    def extract(self, article: Article) -> Union[Extraction, Failure]:
        return next(self.extract_many([article]))

    def extract_many(self, items: Iterable[Union[Article, Failure]],
                     batch_size: int = 32) -> Iterator[Union[Extraction, Failure]]:
        for item in items:
            yield item if isinstance(item, Failure) else Extraction(item)
