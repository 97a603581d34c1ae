"""Import every module of `bot` and `digests` from the installed package.

Run outside the repository, so a module imports what the install put in the venv, not
what happens to lie in the working tree: a missing dependency fails here, not in a reader's
hands.
"""

import importlib
import pkgutil
import sys
from pathlib import Path

failed = []
count = 0
for package_name in ("digests", "bot"):
    package = importlib.import_module(package_name)
    if any(Path(path).resolve() == Path(sys.argv[1], package_name) for path in package.__path__):
        sys.exit(f"{package_name} was imported from the working tree, not the install")
    for module in pkgutil.walk_packages(package.__path__, prefix=f"{package_name}."):
        if module.name.startswith("bot.migrations"):  # Alembic's scripts run only under Alembic
            continue
        if module.name.endswith(".__main__"):  # `python -m bot`: runs the CLI when imported
            continue
        try:
            importlib.import_module(module.name)
            count += 1
        except Exception as error:  # report every failure, not the first
            failed.append(f"{module.name}: {type(error).__name__}: {error}")
print(f"imported {count} modules")
if failed:
    sys.exit("\n".join(failed))
