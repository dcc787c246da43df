"""VC101 corpus: a `return`, `break` or `continue` in a `finally:` block drops the exception in flight."""


def finish(conn, summary):
    try:
        conn.commit()
    finally:
        conn.close()
        # expect: VC101
        return summary


def finish_after(conn, summary):
    try:
        conn.commit()
    finally:
        conn.close()
    # ok: VC101 -- after the try: a failed commit is raised
    return summary


def drain(queue, handle):
    while True:
        item = queue.get()
        try:
            handle(item)
        finally:
            queue.task_done()
            if item is None:
                # expect: VC101 -- leaves the loop with the exception dropped
                break


def close_all(conns):
    try:
        pass
    finally:
        for conn in conns:
            if conn is None:
                # ok: VC101 -- the next round of a loop inside the finally block
                continue
            conn.close()


def factory(conn):
    try:
        conn.ping()
    finally:
        def callback():
            # ok: VC101 -- a nested function's return
            return conn
        conn.on_close(callback)
