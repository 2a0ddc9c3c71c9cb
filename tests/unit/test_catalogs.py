"""The four message catalogs: complete, not fuzzy, placeholders kept, machine translations marked."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils.translation import to_locale

LOCALE = Path(settings.LOCALE_PATHS[0])
LANGUAGES = [to_locale(code) for code, _name in settings.LANGUAGES]
MACHINE_TRANSLATED = {"zh_Hans", "ko"}
REVIEW_MARK = "machine translation, to be reviewed by a native speaker"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]|%[sd]|\{\w*\}")


def catalog(language):
    with open(LOCALE / language / "LC_MESSAGES" / "django.po", "rb") as file:
        return [message for message in read_po(file) if message.id]


def texts(value):
    return list(value) if isinstance(value, tuple) else [value]


def test_every_public_language_has_a_catalog():
    catalogs = LOCALE.glob("*/LC_MESSAGES/django.po")
    assert sorted(LANGUAGES) == sorted(path.parent.parent.name for path in catalogs)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    messages = catalog(language)
    assert [m.id for m in messages if m.fuzzy] == []
    assert [m.id for m in messages if not all(texts(m.string))] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogs_hold_the_same_messages(language):
    """Each language translates what the Vietnamese catalog (the source language) holds."""
    vietnamese = {m.id for m in catalog("vi") if not m.user_comments}  # vi alone keeps Wagtail's emails
    assert {m.id for m in catalog(language)} >= vietnamese


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language):
    wrong = [
        m.id for m in catalog(language)
        for source, translated in zip(texts(m.id), texts(m.string), strict=False)
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translated))
        and not (isinstance(m.id, tuple) and "%(counter)s" in translated)  # one form for every count
    ]
    assert wrong == []


@pytest.mark.parametrize("language", sorted(MACHINE_TRANSLATED))
def test_machine_translations_are_marked_for_review(language):
    assert [m.id for m in catalog(language) if REVIEW_MARK not in m.user_comments] == []


def test_vietnamese_pages_show_no_english_from_our_catalog():
    """Messages written in English in templates (Oscar's wording we keep) have Vietnamese in vi:
    nothing reads the same in the Vietnamese and English catalogs but names and codes."""
    same_in_both = {"OCOP", "Email", "email", "slug", "Excel (XLSX)", "Video (YouTube, Vimeo…)"}
    english = {m.id: m.string for m in catalog("en")}
    untranslated = [m.id for m in catalog("vi") if m.string == english.get(m.id)]
    assert [text for text in untranslated if text not in same_in_both] == []
