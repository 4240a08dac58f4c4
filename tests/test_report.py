"""The HTML report: self-contained, opens in headless Chromium without errors or requests."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import numpy as np
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
    assert not re.search(r"<script[^>]*\ssrc=", html)  # inline scripts only
    assert html.count('src="data:image/png;base64,') == len(charts)
    for section in ("Findings", "Corpus", "Sources", "Pairwise contrasts", "Charts", "Numbers cited", "Examples",
                    "Evidence browser", "Caveats"):
        assert f"<h2>{section}</h2>" in html
    # findings first, then the table of contents
    assert html.index('<section id="findings">') < html.index('<nav class="toc"') < html.index('id="corpus"')
    assert html.count('id="evidence"') == 1
    assert "fewer than five articles" in html
    assert "sentence F1 = 0.50 (target &gt;= 0.55, not met) on WikiWeasel train" in html
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



def test_validity_figures_never_round_onto_their_target():
    assert report.fmt_validity(0.5497, ">= 0.55") == "0.5497 (target &gt;= 0.55, not met)"
    assert report.fmt_validity(0.5503, ">= 0.55") == "0.5503 (target &gt;= 0.55)"
    assert report.fmt_validity(0.924, ">= 0.85") == "0.92 (target &gt;= 0.85)"
    assert report.fmt_validity(0.738, "(report)") == "0.74 (target (report))"
    for empty in ("", None, float("nan")):
        assert "target" not in report.fmt_validity(0.71, empty)


@pytest.fixture(scope="module")
def multi(tmp_path_factory):
    """A four-outlet synthetic study with planted differences, one chart, and its report."""
    from synthetic import study

    from contrast.plot import _save, outlet_colors

    out = tmp_path_factory.mktemp("multi")
    c, ev, arts, pw = study(4, 12)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tables.SmallSampleWarning)
        src = tables.compare(arts, evidence=ev, corpus=c, n_boot=200)
    ax = plot.stance_shares(tables.shares(ev, "attribution", "label"), colors=outlet_colors(arts["source"]))
    (out / "charts").mkdir()
    charts = {"attribution_stance": _save(ax.figure, out / "charts", "attribution_stance")}
    path = report.write_report(out / "report.html", corpus=c, evidence=ev, articles=arts, sources=src,
                               charts=charts, pairwise=pw)
    return path, pw


def test_report_opens_with_ranked_findings(multi):
    path, pw = multi
    html = path.read_text(encoding="utf-8")
    found = re.findall(r'<div class="finding" id="finding-(\d+)" data-evidence-target="evidence" '
                       r'data-evidence-group="([^"]*)" data-evidence-family="([^"]*)"[^>]*data-effect="([\d.]+)"', html)
    assert len(found) >= 3
    effects = [float(e) for *_, e in found]
    assert effects == sorted(effects, reverse=True)
    assert ("Harbor Observer", "hedge") in {(g, f) for _, g, f, _ in found}
    assert f"{len(pw):,} tests" in html  # the pairwise section reads the table it was given


@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed (apt-get install chromium)")
def test_clicking_a_finding_or_a_chart_filters_the_evidence_browser(multi):
    sync_api = pytest.importorskip("playwright.sync_api")
    path, _ = multi
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
            page.goto(path.resolve().as_uri(), wait_until="load")
            before = page.evaluate("document.querySelectorAll('#evidence li.cb-item').length")
            finding = page.locator('#findings .finding:not([data-evidence-family="sentiment"])'
                                   ':not([data-evidence-family="unattributed"])').nth(1)
            group = finding.get_attribute("data-evidence-group")
            family = finding.get_attribute("data-evidence-family")
            key = finding.get_attribute("data-evidence-key")
            finding.locator("a.to-evidence").click()  # a real mouse click
            page.wait_for_function("document.querySelector('#evidence .cb-group').value !== ''")
            state = page.evaluate("""() => ({
                group: document.querySelector('#evidence .cb-group').value,
                family: document.querySelector('#evidence .cb-family').value,
                key: document.querySelector('#evidence .cb-key').value,
                groups: Array.from(document.querySelectorAll('#evidence li.cb-item')).map(li => li.dataset.group),
                marks: document.querySelectorAll('#evidence li.cb-item mark.contrast-' +
                                                 document.querySelector('#evidence .cb-family').value).length,
                top: document.getElementById('evidence').getBoundingClientRect().top})""")
            page.locator("#chart-attribution_stance img").click()
            after_chart = page.evaluate("""() => ({
                group: document.querySelector('#evidence .cb-group').value,
                family: document.querySelector('#evidence .cb-family').value,
                n: document.querySelectorAll('#evidence li.cb-item').length})""")
            page.select_option("#evidence .cb-group", label="Harbor Observer")
            only = page.evaluate("Array.from(document.querySelectorAll('#evidence li.cb-item')).map(li => li.dataset.group)")
        finally:
            browser.close()
    assert errors == []
    assert [r for r in requests if not r.startswith(("file:", "data:"))] == []
    assert before > 0
    assert (state["group"], state["family"], state["key"]) == (group, family, key or "")
    assert state["groups"] and set(state["groups"]) == {group}
    assert state["marks"] > 0  # the sentences show the finding's evidence highlighted
    assert abs(state["top"]) < 5  # scrolled to the browser
    assert after_chart["group"] == "" and after_chart["family"] == "attribution" and after_chart["n"] > 0
    assert only and set(only) == {"Harbor Observer"}


@pytest.mark.parametrize("by", ["country", "date"])
def test_cli_by_any_column_writes_every_output_and_names_the_grouping(tmp_path, by):
    from synthetic import corpus

    from contrast import cli

    df = corpus(3, 6)
    df["country"] = df["source"].map({"Harbor Observer": "US", "Eastern Telegraph Agency": "RU",
                                      "The Daily Meridian": "RU"})
    df["date"] = np.resize(["2022-02-01", "2022-03-01", "2022-04-01"], len(df))
    src = tmp_path / "c.csv"
    df.to_csv(src, index=False)
    out = tmp_path / "out"
    assert cli.main([str(src), "--out", str(out), "--by", by, "-q"]) == 0
    html = (out / "report.html").read_text(encoding="utf-8")
    name = {"country": "country", "date": "date_month"}[by]  # a date groups by month (contrast.groups)
    word = name.replace("_", " ")
    assert f"groups: <b>{word}</b> (<code>{name}</code>)" in html and f"<th>{name}</th>" in html
    assert len(list((out / "charts").glob("*.png"))) >= 9
    pw = pd.read_csv(out / "pairwise.csv")
    groups = set(df[by].astype(str)) if by == "country" else {"2022-02", "2022-03", "2022-04"}
    assert set(pw["group_a"].astype(str)) | set(pw["group_b"].astype(str)) == groups
    assert '<section id="findings">' in html and 'id="evidence"' in html


def _voices_rows(groups: str) -> pd.DataFrame:
    return pd.DataFrame([dict(source=g, category=c, n=2, total=6, share=1 / 3, ci_low=.2, ci_high=.5, articles=3)
                         for g in groups for c in ("military", "diplomat", "other")])


@pytest.mark.parametrize("k", [1, plot.MAX_BAR_GROUPS, plot.MAX_BAR_GROUPS + 1, 9])
def test_voices_by_role_caption_says_what_the_chart_draws(k):
    # bars with whiskers up to plot.MAX_BAR_GROUPS outlets, a heatmap without intervals above
    ax = plot.voices_by_role_chart(_voices_rows("ABCDEFGHI"[:k]))
    heat = bool(ax.images)
    assert heat == (k > plot.MAX_BAR_GROUPS)
    cap = report._caption("voices_by_role", "outlet", {"voices_by_role": k})
    assert ("whiskers" in cap) == (not heat) and ("heatmap" in cap) == heat
    if heat:
        assert f"more than {plot.MAX_BAR_GROUPS} outlets" in cap and "without intervals" in cap
    assert report._caption("voices_by_role", "country", {"voices_by_role": k}).startswith(
        "Share of each country's cited speakers")


def test_voices_by_role_caption_in_the_report(tmp_path):
    png = tmp_path / "voices_by_role.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n")
    few = report._figures({"voices_by_role": png}, "outlet", {"voices_by_role": plot.MAX_BAR_GROUPS})
    many = report._figures({"voices_by_role": png}, "outlet", {"voices_by_role": plot.MAX_BAR_GROUPS + 1})
    assert "whiskers are article-bootstrap intervals" in few and "heatmap" not in few
    assert "heatmap" in many and "whiskers" not in many
    # the count is of the groups the chart draws: those with a cited speaker
    k = plot.MAX_BAR_GROUPS + 1
    arts = pd.DataFrame({"doc_id": [f"d{i}" for i in range(k)], "source": [f"o{i}" for i in range(k)]})
    ev = pd.DataFrame({"doc_id": [f"d{i}" for i in range(k)], "family": ["attribution"] * k,
                       "speaker_start": [1.0] * (k - 1) + [np.nan]})  # the last outlet cites nobody
    charts = {"voices_by_role": png}
    assert report._chart_groups(charts, ev, arts, "source") == {"voices_by_role": k - 1}
    assert report._chart_groups(charts, ev.assign(family="number"), arts, "source") == {"voices_by_role": 0}
    assert report._chart_groups({}, ev, arts, "source") == {}
