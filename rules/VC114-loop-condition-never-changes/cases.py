"""VC114 corpus: `while` loops whose condition no statement of the body can change, and loops that do end."""
import sys
import threading
import time

LIMIT = 10


def forgotten_step(n):
    total, i = 0, 0
    # expect: VC114 -- `i` never grows
    while i < n:
        total += n
    return total


def stepped_the_wrong_name(items):
    index, position = 0, 0
    # expect: VC114 -- the body steps `position`, the test reads `index`
    while index < 5:
        position += 1
    return position


def countdown_never_counted(start):
    remaining = start
    # expect: VC114
    while remaining > 0:
        print("tick")
        time.sleep(1)
    return remaining


def bounds_both_fixed(low, high):
    steps = []
    # expect: VC114 -- neither bound moves
    while low != high:
        steps.append(f"waiting at {low}")
    return steps


def converging_sum(x, y):
    # expect: VC114 -- arithmetic over names the body never touches
    while x + 1 < y * 2:
        time.sleep(0.1)


def waits_on_parameter(attempts):
    # expect: VC114
    while attempts >= 1:
        time.sleep(2)


def limit_of_the_module():
    count = 0
    # expect: VC114 -- `LIMIT` is the module's and `count` is this function's: nothing here changes either
    while count < 5:
        time.sleep(LIMIT)


def nested_loops(rows, columns):
    row = 0
    while row < rows:
        column = 0
        # expect: VC114 -- the inner loop never steps `column`
        while column < columns:
            row += 1
        row += 1


def stepped(n):
    i = 0
    # ok: VC114
    while i < n:
        i += 1
    return i


def unpacked_step(a, b):
    # ok: VC114 -- the tuple assignment changes both
    while a < b:
        a, b = b, a
    return a


def left_by_break(n):
    i = 0
    # ok: VC114 -- the body breaks out
    while i < n:
        if time.time() > 0:
            break
    return i


def left_by_return(n, items):
    i = 0
    # ok: VC114
    while i < n:
        return items
    return None


def left_by_exit(n):
    i = 0
    # ok: VC114 -- the program ends
    while i < n:
        sys.exit(1)


def changed_by_callback(n):
    done = 0

    def finish():
        nonlocal done
        done = n

    threading.Thread(target=finish).start()
    # ok: VC114 -- a nested function may change `done`
    while done < n:
        time.sleep(0.1)


def changed_by_another_thread():
    global LIMIT
    # ok: VC114 -- a global, which other code may change
    while LIMIT > 0:
        time.sleep(1)


def condition_with_a_call(deadline):
    # ok: VC114 -- the clock moves
    while time.time() < deadline:
        time.sleep(1)


def condition_on_an_attribute(worker):
    # ok: VC114 -- the attribute may change elsewhere
    while worker.pending > 0:
        time.sleep(1)


def mutated_through_a_method(queue):
    # ok: VC114 -- the body names `queue`
    while queue != []:
        queue.pop()


def generator_of_ticks(n):
    i = 0
    # expect: VC114 -- a generator's locals change only in its body (`x = yield` binds): this one yields `0` forever
    while i < n:
        yield i


def generator_steps(n):
    i = 0
    # ok: VC114
    while i < n:
        yield i
        i += 1


def generator_fed_by_send(limit):
    total = 0
    # ok: VC114 -- `send()` binds `total` through the yield
    while total < limit:
        total = yield total


def handed_to_a_helper(cursor, end):
    # ok: VC114 -- the helper may move the cursor object
    while cursor < end:
        advance(cursor)


def advance(cursor):
    cursor.step()
