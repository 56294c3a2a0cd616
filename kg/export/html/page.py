"""The page itself: the HTML skeleton, the inlined assets and the Content-Security-Policy.

vis-network's JS and CSS (shipped inside the ``pyvis`` package) and the page's own JS and
CSS (``assets/``, shipped in the wheel) are inlined, so the page makes no request at all.
The CSP allows exactly the two inline scripts (by hash) and no connection of any kind.
The page's script is the files of ``APP_SCRIPTS`` joined in that order inside one closure:
they share its scope (``core.js`` first: helpers and the decoded data).
"""
from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx

from kg.export.html.payload import WHOLE_MAX_NODES, build_payload
from kg.export.html.values import json_for_script
from kg.io import atomic_write_text

APP_SCRIPTS = ("core.js", "i18n.js", "charts.js", "overview.js", "network.js", "labels.js",
               "panel.js", "search.js", "app.js")
APP_STYLES = ("page.css",)


def _version_key(p: Path) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", p.name))


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """(js, css) of the newest vis-network bundled with pyvis, made safe to inline."""
    import pyvis

    root = Path(pyvis.__file__).resolve().parent
    dirs = [d for base in (root / "templates" / "lib", root / "lib") if base.is_dir()
            for d in base.glob("vis-*") if (d / "vis-network.min.js").is_file()]
    if not dirs:
        raise RuntimeError(f"vis-network not found in the pyvis package at {root}")
    d = max(dirs, key=lambda p: (_version_key(p), str(p)))
    js = (d / "vis-network.min.js").read_text(encoding="utf-8")
    css_path = d / "vis-network.css"
    css = css_path.read_text(encoding="utf-8") if css_path.is_file() else ""
    # A source-map comment would make dev tools fetch a file next to the page.
    js = re.sub(r"\n?//# sourceMappingURL=\S*\s*$", "\n", js)
    css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)
    _check_inlinable(js, css, str(d))
    return js, css


def _check_inlinable(js: str, css: str, where: str) -> None:
    # Anything that could end (or change the parsing state of) the inline element.
    if re.search(r"</script|<!--", js, re.IGNORECASE):
        raise RuntimeError(f"{where}: script cannot be inlined safely")
    if re.search(r"</style", css, re.IGNORECASE):
        raise RuntimeError(f"{where}: style sheet cannot be inlined safely")
    if re.search(r"url\(\s*(?!['\"]?\s*data:)", css, re.IGNORECASE):
        raise RuntimeError(f"{where}: style sheet refers to external resources")


def _asset(name: str) -> str:
    return resources.files("kg.export.html").joinpath("assets", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def app_assets() -> tuple[str, str]:
    """(js, css) of the page's own code, from the package's assets."""
    parts = [f"/* ---- {name} ---- */\n{_asset(name)}" for name in APP_SCRIPTS]
    js = '(function () {\n"use strict";\n' + "\n".join(parts) + "\n})();\n"
    css = "\n".join(_asset(name) for name in APP_STYLES)
    _check_inlinable(js, css, "kg/export/html/assets")
    return js, css


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


_BODY = """<header id="kg-top">
<h1 id="kg-title"></h1>
<nav id="kg-tabs" role="tablist"><button type="button" role="tab" id="kg-tab-overview" data-view="overview"></button><button type="button" role="tab" id="kg-tab-graph" data-view="graph"></button></nav>
<div id="kg-searchbox" role="search"><input id="kg-search" type="search" autocomplete="off" spellcheck="false"><ul id="kg-results" role="listbox"></ul></div>
<button type="button" id="kg-lang"></button>
</header>
<main>
<section id="kg-overview" role="tabpanel" aria-labelledby="kg-tab-overview"></section>
<section id="kg-explore" role="tabpanel" aria-labelledby="kg-tab-graph" hidden>
<div id="kg-toolbar" role="toolbar"></div>
<div id="kg-filters"></div>
<div id="kg-body"><div id="kg-stage"><div id="kg-graph"></div><p id="kg-note" role="status"></p></div>
<aside id="kg-panel" aria-live="polite"></aside></div>
</section>
</main>
<noscript><p>이 페이지는 JavaScript가 필요합니다. This page needs JavaScript.</p></noscript>
"""


def render_html(g: nx.MultiDiGraph, data=None, *, max_nodes: int = WHOLE_MAX_NODES) -> str:
    """The complete, self-contained page for ``g`` (and the build's GraphData ``data``,
    which gives document titles, dates, outlets, URLs and texts) as a string."""
    return page(build_payload(g, data, max_nodes=max_nodes))


def page(payload: dict) -> str:
    """The complete, self-contained page showing `payload` (kg.export.html.payload)."""
    vis_js, vis_css = vis_assets()
    app_js, app_css = app_assets()
    payload = json_for_script(payload)
    csp = "; ".join([
        "default-src 'none'",
        f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}",
        "style-src 'unsafe-inline'",
        "img-src data: blob:",
        "font-src data:",
        "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    return "".join([
        "<!DOCTYPE html>\n",
        '<html lang="ko">\n<head>\n',
        '<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="referrer" content="no-referrer">\n',
        '<link rel="icon" href="data:,">\n',
        "<title>지식그래프 탐색기</title>\n",
        "<style>\n", vis_css, "\n</style>\n",
        "<style>\n", app_css, "</style>\n",
        "</head>\n<body>\n",
        _BODY,
        '<script type="application/json" id="kg-data">', payload, "</script>\n",
        "<script>", vis_js, "</script>\n",
        "<script>", app_js, "</script>\n",
        "</body>\n</html>\n",
    ])


def write_html(g: nx.MultiDiGraph, path: Path, data=None, *,
               max_nodes: int = WHOLE_MAX_NODES) -> None:
    """Write the page for ``g`` to ``path`` atomically (UTF-8)."""
    atomic_write_text(Path(path), render_html(g, data, max_nodes=max_nodes))
