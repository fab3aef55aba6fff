# The comparison server for the look-up benchmark: a plain implementation of the seed's design, as
# issue 21 measured it. Flask + psycopg2 + numpy under gunicorn (two worker processes, four threads
# each); every request reads all of the buyer's ratings and computes the 25th percentile of each
# flag with numpy, as the seed's design describes. Like the floor it checks no session: that only
# flatters it. Run by bench/run.ts:
#   gunicorn -w 2 --threads 4 -b 127.0.0.1:PORT --chdir bench seed_design:app
# with DATABASE_URL set (PostgreSQL only; the seed's design has no embedded database).
import json
import os

import numpy as np
import psycopg2.pool
from flask import Flask, Response

app = Flask(__name__)
# One connection per thread, all kept: psycopg2's pool closes a returned connection whenever more
# than `minconn` are idle, so with minconn 1 most requests opened a new connection (15 ms each on
# a slow day), which measured PostgreSQL's connection set-up rather than the design.
pool = psycopg2.pool.ThreadedConnectionPool(4, 4, os.environ["DATABASE_URL"])

QUERY = """
select r.safe, r.reliable
from users u left join ratings r on r.ratee_id = u.id and r.direction = 'seller_rates_buyer'
where u.pseudonym_key = %s and u.role = 'buyer'
"""


def score(flags):
    values = [1.0 if f else 0.0 for f in flags if f is not None]
    return None if not values else float(np.percentile(values, 25))


@app.get("/health")
def health():
    return "ok"


@app.get("/api/buyer/<pseudonym>/reputation")
def reputation(pseudonym):
    conn = pool.getconn()
    try:
        with conn.cursor() as cur:
            cur.execute(QUERY, (pseudonym.lower(),))
            rows = cur.fetchall()
        conn.commit()
    finally:
        pool.putconn(conn)
    if not rows:
        return Response(json.dumps({"found": False}), status=404, mimetype="application/json")
    # A buyer without ratings is one row of nulls (the left join): found, no score yet.
    rows = [r for r in rows if r != (None, None)]
    safety = score(r[0] for r in rows)
    reliability = score(r[1] for r in rows)
    trust = None if safety is None or reliability is None else (safety + reliability) / 2
    body = {"pseudonym": pseudonym, "safety": safety, "reliability": reliability, "trust": trust, "ratings": len(rows)}
    return Response(json.dumps(body), mimetype="application/json")
