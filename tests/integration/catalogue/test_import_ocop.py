import pytest
from django.core.management import CommandError, call_command

from catalogue import importing
from catalogue.models import (
    FIVE_STARS_NATIONAL_ONLY,
    REVOCATION_INCOMPLETE,
    SCORE_OUTSIDE_BAND,
    STARS_NOT_CERTIFIED,
    Certificate,
    Producer,
    Product,
    RecognitionDecision,
)
from tests.ocop_files import csv_bytes, ocop_row, xlsx_bytes

pytestmark = pytest.mark.django_db


def _write(tmp_path, rows, name="decisions.csv"):
    path = tmp_path / name
    path.write_bytes(xlsx_bytes(rows) if name.endswith(".xlsx") else csv_bytes(rows))
    return path


def _state():
    return (
        list(Certificate.objects.order_by("pk").values()),
        list(Product.objects.order_by("pk").values_list("upc", "title")),
        list(Producer.objects.order_by("pk").values_list("name", "tax_code")),
        RecognitionDecision.objects.count(),
    )


def test_a_good_file_creates_producers_products_and_certificates_that_are_listed(tmp_path, capsys):
    path = _write(tmp_path, [ocop_row(n) for n in range(1, 6)])

    call_command("import_ocop", str(path))

    assert Product.objects.browsable().count() == 5
    product = Product.objects.get(upc="OCOP-T00001")
    assert product.certificates.get().stars == 4
    assert product.producer.partner.name == product.producer.name
    assert product.origin_province_name == "Tây Ninh"
    assert "chứng nhận mới: 5" in capsys.readouterr().out


def test_reimporting_the_same_file_changes_nothing(tmp_path, capsys):
    path = _write(tmp_path, [ocop_row(n) for n in range(1, 4)])
    call_command("import_ocop", str(path))
    before = _state()

    call_command("import_ocop", str(path))

    assert _state() == before
    assert "dòng không thay đổi: 3" in capsys.readouterr().out


def test_a_bad_file_reports_every_bad_row_and_changes_nothing(tmp_path, capsys):
    rows = [
        ocop_row(1),
        ocop_row(2, province="Tỉnh Không Có"),
        ocop_row(3, stars="2", score="45"),
        ocop_row(4, score="95"),
        ocop_row(5, decision_date="31/02/2025"),
        ocop_row(6, gtin="8930000000001"),
        ocop_row(7, status="revoked", revocation_decision="9/QĐ-UBND"),
        ocop_row(8, stars="5", score="92"),
    ]
    path = _write(tmp_path, rows)

    with pytest.raises(CommandError):
        call_command("import_ocop", str(path))

    errors = capsys.readouterr().err
    assert Product.objects.count() == 0 and RecognitionDecision.objects.count() == 0
    assert "Dòng 3: " + importing.UNKNOWN_PROVINCE.format(value="Tỉnh Không Có") in errors
    assert "Dòng 4: " + STARS_NOT_CERTIFIED in errors
    assert "Dòng 5: " + SCORE_OUTSIDE_BAND % {"score": 95, "stars": 4} in errors
    assert "Dòng 6: " + importing.BAD_DATE.format(column="decision_date", value="31/02/2025") in errors
    assert "Dòng 7: " + importing.BAD_GTIN.format(value="8930000000001") in errors
    assert "Dòng 8: " + REVOCATION_INCOMPLETE in errors
    assert "Dòng 9: " + FIVE_STARS_NATIONAL_ONLY in errors
    assert "Dòng 2:" not in errors


def test_a_revocation_file_revokes_and_the_products_leave_every_list(tmp_path):
    call_command("import_ocop", str(_write(tmp_path, [ocop_row(n) for n in range(1, 11)])))
    revocations = [
        ocop_row(
            n, status="revoked", revocation_decision="77/QĐ-UBND", revoked_on="01/06/2025",
            revocation_reason="Vi phạm an toàn thực phẩm",
        )
        for n in range(1, 4)
    ]

    call_command("import_ocop", str(_write(tmp_path, revocations, "revocations.csv")))

    assert Product.objects.browsable().count() == 7
    revoked = Certificate.objects.get(product__upc="OCOP-T00001")
    assert revoked.status == Certificate.Status.REVOKED
    assert revoked.revocation_decision_number == "77/QĐ-UBND"


