from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import contrast
from contrast.cli import main
from contrast.evidence import EVIDENCE_COLUMNS

OUTPUTS = ("articles.csv", "evidence.csv", "sources.csv", "report.html")


def _tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_demo_corpus_writes_the_five_outputs(tmp_path, capsys):
    before = _tree_digest(contrast.demo_path())
    out = tmp_path / "out"
    assert main([str(contrast.demo_path()), "--out", str(out)]) == 0
    for name in OUTPUTS:
        assert (out / name).is_file() and (out / name).stat().st_size > 0
    pngs = sorted((out / "charts").glob("*.png"))
    assert len(pngs) >= 8 and len(list((out / "charts").glob("*.svg"))) == len(pngs)
    ev = pd.read_csv(out / "evidence.csv")
    assert list(ev.columns) == list(EVIDENCE_COLUMNS)
    assert {"sentiment", "attribution", "hedge", "number", "naming"} <= set(ev["family"])
    assert set(pd.read_csv(out / "sources.csv")["source"]) == {"Business Insider", "Izvestia"}
    assert len(pd.read_csv(out / "articles.csv")) == 2
    assert _tree_digest(contrast.demo_path()) == before  # the input folder is never written to
    assert not list(out.rglob("*.tmp"))  # atomic writes leave no temporaries
    assert "report.html" in capsys.readouterr().out


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("missing.csv", None, "no such file"),
        ("e.csv", b"", "file is empty"),
        ("t.csv", b"headline,who\nA,B\n", "no text column"),
        ("b.csv", b"\x00\x01\x02text\x00", "looks binary"),
        ("x.pdf", b"%PDF", "unsupported file type"),
        ("empty", "dir", "no articles in"),
    ],
)
def test_bad_input_one_line_error_exit_2(tmp_path, capsys, name, content, message):
    src = tmp_path / name
    if content == "dir":
        src.mkdir()
    elif content is not None:
        src.write_bytes(content)
    assert main([str(src), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    errors = [line for line in err if line.startswith("contrast: error:")]
    assert len(errors) == 1 and message in errors[0]
    assert "Traceback" not in "\n".join(err)


def test_out_inside_input_is_refused(tmp_path, capsys):
    src = tmp_path / "corpus"
    src.mkdir()
    (src / "a.txt").write_text("Head\nBody said.")
    assert main([str(src), "--out", str(src / "out")]) == 2
    assert "inside the input folder" in capsys.readouterr().err
    assert sorted(p.name for p in src.iterdir()) == ["a.txt"]


def test_streaming_csv_with_nan_rows_and_parquet(tmp_path, capsys):
    df = pd.DataFrame({
        "media_name": ["A", "B"] * 7,
        "title": [None if i == 3 else f"Title {i}" for i in range(14)],  # no text, no title: skipped
        "text": [None if i == 3 else f"Officials said {i} soldiers were killed near Kyiv. =SUM(A1)" for i in range(14)],
    })
    src = tmp_path / "c.csv"
    df.to_csv(src, index=False)
    out = tmp_path / "out"
    assert main([str(src), "--out", str(out), "--chunksize", "4", "--parquet", "--no-charts"]) == 0
    err = capsys.readouterr().err
    assert "skipped 1 article(s)" in err
    ev = pd.read_csv(out / "evidence.csv")
    assert ev["doc_id"].nunique() == 13
    pq = pd.read_parquet(out / "evidence.parquet")
    assert len(pq) == len(ev)
    arts = pd.read_csv(out / "articles.csv")
    assert len(arts) == 13
    # spans stay offset-exact in the CSV (the formula guard leaves span, speaker and cue alone)
    assert ev["span"].astype(str).str.startswith("=").sum() == pq["span"].astype(str).str.startswith("=").sum()
    assert ev["span"].fillna("").astype(str).tolist() == pq["span"].fillna("").astype(str).tolist()


def test_python_dash_m(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "contrast", "--version"], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0 and proc.stdout.startswith("contrast ")
    proc = subprocess.run([sys.executable, "-m", "contrast", str(tmp_path / "nope"), "--out", str(tmp_path / "o")],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "no such file" in proc.stderr


def test_streaming_summarises_every_article_and_says_what_the_report_samples(tmp_path):
    texts = ["Officials said 40 civilians were killed in Kyiv. Experts suggest it may rise.",
             "The Kremlin claimed that Kiev regime forces shelled Donetsk, killing about 12 people.",
             "Nothing of note happened in Kharkiv, the mayor said."]
    df = pd.DataFrame({"media_name": ["A", "B", "C"] * 20, "text": texts * 20})
    src = tmp_path / "c.jsonl"
    df.to_json(src, orient="records", lines=True)
    out = tmp_path / "out"
    # the texts repeat: --no-hygiene keeps the copies, which hygiene would count once
    assert main([str(src), "--out", str(out), "--chunksize", "7", "--report-sample", "9", "-q",
                 "--no-hygiene"]) == 0
    sources = pd.read_csv(out / "sources.csv")
    assert sources.set_index("source")["n_articles"].to_dict() == {"A": 20, "B": 20, "C": 20}
    assert set(sources["resampled"]) == {"articles"}
    arts = pd.read_csv(out / "articles.csv")
    assert len(arts) == 60 and arts["doc_id"].is_unique
    # naming columns first seen in later chunks are filled in for earlier ones
    kiev = [c for c in arts.columns if c.startswith("naming_") and c.endswith("_n")]
    assert kiev and not arts[kiev].isna().any().any()
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Streamed corpus of 60 articles" in html and "use the first 9" in html


def test_streaming_in_parallel_writes_the_same_files(tmp_path, monkeypatch):
    import contrast.cli as cli

    monkeypatch.setattr(cli, "_PART", 4)  # many small tasks, more than the workers in flight
    texts = ["Officials said 40 civilians were killed in Kyiv. Experts suggest it may rise.",
             "The Kremlin claimed that Kiev regime forces shelled Donetsk, killing about 12 people.",
             "Nothing of note happened in Kharkiv, the mayor said.",
             "Zelensky said: \"We will not give up Pokrovsk.\" He added that 3,000 troops held it."]
    df = pd.DataFrame({"media_name": ["A", "B", "C"] * 12, "text": texts * 9})
    src = tmp_path / "c.csv"
    df.to_csv(src, index=False)
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        assert main([str(src), "--out", str(out), "--chunksize", "10", "--jobs", jobs, "--no-charts", "-q",
                     "--no-hygiene"]) == 0  # the texts repeat: keep every copy
        outs.append(out)
    for name in ("evidence.csv", "articles.csv", "sources.csv"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
    arts = pd.read_csv(outs[1] / "articles.csv")
    assert arts["doc_id"].tolist() == list(range(36))  # in input order
    # the command's worker pool leaves joblib's own (used by extract) intact
    from contrast import extract, load_corpus

    c = load_corpus(df.head(6))
    pd.testing.assert_frame_equal(extract(c, n_jobs=2, cache=False), extract(c, cache=False))


def test_streaming_renames_ids_repeated_across_chunks(tmp_path):
    df = pd.DataFrame({"id": ["a", "b", "a", "a", "c", "a~2"],
                       "text": [f"Officials said {i} people left." for i in range(6)], "source": ["s"] * 6})
    src = tmp_path / "c.csv"
    df.to_csv(src, index=False)
    out = tmp_path / "out"
    assert main([str(src), "--out", str(out), "--chunksize", "2", "--no-charts", "-q"]) == 0
    arts = pd.read_csv(out / "articles.csv", dtype={"doc_id": str})
    # within a chunk load_corpus names the second "a" a~2; across chunks the next free ~N is taken
    assert arts["doc_id"].tolist() == ["a", "b", "a~3", "a~2", "c", "a~2~2"]


def test_by_a_column_empty_everywhere_is_a_one_line_error(tmp_path, capsys):
    out = tmp_path / "out"
    assert main([str(Path(contrast.demo_path())), "--out", str(out), "--by", "date", "-q"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "empty in every article" in err
    assert not out.exists()


def test_streaming_report_sample_reaches_every_outlet_of_a_sorted_file(tmp_path):
    from contrast import cli

    rows = [{"source": src, "text": f"Officials in {src} said {i} people left on day {i}."}
            for src in ("A", "B", "C") for i in range(20)]  # sorted by outlet
    path = tmp_path / "sorted.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    out = tmp_path / "out"
    out.mkdir()
    args = cli._parser().parse_args([str(path), "--out", str(out), "--report-sample", "20", "--chunksize", "10",
                                     "--no-hygiene", "-q"])
    args.extract_options = {}
    cols = {"text": None, "source": None, "title": None, "date": None, "doc_id": None}
    corpus, *_, note, _trends = cli._stream(path, out, cols, args)
    assert corpus["source"].value_counts().to_dict() == {"A": 20, "B": 2, "C": 2}  # 20 first, then 2 a group
    assert "a sample of 24" in note
