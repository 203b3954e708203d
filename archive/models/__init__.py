"""The archive's data: articles, the actors they mention and the rounds they report on."""

from archive.models.actor import Actor, Alias
from archive.models.article import Article, Mention
from archive.models.event import Event, Participant
from archive.models.importrun import ImportRun

__all__ = ["Actor", "Alias", "Article", "Mention", "Event", "ImportRun", "Participant"]
