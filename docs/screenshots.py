"""The README's screenshots of graph.html, taken from a real build in headless Chromium.

    python docs/screenshots.py [output/graph.html]

Writes docs/overview.png, docs/entity.png, docs/evidence.png and docs/mobile.png, using the
browser harness of the tests (the system Chromium, every non-file request aborted).
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import launch_chromium, open_offline

log = logging.getLogger("screenshots")


def settle(page) -> None:
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def search(page, name: str) -> None:
    page.fill("#kg-search", name)
    page.press("#kg-search", "Enter")
    settle(page)


def shoot(page, path: Path) -> None:
    page.screenshot(path=str(path))
    log.info("wrote %s", path)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("page", nargs="?", default=str(ROOT / "output" / "graph.html"))
    ap.add_argument("--out", default=str(ROOT / "docs"))
    args = ap.parse_args()
    out = Path(args.out)
    with launch_chromium() as browser:
        loaded = open_offline(browser, Path(args.page), viewport=(1400, 900))
        page = loaded.page
        shoot(page, out / "overview.png")
        search(page, "과기정통부")  # a lexicon name the articles never use
        shoot(page, out / "entity.png")
        search(page, "한국제약바이오협회")
        page.click('#kg-panel details[data-pred="uses"] li:has-text("아마존 세이지메이커") .kg-ev-link')
        settle(page)
        shoot(page, out / "evidence.png")
        loaded.close()

        loaded = open_offline(browser, Path(args.page), viewport=(390, 844))
        page = loaded.page
        search(page, "아마존웹서비스")
        page.click(".kg-drawer-close")
        settle(page)
        shoot(page, out / "mobile.png")
        loaded.close()


if __name__ == "__main__":
    main()
