"""Security and caching headers for each static host, written into the built site.

The Content-Security-Policy allows scripts only from the site itself and from the hashes of
the theme's inline scripts that ``lmo.delivery.script_policy`` lists by their exact text (never
every
inline script found in the output), so an injected script does not run. Images may also
come from the map's tile server, and nothing may connect anywhere but the site. One policy
serves every page (the maps are drawn by a file, from data), except the widgets' pages and
files: Pyodide compiles WebAssembly, so those alone also allow
'wasm-unsafe-eval' (which permits compiling WebAssembly, not JavaScript's eval).

Each page also carries its own policy in a ``<meta http-equiv>`` (its own inline-script
hashes only), for hosts that cannot send headers, such as GitHub Pages.

Written for: Netlify and Cloudflare Pages (``_headers``), Azure Static Web Apps
(``staticwebapp.config.json``) and nginx (``nginx-headers.conf``, to ``include`` in the
``location`` that serves the site). S3 and other CDNs take the same values in their own
console; the README says where.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from lmo.delivery.offline import REGISTER_SCRIPT_PREFIX
from lmo.delivery.vendor import HASHED_VENDORED_PREFIXES
from lmo.site.engine_assets import hashed_name_prefixes
from lmo.site.fonts import FONTS_FOLDER
from lmo.site.page_head import with_policy_meta

HEADER_FILES = ("_headers", "staticwebapp.config.json", "nginx-headers.conf")

# Directives a <meta http-equiv> policy cannot carry: browsers ignore them there.
META_IGNORED = ("frame-ancestors", "report-uri", "report-to", "sandbox")


@dataclass(frozen=True)
class Policy:
    script_hashes: tuple[str, ...]
    tile_origin: str
    widget_paths: tuple[str, ...] = ()

    def script_sources(self, widget: bool) -> str:
        wasm = ["'wasm-unsafe-eval'"] if widget else []
        return " ".join(["'self'", *wasm, *self.script_hashes])

    def content_security_policy(self, widget: bool = False, script_src: str = "") -> str:
        """``script_src`` replaces the script sources (nginx sets them from a variable)."""
        directives = [
            "default-src 'self'",
            "script-src " + (script_src or self.script_sources(widget)),
            # The theme's search runs in a worker from the site.
            "worker-src 'self'",
            # Leaflet positions tiles and markers through the style property (allowed by
            # style-src 'self'); the site has no inline style attributes or elements.
            "style-src 'self'",
            # data: for the theme's icons, which its stylesheet embeds.
            f"img-src 'self' data: {self.tile_origin}",
            "font-src 'self'",
            "connect-src 'self'",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
        return "; ".join(d.strip() for d in directives)

    def meta_policy(self, widget: bool, script_hashes: tuple[str, ...]) -> str:
        """The policy for one page's ``<meta http-equiv>``, for hosts that cannot send headers
        (GitHub Pages): the page's own inline-script hashes only, and without the directives
        a meta tag cannot carry."""
        wasm = ["'wasm-unsafe-eval'"] if widget else []
        sources = " ".join(["'self'", *wasm, *sorted(script_hashes)])
        directives = self.content_security_policy(script_src=sources).split("; ")
        return "; ".join(d for d in directives if not d.startswith(META_IGNORED))

    def headers(self, script_src: str = "") -> dict[str, str]:
        return {
            "Content-Security-Policy": self.content_security_policy(script_src=script_src),
            "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
            # The tile server's usage policy asks for the site's address as the referrer.
            "Referrer-Policy": "strict-origin-when-cross-origin",
            "Permissions-Policy": (
                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"
            ),
            "X-Content-Type-Options": "nosniff",
        }


# Theme files, the engine's content-hashed files (lmo.site.engine_assets.CONTENT_HASHED),
# the fonts (every file in their folder, lmo.site.fonts.PublishedFont) and Leaflet's script
# and stylesheet (lmo.delivery.vendor.HASHED_VENDORED) carry a hash of their
# content in their names, so they can be cached for a year; pages and everything else are
# revalidated on every visit, so an urgent change shows at once (which is also what Netlify
# and Cloudflare Pages send when no rule says otherwise).
IMMUTABLE = (
    "assets/javascripts/",
    "assets/stylesheets/",
    *(f"assets/{prefix}" for prefix in hashed_name_prefixes()),
    REGISTER_SCRIPT_PREFIX,
    f"assets/{FONTS_FOLDER}/",
    *(f"assets/{prefix}" for prefix in HASHED_VENDORED_PREFIXES),
)
LONG_CACHE = "public, max-age=31536000, immutable"
REVALIDATE = "public, max-age=0, must-revalidate"


def netlify_headers(policy: Policy, base_path: str) -> str:
    lines = [f"{base_path}*"]
    lines += [f"  {name}: {value}" for name, value in policy.headers().items()]
    # Both hosts join the values of every rule that matches, so the site-wide rule sets no
    # Cache-Control (their default revalidates): only the theme's files get one, the long one.
    for prefix in IMMUTABLE:
        lines += [f"{base_path}{prefix}*", f"  Cache-Control: {LONG_CACHE}"]
    # Cloudflare Pages joins the values of every matching rule, so the widget rule first
    # detaches the site-wide policy ("! name"), then sets its own. Netlify has no detach:
    # the README says how to serve the widget pages there.
    for path in policy.widget_paths:
        lines += [
            f"{base_path}{path}*",
            "  ! Content-Security-Policy",
            f"  Content-Security-Policy: {policy.content_security_policy(widget=True)}",
        ]
    return "\n".join(lines) + "\n"


def azure_config(policy: Policy, base_path: str) -> str:
    config = {
        "globalHeaders": {**policy.headers(), "Cache-Control": REVALIDATE},
        # A route's headers replace the global ones of the same name.
        "routes": [
            {"route": f"{base_path}{prefix}*", "headers": {"Cache-Control": LONG_CACHE}}
            for prefix in IMMUTABLE
        ]
        + [
            {
                "route": f"{base_path}{path}*",
                "headers": {"Content-Security-Policy": policy.content_security_policy(widget=True)},
            }
            for path in policy.widget_paths
        ],
        "responseOverrides": {"404": {"rewrite": f"{base_path}404.html"}},
        "mimeTypes": {".webmanifest": "application/manifest+json"},
    }
    return json.dumps(config, indent=2, sort_keys=True) + "\n"


def _nginx_by_path(variable: str, default: str, paths: tuple[str, ...], value: str) -> list[str]:
    """A variable that is ``value`` under any of ``paths`` and ``default`` elsewhere. One
    location serves the site, so headers differ by path through variables: "set" inside
    "if" is the use of "if" that nginx documents as safe."""
    lines = [f'set ${variable} "{default}";']
    if paths:
        pattern = "|".join(re.escape(p) for p in paths)
        lines.append(f'if ($uri ~ "^({pattern})") {{ set ${variable} "{value}"; }}')
    return lines


def nginx_snippet(policy: Policy, base_path: str) -> str:
    lines = [
        "# Generated by the site build: include it in the location that serves the site.",
        "# Pre-compressed .br and .gz files sit beside each text file.",
        "gzip_static on;",
        "brotli_static on;",
        f"error_page 404 {base_path}404.html;",
    ]
    lines += _nginx_by_path(
        "lmo_script_src",
        policy.script_sources(False),
        tuple(base_path + p for p in policy.widget_paths),
        policy.script_sources(True),
    )
    lines += _nginx_by_path(
        "lmo_cache", REVALIDATE, tuple(base_path + p for p in IMMUTABLE), LONG_CACHE
    )
    for name, value in policy.headers(script_src="$lmo_script_src").items():
        lines.append(f'add_header {name} "{value}" always;')
    lines.append('add_header Cache-Control "$lmo_cache" always;')
    return "\n".join(lines) + "\n"


def write_header_files(
    site_dir: Path,
    tile_origin: str,
    site_url: str,
    widget_paths: tuple[str, ...] = (),
    script_hashes: tuple[str, ...] = (),
) -> Policy:
    """``widget_paths``: site paths (in every language) that may compile WebAssembly;
    ``script_hashes``: of the listed inline scripts the pages carry (lmo.delivery.script_policy)."""
    policy = Policy(tuple(sorted(script_hashes)), tile_origin, widget_paths)
    base_path = urlsplit(site_url).path or "/"
    if not base_path.endswith("/"):
        base_path += "/"
    (site_dir / "_headers").write_text(netlify_headers(policy, base_path), encoding="utf-8")
    (site_dir / "staticwebapp.config.json").write_text(
        azure_config(policy, base_path), encoding="utf-8"
    )
    (site_dir / "nginx-headers.conf").write_text(nginx_snippet(policy, base_path), encoding="utf-8")
    return policy


def write_policy_meta(
    site_dir: Path, policy: Policy, pages: dict[Path, tuple[str, set[str]]]
) -> int:
    """Give every page its own policy as a ``<meta http-equiv>``. ``pages``: each page's text
    as already read and the listed inline scripts it carries (from lmo.delivery.script_policy), so
    no
    page is read twice. Returns the pages written."""
    for path, (text, hashes) in pages.items():
        relative = path.relative_to(site_dir).as_posix()
        widget = relative.startswith(policy.widget_paths) if policy.widget_paths else False
        path.write_text(
            with_policy_meta(text, policy.meta_policy(widget, tuple(hashes))), encoding="utf-8"
        )
    return len(pages)
