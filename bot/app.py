"""The Application, built once from Settings; services opened in post_init, closed at shutdown."""

from __future__ import annotations

import asyncio
import logging
import math
import signal
from dataclasses import dataclass, field
from typing import Any, cast
from zoneinfo import ZoneInfo

from telegram import BotCommand
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationBuilder, Defaults

from bot import health, roles, texts
from bot.context import CONTEXT_TYPES, BotApplication, BotContext, Services
from bot.delivery import Deliverer
from bot.handlers import register
from bot.leadership import Leadership
from bot.ratelimit import FloodLimiter, PerChatUpdates
from bot.scheduling import STOP_GRACE
from bot.settings import Settings
from bot.sharing import sharing_for
from bot.sources import FetchConfig, Fetcher, fetch_config
from bot.startup import StartupError, hold_role, open_store_async
from bot.store import Store
from bot.store.locks import SessionLock
from bot.worker import BUDGET, PageWorker

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Tuning:
    """Knobs tests and benchmarks turn; the defaults are Telegram's published limits."""

    overall_limit: float = 30.0  # messages per second the server allows, all chats (Telegram)
    headroom: float = 0.05  # share of it left unused: jitter must not carry a second over it
    group_rate: float = 20.0  # messages per minute per group
    max_retries: int = 5  # 429s the limiter retries itself (after retry_after)
    chat_interval: float = 1.05  # seconds between two messages to one chat (Telegram: ~1)
    network_backoff: float = 1.0  # first wait after a network error; doubles, 3 tries
    first_scan: float = 1.0  # seconds after start before the first scan
    # HTTP connections to the Bot API. httpcore polls every pooled connection on each request:
    # 32 cost a quarter of the fan-out's CPU (359 → 446 msg/s with 8). In flight are only the
    # sends the limiter let out, rate × round trip: 8 carry 30/s at round trips up to 250 ms,
    # and a send that finds none free waits up to pool_timeout for one.
    pool_size: int = 8
    pool_timeout: float = 10.0
    read_timeout: float = 5.0  # for Telegram's answer (PTB's default); past it a send is unsure
    fetch: FetchConfig = field(default_factory=FetchConfig)
    # Pages digested in a worker process, each within page_budget seconds (bot.worker);
    # off, in a thread of the bot's own process (tests that do not need a second process).
    page_worker: bool = True
    page_budget: float = BUDGET


def build_application(
    settings: Settings, tuning: Tuning | None = None, *, stop_signals: bool = False
) -> BotApplication:
    """The bot, wired: rate limiter, time zone, handlers, services' lifecycle.

    With `stop_signals`, SIGINT and SIGTERM stop it the way a service stops (see `_stop`);
    pass `stop_signals=None` to run_polling/run_webhook then, so PTB does not install its own.
    """
    if not settings.token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    tuning = tuning or Tuning()
    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .context_types(CONTEXT_TYPES)
        .defaults(Defaults(tzinfo=ZoneInfo(settings.timezone)))
        .rate_limiter(limiter(tuning))
        .concurrent_updates(PerChatUpdates())
        .connection_pool_size(tuning.pool_size)
        .pool_timeout(tuning.pool_timeout)
        .read_timeout(tuning.read_timeout)
        .post_init(_opener(settings, tuning, stop_signals))
        .post_shutdown(_close)
    )
    if settings.api_url:
        builder = builder.base_url(settings.api_url)
        if settings.api_url.rstrip("/").endswith("/bot"):  # the same server's file downloads
            builder = builder.base_file_url(
                settings.api_url.rstrip("/")[: -len("bot")] + "file/bot"
            )
    application = cast(BotApplication, builder.build())
    register(application)
    return application


def limiter(tuning: Tuning) -> FloodLimiter:
    """The overall limit as a leaky bucket a little under it; a storm is a tenth of it refused.

    In any one second the bucket lets out at most its burst plus its rate: that sum is kept
    `headroom` under the server's limit, so a request delayed on its way (a loop or GC
    pause) does not carry a second's count over it. The burst (2 %) is what lets a late
    wake-up catch up: with a bucket of one, each late wake-up is a send lost for good
    (measured: 170/s from a bucket of 189/s).
    """
    budget = tuning.overall_limit * (1 - tuning.headroom)  # the most sent in any one second
    burst = max(1.0, round(budget / 50))
    return FloodLimiter(
        interval=tuning.chat_interval,
        storm=max(3, math.ceil(tuning.overall_limit / 10)),
        overall_max_rate=burst,
        overall_time_period=burst / (budget - burst),
        group_max_rate=tuning.group_rate,
        max_retries=tuning.max_retries,
    )


