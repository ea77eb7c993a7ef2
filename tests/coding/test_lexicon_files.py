"""Word lists built from Settings: an edited copy of a lexicon changes what is coded, in the
same process as the packaged one, and a folder overrides only the files it holds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsevents.coding.attribution.lexicon import cue_words
from newsevents.coding.events.lexicon import load
from newsevents.coding.lexicon_files import PACKAGED, LexiconFiles
from newsevents.coding.status.cues import status_words
from newsevents.config import Settings
from newsevents.pipeline import Pipeline

#: an invented sentence whose verb the packaged lexicon does not list
TEXT = "France tickled Germany on Monday."


def edited(folder: Path, name: str, row: str) -> Path:
    """A copy of the packaged ``name`` in ``folder`` with ``row`` added."""
    folder.mkdir(exist_ok=True)
    (folder / name).write_text((PACKAGED / name).read_text("utf-8") + row + "\n", "utf-8")
    return folder


def events(nlp, settings: Settings) -> list[tuple[str, str]]:
    (analysis,) = Pipeline(settings, nlp=nlp).analyse([TEXT])
    return [(e.type, e.trigger.text) for e in analysis.events]


def test_an_edited_event_lexicon_codes_differently_in_the_same_process(nlp, tmp_path):
    folder = edited(tmp_path / "lex", "events.tsv", "tickle\tCOERCE\t-\tverb\t-")
    before = events(nlp, Settings())
    assert ("COERCE", "tickled") in events(nlp, Settings(lexicons=folder))
    assert ("COERCE", "tickled") not in before
    assert events(nlp, Settings()) == before  # the edited copy did not leak into the default
    # without the model, the packaged lexicon codes nothing for an unlisted verb
    assert events(nlp, Settings(use_models=False)) == []
    assert events(nlp, Settings(use_models=False, lexicons=folder)) == [("COERCE", "tickled")]


def test_a_folder_overrides_only_the_files_it_holds(tmp_path):
    folder = edited(tmp_path, "status_words.tsv", "perchance\tspeculative\tadv")
    files = LexiconFiles(folder)
    assert files.path("status_words.tsv") == folder / "status_words.tsv"
    assert files.path("events.tsv") == PACKAGED / "events.tsv"
    assert status_words(files).of("adv")["perchance"] == "speculative"
    assert "perchance" not in status_words().of("adv")
    assert load(files) is load()  # the same file: one table


def test_an_edit_is_read_again_and_cue_words_follow_the_folder(tmp_path):
    folder = edited(tmp_path, "attribution_cues.tsv", "murmur\treported\tstrong")
    files = LexiconFiles(folder)
    assert cue_words(files).cues["murmur"].strong
    assert "murmur" not in cue_words().cues
    path = folder / "attribution_cues.tsv"
    path.write_text(path.read_text("utf-8") + "mumble\talleged\tweak\n", "utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert cue_words(files).cues["mumble"].status == "alleged"


def test_a_missing_file_is_a_model_error():
    from newsevents.errors import ModelError

    with pytest.raises(ModelError):
        LexiconFiles().rows("no_such_lexicon.tsv")


def test_the_actors_stage_reads_leaders_from_the_folder(nlp, tmp_path):
    folder = edited(tmp_path, "leaders.tsv", "Zorvan Quillby\tNOR\tGOV\tQuillby")
    text = "Zorvan Quillby spoke on Monday."

    def countries(settings: Settings) -> set[str | None]:
        (analysis,) = Pipeline(settings, nlp=nlp).analyse([text])
        return {a.country for a in analysis.actors.all() if a.kind == "person"}

    assert "NOR" in countries(Settings(use_models=False, lexicons=folder))
    assert "NOR" not in countries(Settings(use_models=False))
