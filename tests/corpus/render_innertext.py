"""Print document.body.innerText of a saved HTML file, as the saved-html gold furniture was made:
Chromium (Debian's /usr/bin/chromium) driven by Playwright, JavaScript off, offline, every non-file
request aborted, viewport 1280x900.  Usage: python render_innertext.py FILE.html > FILE.txt
Not a pytest module; needs the playwright package and Chromium.
"""
import pathlib
import sys

from playwright.sync_api import sync_playwright

# Render a local saved HTML file with JavaScript off and every non-file request aborted; print body.innerText
src = pathlib.Path(sys.argv[1]).resolve()
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    ctx = b.new_context(java_script_enabled=False, offline=True, viewport={"width":1280,"height":900})
    ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    pg = ctx.new_page()
    pg.goto(src.as_uri(), wait_until="domcontentloaded", timeout=60000)
    t = pg.evaluate("document.body ? document.body.innerText : ''")
    b.close()
sys.stdout.write(t)
