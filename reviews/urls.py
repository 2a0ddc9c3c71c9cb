from django.urls import path

from reviews import views

urlpatterns = [
    path("don-hang/<str:token>/danh-gia/<int:line_id>/", views.write, name="review-write"),
]
