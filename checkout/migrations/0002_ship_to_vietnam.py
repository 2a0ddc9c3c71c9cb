"""The shop delivers in Việt Nam only: checkout's address form needs it as a shipping country.

Without it a fresh site's checkout cannot be completed (the country list is empty).
"""

from django.db import migrations


def ship_to_vietnam(apps, schema_editor):
    Country = apps.get_model("address", "Country")
    Country.objects.update_or_create(
        iso_3166_1_a2="VN",
        defaults={"iso_3166_1_a3": "VNM", "iso_3166_1_numeric": "704", "printable_name": "Việt Nam",
                  "name": "Cộng hòa Xã hội Chủ nghĩa Việt Nam", "is_shipping_country": True},
    )


class Migration(migrations.Migration):
    dependencies = [("checkout", "0001_initial"), ("address", "0007_useraddress_code")]

    operations = [migrations.RunPython(ship_to_vietnam, migrations.RunPython.noop)]
