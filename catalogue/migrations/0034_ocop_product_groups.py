from django.db import migrations

# The six OCOP product groups of Decision 148/QĐ-TTg, kept as data.
GROUPS = [
    ("thuc-pham", "Thực phẩm", "Food"),
    ("do-uong", "Đồ uống", "Beverages"),
    ("thao-duoc", "Thảo dược", "Herbal products"),
    ("thu-cong-my-nghe", "Thủ công mỹ nghệ", "Handicrafts"),
    ("sinh-vat-canh", "Sinh vật cảnh", "Ornamental plants and animals"),
    ("du-lich", "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch", "Community and eco-tourism services"),
]


def create_groups(apps, schema_editor):
    ProductGroup = apps.get_model("catalogue", "ProductGroup")
    for position, (code, name, name_en) in enumerate(GROUPS):
        ProductGroup.objects.update_or_create(
            code=code, defaults={"name": name, "name_en": name_en, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0033_productgroup_recognitiondecision_product_gtin_and_more")]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
