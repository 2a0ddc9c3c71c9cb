"""Vietnamese text folded to plain lowercase ASCII, as Elasticsearch's lowercase + asciifolding do.

"Nước mắm Cần Giờ" and "nuoc mam can gio" fold to the same words, so shoppers find products
whether or not they type the diacritics.
"""

import re
import unicodedata

# A word is a run of letters and digits, but each Chinese character is a word of its own, as
# Elasticsearch's standard tokenizer makes it (Chinese has no spaces between words).
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_HAN}]|[^\W_{_HAN}]+")


def fold_char(char: str) -> str:
    """One character folded to one character, so positions in folded text match the original."""
    if char in "đĐ":  # a letter of its own, not d with a mark: NFKD cannot strip it
        return "d"
    base = unicodedata.normalize("NFKD", char)[:1].lower()
    return base if base.isascii() else char.lower()[:1]


def fold(text: str) -> str:
    return "".join(fold_char(char) for char in text)


def words(text: str) -> list[str]:
    """The folded words of ``text``, split as Elasticsearch's standard tokenizer mostly does."""
    return _WORD.findall(fold(text))


def word_text(*texts: str) -> str:
    """Folded words joined and padded with spaces, so ``" word "`` matches whole words only."""
    joined = " ".join(word for text in texts for word in words(text or ""))
    return f" {joined} "
