# digestbot: the Telegram bot, its scheduler and an embedded SQLite store in /data.
# Installs the pinned, hashed lock (requirements/lock.txt), then the package without
# resolving again: the image runs exactly the versions CI tested (`.ci/run`, locked half).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DATABASE_URL=sqlite:////data/digestbot.db \
    DIGEST_SOURCES=/app/seeds \
    HEARTBEAT_FILE=/data/heartbeat

WORKDIR /app
# The lock first: its layer is rebuilt only when the dependencies change
COPY requirements/lock.txt ./requirements/lock.txt
RUN pip install --require-hashes -r requirements/lock.txt
COPY pyproject.toml README.md LICENSE ./
COPY digests ./digests
COPY bot ./bot
COPY seeds ./seeds
RUN pip install --no-deps . \
    && useradd --system --uid 10001 --home-dir /data digestbot \
    && mkdir -p /data && chown digestbot /data

USER digestbot
VOLUME ["/data"]

# Healthy while the bot's heartbeat file (written at start, then every minute) is fresh.
HEALTHCHECK --interval=60s --timeout=10s --start-period=60s --retries=3 \
    CMD ["digestbot", "health"]

# SIGTERM (docker stop) ends it within 5 s, the work in hand finished or abandoned
CMD ["digestbot", "run"]
