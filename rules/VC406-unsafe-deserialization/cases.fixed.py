"""VC406 corpus: loading code-carrying formats from outside data fires; safe loaders and repo files do not."""
import hashlib
import hmac
import io
import json
import marshal
import pickle
from marshal import loads as unmarshal
from pathlib import Path

import joblib
import numpy as np
import torch
import yaml
import yaml as pyyaml
from yaml import CSafeLoader
from marshmallow import Schema
from yaml import safe_load as load_yaml

MODEL_PATH = "models/classifier.joblib"
HERE = Path(__file__).parent
CACHE_DIR = Path("/var/cache/app")


def cookie_session(request):
    # expect: VC406
    return pickle.loads(request.cookies["session"].encode("latin-1"))


def uploaded_file(upload):
    # expect: VC406
    return pickle.load(upload.stream)


def opened_from_a_parameter(path):
    with open(path, "rb") as handle:
        # expect: VC406
        return pickle.load(handle)


def cache_value(redis, key):
    blob = redis.get(key)
    # expect: VC406
    return pickle.loads(blob)


def yaml_without_loader(text):
    # expect: VC406
    return yaml.safe_load(text)


def yaml_full_loader(stream):
    # expect: VC406
    return yaml.safe_load(stream)


def yaml_unsafe(stream):
    # expect: VC406
    return yaml.safe_load(stream)


def yaml_aliased_module_with_its_loader(stream):
    # expect: VC406
    return pyyaml.safe_load(stream)


def yaml_positional_loader(stream):
    # expect: VC406
    documents = yaml.safe_load_all(stream)
    return list(documents)


def yaml_unsafe_all_over_lines(stream):
    # expect: VC406
    return yaml.safe_load_all(
        stream,
    )


def yaml_function_imported_by_name(text):
    # expect: VC406 -- fixed in its import: `from yaml import safe_load as load_yaml`
    return load_yaml(text)


class ProjectLoader(yaml.Loader):
    """A loader a project extends with its own tags."""


def yaml_project_loader(stream):
    # expect: VC406 -- reported; no fix (`safe_load` would not know the project's tags)
    return yaml.load(stream, Loader=ProjectLoader)


def yaml_loader_derived_from_the_safe_one(stream):
    # ok: VC406 -- `TupleLoader` (below) derives from `yaml.SafeLoader`
    return yaml.load(stream, Loader=TupleLoader)


def yaml_loader_derived_through_another(stream):
    # ok: VC406
    return yaml.load(stream, Loader=StrictTupleLoader)


def yaml_loader_defined_in_the_function(stream):
    class NoDatesLoader(yaml.SafeLoader):
        """The safe loader, without the implicit timestamp resolver."""

    # ok: VC406 -- a safe loader the function derives for its own loads
    return yaml.load(stream, Loader=NoDatesLoader)


class TupleLoader(yaml.SafeLoader):
    """A safe loader that also builds tuples."""


class StrictTupleLoader(TupleLoader):
    """Derived from a safe loader of this module."""


class ProjectFullLoader(ProjectLoader):
    """Derived from an unsafe loader of this module."""


FastSafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
LibyamlLoader = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
FastLoader = getattr(yaml, "CLoader", yaml.Loader)
MixedLoader = getattr(yaml, "CSafeLoader", yaml.FullLoader)


def yaml_loader_bound_to_the_fastest_safe_one(stream, fallback):
    # ok: VC406 -- the C safe loader where PyYAML was built with libyaml, else the Python one
    first = yaml.load(stream, Loader=FastSafeLoader)
    # ok: VC406 -- the same choice written as a conditional
    second = yaml.load(fallback, Loader=LibyamlLoader)
    return first, second


def yaml_loader_bound_to_the_fastest_unsafe_one(stream, fallback):
    # expect: VC406
    first = yaml.load(stream, Loader=FastLoader)
    # expect: VC406
    second = yaml.load(fallback, Loader=MixedLoader)
    return first, second


def yaml_loader_derived_from_an_unsafe_one(stream):
    # expect: VC406
    return yaml.load(stream, Loader=ProjectFullLoader)


def load_program(path, allow_pickle=False):
    if not allow_pickle:
        raise ValueError("Loading with pickle is not allowed: pass `allow_pickle=True` for files you trust.")
    with open(path, "rb") as handle:
        # ok: VC406 -- only for a caller who opted in
        return pickle.load(handle)


def load_index(path, *, allow_dangerous_deserialization=None):
    if allow_dangerous_deserialization:
        # ok: VC406
        return pickle.loads(Path(path).read_bytes())
    return None


def load_with_opt_out(path, allow_pickle=True):
    if not allow_pickle:
        return None
    # expect: VC406 -- on by default: every caller who does not think about it loads pickles
    return pickle.loads(Path(path).read_bytes())


