"""Game state: a grid arena where players move and attack. Pure logic, no I/O."""
from __future__ import annotations

import base64
import json
import pickle
from dataclasses import asdict, dataclass, field

GRID = 20


@dataclass
class Player:
    id: str
    name: str
    x: int = 0
    y: int = 0
    hp: int = 100
    score: int = 0


@dataclass
class Game:
    players: dict[str, Player] = field(default_factory=dict)
    tick: int = 0

    def join(self, player_id: str, name: str) -> Player:
        player = Player(id=player_id, name=name)
        self.players[player_id] = player
        return player

    def leave(self, player_id: str) -> None:
        self.players.pop(player_id, None)

    def move(self, player_id: str, dx: int, dy: int) -> Player:
        player = self.players[player_id]
        player.x = max(0, min(GRID - 1, player.x + max(-1, min(1, dx))))
        player.y = max(0, min(GRID - 1, player.y + max(-1, min(1, dy))))
        return player

    def attack(self, attacker_id: str, target_id: str) -> Player:
        attacker, target = self.players[attacker_id], self.players[target_id]
        if abs(attacker.x - target.x) + abs(attacker.y - target.y) <= 1:
            target.hp -= 10
            if target.hp <= 0:
                attacker.score += 1
                target.hp, target.x, target.y = 100, 0, 0
        return target

    def snapshot(self) -> dict:
        return {"tick": self.tick, "players": [asdict(p) for p in self.players.values()]}


def encode_save(player: Player) -> str:
    """A save token the client keeps and sends back on reconnect."""
    return base64.b64encode(pickle.dumps(player)).decode()


def decode_save(token: str) -> Player:
    # expect: VC406 -- the client sends the token back: any pickle it likes
    return pickle.loads(base64.b64decode(token))


def decode_save_json(token: str) -> Player:
    # ok: VC406
    data = json.loads(base64.b64decode(token))
    return Player(**{k: data[k] for k in ("id", "name", "x", "y", "hp", "score")})
