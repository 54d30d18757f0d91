# The production image: gunicorn serving the app, the same image runs the Celery
# worker and beat (see docker-compose.yml).
FROM node:20-bookworm-slim AS static
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

# The extraction engine compiled with Cython (articles/extraction/build.py), on the full
# image that has a C compiler; the same Python version as the final stage below.
FROM python:3.11-bookworm AS engine
WORKDIR /app
RUN pip install --no-cache-dir cython==3.3.1
COPY articles/__init__.py articles/
COPY articles/extraction/ articles/extraction/
RUN python -m articles.extraction.build

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 UV_PROJECT_ENVIRONMENT=/venv PATH=/venv/bin:$PATH
WORKDIR /app
RUN pip install --no-cache-dir uv==0.13.9 && useradd --create-home tracker
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
COPY --from=static /app/node_modules ./node_modules
COPY --from=engine /app/var/compiled ./var/compiled
RUN DEBUG=0 SECRET_KEY=build-only-collectstatic-key-not-used-at-runtime ALLOWED_HOSTS=build \
    DATABASE_URL=postgres://build@localhost/build STATIC_ROOT=/app/staticfiles \
    python manage.py collectstatic --noinput --verbosity 0 \
    && mkdir -p /app/var && chown -R tracker /app/var
USER tracker
EXPOSE 8000
CMD ["gunicorn", "tracker.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
