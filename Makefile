# Two commands: `make run` serves the archive, `make test` runs the whole suite.
PYTHON_SYSTEM ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup data lint format manage superuser browser postgres postgres-stop test-sqlite test-postgres pytest-sqlite pytest-postgres bench clean

# gunicorn serves; beside it, one worker runs the imports curators start from the admin (and
# is started again if it dies: queued imports never wait for a person).
run: data
	@echo "Serving the archive on http://$(HOST):$(PORT)/ (Ctrl-C to stop)"
	while true; do $(MANAGE) import_worker -v 0; echo "import worker ended; restarting it" >&2; \
		sleep 2; done & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; pkill -P $$worker 2>/dev/null' EXIT INT TERM; \
	HOST=$(HOST) PORT=$(PORT) $(BIN)/gunicorn -c gunicorn.conf.py archive.wsgi

# The virtualenv, rebuilt only when requirements.txt changes.
$(VENV)/.installed: requirements.txt
	$(PYTHON_SYSTEM) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

setup: $(VENV)/.installed

# Static files, migrations, the calendar and gazetteer, the seeds and FA-KES corpus, the index.
# Each step is idempotent, so a second run changes nothing.
data: setup
	$(MANAGE) collectstatic --noinput -v 0
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) load_reference
	$(MANAGE) import_articles --if-new seeds
	$(MANAGE) rebuild_index --if-stale
	$(MANAGE) rebuild_index --check --repair

# Any management command, inside the virtualenv: make manage ARGS="import_articles my-folder"
manage: setup
	$(MANAGE) $(ARGS)

superuser: setup
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) createsuperuser

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

browser:
	bash tests/system-packages.sh

postgres: browser
	bash tests/postgres.sh start

postgres-stop:
	bash tests/postgres.sh stop

# The two passes run side by side (each waits on servers and the browser as much as on the
# CPU), each printing its output when it ends, and each collecting static files into its own
# folder. The throw-away cluster (and its files) goes when the run ends, passed or failed.
test: lint data postgres
	@echo "Running the suite on SQLite and on PostgreSQL at once (about 11 minutes on 2 cores; each pass prints when it ends)"
	status=0; $(MAKE) --no-print-directory -j2 --output-sync=target pytest-sqlite pytest-postgres \
		|| status=$$?; bash tests/postgres.sh remove; exit $$status

test-sqlite: data browser
	$(MAKE) --no-print-directory pytest-sqlite

test-postgres: data postgres
	status=0; $(MAKE) --no-print-directory pytest-postgres || status=$$?; \
	bash tests/postgres.sh remove; exit $$status

pytest-sqlite pytest-postgres: export DJANGO_ALLOW_ASYNC_UNSAFE = true
pytest-sqlite: export ARCHIVE_STATIC_ROOT = $(CURDIR)/var/static-test-sqlite
pytest-postgres: export ARCHIVE_STATIC_ROOT = $(CURDIR)/var/static-test-postgres

pytest-sqlite:
	$(MANAGE) collectstatic --noinput -v 0
	$(BIN)/pytest

pytest-postgres:
	$(MANAGE) collectstatic --noinput -v 0
	DATABASE_URL=$$(bash tests/postgres.sh url) $(BIN)/pytest

# Benchmarks print figures; they are not tests (tens of minutes at 100k articles).
bench: data
	$(BIN)/python bench/search.py --articles 100000
	$(BIN)/python bench/ingest.py --sizes 10000,100000
	$(BIN)/python bench/load.py --articles 100000
	$(BIN)/python bench/timeline.py --articles 100000 --events 1000
	$(BIN)/python bench/evidence.py --quiet

clean:
	rm -rf $(VENV) var
