# digestbot: the Telegram bot, its scheduler and an embedded SQLite store in /data.
# The install steps are the README's (`pip install .`), so the test suite covers them.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DATABASE_URL=sqlite:////data/digestbot.db \
    DIGEST_SOURCES=/app/seeds \
    HEARTBEAT_FILE=/data/heartbeat

WORKDIR /app
COPY pyproject.toml README.md LICENSE ./
COPY digests ./digests
COPY bot ./bot
COPY seeds ./seeds
RUN pip install '.[postgres]' \
    && useradd --system --uid 10001 --home-dir /data digestbot \
    && mkdir -p /data && chown digestbot /data

USER digestbot
VOLUME ["/data"]

# Healthy while the bot's heartbeat file (written every minute by its JobQueue) is fresh.
HEALTHCHECK --interval=60s --timeout=10s --start-period=60s --retries=3 \
    CMD ["digestbot", "health"]

CMD ["digestbot", "run"]
