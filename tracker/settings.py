"""Settings for the tracker, read from the environment (see .env.example).

Two modes, chosen by DATABASE_URL:
- unset: the embedded local default. SQLite under var/, DEBUG on unless DEBUG=0, a
  secret key made once and kept in var/, Celery tasks run in-process unless REDIS_URL
  is set.
- set: a real deployment. DEBUG off unless DEBUG=1, and with DEBUG off SECRET_KEY and
  ALLOWED_HOSTS must be given; `manage.py check --deploy` is clean.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from tracker.env import env_bool, env_int, env_list, env_parsed, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("TRACKER_VAR_DIR", str(BASE_DIR / "var")))

DATABASE_URL = env_str("DATABASE_URL")
EMBEDDED = DATABASE_URL is None
DEBUG = env_bool("DEBUG", default=EMBEDDED)


def _local_secret_key() -> str:
    """The local run's key: made on first use, then kept so sessions survive restarts."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env_str("SECRET_KEY")
if SECRET_KEY is None:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (generate one with "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`)."
        )
    SECRET_KEY = _local_secret_key()
elif len(SECRET_KEY) < 32 and not DEBUG:
    raise ImproperlyConfigured("SECRET_KEY must be at least 32 characters long.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names when DEBUG is off.")
if "*" in ALLOWED_HOSTS and not DEBUG:
    raise ImproperlyConfigured("ALLOWED_HOSTS must not be '*' when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "tracker",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks, so it sees the outcome of every login attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tracker.urls"
WSGI_APPLICATION = "tracker.wsgi.application"
ASGI_APPLICATION = "tracker.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tracker.context_processors.roles",
            ],
        },
    },
]

# Database: PostgreSQL in production and CI, SQLite for the embedded local run.
if EMBEDDED:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "tracker.sqlite3",
            "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
        }
    }
    # estimate_strength_idx's included columns serve PostgreSQL's index-only scans;
    # SQLite builds the index without them, which is all it needs.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
else:
    DATABASES = {
        "default": env_parsed(
            "DATABASE_URL",
            lambda url: dj_database_url.parse(
                url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60, minimum=0), conn_health_checks=True
            ),
            {},
            "database URL (postgres://user:password@host:port/name)",
        )
    }
    if not DATABASES["default"].get("ENGINE"):
        raise ImproperlyConfigured("DATABASE_URL is not a valid database URL.")
    if "postgresql" in DATABASES["default"]["ENGINE"]:
        # The charts' groupings sort a deployment's estimates of a metric (140k rows at a
        # million estimates): within PostgreSQL's default 4 MB they spill to disk, and the
        # first timeline after a write takes 0.3 s of SQL instead of 0.16 s.
        _options = DATABASES["default"].setdefault("OPTIONS", {})
        _work_mem = f"-c work_mem={env_int('DB_WORK_MEM_MB', 32, minimum=1)}MB"
        _options["options"] = f"{_work_mem} {_options.get('options', '')}".strip()
        # Parameters sent apart from the SQL (psycopg's server-side binding), and a
        # statement run again and again on a connection (ingestion's dozen per article)
        # prepared by PostgreSQL from its sixth run, not parsed and planned each time:
        # about a sixth less database CPU and a tenth less worker CPU per article. Django
        # leaves both off for the sake of poolers: off (0) behind one in transaction mode,
        # which cannot keep a connection's prepared statements.
        if env_bool("DB_SERVER_SIDE_BINDING", default=True):
            _options.setdefault("server_side_binding", True)
            _options.setdefault("prepare_threshold", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Failed-login throttling. Locking on the username alone would let anyone lock an
# editor out from elsewhere; locking on the pair (address, username) cannot.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15, minimum=1) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0, minimum=0)

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# Front-end packages come from the npm registry (package-lock.json) and are served
# from here, never from a CDN, so the app works offline.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/chart.js", BASE_DIR / "node_modules" / "chart.js" / "dist"),
    (
        "vendor/chartjs-adapter-date-fns",
        BASE_DIR / "node_modules" / "chartjs-adapter-date-fns" / "dist",
    ),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Security: fail closed outside DEBUG. Behind a TLS-terminating proxy set
# SECURE_PROXY_SSL_HEADER=1 so Django trusts X-Forwarded-Proto.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Celery: with REDIS_URL, a real broker and workers; without it (the local run), tasks
# run in-process as they are enqueued, so nothing else needs to be running.
REDIS_URL = env_str("REDIS_URL")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_TASK_ALWAYS_EAGER = REDIS_URL is None
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 60, minimum=1)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 90, minimum=1)
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Celery's Django fixup closes the database connection before and after every task
# unless this is set: a new PostgreSQL backend and login per article. With it, a
# worker keeps its connection and Django's own rules (DB_CONN_MAX_AGE, health checks)
# decide when to close it, applied around each task in articles/tasks.py.
CELERY_DB_REUSE_MAX = 1_000_000
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 600}
CELERY_TIMEZONE = TIME_ZONE
if CELERY_TASK_TIME_LIMIT <= CELERY_TASK_SOFT_TIME_LIMIT:
    raise ImproperlyConfigured("CELERY_TASK_TIME_LIMIT must be above CELERY_TASK_SOFT_TIME_LIMIT.")

