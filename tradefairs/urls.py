from django.urls import path

from tradefairs import views

app_name = "tradefairs"
urlpatterns = [
    path("hoi-cho/<slug:slug>/", views.fair_detail, name="detail"),
    path("hoi-cho/<slug:slug>/catalogue.pdf", views.fair_catalogue, name="catalogue"),
]
