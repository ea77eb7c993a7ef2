"""Our PLOVER -> CAMEO table, checked against the PLOVER project's CAMEO -> PLOVER table."""

import os
import re
from pathlib import Path

import pytest

from newsevents.export.cameo import cameo, table
from newsevents.records import EVENT_TYPES

DATA = Path(os.environ.get("NEWSEVENTS_DATA",
                           Path(__file__).resolve().parents[2] / ".." / "shared" / "data"))
CAMEO2PLOVER = DATA / "plover" / "CAMEO2PLOVER-2021.txt"

_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,([^,#]*)(?:,([^#]*))?")


def reference() -> dict[str, list[tuple[str, str, str]]]:
    """``{cameo code: [(plover type, mode, context)]}`` (root lines included)."""
    ref: dict[str, list[tuple[str, str, str]]] = {}
    for line in CAMEO2PLOVER.read_text(encoding="utf-8").splitlines():
        m = _LINE.match(line.strip())
        if m:
            code, typ, mode, ctx = m.groups()
            ref.setdefault(code, []).append((typ, mode.strip(), (ctx or "").strip()))
        elif re.match(r"^\d{2}:\s*[A-Z]+\s*$", line.strip()):
            code, typ = line.split(":")
            ref.setdefault(code.strip(), []).append((typ.strip(), "", ""))
    return ref


needs_data = pytest.mark.skipif(not CAMEO2PLOVER.is_file(),
                                reason=f"shared PLOVER data not found at {CAMEO2PLOVER}")


def test_every_plover_type_has_a_default_code():
    for t in EVENT_TYPES:
        code = cameo(t)
        assert code is not None and len(code.code) in (2, 3, 4), t
        assert code.code == cameo(t, "no-such-mode").code


@needs_data
def test_codes_map_back_to_the_same_plover_type():
    ref = reference()
    for (typ, mode), code in table().items():
        entries = ref.get(code.code) or ref.get(code.root) or []
        assert typ in {e[0] for e in entries}, f"{typ}/{mode} -> {code.code}: {entries}"


@needs_data
def test_modes_agree_with_the_reference_where_it_names_them():
    ref = reference()
    known_modes = {e[1] for es in ref.values() for e in es if e[1]} | \
                  {e[2] for es in ref.values() for e in es if e[2]}
    for (typ, mode), code in table().items():
        if mode == "-" or mode not in known_modes:
            continue  # a mode PLOVER's table does not use (e.g. strike, drone)
        family = [e for c, es in ref.items() if c.startswith(code.code) for e in es]
        assert any(mode in (e[1], e[2]) for e in family), \
            f"{typ}/{mode} -> {code.code}: {family}"


def test_every_mode_the_event_lexicon_can_emit_has_its_own_row():
    from importlib import resources

    lexicon = resources.files("newsevents") / "data" / "lexicons" / "events.tsv"
    pairs = set()
    for line in lexicon.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 3 or cols[1] not in EVENT_TYPES:
            continue
        if cols[2] not in ("-", ""):
            pairs.add((cols[1], cols[2]))
    assert pairs, "no type/mode pairs read from the lexicon"
    missing = sorted(p for p in pairs if p not in table())
    assert not missing, f"type/mode pairs without a CAMEO code: {missing}"


def test_goldstein_weights_agree_with_the_quad_class():
    for (typ, mode), code in table().items():
        assert code.goldstein is not None and -10 <= code.goldstein <= 10, (typ, mode)
        if code.quad_class in (3, 4):  # verbal and material conflict
            assert code.goldstein < 0, (typ, mode, code)
        else:
            assert code.goldstein > 0, (typ, mode, code)
    # material conflict weighs more than verbal conflict
    assert table()[("ASSAULT", "-")].goldstein < table()[("ACCUSE", "-")].goldstein
