from django import template
from django.utils.safestring import SafeString

from blog.rendering import render_body

register = template.Library()


@register.filter
def rendered(body: str) -> SafeString:
    return render_body(body)
