"""Headless Chromium for the browser tests: the system browser, never a download.

Usage::

    with launch_chromium() as browser:
        loaded = open_offline(browser, path)   # file:// only, every other request aborted
        loaded.page.evaluate("...")
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from collections.abc import Iterator

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


def chromium_missing() -> str | None:
    """Why the browser tests cannot run here, or None if they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright (Python) is not installed"
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        return f"no Chromium at {CHROMIUM} (set KG_CHROMIUM)"
    return None


@contextmanager
def launch_chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class LoadedPage:
    page: Any
    context: Any
    blocked: list[str] = field(default_factory=list)      # requests that tried to leave
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)       # alert/confirm/prompt opened

    def close(self) -> None:
        self.context.close()


def open_offline(browser: Any, path: Path, *, viewport=(1400, 900), wait: bool = True,
                 timeout_ms: int = 60_000) -> LoadedPage:
    """Open ``path`` from a file:// URL with every non-file request aborted and recorded."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                  service_workers="block")
    page = context.new_page()
    loaded = LoadedPage(page=page, context=context)

    def route(r):
        url = r.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            r.continue_()
        else:
            loaded.blocked.append(url)
            r.abort()

    context.route("**/*", route)
    def on_console(m):
        if m.type == "error":
            loaded.console_errors.append(m.text)

    page.on("console", on_console)
    page.on("pageerror", lambda e: loaded.page_errors.append(str(e)))

    def on_dialog(d):
        loaded.dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    page.on("dialog", on_dialog)
    page.goto(Path(path).resolve().as_uri(), wait_until="load", timeout=timeout_ms)
    if wait:
        wait_ready(page, timeout_ms)
    return loaded


def wait_ready(page: Any, timeout_ms: int = 60_000) -> None:
    """Poll window.kgReady from outside: the page's Content-Security-Policy forbids the
    string evaluation that Playwright's wait_for_function injects into the page."""
    import time

    deadline = time.monotonic() + timeout_ms / 1000
    while not page.evaluate("window.kgReady === true"):
        if time.monotonic() > deadline:
            raise TimeoutError(f"page not ready after {timeout_ms} ms")
        page.wait_for_timeout(50)
