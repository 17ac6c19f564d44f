"""Sphinx configuration for the Tensor Conversions site.

Built with ``sphinx-build -c . docs OUT`` (see ``tools/build_site.py``): this
file sits at the repository root, the sources in ``docs/``. Paths that
sphinx-gallery and myst-nb read are relative to ``docs/``, not to this file.
"""

import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).parent.resolve()
sys.path.insert(0, str(REPO_ROOT / "docs" / "_ext"))

# -- Project information -------------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#project-information

project = "Tensor Conversions"
author = "The Tensor Conversions contributors"
copyright = "2026, The Tensor Conversions contributors"

# -- Where the site lives -------------------------------------------------------
# From the environment, in one place (docs/_ext/site_location.py), which the
# tools read too.

from site_location import site_location  # noqa: E402

_location = site_location()
REPOSITORY_URL = _location.repository_url
BRANCH = _location.branch
HOSTED_URL = _location.hosted_url
del _location

# -- General configuration -----------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#general-configuration

extensions = [
    # Sphinx's own
    "sphinx.ext.intersphinx",
    # third party
    "myst_nb",
    "early_notebooks",  # here: between myst-nb's set-up and sphinx-gallery's examples
    "sphinx_gallery.gen_gallery",
    "sphinx_copybutton",
    # this project's (docs/_ext/)
    "executed_gallery",
    "language_switcher",
    "link_previews",  # OpenGraph and description tags
    "site_search",  # search.html's summaries and synonyms; Chinese search (sphinx-doc/sphinx#14229)
    "aria_heading_level",  # sidebar captions get an aria-level (sphinx-doc/sphinx#14030)
    "translated_theme",  # theme strings, site title, prompts: locale/LANG/LC_MESSAGES/sphinx.po
    "translated_thumbnails",  # gallery thumbnails (raw HTML) from the examples' catalogs
    "translated_figures",  # the alt text of the examples' charts, from their catalogs
    "translated_comments",  # comments in the pages' Python code: locale/LANG/LC_MESSAGES/code-comments.po
    "translated_downloads",  # a translated edition's scripts, notebooks and zips
    "folded_sections",  # `.. rst-class:: fold`: a section's claim shown, its proof folded
    "notebook_kernels",  # the notebook pages' kernels: the edition they print in
    "colab",  # "Open in Colab" on every page that has a notebook
    "api_examples",  # "Examples using X": mini-galleries, linked from the reference tables
    "sitemap",  # sitemap.xml of each edition, with hreflang alternates
]

exclude_patterns = [
    "_build",
    "locale",
    # sphinx-gallery writes a notebook next to every generated page; they are
    # downloads, not sources (myst-nb would otherwise claim them as pages).
    "auto_examples/**.ipynb",
    "auto_examples/**.py",
    "auto_examples/**.zip",
]
templates_path = ["docs/_templates"]  # relative to this file, unlike the paths above

# Every reference must resolve (-n, nitpicky); nothing is exempt, so there is
# no nitpick_ignore list.

# -- Internationalisation ----------------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#options-for-internationalisation

language = "en"  # tools/build_site.py builds each edition with -D language=...
# The editions, for the switcher on every page (docs/_ext/language_switcher.py),
# and where they are hosted: each edition's html_baseurl is site_url/LANG/.
site_languages = {"en": "English", "zh_CN": "简体中文"}
site_url = HOSTED_URL
locale_dirs = ["locale/"]  # relative to docs/
gettext_compact = False
gettext_location = False  # line numbers would churn the catalogs on every edit
gettext_uuid = False

# -- sphinx-gallery ----------------------------------------------------------------
# https://sphinx-gallery.github.io/stable/configuration.html

sphinx_gallery_conf = {
    "examples_dirs": "../examples",
    "gallery_dirs": "auto_examples",
    # filename_pattern (which scripts run) is set by executed_gallery: CUDA
    # examples run only where CUDA exists.
    "subsection_order": [
        "../examples/tensor_to_numpy",
        "../examples/numpy_to_tensor",
        "../examples/tensor_to_python",
        "../examples/edge_cases",
        "../examples/cost",
        "../examples/gpu",
    ],
    "within_subsection_order": "FileNameSortKey",
    "download_all_examples": True,
    # Reset seeds, default dtype and default device before every example, and
    # bound its run time (docs/_ext/executed_gallery/reset.py).
    "reset_modules": ("matplotlib", "executed_gallery.reset.reset_example_state"),
    "reset_modules_order": "both",
    # Measured run times change on every build; pages and catalogs must not.
    "write_computation_times": False,
    "min_reported_time": 10**9,
    "show_memory": False,
    "show_signature": False,
    "remove_config_comments": True,
    "capture_repr": ("__repr__",),
    # "Examples using X": which example calls which torch and NumPy API
    # (docs/api-examples.md shows them as mini-galleries).
    "backreferences_dir": "gen_modules/backreferences",
    "doc_module": ("torch", "numpy"),
    # first_notebook_cell (the runtime check that opens every notebook) is set
    # by docs/_ext/colab.py from the environment that builds the site.
}

# -- executed_gallery (this project's extension) -------------------------------

executed_gallery_cuda_dir = "gpu"
executed_gallery_time_limit = 120  # seconds per example; a hang fails the build

# -- Open in Colab (docs/_ext/colab.py) ----------------------------------------------

colab_repository_url = REPOSITORY_URL

# -- "Examples using X" (docs/_ext/api_examples.py) ------------------------------------

# Calls in these pages' tables link to their mini-galleries. In those tables `t`
# is a tensor and `a` an array, and NumPy is imported as `np`.
api_examples_link_pages = ["quick-reference", "conversion-matrix"]
api_examples_receivers = {"t": "torch.Tensor", "a": "numpy.ndarray", "np": "numpy"}

