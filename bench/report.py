"""Markdown tables: absolute numbers for pyxx and the other tool, and the ratio pyxx/other."""


def _time(seconds):
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 0.001:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds * 1e6:.0f} µs"


def _bytes(count):
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MiB"
    if count >= 1024:
        return f"{count / 1024:.1f} KiB"
    return f"{count} B"


FORMATS = {
    "time": _time,
    "bytes": _bytes,
    "rss": lambda kib: _bytes(kib * 1024),
    "count": lambda n: f"{n:,}",
    "per_iter": lambda x: f"{x:.2f}",
}


class Row:
    """One measure: pyxx's value, the other tool's, in one unit. A value is a number,
    None (does not apply) or a string (why it is missing, e.g. a failure)."""

    def __init__(self, label, pyxx, other, unit):
        self.label, self.pyxx, self.other, self.unit = label, pyxx, other, unit

    def cell(self, value):
        if value is None:
            return "—"
        if isinstance(value, str):
            return value
        return FORMATS[self.unit](value)

    def ratio(self):
        numeric = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (self.pyxx, self.other))
        if not numeric or self.other == 0:
            return "—"
        return f"{self.pyxx / self.other:.2f}"


def table(other_name, groups):
    """groups: list of (heading, [Row]). Returns markdown lines."""
    lines = [f"| measure | pyxx | {other_name} | pyxx/{other_name} |", "|---|---:|---:|---:|"]
    for heading, rows in groups:
        if not rows:
            continue
        lines.append(f"| **{heading}** | | | |")
        for row in rows:
            lines.append(f"| {row.label} | {row.cell(row.pyxx)} | {row.cell(row.other)} | {row.ratio()} |")
    return lines


def key_values(title, pairs):
    lines = [f"| {title} | |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in pairs]
    return lines
