import pytest

from vigie.api import default_extractor
from vigie.records import Article


@pytest.fixture(scope="session")
def extractor():
    """The real pipeline: spaCy's fr_core_news_md and the GeoNames gazetteer, loaded once."""
    return default_extractor()


@pytest.fixture(scope="session")
def run(extractor):
    """Extract one article: run(text, published) -> Extraction."""
    def _run(text, published="2024-03-13", article_id="t"):
        result = extractor.extract(Article(id=article_id, text=text, published=published))
        assert hasattr(result, "events"), f"extraction failed: {result}"
        return result
    return _run


@pytest.fixture(scope="session")
def places():
    """The sorted (city, country) pairs of a result's events of one status."""
    def _places(result, status="occurred"):
        return sorted((e.location.city or "", e.location.country) for e in result.events if e.status == status)
    return _places
