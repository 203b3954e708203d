"""The archive's data: articles, the actors they mention and the rounds they report on."""

from archive.models.actor import (
    Actor,
    ActorProposal,
    ActorRole,
    Alias,
    FormerSlug,
    MergeRecord,
)
from archive.models.article import Article, Mention
from archive.models.citedsearch import CitedSearch
from archive.models.concept import Concept, ConceptTerm
from archive.models.copyband import CopyBand, CopySignature
from archive.models.event import Event, Participant
from archive.models.heartbeat import Heartbeat
from archive.models.importrun import ImportRun
from archive.models.indexqueue import IndexQueue
from archive.models.quote import Quote


def fitted(model, **values) -> dict:
    """Text values cut to the length their model field allows (its own `max_length`)."""
    fields = model._meta
    return {
        name: value[: fields.get_field(name).max_length] if isinstance(value, str) else value
        for name, value in values.items()
    }


__all__ = [
    "Actor",
    "ActorProposal",
    "ActorRole",
    "Alias",
    "Article",
    "CitedSearch",
    "Concept",
    "ConceptTerm",
    "CopyBand",
    "CopySignature",
    "FormerSlug",
    "Event",
    "Heartbeat",
    "ImportRun",
    "IndexQueue",
    "Mention",
    "MergeRecord",
    "Participant",
    "Quote",
    "fitted",
]
