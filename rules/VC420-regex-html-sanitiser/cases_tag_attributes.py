"""VC420 corpus: a tag put back with attributes added reformats trusted markup; it removes nothing."""
from django.utils.html import format_html, mark_safe
from markupsafe import Markup, escape


def icon(svg, attrs):
    # ok: VC420 -- the file's own <svg> tag gets attributes (django-debug-toolbar 8.0.0's icon tag)
    return mark_safe(svg.replace("<svg ", format_html("<svg {} ", attrs), 1))


def icon_markup(svg, css_class):
    # ok: VC420 -- markupsafe builds the same tag with a class
    return Markup(svg.replace("<svg ", Markup('<svg class="{}" ').format(css_class), 1))


def icon_fstring(svg, size):
    # ok: VC420 -- an f-string puts the tag back
    return mark_safe(svg.replace("<svg ", f'<svg width="{size}" ', 1))


def escaped_tag(bio):
    # expect: VC420 -- an escape of the tag is still a filter that misses other spellings
    return mark_safe(bio.replace("<script", escape("<script")))


def built_elsewhere(bio, attrs):
    # expect: VC420 -- markup built without the tag removes it
    return mark_safe(bio.replace("<script", format_html("<b {}>", attrs)))
