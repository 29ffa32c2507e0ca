"""Token-bucket rate limits, one bucket per key (site key or client address), in process memory.

Each API worker keeps its own buckets, so with N workers a client may get up to N times the rate; put
a shared limiter in front (or use one worker) where that matters.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

_MAX_BUCKETS = 100_000  # forget idle clients beyond this many, so the table cannot grow without bound


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """`take(key, rate_per_minute, burst)` spends one token or says how long to wait for one."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def take(self, key: str, *, rate_per_minute: float, burst: int) -> float:
        """0.0 when the request may go ahead, else the seconds until a token is available."""
        refill_per_second = rate_per_minute / 60.0
        now = self._clock()
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                if len(self._buckets) >= _MAX_BUCKETS:
                    self._buckets.clear()
                bucket = self._buckets[key] = _Bucket(tokens=float(burst), updated=now)
            bucket.tokens = min(float(burst), bucket.tokens + (now - bucket.updated) * refill_per_second)
            bucket.updated = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return 0.0
            return (1.0 - bucket.tokens) / refill_per_second
