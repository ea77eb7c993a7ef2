"""The installed model package is checked against recorded hashes; a tampered copy is refused."""

import shutil

import pytest

from newsevents.config import DEFAULT_MODEL
from newsevents.errors import ModelError
from newsevents.nlp.integrity import check_files, file_hashes, manifests, package_dir, verify


def installed():
    directory = package_dir(DEFAULT_MODEL)
    assert directory is not None, f"{DEFAULT_MODEL} is a runtime dependency and must be installed"
    return directory


def test_the_installed_default_model_matches_its_record():
    installed()
    assert verify(DEFAULT_MODEL) is True
    assert manifests()[DEFAULT_MODEL]["version"] == "3.8.0"
    assert verify("no_such_model_package") is False  # nothing recorded: loaded unchecked


def test_a_tampered_copy_is_refused_with_the_file_named(tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(installed(), copy, ignore=shutil.ignore_patterns("__pycache__"))
    manifest = manifests()[DEFAULT_MODEL]
    check_files(copy, manifest, DEFAULT_MODEL)  # an exact copy passes
    weights = next(p for p in manifest["files"] if p.endswith("ner/model"))
    data = bytearray((copy / weights).read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte in the NER weights
    (copy / weights).write_bytes(bytes(data))
    with pytest.raises(ModelError, match="ner/model"):
        check_files(copy, manifest, DEFAULT_MODEL)
    (copy / weights).unlink()
    with pytest.raises(ModelError, match="missing"):
        check_files(copy, manifest, DEFAULT_MODEL)


def test_hashes_ignore_bytecode_caches(tmp_path):
    (tmp_path / "a.py").write_text("x = 1\n")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0")
    assert list(file_hashes(tmp_path)) == ["a.py"]
