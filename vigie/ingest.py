"""Ingest: turn inputs (JSON Lines, .txt, .html, directories, stdin) into Articles.

Every input that cannot be read becomes a Failure naming it (and its line),
so that a batch goes on and its summary counts it.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional, Union

from .records import Article, Failure

MAX_CHARS = 1_000_000  # larger articles are refused: no news article is this long
TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".json", ".ndjson"}

Item = Union[Article, Failure]


def iter_articles(inputs: Iterable[str], published: Optional[str] = None) -> Iterator[Item]:
    """Yield an Article or a Failure for each article found in the inputs, streaming."""
    for name in inputs:
        if name == "-":
            yield from _read_jsonl_stream(sys.stdin.buffer, "<stdin>", published)
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
                    yield from _read_path(child, published)
        elif path.exists():
            yield from _read_path(path, published)
        else:
            yield Failure(str(path), "no such file or directory")


def _read_path(path: Path, published: Optional[str]) -> Iterator[Item]:
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with open(path, "rb") as f:
                yield from _read_jsonl_stream(f, str(path), published)
            return
        raw = path.read_bytes()
    except OSError as e:
        yield Failure(str(path), f"cannot read: {e.strerror or e}")
        return
    text = _decode(raw)
    if isinstance(text, str) and suffix in HTML_SUFFIXES:
        yield _from_html(text, path, published)
    elif isinstance(text, str):
        yield _checked(Article(id=path.name, text=text, published=published), str(path), None)
    else:
        yield Failure(str(path), text.message, article_id=path.name)


def _read_jsonl_stream(stream: IO[bytes], name: str, published: Optional[str]) -> Iterator[Item]:
    for lineno, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        line = _decode(raw)
        if isinstance(line, Failure):
            yield Failure(name, line.message, line=lineno)
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Failure(name, f"invalid JSON ({e.msg} at column {e.colno})", line=lineno)
            continue
        item = article_from_dict(obj, published)
        if isinstance(item, Failure):
            yield Failure(name, item.message, article_id=item.article_id, line=lineno)
        else:
            yield _checked(item, name, lineno)


def article_from_dict(obj: object, published: Optional[str] = None) -> Item:
    """An Article from a spec-section-1 object, or a Failure saying what is wrong."""
    if not isinstance(obj, dict):
        return Failure("", "an article must be a JSON object")
    aid = obj.get("id")
    if aid is None or str(aid).strip() == "":
        return Failure("", "article has no id")
    text = obj.get("text")
    if not isinstance(text, str):
        return Failure("", "article has no text", article_id=str(aid))
    pub = obj.get("published") or published
    return Article(id=str(aid), text=text, published=_iso_date(pub) if pub else None,
                   title=obj.get("title"), source=obj.get("source"), url=obj.get("url"),
                   lang=obj.get("lang"))


def _checked(article: Article, name: str, line: Optional[int]) -> Item:
    problem = check_text(article.text)
    if problem:
        return Failure(name, problem, article_id=article.id, line=line)
    return article


CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters other than \t \n \r


def check_text(text: str) -> Optional[str]:
    """Why this text cannot be extracted, or None. Language is checked later, on tokens."""
    if not text.strip():
        return "empty text"
    if len(text) > MAX_CHARS:
        return f"text too long ({len(text):,} characters, limit {MAX_CHARS:,})"
    controls = len(CONTROLS.findall(text, 0, 10000))
    if controls > 0.01 * min(len(text), 10000) or "\x00" in text:
        return "binary content, not text"
    return None


def _decode(raw: bytes) -> Union[str, Failure]:
    if b"\x00" in raw[:10000]:
        return Failure("", "binary content, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return Failure("", f"not UTF-8 (undecodable byte 0x{raw[e.start]:02x} at offset {e.start})")


def _from_html(html: str, path: Path, published: Optional[str]) -> Item:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text:
        return Failure(str(path), "no main text found in the HTML page", article_id=path.name)
    date = getattr(doc, "date", None) or published
    return _checked(Article(id=path.name, text=text, published=_iso_date(date) if date else None,
                            title=getattr(doc, "title", None), url=getattr(doc, "url", None),
                            source=getattr(doc, "sitename", None)), str(path), None)


def _iso_date(value: object) -> Optional[str]:
    s = str(value).strip()
    return s[:10] if len(s) >= 10 and s[4] == "-" and s[7] == "-" else None



FRENCH_WORDS = frozenset("le la les de des du un une et est sont dans pour pas que qui sur au aux avec ce cette ces "
                         "il elle ils elles ont été par plus ne se leur selon mais ou son sa à l d qu n s c j "
                         "leurs ses nos vos nous vous on en y devant contre entre sans sous vers chez lors depuis "
                         "après avant comme aussi très tout tous toute toutes était avait".split())
OTHER_LANGUAGES = {  # the most frequent function words of the languages French news is mistaken for
    "English": frozenset("the and of to is are in that was for with on by this from at were have has".split()),
    "Spanish": frozenset("el los las del por con una es fue muy pero como más para sus al lo la en y que de".split()),
    "Italian": frozenset("il della di che per con non una sono gli dei nel alla anche".split()),
    "German": frozenset("der die das und ist nicht mit von den dem zu auf für ein eine sich war".split()),
    "Portuguese": frozenset("o os as do da dos das não com uma por para foi são em".split()),
}


def language_problem(text: str) -> Optional[str]:
    """Why the text is not French, or None: a count of function words, enough for news prose."""
    tokens = re.findall(r"[a-zà-ÿ]+", text[:20000].lower())
    counts = Counter(tokens)

    def frequency(words_: frozenset[str]) -> int:
        return sum(counts[w] for w in words_ & counts.keys())
    fr = frequency(FRENCH_WORDS)
    if len(tokens) < 8:
        return None if fr else "too short to tell its language"
    other, n = max(((lang, frequency(words_)) for lang, words_ in OTHER_LANGUAGES.items()), key=lambda x: x[1])
    if n > fr:
        return f"not French (looks like {other})"
    if fr < 0.08 * len(tokens) or (len(tokens) < 40 and fr < 2):
        return "not French"
    return None
