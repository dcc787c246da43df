from pathlib import Path

from trainer import config

CFG = Path(__file__).resolve().parent.parent / "configs" / "resnet.yaml"


def test_load_safe_reads_yaml():
    cfg = config.load_safe(CFG)
    assert cfg["model"] == "resnet18"
    assert cfg["epochs"] == 10


def test_lr_lambda_decays():
    fn = config.lr_lambda_safe({"scheduler": {"gamma": 0.5}})
    assert fn(0) == 1.0
    assert fn(2) == 0.25


def test_lr_lambda_from_config():
    fn = config.lr_lambda(config.load_safe(CFG))
    # expect: VC304
    assert fn(1) == fn(1)


# expect: VC303
def test_load_config():
    config.load(CFG)
