"""Security headers, static files and input validation (no store needed)."""

import pytest
from fastapi.testclient import TestClient

from newsevents.cli.serve import exposure_warning, is_loopback
from newsevents.web import create_app


@pytest.fixture(scope="module")
def bare(tmp_path_factory):
    missing = tmp_path_factory.mktemp("nostore") / "absent.duckdb"
    return TestClient(create_app(missing))


def test_csp_forbids_inline_script_and_framing(bare):
    r = bare.get("/static/app.css")
    assert r.status_code == 200
    csp = r.headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert directives["frame-ancestors"] == "'none'"
    assert r.headers["x-content-type-options"] == "nosniff"


def test_htmx_is_vendored_with_its_licence(bare):
    r = bare.get("/static/htmx.min.js")
    assert r.status_code == 200
    assert "htmx" in r.text[:200] and "BSD" in r.text[:300]
    assert bare.get("/static/htmx.LICENSE").status_code == 200


@pytest.mark.parametrize("path", [
    "/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py",
    "/static/%2e%2e%2f%2e%2e%2fcli/serve.py", "/static//etc/passwd",
    "/static/..%5capp.py",
])
def test_static_path_traversal_is_404(bare, path):
    r = bare.get(path)
    assert r.status_code == 404
    assert "create_app" not in r.text and "root:" not in r.text


@pytest.mark.parametrize("query, word", [
    ("type=BOMBING", "type"), ("status=rumoured", "status"),
    ("since=2025-02-30", "since"), ("until=soon", "until"), ("page=0", "page"),
    ("sort=1;drop", "sort"),
])
def test_bad_filters_are_400_with_a_message(bare, query, word):
    for path in ("/events", "/events.csv"):
        r = bare.get(f"{path}?{query}")
        assert r.status_code == 400, (path, query)
        assert word in r.text
        assert "Traceback" not in r.text


def test_missing_store_is_a_503_page_not_a_crash(bare):
    r = bare.get("/events")
    assert r.status_code == 503
    assert "newsevents ingest" in r.text


def test_no_endpoint_accepts_writes(bare):
    for path in ("/events", "/events.csv", "/search", "/actors/x", "/articles/x"):
        for method in ("post", "put", "delete", "patch"):
            assert getattr(bare, method)(path).status_code == 405


def test_unknown_page_is_404_with_headers(bare):
    r = bare.get("/nope")
    assert r.status_code == 404
    assert "content-security-policy" in r.headers


def test_default_host_is_loopback_and_others_warn():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert exposure_warning("127.0.0.1", 8000) is None
    warning = exposure_warning("0.0.0.0", 8080)
    assert warning and "0.0.0.0:8080" in warning and warning.startswith("WARNING")


def test_serve_prints_a_warning_for_a_non_local_host(monkeypatch, tmp_path, capsys):
    import uvicorn

    from newsevents.cli import main

    db = tmp_path / "s.duckdb"
    db.write_bytes(b"")
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **kw: calls.append((host, port)))
    assert main(["serve", "--db", str(db), "--host", "0.0.0.0", "--port", "8123"]) == 0
    assert calls == [("0.0.0.0", 8123)]
    assert "WARNING: serving on 0.0.0.0:8123" in capsys.readouterr().err
    assert main(["serve", "--db", str(db)]) == 0
    assert calls[-1] == ("127.0.0.1", 8000)
    assert "WARNING" not in capsys.readouterr().err


def test_serve_refuses_a_missing_store(tmp_path, capsys):
    from newsevents.cli import main

    assert main(["serve", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "newsevents ingest" in capsys.readouterr().err


def test_a_bug_gives_a_500_page_without_traceback(coded_store, monkeypatch):
    from newsevents.web import queries

    def broken(con, f):
        raise RuntimeError("secret internals <script>")

    monkeypatch.setattr(queries, "events_page", broken)
    client = TestClient(create_app(coded_store), raise_server_exceptions=False)
    r = client.get("/events")
    assert r.status_code == 500
    assert "secret internals" not in r.text and "Traceback" not in r.text
    assert "Internal error" in r.text


def test_loopback_app_rejects_foreign_host_headers(coded_store):
    client = TestClient(create_app(coded_store, allowed_hosts=["127.0.0.1", "localhost"]),
                        base_url="http://127.0.0.1:8000")
    assert client.get("/events").status_code == 200
    assert client.get("/events", headers={"host": "localhost:8000"}).status_code == 200
    # DNS rebinding: a page on evil.example resolving to 127.0.0.1
    assert client.get("/events", headers={"host": "evil.example:8000"}).status_code == 400


@pytest.mark.parametrize("url, ok", [
    ("https://example.org/a?b=1", True), ("http://example.org", True),
    ("javascript:alert(1)", False), (" JavaScript:alert(1)", False), ("java\tscript:x", False),
    ("data:text/html,<script>x</script>", False), ("vbscript:x", False),
    ("//evil.example/x", False), ("https://ex ample.org", False), (None, False), ("", False),
])
def test_only_http_links_are_rendered_as_links(url, ok):
    from newsevents.web.pages import safe_url

    assert (safe_url(url) is not None) is ok
