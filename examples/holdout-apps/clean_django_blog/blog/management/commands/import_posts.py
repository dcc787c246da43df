"""`manage.py import_posts export.xml --author ada`: import posts from the old platform's XML export."""

from pathlib import Path

# expect: VC504 -- defusedxml is not among the declared dependencies (found by the blind run)
from defusedxml import ElementTree as SafeET
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from blog.models import Post


class Command(BaseCommand):
    help = "Import posts from an XML export, as drafts of one author"

    def add_arguments(self, parser) -> None:
        parser.add_argument("export", type=Path)
        parser.add_argument("--author", required=True)

    def handle(self, *args, export: Path, author: str, **options) -> None:
        try:
            # ok: VC416
            root = SafeET.parse(export).getroot()
        except (OSError, SafeET.ParseError) as exc:
            raise CommandError(f"cannot read {export}: {exc}") from exc
        try:
            # ok: VC214 -- the operator names the author on the command line
            owner = get_user_model().objects.get(username=author)
        except get_user_model().DoesNotExist as exc:
            raise CommandError(f"no user {author!r}") from exc
        with transaction.atomic():
            created = 0
            for item in root.iter("post"):
                # ok: VC215
                Post.objects.create(author=owner, title=item.findtext("title", "")[:200], body=item.findtext("body", ""))
                created += 1
        self.stdout.write(self.style.SUCCESS(f"imported {created} drafts for {author}"))
