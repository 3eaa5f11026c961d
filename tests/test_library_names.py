"""The committed list of the libraries' private names (grader/questions/library_names.py)."""

from __future__ import annotations

import pytest

from grader.questions import library_names


def test_the_committed_names_hold_every_name_of_the_installed_torch():
    # torch is pinned: a name of its missing would let a read of it cost only what reaches it.  (After an upgrade:
    # `python -m grader.questions.library_names` writes the file anew.)
    header, *names = library_names.NAMES_FILE.read_text(encoding="utf-8").splitlines()
    assert header == library_names.HEADER.format(version=library_names.torch_version())
    assert library_names.read_torch() <= set(names)
    assert names == sorted(set(names))


def test_the_names_hold_compiled_objects_and_other_libraries_names_and_no_mangled_symbol():
    names = library_names.library_private_names()
    assert {"_raw_saved_input", "_raw_saved_self", "_pop_mode_temporarily", "_forward_hooks", "_version",
            "_get_backend_or_none", "_main_mod_cache", "_getframe", "_handlerList"} <= names
    assert not any(n.startswith("_ZN") for n in names)


def test_a_file_of_another_torch_is_completed_with_the_installed_torchs_names(tmp_path, monkeypatch):
    version = library_names.torch_version()
    path = tmp_path / "names.txt"
    path.write_text(library_names.NAMES_FILE.read_text(encoding="utf-8").replace(version, "0.0.1", 1)
                    .replace("\n_raw_saved_input\n", "\n"), encoding="utf-8")
    monkeypatch.setattr(library_names, "NAMES_FILE", path)
    library_names.library_private_names.cache_clear()
    try:
        assert "_raw_saved_input" in library_names.library_private_names()
    finally:
        library_names.library_private_names.cache_clear()


@pytest.mark.parametrize("text", ["", "# torch 2.13.0: written by python -m grader.questions.library_names\n_net\n"])
def test_a_file_cut_short_is_refused(tmp_path, monkeypatch, text):
    path = tmp_path / "names.txt"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(library_names, "NAMES_FILE", path)
    library_names.library_private_names.cache_clear()
    try:
        with pytest.raises(library_names.LibraryNamesUnreadable):
            library_names.library_private_names()
    finally:
        library_names.library_private_names.cache_clear()
