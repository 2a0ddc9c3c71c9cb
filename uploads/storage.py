"""Media files that appear whole: written under a temporary name beside their place, then renamed.

Two first views of an image at a new size make its thumbnail at the same moment; sorl-thumbnail
(Oscar's thumbnailer) only checks that the file exists, so with files written in place the second
read the first's half-written file and the page answered 500. A rename within one directory is
atomic: a reader finds no file or the whole file.
"""

import os
import tempfile

from django.core.files import File
from django.core.files.storage import FileSystemStorage


class WrittenFile(File):
    """A file already on disk, which FileSystemStorage moves into place instead of copying."""

    def __init__(self, path):
        super().__init__(None, name=path)
        self.path = path

    def temporary_file_path(self):
        return self.path


class WholeFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):  # Django's documented hook for custom storages
        if hasattr(content, "temporary_file_path"):  # already whole on disk: moved by rename
            return super()._save(name, content)
        directory = os.path.dirname(self.path(name))
        os.makedirs(directory, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, prefix=".", suffix=".part", delete=False) as part:
            for chunk in content.chunks():
                part.write(chunk)
        try:
            return super()._save(name, WrittenFile(part.name))
        finally:
            if os.path.exists(part.name):  # left behind only when the move failed
                os.remove(part.name)
