"""Print the README's two commands (the indented lines under "## Two commands"), one a line.

CI runs exactly these, so the README cannot promise a command that CI does not prove.
"""

import re
import sys
from pathlib import Path

text = Path(__file__).resolve().parent.parent.joinpath("README.md").read_text(encoding="utf-8")
section = text.split("\n## Two commands\n", 1)[1].split("\n## ", 1)[0]
commands = re.findall(r"^    (\S.*)$", section, flags=re.MULTILINE)
if len(commands) != 2:
    sys.exit(f"README's '## Two commands' holds {len(commands)} indented commands, not 2")
print("\n".join(commands))
