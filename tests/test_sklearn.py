"""FramingFeatures: scikit-learn conventions, text-input equivalents of the estimator checks."""

from __future__ import annotations

import pickle
import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.utils import estimator_checks as ec

import contrast
from contrast.sklearn import FramingFeatures, framing_feature_columns

TEXTS = [
    "Officials said the strike may possibly have killed 7 civilians in Kharkiv.",
    "Forces reportedly struck Odesa on Monday.",
    "The governor said 12 people were hurt in Sumy.",
    "Rescue teams worked through the night.",
]

# Checks of sklearn.utils.estimator_checks that do not depend on the input data:
# run as they are.
API_CHECKS = [
    "check_estimator_cloneable",
    "check_estimator_tags_renamed",
    "check_valid_tag_types",
    "check_estimator_repr",
    "check_no_attributes_set_in_init",
    "check_do_not_raise_errors_in_init_or_set_params",
    "check_mixin_order",
    "check_parameters_default_constructible",
    "check_get_params_invariance",
    "check_set_params",
    "check_transformers_unfitted",  # transform before fit -> NotFittedError
    "check_get_feature_names_out_error",
]

# Checks that feed random numeric 2-D arrays (or sparse matrices, complex or
# NaN/inf numbers) as X: they do not apply to an estimator whose input is
# text, which is why check_estimator skips text estimators (tag
# input_tags.two_d_array=False, as for CountVectorizer). The tests below named
# in the comment are their text-input equivalents.
NOT_APPLICABLE = {
    "check_estimators_fit_returns_self": "numeric X -> test_fit_returns_self",
    "check_fit_idempotent": "numeric X -> test_fit_idempotent_and_order_invariant",
    "check_estimators_overwrite_params": "numeric X -> test_fit_does_not_change_params",
    "check_dont_overwrite_parameters": "numeric X -> test_fit_does_not_change_params",
    "check_dict_unchanged": "numeric X -> test_transform_does_not_change_state",
    "check_estimators_pickle": "numeric X -> test_pickle_roundtrip",
    "check_methods_subset_invariance": "numeric X -> test_subset_invariance",
    "check_methods_sample_order_invariance": "numeric X -> test_fit_idempotent_and_order_invariant",
    "check_transformer_general": "numeric X -> test_fit_transform_equals_fit_then_transform",
    "check_transformer_data_not_an_array": "numeric X -> test_input_containers_agree",
    "check_n_features_in": "numeric X -> test_n_features_in_and_feature_names_in",
    "check_n_features_in_after_fitting": "numeric X (skips itself for text) -> test_n_features_in_and_feature_names_in",
    "check_dataframe_column_names_consistency": "numeric X (skips itself for text); only 'text' is read",
    "check_set_output_transform": "numeric X (skips itself for text) -> test_set_output_pandas",
    "check_transformer_get_feature_names_out": "numeric X (skips itself) -> test_feature_names_match_output",
    "check_estimators_empty_data_messages": "expects a numeric-shape message -> test_empty_input_error",
    "check_fit2d_1sample": "numeric X -> test_one_text",
    "check_fit2d_1feature": "numeric X (one text is valid input here)",
    "check_fit1d": "a 1-D array is this estimator's normal input (texts), not an error",
    "check_requires_y_none": "numeric X -> test_fit_without_y",
    "check_estimators_nan_inf": "NaN text -> empty text, see test_missing_text_is_empty",
    "check_estimator_sparse_array": "sparse numeric X: text input is never sparse",
    "check_estimator_sparse_matrix": "sparse numeric X: text input is never sparse",
    "check_estimator_sparse_tag": "sparse numeric X",
    "check_complex_data": "complex numbers: rejected with a TypeError naming the text",
    "check_dtype_object": "object arrays of numbers: rejected with a TypeError",
    "check_estimators_dtypes": "numeric dtypes",
    "check_transformer_preserve_dtypes": "output is float64 features whatever the text",
    "check_f_contiguous_array_estimator": "memory layout of numeric X",
    "check_readonly_memmap_input": "numeric memmap X",
    "check_inplace_ensure_writeable": "numeric X",
    "check_pipeline_consistency": "numeric X -> test_pipeline_cross_val_score",
    "check_fit_check_is_fitted": "numeric X -> test_not_fitted_errors",
    "check_positive_only_tag_during_fit": "numeric X",
    "check_fit_score_takes_y": "numeric X; fit(X, y) accepted, see test_fit_without_y",
    "check_param_validation": "scikit-learn-internal _parameter_constraints; params validated in fit",
}


@pytest.mark.parametrize("name", API_CHECKS)
def test_sklearn_api_check(name):
    getattr(ec, name)("FramingFeatures", FramingFeatures())


