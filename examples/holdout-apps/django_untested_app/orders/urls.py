from django.urls import path

from orders import views

app_name = "orders"
urlpatterns = [
    path("", views.order_list, name="list"),
    path("<int:pk>/", views.order_detail, name="detail"),
    path("<int:pk>/cancel/", views.order_cancel, name="cancel"),
    path("<int:pk>/receipt/", views.ReceiptView.as_view(), name="receipt"),
    path("export/", views.export_orders, name="export"),
]
