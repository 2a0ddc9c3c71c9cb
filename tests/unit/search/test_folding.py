import pytest

from search.folding import fold, word_text, words
from search.highlight import highlight


@pytest.mark.parametrize("text", ["nuoc mam", "NƯỚC MẮM", "nước mắm", "Nước  mắm!"])
def test_accents_case_and_punctuation_fold_to_the_same_words(text):
    assert words(text) == ["nuoc", "mam"]


def test_d_with_stroke_folds_to_d():
    assert words("Đường thốt nốt đặc sản") == ["duong", "thot", "not", "dac", "san"]


def test_folding_keeps_one_character_per_character():
    text = "Trà sâm Ngọc Linh – Đặc biệt"
    assert len(fold(text)) == len(text)


def test_word_text_pads_so_only_whole_words_match():
    text = word_text("Bánh tráng phơi sương", "Trảng Bàng")
    assert " trang " in text and " tra " not in text


def test_highlight_marks_the_words_as_written_and_escapes_the_rest():
    html = highlight("Mắm cá cơm <ủ chượp> ở Cần Giờ", ["ca", "com"])
    assert html == "Mắm <mark>cá</mark> <mark>cơm</mark> &lt;ủ chượp&gt; ở Cần Giờ"


def test_highlight_cuts_a_long_text_around_the_first_match():
    text = "Lời mở đầu " * 40 + "muối Cần Giờ phơi nắng" + " kết thúc" * 40
    html = highlight(text, ["muoi"], length=80)
    assert html.startswith("…") and html.endswith("…") and "<mark>muối</mark>" in html
    assert len(html) < 120


def test_no_match_no_snippet():
    assert highlight("Trà sâm", ["muoi"]) == ""


def test_korean_words_are_kept_and_each_chinese_character_is_a_word():
    """A bug fixed: only a–z and digits made words, so a tourist's Korean or Chinese query was empty."""
    assert words("껀저 천일염, 선물 상자") == ["껀저", "천일염", "선물", "상자"]
    assert words("芹椰海盐 500克") == ["芹", "椰", "海", "盐", "500", "克"]