@pytest.mark.parametrize("name", sorted(NOT_APPLICABLE))
def test_not_applicable_checks_exist(name):
    # keeps the table above honest: every name is a real check
    assert callable(getattr(ec, name))


def test_check_estimator_skips_text_input():
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        ec.check_estimator(FramingFeatures())
    assert any("Can't test estimator" in str(w.message) for w in rec)


def test_tags():
    from sklearn.utils import get_tags

    tags = get_tags(FramingFeatures())
    assert tags.input_tags.string and not tags.input_tags.two_d_array
    assert tags.requires_fit


# --------------------------------------------------------------------------- text-input equivalents


@pytest.fixture(scope="module")
def fitted():
    ff = FramingFeatures()
    X = ff.fit_transform(TEXTS)
    return ff, X


def test_fit_returns_self():
    ff = FramingFeatures(families=("hedge",))
    assert ff.fit(TEXTS) is ff


def test_fit_transform_equals_fit_then_transform(fitted):
    ff, X = fitted
    X2 = clone(ff).fit(TEXTS).transform(TEXTS)
    np.testing.assert_allclose(X, X2)
    assert X.dtype == np.float64 and X.shape == (len(TEXTS), len(ff.get_feature_names_out()))


def test_fit_idempotent_and_order_invariant(fitted):
    ff, X = fitted
    again = ff.fit(TEXTS).transform(TEXTS)
    np.testing.assert_allclose(again, X)
    order = [2, 0, 3, 1]
    np.testing.assert_allclose(ff.transform([TEXTS[i] for i in order]), X[order])


def test_subset_invariance(fitted):
    ff, X = fitted
    np.testing.assert_allclose(ff.transform(TEXTS[1:3]), X[1:3])


def test_fit_does_not_change_params():
    res = {"hedging": None}
    ff = FramingFeatures(families=["hedge", "booster"], resources=res, rates=False)
    before = ff.get_params()
    ff.fit(TEXTS)
    after = ff.get_params()
    assert after == before and after["resources"] is res


def test_transform_does_not_change_state(fitted):
    ff, _ = fitted
    state = {k: (v.copy() if isinstance(v, np.ndarray) else v) for k, v in vars(ff).items()}
    ff.transform(TEXTS[:2])
    assert state.keys() == vars(ff).keys()
    for k, v in state.items():
        if isinstance(v, np.ndarray):
            np.testing.assert_array_equal(v, vars(ff)[k])
        else:
            assert v == vars(ff)[k]


def test_pickle_roundtrip(fitted):
    ff, X = fitted
    ff2 = pickle.loads(pickle.dumps(ff))
    np.testing.assert_allclose(ff2.transform(TEXTS), X)


def test_input_containers_agree(fitted):
    ff, X = fitted
    for container in (np.array(TEXTS, dtype=object), pd.Series(TEXTS), np.array(TEXTS)[:, None],
                      pd.DataFrame({"text": TEXTS, "other": 1}), tuple(TEXTS)):
        np.testing.assert_allclose(ff.transform(container), X)


def test_n_features_in_and_feature_names_in():
    ff = FramingFeatures(families=("hedge",)).fit(TEXTS)
    assert ff.n_features_in_ == 1 and not hasattr(ff, "feature_names_in_")
    df = pd.DataFrame({"doc_id": range(4), "text": TEXTS})
    ff.fit(df)
    assert ff.n_features_in_ == 2
    assert list(ff.feature_names_in_) == ["doc_id", "text"]
    ff.fit(TEXTS)  # refit on texts forgets the DataFrame's names
    assert not hasattr(ff, "feature_names_in_")


def test_set_output_pandas(fitted):
    ff, X = fitted
    df_in = pd.DataFrame({"text": TEXTS}, index=[10, 11, 12, 13])
    out = clone(ff).set_output(transform="pandas").fit(df_in).transform(df_in)
    assert isinstance(out, pd.DataFrame)
    assert list(out.columns) == list(ff.get_feature_names_out())
    assert list(out.index) == [10, 11, 12, 13]
    np.testing.assert_allclose(out.to_numpy(), X)


def test_feature_names_match_output(fitted):
    ff, X = fitted
    names = ff.get_feature_names_out()
    assert len(names) == X.shape[1] == len(set(names))
    assert "hedge_per_1k" in names and "sentiment_mean" in names
    assert not {"doc_id", "source", "n_words"} & set(names)
    col = list(names).index("hedge_per_1k")
    assert X[0, col] > 0 and X[3, col] == 0  # "may possibly" vs a sentence without hedges


def test_feature_names_fixed_at_fit():
    ff = FramingFeatures(families=("hedge",)).fit(["It is true."])
    names = list(ff.get_feature_names_out())
    X = ff.transform(["It may possibly be true, apparently."])
    assert X.shape == (1, len(names))  # labels first seen at transform time are not added
    assert list(ff.get_feature_names_out()) == names


