import pytest

from tests.factories import CertificateFactory, ProductFactory

pytestmark = pytest.mark.django_db


def test_staff_see_every_certificate_with_its_live_status_in_the_admin(admin_client):
    expired_product = ProductFactory(certificate=None, title="Khô mực Cần Giờ hết hạn")
    CertificateFactory(product=expired_product, expired=True)
    revoked_product = ProductFactory(certificate=None, title="Mắm tôm chua bị thu hồi")
    CertificateFactory(product=revoked_product, revoked=True)

    page = admin_client.get("/cms/snippets/catalogue/certificate/").content.decode()

    assert "Khô mực Cần Giờ hết hạn" in page and "Đã hết hạn" in page
    assert "Mắm tôm chua bị thu hồi" in page and "Đã thu hồi" in page


def test_staff_see_producers_and_decisions_in_the_admin(admin_client):
    certificate = CertificateFactory()

    producers = admin_client.get("/cms/snippets/catalogue/producer/")
    decisions = admin_client.get("/cms/snippets/catalogue/recognitiondecision/")

    assert certificate.product.producer.name in producers.content.decode()
    assert certificate.decision.number in decisions.content.decode()


def test_oscar_dashboard_still_lists_products_that_are_not_listable(admin_client):
    product = ProductFactory(certificate=None, title="Rượu Kim Sơn hết hạn")
    CertificateFactory(product=product, expired=True)

    page = admin_client.get("/dashboard/catalogue/").content.decode()

    assert "Rượu Kim Sơn hết hạn" in page


def test_a_decision_scan_must_be_a_pdf_of_at_most_10_mb():
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories import RecognitionDecisionFactory

    decision = RecognitionDecisionFactory.build()
    decision.document = SimpleUploadedFile("scan.exe", b"MZ")
    with pytest.raises(ValidationError) as not_pdf:
        decision.full_clean()
    decision.document = SimpleUploadedFile("scan.pdf", b"%PDF" + b"0" * (10 * 1024 * 1024))
    with pytest.raises(ValidationError) as too_big:
        decision.full_clean()

    assert "document" in not_pdf.value.message_dict
    assert "10 MB" in str(too_big.value.message_dict["document"])
