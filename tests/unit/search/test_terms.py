"""How a query's words become the terms both backends match (search.terms)."""

import pytest

from search.terms import Term, edit_distance, parse, suggested_queries

VOCABULARY = frozenset(
    {"buoi", "da", "xanh", "binh", "thanh", "mam", "ca", "com", "kho", "tra", "huong", "van"}
)


def catalogue_words():
    return VOCABULARY


def test_synonyms_make_one_term_of_the_longest_phrase():
    terms = parse("Nước mắm Cần Giờ", catalogue_words)
    assert terms.terms[0] == Term(("nuoc mam", "mam", "fish sauce"))
    assert [str(term) for term in terms] == ["nuoc mam", "can", "gio"]


def test_english_words_reach_the_vietnamese_ones():
    assert parse("Fish sauce", catalogue_words).terms[0].forms == ("fish sauce", "mam", "nuoc mam")
    assert parse("tea", catalogue_words).terms[0].forms == ("tea", "tra", "che")


def test_only_the_last_word_is_also_a_prefix():
    terms = parse("ca kh", catalogue_words)
    assert [term.prefix for term in terms] == ["", "kh"]
    assert parse("c", catalogue_words).terms[0].prefix == ""  # one letter would match too much


@pytest.mark.parametrize(("typed", "meant"), [("xnah", "xanh"), ("thnah", "thanh"), ("huongg", "huong"),
                                              ("houng", "huong"), ("binhh", "binh")])
def test_an_unknown_word_of_four_letters_or_more_also_matches_the_words_one_edit_away(typed, meant):
    term = parse(f"buoi {typed}", catalogue_words).terms[1]
    assert meant in term.forms and term.corrected


def test_known_and_short_words_are_not_corrected():
    assert parse("thanh", catalogue_words).terms[0] == Term(("thanh",), prefix="thanh")
    assert not parse("vam", catalogue_words).corrected  # three letters: "van", "mam" are other words
    assert "buoi" not in parse("quoi", catalogue_words).terms[0].forms  # the first letter must be right


def test_the_vocabulary_is_read_only_when_a_word_may_be_a_typo():
    def unread():
        raise AssertionError("vocabulary read")

    assert parse("ca tra", unread)


@pytest.mark.parametrize(("a", "b", "distance"), [
    ("xanh", "xanh", 0), ("xnah", "xanh", 1), ("xanh", "xan", 1), ("xanh", "xanhh", 1),
    ("xanh", "xinh", 1), ("xanh", "thanh", 2), ("abcd", "dcba", 3),
])
def test_edit_distance_counts_a_swap_of_neighbours_as_one_edit(a, b, distance):
    assert edit_distance(a, b, limit=5) == distance


def test_edit_distance_stops_past_its_limit():
    assert edit_distance("abcdefgh", "hgfedcba", limit=1) == 2


def test_suggested_queries_replace_unknown_words_with_the_nearest():
    assert suggested_queries("buoi xnahh", VOCABULARY) == ["buoi xanh"]
    assert suggested_queries("zbuoi", VOCABULARY) == ["buoi"]  # a wrong first letter, too
    assert suggested_queries("qqqqqq", VOCABULARY) == []
    assert suggested_queries("", VOCABULARY) == []
