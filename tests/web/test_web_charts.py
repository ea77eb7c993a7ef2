"""Server-side SVG charts."""

import re

from newsevents.web.charts import Counterpart, TYPE_COLOURS, network_svg, timeline_svg


def test_timeline_has_one_rect_per_month_and_type_and_fills_gaps():
    svg = str(timeline_svg([("2025-01", "AID", 3), ("2025-01", "ASSAULT", 1),
                            ("2025-04", "AID", 2)]))
    assert svg.count("<rect") == 3
    # months without events still get an axis slot: Jan..Apr = 4 labels
    assert all(m in svg for m in ("2025-01", "2025-02", "2025-03", "2025-04"))
    assert TYPE_COLOURS["ASSAULT"] in svg
    # the tallest stack (4 events) reaches the top of the axis
    assert '>4</text>' in svg


def test_timeline_without_rows_says_so():
    assert "No dated events" in str(timeline_svg([]))


def test_network_escapes_names_and_links_counterparts():
    svg = str(network_svg("Iran", [Counterpart("a/1", "<b>Russia</b>", 5, 1),
                                   Counterpart("a2", "Ukraine", 0, 2)]))
    assert "<b>" not in svg and "&lt;b&gt;" in svg
    assert 'href="/actors/a%2F1"' in svg
    widths = [float(w) for w in re.findall(r'stroke-width="([\d.]+)"', svg)]
    assert widths[0] > widths[1]  # more events, thicker edge


def test_network_layout_side_by_side_for_two_and_round_for_more():
    two = str(network_svg("X", [Counterpart("a", "A", 1, 0), Counterpart("b", "B", 0, 1)]))
    assert len(set(re.findall(r'<circle cx="[\d.]+" cy="([\d.]+)"', two))) == 1
    many = str(network_svg("X", [Counterpart(str(i), f"N{i}", i + 1, 0) for i in range(6)]))
    assert len(set(re.findall(r'<circle cx="[\d.]+" cy="([\d.]+)"', many))) > 3
    height = lambda svg: float(re.search(r'viewBox="0 -?[\d.]+ \d+ ([\d.]+)"', svg)[1])  # noqa: E731
    assert height(two) < height(many)
