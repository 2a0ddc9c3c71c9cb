"""A tourist's phone in Korean scans a stamp: the trace page is Korean, the product's name too, and
switching to Chinese sticks."""

from gs1.links import stamp_trace_path
from tests.factories import StampFactory


def test_a_korean_phone_reads_a_trace_page_in_korean_then_switches_to_chinese(
    browser, live_server, migrated_transactional_db
):
    stamp = StampFactory(lot__product__title_ko="껀저 천일염", lot__product__title_zh_hans="芹椰海盐")
    context = browser.new_context(
        base_url=live_server.url, locale="ko-KR", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    try:
        page.goto(stamp_trace_path(stamp))
        assert page.locator("html").get_attribute("lang") == "ko"
        assert page.get_by_text("정품 OCOP 제품").is_visible()
        assert page.locator("h1").inner_text() == "껀저 천일염"  # the producer's Korean name
        hreflangs = page.locator('link[rel="alternate"][hreflang]').evaluate_all(
            "links => links.map(link => link.hreflang)"
        )
        assert hreflangs == ["vi", "en", "zh-Hans", "ko", "x-default"]

        page.get_by_role("link", name="中文").click()
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == "zh-hans"
        assert page.get_by_text("正品 OCOP 产品").is_visible()
        assert page.locator("h1").inner_text() == "芹椰海盐"
        assert "lang=" not in page.url  # the choice lives in a cookie, not in the address

        page.reload()
        assert page.locator("html").get_attribute("lang") == "zh-hans"
        page.goto("/catalogue/")
        assert page.locator("html").get_attribute("lang") == "zh-hans"
        assert page.locator(".lang-switch [aria-current]").inner_text() == "中文"
    finally:
        context.close()
