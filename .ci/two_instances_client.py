#!/usr/bin/env python3
"""The two-instance test's client: everything goes through HAProxy on 127.0.0.1 only.

Called by .ci/two-instances.sh with the ports, the app pids and a SQL command; prints the
figures and exits non-zero on the first failed check. Requests may name the instance they
must reach with the X-Pin header (HAProxy's use-server), so "upload on one, confirm on the
other" does not depend on round-robin timing; X-Served-By (set by HAProxy) says who answered.
"""
import concurrent.futures
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

PROXY = int(os.environ["TWO_PROXY_PORT"])
APP1_PORT = int(os.environ["TWO_APP1_PORT"])
APP1_PID = int(os.environ["TWO_APP1_PID"])
HAPROXY_SOCKET = os.environ["TWO_HAPROXY_SOCKET"]
SQL = os.environ["TWO_SQL"].split("\x1f")
BASE = f"http://127.0.0.1:{PROXY}"
RUN = uuid.uuid4().hex[:8]
EMAIL = "admin-" + RUN + "@example.org"
PASSWORD = "two-instances-" + RUN


def fail(message):
    print("FAILED: " + message, flush=True)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect())


def request(method, path, body=None, headers=None, pin=None, base=BASE, timeout=60):
    """(status, headers, body text); never raises for an HTTP status."""
    h = dict(headers or {})
    if pin:
        h["X-Pin"] = pin
    req = urllib.request.Request(base + path, data=body, method=method, headers=h)
    try:
        with OPENER.open(req, timeout=timeout) as r:
            return r.status, r.headers, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8", "replace")


def sql(statement):
    out = subprocess.run(SQL + [statement], check=True, capture_output=True, text=True, timeout=60).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def cookie(headers, name):
    for value in headers.get_all("Set-Cookie") or []:
        if value.startswith(name + "="):
            return value.split(";", 1)[0].split("=", 1)[1], value
    return None, None


def haproxy(command):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(5)
    s.connect(HAPROXY_SOCKET)
    s.sendall((command + "\n").encode())
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    return data.decode()


def server_status(name):
    for line in haproxy("show stat").splitlines():
        fields = line.split(",")
        if len(fields) > 17 and fields[0] == "apps" and fields[1] == name:
            return fields[17]
    return "?"


class Browser:
    """A logged-in browser: the session cookie, the CSRF cookie and the token of the last form."""

    TOKEN = re.compile(r'name="csrf-token" value="([^"]+)"')

    def __init__(self, credential):
        self.credential = credential
        self.csrf_cookie = None
        self.csrf_token = None

    def headers(self, extra=None):
        c = "quarkus-credential=" + self.credential
        if self.csrf_cookie:
            c += "; csrf-token=" + self.csrf_cookie
        h = {"Cookie": c}
        h.update(extra or {})
        return h

    def get(self, path, pin=None):
        return request("GET", path, headers=self.headers(), pin=pin)

    def open(self, path, pin=None):
        status, headers, body = self.get(path, pin)
        check(status == 200, f"{path} answers {status}")
        value, _ = cookie(headers, "csrf-token")
        if value:
            self.csrf_cookie = value
        m = self.TOKEN.search(body)
        check(m is not None, f"{path} has a form with a CSRF token")
        self.csrf_token = m.group(1)
        return headers, body

    def post_form(self, path, fields, pin=None):
        data = urllib.parse.urlencode(list(fields) + [("csrf-token", self.csrf_token)]).encode()
        return request("POST", path, data, self.headers({"Content-Type": "application/x-www-form-urlencoded"}), pin)

    def post_file(self, path, fields, file_name, content, pin=None):
        boundary = "----two-instances-" + uuid.uuid4().hex
        parts = []
        for k, v in list(fields) + [("csrf-token", self.csrf_token)]:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file_name}"\r\n'
                     f'Content-Type: text/csv\r\n\r\n'.encode() + content + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return request("POST", path, b"".join(parts),
                       self.headers({"Content-Type": "multipart/form-data; boundary=" + boundary}), pin)


