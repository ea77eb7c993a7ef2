"""Property tests: whatever the input, one valid record comes out and no exception escapes."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.contract import to_json, validate
from newsevents.ingest.sources import read_jsonl
from newsevents.pipeline import Pipeline
from newsevents.records import Document

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters that break naive code: RTL marks, zero-width joiners, combining marks,
# quotation marks of every kind, line and paragraph separators, surrogate-free emoji.
TRICKY = st.sampled_from(list("\u200f\u200e\u200d\u200b\u0301\u0308\"'“”«»‘’\u2028\u2029\r\n\t:;—…")
                         + ["U.S.", " said ", " denied ", "Iran", " killed 1,400 ", " on Monday",
                            "Trending on X: ", "Why it matters: ", "\n\n", "(AP) — "])
TEXTISH = st.lists(st.one_of(st.text(min_size=0, max_size=12), TRICKY), max_size=40).map("".join)


@pytest.fixture(scope="module")
def pipe():
    return Pipeline()


def check(outcome, original: str | None = None) -> None:
    record = to_json(outcome)
    validate(record)  # schema, and every span slices article.text
    json.dumps(record)  # serialisable (no lone surrogates escape into the output as objects)
    if original is not None and "article" in record:
        assert record["article"]["text"] == original


@FUZZ
@given(TEXTISH)
def test_random_text_gives_a_valid_record(pipe, text):
    (outcome,) = list(pipe.run([Document(source="fuzz", content=text)]))
    check(outcome, text)


@FUZZ
@given(st.recursive(st.text(max_size=20), lambda kids: st.lists(kids, max_size=4).map(
    lambda parts: "<div onclick='x()'><p>" + "</p><p>".join(parts) + "</p><script>x</script></div>"),
    max_leaves=30))
def test_random_html_gives_a_valid_record(pipe, html):
    (outcome,) = list(pipe.run([Document(source="fuzz.html", content="<html><body>" + html,
                                          content_type="html")]))
    check(outcome)


def test_deeply_nested_tags(pipe):
    html = "<div>" * 5000 + "<p>Ministers met in Accra on Monday to discuss the border.</p>" + "</div>" * 10
    (outcome,) = list(pipe.run([Document(source="deep.html", content=html, content_type="html")]))
    check(outcome)


@FUZZ
@given(st.lists(st.one_of(
    st.dictionaries(st.sampled_from(["id", "text", "html", "url", "title", "published", "outlet"]),
                    st.one_of(st.none(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
                              st.lists(st.integers(), max_size=2), st.booleans()), max_size=7)
    .map(json.dumps),
    st.text(max_size=40),
    st.just('{"text": "\\ud800 lone surrogate in JSON"}'),
), max_size=6))
def test_jsonl_lines_with_wrong_types_never_raise(pipe, lines):
    items = list(read_jsonl(lines, "fuzz.jsonl"))
    assert len(items) == sum(1 for line in lines if line.strip())
    for outcome in pipe.run(items):
        check(outcome)


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise(tmp_path_factory, pipe, data):
    path = tmp_path_factory.mktemp("bytes") / "random.txt"
    path.write_bytes(data)
    outcomes = list(pipe.extract_paths([path]))
    assert len(outcomes) == 1
    check(outcomes[0])