def test_a_renewal_supersedes_the_old_certificate_without_a_gap(tmp_path):
    call_command("import_ocop", str(_write(tmp_path, [ocop_row(1, decision_date="01/01/2024")])))
    renewal = ocop_row(1, decision_number="88/QĐ-UBND", decision_date="01/01/2025", stars="5", score="91",
                       level="national", issuer="Bộ Nông nghiệp và Môi trường")

    call_command("import_ocop", str(_write(tmp_path, [renewal], "renewal.csv")))

    new = Certificate.objects.get(decision__number="88/QĐ-UBND")
    assert new.supersedes.status == Certificate.Status.SUPERSEDED
    assert Product.objects.browsable().filter(upc="OCOP-T00001").exists()


def test_dry_run_reports_and_changes_nothing(tmp_path, capsys):
    call_command("import_ocop", str(_write(tmp_path, [ocop_row(1)])), dry_run=True)

    assert Product.objects.count() == 0
    assert "chứng nhận mới: 1" in capsys.readouterr().out


def test_xlsx_files_import_like_csv(tmp_path):
    call_command("import_ocop", str(_write(tmp_path, [ocop_row(1), ocop_row(2)], "decisions.xlsx")))
    assert Product.objects.browsable().count() == 2


def test_an_unreadable_file_is_rejected_with_a_clear_message(tmp_path, capsys):
    path = tmp_path / "decisions.xlsx"
    path.write_bytes(b"not a spreadsheet")

    with pytest.raises(CommandError):
        call_command("import_ocop", str(path))

    assert importing.UNREADABLE_FILE in capsys.readouterr().err


TAY_NINH, HUE = 80, 46


def _officer(django_user_model, province=TAY_NINH):
    from access.grants import add_certification_officer

    user = django_user_model.objects.create_user(f"officer-{province}", "officer@ocop.vn", "pw")
    add_certification_officer(user, province)
    return user


def test_officer_uploads_previews_and_confirms_an_import_in_the_admin(client, django_user_model):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(_officer(django_user_model))
    upload = SimpleUploadedFile("decisions.csv", csv_bytes([ocop_row(1), ocop_row(2)]), "text/csv")

    preview = client.post("/cms/ocop/import/", {"file": upload})

    assert preview.status_code == 200
    assert "chứng nhận mới: 2" in preview.content.decode()
    assert Product.objects.count() == 0  # nothing written before confirmation

    confirmed = client.post("/cms/ocop/import/", {"confirm": "1"}, follow=True)

    assert Product.objects.browsable().count() == 2
    assert "Đã nhập tệp decisions.csv" in confirmed.content.decode()


def test_admin_import_shows_every_row_error_and_writes_nothing(client, django_user_model):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(_officer(django_user_model))
    upload = SimpleUploadedFile("bad.csv", csv_bytes([ocop_row(1, stars="7"), ocop_row(2, level="x")]))

    page = client.post("/cms/ocop/import/", {"file": upload}).content.decode()

    assert "Dòng 2:" in page and "Dòng 3:" in page
    assert Product.objects.count() == 0


def test_admin_import_is_forbidden_to_anyone_but_certification_officers(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("editor", "editor@ocop.vn", "pw", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="add_certificate")
    )
    client.force_login(user)

    response = client.get("/cms/ocop/import/")

    # Wagtail turns PermissionDenied in its admin into a redirect to the dashboard.
    assert (response.status_code, response.url) == (302, "/cms/")


def test_an_officer_imports_only_its_own_provinces_rows(client, django_user_model):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(_officer(django_user_model, HUE))
    hue_row = ocop_row(1, province="Huế", commune="")
    upload = SimpleUploadedFile("mixed.csv", csv_bytes([hue_row, ocop_row(2)]), "text/csv")

    page = client.post("/cms/ocop/import/", {"file": upload}).content.decode()

    assert "Dòng 3: " + importing.OUTSIDE_PROVINCE.format(province="Tây Ninh", own="Thành phố Huế") in page
    assert "Dòng 2:" not in page
    assert Product.objects.count() == 0


def test_an_officer_cannot_change_another_provinces_product_by_naming_it(client, django_user_model):
    """A Tây Ninh product revoked from a file an officer of Huế sends, its row claiming Huế."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    importing.import_ocop(csv_bytes([ocop_row(1)]), "tay-ninh.csv")
    client.force_login(_officer(django_user_model, HUE))
    claim = ocop_row(1, province="Huế", commune="", status="revoked", revocation_decision="9/QĐ",
                     revoked_on="01/04/2025", revocation_reason="Giả mạo")
    upload = SimpleUploadedFile("claim.csv", csv_bytes([claim]), "text/csv")

    page = client.post("/cms/ocop/import/", {"file": upload}).content.decode()

    assert "sản phẩm OCOP-T00001 thuộc chủ thể ở Tây Ninh" in page
    assert Product.objects.browsable().count() == 1
