from django.db import migrations, models

class Migration(migrations.Migration):

    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Clock",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(choices=[("listing", "sản phẩm được bày bán và thứ tự của chúng"), ("prices", "giá bán"), ("content", "nội dung biên tập")], max_length=16)),
                ("stripe", models.PositiveSmallIntegerField()),
                ("value", models.BigIntegerField(default=0)),
            ],
            options={"verbose_name": "đồng hồ làm mới trang"},
        ),
        migrations.AddConstraint(
            model_name="clock",
            constraint=models.UniqueConstraint(fields=("kind", "stripe"), name="clock_stripe_unique"),
        ),
    ]
