"""VC428 corpus (Django, DRF): page sizes from the query string fire; capped paginators and validated forms do not."""
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from rest_framework.pagination import LimitOffsetPagination, PageNumberPagination
from rest_framework.views import APIView

from .forms import PageForm
from .models import Article

MAX_PAGE_SIZE = 100


class ArticlePagination(PageNumberPagination):
    page_size = 20
    # expect: VC428
    page_size_query_param = "page_size"


class CappedPagination(PageNumberPagination):
    page_size = 20
    # ok: VC428
    page_size_query_param = "page_size"
    max_page_size = 100


class FixedPagination(PageNumberPagination):
    # ok: VC428
    page_size = 20


# expect: VC428
class OpenLimitPagination(LimitOffsetPagination):
    default_limit = 20


# ok: VC428
class CappedLimitPagination(LimitOffsetPagination):
    default_limit = 20
    max_limit = 200


def article_list(request):
    per_page = request.GET.get("per_page", 25)
    # expect: VC428
    paginator = Paginator(Article.objects.order_by("-published"), per_page)
    page = paginator.get_page(request.GET.get("page"))
    return JsonResponse({"titles": [a.title for a in page]})


def article_list_capped(request):
    per_page = min(int(request.GET.get("per_page", 25)), MAX_PAGE_SIZE)
    # ok: VC428
    paginator = Paginator(Article.objects.order_by("-published"), per_page)
    return JsonResponse({"titles": [a.title for a in paginator.get_page(request.GET.get("page"))]})


def latest(request):
    count = int(request.GET.get("count", "10"))
    articles = Article.objects.filter(published=True).order_by("-published")
    # expect: VC428
    return JsonResponse({"titles": [a.title for a in articles[:count]]})


def latest_offset(request):
    offset = int(request.GET.get("offset", "0"))
    # ok: VC428
    articles = Article.objects.order_by("-published")[offset:offset + 20]
    return JsonResponse({"titles": [a.title for a in articles]})


def latest_form(request):
    form = PageForm(request.GET)
    if not form.is_valid():
        return JsonResponse(form.errors, status=400)
    # ok: VC428
    articles = Article.objects.order_by("-published")[:form.cleaned_data["count"]]
    return JsonResponse({"titles": [a.title for a in articles]})


def raw_body(request):
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    # expect: VC428
    data = request.read(length)
    return HttpResponse(str(len(data)))


def raw_body_capped(request):
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    if length > 1_000_000:
        return HttpResponse(status=413)
    # ok: VC428
    data = request.read(length)
    return HttpResponse(str(len(data)))


class ExportView(APIView):
    def get(self, request):
        rows = int(self.request.query_params.get("rows", 100))
        # expect: VC428
        return JsonResponse({"rows": list(Article.objects.values_list("id", flat=True)[:rows])})


def sitemap_index(request, sitemaps, template_name="sitemap_index.xml"):
    pages = []
    for site in sitemaps.values():
        # ok: VC428
        pages.extend(range(1, site.paginator.num_pages + 1))
    return JsonResponse({"pages": pages})


def paginate(request: HttpRequest, num_items: int, items_per_page: int = 100) -> tuple[int, int]:
    # ok: VC428 -- a helper declared to return plain data: the views hand it their own counts
    paginator = Paginator(range(num_items), items_per_page)
    return paginator.num_pages, paginator.count


def page_size(request: HttpRequest, default: int = 20) -> int:
    # expect: VC428 -- the request itself is still the client's inside such a helper
    return len(list(range(int(request.GET.get("size", default)))))


def report_rows(request: HttpRequest, rows: int):
    # expect: VC428 -- no return annotation: a view, `rows` a capture of its URL
    return JsonResponse({"rows": list(range(rows))})
