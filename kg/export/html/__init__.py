"""The explorer page (``graph.html``): one self-contained, deterministic, offline file.

* ``payload``: the data the page renders (nodes, edges, documents, evidence, investments);
  ``evidence``: stating sentences with both ends marked and the carried-over context;
  ``investments``: the rows of the investments table; ``layout``: the whole-graph view's
  positions by community; ``values``: safe plain values and script-safe JSON.
* ``page``: the HTML skeleton, inlined vis-network and ``assets/`` (the page's JS and CSS),
  and a Content-Security-Policy that allows only those scripts and no request at all.

All document text reaches the page as JSON data and is rendered with ``textContent``.
Same inputs -> byte-identical page: everything is sorted and every layout seeded.
"""
from kg.export.html.layout import LAYOUT_SEED
from kg.export.html.page import render_html, write_html
from kg.export.html.payload import WHOLE_MAX_NODES, build_payload
from kg.export.html.values import format_amount, json_for_script

__all__ = [
           "LAYOUT_SEED",
           "WHOLE_MAX_NODES",
           "build_payload",
           "format_amount",
           "json_for_script",
           "render_html",
           "write_html",
]
