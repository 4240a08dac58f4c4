"""The HTML report: self-contained, opens in headless Chromium without errors or requests."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pandas as pd
import pytest

from contrast import plot, report, tables

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def built(tmp_path_factory, demo_corpus, demo_evidence):
    out = tmp_path_factory.mktemp("report")
    arts = tables.articles(demo_evidence, demo_corpus)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tables.SmallSampleWarning)
        src = tables.compare(arts, evidence=demo_evidence, corpus=demo_corpus, n_boot=300)
    charts = plot.save_charts(demo_evidence, arts, src, out / "charts", corpus=demo_corpus)
    validity = pd.DataFrame([{"measure": "hedges", "data": "WikiWeasel train", "metric": "sentence F1",
                              "value": 0.5, "target": ">= 0.55", "baseline": "0.40", "note": "<proxy>"}])
    path = report.write_report(out / "report.html", corpus=demo_corpus, evidence=demo_evidence, articles=arts,
                               sources=src, charts=charts, validity=validity)
    return path, charts


def test_report_is_self_contained(built):
    path, charts = built
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html)
    assert "<script" not in html.lower()
    assert html.count('src="data:image/png;base64,') == len(charts)
    for section in ("Corpus", "Sources", "Pairwise contrasts", "Charts", "Numbers cited", "Examples", "Caveats"):
        assert f"<h2>{section}</h2>" in html
    assert "fewer than five articles" in html
    assert "sentence F1 = 0.5 on WikiWeasel train" in html
    assert "&lt;proxy&gt;" in html  # validity notes are escaped
    assert not list(path.parent.glob(".*.tmp"))


@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed (apt-get install chromium)")
def test_report_opens_in_headless_chromium(built):
    sync_api = pytest.importorskip("playwright.sync_api")
    path, _ = built
    url = path.resolve().as_uri()
    errors: list[str] = []
    requests: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync"])
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(url, wait_until="load")
            n_images = page.evaluate("Array.from(document.images).filter(i => i.complete && i.naturalWidth > 0).length")
            shot = path.parent / "report.png"  # kept in pytest's temporary directory
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert errors == []
    assert [r for r in requests if r != url and not r.startswith("data:")] == []
    assert n_images >= 5
    assert shot.stat().st_size > 10_000

