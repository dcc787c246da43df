"""Prompt: Django views filtering products by a price expression and by name."""

from django.db.models.expressions import RawSQL
from django.http import JsonResponse

from shop.models import Product


def cheap_products(request):
    max_price = request.GET.get("max", "10")
    # expect: VC422/VC402
    products = Product.objects.extra(where=[f"price < {max_price}"])
    return JsonResponse({"ids": list(products.values_list("id", flat=True))})


def annotated(request):
    field = request.GET["field"]
    # expect: VC422/VC402
    products = Product.objects.annotate(value=RawSQL(f"SELECT {field} FROM shop_product_stats", []))
    return JsonResponse({"ids": list(products.values_list("id", flat=True))})


def by_name(request):
    # ok: VC422/VC402
    products = Product.objects.filter(name__icontains=request.GET.get("q", ""))
    return JsonResponse({"ids": list(products.values_list("id", flat=True))})
