"""The seed key: hidden inputs that no submission can draw ahead from a seed it guesses (grader.judge.seed_key)."""

from __future__ import annotations

import json
import stat

import pytest

from grader import keyfile
from grader.judge import seed_key
from grader.judge.grading import run_seed
from grader.judge.seed_key import SEED_KEY_ENV, SeedKeyError, fingerprint, hidden_seed, resolve
from grader.questions.base import Context
from tests.conftest import invoke, solution_script


def test_a_keyed_seed_draws_other_inputs_than_the_seed_alone_and_the_same_ones_again():
    key, other = b"k" * 32, b"o" * 32
    drawn = {name: Context(hidden_seed(7, k), "q6.conv").rng().random() for name, k in
             (("none", None), ("key", key), ("key again", key), ("other", other))}
    assert drawn["key"] == drawn["key again"]
    assert len({drawn["none"], drawn["key"], drawn["other"]}) == 3
    assert hidden_seed(7, None) == 7 and 0 <= hidden_seed(7, key) < 2**64


def test_a_fresh_seed_has_64_bits_so_no_table_of_seeds_holds_it():
    # 40 draws all under 2**32 would happen once in 2**1280 runs with 64 random bits, every time with 32.
    assert any(run_seed() >= 2**32 for _ in range(40))
    assert run_seed(5) == 5


def test_the_default_key_is_made_once_readable_by_its_owner_only(tmp_path, monkeypatch):
    monkeypatch.delenv(SEED_KEY_ENV, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    first = resolve(None)
    path = seed_key.default_path()
    assert path == tmp_path / "config" / "cnn-grader" / "seed.key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and len(first) >= keyfile.MIN_KEY_BYTES
    assert resolve(None) == first  # kept, never made again


def test_the_option_wins_over_the_environment_and_none_means_unkeyed(tmp_path, monkeypatch):
    named, env = tmp_path / "named.key", tmp_path / "env.key"
    named.write_bytes(b"n" * 20)
    env.write_bytes(b"e" * 20 + b"\n")
    monkeypatch.setenv(SEED_KEY_ENV, str(env))
    assert resolve(None) == b"e" * 20 + b"\n"  # its bytes as they are, as a course key's
    assert resolve(str(named)) == b"n" * 20
    assert resolve("none") is None and resolve("NONE") is None
    monkeypatch.setenv(SEED_KEY_ENV, "none")
    assert resolve(None) is None


@pytest.mark.parametrize("content, message", [(None, "No such file"), (b"short", "needs at least 16")])
def test_an_unusable_key_is_refused_with_its_reason(tmp_path, content, message):
    path = tmp_path / "seed.key"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(SeedKeyError, match=message):
        resolve(str(path))


def test_a_key_that_cannot_be_made_says_how_to_give_one(tmp_path, monkeypatch):
    monkeypatch.delenv(SEED_KEY_ENV, raising=False)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocked))
    with pytest.raises(SeedKeyError, match="--seed-key FILE"):
        resolve(None)


def test_the_fingerprint_tells_keys_apart_and_shows_none_of_the_key():
    key = b"0123456789abcdef0123456789abcdef"
    assert fingerprint(None) is None
    assert fingerprint(key) != fingerprint(key + b"!") and len(fingerprint(key)) == 16
    assert fingerprint(key) not in key.hex() and fingerprint(key).encode() not in key


def test_a_run_records_its_key_print_and_a_resume_with_another_key_is_refused(tmp_path):
    subs, out = tmp_path / "subs", tmp_path / "out"
    subs.mkdir()
    (subs / "student.py").write_text(solution_script())
    first, second = tmp_path / "first.key", tmp_path / "second.key"
    first.write_bytes(b"1" * 32)
    second.write_bytes(b"2" * 32)
    graded = invoke("grade", subs, "--out", out, "--seed", "7", "--seed-key", first, "-q", "q2")
    assert graded.exit_code == 0, graded.stderr
    meta = json.loads((out / "grades.json").read_text())["meta"]
    assert meta["seed"] == 7 and meta[seed_key.SEED_KEY_RECORD] == fingerprint(b"1" * 32)

    refused = invoke("grade", subs, "--out", out, "--seed-key", second, "-q", "q2", "--resume")
    assert refused.exit_code == 2 and "its hidden inputs would differ" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1 and "Traceback" not in refused.stderr
    unkeyed = invoke("grade", subs, "--out", out, "--seed-key", "none", "-q", "q2", "--resume")
    assert unkeyed.exit_code == 2 and "no seed key" in unkeyed.stderr
    kept = invoke("grade", subs, "--out", out, "--seed-key", first, "-q", "q2", "--resume")
    assert kept.exit_code == 0 and "kept 1" in kept.stdout, kept.stderr


def test_an_unreadable_key_on_the_command_line_is_one_line_and_exit_1(tmp_path):
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "student.py").write_text(solution_script())
    result = invoke("grade", subs, "--out", tmp_path / "out", "--seed-key", tmp_path / "missing.key")
    assert result.exit_code == 1 and "the seed key" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "grades.csv").exists()
