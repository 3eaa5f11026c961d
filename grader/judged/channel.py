"""Length-prefixed JSON messages over a socket, with optional file descriptors."""

from __future__ import annotations

import socket
import struct
import time

from . import wire

HEADER = struct.Struct(">I")
#: Largest message either side accepts.
MAX_MESSAGE = 96 * 1024 * 1024


class ChannelClosed(EOFError):
    """The other end went away."""


class Channel:
    """Messages over a stream socket.  The receiving side bounds the size of what it reads."""

    def __init__(self, sock: socket.socket):
        self.sock = sock
        # Bound now: a submission patching the socket module cannot reroute its own answers.
        self._sendall = sock.sendall
        self._recv_into = sock.recv_into

    def fileno(self) -> int:
        return self.sock.fileno()

    def send(self, message: dict, fds: list[int] | None = None) -> None:
        payload = wire.dumps(message)
        data = HEADER.pack(len(payload)) + payload
        if fds:
            socket.send_fds(self.sock, [data[:HEADER.size]], fds)
            self._sendall(data[HEADER.size:])
        else:
            self._sendall(data)

    def _read_exact(self, n: int, deadline: float | None = None) -> bytes:
        buf = bytearray(n)
        view = memoryview(buf)
        got = 0
        while got < n:
            if deadline is not None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError("no answer in time")
                self.sock.settimeout(remaining)
            try:
                k = self._recv_into(view[got:], n - got)
            except socket.timeout:
                raise TimeoutError("no answer in time") from None
            if k == 0:
                raise ChannelClosed("the other end closed the connection")
            got += k
        return bytes(buf)

    def recv(self, deadline: float | None = None) -> dict:
        """The next message.

        Args:
            deadline: a ``time.monotonic()`` instant; past it, TimeoutError.

        Raises ChannelClosed, TimeoutError, or wire.WireError for a malformed message.
        """
        (size,) = HEADER.unpack(self._read_exact(HEADER.size, deadline))
        if size > MAX_MESSAGE:
            raise wire.WireError(f"message of {size} bytes is larger than {MAX_MESSAGE}")
        return wire.loads(self._read_exact(size, deadline))

    def recv_with_fds(self, max_fds: int = 4) -> tuple[dict, list[int]]:
        """The next message and the file descriptors sent with its header."""
        header, fds, _, _ = socket.recv_fds(self.sock, HEADER.size, max_fds)
        if not header:
            raise ChannelClosed("the other end closed the connection")
        if len(header) < HEADER.size:
            header += self._read_exact(HEADER.size - len(header))
        (size,) = HEADER.unpack(header)
        if size > MAX_MESSAGE:
            raise wire.WireError(f"message of {size} bytes is larger than {MAX_MESSAGE}")
        return wire.loads(self._read_exact(size)), list(fds)
