"""What a shopper's words ask for, forgiven: the terms both search backends match.

A query's folded words become terms, and a term is matched by any of its forms:
- the word itself, or the phrase it starts, with its synonyms: OCOP words written two ways
  ("trà"/"chè", "mắm"/"nước mắm") and the English a tourist types ("fish sauce", "honey");
- the last word also as the beginning of a word: the shopper may still be typing ("ca kh" → cá kho);
- a word of four letters or more that the catalogue does not hold, also as the catalogue's words
  one edit away, with the same first letter, as Elasticsearch's ``fuzziness: AUTO`` with
  ``prefix_length: 1`` would ("xnah" → "xanh": a swap of two letters is one edit).

Both backends read the same terms (search.backends.database, search.backends.elastic), so they
forgive the same way; the catalogue's words come from the database's search entries, which every
deployment keeps whether or not Elasticsearch is configured.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from search.folding import words as folded_words

# Phrases that mean the same product, folded. A query's longest phrase found here is one term.
SYNONYMS = [
    ("tra", "che", "tea"),
    ("mam", "nuoc mam", "fish sauce"),
    ("yen", "to yen", "yen sao", "bird nest", "birds nest", "bird s nest", "swiftlet nest"),
    ("mat ong", "honey"),
    ("muoi", "salt"),
    ("kho", "dried"),
    ("ca", "fish"),
    ("tom", "shrimp", "prawn"),
    ("muc", "squid"),
    ("hau", "oyster", "oysters"),
    ("gom", "pottery", "ceramic", "ceramics"),
    ("lua", "silk"),
    ("sam", "ginseng"),
    ("ruou", "rice wine", "wine", "liquor"),
    ("banh trang", "rice paper"),
    ("com chay", "crispy rice", "scorched rice"),
    ("de", "goat"),
    ("buoi", "pomelo"),
    ("quyt", "tangerine", "mandarin"),
    ("mang cau", "custard apple", "sugar apple"),
    ("chieu", "sleeping mat"),
    ("coi", "sedge"),
    ("tinh dau", "essential oil"),
    ("nhang", "incense"),
    ("tram", "agarwood"),
    ("rau", "vegetables", "herbs"),
    ("bun", "rice noodles", "noodles", "vermicelli"),
    ("kieu", "shallots", "pickled shallots"),
    ("thit", "meat"),
    ("du lich", "tour", "tourism", "trip"),
]
LONGEST_PHRASE = max(len(phrase.split()) for group in SYNONYMS for phrase in group)
_GROUP_OF = {phrase: group for group in SYNONYMS for phrase in group}

MIN_TYPO_LENGTH = 4  # shorter words are too often other real words one edit away
MIN_PREFIX_LENGTH = 2  # "c" would match half the catalogue


@dataclass(frozen=True)
class Term:
    """One thing asked for: any of its forms (folded phrases), whole words, or a word starting
    with ``prefix``."""

    forms: tuple[str, ...]
    prefix: str = ""
    corrected: bool = False  # forms include the catalogue's words close to a typo

    def __str__(self):
        return self.forms[0]


@dataclass(frozen=True)
class Terms:
    terms: tuple[Term, ...] = field(default_factory=tuple)

    def __bool__(self):
        return bool(self.terms)

    def __iter__(self):
        return iter(self.terms)

    def __len__(self):
        return len(self.terms)

    @property
    def corrected(self) -> bool:
        return any(term.corrected for term in self.terms)

    @property
    def words(self) -> list[str]:
        """Every word of every form: what a match may highlight."""
        found = [word for term in self.terms for form in term.forms for word in form.split()]
        return list(dict.fromkeys(found + [term.prefix for term in self.terms if term.prefix]))


def parse(text: str, vocabulary: Callable[[], frozenset[str]]) -> Terms:
    """The terms of ``text``; ``vocabulary`` (the catalogue's folded words) is read only when a
    word may be a typo."""
    words = folded_words(text)
    terms, position = [], 0
    while position < len(words):
        phrase, group = _longest_synonym(words, position)
        position += len(phrase.split())
        last = position == len(words)
        forms = group or (phrase,)
        corrected = ()
        if not group and len(phrase) >= MIN_TYPO_LENGTH and phrase not in vocabulary():
            corrected = tuple(sorted(close_words(phrase, vocabulary())))
        prefix = phrase if last and " " not in phrase and len(phrase) >= MIN_PREFIX_LENGTH else ""
        terms.append(Term(forms + corrected, prefix=prefix, corrected=bool(corrected)))
    return Terms(tuple(terms))


def _longest_synonym(words: list[str], start: int) -> tuple[str, tuple[str, ...]]:
    for length in range(min(LONGEST_PHRASE, len(words) - start), 0, -1):
        phrase = " ".join(words[start : start + length])
        if phrase in _GROUP_OF:
            group = _GROUP_OF[phrase]
            return phrase, (phrase, *[p for p in group if p != phrase])
    return words[start], ()


def close_words(
    word: str, vocabulary: Iterable[str], distance: int = 1, *, same_start: bool = True
) -> set[str]:
    """Words of ``vocabulary`` within ``distance`` edits of ``word`` (insert, delete, replace, or
    swap two neighbours), sharing its first letter unless not ``same_start``."""
    return {
        candidate for candidate in vocabulary
        if (candidate[:1] == word[:1] or not same_start) and abs(len(candidate) - len(word)) <= distance
        and candidate != word and edit_distance(word, candidate, distance) <= distance
    }


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance, giving up (returning limit + 1) past ``limit``."""
    previous2, previous = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def suggested_queries(text: str, vocabulary: frozenset[str], limit: int = 3) -> list[str]:
    """Queries close to one that found nothing: each unknown word replaced by the catalogue's
    nearest words (up to two edits, the first letter too), known words kept, as folded text."""
    words = folded_words(text)
    choices = []
    for word in words:
        if word in vocabulary or word in _GROUP_OF:
            choices.append([word])
            continue
        near = close_words(word, vocabulary, 1, same_start=False) or close_words(
            word, vocabulary, 2, same_start=False
        )
        choices.append(sorted(near, key=lambda w: (edit_distance(word, w, 2), w))[:limit])
    if not words or not all(choices):
        return []
    return [" ".join(choice[min(n, len(choice) - 1)] for choice in choices) for n in range(limit)
            if any(len(choice) > n for choice in choices)]
