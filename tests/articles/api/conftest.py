from tests.tracker.api.conftest import analyst_api, api_client, editor_api, fresh_throttles

__all__ = ["analyst_api", "api_client", "editor_api", "fresh_throttles"]
