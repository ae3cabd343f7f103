#!/usr/bin/env python3
"""A static server for dist/ that gzips like real static hosts (GitHub Pages, Netlify, nginx
with gzip on), for audits: `serve_gzip.py PORT DIR`."""
import gzip
import http.server
import os
import sys

TYPES = {".wasm": "application/wasm", ".js": "text/javascript", ".md": "text/markdown; charset=utf-8"}


class Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_GET(self):
        path = self.translate_path(self.path.split("?", 1)[0])
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path) or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().do_GET()
        with open(path, "rb") as f:
            body = gzip.compress(f.read(), 6)
        ext = os.path.splitext(path)[1]
        self.send_response(200)
        self.send_header("Content-Type", TYPES.get(ext) or self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port, root = int(sys.argv[1]), sys.argv[2]
    os.chdir(root)
    http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
