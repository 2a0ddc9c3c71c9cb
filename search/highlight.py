"""Snippets with the matched words marked, for the database backend's results."""

import re

from django.utils.html import escape

from search.folding import fold

SNIPPET_LENGTH = 160


def highlight(text: str, query_words: list[str], length: int = SNIPPET_LENGTH) -> str:
    """Escaped HTML around the first match in ``text``, whole matched words in <mark>.

    Matching is on folded text, whose characters line up one to one with the original's, so
    "nuoc mam" marks "Nước mắm" as written. Returns "" when no word matches.
    """
    if not text or not query_words:
        return ""
    folded = fold(text)
    pattern = re.compile(r"(?<![0-9a-z])(" + "|".join(map(re.escape, query_words)) + r")(?![0-9a-z])")
    matches = list(pattern.finditer(folded))
    if not matches:
        return ""
    start = max(0, matches[0].start() - length // 4)
    end = min(len(text), start + length)
    if start:  # begin on a word boundary
        start = text.find(" ", start) + 1 or start
    parts, cursor = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        word = escape(text[match.start() : match.end()])
        parts += [escape(text[cursor : match.start()]), f"<mark>{word}</mark>"]
        cursor = match.end()
    parts.append(escape(text[cursor:end]))
    return ("…" if start else "") + "".join(parts) + ("…" if end < len(text) else "")
