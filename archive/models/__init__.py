"""The archive's data: articles, the actors they mention and the rounds they report on."""

from archive.models.actor import Actor, ActorProposal, ActorRole, Alias, MergeRecord
from archive.models.article import Article, Mention
from archive.models.event import Event, Participant
from archive.models.importrun import ImportRun
from archive.models.indexqueue import IndexQueue
from archive.models.quote import Quote

__all__ = [
    "Actor",
    "ActorProposal",
    "ActorRole",
    "Alias",
    "Article",
    "Event",
    "ImportRun",
    "IndexQueue",
    "Mention",
    "MergeRecord",
    "Participant",
    "Quote",
]
