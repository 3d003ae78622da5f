"""zhaoyin (招引): Chinese investment-attraction reports and releases → a DuckDB warehouse.

The subpackages ``zhaoyin.schemas``, ``zhaoyin.extractors``, ``zhaoyin.warehouse`` and ``zhaoyin.flows`` live in
the repository's top-level folders of those names; an installed wheel puts them under this package.
"""

from importlib import metadata as _metadata
from pathlib import Path as _Path

try:
    __version__ = _metadata.version("zhaoyin")
except _metadata.PackageNotFoundError:  # a source checkout that was never installed
    __version__ = "0+unknown"

# In a source checkout (tests run from the repository, git worktrees) the subpackages are this folder's
# siblings; an installed wheel has them inside this folder and the line below adds nothing that exists.
_checkout = _Path(__file__).resolve().parent.parent
if (_checkout / "extractors" / "__init__.py").is_file() and str(_checkout) not in __path__:
    __path__.append(str(_checkout))
