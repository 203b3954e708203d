"""Turn bytes into text without losing an article to a stray byte."""


def decode(data: bytes) -> tuple[str, int]:
    """Decode UTF-8; bytes that are not valid UTF-8 are read as Windows-1252.

    Returns the text and how many bytes needed the fallback. The FA-KES file, for one,
    is UTF-8 with a few stray Windows-1252 bytes; bytes that are not Windows-1252
    either (0x81, 0x8D, ...) become U+FFFD. NUL bytes, which PostgreSQL cannot store in
    text, are dropped and counted too.
    """
    nuls = data.count(b"\x00")
    if nuls:
        data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8"), nuls
    except UnicodeDecodeError:
        pass
    bad = nuls
    parts = []
    rest = data
    while rest:
        try:
            parts.append(rest.decode("utf-8"))
            break
        except UnicodeDecodeError as error:
            parts.append(rest[: error.start].decode("utf-8"))
            stray = rest[error.start : error.end]
            parts.append(stray.decode("cp1252", errors="replace"))
            bad += len(stray)
            rest = rest[error.end :]
    return "".join(parts), bad