def load_with_unchecked_flag(path, trust_remote_code=False):
    # expect: VC406 -- the flag is never tested
    return pickle.loads(Path(path).read_bytes())


def torch_checkpoint(checkpoint_path):
    # expect: VC406
    return torch.load(checkpoint_path, map_location="cpu")


def numpy_object_arrays(path):
    # expect: VC406
    return np.load(path, allow_pickle=True)


def joblib_download(url, fetch):
    local = fetch(url)
    # expect: VC406
    return joblib.load(local)


def dill_without_import(data):
    # expect: VC406
    return dill.loads(data)


def pandas_pickle(path):
    import pandas as pd
    # expect: VC406
    return pd.read_pickle(path)


def json_is_data_only(text):
    # ok: VC406
    return json.loads(text)


def yaml_safe(text):
    # ok: VC406
    return yaml.safe_load(text)


def yaml_safe_loader(stream):
    # ok: VC406
    return yaml.load(stream, Loader=yaml.SafeLoader)


def yaml_aliased_safe_loader(stream):
    # ok: VC406
    return yaml.load(stream, Loader=CSafeLoader)


def torch_weights_only(checkpoint_path):
    # ok: VC406
    return torch.load(checkpoint_path, weights_only=True)


def numpy_plain(path):
    # ok: VC406
    return np.load(path)


def shipped_model():
    # ok: VC406
    return joblib.load(MODEL_PATH)


def shipped_pickle_with_open():
    with open("fixtures/vocabulary.pkl", "rb") as handle:
        # ok: VC406
        return pickle.load(handle)


def state_from_a_path_object(name):
    state_file = CACHE_DIR / f"{name}.state"
    with state_file.open("rb") as handle:
        # expect: VC406 -- `"rb"` is the mode; the path is the object it is opened on
        return pickle.load(handle)


def shipped_path_object_opened():
    with Path("fixtures/vocabulary.pkl").open("rb") as handle:
        # ok: VC406
        return pickle.load(handle)


def shipped_beside_module():
    # ok: VC406
    return pickle.loads((HERE / "data" / "table.pkl").read_bytes())


def dumping_is_not_loading(obj):
    # ok: VC406
    return pickle.dumps(obj)


def local_object_named_pickle(store, key):
    pickle = store.serializer()
    # ok: VC406
    return pickle.loads(key)


def round_trip(obj):
    # ok: VC406
    return pickle.loads(pickle.dumps(obj))


def round_trip_through_a_buffer(obj):
    buffer = io.BytesIO()
    pickle.dump(obj, buffer)
    # ok: VC406 -- the buffer was made empty here: it holds only what this code wrote
    first = pickle.loads(buffer.getvalue())
    buffer.seek(0)
    # ok: VC406
    return first, pickle.load(buffer)


def buffer_of_received_bytes(blob):
    buffer = io.BytesIO(blob)
    # expect: VC406 -- a buffer made from bytes someone sent
    return pickle.load(buffer)


def ruamel_unsafe_loader(request):
    from ruamel.yaml import YAML

    loader = YAML(typ="unsafe")
    # expect: VC406
    return loader.load(request.data)


def ruamel_unsafe_loader_chained(text):
    import ruamel.yaml

    # expect: VC406
    return ruamel.yaml.YAML(typ="unsafe", pure=True).load(text)


def ruamel_unsafe_load_all(stream):
    from ruamel.yaml import YAML as Yaml

    parser = Yaml(typ=["unsafe"])
    # expect: VC406
    return list(parser.load_all(stream))


def ruamel_old_api_unsafe_loader(stream):
    import ruamel.yaml

    # expect: VC406
    return ruamel.yaml.load(stream, Loader=ruamel.yaml.UnsafeLoader)


def ruamel_old_api_default_loader(stream):
    import ruamel.yaml

    # expect: VC406 -- before ruamel.yaml 0.18 the default loader was the unsafe one
    return ruamel.yaml.load(stream)


UNSAFE_YAML = __import__("ruamel.yaml").yaml.YAML(typ="unsafe")


def ruamel_safe_loader(stream):
    from ruamel.yaml import YAML

    # ok: VC406
    return YAML(typ="safe").load(stream)


def ruamel_round_trip_loader(stream):
    from ruamel.yaml import YAML

    yaml_rt = YAML()
    # ok: VC406
    return yaml_rt.load(stream)


def ruamel_unsafe_dumper_only(data, stream):
    from ruamel.yaml import YAML

    dumper = YAML(typ="unsafe")
    # ok: VC406 -- dumping builds no objects
    dumper.dump(data, stream)


def ruamel_old_api_round_trip(stream):
    import ruamel.yaml

    # ok: VC406
    return ruamel.yaml.load(stream, Loader=ruamel.yaml.RoundTripLoader)