def main():
    figures = {}
    started = time.monotonic()

    # --- Flyway migrated once although both instances started together
    history = sql("select version, count(*) from flyway_schema_history where version is not null group by version order by 1")
    check(history, "flyway_schema_history has rows")
    twice = [v for v, n in history if n != "1"]
    check(not twice, f"versions applied more than once: {twice}")
    figures["migrations"] = len(history)
    print(f"flyway: {len(history)} versions, each applied once ({', '.join(v for v, _ in history)})", flush=True)

    # --- set up the instance through the proxy
    status, _, body = request("POST", "/api/v1/setup", json.dumps(
        {"teamName": "Two instances " + RUN, "email": EMAIL, "displayName": "Admin", "password": PASSWORD}).encode(),
        {"Content-Type": "application/json"})
    check(status in (200, 201), f"setup answers {status}: {body[:300]}")
    token = json.loads(body)["token"]
    api = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}

    # --- log in on the page form; HAProxy says https (X-Forwarded-Proto), which the instances trust
    status, headers, body = request("POST", "/login", urllib.parse.urlencode(
        {"email": EMAIL, "password": PASSWORD}).encode(), {"Content-Type": "application/x-www-form-urlencoded"})
    check(status in (302, 303), f"login answers {status}")
    credential, raw = cookie(headers, "quarkus-credential")
    check(credential is not None, "login sets the session cookie")
    check("secure" in raw.lower(), "behind the trusted proxy saying https, the session cookie is Secure: " + raw)
    browser = Browser(credential)

    # --- pages with requests alternating between the instances (plain round robin)
    served = []
    references = []
    for i in range(12):
        path = ["/", "/contacts", "/contacts/import"][i % 3]
        status, headers, body = browser.get(path)
        check(status == 200, f"{path} answers {status} (logged out?) on {headers.get('X-Served-By')}")
        check(headers.get("Strict-Transport-Security") is not None, "HSTS behind the trusted proxy saying https")
        served.append(headers.get("X-Served-By"))
        references.append(headers.get("X-Request-Id") or "")
        check(re.fullmatch("[0-9A-F]{16,64}", references[-1]) is not None,
              f"the proxy's request reference answered back: {references[-1]!r}")
    check(len(set(references)) == len(references), f"one reference per request: {references}")
    check(set(served) == {"app1", "app2"}, f"pages served by both instances: {served}")
    alternations = sum(1 for a, b in zip(served, served[1:]) if a != b)
    print(f"pages: 12 requests in one session, served by {served.count('app1')} x app1 / "
          f"{served.count('app2')} x app2, {alternations} alternations, 0 logouts", flush=True)

    # --- each instance keeps the team's places for the time report in memory (report/TeamPlaces)
    # while the team's places version holds: a unit renamed through app1 shows in app2's next report
    status, _, body = request("POST", "/api/v1/organizations", json.dumps(
        {"name": "Depot " + RUN, "kind": "workplace"}).encode(), api, pin="app1")
    check(status == 201, f"organization answers {status}: {body[:300]}")
    depot = json.loads(body)["id"]
    status, _, body = request("POST", f"/api/v1/organizations/{depot}/units", json.dumps(
        {"name": "Dock", "kind": "area"}).encode(), api, pin="app1")
    check(status == 201, f"unit answers {status}: {body[:300]}")
    dock = json.loads(body)["id"]

    def unit_names(pin):
        s, _, b = request("GET", "/api/v1/reports/time?from=2026-01-01&to=2026-01-31", headers=api, pin=pin)
        check(s == 200, f"time report on {pin} answers {s}: {b[:300]}")
        return [u["name"] for u in json.loads(b)["byUnit"] if u["organizationId"] == depot]

    check(unit_names("app2") == ["Dock"] and unit_names("app1") == ["Dock"], "both instances list the new unit")
    _, headers, _ = request("GET", f"/api/v1/organizations/{depot}/units/{dock}", headers=api, pin="app1")
    status, _, body = request("PATCH", f"/api/v1/organizations/{depot}/units/{dock}", json.dumps(
        {"name": "Loading dock"}).encode(), dict(api, **{"If-Match": headers.get("ETag")}), pin="app1")
    check(status == 200, f"renaming the unit on app1 answers {status}: {body[:300]}")
    check(unit_names("app2") == ["Loading dock"], f"app2's next report names the unit renamed on app1: {unit_names('app2')}")
    print("places: a unit renamed on app1 is named anew in app2's next time report", flush=True)

    # --- upload an import on app1, check it and confirm it on app2
    browser.open("/contacts/import", pin="app1")
    status, headers, _ = browser.post_file("/contacts/import", [("onMatch", "skip")], "people.csv",
                                           f"Name,Email\nRosa Two-{RUN},rosa-{RUN}@example.org\nSam Two-{RUN},sam-{RUN}@example.org\n".encode(),
                                           pin="app1")
    check(status == 303 and headers.get("X-Served-By") == "app1", f"upload on app1 answers {status}")
    location = headers["Location"]
    key = re.search(r"/contacts/import/([0-9a-f-]{36})", location).group(1)
    _, body = browser.open(f"/contacts/import/{key}?onMatch=skip", pin="app2")
    check("Import 2 contacts" in body, "the check on app2 reads the file uploaded on app1")
    status, headers, body = browser.post_form(f"/contacts/import/{key}", [("onMatch", "skip")], pin="app2")
    check(status == 200 and "2 new contacts" in body and headers.get("X-Served-By") == "app2",
          f"the confirmation on app2 imports the file: {status}")
    # a second confirmation (a double click, the form sent again) imports nothing and is sent to the first one's
    # result, which app1 reads from the database (import_job, V28_26)
    status, headers, body = browser.post_form(f"/contacts/import/{key}", [("onMatch", "skip")], pin="app1")
    job = re.search(r"/contacts/import/jobs/[0-9a-f-]{36}", headers.get("Location") or "")
    check(status == 303 and job is not None and headers.get("X-Served-By") == "app1",
          f"a second confirmation on app1 is sent to the first one's result: {status} {headers.get('Location')}")
    status, headers, body = browser.get(job.group(0), pin="app1")
    check(status == 200 and "2 new contacts" in body, f"app1 shows the result of app2's import: {status}")
    left = sql(f"select count(*) from pending_import where id = '{key}'")[0][0]
    check(left == "0", "the imported upload is deleted")
    made = sql(f"select count(*) from contact where full_name like '% Two-{RUN}'")[0][0]
    check(made == "2", f"the file is imported once: {made} contacts")
    print("import: uploaded on app1, checked and confirmed on app2 (2 created), confirmed again on app1: sent to its"
          " result, nothing imported twice", flush=True)

    # --- a 45 MB upload goes into PostgreSQL through an instance limited to -Xmx256m (streamed,
    # not held in memory), then "start over" deletes it
    big = b"Name,Notes\n" + (b"Big Row," + b"n" * 1000 + b"\n") * 45000
    browser.open("/contacts/import", pin="app2")
    t = time.monotonic()
    status, headers, _ = browser.post_file("/contacts/import", [("onMatch", "skip")], "big.csv", big, pin="app2")
    check(status == 303, f"a {len(big)}-byte upload answers {status}")
    big_key = re.search(r"/contacts/import/([0-9a-f-]{36})", headers["Location"]).group(1)
    stored = sql(f"select octet_length(content), size_bytes from pending_import where id = '{big_key}'")
    check(stored == [[str(len(big)), str(len(big))]], f"the upload is stored whole: {stored}")
    upload_seconds = time.monotonic() - t
    status, _, _ = browser.post_form(f"/contacts/import/{big_key}/discard", [], pin="app1")
    check(status == 303, f"start over answers {status}")
    check(sql(f"select count(*) from pending_import where id = '{big_key}'")[0][0] == "0", "start over deletes the row")
    print(f"large upload: {len(big) / 1e6:.1f} MB stored in pending_import through app2 (-Xmx256m) in "
          f"{upload_seconds:.1f} s, dropped by start over on app1", flush=True)

    # --- 2 x 200 concurrent conversation POSTs, one half pinned to each instance
    status, _, body = request("POST", "/api/v1/contacts", json.dumps({"fullName": "Queue Person " + RUN}).encode(), api)
    check(status == 201, f"contact answers {status}")
    contact = json.loads(body)["id"]

    def log_conversation(n):
        pin = "app1" if n % 2 == 0 else "app2"
        s, h, b = request("POST", "/api/v1/conversations", json.dumps({
            "contactId": contact, "durationMinutes": 10, "channel": "phone",
            "summary": f"two-instances {RUN} #{n}"}).encode(), api, pin=pin)
        return s, h.get("X-Served-By")

    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=40) as pool:
        answers = list(pool.map(log_conversation, range(400)))
    seconds = time.monotonic() - t0
    errors = sum(1 for s, _ in answers if s != 201)
    by = {name: sum(1 for s, b in answers if b == name) for name in ("app1", "app2")}
    total, distinct = sql(f"select count(*), count(distinct summary) from conversation where summary like 'two-instances {RUN} #%'")[0]
    duplicates = int(total) - int(distinct)
    print(f"conversations: 400 concurrent POSTs (40 at a time) in {seconds:.1f} s, app1 {by['app1']} / app2 {by['app2']}, "
          f"errors {errors}, rows {total}, duplicates {duplicates}", flush=True)
    check(errors == 0, f"{errors} conversation POSTs failed: {[s for s, _ in answers if s != 201][:10]}")
    # pinned; a request whose instance was briefly marked down goes to the other one
    check(min(by.values()) >= 150, f"split {by}")
    check(total == "400" and duplicates == 0, f"rows {total}, distinct {distinct}")
    figures.update(requests=400, errors=errors, duplicates=duplicates)

    # --- an import running on app1 while app2 serves the queue
    rows = 20000
    csv = "Name,Email\n" + "".join(f"Bulk {RUN} {i},bulk-{RUN}-{i}@example.org\n" for i in range(rows))
    browser.open("/contacts/import", pin="app1")
    status, headers, _ = browser.post_file("/contacts/import", [("onMatch", "skip")], "bulk.csv", csv.encode(), pin="app1")
    check(status == 303, f"bulk upload answers {status}")
    bulk = re.search(r"/contacts/import/([0-9a-f-]{36})", headers["Location"]).group(1)
    # over the background threshold (2,000 rows): the confirmation on app1 answers at once with the
    # job's page, the job runs on app1, and app2 shows its progress from the database
    t = time.monotonic()
    status, headers, _ = browser.post_form(f"/contacts/import/{bulk}", [("onMatch", "skip")], pin="app1")
    check(status == 303 and "/contacts/import/jobs/" in headers.get("Location", ""),
          f"the bulk import answers {status} with its job's page")
    job = headers["Location"].rstrip("/").rsplit("/", 1)[1]
    queue_ok = queue_errors = 0
    slowest = 0.0
    reads = []
    progress = {}
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        t1 = time.monotonic()
        s, h, _ = request("GET", "/api/v1/followups/queue", headers=api, pin="app2")
        slowest = max(slowest, time.monotonic() - t1)
        if s == 200 and h.get("X-Served-By") == "app2":
            queue_ok += 1
        elif s != 200:
            queue_errors += 1
        s, h, b = request("GET", f"/api/v1/imports/{job}", headers=api, pin="app2")
        check(s == 200 and h.get("X-Served-By") == "app2", f"app2 shows the job app1 runs: {s}")
        progress = json.loads(b)
        reads.append(progress["rowsRead"])
        if progress["finishedAt"]:
            break
    seconds = time.monotonic() - t
    check(progress.get("state") == "done" and progress.get("created") == rows,
          f"the bulk import is done with {rows} created: {progress}")
    s, _, body = browser.get(f"/contacts/import/jobs/{job}", pin="app2")
    check(s == 200 and f"{rows} new contacts" in body, f"the job's page on app2 shows the result: {s}")
    print(f"import during queue: {rows} rows imported in the background on app1 in {seconds:.1f} s while app2 "
          f"answered {queue_ok} queue requests (errors {queue_errors}, slowest {slowest * 1000:.0f} ms) and showed "
          f"its progress {len(reads)} times (rows read {sorted(set(reads))[:6]}...)", flush=True)
    check(queue_errors == 0 and queue_ok > 0, "the queue is served on app2 during the import")

    # --- a large import runs on app1 when app1 is killed below: app2 must show it interrupted
    # (the apps run with a 10 s heartbeat staleness) and nothing of it may be saved
    crash_rows = 60000
    crash = "Name\n" + "".join(f"Crash {RUN} {i}\n" for i in range(crash_rows))
    browser.open("/contacts/import", pin="app1")
    status, headers, _ = browser.post_file("/contacts/import", [("onMatch", "skip")], "crash.csv", crash.encode(), pin="app1")
    check(status == 303, f"crash upload answers {status}")
    crash_key = re.search(r"/contacts/import/([0-9a-f-]{36})", headers["Location"]).group(1)
    status, headers, _ = browser.post_form(f"/contacts/import/{crash_key}", [("onMatch", "skip")], pin="app1")
    check(status == 303 and "/contacts/import/jobs/" in headers.get("Location", ""), f"crash import answers {status}")
    crash_job = headers["Location"].rstrip("/").rsplit("/", 1)[1]
    deadline = time.monotonic() + 60
    while True:
        s, _, b = request("GET", f"/api/v1/imports/{crash_job}", headers=api, pin="app2")
        progress = json.loads(b)
        if progress["state"] == "running" and progress["rowsRead"] > 0:
            break
        check(progress["finishedAt"] is None and time.monotonic() < deadline, f"the crash import runs: {progress}")
        time.sleep(0.1)
    read_at_kill = progress["rowsRead"]

    # --- kill -9 app1 under a steady trickle of page views; nobody is logged out
    log = []
    stop = threading.Event()

    def trickle():
        while not stop.is_set():
            t = time.monotonic()
            s, h, _ = browser.get("/")
            log.append((t, s, h.get("X-Served-By") if h else None))
            time.sleep(0.05)

    watcher = threading.Thread(target=trickle)
    watcher.start()
    time.sleep(1.0)
    killed_at = time.monotonic()
    os.kill(APP1_PID, signal.SIGKILL)
    down_at = None
    while time.monotonic() - killed_at < 20:
        if server_status("app1").startswith("DOWN"):
            down_at = time.monotonic()
            break
        time.sleep(0.05)
    time.sleep(1.0)
    stop.set()
    watcher.join(timeout=30)
    check(down_at is not None, "HAProxy marks app1 DOWN within 20 s")
    after = [(t, s, b) for t, s, b in log if t >= killed_at]
    failed = [(round(t - killed_at, 2), s, b) for t, s, b in after if s != 200]
    first_ok = next((t - killed_at for t, s, b in after if s == 200), None)
    figures["failover_errors"] = len(failed)
    print(f"failover: app1 killed -9; HAProxy marked it DOWN after {down_at - killed_at:.1f} s; "
          f"{len(after)} page views after the kill, errors {len(failed)}, first answer after "
          f"{first_ok if first_ok is None else round(first_ok, 2)} s, all by "
          f"{sorted(set(b for _, s, b in after if s == 200))}", flush=True)
    check(not failed, f"page views failed after the kill: {failed[:10]}")
    s, h, _ = browser.get("/contacts")
    check(s == 200 and h.get("X-Served-By") == "app2", f"still logged in on app2 after the kill: {s}")
    s, _, _ = request("POST", "/api/v1/conversations", json.dumps({
        "contactId": contact, "durationMinutes": 5, "channel": "phone", "summary": "after failover " + RUN}).encode(), api)
    check(s == 201, f"writes still work after the kill: {s}")

    # --- the import app1 was running: shown interrupted by app2, nothing of it saved, its file given back
    t = time.monotonic()
    while True:
        s, _, b = request("GET", f"/api/v1/imports/{crash_job}", headers=api, pin="app2")
        progress = json.loads(b)
        if progress["state"] != "running":
            break
        check(time.monotonic() - t < 60, f"the killed import is still 'running' 60 s after the kill: {progress}")
        time.sleep(0.5)
    check(progress["state"] == "interrupted" and "Nothing of it was saved" in progress["failure"],
          f"the killed import shows as interrupted: {progress}")
    saved = sql(f"select count(*) from contact where full_name like 'Crash {RUN} %'")[0][0]
    check(saved == "0", f"nothing of the killed import was saved: {saved} contacts")
    given_back = sql(f"select count(*) from pending_import where id = '{crash_key}' and claimed_at is null")[0][0]
    check(given_back == "1", "the killed import's file is the organizer's again")
    print(f"import killed with app1: {read_at_kill} of {crash_rows} rows read when killed; app2 showed it "
          f"interrupted {time.monotonic() - killed_at:.1f} s after the kill; 0 contacts saved; file given back",
          flush=True)

    print(f"TWO INSTANCES OK in {time.monotonic() - started:.0f} s: requests {figures['requests']}, errors "
          f"{figures['errors']}, duplicates {figures['duplicates']}, failover {down_at - killed_at:.1f} s to DOWN with "
          f"{figures['failover_errors']} failed requests", flush=True)


if __name__ == "__main__":
    main()
