# Production image: gunicorn serving storefront.wsgi, static files through WhiteNoise.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=storefront.settings.production

RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 ocop

WORKDIR /app
COPY requirements.lock .
RUN pip install --no-cache-dir --require-hashes -r requirements.lock

COPY . .
RUN python -m babel.messages.frontend compile -d locale -D django \
    && SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput \
    && chown -R ocop:ocop /app

USER ocop
EXPOSE 8000
CMD ["gunicorn", "storefront.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
