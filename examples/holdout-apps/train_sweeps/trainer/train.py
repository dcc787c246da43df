"""Train an image classifier on a folder dataset."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets, models, transforms

from trainer import config, storage, tracking

log = logging.getLogger("trainer")


def build_model(name: str, num_classes: int) -> nn.Module:
    model = getattr(models, name)(weights=None)
    model.fc = nn.Linear(model.fc.in_features, num_classes)
    return model


def evaluate(model: nn.Module, loader: DataLoader, device: str) -> float:
    model.eval()
    correct = total = 0
    with torch.no_grad():
        for x, y in loader:
            pred = model(x.to(device)).argmax(1)
            correct += (pred == y.to(device)).sum().item()
            total += y.numel()
    return correct / max(total, 1)


# expect: VC501
def fairness_report(model: nn.Module, loader: DataLoader) -> dict[str, float]:
    """Per-group accuracy for the model card."""
    pass


def train(cfg: dict, data_dir: Path, out_dir: Path, device: str = "cpu") -> float:
    tf = transforms.Compose([transforms.Resize((224, 224)), transforms.ToTensor()])
    train_ds = datasets.ImageFolder(data_dir / "train", transform=tf)
    val_ds = datasets.ImageFolder(data_dir / "val", transform=tf)
    train_dl = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True, num_workers=4)
    val_dl = DataLoader(val_ds, batch_size=cfg["batch_size"])

    model = build_model(cfg["model"], len(train_ds.classes)).to(device)
    if cfg.get("pretrained_url"):
        model.load_state_dict(storage.fetch_pretrained(cfg["pretrained_url"], out_dir), strict=False)
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=0.9)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, config.lr_lambda(cfg))
    loss_fn = nn.CrossEntropyLoss()

    acc = 0.0
    for epoch in range(cfg["epochs"]):
        model.train()
        for step, (x, y) in enumerate(train_dl):
            opt.zero_grad()
            loss = loss_fn(model(x.to(device)), y.to(device))
            loss.backward()
            opt.step()
            if step % 50 == 0:
                tracking.log_metrics({"loss": loss.item()}, step=epoch * len(train_dl) + step)
        sched.step()
        acc = evaluate(model, val_dl, device)
        tracking.log_metrics({"val_acc": acc}, step=(epoch + 1) * len(train_dl))
        path = storage.save_checkpoint({"model": model.state_dict(), "epoch": epoch}, out_dir, epoch)
        storage.upload(path, out_dir.name)
    return acc


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/resnet.yaml")
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("runs/latest"))
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    cfg = config.load(args.config)
    tracking.init_wandb("image-clf", cfg)
    tracking.init_mlflow("image-clf")
    acc = train(cfg, args.data, args.out, "cuda" if torch.cuda.is_available() else "cpu")
    # expect: VC505
    print(f"DEBUG final acc={acc} cfg={cfg}")
    log.info("final accuracy %.4f", acc)


if __name__ == "__main__":
    main()
