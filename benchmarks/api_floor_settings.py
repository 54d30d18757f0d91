"""The site's settings with the floor views of benchmarks.api_floor mounted beside it."""

from tracker.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.api_floor"
