"""The curators' admin: articles and their dates, actors and their names, rounds, imports.

Curators (the `curator` group) edit entities and dates; only superusers manage users.
Every change to an article, actor, alias, role or round is kept by django-simple-history.
"""

from django.contrib import admin

from archive.admin import actors, articles, events, thesaurus  # noqa: F401  (registers the models)

admin.site.site_header = "Syrian peace talks archive: curation"
admin.site.site_title = "Archive curation"
admin.site.index_title = "Articles, actors, rounds and the thesaurus"
