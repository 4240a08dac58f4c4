"""The CLI on dated corpora: trends.csv and the trend chart, hygiene on the streaming path."""

from __future__ import annotations

import pandas as pd
import pytest

from contrast.cli import main

TELEGRAM = "JOIN US ON TELEGRAM!"
CITIES = ["Kharkiv", "Odesa", "Lviv", "Dnipro", "Sumy", "Poltava", "Kherson", "Mykolaiv"]


def _rows(months: int = 4) -> list[dict[str, str]]:
    rows = []
    for m in range(1, months + 1):
        for i in range(6):
            for src in ("Alpha", "Beta"):
                if src == "Alpha":
                    body = (f"Officials in {CITIES[i]} reported damage to {m * 10 + i} homes on day {m}-{i}. "
                            f"Rescue teams from {CITIES[(i + m) % 8]} said the work would take {i + 2} days.")
                else:
                    body = (f"Residents of {CITIES[i]} counted {m * 10 + i} wrecked houses after the raid. "
                            f"Volunteers reportedly brought water and blankets to {CITIES[(i + m) % 8]}.")
                if src == "Beta" and i % 2 == 0:
                    body += f"\n{TELEGRAM}"
                rows.append({"id": f"{src}{m}-{i}", "source": src, "date": f"2022-{m:02d}-{1 + 4 * i:02d}",
                             "title": f"Damage in {CITIES[i]} {src} {m}-{i}", "text": body})
    return rows


@pytest.fixture(scope="module")
def streamed(tmp_path_factory):
    rows = _rows()
    copy = dict(rows[0], id="copy-of-first")  # a copy in the same outlet, in a later chunk
    rows.append(copy)
    path = tmp_path_factory.mktemp("in") / "corpus.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    out = tmp_path_factory.mktemp("out") / "out"
    assert main([str(path), "--out", str(out), "--chunksize", "20", "-q"]) == 0
    return out


def test_trends_csv_written_when_dates_span_three_periods(streamed):
    trends = pd.read_csv(streamed / "trends.csv")
    assert set(trends.source) == {"Alpha", "Beta"}
    assert sorted(set(trends.period)) == ["2022-01", "2022-02", "2022-03", "2022-04"]
    assert {"hedge_per_1k", "hedge_per_1k_low", "hedge_per_1k_high", "n_articles"} <= set(trends.columns)
    assert (streamed / "charts" / "trend.png").is_file() and (streamed / "charts" / "trend.svg").is_file()


def test_streaming_removes_furniture_learned_per_outlet(streamed):
    ev = pd.read_csv(streamed / "evidence.csv")
    assert not ev.span.fillna("").str.contains("TELEGRAM").any()
    assert not ev.span.fillna("").str.contains("JOIN US").any()


def test_streaming_learns_an_outlet_that_comes_late_in_a_sorted_file(tmp_path):
    rows = sorted(_rows(), key=lambda r: r["source"])  # all Alpha first, Beta (with furniture) last
    path = tmp_path / "sorted.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    assert main([str(path), "--out", str(tmp_path / "o"), "--chunksize", "10", "--no-charts", "-q"]) == 0
    ev = pd.read_csv(tmp_path / "o" / "evidence.csv")
    assert not ev.span.fillna("").str.contains("TELEGRAM").any()


def test_streaming_counts_a_duplicate_in_a_later_chunk_once(streamed):
    arts = pd.read_csv(streamed / "articles.csv")
    assert "copy-of-first" not in set(arts.doc_id) and len(arts) == 48


def test_no_trends_for_two_months_and_quarterly_period(tmp_path):
    path = tmp_path / "c.csv"
    pd.DataFrame(_rows(months=2)).to_csv(path, index=False)
    assert main([str(path), "--out", str(tmp_path / "m"), "--no-charts", "-q"]) == 0
    assert not (tmp_path / "m" / "trends.csv").exists()
    assert main([str(path), "--out", str(tmp_path / "w"), "--no-charts", "-q", "--period", "w"]) == 0
    weekly = pd.read_csv(tmp_path / "w" / "trends.csv")
    assert weekly.period.str.contains("/").all()


def test_folder_input_writes_trends_and_no_hygiene_keeps_lines(tmp_path):
    folder = tmp_path / "arts"
    folder.mkdir()
    manifest = []
    for r in _rows():
        (folder / f"{r['id']}.txt").write_text(f"{r['title']}\n\n{r['text']}\n", encoding="utf-8")
        manifest.append({"file": f"{r['id']}.txt", "source": r["source"], "date": r["date"]})
    pd.DataFrame(manifest).to_csv(folder / "sources.csv", index=False)
    assert main([str(folder), "--out", str(tmp_path / "o"), "--no-charts", "-q", "--period", "Q"]) == 0
    assert not (tmp_path / "o" / "trends.csv").exists()  # two quarters only
    assert main([str(folder), "--out", str(tmp_path / "o2"), "--no-charts", "-q"]) == 0
    assert len(pd.read_csv(tmp_path / "o2" / "trends.csv")) == 8
    assert main([str(folder), "--out", str(tmp_path / "o3"), "--no-charts", "-q", "--no-hygiene"]) == 0
    ev = pd.read_csv(tmp_path / "o3" / "evidence.csv")
    assert ev.span.fillna("").str.contains("TELEGRAM").any()
