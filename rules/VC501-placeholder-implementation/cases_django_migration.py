"""VC501 corpus: a Django migration's module-level stand-ins; a placeholder note still counts."""
from django.db import migrations, models


# ok: VC501 -- a stand-in for a validator older migrations name
def key_validator():
    pass  # Fake function, enough for migrations


# expect: VC501 -- the note says the data step is unfinished
def backfill_keys(apps, schema_editor):
    pass  # TODO: copy the keys over


class Migration(migrations.Migration):
    dependencies = [("two_factor", "0001_initial")]
    operations = [
        migrations.AlterField("phonedevice", "key", models.CharField(max_length=40, validators=[key_validator])),
        migrations.RunPython(backfill_keys),
    ]