@pytest.mark.parametrize(
    ("families", "prefixes"),
    [(("hedge",), ("hedge_",)), (("hedge", "booster"), ("hedge_", "booster_")), (("sentiment",), ("sentiment_",))],
)
def test_families_restrict_features(families, prefixes):
    names = FramingFeatures(families=families).fit(TEXTS).get_feature_names_out()
    assert len(names) and all(n.startswith(prefixes) for n in names)


def test_rates_false_gives_counts():
    ff = FramingFeatures(families=("hedge",), rates=False)
    X = ff.fit_transform(TEXTS)
    names = list(ff.get_feature_names_out())
    assert {"n_words", "hedge_n"} <= set(names)
    assert X[0, names.index("hedge_n")] == 2  # may, possibly
    assert X[3, names.index("hedge_n")] == 0


def test_one_text():
    X = FramingFeatures().fit_transform(["Officials said it may be true."])
    assert X.shape[0] == 1 and np.isfinite(X).all()


def test_missing_text_is_empty(fitted):
    ff, _ = fitted
    X = ff.transform([None, np.nan, ""])
    assert X.shape == (3, len(ff.get_feature_names_out())) and (X == 0).all()


def test_fit_without_y():
    FramingFeatures(families=("hedge",)).fit(TEXTS)
    FramingFeatures(families=("hedge",)).fit(TEXTS, y=[0, 1, 0, 1])


@pytest.mark.parametrize(
    ("X", "error", "match"),
    [
        ([], ValueError, "at least one text"),
        ("one string", TypeError, "single string"),
        ([1.5, "text"], TypeError, "text 0 is a float"),
        (np.zeros((3, 2)), ValueError, "1-D collection of texts"),
        (pd.DataFrame({"body": TEXTS}), ValueError, "needs a 'text' column"),
    ],
)
def test_input_errors(X, error, match):
    with pytest.raises(error, match=match):
        FramingFeatures(families=("hedge",)).fit(X)


def test_param_errors():
    with pytest.raises(ValueError, match="unknown families.*choose from"):
        FramingFeatures(families=("hedges",)).fit(TEXTS)
    with pytest.raises(TypeError, match="rates must be True or False"):
        FramingFeatures(rates="yes").fit(TEXTS)  # type: ignore[arg-type]


def test_not_fitted_errors():
    ff = FramingFeatures()
    with pytest.raises(NotFittedError):
        ff.transform(TEXTS)
    with pytest.raises(NotFittedError):
        ff.get_feature_names_out()


def test_input_not_modified():
    df = pd.DataFrame({"text": TEXTS, "source": "x"})
    before = df.copy()
    FramingFeatures().fit_transform(df)
    pd.testing.assert_frame_equal(df, before)


def test_framing_feature_columns_excludes_identifiers(demo_corpus):
    from contrast.tables import articles

    table = articles(contrast.evidence.evidence_frame([]), demo_corpus)
    cols = framing_feature_columns(table)
    assert cols and all(c.endswith(("_per_1k", "_share", "_mean")) for c in cols)
    counts = framing_feature_columns(table, rates=False)
    assert "n_words" in counts and "doc_id" not in counts and "hedge_per_1k" not in counts


# --------------------------------------------------------------------------- pipeline

PLAIN = ["Forces struck {p} on Monday.", "The governor said {n} people were hurt in {p}.",
         "Rescue teams worked through the night in {p}.", "Shelters opened in {p}."]
HEDGED = ["Forces reportedly struck {p} on Monday.", "The governor said {n} people may have been hurt in {p}.",
          "Rescue teams apparently worked through the night in {p}.", "Shelters were likely opened in {p}."]


def test_pipeline_cross_val_score():
    rng = np.random.default_rng(0)
    places = ["Kharkiv", "Odesa", "Sumy", "Dnipro", "Kherson"]
    texts, y = [], []
    for label, templates in ((1, HEDGED), (0, PLAIN)):
        for _ in range(15):
            pick = rng.choice(len(templates), size=3, replace=False)
            texts.append(" ".join(templates[j].format(p=rng.choice(places), n=int(rng.integers(2, 40)))
                                  for j in pick))
            y.append(label)
    pipe = make_pipeline(FramingFeatures(families=("hedge", "booster", "number")), StandardScaler(),
                         LogisticRegression())
    scores = cross_val_score(pipe, np.array(texts, dtype=object), np.array(y), cv=5,
                             scoring="balanced_accuracy")
    assert scores.mean() > 0.9
    # shuffled labels: no better than chance
    shuffled = cross_val_score(pipe, np.array(texts, dtype=object), rng.permutation(y), cv=5,
                               scoring="balanced_accuracy")
    assert shuffled.mean() < 0.8
