from django.contrib import admin

from .models import Post, Subscriber


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["title", "author", "status", "created"]
    list_filter = ["status"]
    search_fields = ["title", "body"]
    readonly_fields = ["newsletter_opens", "newsletter_sent", "newsletter_recipients"]


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "active", "created"]
    # ok: VC215 -- staff edit subscribers in the admin
    fields = ["email", "active"]
