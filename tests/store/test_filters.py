"""The event criteria shared by `newsevents events` and the web app."""

import pytest

from newsevents.errors import UsageError
from newsevents.store import filters
from newsevents.web.filters import parse_event_filter


def test_free_text_is_collapsed_and_blank_is_no_criterion():
    f = filters.event_filter(actor="  Foreign   Ministry ", outlet="   ")
    assert f.actor == "Foreign Ministry"
    assert f.outlet is None
    assert filters.EventFilter(actor="x").is_empty() is False
    assert filters.EventFilter(sort="type", limit=5).is_empty()  # paging is no criterion


@pytest.mark.parametrize("value", ["a\tb", "a\x0bb", "a\nb", "a\x7fb"])
def test_control_characters_are_refused_naming_the_field(value):
    with pytest.raises(UsageError, match="source contains control characters"):
        filters.event_filter(source=value)


def test_cli_and_web_filters_build_the_same_where_clause():
    raw = {"actor": "Norland", "type": "ASSAULT", "status": "alleged", "since": "2025-02-01",
           "until": "2025-03-01", "text": "border  post"}
    cli = filters.event_filter(**raw)
    web = parse_event_filter(raw)
    assert filters.where(cli) == filters.where(web)
    assert {name: getattr(web, name) for name in filters.EventCriteria.__dataclass_fields__} == \
        {name: getattr(cli, name) for name in filters.EventCriteria.__dataclass_fields__}
