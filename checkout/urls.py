"""The shop's own URLs outside Oscar's: following an order, and the bank's transfer notices."""

from django.urls import path

from checkout import views, webhooks

urlpatterns = [
    path("tra-cuu-don-hang/", views.order_lookup, name="order-lookup"),
    path("don-hang/<str:token>/", views.order_page, name="order-page"),
    path("webhooks/chuyen-khoan/", webhooks.bank_transfer_webhook, name="bank-transfer-webhook"),
]
