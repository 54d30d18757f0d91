"""Logging in and out, failed-login throttling, and the createeditor command."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client

from tracker.roles import is_editor

pytestmark = pytest.mark.django_db

LOGIN = "/editor/login/"
PASSWORD = "correct horse battery staple"


def log_in(client: Client, username: str, password: str, ip: str):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_an_editor_logs_in_and_lands_on_the_queue(editor):
    client = Client()
    response = log_in(client, "editor", PASSWORD, "10.0.0.1")
    assert response.status_code == 302
    assert response["Location"] == "/editor/"
    assert client.get("/editor/").status_code == 200


def test_a_wrong_password_is_explained_on_the_login_page(editor):
    response = log_in(Client(), "editor", "wrong", "10.0.0.1")
    assert response.status_code == 200
    assert "do not match an account" in response.content.decode()


def test_logout_is_a_post_and_ends_the_session(editor_client):
    assert editor_client.get("/editor/logout/").status_code == 405
    response = editor_client.post("/editor/logout/")
    assert response.status_code == 302
    assert editor_client.get("/editor/").status_code == 302  # back to the login page


def test_repeated_failures_lock_the_address_and_username_pair(settings, editor):
    attacker = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(attacker, "editor", "guess", "203.0.113.9")
    # Even the right password is refused from that address now.
    locked = log_in(attacker, "editor", PASSWORD, "203.0.113.9")
    assert locked.status_code in (403, 429)
    assert "_auth_user_id" not in attacker.session


def test_failures_from_elsewhere_do_not_lock_the_editor_out(settings, editor):
    attacker = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        log_in(attacker, "editor", "guess", "203.0.113.9")
    the_editor = Client()
    response = log_in(the_editor, "editor", PASSWORD, "198.51.100.7")
    assert response.status_code == 302
    assert the_editor.session["_auth_user_id"] == str(editor.pk)


def test_failures_for_another_username_do_not_lock_the_editor_at_that_address(settings, editor):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        log_in(client, "somebody-else", "guess", "10.1.1.1")
    assert log_in(client, "editor", PASSWORD, "10.1.1.1").status_code == 302


def test_createeditor_makes_an_editor_who_can_log_in(capsys):
    call_command("createeditor", "newsdesk", email="desk@example.org", password=PASSWORD)
    user = get_user_model().objects.get(username="newsdesk")
    assert is_editor(user)
    assert user.email == "desk@example.org"
    assert log_in(Client(), "newsdesk", PASSWORD, "10.0.0.5").status_code == 302
    assert "Editor 'newsdesk' created" in capsys.readouterr().out


def test_createeditor_refuses_a_weak_password():
    with pytest.raises(CommandError, match="Password refused"):
        call_command("createeditor", "weak", password="12345678")
    assert not get_user_model().objects.filter(username="weak").exists()


def test_createeditor_refuses_an_existing_username(editor):
    with pytest.raises(CommandError, match="already exists"):
        call_command("createeditor", "Editor", password=PASSWORD)


def test_createeditor_without_a_terminal_asks_for_password_flag(monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    with pytest.raises(CommandError, match="pass --password"):
        call_command("createeditor", "scripted")


def test_createeditor_prompts_twice_for_the_password(monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    call_command("createeditor", "prompted")
    assert get_user_model().objects.get(username="prompted").check_password(PASSWORD)
