"""Load benchmark: gunicorn (2 workers) on 127.0.0.1, every URL measured against /healthz in one run.

    .venv/bin/python bench/run.py --urls /,/catalogue/ --concurrency 8 --duration 20

Prints requests/s, latency percentiles and errors per URL, each URL's requests/s as a ratio of
/healthz's (the floor: no database, no template), and the workers' resident memory after each
URL (flat memory over a long run means no leak). Traffic stays on loopback and every run is
bounded in time.
"""

import argparse
import http.client
import os
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = "/healthz"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(port: int, workers: int, database_url: str | None, extra_env=None) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "storefront.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "ERROR",
        **(extra_env or {}),
    }
    if database_url:
        env["DATABASE_URL"] = database_url
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    gunicorn = Path(sys.executable).with_name("gunicorn")
    return subprocess.Popen(
        [str(gunicorn), "storefront.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--log-level", "warning"],
        cwd=ROOT, env=env,
    )


def worker_memory_mb(master_pid: int) -> float:
    """Resident memory of gunicorn's workers (the master's children), summed, in MB."""
    total_kb = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue  # the process ended meanwhile
        if fields.get("PPid", "").strip() == str(master_pid):
            total_kb += int(fields.get("VmRSS", "0 kB").split()[0])
    return total_kb / 1024


def wait_until_up(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", FLOOR)
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not answer /healthz in time")


def timed_get(connection, port: int, url: str):
    """One GET on a keep-alive connection: (the connection to go on with, the response or None, seconds)."""
    started = time.perf_counter()
    try:
        connection.request("GET", url, headers={"Accept-Encoding": "gzip"})
        response = connection.getresponse()
        response.read()
    except (OSError, http.client.HTTPException):
        connection.close()
        return http.client.HTTPConnection("127.0.0.1", port, timeout=10), None, time.perf_counter() - started
    return connection, response, time.perf_counter() - started


def hammer(port: int, url: str, concurrency: int, duration: float, max_requests: int) -> dict:
    """Keep-alive clients on loopback for at most `duration` seconds or `max_requests` requests."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop_at = time.monotonic() + duration

    def client():
        nonlocal errors
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < stop_at:
            with lock:
                if len(latencies) + errors >= max_requests:
                    return
            connection, response, elapsed = timed_get(connection, port, url)
            ok = response is not None and response.status == 200
            with lock:
                if ok:
                    latencies.append(elapsed)
                else:
                    errors += 1

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"latencies": latencies, "errors": errors, "wall": time.monotonic() - started}


def summarise(url: str, samples: list[dict]) -> dict:
    """One URL's figures over all its rounds."""
    latencies = sorted(latency for sample in samples for latency in sample["latencies"])
    wall = sum(sample["wall"] for sample in samples)

    def percentile(p):
        if not latencies:
            return float("nan")
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000

    return {
        "url": url,
        "requests": len(latencies),
        "rps": len(latencies) / wall,
        "p50": percentile(0.50),
        "p95": percentile(0.95),
        "p99": percentile(0.99),
        "mean": statistics.fmean(latencies) * 1000 if latencies else float("nan"),
        "errors": sum(sample["errors"] for sample in samples),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--urls", default="/,/catalogue/", help="comma-separated paths")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--duration", type=float, default=15, help="seconds per URL, over all rounds")
    parser.add_argument(
        "--rounds", type=int, default=5,
        help="URLs take turns this many times, so a drift in the machine's speed hits each of them alike",
    )
    parser.add_argument("--max-requests", type=int, default=200_000, help="cap per URL")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    args = parser.parse_args(argv)

    urls = [FLOOR, *[u for u in args.urls.split(",") if u and u != FLOOR]]
    port = free_port()
    server = start_gunicorn(port, args.workers, args.database_url)
    try:
        wait_until_up(port)
        for url in urls:  # warm every worker's caches and connections
            hammer(port, url, args.concurrency, 1.0, 50)
        memory_at_start = worker_memory_mb(server.pid)
        samples = {url: [] for url in urls}
        memory = []
        seconds, cap = args.duration / args.rounds, args.max_requests // args.rounds
        for _ in range(args.rounds):
            for url in urls:
                samples[url].append(hammer(port, url, args.concurrency, seconds, cap))
            memory.append(worker_memory_mb(server.pid))
        results = [summarise(url, samples[url]) for url in urls]
    finally:
        server.terminate()
        server.wait(timeout=30)

    floor = results[0]["rps"]
    print(f"gunicorn {args.workers} workers, {args.concurrency} clients, {args.duration:g} s per URL "
          f"in {args.rounds} turns")
    print(f"{'url':40} {'req/s':>9} {'ratio':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for r in results:
        print(
            f"{r['url'][:40]:40} {r['rps']:9.1f} {r['rps'] / floor:7.0%} {r['p50']:8.1f} "
            f"{r['p95']:8.1f} {r['p99']:8.1f} {r['errors']:7d}"
        )
    print(f"workers' memory (MB): {memory_at_start:.1f} after warming up, then after each turn: "
          + ", ".join(f"{mb:.1f}" for mb in memory))
    print(f"{sum(r['requests'] for r in results):,} requests in all")
    return 1 if any(r["errors"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
