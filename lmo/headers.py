"""Security and caching headers for each static host, written into the built site.

The Content-Security-Policy allows scripts only from the site itself and from the hashes of
the inline scripts the build actually produced (the theme's two), so an injected script does
not run. Images may also come from the map's tile server, and nothing may connect anywhere
but the site. One policy serves every page (the maps' scripts are files, not inline), except
the widgets' pages and files: Pyodide compiles WebAssembly, so those alone also allow
'wasm-unsafe-eval' (which permits compiling WebAssembly, not JavaScript's eval).

Written for: Netlify and Cloudflare Pages (``_headers``), Azure Static Web Apps
(``staticwebapp.config.json``) and nginx (``nginx-headers.conf``, to ``include`` in the
``location`` that serves the site). S3 and other CDNs take the same values in their own
console; the README says where.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S)
_SRC = re.compile(r"\ssrc\s*=")
_NOT_JAVASCRIPT = re.compile(r"""\stype\s*=\s*["']?(?!text/javascript|module)[^"'\s>]+""")

HEADER_FILES = ("_headers", "staticwebapp.config.json", "nginx-headers.conf")


def inline_script_hashes(site_dir: Path) -> list[str]:
    """CSP source expressions for every inline script any page carries, sorted."""
    found: set[str] = set()
    for page in sorted(site_dir.rglob("*.html")):
        for match in _INLINE_SCRIPT.finditer(page.read_text(encoding="utf-8")):
            attrs = match["attrs"]
            if _SRC.search(attrs) or _NOT_JAVASCRIPT.search(attrs):
                continue  # a file (allowed as 'self') or data such as JSON (never run)
            digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
            found.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(found)


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


# Theme files carry a content hash in their names, so they can be cached for a year; pages
# and everything else are revalidated on every visit, so an urgent change shows at once
# (which is also what Netlify and Cloudflare Pages send when no rule says otherwise).
IMMUTABLE = ("assets/javascripts/", "assets/stylesheets/")
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
    site_dir: Path, tile_origin: str, site_url: str, widget_paths: tuple[str, ...] = ()
) -> Policy:
    """``widget_paths``: site paths (in every language) that may compile WebAssembly."""
    policy = Policy(tuple(inline_script_hashes(site_dir)), tile_origin, widget_paths)
    base_path = urlsplit(site_url).path or "/"
    if not base_path.endswith("/"):
        base_path += "/"
    (site_dir / "_headers").write_text(netlify_headers(policy, base_path), encoding="utf-8")
    (site_dir / "staticwebapp.config.json").write_text(
        azure_config(policy, base_path), encoding="utf-8"
    )
    (site_dir / "nginx-headers.conf").write_text(nginx_snippet(policy, base_path), encoding="utf-8")
    return policy
