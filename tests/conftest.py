import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Keep uploaded and generated files out of the working tree."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
