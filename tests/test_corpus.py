from __future__ import annotations

import json
import pathlib
import time
import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import contrast
from contrast.corpus import CorpusWarning, clean_text, load_corpus, read_table_chunks
from contrast.text import segment


def test_demo_corpus(demo_corpus):
    c = demo_corpus
    assert list(c.columns[:8]) == ["doc_id", "source", "title", "date", "url", "language", "text", "removed"]
    assert sorted(c["source"]) == ["Business Insider", "Izvestia"]
    assert set(c["language"]) == {"en"}
    assert c["date"].isna().all()
    bi = c.set_index("source").loc["Business Insider"]
    assert json.loads(bi.removed) == ["Read the original article on Business Insider"]
    assert "Read the original" not in bi.text
    assert bi.text.startswith("Russian forces are killing their own wounded")
    iz = c.set_index("source").loc["Izvestia"]
    removed = json.loads(iz.removed)
    assert removed[0].startswith("Photo: AP Photo") and removed[1].startswith("Copyright")
    assert "Photo:" not in iz.text and "Copyright" not in iz.text


@pytest.mark.parametrize(
    "line, removed",
    [
        ("Read the original article on Business Insider", True),
        ("Copyright for the iz.ru portal content is held by MIC Izvestia LLC.", True),
        ("© 2024 Reuters", True),
        ("Photo: AP Photo/Julia Demaree Nikhinson", True),
        ("Follow us on Telegram", True),
        ("Sign up for our daily newsletter", True),
        ("Advertisement", True),
        ("The photo showed soldiers near Kupyansk.", False),
        ("Copyright law was discussed at length by the ministers in Kyiv on Monday and then" + " x" * 120, False),
    ],
)
def test_boilerplate(line, removed):
    text, rem, _ = clean_text(f"Head\nBody sentence.\n{line}")
    assert (rem == [line]) is removed
    assert (line in text) is not removed


def write(p, data: bytes | str):
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


def test_folder_manifest_front_matter_and_subfolders(tmp_path):
    write(tmp_path / "a" / "one.txt", "Title one\n\nBody one. More.")
    write(tmp_path / "b" / "two.md", "---\nsource: Outlet B\ndate: 2024-01-02\n---\nTitle two\nBody two.")
    c = load_corpus(tmp_path)
    assert dict(zip(c.doc_id, c.source, strict=True)) == {"a/one": "a", "b/two": "Outlet B"}
    assert c.set_index("doc_id").loc["b/two", "date"] == "2024-01-02"
    assert c.set_index("doc_id").loc["a/one", "title"] == "Title one"


def test_bom_and_crlf(tmp_path):
    write(tmp_path / "x.txt", b"\xef\xbb\xbfHeadline\r\n\r\nFirst. Second.\r\n")
    with pytest.warns(CorpusWarning, match="folder name"):
        c = load_corpus(tmp_path)
    assert c.text[0] == "Headline\n\nFirst. Second."
    assert c.title[0] == "Headline"


def test_non_utf8_bytes_are_detected_reported_and_overridable(tmp_path):
    write(tmp_path / "sources.csv", "file,source\nbad.txt,S\n")
    write(tmp_path / "bad.txt", "Head\nLe ministère a déclaré qu'il était prêt.".encode("latin-1"))
    with pytest.warns(CorpusWarning, match=r"bad\.txt: not UTF-8; read as cp1252 \(detected\).*--encoding"):
        c = load_corpus(tmp_path)
    assert "Le ministère a déclaré qu'il était prêt." in c.text[0]
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)
        assert "ministère" in load_corpus(tmp_path, encoding="latin-1").text[0]
    with pytest.raises(ValueError, match="not valid utf-8.*--encoding"):
        load_corpus(tmp_path, encoding="utf-8")
    with pytest.raises(ValueError, match="unknown encoding"):
        load_corpus(tmp_path, encoding="klingon")


def test_empty_binary_and_whitespace_files_are_skipped_and_reported(tmp_path):
    write(tmp_path / "sources.csv", "file,source\nok.txt,S\n")
    write(tmp_path / "ok.txt", "Head\nBody.")
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "blank.txt", "  \n\t\n")
    write(tmp_path / "bin.txt", b"\x00\x01\x02binary\x00")
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        c = load_corpus(tmp_path)
    msgs = " ".join(str(w.message) for w in rec)
    assert list(c.doc_id) == ["ok"]
    assert "bin.txt" in msgs and "looks binary" in msgs
    assert "skipped 2 article(s)" in msgs
    assert len(c.attrs["skipped"]) == 2


