"""A throwaway PostgreSQL server for the hub's tests: `initdb` in a temporary folder, run as
the `postgres` user when we are root (PostgreSQL refuses to run as root), listening only on
a unix socket in that folder, stopped and removed afterwards.

Authentication is the one a real hub would use: the `postgres` superuser by peer-less
`trust` on the local socket (the test harness only), every other login by password
(scram-sha-256), which the tests give through a PGPASSFILE as libpq expects.

`make test` installs Debian's `postgresql` package when `pg_ctl` is missing (Makefile:
`postgres-check`); `find_bin` is how both look for it.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


def find_bin() -> Path | None:
    """The newest PostgreSQL's bin folder (15 or newer), or None."""
    found = []
    for folder in glob.glob("/usr/lib/postgresql/*/bin"):
        try:
            major = int(Path(folder).parent.name)
        except ValueError:
            continue
        if major >= 15 and (Path(folder) / "pg_ctl").exists():
            found.append((major, Path(folder)))
    if found:
        return max(found)[1]
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path else None


@dataclass
class Server:
    root: Path
    bin: Path
    socket_dir: Path
    port: int
    run_as: str | None
    tls: tuple[bytes, bytes] | None = None  # (certificate, key) PEM: TLS on 127.0.0.1 too

    @property
    def admin_url(self) -> str:
        """The superuser's URL (the authority's database administrator in the tests)."""
        return self.url("postgres", "pace_hub")

    def url(self, login: str, database: str = "pace_hub") -> str:
        return f"postgresql://{login}@/{database}?host={self.socket_dir}&port={self.port}"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bin / args[0]), *args[1:]]
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, check=False)

    def start(self) -> None:
        data = self.root / "data"
        made = self._run("initdb", "-D", str(data), "-U", "postgres", "--auth=trust",
                         "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
        if made.returncode:
            raise RuntimeError(f"initdb failed: {made.stderr.strip()}")
        hba = "local all postgres trust\nlocal all all scram-sha-256\n"
        listen = "''"
        if self.tls:
            hba += "hostssl all all 127.0.0.1/32 scram-sha-256\n"
            listen = "127.0.0.1"
            for name, pem in zip(("server.crt", "server.key"), self.tls, strict=True):
                (data / name).write_bytes(pem)
                (data / name).chmod(0o600)
                if self.run_as:
                    entry = pwd.getpwnam(self.run_as)
                    os.chown(data / name, entry.pw_uid, entry.pw_gid)
        (data / "pg_hba.conf").write_text(hba, encoding="utf-8")
        self._options = (f"-c listen_addresses={listen}"
                         f" -c unix_socket_directories={self.socket_dir} -p {self.port}"
                         " -c fsync=off -c max_connections=100"
                         + (" -c ssl=on" if self.tls else ""))
        self.launch()
        created = self._run("createdb", "-h", str(self.socket_dir), "-p", str(self.port),
                            "-U", "postgres", "pace_hub")
        if created.returncode:
            raise RuntimeError(f"createdb failed: {created.stderr.strip()}")

    def launch(self) -> None:
        started = self._run("pg_ctl", "-D", str(self.root / "data"), "-o", self._options,
                            "-w", "-t", "60", "-l", str(self.root / "server.log"), "start")
        if started.returncode:
            log = (self.root / "server.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"pg_ctl start failed: {started.stderr.strip()} {log}")

    def halt(self) -> None:
        """Stop the server at once, as a power cut would (it recovers from its WAL)."""
        self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


def start_server(tls: tuple[bytes, bytes] | None = None, port: int | None = None) -> Server:
    """A running throwaway server, or RuntimeError saying why not."""
    folder = find_bin()
    if folder is None:
        raise RuntimeError("PostgreSQL 15+ is not installed (no pg_ctl); `make test` installs"
                           " Debian's postgresql package when run as root")
    run_as = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            raise RuntimeError("we are root and there is no postgres user to run the"
                               " server as") from None
        run_as = "postgres"
    root = Path(tempfile.mkdtemp(prefix="pace-pg-"))
    socket_dir = root / "socket"
    socket_dir.mkdir()
    if run_as:
        entry = pwd.getpwnam(run_as)
        for path in (root, socket_dir):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    # A port number only names the socket file here (no TCP); one per process avoids clashes
    # between worktrees running their tests at the same time.
    server = Server(root, folder, socket_dir, port or 20000 + os.getpid() % 20000, run_as, tls)
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    return server
