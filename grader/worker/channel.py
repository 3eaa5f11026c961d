"""Length-prefixed messages (JSON and the raw bytes of its arrays: grader.checkapi.wire) over a socket, with
optional file descriptors.

A frame is a header (the payload's size and the nonce of the request it
answers) followed by the JSON payload.  The receiver reads the header first,
so a message that is too large, or that answers no request it is waiting
for, is refused or skipped without ever being parsed.
"""

from __future__ import annotations

import socket
import struct
import time

from ..checkapi import wire
from ..checkapi.protocol import Key

#: Bytes of a nonce: ``secrets.token_hex(16)``.
NONCE_SIZE = 32
HEADER = struct.Struct(f">I{NONCE_SIZE}s")
NO_NONCE = b"\0" * NONCE_SIZE
#: Largest message either side accepts (the judge sends a model's weights in one message).
MAX_MESSAGE = 96 * 1024 * 1024
#: Largest message a worker sends the judge: an answer larger than this is refused in the worker,
#: so that no submission can make the judge hold (and parse) more than this per slot.
MAX_REPLY = 16 * 1024 * 1024
#: Bytes read at a time when skipping a message nobody asked for.
_DRAIN_CHUNK = 1 << 16


class ChannelClosed(EOFError):
    """The other end went away."""


class Forged(Exception):
    """A message that did not carry the nonce awaited: skipped unread."""


def _nonce_bytes(message: dict) -> bytes:
    nonce = message.get(Key.NONCE)
    if type(nonce) is str and len(nonce) == NONCE_SIZE and nonce.isascii():
        return nonce.encode("ascii")
    return NO_NONCE


class Channel:
    """Messages over a stream socket.  The receiving side bounds the size of what it reads."""

    def __init__(self, sock: socket.socket, *, max_send: int = MAX_MESSAGE):
        self.sock = sock
        self.max_send = max_send
        # Bound now: a submission patching the socket module cannot reroute its own answers.
        self._sendall = sock.sendall
        self._recv_into = sock.recv_into
        self._settimeout = sock.settimeout

    def fileno(self) -> int:
        return self.sock.fileno()

    def send(self, message: dict, fds: list[int] | None = None) -> None:
        """Send ``message``; its ``nonce`` (if any) also goes into the frame header.

        Raises wire.WireError (a ValueError) when the message is larger than ``max_send``.
        """
        payload = wire.dumps(message)
        if len(payload) > self.max_send:
            raise wire.WireError(f"message of {len(payload)} bytes is larger than {self.max_send}")
        data = HEADER.pack(len(payload), _nonce_bytes(message)) + payload
        if fds:
            socket.send_fds(self.sock, [data[:HEADER.size]], fds)
            self._sendall(data[HEADER.size:])
        else:
            self._sendall(data)

    def _read_into(self, view: memoryview, deadline: float | None) -> None:
        got, n = 0, len(view)
        # No deadline means wait as long as it takes: an idle connection is not a dead one.
        self._settimeout(None)
        while got < n:
            if deadline is not None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError("no answer in time")
                self._settimeout(remaining)
            try:
                k = self._recv_into(view[got:], n - got)
            except socket.timeout:
                raise TimeoutError("no answer in time") from None
            if k == 0:
                raise ChannelClosed("the other end closed the connection")
            got += k

    def _read_exact(self, n: int, deadline: float | None = None) -> bytes:
        buf = bytearray(n)
        self._read_into(memoryview(buf), deadline)
        return bytes(buf)

    def _skip(self, n: int, deadline: float | None) -> None:
        chunk = memoryview(bytearray(min(n, _DRAIN_CHUNK)))
        while n > 0:
            k = min(n, len(chunk))
            self._read_into(chunk[:k], deadline)
            n -= k

    def _payload(self, header: bytes, deadline: float | None, nonce: str | None, max_size: int) -> dict:
        size, sent_nonce = HEADER.unpack(header)
        if size > MAX_MESSAGE:
            raise wire.WireError(f"message of {size} bytes is larger than {MAX_MESSAGE}")
        if nonce is not None and sent_nonce != nonce.encode("ascii"):
            self._skip(size, deadline)
            raise Forged(f"a message of {size} bytes answering no request")
        if size > max_size:
            raise wire.WireError(f"message of {size} bytes is larger than {max_size}")
        return wire.loads(self._read_exact(size, deadline))

    def recv(self, deadline: float | None = None, *, nonce: str | None = None, max_size: int = MAX_MESSAGE) -> dict:
        """The next message.

        Args:
            deadline: a ``time.monotonic()`` instant; past it, TimeoutError.  None: wait for ever.
            nonce: the nonce awaited; a message whose header carries another is skipped unparsed
                (:class:`Forged`).
            max_size: largest payload parsed.

        Raises ChannelClosed, TimeoutError, Forged, or wire.WireError for a malformed or oversized message.
        """
        return self._payload(self._read_exact(HEADER.size, deadline), deadline, nonce, max_size)

    def recv_with_fds(self, max_fds: int = 4) -> tuple[dict, list[int]]:
        """The next message and the file descriptors sent with its header."""
        self._settimeout(None)
        header, fds, _, _ = socket.recv_fds(self.sock, HEADER.size, max_fds)
        if not header:
            raise ChannelClosed("the other end closed the connection")
        if len(header) < HEADER.size:
            header += self._read_exact(HEADER.size - len(header))
        return self._payload(header, None, None, MAX_MESSAGE), list(fds)
