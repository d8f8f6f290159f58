"""The training prompts' data files and their reader: every file parses, every name used
is declared, and a broken file is refused with a message naming the file and template."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from analyzer.classify import prompt_files
from analyzer.classify.prompt_files import DATA, SLOT_KINDS, DataFileError
from analyzer.classify.prompt_slots import SLOT_RE
from analyzer.classify.slot_functions import registry
from analyzer.classify.taxonomy import CATEGORIES

FILES = sorted(DATA.glob("*.toml"))


@pytest.fixture(scope="module")
def data() -> prompt_files.PromptData:
    return prompt_files.load()


# --- the project's files --------------------------------------------------------------------


def test_there_are_data_files_and_none_is_huge() -> None:
    assert len(FILES) >= 26
    for path in FILES:
        assert path.read_text(encoding="utf-8").count("\n") < 1000, path.name


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_data_file_parses(path: Path) -> None:
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    assert set(doc) <= prompt_files.FILE_KEYS, path.name
    for entry in doc.get("templates", []):
        assert entry.get("category", doc.get("category")) in CATEGORIES, (path.name, entry.get("name"))


def test_every_template_has_a_taxonomy_category(data: prompt_files.PromptData) -> None:
    assert data.templates
    for name, t in data.templates.items():
        assert t.category in CATEGORIES, name
        assert name.split("/", 1)[0] == t.category, name


def test_every_slot_a_template_uses_is_declared(data: prompt_files.PromptData) -> None:
    for t in data.templates.values():
        for text in (*t.systems, *t.users):
            for slot in SLOT_RE.findall(text or ""):
                assert slot in data.slots, (t.source, t.name, slot)


def test_every_slot_function_named_is_registered_and_every_registered_one_is_used() -> None:
    named = set()
    for path in FILES:
        for spec in tomllib.loads(path.read_text(encoding="utf-8")).get("slots", {}).values():
            if "fn" in spec:
                assert spec["fn"] in registry(), (path.name, spec)
                named.add(spec["fn"])
    assert named == set(registry())


def test_word_lists_are_frozen(data: prompt_files.PromptData) -> None:
    assert isinstance(data.words.FIRST, tuple)
    assert isinstance(data.words.CODE_SNIPPETS[0]["code"], str)
    with pytest.raises(AttributeError, match="NO_SUCH_LIST"):
        data.words.NO_SUCH_LIST  # noqa: B018


def test_reading_twice_gives_the_same_templates(data: prompt_files.PromptData) -> None:
    again = prompt_files.read(DATA)
    assert again.templates == data.templates
    assert list(again.slots) == list(data.slots)


def test_the_readme_describes_every_slot_kind() -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for kind in SLOT_KINDS:
        assert f"`{kind}" in readme, kind


# --- the reader on small files --------------------------------------------------------------

GOOD = """
category = "classification"

[lists]
FRUIT = ["apple", "pear"]

[slots]
fruit = {raw_of = "FRUIT"}
shout = {fn = "shout"}

[[templates]]
name = "api-fruit"
system = "Label the fruit."
users = ["{fruit}", "{shout}", "it is {fruit}"]
split = 2
"""


def _functions() -> dict[str, Callable[..., str]]:
    return {"shout": lambda c: c.get("fruit").upper()}


def _write(tmp_path: Path, **files: str) -> Path:
    for name, text in files.items():
        (tmp_path / f"{name}.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_small_file_reads(tmp_path: Path) -> None:
    d = prompt_files.read(_write(tmp_path, a=GOOD), _functions())
    assert list(d.templates) == ["classification/api-fruit-1", "classification/api-fruit-2"]
    t = d.templates["classification/api-fruit-1"]
    assert t.users == ("{fruit}", "{shout}") and t.systems == ("Label the fruit.",) and not t.casual
    assert t.source == "a.toml"


def test_an_unknown_slot_function_names_the_file_and_template(tmp_path: Path) -> None:
    bad = GOOD.replace('{fn = "shout"}', '{fn = "no_such_function"}')
    with pytest.raises(DataFileError) as err:
        prompt_files.read(_write(tmp_path, a=bad), _functions())
    message = str(err.value)
    assert message.startswith("a.toml: slot shout")
    assert "no_such_function" in message
    assert "classification/api-fruit-1" in message


def test_an_undeclared_slot_names_the_file_and_template(tmp_path: Path) -> None:
    bad = GOOD.replace('"it is {fruit}"', '"it is {vegetable}"')
    with pytest.raises(DataFileError, match=r"a\.toml: template classification/api-fruit-2 uses \{vegetable\}"):
        prompt_files.read(_write(tmp_path, a=bad), _functions())


def test_an_unknown_category_is_refused(tmp_path: Path) -> None:
    bad = GOOD.replace('category = "classification"', 'category = "fruit_salad"')
    with pytest.raises(DataFileError, match=r"a\.toml: template fruit_salad/api-fruit: category 'fruit_salad'"):
        prompt_files.read(_write(tmp_path, a=bad), _functions())


def test_a_name_defined_in_two_files_is_refused(tmp_path: Path) -> None:
    other = '[lists]\nFRUIT = ["plum"]\n'
    with pytest.raises(DataFileError, match=r"b\.toml: word list FRUIT is already defined in a\.toml"):
        prompt_files.read(_write(tmp_path, a=GOOD, b=other), _functions())


@pytest.mark.parametrize(("old", "new", "match"), [
    ('name = "api-fruit"', 'name = "fancy-fruit"', "style one of"),
    ('system = "Label the fruit."\n', "", "api style needs a system prompt"),
    ('fruit = {raw_of = "FRUIT"}', 'fruit = {raw_of = "VEG"}', "no word list 'VEG'"),
    ('fruit = {raw_of = "FRUIT"}', 'fruit = {raw_of = "FRUIT", one = ["x"]}', "exactly one of"),
    ('fruit = {raw_of = "FRUIT"}', 'fruit = {pick = "FRUIT"}', "exactly one of"),
    ("split = 2", "split = 0", "split must be"),
    ('category = "classification"', 'category = "classification"\ncolour = "red"', "unknown top-level keys"),
])
def test_mistakes_are_refused(tmp_path: Path, old: str, new: str, match: str) -> None:
    assert old in GOOD
    with pytest.raises(DataFileError, match=match):
        prompt_files.read(_write(tmp_path, a=GOOD.replace(old, new)), _functions())


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"a\.toml: not valid TOML"):
        prompt_files.read(_write(tmp_path, a='name = "unterminated\n'), _functions())
