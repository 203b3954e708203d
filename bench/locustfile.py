"""The mix of pages researchers load, for bench/load.py (run by locust, not by hand)."""

import itertools
import os
import random

from locust import HttpUser, between, constant, task

QUERIES = [
    "Aleppo",
    "ceasefire",
    '"peace talks"',
    "Astana OR Geneva",
    "negotiat*",
    "actor:jaafari",
    "process:geneva",
    "round:geneva-3-3",
    "Russia Turkey Iran",
    "Aleppo date:[2016-01-01 TO 2016-12-31]",
]
# bench/load.py passes the actors and the export the built archive holds (most named first).
ACTORS = [a for a in os.environ.get("LOAD_ACTORS", "").split(",") if a] or ["russia"]
EXPORT_QUERY = os.environ.get("LOAD_EXPORT_QUERY", "round:astana-4")
ROUNDS = ["geneva-3-1", "astana-4", "constitutional-1", "geneva-4", "sochi-congress"]
THINK = float(os.environ.get("LOAD_THINK", "1.0"))
KEYS = [key for key in os.environ.get("LOAD_ARTICLE_KEYS", "").split(",") if key]
_pages = itertools.count()


class Researcher(HttpUser):
    # People read between pages; with no wait, the server's capacity is what is measured.
    wait_time = between(THINK * 0.5, THINK * 1.5) if THINK else constant(0)

    def on_start(self):
        self.rng = random.Random(next(_pages))

    def pick(self, values):
        return self.rng.choice(values)

    @task(6)
    def search_page(self):
        self.client.get("/search/", params={"q": self.pick(QUERIES)}, name="search page")

    @task(4)
    def api_search(self):
        self.client.get("/api/search/", params={"q": self.pick(QUERIES)}, name="api search")

    @task(3)
    def article(self):
        if KEYS:
            self.client.get(f"/articles/{self.pick(KEYS)}/", name="article page")

    @task(2)
    def actor(self):
        self.client.get(f"/actors/{self.pick(ACTORS)}/", name="actor page")

    @task(2)
    def round(self):
        self.client.get(f"/rounds/{self.pick(ROUNDS)}/", name="round page")

    @task(1)
    def timeline(self):
        self.client.get("/timeline/", name="timeline")

    @task(1)
    def home(self):
        self.client.get("/", name="home")

    @task(2)
    def article_list(self):
        page = self.rng.randint(1, 50)
        self.client.get("/articles/", params={"page": page}, name="article list")

    @task(1)
    def export(self):
        self.client.get("/search/export.csv", params={"q": EXPORT_QUERY}, name="export csv")
