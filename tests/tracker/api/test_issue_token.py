import pytest
from django.core.management import CommandError, call_command
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db


def test_issue_token_prints_the_editors_token_and_it_authenticates(editor, capsys):
    call_command("issue_token", "editor")
    key = capsys.readouterr().out.strip()
    assert Token.objects.get(user=editor).key == key
    call_command("issue_token", "editor")
    assert capsys.readouterr().out.strip() == key  # same token on a second call


def test_issue_token_rotate_replaces_the_token(editor, capsys):
    call_command("issue_token", "editor")
    old = capsys.readouterr().out.strip()
    call_command("issue_token", "editor", "--rotate")
    assert capsys.readouterr().out.strip() != old
    assert Token.objects.filter(user=editor).count() == 1


def test_issue_token_refuses_non_editors(analyst):
    with pytest.raises(CommandError, match="not an editor"):
        call_command("issue_token", "analyst")
    assert not Token.objects.exists()


def test_issue_token_refuses_unknown_users(db):
    with pytest.raises(CommandError, match="No user"):
        call_command("issue_token", "nobody")
