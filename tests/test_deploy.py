"""Production settings: Django's deployment checks pass with the documented environment."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
    "DJANGO_ALLOWED_HOSTS": "archive.example",
    "ARCHIVE_HTTPS": "1",
}


def check_deploy(environment):
    env = {**os.environ, **environment, "DJANGO_SETTINGS_MODULE": "archive.settings"}
    for name in ("DJANGO_DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"):  # test-only settings
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_the_documented_production_environment():
    result = check_deploy(PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_without_https():
    result = check_deploy({k: v for k, v in PRODUCTION.items() if k != "ARCHIVE_HTTPS"})
    assert result.returncode != 0 and "SECURE_SSL_REDIRECT" in result.stdout + result.stderr
