"""Prompt: a script that connects to MySQL and PostgreSQL and copies yesterday's orders."""
import os

import psycopg
import pymysql

# expect: VC403
MYSQL = {"host": "mysql.internal", "user": "etl", "password": "etl-Passw0rd-77", "database": "shop"}
PG_OPTIONS = {"host": "pg.internal", "user": "etl", "dbname": "warehouse"}


def copy_orders() -> int:
    source = pymysql.connect(**MYSQL)
    # expect: VC403
    target = psycopg.connect(**PG_OPTIONS, password="wh-Secret-2024!")
    with source.cursor() as read, target.cursor() as write:
        read.execute("SELECT id, total FROM orders WHERE created_at >= CURDATE() - INTERVAL 1 DAY")
        rows = read.fetchall()
        write.executemany("INSERT INTO orders (id, total) VALUES (%s, %s)", rows)
    target.commit()
    return len(rows)


def copy_orders_safe() -> int:
    # ok: VC403
    source = pymysql.connect(host="mysql.internal", user="etl", password=os.environ["MYSQL_PASSWORD"], database="shop")
    # ok: VC403
    target = psycopg.connect(**PG_OPTIONS, password=os.environ["PG_PASSWORD"])
    with source.cursor() as read, target.cursor() as write:
        read.execute("SELECT id, total FROM orders WHERE created_at >= CURDATE() - INTERVAL 1 DAY")
        rows = read.fetchall()
        write.executemany("INSERT INTO orders (id, total) VALUES (%s, %s)", rows)
    target.commit()
    return len(rows)


if __name__ == "__main__":
    print(copy_orders())