def ruamel_old_api_safe(stream):
    import ruamel.yaml

    # ok: VC406
    return ruamel.yaml.load(stream, Loader=ruamel.yaml.SafeLoader)


def ruamel_pure_safe(stream):
    from ruamel.yaml import YAML

    # ok: VC406
    return YAML(typ="safe", pure=True).load(stream)


def other_load_methods(loader, stream):
    # ok: VC406
    return loader.load(stream)


def json_loader(stream):
    # ok: VC406
    return json.load(stream)


def configure_workers(app):
    app.conf.update(
        # expect: VC406 -- workers that unpickle what the broker hands them
        accept_content=["json", "pickle"],
        task_serializer="pickle",
    )
    # expect: VC406
    app.conf.result_accept_content = ("application/x-python-serialize",)
    # ok: VC406 -- JSON only, Celery's default
    app.conf.accept_content = ["json"]


# expect: VC406 -- the Django-settings spelling
CELERY_ACCEPT_CONTENT = ["pickle", "json"]
# ok: VC406 -- a serializer name alone: workers still accept only JSON
CELERY_TASK_SERIALIZER = "json"


def load_pinned_model(path, sha256):
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != sha256:
        raise ValueError("checksum mismatch")
    # ok: VC406 -- the artifact matched the checksum the caller pinned
    return joblib.load(path)


def load_pinned_blob(blob, pinned):
    if not hmac.compare_digest(hashlib.sha256(blob).hexdigest(), pinned):
        raise ValueError("checksum mismatch")
    # ok: VC406 -- checked against a pinned checksum first
    return pickle.loads(blob)


def load_after_logging_mismatch(path, sha256):
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != sha256:
        print("checksum mismatch, loading anyway")
    # expect: VC406 -- a mismatch is only reported, and the load goes on
    return joblib.load(path)


def load_other_file(path, model_path, sha256):
    if hashlib.sha256(path.read_bytes()).hexdigest() != sha256:
        raise ValueError("checksum mismatch")
    # expect: VC406 -- the checksum was of another file
    return joblib.load(model_path)


def load_config_with_includes(conf_path: Path):
    class IncludeLoader(yaml.SafeLoader):
        """The safe loader with an `!include` tag."""

    def include(loader, node):
        included = conf_path.parent / loader.construct_scalar(node)
        # ok: VC406 -- the included file is read by the safe loader already running
        return list(yaml.load_all(included.read_bytes(), Loader=type(loader)))

    IncludeLoader.add_constructor("!include", include)
    with open(conf_path) as f:
        return yaml.load(f, Loader=IncludeLoader)


def include_on_any_loader(loader, node):
    path = loader.construct_scalar(node)
    # expect: VC406 -- registered on PyYAML's full loader too: the running loader may build any object
    return yaml.load(open(path).read(), Loader=loader.__class__)


yaml.SafeLoader.add_constructor("!any", include_on_any_loader)
yaml.FullLoader.add_constructor("!any", include_on_any_loader)


def not_a_constructor(loader, stream):
    # expect: VC406 -- a loader handed in by a caller, not the one running a constructor
    return yaml.load(stream, Loader=type(loader))


def shared_features():
    # Features another team's notebook writes to the shared drive: whoever can write there runs code here.
    with open("/mnt/team-share/churn/features_q2.pkl", "rb") as handle:
        # expect: VC406
        return pickle.load(handle)


def shared_segments():
    import pandas as pd

    # expect: VC406 -- a bucket others write to
    segments = pd.read_pickle("s3://analytics-share/segments/latest.pkl")
    # expect: VC406 -- Databricks' shared file system
    model = joblib.load("/dbfs/FileStore/models/churn.joblib")
    # ok: VC406 -- a data-only format from the same bucket
    frame = pd.read_parquet("s3://analytics-share/segments/latest.parquet")
    # ok: VC406 -- a local file URL names a path like any other
    cached = joblib.load("file:///srv/app/models/churn.joblib")
    return segments, model, frame, cached
def marshalled_body(request):
    # expect: VC406
    return marshal.loads(request.data)


def marshalled_upload(upload):
    # expect: VC406 -- imported by name under another
    return unmarshal(upload.read())


def marshalled_from_a_parameter(path):
    with open(path, "rb") as handle:
        # expect: VC406
        return marshal.load(handle)


def marshal_round_trip(code):
    # ok: VC406
    return marshal.loads(marshal.dumps(code))


def shipped_marshal_file():
    with open("data/opcodes.bin", "rb") as handle:
        # ok: VC406
        return marshal.load(handle)


def marshmallow_schema_load(request):
    # ok: VC406 -- marshmallow validates plain data
    return Schema.from_dict({})().load(request.json)


def daemon_launcher_main():
    import sys
    # expect: VC406 -- a job its parent pickled into this process's pipe (medium: whoever starts the process chooses it)
    return pickle.loads(sys.stdin.buffer.read())
