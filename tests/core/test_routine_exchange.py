"""Import and export of routines: files with their pictures in and out, hostile zips refused
with nothing written."""

from __future__ import annotations

import io
import stat
import struct
import zipfile
from pathlib import Path

import pytest

from backtimer.core.routine_file.loader import load_routine
from backtimer.core.routines import exchange
from backtimer.core.routines.exchange import export_yaml, export_zip, import_file, import_zip
from backtimer.core.routines.folder import find_routines

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00"
ROUTINE = """\
format: 1
id: with-photo
name: With my photo
exercises:
  - id: stretch
    name: Stretch
    muscle_group: hamstrings
    steps:
      - text: Lean towards your {side} knee.
        image: pictures/me.png
"""


def files_under(folder: Path) -> list[str]:
    if not folder.exists():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "from-physio"
    (folder / "pictures").mkdir(parents=True)
    (folder / "pictures" / "me.png").write_bytes(PNG)
    path = folder / "mine.yaml"
    path.write_text(ROUTINE, encoding="utf-8")
    return path


@pytest.fixture
def routines(tmp_path: Path) -> Path:
    return tmp_path / "data" / "routines"


def test_import_copies_the_file_with_its_pictures(source: Path, routines: Path) -> None:
    """The imported routine loads from its new folder, its photo beside it."""
    imported = import_file(source, routines)
    assert imported.problems == ()
    assert imported.path is not None
    assert files_under(routines) == ["with-photo/pictures/me.png", "with-photo/routine.yaml"]
    loaded = load_routine(imported.path)
    assert loaded.routine is not None
    assert loaded.routine.exercises[0].steps[0].image == routines / "with-photo/pictures/me.png"


def test_importing_twice_keeps_both(source: Path, routines: Path) -> None:
    """A second import of the same routine gets its own folder; neither is overwritten."""
    first = import_file(source, routines).path
    second = import_file(source, routines).path
    assert first is not None
    assert second is not None
    assert first.parent.name == "with-photo"
    assert second.parent.name == "with-photo-2"


def test_broken_file_is_refused_with_located_problems(source: Path, routines: Path) -> None:
    """A file the checker refuses is not imported; the problems say where and why."""
    bad = source.with_name("bad.yaml")
    bad.write_text(ROUTINE.replace("muscle_group: hamstrings", "muscle_group: hamstring"))
    imported = import_file(bad, routines)
    assert imported.path is None
    assert [(p.line, p.column) for p in imported.problems] == [(7, 19)]
    assert "did you mean 'hamstrings'" in imported.problems[0].hint
    assert files_under(routines) == []


def test_zip_export_and_import_round_trip(source: Path, routines: Path, tmp_path: Path) -> None:
    """A routine exported as .zip imports on another computer with its photo."""
    archive = tmp_path / "share.zip"
    export_zip(source, archive)
    with zipfile.ZipFile(archive) as zf:
        assert sorted(zf.namelist()) == ["with-photo/pictures/me.png", "with-photo/routine.yaml"]
    imported = import_zip(archive, routines)
    assert imported.problems == ()
    assert imported.path is not None
    loaded = load_routine(imported.path)
    assert loaded.routine is not None
    assert loaded.routine.name == "With my photo"
    assert (imported.path.parent / "pictures" / "me.png").read_bytes() == PNG


def test_yaml_export_says_how_many_pictures_it_leaves_out(source: Path, tmp_path: Path) -> None:
    """One .yaml is the file itself; its pictures are counted so the window can say so."""
    target = tmp_path / "out.yaml"
    assert export_yaml(source, target) == 1
    assert target.read_bytes() == source.read_bytes()


def test_imported_routines_are_listed(source: Path, routines: Path) -> None:
    """The routines folder lists the built-in routines first, then the person's."""
    import_file(source, routines)
    found = find_routines(routines)
    assert found[0].builtin
    assert [f.result.routine.name for f in found if not f.builtin and f.result.routine] == [
        "With my photo"
    ]


def test_broken_file_in_the_folder_is_listed_with_its_problems(routines: Path) -> None:
    """A broken routine in the folder is listed, with its problems, never dropped."""
    (routines / "broken").mkdir(parents=True)
    (routines / "broken" / "routine.yaml").write_text("format: 1\nid: x\n")
    broken = [f for f in find_routines(routines) if not f.builtin]
    assert len(broken) == 1
    assert broken[0].result.routine is None
    assert broken[0].result.problems[0].line == 1


# -- hostile archives ------------------------------------------------------------------


def make_zip(path: Path, members: dict[str, bytes], *, links: tuple[str, ...] = ()) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if name in links:
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, data)
    return path


GOOD = {"r/routine.yaml": ROUTINE.encode(), "r/pictures/me.png": PNG}


