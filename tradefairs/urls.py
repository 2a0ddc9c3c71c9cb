from django.urls import path

from tradefairs import views

app_name = "tradefairs"
urlpatterns = [
    path("hoi-cho/", views.fair_list, name="list"),
    path("hoi-cho/<slug:slug>/", views.fair_detail, name="detail"),
    path("hoi-cho/<slug:slug>/lich.ics", views.fair_ical, name="ical"),
    path("hoi-cho/<slug:slug>/catalogue.pdf", views.fair_catalogue, name="catalogue"),
]
