"""Media files appear whole: a reader finds no file or all of it, never a half-written one."""

import os

from django.core.files.base import ContentFile

from uploads.storage import WholeFileSystemStorage

PICTURE = b"RIFF....WEBPVP8 " + bytes(range(256)) * 64


class Chunked(ContentFile):
    """Content written in chunks, looking at the file's place between them, as a second request would."""

    def __init__(self, data, place):
        super().__init__(data)
        self.place, self.seen = place, []

    def chunks(self, chunk_size=None):
        for start in range(0, len(self.file.getvalue()), 1024):
            self.seen.append(os.path.exists(self.place))
            yield self.file.getvalue()[start : start + 1024]


def test_a_file_being_written_is_not_yet_at_its_place(tmp_path):
    storage = WholeFileSystemStorage(location=tmp_path)
    content = Chunked(PICTURE, tmp_path / "cache" / "ab" / "thumb.webp")

    name = storage.save("cache/ab/thumb.webp", content)

    assert name == "cache/ab/thumb.webp" and len(content.seen) > 1 and not any(content.seen)
    assert (tmp_path / name).read_bytes() == PICTURE
    assert os.listdir(tmp_path / "cache" / "ab") == ["thumb.webp"]  # no temporary file left
    assert oct((tmp_path / name).stat().st_mode & 0o777) == "0o644"


def test_a_second_file_of_the_same_name_gets_a_name_of_its_own(tmp_path):
    storage = WholeFileSystemStorage(location=tmp_path)
    first = storage.save("a.webp", ContentFile(b"first"))

    second = storage.save("a.webp", ContentFile(b"second"))

    assert first == "a.webp" and second != first
    assert storage.open(first).read() == b"first" and storage.open(second).read() == b"second"
