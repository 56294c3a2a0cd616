"""HTML pages: the article without navigation, scripts and footers, and the page's
metadata (title, date, URL, site, author) from its meta tags and structured data."""
from __future__ import annotations

import functools
import logging

from kg.documents.metadata import Extracted, Metadata

log = logging.getLogger(__name__)

# htmldate's settings: dates from meta tags and markup only (no guessing from the
# text), and a fixed upper bound rather than today, so a page reads the same any day
_DATES = {"original_date": True, "extensive_search": False, "max_date": "2099-12-31"}

# Elements that are never the article, and elements that end a line of text.
_NOT_ARTICLE = ("head", "script", "style", "noscript", "template", "iframe", "svg", "nav", "header",
                "footer", "aside", "form")
_BLOCKS = ("p", "div", "br", "li", "tr", "table", "section", "article", "blockquote", "figcaption",
           "h1", "h2", "h3", "h4", "h5", "h6")


def _page_text(raw: str) -> tuple[str, str]:
    """(title, text) of a page without its head, scripts and navigation; only its
    <article> when it has one. For pages trafilatura cannot read. lxml, not the
    standard library's HTMLParser, which is quadratic on unclosed tags."""
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, huge_tree=True)
    try:
        root = lxml_html.document_fromstring(raw.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):  # nothing a parser can make a document of
        return "", ""
    title = root.findtext(".//title") or ""
    for el in root.xpath("|".join(f"//{tag}" for tag in _NOT_ARTICLE)):
        el.drop_tree()
    for el in root.iter(*_BLOCKS):
        el.text, el.tail = "\n" + (el.text or ""), "\n" + (el.tail or "")
    articles = root.xpath("//article")
    return title, (articles[0] if articles else root).text_content()


@functools.cache
def _trafilatura():
    """The trafilatura module, or None when it cannot be imported (newer lxml needs
    the separate lxml_html_clean package): then pages are read by _page_text alone."""
    try:
        import trafilatura
    except ImportError as exc:
        log.warning("trafilatura unavailable (%s); HTML read with a simpler extractor",
                    str(exc).splitlines()[0])
        return None
    return trafilatura


def html_document(raw: str) -> Extracted:
    """The article of an HTML page and what its markup says about it."""
    trafilatura = _trafilatura()
    if trafilatura is not None:
        text = trafilatura.extract(raw, include_comments=False, include_tables=False,
                                   favor_precision=True)
        meta = trafilatura.extract_metadata(raw, date_config=dict(_DATES))
        if text:
            # the headline is content (it names the story's actors and sums), but
            # trafilatura keeps it only as metadata
            headline = (meta.title or "").strip() if meta else ""
            if headline and not text.lstrip().startswith(headline):
                text = headline + "\n" + text
            return Extracted(text, Metadata.of(
                title=meta.title, date=meta.date, url=meta.url,
                publisher=meta.sitename, author=_meta_author(raw)) if meta else Metadata())
    title, text = _page_text(raw)  # no trafilatura, or a page too small for its heuristics
    return Extracted(text, Metadata.of(title=title))


def _meta_author(raw: str) -> str | None:
    """The author a page declares in its meta tags. Not trafilatura's guess from the
    page's text, which on Korean news pages mixes the byline with e-mail and dates."""
    from lxml import etree, html as lxml_html

    try:
        root = lxml_html.document_fromstring(raw.encode("utf-8"))
    except (etree.ParserError, ValueError):
        return None
    found = root.xpath("//meta[@name='author' or @property='article:author' or "
                       "@name='dable:author' or @property='og:article:author']/@content")
    return next((a for a in found if a.strip() and "://" not in a), None)


def html_to_text(raw: str) -> tuple[str, str]:
    """(title, article text) of an HTML page: scripts, navigation and footers dropped."""
    page = html_document(raw)
    return page.meta.title or "", page.text


def read_html(data: bytes, name: str) -> Extracted:
    from kg.documents.text import decode_text

    return html_document(decode_text(data, name))
