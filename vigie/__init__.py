"""vigie: French news articles in, protest events and attributed quotes out.

Public API:
    extract(text, published=None, article_id=None) -> Extraction
    extract_many(articles) -> iterator of Extraction or Failure
"""
from .api import extract, extract_many
from .records import Article, Event, Extraction, Failure, Quote

__version__ = "0.1.0"
__all__ = ["extract", "extract_many", "Article", "Event", "Extraction", "Failure", "Quote"]