def test_empty_folder_and_missing_path(tmp_path):
    with pytest.raises(ValueError, match="no articles in"):
        load_corpus(tmp_path)
    with pytest.raises(ValueError, match="no such file"):
        load_corpus(tmp_path / "nope.csv")
    with pytest.raises(TypeError, match="path or a pandas DataFrame"):
        load_corpus(42)  # type: ignore[arg-type]


def test_empty_csv_file(tmp_path):
    with pytest.raises(ValueError, match="file is empty"):
        load_corpus(write(tmp_path / "e.csv", b""))


def test_csv_missing_columns_lists_found_and_option(tmp_path):
    p = write(tmp_path / "t.csv", "headline,outlet_name\nA,B\n")
    with pytest.raises(ValueError) as e:
        load_corpus(p)
    msg = str(e.value)
    assert "no text column" in msg and "['headline', 'outlet_name']" in msg and "--text-col" in msg
    p2 = write(tmp_path / "t2.csv", "body,x\nA,B\n")
    with pytest.raises(ValueError, match=r"no source column.*--source-col"):
        load_corpus(p2)
    with pytest.raises(ValueError, match="'nope'.*not found"):
        load_corpus(p2, text_col="nope")
    c = load_corpus(p2, source_col="x")
    assert c.source[0] == "B"


def test_media_cloud_export_without_options(tmp_path):
    df = pd.DataFrame({
        "stories_id": [11, 12], "media_name": ["Outlet A", "Outlet B"], "title": ["T1", "T2"],
        "url": ["http://a/1", "http://b/2"], "publish_date": ["2024-03-01", "2024-03-02"],
        "text": ["Body one.", "Body two."], "country": ["US", "RU"],
    })
    for suffix, writer in ((".csv", lambda p: df.to_csv(p, index=False)),
                           (".tsv", lambda p: df.to_csv(p, index=False, sep="\t")),
                           (".jsonl", lambda p: df.to_json(p, orient="records", lines=True)),
                           (".parquet", lambda p: df.to_parquet(p))):
        p = tmp_path / f"mc{suffix}"
        writer(p)
        c = load_corpus(p)
        assert list(c.source) == ["Outlet A", "Outlet B"], suffix
        assert list(c.doc_id) == ["11", "12"]
        assert list(c.date) == ["2024-03-01", "2024-03-02"]
        assert c.text[0] == "T1\n\nBody one."
        assert list(c.country) == ["US", "RU"]  # extra columns kept for grouping


def test_dataframe_input_not_modified_and_nan_rows_reported():
    df = pd.DataFrame({"text": ["A body.", None, float("nan"), "Another."], "source": ["s"] * 4})
    before = df.copy()
    with pytest.warns(CorpusWarning, match=r"skipped 2 article\(s\).*row 1: missing text"):
        c = load_corpus(df)
    pd.testing.assert_frame_equal(df, before)
    assert len(c) == 2


def test_duplicate_ids_are_kept_and_renamed():
    df = pd.DataFrame({"id": ["a", "a", "b"], "text": ["x.", "y.", "z."], "source": ["s"] * 3})
    with pytest.warns(CorpusWarning, match="share a doc_id"):
        c = load_corpus(df)
    assert list(c.doc_id) == ["a", "a~2", "b"]
    assert list(c.text) == ["x.", "y.", "z."]


def test_html_is_stripped_with_warning():
    df = pd.DataFrame({"text": ["<html><body><p>Kyiv said <b>so</b>.</p><script>x=1</script>"
                                "<p>Second &amp; last.</p></body></html>"], "source": ["s"]})
    with pytest.warns(CorpusWarning, match="HTML tags stripped"):
        c = load_corpus(df)
    assert c.text[0] == "Kyiv said so.\n\nSecond & last."


def test_malformed_inputs_give_one_line_errors(tmp_path):
    p = write(tmp_path / "bad.jsonl", '{"text": "a", "source": "s"}\n{not json\n')
    with pytest.raises(ValueError, match="malformed JSONL"):
        load_corpus(p)
    p = write(tmp_path / "bad.parquet", b"PAR1 not really")
    with pytest.raises(ValueError, match="not a readable Parquet"):
        load_corpus(p)
    p = write(tmp_path / "x.docx", b"PK..")
    with pytest.raises(ValueError, match="unsupported file type"):
        load_corpus(p)


def test_huge_article_loads_and_segments_in_linear_time(tmp_path):
    para = ("Russian forces said on Monday that 392 people were killed, officials say. " * 40 + "\n")
    small = para * 70  # ~200 KB
    big = para * 700  # ~2 MB
    sizes = []
    for n, text in (("small", small), ("big", big * 10)):  # ~20 MB
        p = write(tmp_path / n / "a.txt", "Head\n" + text)
        t0 = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            c = load_corpus(p.parent)
        d = segment(c.text[0])
        sizes.append((len(c.text[0]), time.perf_counter() - t0, len(d.sentences)))
    (n1, t1, s1), (n2, t2, s2) = sizes
    assert n2 > 19_000_000
    assert s2 == pytest.approx(s1 * n2 / n1, rel=0.01)


