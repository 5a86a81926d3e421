"""The hub over TLS with verify-full, as an authority runs it: a server whose certificate the
authority's CA signed is reached; the same server checked against another CA is refused in
one plain line, and nothing is sent."""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from pace_desktop.cli import main
from pace_desktop.hub import admin
from pace_desktop.hub.connect import connect
from pace_desktop.hub.migrate import migrate
from tests import pg_server as pg


def _ca(name: str) -> tuple[Any, Any]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    return cert, key


def _server_cert(ca: Any, ca_key: Any) -> tuple[bytes, bytes]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
            .issuer_name(ca.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                critical=False)
            .sign(ca_key, hashes.SHA256()))
    return (cert.public_bytes(serialization.Encoding.PEM),
            key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption()))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def tls_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Path, Path]]:
    if pg.find_bin() is None:
        pytest.skip("PostgreSQL 15+ is not installed")
    folder = tmp_path_factory.mktemp("tls")
    ca, ca_key = _ca("Fictional Council CA")
    other, _ = _ca("Someone Else CA")
    (folder / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (folder / "other.pem").write_bytes(other.public_bytes(serialization.Encoding.PEM))
    server = pg.start_server(tls=_server_cert(ca, ca_key), port=_free_port())
    with connect(server.admin_url) as conn:
        migrate(conn)
        admin.add_worker(conn, "tls_ali", "north", False)
        conn.execute("ALTER ROLE tls_ali PASSWORD 'tls-secret'")
        conn.commit()
    (folder / "pgpass").write_text("*:*:*:tls_ali:tls-secret\n")
    (folder / "pgpass").chmod(0o600)
    yield server, folder, folder / "pgpass"
    server.stop()


def test_verify_full_with_the_authoritys_ca(tls_hub: Any, capsys: Any,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    server, folder, passfile = tls_hub
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    base = f"postgresql://tls_ali@localhost:{server.port}/pace_hub?sslmode=verify-full"
    assert main(["hub", "status", "--url", f"{base}&sslrootcert={folder / 'ca.pem'}"]) == 0
    assert "signed in as tls_ali" in capsys.readouterr().out
    with connect(f"{base}&sslrootcert={folder / 'ca.pem'}") as conn:
        assert conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
                            ).fetchone() == (True,)
    assert main(["hub", "status", "--url", f"{base}&sslrootcert={folder / 'other.pem'}"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith("The hub at localhost/pace_hub could not be trusted, so nothing was"
                          " sent"), err
    assert "certificate" in err and "tls-secret" not in err


def test_a_certificate_that_fails_is_one_plain_line_in_the_app(
        tls_hub: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not "working offline": a hub that cannot prove itself may be an impostor."""
    import tomli_w
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from tests.gui_helpers import WAIT_MS, make_store, running_app, settle, unlock

    server, folder, passfile = tls_hub
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    url = (f"postgresql://tls_ali@localhost:{server.port}/pace_hub?sslmode=verify-full"
           f"&sslrootcert={folder / 'other.pem'}")
    settings = tmp_path / "settings.toml"
    settings.write_text(tomli_w.dumps({"hub_url": url}))
    path = make_store(tmp_path / "laptop.pacestore")
    with running_app(path, path, settings_path=settings) as app:
        window = unlock(qtbot, app)
        qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda: not window.hub.running, timeout=WAIT_MS * 3)
        assert window.hub.message == (
            "The sync did not finish: The hub at localhost/pace_hub could not be trusted, so"
            " nothing was sent: the hub's certificate is not signed by the CA given in"
            " sslrootcert (is it the authority's CA?).")
        assert window.findChild(QLabel, "hubSyncLabel").text() == "Not synced"
        settle(qtbot, app)
