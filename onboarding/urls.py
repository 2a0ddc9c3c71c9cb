from django.urls import path

from onboarding import views

app_name = "onboarding"
urlpatterns = [path("moi/<str:key>/", views.accept, name="accept")]