@pytest.mark.parametrize(
    "evil",
    ["../evil.yaml", "r/../../evil.png", "/etc/evil.png", "C:/evil.png", "r\\..\\evil.png"],
)
def test_zip_with_a_path_out_of_itself_is_refused(
    evil: str, routines: Path, tmp_path: Path
) -> None:
    """A member whose name leads outside the archive refuses the archive: nothing written."""
    archive = make_zip(tmp_path / "evil.zip", {**GOOD, evil: b"x"})
    imported = import_zip(archive, routines)
    assert imported.path is None
    assert "outside its folder" in imported.problems[0].message
    assert files_under(tmp_path / "data") == []
    assert not (tmp_path / "evil.png").exists()
    assert not (tmp_path / "evil.yaml").exists()


def test_zip_with_a_link_is_refused(routines: Path, tmp_path: Path) -> None:
    """A symbolic link in the archive (it could point anywhere) refuses the archive."""
    archive = make_zip(
        tmp_path / "link.zip",
        {**GOOD, "r/pictures/me.png": b"/etc/passwd"},
        links=("r/pictures/me.png",),
    )
    imported = import_zip(archive, routines)
    assert imported.path is None
    assert "a link" in imported.problems[0].message
    assert files_under(tmp_path / "data") == []


def test_zip_bomb_is_refused(routines: Path, tmp_path: Path) -> None:
    """A member that unpacks to more than the limit is refused before it is written."""
    big = b"\0" * (exchange.MAX_UNPACKED_BYTES + 1)
    archive = make_zip(tmp_path / "bomb.zip", {**GOOD, "r/pictures/big.png": big})
    assert archive.stat().st_size < 200_000  # a real bomb: small packed, huge unpacked
    imported = import_zip(archive, routines)
    assert imported.path is None
    assert "unpacks to more than" in imported.problems[0].message
    assert files_under(tmp_path / "data") == []


def lie_about_sizes(data: bytes, claimed: int) -> bytes:
    """The archive with every member's uncompressed size in its headers set to ``claimed``."""
    out = bytearray(data)
    at = 0
    while (at := out.find(b"PK\x03\x04", at)) != -1:
        struct.pack_into("<I", out, at + 22, claimed)
        at += 4
    at = 0
    while (at := out.find(b"PK\x01\x02", at)) != -1:
        struct.pack_into("<I", out, at + 24, claimed)
        at += 4
    return bytes(out)


def test_zip_bomb_that_lies_about_its_size_is_refused(routines: Path, tmp_path: Path) -> None:
    """A bomb whose headers claim tiny sizes is still stopped: bytes are counted as they
    come out, and nothing is left behind."""
    big = b"\0" * (exchange.MAX_UNPACKED_BYTES * 2)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, member in {**GOOD, "r/pictures/big.png": big}.items():
            zf.writestr(name, member)
    archive = tmp_path / "liar.zip"
    archive.write_bytes(lie_about_sizes(buffer.getvalue(), 10))
    imported = import_zip(archive, routines)
    assert imported.path is None
    assert imported.problems
    assert files_under(tmp_path / "data") == []


def test_zip_with_many_members_is_refused(routines: Path, tmp_path: Path) -> None:
    """Thousands of tiny members are refused by count."""
    members = {**GOOD, **{f"r/p/{i}.png": b"" for i in range(exchange.MAX_MEMBERS)}}
    imported = import_zip(make_zip(tmp_path / "many.zip", members), routines)
    assert imported.path is None
    assert "at most" in imported.problems[0].message
    assert files_under(tmp_path / "data") == []


def test_not_a_zip_is_refused(routines: Path, tmp_path: Path) -> None:
    """A file that is no zip at all says so."""
    fake = tmp_path / "fake.zip"
    fake.write_bytes(b"hello")
    imported = import_zip(fake, routines)
    assert imported.path is None
    assert "not a .zip" in imported.problems[0].message


def test_zip_with_a_broken_routine_is_refused_with_its_problems(
    routines: Path, tmp_path: Path
) -> None:
    """A routine in the archive with a mistake is refused with the line of the mistake."""
    members = {**GOOD, "r/routine.yaml": ROUTINE.replace("hamstrings", "hamstring").encode()}
    imported = import_zip(make_zip(tmp_path / "bad.zip", members), routines)
    assert imported.path is None
    assert [(p.line, p.column) for p in imported.problems] == [(7, 19)]
    assert imported.problems[0].file == str(tmp_path / "bad.zip")
    assert files_under(tmp_path / "data") == []


def test_zip_with_a_missing_picture_is_refused(routines: Path, tmp_path: Path) -> None:
    """A routine whose photo is not in the archive is refused; nothing written."""
    members = {"r/routine.yaml": ROUTINE.encode()}
    imported = import_zip(make_zip(tmp_path / "nopic.zip", members), routines)
    assert imported.path is None
    assert "does not exist" in imported.problems[0].message
    assert files_under(tmp_path / "data") == []
