"""Wrong admin passwords are throttled: a lockout after a few, logged, lifted by an admin."""

import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-and-right-password"


@pytest.fixture
def curator():
    return User.objects.create_user("throttled", password=PASSWORD, is_staff=True)


def log_in(client, password, address="192.0.2.10"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "throttled", "password": password},
        REMOTE_ADDR=address,
    )


def test_the_right_password_logs_in(client, curator):
    assert log_in(client, PASSWORD).status_code == 302


def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, curator, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "wrong").status_code == 200  # the form again, with its error
    assert log_in(client, "wrong").status_code == 429  # the last one allowed locks out
    locked = log_in(client, PASSWORD)
    assert locked.status_code == 429
    assert "locked out" in locked.content.decode()


def test_a_lockout_of_one_address_leaves_another_account_alone(client, curator, settings):
    User.objects.create_user("other", password=PASSWORD, is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong", address="192.0.2.10")
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "other", "password": PASSWORD},
        REMOTE_ADDR="198.51.100.7",
    )
    assert response.status_code == 302


def test_every_failed_attempt_is_logged(client, curator):
    from axes.models import AccessAttempt, AccessFailureLog

    log_in(client, "wrong")
    log_in(client, "wrong")
    assert AccessAttempt.objects.get(username="throttled").failures_since_start == 2
    assert AccessFailureLog.objects.filter(username="throttled").count() == 2


def test_an_admin_lifts_a_lockout(client, curator, settings):
    from axes.utils import reset

    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong")
    assert log_in(client, PASSWORD).status_code == 429
    reset(username="throttled")  # what the admin's "delete access attempts" does
    assert log_in(client, PASSWORD).status_code == 302
