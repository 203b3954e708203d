"""Aliases across languages, titles by date, the review queue, merge and split, audit, roles."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError

from archive.actors.lookup import actor_slugs
from archive.actors.matcher import ActorMatcher
from archive.actors.merge import accept_proposal, merge_actors, split_alias
from archive.actors.names import normalise_name
from archive.models import Actor, ActorProposal, Alias, Article, Mention, MergeRecord, Quote

pytestmark = pytest.mark.django_db
D = datetime.date


def slugs(text, day=None):
    counts = ActorMatcher.from_database().count(text, day)
    return {Actor.objects.get(pk=pk).slug: n for pk, n in counts.items()}


@pytest.mark.parametrize(
    "written, slug",
    [
        ("al-Jaafari", "bashar-al-jaafari"),
        ("Ja'afari", "bashar-al-jaafari"),
        ("Bashar al Jaafari", "bashar-al-jaafari"),
        ("بشار الجعفري", "bashar-al-jaafari"),
        ("Лаврентьев", "alexander-lavrentiev"),
        ("Lavrentyev", "alexander-lavrentiev"),
        ("Mekdad", "faisal-miqdad"),
        ("Mikdad", "faisal-miqdad"),
        ("Ahmed Tohme", "ahmad-toma"),
        ("Ahmet Tuma", "ahmad-toma"),
        ("Sedat Onal", "sedat-onal"),
        ("SEDAT ÖNAL", "sedat-onal"),
        ("Jabhat Fateh al-Sham", "nusra-front"),
        ("Hayat Tahrir al-Sham", "nusra-front"),
    ],
)
def test_spellings_resolve_to_one_actor(written, slug):
    assert slugs(f"Talks with {written} went on.") == {slug: 1}


def test_names_compare_without_case_accents_apostrophes_or_al():
    assert normalise_name("Bashar al-Ja’afari") == normalise_name("BASHAR JAAFARI")
    assert normalise_name("Önal") == "onal"


@pytest.mark.parametrize(
    "day, slug",
    [
        (D(2014, 1, 31), "lakhdar-brahimi"),
        (D(2016, 3, 14), "staffan-de-mistura"),
        (D(2019, 8, 1), "geir-pedersen"),
    ],
)
def test_the_un_envoy_is_resolved_by_the_articles_date(day, slug):
    assert slugs("The UN envoy for Syria said talks would resume.", day) == {slug: 1}


def test_a_title_followed_by_the_name_counts_once():
    found = slugs("The UN envoy for Syria, Staffan de Mistura, said so.", D(2016, 3, 14))
    assert found == {"staffan-de-mistura": 1}


def test_actor_query_finds_every_spelling():
    assert actor_slugs("Ja'afari") == actor_slugs("jaafari") == ["bashar-al-jaafari"]


def test_unknown_names_wait_in_the_review_queue():
    queued = set(ActorProposal.objects.values_list("name", flat=True))
    assert {"Dina Badawy", "Khattar Abou Diab"} <= queued
    assert not Actor.objects.filter(name="Dina Badawy").exists()


def test_accepting_a_proposal_makes_an_actor_and_credits_its_quotes():
    proposal = ActorProposal.objects.get(name="Dina Badawy")
    actor = accept_proposal(proposal)
    assert actor.name == "Dina Badawy"
    assert Quote.objects.filter(speaker=actor).count() == 2
    assert proposal.status == "accepted"


def test_accepting_a_proposal_links_the_articles_that_name_it():
    proposal = ActorProposal.objects.get(name="Dmitry Peskov")
    naming = set(
        Article.objects.filter(body__contains="Dmitry Peskov").values_list("pk", flat=True)
    )
    assert len(naming) >= 3
    actor = accept_proposal(proposal)
    mentions = Mention.objects.filter(actor=actor)
    assert set(mentions.values_list("article_id", flat=True)) == naming
    assert all(mention.count >= 1 for mention in mentions)


def test_accepting_as_alias():
    proposal = ActorProposal.objects.get(name="Khattar Abou Diab")
    target = Actor.objects.get(slug="faisal-miqdad")  # any actor will do for the mechanism
    accept_proposal(proposal, as_alias_of=target)
    assert target.aliases.filter(name="Khattar Abou Diab").exists()


def test_merge_moves_everything_and_keeps_a_record():
    keep, other = Actor.objects.get(slug="john-kerry"), Actor.objects.get(slug="antony-blinken")
    kerry_mentions = Mention.objects.filter(actor=keep).count()
    blinken_quotes = Quote.objects.filter(speaker=other).count()
    merge_actors(keep, [other], user="tester")
    assert not Actor.objects.filter(slug="antony-blinken").exists()
    assert Mention.objects.filter(actor=keep).count() >= kerry_mentions
    assert Quote.objects.filter(speaker=keep).count() >= blinken_quotes > 0
    assert keep.aliases.filter(name="Antony Blinken").exists()
    record = MergeRecord.objects.get(merged_slug="antony-blinken")
    assert record.kept == keep and record.merged_by == "tester"


def test_split_moves_the_aliases_mentions_back_out(seed_article):
    """A town wrongly filed as an alias of Kerry becomes an entity of its own again."""
    kerry = Actor.objects.get(slug="john-kerry")
    article = seed_article(1)
    kerry_count = Mention.objects.get(actor=kerry, article=article).count
    alias = Alias.objects.create(actor=kerry, name="Darayya")
    Mention.objects.filter(actor=kerry, article=article).update(count=kerry_count + 1)
    new = split_alias(alias, kind="organisation")
    assert (new.name, new.kind) == ("Darayya", "organisation")
    assert Mention.objects.get(actor=new, article=article).count == 1
    assert Mention.objects.get(actor=kerry, article=article).count == kerry_count


def test_two_actors_cannot_share_a_name():
    with pytest.raises(ValidationError, match="already Bashar al-Jaafari"):
        Actor(name="Bashar Ja'afari", slug="another").full_clean()


def test_an_alias_cannot_belong_to_two_actors():
    with pytest.raises(ValidationError, match="already belongs to"):
        Alias(actor=Actor.objects.get(slug="sergey-lavrov"), name="al-Jaafari").full_clean()


def test_admin_refuses_a_duplicate_actor(admin_client):
    response = admin_client.post(
        "/admin/archive/actor/add/",
        {
            "name": "Lakhdar Brahimi",
            "slug": "lakhdar-brahimi-2",
            "kind": "person",
            "aliases-TOTAL_FORMS": "0",
            "aliases-INITIAL_FORMS": "0",
            "roles-TOTAL_FORMS": "0",
            "roles-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "already Lakhdar Brahimi" in response.content.decode()


def test_curator_edits_are_in_the_audit_log(admin_client):
    actor = Actor.objects.get(slug="jan-egeland")
    admin_client.post(
        f"/admin/archive/actor/{actor.pk}/change/",
        {
            "name": actor.name,
            "slug": actor.slug,
            "kind": actor.kind,
            "description": "Edited by a curator.",
            "aliases-TOTAL_FORMS": "0",
            "aliases-INITIAL_FORMS": "0",
            "roles-TOTAL_FORMS": "0",
            "roles-INITIAL_FORMS": "0",
        },
    )
    latest = actor.history.latest()
    assert latest.description == "Edited by a curator."
    assert latest.history_user.username == "admin"
    assert admin_client.get(f"/admin/archive/actor/{actor.pk}/history/").status_code == 200


def test_curators_edit_entities_but_not_users(client):
    curator = User.objects.create_user("curator", password="a-long-test-password", is_staff=True)
    curator.groups.add(Group.objects.get(name="curator"))
    client.force_login(curator)
    assert client.get("/admin/archive/actor/").status_code == 200
    assert client.get("/admin/archive/article/").status_code == 200
    assert client.get("/admin/auth/user/").status_code == 403


def test_curators_may_start_an_import_but_not_edit_an_import_run(client):
    from archive.models import ImportRun

    curator = User.objects.create_user("curator", password="a-long-test-password", is_staff=True)
    curator.groups.add(Group.objects.get(name="curator"))
    client.force_login(curator)
    assert client.get("/admin/archive/importrun/add/").status_code == 200
    run = ImportRun.objects.create(paths="seeds", user="someone")
    page = client.get(f"/admin/archive/importrun/{run.pk}/change/")
    assert page.status_code == 200 and b'name="_save"' not in page.content


def test_actor_page_shows_roles_mentions_chart_network(client):
    page = client.get("/actors/staffan-de-mistura/").content.decode()
    assert "UN Special Envoy for Syria" in page
    assert 'class="mentions"' in page
    assert 'class="network"' in page


def test_a_title_refers_back_to_the_person_introduced_with_it():
    text = "Rebel spokesman Yehya al-Aridi said no. Later the rebel spokesman added more."
    assert slugs(text) == {"yahya-al-aridi": 2}


def test_a_title_shared_by_two_people_stays_unresolved():
    text = "Spokesman Yehya al-Aridi and spokesman Osama Abu Zeid spoke; the spokesman left."
    assert slugs(text) == {"yahya-al-aridi": 1, "osama-abu-zeid": 1}


def test_the_network_is_also_a_list_of_the_actors_named_with_them(client):
    page = client.get("/actors/staffan-de-mistura/").content.decode()
    drawn = page.count("<circle cx=")
    listed = page.split('class="network-list"')[1].split("</details>")[0]
    assert drawn > 0 and listed.count("<li>") == drawn
