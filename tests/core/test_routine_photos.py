"""A person's own photo for a step: refused for the loader's reasons, else copied in."""

from __future__ import annotations

from pathlib import Path

import pytest

from backtimer.core.routine_file.images import ImageError
from backtimer.core.routine_file.loader import load_builtin, load_routine
from backtimer.core.routines.exchange import editable, import_file
from backtimer.core.routines.photos import adopt_photo

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00"
HUGE_PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x50\x00\x00\x00\x50\x00\x08\x02\x00\x00\x00"
)


def test_photo_from_elsewhere_is_copied_into_pictures(tmp_path: Path) -> None:
    """A photo outside the folder is copied into pictures/ and named relative to it."""
    photo = tmp_path / "Camera Roll" / "IMG 0001.PNG"
    photo.parent.mkdir()
    photo.write_bytes(PNG)
    folder = tmp_path / "routine"
    assert adopt_photo(photo, folder) == "pictures/IMG-0001.png"
    assert (folder / "pictures" / "IMG-0001.png").read_bytes() == PNG
    assert adopt_photo(photo, folder) == "pictures/IMG-0001-2.png"


def test_photo_already_in_the_folder_is_not_copied(tmp_path: Path) -> None:
    """A picture already beside the routine is named where it is."""
    (tmp_path / "mine.png").write_bytes(PNG)
    assert adopt_photo(tmp_path / "mine.png", tmp_path) == "mine.png"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.png"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"%PDF-1.4 not a picture", "not a PNG, JPEG or SVG"),
        (HUGE_PNG, "at most 16384 pixels a side"),
    ],
)
def test_bad_photo_is_refused_with_the_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    """Not a picture, or too large: refused with the loader's reason, nothing copied."""
    photo = tmp_path / "photo.png"
    photo.write_bytes(content)
    with pytest.raises(ImageError, match=reason):
        adopt_photo(photo, tmp_path / "routine")
    assert not (tmp_path / "routine").exists()


def test_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    """A link in the routine's folder pointing outside it is refused, as the loader would."""
    (tmp_path / "secret.png").write_bytes(PNG)
    folder = tmp_path / "routine"
    folder.mkdir()
    (folder / "link.png").symlink_to(tmp_path / "secret.png")
    with pytest.raises(ImageError, match="leads outside"):
        adopt_photo(folder / "link.png", folder)


def test_builtin_routine_is_edited_as_a_copy(tmp_path: Path) -> None:
    """Editing the built-in routine works on a new folder in the person's routines."""
    folder, draft = editable(load_builtin(), tmp_path)
    assert folder.parent == tmp_path
    assert draft.name == "Gentle back routine"


def test_own_routine_is_edited_in_place_and_duplicated_with_its_pictures(tmp_path: Path) -> None:
    """A routine of the person's folder is edited where it is; a duplicate gets a new
    folder with copies of its pictures."""
    source = tmp_path / "src"
    source.mkdir()
    (source / "me.png").write_bytes(PNG)
    (source / "r.yaml").write_text(
        "format: 1\nid: mine\nname: Mine\nexercises:\n  - id: a\n    name: A\n"
        "    muscle_group: calves\n    steps:\n      - text: Stand.\n        image: me.png\n"
    )
    routines = tmp_path / "routines"
    path = import_file(source / "r.yaml", routines).path
    assert path is not None
    routine = load_routine(path).routine
    assert routine is not None
    folder, _ = editable(routine, routines)
    assert folder == path.parent
    copy_folder, copy = editable(routine, routines, copy=True)
    assert copy_folder != folder
    assert copy.exercises[0].steps[0].image == "me.png"
    assert (copy_folder / "me.png").read_bytes() == PNG


def test_a_file_dropped_loose_in_the_routines_folder_is_edited_as_a_copy(
    tmp_path: Path,
) -> None:
    """A routine file not laid out as Save writes it (loose in the routines folder) is
    edited in a folder of its own, so saving never writes a second file beside it."""
    routines = tmp_path / "routines"
    routines.mkdir()
    (routines / "loose.yaml").write_text(
        "format: 1\nid: loose\nname: Loose\nexercises:\n  - id: a\n    name: A\n"
        "    muscle_group: calves\n    steps:\n      - text: Stand.\n"
    )
    routine = load_routine(routines / "loose.yaml").routine
    assert routine is not None
    folder, _ = editable(routine, routines)
    assert folder == routines / "loose"