# Periodic work for `celery beat` (articles/tasks.py): feeds whose time has come, and
# articles a killed worker left half-way.
CELERY_BEAT_SCHEDULE = {
    "poll-due-feeds": {"task": "articles.tasks.poll_due_feeds_task", "schedule": 60.0},
    "sweep-stuck-articles": {
        "task": "articles.tasks.sweep_stuck_articles_task",
        "schedule": 300.0,
    },
}

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Fetching articles from the web (articles/fetching): caps on time and size.
FETCH_TIMEOUT_SECONDS = env_int("FETCH_TIMEOUT_SECONDS", 20, minimum=1)
FETCH_MAX_BYTES = env_int("FETCH_MAX_BYTES", 5 * 1024 * 1024, minimum=1024)
# Tests serve pages from 127.0.0.1 and set this; it is not read from the environment, so
# a deployment can never allow fetching from its own loopback interface.
FETCH_ALLOW_LOOPBACK_FOR_TESTS = False
FETCH_USER_AGENT = env_str("FETCH_USER_AGENT", "tracker/0.1 (+https://github.com/)")

# The analysis (tracker/analysis): figures are compared within the same calendar "day",
# "month" or "year", or the coarser precision of the two dates when that is coarser.
DISCREPANCY_WINDOW = env_str("DISCREPANCY_WINDOW", "month")
if DISCREPANCY_WINDOW not in ("day", "month", "year"):
    raise ImproperlyConfigured(
        f"DISCREPANCY_WINDOW must be day, month or year, got {DISCREPANCY_WINDOW!r}"
    )

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["tracker.permissions.ReadOnlyOrEditor"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_ANON_RATE", "120/minute"),
        "user": env_str("API_USER_RATE", "600/minute"),
        "writes": env_str("API_WRITE_RATE", "120/minute"),
    },
}
API_PUBLIC_READS = env_bool("API_PUBLIC_READS", True)

SPECTACULAR_SETTINGS = {
    "TITLE": "Tracker API",
    "DESCRIPTION": "Deployments, contingents, estimates with their sources and citations.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One schema name per choice set (several models have a `status` or a `kind`).
    "ENUM_NAME_OVERRIDES": {
        "EstimateStatusEnum": "tracker.models.EstimateStatus",
        "ContingentStatusEnum": "tracker.models.ContingentStatus",
        "DiscrepancyStatusEnum": "tracker.models.DiscrepancyStatus",
        "DiscrepancyKindEnum": "tracker.models.DiscrepancyKind",
        "SourceKindEnum": "tracker.models.SourceKind",
        "DatePrecisionEnum": "tracker.models.DatePrecision",
        "ArticleStatusEnum": "articles.models.ArticleStatus",
    },
}

LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"axes": {"level": "WARNING"}},
}
