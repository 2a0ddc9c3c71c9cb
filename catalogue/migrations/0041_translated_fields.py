from django.db import migrations, models
from django.db.models import F

# The product groups' names for Chinese and Korean visitors (machine translations, to be reviewed).
GROUP_NAMES = {
    "thuc-pham": ("食品", "식품"),
    "do-uong": ("饮品", "음료"),
    "thao-duoc": ("草药产品", "약초 제품"),
    "thu-cong-my-nghe": ("手工艺品", "수공예품"),
    "sinh-vat-canh": ("观赏动植物", "관상용 동식물"),
    "du-lich": ("社区旅游和生态旅游服务", "지역사회 및 생태 관광 서비스"),
}


def vietnamese_first(apps, schema_editor):
    """The text written so far is the Vietnamese translation."""
    Product = apps.get_model("catalogue", "Product")
    Product.objects.update(title_vi=F("title"), description_vi=F("description"))
    ProductGroup = apps.get_model("catalogue", "ProductGroup")
    ProductGroup.objects.update(name_vi=F("name"))
    for code, (chinese, korean) in GROUP_NAMES.items():
        ProductGroup.objects.filter(code=code).update(name_zh_hans=chinese, name_ko=korean)


class Migration(migrations.Migration):

    dependencies = [
        ('catalogue', '0040_row_version'),
    ]

    operations = [
        migrations.AddField(
            model_name='product',
            name='description_en',
            field=models.TextField(blank=True, null=True, verbose_name='Description'),
        ),
        migrations.AddField(
            model_name='product',
            name='description_ko',
            field=models.TextField(blank=True, null=True, verbose_name='Description'),
        ),
        migrations.AddField(
            model_name='product',
            name='description_vi',
            field=models.TextField(blank=True, null=True, verbose_name='Description'),
        ),
        migrations.AddField(
            model_name='product',
            name='description_zh_hans',
            field=models.TextField(blank=True, null=True, verbose_name='Description'),
        ),
        migrations.AddField(
            model_name='product',
            name='title_en',
            field=models.CharField(blank=True, max_length=255, null=True, verbose_name='Title'),
        ),
        migrations.AddField(
            model_name='product',
            name='title_ko',
            field=models.CharField(blank=True, max_length=255, null=True, verbose_name='Title'),
        ),
        migrations.AddField(
            model_name='product',
            name='title_vi',
            field=models.CharField(blank=True, max_length=255, null=True, verbose_name='Title'),
        ),
        migrations.AddField(
            model_name='product',
            name='title_zh_hans',
            field=models.CharField(blank=True, max_length=255, null=True, verbose_name='Title'),
        ),
        migrations.AddField(
            model_name='productgroup',
            name='name_ko',
            field=models.CharField(max_length=128, null=True, verbose_name='tên'),
        ),
        migrations.AddField(
            model_name='productgroup',
            name='name_vi',
            field=models.CharField(max_length=128, null=True, verbose_name='tên'),
        ),
        migrations.AddField(
            model_name='productgroup',
            name='name_zh_hans',
            field=models.CharField(max_length=128, null=True, verbose_name='tên'),
        ),
        migrations.AlterField(
            model_name='productgroup',
            name='name_en',
            field=models.CharField(max_length=128, null=True, verbose_name='tên'),
        ),
        migrations.RunPython(vietnamese_first, migrations.RunPython.noop),
    ]
