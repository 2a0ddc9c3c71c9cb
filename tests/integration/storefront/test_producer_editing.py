"""Producers edit their own story, officers approve it, and nobody reaches another producer's work."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Locale, Page

from access import grants
from storefront.models import ProducerPage
from tests.factories import ProductFactory, producer_page, producer_page_form

pytestmark = pytest.mark.django_db


def _user(email, **extra):
    return get_user_model().objects.create_user(username=email, email=email, password="x", **extra)


@pytest.fixture
def salt_producer_page():
    salt = ProductFactory(title="Muối hạt Cần Giờ")
    return producer_page(salt.producer, intro="Bản giới thiệu đang hiển thị.")


@pytest.fixture
def fish_producer_page():
    return producer_page(ProductFactory(title="Khô cá đù Cần Giờ").producer, intro="Khô cá đù phơi nắng.")


@pytest.fixture
def producer_client(client, salt_producer_page):
    user = _user("htx-ly-nhon@example.vn")
    grants.add_producer_user(user, salt_producer_page.producer)
    client.force_login(user)
    return client


@pytest.fixture
def officer_client():
    officer = _user("so-cong-thuong@example.vn")
    grants.add_officer(officer)
    officer_client = Client()
    officer_client.force_login(officer)
    return officer_client


def test_a_producer_submits_a_story_that_goes_live_only_when_an_officer_approves(
    client, producer_client, officer_client, salt_producer_page
):
    page = salt_producer_page
    response = producer_client.post(
        f"/cms/pages/{page.pk}/edit/", producer_page_form(page, "Câu chuyện mới của HTX.", "action-submit")
    )
    assert response.status_code == 302

    page.refresh_from_db()
    assert page.workflow_in_progress
    assert "Bản giới thiệu đang hiển thị." in client.get(page.url).content.decode()  # not live yet

    task_state = page.current_workflow_task_state
    approved = officer_client.post(f"/cms/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {})
    assert approved.status_code in (200, 302)

    assert "Câu chuyện mới của HTX." in client.get(page.url).content.decode()


def test_only_an_officer_of_the_producers_own_province_may_approve_its_content(
    client, producer_client, salt_producer_page
):
    page = salt_producer_page
    producer_client.post(
        f"/cms/pages/{page.pk}/edit/", producer_page_form(page, "Câu chuyện mới của HTX.", "action-submit")
    )
    page.refresh_from_db()
    approve = f"/cms/pages/workflow/action/{page.pk}/approve/{page.current_workflow_task_state.pk}/"
    province = page.producer.province_code
    elsewhere, own = _user("so-hue@example.vn"), _user("so-hcm@example.vn")
    grants.add_officer(elsewhere, province_code=46 if province != 46 else 79)
    grants.add_officer(own, province_code=province)
    other_officer, own_officer = Client(), Client()
    other_officer.force_login(elsewhere)
    own_officer.force_login(own)

    assert other_officer.post(approve, {}).status_code in (302, 403)  # Wagtail redirects a refused action
    page.refresh_from_db()
    assert page.workflow_in_progress and "Câu chuyện mới" not in client.get(page.url).content.decode()
    assert page.title in own_officer.get("/cms/").content.decode()  # "awaiting your review"
    assert page.title not in other_officer.get("/cms/").content.decode()

    assert own_officer.post(approve, {}).status_code in (200, 302)
    assert "Câu chuyện mới của HTX." in client.get(page.url).content.decode()


def test_a_producer_cannot_publish_directly(producer_client, salt_producer_page):
    page = salt_producer_page
    form = producer_page_form(page, "Tự đăng luôn.", "action-publish")
    producer_client.post(f"/cms/pages/{page.pk}/edit/", form)
    page.refresh_from_db()
    assert page.intro == "Bản giới thiệu đang hiển thị."


@pytest.mark.parametrize("action", ["edit", "add_subpage", "delete", "unpublish", "move", "copy"])
def test_a_producer_cannot_open_another_producers_page_in_the_admin(
    producer_client, fish_producer_page, action
):
    response = producer_client.get(f"/cms/pages/{fish_producer_page.pk}/{action}/")
    # Wagtail answers "permission denied" in its admin by a redirect to the dashboard, never the form.
    assert (response.status_code, response.get("Location")) in ((403, None), (302, "/cms/"))


def test_a_producer_cannot_change_another_producers_page(producer_client, fish_producer_page):
    page = fish_producer_page
    form = producer_page_form(page, "Sửa trộm.", "action-submit")
    response = producer_client.post(f"/cms/pages/{page.pk}/edit/", form)
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.intro == "Khô cá đù phơi nắng." and not page.workflow_in_progress
    assert not ProducerPage.objects.get(pk=page.pk).revisions.exists()


def test_a_producer_cannot_read_another_producers_draft(producer_client, fish_producer_page):
    fish_producer_page.intro = "Bản nháp chưa duyệt."
    fish_producer_page.save_revision()
    for view in ("view_draft", "revisions"):
        path = f"/cms/pages/{fish_producer_page.pk}/{view}/"
        response = producer_client.get(path)
        assert response.status_code in (302, 403, 404)
        assert "Bản nháp chưa duyệt." not in response.content.decode()


def test_in_the_dashboard_a_producer_sees_and_edits_only_its_own_products(
    producer_client, salt_producer_page
):
    own = salt_producer_page.producer.products.get()
    other = ProductFactory(title="Mắm tôm chua An Thới Đông")

    listing = producer_client.get("/dashboard/catalogue/")
    assert listing.status_code == 200
    assert own.title in listing.content.decode() and other.title not in listing.content.decode()
    assert producer_client.get(f"/dashboard/catalogue/products/{own.pk}/").status_code == 200
    assert producer_client.get(f"/dashboard/catalogue/products/{other.pk}/").status_code in (403, 404)
    assert producer_client.post(f"/dashboard/catalogue/products/{other.pk}/delete/").status_code in (403, 404)


def test_producer_page_subtree_belongs_to_its_editors_only(salt_producer_page, fish_producer_page):
    user = _user("editor@example.vn")
    grants.add_producer_user(user, salt_producer_page.producer)

    assert salt_producer_page.permissions_for_user(user).can_edit()
    assert not salt_producer_page.permissions_for_user(user).can_publish()
    assert not fish_producer_page.permissions_for_user(user).can_edit()
    assert not Page.objects.get(depth=2).specific.permissions_for_user(user).can_edit()


def _story_form(product_id, action="action-submit", title="Câu chuyện muối", slug="cau-chuyen-muoi"):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    return nested_form_data({
        "title": title, "slug": slug, "product": product_id, "summary": "Muối phơi nắng.", "cover": "",
        "body": streamfield([("section", {"kind": "process", "text": rich_text("<p>Cào</p>"), "image": ""})]),
        "seo_title": "", "search_description": "", action: "1",
    })


def test_a_producer_writes_a_story_of_its_own_product(producer_client, salt_producer_page):
    from storefront.models import ProductStoryPage

    salt = salt_producer_page.producer.products.get()
    form = producer_client.get(f"/cms/pages/add/storefront/productstorypage/{salt_producer_page.pk}/")
    assert list(form.context["form"].fields["product"].queryset) == [salt]  # not other producers'

    producer_client.post(f"/cms/pages/add/storefront/productstorypage/{salt_producer_page.pk}/",
                         _story_form(salt.pk))
    assert ProductStoryPage.objects.get().product == salt


def test_a_producer_cannot_attach_a_story_to_another_producers_product(
    producer_client, salt_producer_page, fish_producer_page
):
    from storefront.models import ProductStoryPage
    from tests.factories import story_page

    fish = fish_producer_page.producer.products.get()
    added = producer_client.post(f"/cms/pages/add/storefront/productstorypage/{salt_producer_page.pk}/",
                                 _story_form(fish.pk))  # a crafted POST: the list never offers it
    assert added.status_code == 200 and "product" in added.context["form"].errors
    assert not ProductStoryPage.objects.exists()

    own = story_page(salt_producer_page.producer.products.get())
    edited = producer_client.post(f"/cms/pages/{own.pk}/edit/",
                                  _story_form(fish.pk, title=own.title, slug=own.slug))
    own.refresh_from_db()
    assert edited.status_code == 200 and own.get_latest_revision_as_object().product != fish
    assert own.product != fish


def test_a_story_of_another_producers_product_is_refused_whatever_the_way_in(
    salt_producer_page, fish_producer_page
):
    from django.core.exceptions import ValidationError

    from storefront.models import NOT_THE_PRODUCERS_PRODUCT, ProductStoryPage

    fish = fish_producer_page.producer.products.get()
    with pytest.raises(ValidationError) as refused:
        salt_producer_page.add_child(instance=ProductStoryPage(
            product=fish, title="Câu chuyện", slug="cau-chuyen", summary="x", body=[]))
    assert refused.value.message_dict["product"] == [str(NOT_THE_PRODUCERS_PRODUCT)]
    assert not ProductStoryPage.objects.exists()


def _submit(producer_client, page):
    form = producer_page_form(page, "Câu chuyện mới.", "action-submit")
    producer_client.post(f"/cms/pages/{page.pk}/edit/", form)
    page.refresh_from_db()
    return page.current_workflow_task_state


def test_the_producer_is_emailed_in_vietnamese_when_its_page_is_approved(
    producer_client, officer_client, salt_producer_page, mailoutbox
):
    task_state = _submit(producer_client, salt_producer_page)
    mailoutbox.clear()
    officer_client.post(f"/cms/pages/workflow/action/{salt_producer_page.pk}/approve/{task_state.pk}/", {})

    [email] = [m for m in mailoutbox if m.to == ["htx-ly-nhon@example.vn"]]
    assert "đã được duyệt" in email.subject and "Chào" in email.body


def test_the_producer_is_emailed_the_officers_comment_when_its_page_is_returned(
    producer_client, officer_client, salt_producer_page, mailoutbox
):
    task_state = _submit(producer_client, salt_producer_page)
    mailoutbox.clear()
    officer_client.post(f"/cms/pages/workflow/action/{salt_producer_page.pk}/reject/{task_state.pk}/",
                        {"comment": "Ảnh bìa mờ, hãy thay ảnh."})

    [email] = [m for m in mailoutbox if m.to == ["htx-ly-nhon@example.vn"]]
    assert "trả lại để sửa" in email.subject
    assert "Góp ý của cán bộ: «Ảnh bìa mờ, hãy thay ảnh.»" in email.body
    assert f"/cms/pages/{salt_producer_page.pk}/edit/" in email.body


def test_a_producer_translates_its_page_into_korean_and_an_officer_approves_the_translation(
    client, producer_client, officer_client, salt_producer_page
):
    page, korean = salt_producer_page, Locale.objects.get(language_code="ko")
    index = page.get_parent().specific  # the administrator has translated the producers' index
    index.copy_for_translation(korean, copy_parents=True).save_revision().publish()

    translated = producer_client.post(f"/cms/translation/submit/page/{page.pk}/", {"locales": [korean.pk]})
    assert translated.status_code == 302
    copy = page.get_translation(korean).specific
    form = producer_page_form(copy, "껀저 바닷가의 소금 협동조합.", "action-submit")
    submitted = producer_client.post(f"/cms/pages/{copy.pk}/edit/", form)
    assert submitted.status_code == 302
    copy.refresh_from_db()
    assert copy.workflow_in_progress and not copy.live  # a producer never publishes, in any language

    task_state = copy.current_workflow_task_state
    officer_client.post(f"/cms/pages/workflow/action/{copy.pk}/approve/{task_state.pk}/", {})

    assert "껀저 바닷가의 소금 협동조합." in client.get(page.url, {"lang": "ko"}).content.decode()
    assert "Bản giới thiệu đang hiển thị." in client.get(page.url, {"lang": "vi"}).content.decode()
