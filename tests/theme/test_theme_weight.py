"""An article page and what it loads, images aside, weigh under 30 KB.

Bytes are counted as stored, before compression: a server that gzips sends
fewer, so the budget holds over the wire whatever the host does.
"""

from urllib.parse import urlsplit

BUDGET = 30 * 1024
IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico")


def local_file(site, page_path, url):
    """The output file a root-relative or relative `url` on `page_path` names."""
    path = urlsplit(url).path
    if path.startswith("/"):
        return site.output / path.lstrip("/")
    return (site.output / page_path).parent / path


def loaded_resources(site, page_path):
    """Every file, images aside, that the page at `page_path` makes a browser load."""
    page = site.page(page_path)
    urls = [
        link["href"]
        for link in page.find_all("link", href=True)
        if {"stylesheet", "preload", "modulepreload"} & set(link.get("rel", []))
    ]
    urls += [script["src"] for script in page.find_all("script", src=True)]
    return [
        local_file(site, page_path, url)
        for url in urls
        if not urlsplit(url).path.lower().endswith(IMAGE_SUFFIXES)
    ]


def page_weight(site, page_path):
    files = [site.path(page_path), *loaded_resources(site, page_path)]
    return sum(file.stat().st_size for file in files), files


def test_every_article_page_is_under_the_budget(demo_site):
    articles = [path for path in demo_site.pages() if path[:2] == "20"]
    assert articles
    for path in articles:
        weight, files = page_weight(demo_site, path)
        assert len(files) >= 2, f"{path} loads no stylesheet"
        assert weight <= BUDGET, f"{path}: {weight} bytes in {files}"


def test_the_budget_counts_the_stylesheet(build_site):
    # A page is not light because its styles moved elsewhere: a stylesheet
    # that alone exceeds the budget fails the check.
    site = build_site({"posts/a.md": "Title: A\nDate: 2026-03-01\n\nWords.\n"})
    (stylesheet,) = [
        file for file in loaded_resources(site, "2026/03/a/") if file.suffix == ".css"
    ]
    stylesheet.write_text("a{}" * (BUDGET // 3 + 1))
    weight, _ = page_weight(site, "2026/03/a/")
    assert weight > BUDGET