def _opener(settings: Settings, tuning: Tuning, stop_signals: bool) -> Any:
    async def post_init(application: BotApplication) -> None:
        """Open the store and the fetcher, start the scan, rebuild the schedules, set commands."""
        await _beat(settings)  # healthy from the first second, not after the first interval
        store = await open_store_async(settings)
        role = await _hold_role(store, polling=not settings.webhook_url)
        if store.dialect == "sqlite":  # the only process: claims left are a dead one's
            await asyncio.to_thread(store.drop_claims)
        deliverer = Deliverer(
            application.bot,
            store,
            backoff=tuning.network_backoff,
            claim_lease=settings.delivery_lease,
        )
        services = Services(
            settings=settings,
            store=store,
            fetcher=Fetcher(fetch_config(settings, tuning.fetch)),
            deliverer=deliverer,
            leadership=Leadership(store),
            sharing=sharing_for(store, settings),
        )
        services.closers.callback(store.close)
        if role is not None:
            services.closers.callback(role.release)  # runs before store.close: stack order
        services.closers.push_async_callback(services.fetcher.aclose)
        services.closers.push_async_callback(services.leadership.release)  # before the store
        if tuning.page_worker:  # started now, so the first scan finds jieba loaded
            services.worker = PageWorker(budget=tuning.page_budget)
            services.worker.start()
            services.closers.callback(services.worker.close)
        application.bot_data.services = services
        jobs = application.job_queue
        assert jobs is not None  # installed with the job-queue extra
        jobs.run_repeating(_heartbeat, health.INTERVAL, first=health.INTERVAL, name="heartbeat")
        if stop_signals:
            _handle_stop_signals(application)
        count = await roles.start(jobs, services, tuning.first_scan)
        if count is None:
            log.info("bot @%s ready: the leading replica runs the timers", application.bot.username)
        else:
            log.info("bot @%s ready: %d subscription(s) scheduled", application.bot.username, count)
        await set_commands(application)

    return post_init


async def _hold_role(store: Store, *, polling: bool) -> SessionLock | None:
    """`hold_role`, closing the store when another process has the role."""
    try:
        return await asyncio.to_thread(hold_role, store, polling=polling)
    except StartupError:
        store.close()
        raise


async def _heartbeat(context: BotContext) -> None:
    """Tell `digestbot health` (the container's health check) that the loop still turns."""
    await _beat(context.services.settings)


async def _beat(settings: Settings) -> None:
    try:
        await asyncio.to_thread(health.beat, settings.heartbeat_file)
    except OSError as error:  # a read-only or full disk must not stop the bot
        log.warning("heartbeat not written to %s: %s", settings.heartbeat_file, error)


async def _close(application: BotApplication) -> None:
    """Close what post_init opened (in reverse order)."""
    services = application.bot_data.services
    if services is not None:
        await services.wind_down(0)  # at once: a stop signal has already given its grace
        await services.closers.aclose()
        application.bot_data.services = None


def _handle_stop_signals(application: BotApplication) -> None:
    """SIGINT/SIGTERM: finish or abandon the work in hand, then stop (within 5 s in all).

    PTB's own handlers stop at once but then wait for every running job to end, however
    long a fan-out to thousands of chats still takes; Docker kills the process 10 s after
    SIGTERM. Here the jobs are told to stop first, with STOP_GRACE for what is in flight.
    """
    loop = asyncio.get_running_loop()
    stopping: list[asyncio.Task[None]] = []  # the one stop task, kept from the collector

    def on_signal(signum: signal.Signals) -> None:
        if stopping:
            return
        log.info("%s: stopping (up to %g s for the work in hand)", signum.name, STOP_GRACE)
        stopping.append(loop.create_task(_stop(application)))

    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, on_signal, signum)


async def _stop(application: BotApplication) -> None:
    services = application.bot_data.services
    if services is not None:
        await services.wind_down(STOP_GRACE)
    application.stop_running()


async def set_commands(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """The clients' command menu, in Chinese and English; a failure is logged, never fatal."""
    public = [c for c in texts.COMMANDS if not c.admin]
    try:
        await application.bot.set_my_commands([BotCommand(c.name, c.zh) for c in public])
        await application.bot.set_my_commands(
            [BotCommand(c.name, c.en) for c in public], language_code="en"
        )
    except TelegramError as error:
        log.warning("set_my_commands failed (the menu may be stale): %s", error)