# -- myst-nb -----------------------------------------------------------------------
# https://myst-nb.readthedocs.io/en/latest/configuration.html

nb_execution_mode = "cache"  # executed_gallery keys the cache on the environment
nb_execution_raise_on_error = True  # an unexpected cell error fails the build
nb_execution_show_tb = True  # ...and the log shows that cell's traceback
nb_execution_timeout = executed_gallery_time_limit  # the same limit, per notebook cell
nb_merge_streams = True
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- intersphinx ---------------------------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/extensions/intersphinx.html
# Each project's own inventory first (None); offline, the local one in docs/_inventories,
# written by `nox -s inventories` for the names this site uses. No build needs the network.

intersphinx_mapping = {
    "python": ("https://docs.python.org/3/", (None, "_inventories/python.inv")),
    "numpy": ("https://numpy.org/doc/stable/", (None, "_inventories/numpy.inv")),
    "torch": (
        "https://docs.pytorch.org/docs/stable/",
        (None, "_inventories/torch.inv"),
    ),
}
intersphinx_timeout = 10  # seconds; an unreachable site falls back to the local file

# -- HTML output -----------------------------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#options-for-html-output

html_theme = "furo"
html_title = "Tensor Conversions"
html_static_path = ["docs/_static"]  # relative to this file
html_css_files = ["site.css"]
html_js_files = ["scrollable-code.js"]  # wide code blocks become keyboard-scrollable
html_favicon = "docs/_static/favicon.svg"
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/search.html",
        "sidebar/language-switcher.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "sidebar/scroll-end.html",
    ]
}
html_theme_options = {
    "source_repository": REPOSITORY_URL,
    "source_branch": BRANCH,
    "source_directory": "docs/",
}
html_copy_source = False

# -- Search (search.html?q=...) --------------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#confval-html_search_scorer
# search_scorer.js ranks Sphinx's index itself: title, summary, headings and body,
# every searched word, synonyms. Results show each page's description, which
# docs/_ext/site_search.py puts in the search page, instead of a snippet that
# Sphinx would fetch every result page to cut (67 requests, 3.6 MB for "numpy").
html_search_scorer = "docs/_ext/search_scorer.js"
html_show_search_summary = False
# Words readers search with that the pages do not always use: a searched word
# also finds the others of its group, in both editions.
site_search_synonyms = [
    ["copy", "copies", "clone", "independent", "拷贝", "复制", "副本", "独立"],
    ["gpu", "cuda", "显存", "显卡"],
    ["gpu memory", "显存"],
    ["async", "asynchronous", "non_blocking", "non blocking", "异步", "不阻塞"],
    ["non_blocking", "非阻塞", "异步"],
    ["cpu", "host", "主机"],
    ["pin", "pinned", "pin_memory", "锁页内存", "固定内存"],
    ["stride", "strides", "步幅", "步长"],
    ["endian", "字节序", "大端", "大端序", "小端序"],
    ["grad", "gradient", "requires_grad", "梯度"],
    ["contiguous", "连续", "非连续"],
    ["dtype", "dtypes", "数据类型", "类型", "类型转换"],
    ["scalar", "标量"],
    ["list", "lists", "tolist", "列表"],
    ["memmap", "mmap", "内存映射"],
    ["fast", "faster", "slow", "speed", "cost", "快速", "开销", "耗时", "性能"],
    ["share", "shared", "共享", "零复制", "零拷贝"],
    ["share memory", "shares memory", "共享内存", "内存共享"],
    ["memory", "内存"],
    ["inplace", "in-place", "原地"],
    ["in-place write", "原地修改", "原地写入", "原地操作", "写入"],
    ["delete", "lifetime", "删除"],
    ["legacy", "旧式"],
    ["constructor", "constructors", "构造函数"],
    ["autograd", "自动求导"],
    ["complex", "复数"],
    ["sparse", "稀疏"],
    ["conj", "conjugate", "共轭"],
    ["readonly", "只读"],
    ["compatibility", "version", "versions", "兼容", "版本"],
    ["image", "images", "picture", "pil", "pillow", "图像", "图片"],
    ["mps", "apple", "apple silicon", "metal", "苹果", "苹果芯片"],
    ["pandas", "dataframe", "series"],
    [
        "misconception",
        "misconceptions",
        "mistake",
        "mistakes",
        "pitfall",
        "pitfalls",
        "误区",
        "误解",
        "常见错误",
    ],
]
# Chinese search: jieba splits words with its own dictionary plus the site's terms
# (by default Sphinx loads jieba's whole dictionary again as extra words, every build).
html_search_options = {"dict": str(REPO_ROOT / "docs/locale/zh_CN/search-words.txt")}

# -- sphinx-copybutton ---------------------------------------------------------------
# https://sphinx-copybutton.readthedocs.io/en/latest/use.html

copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_exclude = ".linenos, .gp, .go"

# -- linkcheck (nox -s linkcheck) -------------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#options-for-the-linkcheck-builder

linkcheck_ignore = [
    # The hosted site and its notebooks: a page links them before the build that
    # publishes them exists.
    *([rf"^{HOSTED_URL}/"] if HOSTED_URL else []),
    r"^https://colab\.research\.google\.com/",
]

# -- Environment-dependent settings (last) -------------------------------------------

# The examples are independent: they run side by side, a worker per core (at
# most four). executed_gallery runs a build with one example or none to run
# without workers, which would cost more to start than they save.
sphinx_gallery_conf["parallel"] = min(os.cpu_count() or 1, 4)
