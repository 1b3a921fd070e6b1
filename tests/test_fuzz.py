"""Property: any mutation of valid YAML gives a valid model or clean problems, never a traceback."""

from __future__ import annotations

import shutil

from conftest import make_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tryggest.load import load_project
from tryggest.problems import InputError

VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 100_000), st.text(max_size=12),
    st.sampled_from(["09:00", "25:99", "mon-fri", "fri-mon", "+47 33 41 60 00", "02800", "2024-02-30",
                     "2024-13-01", "!!python/name:os.system", "&a x", "*b", "[", "{a: b}"]),
    st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def _mutate_lines(text: str, data: st.DataObject) -> str:
    lines = text.splitlines()
    index = data.draw(st.integers(0, len(lines) - 1))
    action = data.draw(st.sampled_from(["value", "delete", "duplicate", "key", "indent"]))
    line = lines[index]
    if action == "value" and ":" in line:
        head = line.split(":", 1)[0]
        value = data.draw(VALUES)
        raw = data.draw(st.booleans())
        lines[index] = f"{head}: {value if raw else repr(value)}"
    elif action == "delete":
        del lines[index]
    elif action == "duplicate":
        lines.insert(index, line)
    elif action == "key" and ":" in line:
        lines[index] = line.replace(line.strip().split(":", 1)[0], data.draw(st.text(min_size=1, max_size=8)), 1)
    elif action == "indent":
        lines[index] = " " * data.draw(st.integers(0, 5)) + line.lstrip()
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), target=st.sampled_from(
    ["content/municipalities/fjordby.yml", "content/municipalities/ostre-dal.yml", "municipalities.yml",
     "content/national.yml"]))
def test_mutated_yaml_is_valid_or_a_clean_error(tmp_path_factory, data: st.DataObject, target: str) -> None:
    base = tmp_path_factory.mktemp("fuzz")
    root = make_project(base)
    path = root / target
    path.write_text(_mutate_lines(path.read_text(encoding="utf-8"), data), encoding="utf-8")
    try:
        project = load_project(root)
    except InputError as exc:
        assert exc.problems, "an InputError always carries at least one problem"
        for problem in exc.problems:
            assert problem.line >= 1 and problem.col >= 1
            assert problem.path.endswith(".yml")
            assert problem.message
    else:
        assert project.municipalities
    finally:
        shutil.rmtree(base)
