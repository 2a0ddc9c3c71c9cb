from django.urls import path

from salespoints import views

app_name = "salespoints"
urlpatterns = [
    path("diem-ban/", views.sales_point_list, name="list"),
    path("diem-ban/<slug:slug>/", views.sales_point_detail, name="detail"),
    path("diem-ban/<slug:slug>/quan-ly/", views.sales_point_keep, name="keep"),
]
