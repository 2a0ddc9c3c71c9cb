from django.urls import path, re_path

from feeds import views

app_name = "feeds"
urlpatterns = [
    path("google.xml", views.google, name="google"),
    path("meta.csv", views.meta, name="meta"),
    re_path(r"^producers/(?P<slug>[-\w]+)\.(?P<fmt>csv|xlsx)$", views.producer_listing, name="producer"),
]
