"""Property: no string thrown at the search page or the API gives a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

QUERY_PIECES = st.sampled_from(
    [
        '"',
        "(",
        ")",
        "AND",
        "OR",
        "NOT",
        "*",
        "~",
        ":",
        "title:",
        "actor:",
        "date:[",
        " TO ",
        "]",
        "round:",
        "^",
        "\\",
        "{",
        "}",
        "[",
        "-",
        "+",
        "Aleppo",
        "محادثات",
        "😀",
        "\x00",
        "\x07",
    ]
)
QUERIES = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(QUERY_PIECES, st.text(max_size=8)), max_size=12).map(" ".join),
)
FUZZ = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(query=QUERIES, sort=st.sampled_from(["relevance", "newest", "oldest", "x"]))
def test_search_page_never_errors(client, query, sort):
    response = client.get("/search/", {"q": query, "sort": sort})
    assert response.status_code in (200, 400)


@FUZZ
@given(query=QUERIES, year=st.one_of(st.just(""), st.text(max_size=6)))
def test_api_never_errors(client, query, year):
    response = client.get("/api/search/", {"q": query, "year": year})
    assert response.status_code in (200, 400)
    assert "error" in response.json() or "hits" in response.json()