def test_read_table_chunks(tmp_path):
    df = pd.DataFrame({"text": [f"Body {i}." if i % 7 else None for i in range(25)], "source": ["s"] * 25})
    p = tmp_path / "c.csv"
    df.to_csv(p, index=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        chunks = list(read_table_chunks(p, chunksize=10))
    assert [len(c) for c in chunks] == [8, 9, 4]
    assert chunks[1].doc_id.iloc[0] == "10"
    assert "7" not in set(chunks[0].doc_id) and "14" not in set(chunks[1].doc_id)


@settings(max_examples=150, deadline=None)
@given(st.text(), st.text(max_size=30))
def test_loading_arbitrary_unicode_never_raises_unexpectedly(body, title):
    df = pd.DataFrame({"text": [body], "title": [title], "source": ["s"]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            c = load_corpus(df)
        except ValueError as exc:
            assert "no article with text" in str(exc)
            return
    text = c.text[0]
    d = segment(text, headline=bool(c.has_title[0]))
    for s, e in d.sentences:
        assert text[s:e] == d.sentence(d.sent_id(s))


def test_demo_path_exists():
    assert (contrast.demo_path() / "sources.csv").is_file()


def test_demo_path_is_the_data_folder_and_ships_in_the_wheel():
    import tomllib

    root = pathlib.Path(__file__).resolve().parents[1]
    # in a checkout contrast/demo links to data/seed: one copy of the corpus
    assert contrast.demo_path().resolve() == (root / "data" / "seed").resolve()
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    globs = data["tool"]["setuptools"]["package-data"]["contrast"]
    for f in (root / "data" / "seed").iterdir():
        assert any(pathlib.PurePath("demo", f.name).match(g) for g in globs), f.name


def test_a_headline_without_body_is_analysed_not_skipped():
    import warnings

    import contrast

    df = pd.DataFrame({"source": ["A", "B", "C"], "title": ["Kyiv says 40 killed", "Moscow denies it", None],
                       "text": ["Officials said so.", None, None]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = contrast.load_corpus(df, hygiene=False)
    assert corpus["source"].tolist() == ["A", "B"]
    assert corpus.loc[corpus.source == "B", "text"].item() == "Moscow denies it"
    assert any("1 article(s) with no text" in str(w.message) for w in caught)


def _split_headline_by_copies(text: str, title: str | None, edge: str) -> tuple[str, str]:
    """What the loaders did before copying the text once at most: strip, partition, strip the first line."""
    from contrast.text import MAX_HEADLINE_CHARS

    stripped = text.strip(edge)
    first, _, rest = stripped.partition("\n")
    if title is not None:
        t = title.strip()
        return t, rest if first.strip() == t else stripped
    if len(first.strip()) > MAX_HEADLINE_CHARS:
        return "", stripped
    return first.strip(), rest


_PIECES = st.sampled_from(["\n", " ", "\t", "\ufeff", "\u00a0", "\r", "x", "Kyiv", "said.", "A" * 401, "é"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join), st.one_of(st.none(), st.sampled_from(["Kyiv", " x ", "A" * 401])),
       st.sampled_from(["\n\ufeff \t", "\n \t"]))
def test_headline_split_copies_once_and_equals_strip_and_partition(text, title, edge):
    from contrast.corpus import _split_headline

    assert _split_headline(text, title, edge) == _split_headline_by_copies(text, title, edge)


def test_headline_split_keeps_a_text_without_edges_uncopied():
    from contrast.corpus import _split_headline

    text = "x" * 1000 + " y"  # one line too long to be a headline, nothing to strip
    title, body = _split_headline(text, None)
    assert title == "" and body is text


def test_typewriter_quotes_are_quotes_and_lines_without_words_go():
    from contrast.corpus import clean_text
    from contrast.text import quote_spans

    text, removed, _ = clean_text("Head\n\n___.\n\n.\n\nMrs. Clinton pledges to ''make sure our economy works.''"
                                  " He said ``no'' twice.\n***\nEnd.")
    assert text == 'Head\n\nMrs. Clinton pledges to "make sure our economy works." He said "no" twice.\nEnd.'
    assert removed == ["___.", ".", "***"]
    assert [text[a:b] for a, b in quote_spans(text)] == ['"make sure our economy works."', '"no"']
    assert clean_text("It's Ukraine's war.")[0] == "It's Ukraine's war."  # one apostrophe stays
