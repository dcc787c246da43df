import pytest

from arena.state import Game, Player, decode_save_json, encode_save


def test_join_and_move():
    game = Game()
    game.join("a", "alice")
    player = game.move("a", 1, 1)
    assert (player.x, player.y) == (1, 1)


def test_move_is_clamped():
    game = Game()
    game.join("a", "alice")
    player = game.move("a", 5, -5)
    assert (player.x, player.y) == (1, 0)


def test_attack():
    game = Game()
    game.join("a", "alice")
    game.join("b", "bob")
    target = game.attack("a", "b")
    assert target


def test_snapshot():
    game = Game()
    game.join("a", "alice")
    snap = game.snapshot()
    # expect: VC304
    assert snap == snap


# expect: VC303
def test_save_roundtrip():
    token = encode_save(Player(id="a", name="alice"))
    decode_save_json(token)


# expect: VC306
@pytest.mark.skip
# expect: VC303
def test_reconnect():
    ...
