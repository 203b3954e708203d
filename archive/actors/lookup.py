"""Find actors by any of their names, as a researcher types them ("jaafari", "Ja'afari")."""

from archive.actors.names import normalise_name


def _names():
    """(normalised name, actor slug) for every actor name, alias, slug and former slug."""
    from archive.models import Actor, Alias, FormerSlug

    pairs = []
    for slug, name in Actor.objects.values_list("slug", "name"):
        pairs += [(normalise_name(name), slug), (normalise_name(slug.replace("-", " ")), slug)]
    for former, slug in FormerSlug.objects.values_list("slug", "actor__slug"):
        pairs.append((normalise_name(former.replace("-", " ")), slug))
    for slug, alias in Alias.objects.values_list("actor__slug", "name"):
        pairs.append((normalise_name(alias), slug))
    return pairs


def actor_slugs(text: str) -> list[str]:
    """Slugs of the actors `text` names: an exact name or alias first, else every actor one
    of whose names contains all of its words ("mistura" → Staffan de Mistura)."""
    wanted = normalise_name(text)
    if not wanted:
        return []
    pairs = _names()
    exact = sorted({slug for name, slug in pairs if name == wanted})
    if exact:
        return exact
    words = set(wanted.split())
    return sorted({slug for name, slug in pairs if words <= set(name.split())})


def alias_words() -> set[str]:
    """Every word of every actor name and alias, for spelling suggestions."""
    return {word for name, _ in _names() for word in name.split() if len(word) > 2}


def name_owner(name: str, exclude_actor=None):
    """The actor (other than `exclude_actor`) whose name or alias reads as `name`, or None."""
    from archive.models import Actor, Alias

    wanted = normalise_name(name)
    if not wanted:
        return None
    actors = Actor.objects.exclude(pk=exclude_actor)
    for actor in actors:
        if normalise_name(actor.name) == wanted:
            return actor
    for alias in Alias.objects.exclude(actor_id=exclude_actor).select_related("actor"):
        if normalise_name(alias.name) == wanted:
            return alias.actor
    return None


def current_slug(slug: str) -> str | None:
    """The slug `slug` leads to: its own when an actor has it, the actor's it was merged
    into or renamed to when it is a former slug, else None."""
    from archive.models import Actor, FormerSlug

    if Actor.objects.filter(slug=slug).exists():
        return slug
    return FormerSlug.objects.filter(slug=slug).values_list("actor__slug", flat=True).first()
