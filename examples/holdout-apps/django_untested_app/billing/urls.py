from django.urls import path

from billing import views

app_name = "billing"
urlpatterns = [path("<int:pk>/", views.invoice_detail, name="invoice")]
