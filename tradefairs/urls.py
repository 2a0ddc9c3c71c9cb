from django.urls import path

from tradefairs import views

app_name = "tradefairs"
urlpatterns = [path("hoi-cho/<slug:slug>/", views.fair_detail, name="detail")]
