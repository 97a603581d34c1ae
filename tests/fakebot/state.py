"""What the fake Bot API knows and records, behind one lock."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from tests.fakebot import objects
from tests.fakebot.flood import FloodLimiter, FloodLimits, FloodReport, is_group
from tests.fakebot.objects import JSON

_DEFAULT_ERRORS = {
    429: "Too Many Requests: retry after {retry_after}",
    403: "Forbidden: bot was blocked by the user",
    400: "Bad Request: chat not found",
    500: "Internal Server Error",
    502: "Bad Gateway",
}


class ApiError(Exception):
    """An error answer of the Bot API: HTTP status, description, optional parameters."""

    def __init__(self, status: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def body(self) -> JSON:
        """The JSON body Telegram answers with."""
        found: JSON = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            found["parameters"] = self.parameters
        return found


@dataclass(frozen=True)
class Call:
    """One request the bot made: method as sent, decoded parameters, outcome."""

    method: str
    params: JSON
    at: float
    status: int


@dataclass(frozen=True)
class SentMessage:
    """A message the fake accepted (sent or edited), with its text before and after parsing."""

    chat_id: int | str
    message_id: int
    text: str
    plain: str
    parse_mode: str | None
    reply_markup: JSON | None
    message_thread_id: int | None
    entities: tuple[JSON, ...]
    message: JSON
    method: str = "sendMessage"
    at: float = field(default_factory=time.monotonic)
    photo: bytes | None = None  # sendPhoto's upload (text and plain are then its caption)


@dataclass
class FailRule:
    """Answer the next `times` matching calls with an error."""

    method: str
    error: ApiError
    times: int
    chat_id: int | str | None = None

    def matches(self, method: str, params: JSON) -> bool:
        """Whether this rule applies to a call of `method` with `params`."""
        if self.method not in ("*", method) and self.method.lower() != method.lower():
            return False
        if self.times <= 0:
            return False
        return self.chat_id is None or str(params.get("chat_id")) == str(self.chat_id)


@dataclass
class Fault:
    """Misbehave on the next `times` matching calls: answer late, garbled, or not at all.

    The call itself is carried out (a message is accepted) before the answer goes wrong,
    as when Telegram sent a message but its answer was lost on the way back.
    """

    method: str
    delay: float = 0.0  # seconds before answering (a slow server, or a client's timeout)
    answer: str = "ok"  # "ok", "garbage" (200 with a body that is not JSON) or "hangup"
    times: int = 1
    chat_id: int | str | None = None

    def matches(self, method: str, params: JSON) -> bool:
        rule = FailRule(self.method, ApiError(0, ""), self.times, self.chat_id)
        return rule.matches(method, params)


class State:
    """Every mutable thing the fake holds; callers take `self.cond` around reads and writes."""

    def __init__(self, token: str, username: str) -> None:
        self.token = token
        self.username = username
        self.cond = threading.Condition()
        self.closed = False
        self.updates: list[JSON] = []
        self.next_update_id = 1
        self.fetched_upto = 0  # highest update_id ever returned by getUpdates
        self.polls_waiting = 0  # getUpdates calls now blocked in a long poll
        self.poll_turn = 0  # getUpdates calls so far: the newest one is the poll that waits
        self.calls_made: list[Call] = []
        self.accepted: list[SentMessage] = []
        self.messages: dict[tuple[str, int], JSON] = {}
        self.message_ids: dict[str, int] = {}
        self.chats: dict[str, JSON] = {}
        self.admins: dict[str, list[int]] = {}
        self.chat_errors: dict[str, ApiError] = {}
        self.rules: list[FailRule] = []
        self.faults: list[Fault] = []
        self.arrived: list[Call] = []  # calls as they arrive, before a Fault's delay
        self.limiter: FloodLimiter | None = None
        self.webhook: JSON = {}
        self.commands: dict[str, list[JSON]] = {}
        self.callback_ids: dict[str, bool] = {}  # id -> answered
        self.answers: list[JSON] = []
        self.inline_ids: set[str] = set()
        self.files: dict[str, bytes] = {}  # file_id -> content, for getFile and downloads

    # -- configuration, for tests -------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        *,
        status: int = 429,
        retry_after: int = 1,
        times: int = 1,
        chat_id: int | str | None = None,
        description: str | None = None,
    ) -> None:
        """Answer the next `times` calls of `method` (to `chat_id`, if given) with an error."""
        text = description or _DEFAULT_ERRORS.get(status, "Error").format(retry_after=retry_after)
        params = {"retry_after": retry_after} if status == 429 else None
        with self.cond:
            self.rules.append(FailRule(method, ApiError(status, text, params), times, chat_id))

    def misbehave(
        self,
        method: str,
        *,
        delay: float = 0.0,
        answer: str = "ok",
        times: int = 1,
        chat_id: int | str | None = None,
    ) -> None:
        """Carry out the next `times` calls of `method`, then answer late, garbled or never."""
        assert answer in ("ok", "garbage", "hangup"), answer
        with self.cond:
            self.faults.append(Fault(method, delay, answer, times, chat_id))

    def take_fault(self, method: str, params: JSON) -> Fault | None:
        """The fault that applies to this call, counted as used; None for most calls."""
        for fault in self.faults:
            if fault.matches(method, params):
                fault.times -= 1
                return fault
        return None

    def block_chat(self, chat_id: int | str, description: str | None = None) -> None:
        """Every later send to the chat answers 403, as when the user blocked the bot."""
        default = "Forbidden: bot was kicked from the supergroup chat"
        if not is_group(chat_id):
            default = "Forbidden: bot was blocked by the user"
        with self.cond:
            self.chat_errors[str(chat_id)] = ApiError(403, description or default)

    def forget_chat(self, chat_id: int | str) -> None:
        """Every later call about the chat answers 400 "chat not found"."""
        with self.cond:
            self.chat_errors[str(chat_id)] = ApiError(400, "Bad Request: chat not found")

    def set_admins(self, chat_id: int, user_ids: list[int]) -> None:
        """The chat's administrators; the first is its creator."""
        with self.cond:
            self.admins[str(chat_id)] = list(user_ids)

    def enforce_flood_limits(
        self, global_per_sec: int = 30, per_chat_per_sec: int = 1, per_group_per_min: int = 20
    ) -> None:
        """From now on, sends over these sliding-window limits answer 429."""
        limits = FloodLimits(global_per_sec, per_chat_per_sec, per_group_per_min)
        with self.cond:
            self.limiter = FloodLimiter(limits)

    # -- queries, for tests -------------------------------------------------------------------

    def sent(self, chat_id: int | str | None = None) -> list[SentMessage]:
        """Messages accepted by sendMessage or sendPhoto, oldest first, of one chat or all."""
        with self.cond:
            return [m for m in self.accepted if m.method in _SENDS and _is(m, chat_id)]

    def edits(self, chat_id: int | str | None = None) -> list[SentMessage]:
        """Accepted editMessageText and editMessageReplyMarkup calls, oldest first."""
        with self.cond:
            return [m for m in self.accepted if m.method not in _SENDS and _is(m, chat_id)]

    def history(self, chat_id: int | str | None = None) -> list[SentMessage]:
        """Sends and text edits in the order they were accepted, of one chat or all."""
        with self.cond:
            return [
                m for m in self.accepted if m.method != "editMessageReplyMarkup" and _is(m, chat_id)
            ]

    def calls(self, method: str | None = None) -> list[Call]:
        """Requests received, of one method (case-insensitive) or all."""
        with self.cond:
            return [
                c for c in self.calls_made if method is None or c.method.lower() == method.lower()
            ]

    def message(self, chat_id: int | str, message_id: int) -> JSON | None:
        """The current state of a message in a chat (after edits), if it exists."""
        with self.cond:
            return self.messages.get((str(chat_id), message_id))

    def flood_report(self) -> FloodReport:
        """Counters of the flood limiter; all zero when limits are not enforced."""
        with self.cond:
            return self.limiter.report() if self.limiter else FloodReport(0, 0, 0, 0)

    def pending_updates(self) -> int:
        """Injected updates not yet handed to the bot by getUpdates."""
        with self.cond:
            return sum(1 for u in self.updates if u["update_id"] > self.fetched_upto)

    # -- helpers for the method implementations (lock held) ------------------------------------

    def push_update(self, kind: str, payload: JSON) -> JSON:
        """Queue one update for getUpdates and wake long polls."""
        with self.cond:
            update = {"update_id": self.next_update_id, kind: payload}
            self.next_update_id += 1
            self.updates.append(update)
            self.cond.notify_all()
            return update

    def new_message_id(self, chat_id: int | str) -> int:
        """Message ids grow per chat, shared by the users' and the bot's messages."""
        key = str(chat_id)
        self.message_ids[key] = self.message_ids.get(key, 0) + 1
        return self.message_ids[key]

    def chat_json(self, chat_id: int | str) -> JSON:
        """The chat as last seen in an update, or a plausible one."""
        known = self.chats.get(str(chat_id))
        if known:
            return known
        if isinstance(chat_id, str):
            return {"id": -1000000000000 - len(chat_id), "type": "channel", "username": chat_id}
        return objects.chat(chat_id, "supergroup" if chat_id < 0 else "private")

    def raise_injected(self, method: str, params: JSON) -> None:
        """Raise the error a test asked for on this call, if any."""
        for rule in self.rules:
            if rule.matches(method, params):
                rule.times -= 1
                raise rule.error
        chat_error = self.chat_errors.get(str(params.get("chat_id")))
        if chat_error:
            raise chat_error


_SENDS = ("sendMessage", "sendPhoto")


def _is(message: SentMessage, chat_id: int | str | None) -> bool:
    return chat_id is None or str(message.chat_id) == str(chat_id)


def describe_chat_member(state: State, chat_id: int | str, user_id: int) -> JSON:
    """getChatMember's answer: creator, administrator or member, from the configured admins."""
    admins = state.admins.get(str(chat_id), [])
    status = "member"
    if user_id in admins:
        status = "creator" if admins[0] == user_id else "administrator"
    if user_id == objects.BOT_ID:
        return objects.member(objects.bot_user(state.username), status)
    return objects.member(objects.user(user_id, None), status)


def full_chat(state: State, chat_id: int | str) -> JSON:
    """getChat's ChatFullInfo, with the fields python-telegram-bot requires."""
    found = dict(state.chat_json(chat_id))
    gifts = ("unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription")
    found["accepted_gift_types"] = dict.fromkeys((*gifts, "gifts_from_channels"), False)
    found.update(accent_color_id=0, max_reaction_count=11)
    return found
