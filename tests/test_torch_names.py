"""The committed list of torch's private names (grader/questions/torch_names.py) is the installed torch's."""

from __future__ import annotations

import pytest

from grader.questions import torch_names


def test_the_committed_names_are_those_of_the_installed_torch():
    # stale after an upgrade of torch: `python -m grader.questions.torch_names` writes it anew
    assert torch_names.NAMES_FILE.read_text(encoding="utf-8") == torch_names.file_text(
        torch_names.torch_version(), torch_names.read_installed())


def test_the_names_hold_torchs_compiled_and_python_objects_names_and_no_mangled_symbol():
    names = torch_names.torch_private_names()
    assert {"_raw_saved_input", "_raw_saved_self", "_pop_mode_temporarily", "_forward_hooks", "_version"} <= names
    assert not any(n.startswith("_ZN") for n in names)


@pytest.mark.parametrize("text", [
    "# torch 0.0.1: written by python -m grader.questions.torch_names\n_net\n",   # another torch's
    "# torch {version}: written by python -m grader.questions.torch_names\n_net\n",  # cut short
    "",
])
def test_a_file_of_another_torch_or_cut_short_is_read_anew(tmp_path, monkeypatch, text):
    path = tmp_path / "names.txt"
    path.write_text(text.format(version=torch_names.torch_version()), encoding="utf-8")
    monkeypatch.setattr(torch_names, "NAMES_FILE", path)
    torch_names.torch_private_names.cache_clear()
    try:
        assert torch_names.torch_private_names() == torch_names.read_installed()
    finally:
        torch_names.torch_private_names.cache_clear()
