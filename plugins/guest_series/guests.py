"""Attach each article's guest profile, and say when a guest has none."""

from .problems import WARNING, display_path, problem


def attach_profiles(articles, profiles, profiles_folder, content_root):
    """Give every article `article.guest` (a GuestProfile, or None); return problems."""
    problems = []
    folder = display_path(content_root / profiles_folder, content_root)
    for article in articles:
        author = getattr(article, "author", None)
        name = getattr(author, "name", None)
        article.guest = profiles.get(name) if name else None
        if name and article.guest is None and profiles:
            problems.append(
                problem(
                    article.source_path,
                    f"the Author {name!r} has no profile, so the post shows the name "
                    f"alone; add {folder}/<your-name>.md with `Name: {name}` "
                    "(see CONTRIBUTING.md)",
                    field="author",
                    severity=WARNING,
                    content_root=content_root,
                )
            )
    return problems
