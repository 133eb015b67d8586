"""@mentions in posts become links to the person's profile.

`@name` (an X handle) links to https://x.com/name, `@user@server` (a
fediverse handle) to https://server/@user. The visible text stays exactly as
written; only the link is added.

Why a Python-Markdown tree processor, not Beautiful Soup over the HTML: the
tree already knows what is code (code spans and blocks are elements with
atomic text, or stashed HTML) and what is a link, so nothing needs parsing
again, and the result is kept in Pelican's content cache with the post. It
runs after Markdown's inline phase and after smart punctuation (whose quotes
depend on the text around them), walking the tree once in document order. Raw HTML in
a post stays in Markdown's stash as placeholders; the walk reads the tags in
them, so that a mention inside a hand-written `<a>` or `<code>` is left alone.

A post turns mentions off with `Mentions: off` in its metadata; a site with
the setting GUEST_SERIES_MENTIONS = False does not load this extension.

Technical prose is full of `@` that names no one: CSS at-rules (`@media
screen`), decorators and annotations (`@property`, `@app.route(...)`,
`@Override`), npm scopes (`@babel/core`), JSDoc tags, chat keywords (`@here`),
quoted keys ('@type'), Perl arrays, Matrix IDs (`@jo:matrix.org`). A link to X
for those is a misfire, and a wrong link is worse than a missing one: when the
text around an `@` looks like code, it is not linked (`code_like`). An author
keeps any one from being linked by writing `\\@name`, which shows `@name`; a
site can also list the only accounts it links (`accounts`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..core.handles import HandleError, check_host_name
from ..core.markers import switch_is_on

# Elements whose text is never a mention: links, code, and raw text.
SKIPPED_ELEMENTS = frozenset(
    {"a", "code", "pre", "kbd", "samp", "script", "style", "textarea", "tt"}
)

# A handle starts a token: not after a letter, digit or any character that
# joins it to an e-mail address or a URL (jo@example.com, /@jo, ?u=@jo).
# It ends the token too: @jo-smith or @jo.example.com is not the handle @jo.
# (\x02 digits \x03 is a character escaped with a backslash, such as \_.)
MENTION = re.compile(
    r"""
    (?<![\w@/.:+\-=&%~#$\\])(?<!\d\x03)
    @(?P<user>[A-Za-z0-9_]{1,30})
    (?:@(?P<host>[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?
        (?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+))?
    (?![\w@]|[-.](?=\w)|\x02\d)
    """,
    re.VERBOSE,
)
X_NAME_LENGTH = 15


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Names that, after an @, are code far more often than people: CSS and Sass
# at-rules, Python, Java, TypeScript, Swift and Kotlin decorators and
# annotations, JSDoc and Javadoc tags, chat keywords, Perl's arrays, Objective-C
# and template directives, and placeholders. Compared lower-case; a site that
# means one of them as an account lists it in GUEST_SERIES_MENTION_ACCOUNTS.
CODE_NAMES = _names(
    """
    media import charset namespace supports page layer container keyframes
    property document viewport scope counter_style font_feature_values
    tailwind apply screen variants responsive use forward mixin include extend
    each if else for while function return debug warn error content at_root
    staticmethod classmethod abstractmethod cached_property dataclass lru_cache
    cache wraps override overload contextmanager asynccontextmanager
    total_ordering singledispatch final runtime_checkable pytest fixture
    deprecated suppresswarnings functionalinterface test before after
    beforeeach aftereach beforeall afterall autowired component service
    repository controller restcontroller entity table column id bean
    configuration nullable nonnull notnull inject injectable input output
    ngmodule hostlistener viewchild directive pipe transactional value
    getmapping postmapping requestmapping pathvariable requestbody
    param params returns return throws type typedef example see link since
    author version private public protected readonly async callback template
    brief class interface implementation end synthesize selector protocol
    optional required autoreleasepool objc escaping mainactor available state
    published binding observable observedobject environment environmentobject
    jvmstatic jvmfield jvmoverloads composable preview
    here channel everyone all someone group
    argv inc isa export export_ok
    click submit change keyup keydown
    section yield extends foreach endforeach endif php csrf
    user username name handle yourname yourhandle me example latest next
    dependabot renovate renovatebot bors mergify codecov copilot coderabbitai
    href src rel alt lang xmlns xml model using code functions
    echo mkdir rm cp mv printf cd set make true false exit
    """
)

# What makes the @ before a name code rather than a mention: the word after
# it names what it is ("the @cache decorator").
CODE_WORDS = _names(
    """
    decorator decorators annotation annotations directive directives at-rule
    at-rules rule block blocks mixin mixins macro macros attribute attributes
    modifier modifiers keyword keywords variable variables ivar ivars
    query queries selector syntax scope scoped package packages namespace
    operator
    """
)
# The same, said before it ("the decorator @retry"): fewer words, since
# "our operator @jo" or "tag @jo" name people.
CODE_WORDS_BEFORE = _names(
    """
    decorator decorators annotation annotations directive directives at-rule
    at-rules mixin mixins macro macros keyword keywords variable variables
    """
)
# A line after a run of decorator lines that shows they were code.
_CODE_LINE = re.compile(
    r"\s*(?:async\s+def|def|class|function|fun|func|public|private|protected|static|"
    r"export|override|void|const|let|var|interface|@)\b"
)
# What may follow a mention in prose: the end, a space, or punctuation that
# ends a clause and is itself followed by the end, a space or a closing mark.
_PROSE_AFTER = re.compile(r"""(?:$|\s|[)\]’”"'…—–]|[.,;:!?](?:$|[\s)\]’”"'…—–.,;:!?]))""")
_QUOTES = "'\"‘“’”«»‹›"
_NOT_BEFORE = "[{<|^!*`" + "\u200b"  # citation [@key], {@link}, <@U123>, …
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
# The word before the @, past an opening bracket or a colon: "variables (@user".
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z-]*)[\s(:,]*$")
# SQL keywords, as SQL writes them, before a variable: DECLARE @count INT.
_SQL_BEFORE = _names("DECLARE SET SELECT EXEC EXECUTE WHERE AND OR VALUES INTO AS")
# "wrap the view in @login_required", "decorated with @retry".
_DECORATING = re.compile(
    r"\b(?:wrap|wraps|wrapped|decorate|decorates|decorated)\s+"
    r"(?:(?:the|a|an|it|them|each|every|[a-z]+s?)\s+)?(?:in|with)\s+$"
)
# A command-line option after the name: @rsync -az, @mkdir -p.
_OPTION_AFTER = re.compile(r"[ \t]+--?[A-Za-z]")
# An assignment after the name: @count = 0, @x += 1.
_ASSIGNED = re.compile(r"\s*(?:[-+*/:|&]?=)(?!=)")
# A name that is a time or a size: @3pm, @2x, @60fps.
_MEASURE = re.compile(r"\d+[A-Za-z]{0,3}")
# What joins the items of a list: "(@user, @posts)", "@login_required and @require_POST".
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")

# Markdown's placeholder for stashed raw HTML, and the tags that matter in it.
STASH_PLACEHOLDER = re.compile("\x02wzxhzdk:(\\d+)\x03")
_RAW_TEXT = re.compile(
    r"<!--.*?-->|<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
_TAG = re.compile(r"""<(/?)([A-Za-z][A-Za-z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>""")


def mention_url(user: str, host: str | None, x_domain: str) -> str | None:
    """The profile address of @user (X) or @user@host (fediverse), or None."""
    if host is None:
        if len(user) > X_NAME_LENGTH:
            return None
        return f"https://{x_domain}/{user}"
    try:
        check_host_name(host.lower(), "")
    except HandleError:
        return None
    return f"https://{host.lower()}/@{user}"


def _starts_in_url(text, at):
    """Whether the @ at `at` is inside a URL written out as text."""
    start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at), text.rfind("\t", 0, at))
    token = text[start + 1 : at].lower()
    return "://" in token or token.startswith("www.") or "mailto:" in token


def account_key(user: str, host: str | None) -> str:
    """How an account is compared: `name` or `user@server`, lower-case."""
    return (user if host is None else f"{user}@{host}").lower()


def code_like(
    text: str, start: int, end: int, user: str, names: frozenset[str] = CODE_NAMES
) -> bool:
    """Whether the @name at text[start:end] reads as code rather than a person.

    `names` are the names that are code wherever they are (CODE_NAMES).
    """
    before = text[start - 1] if start else ""
    after = text[end:]
    if before in _NOT_BEFORE and before:
        return True
    if user.lower() in names or _MEASURE.fullmatch(user):
        return True
    opened = text.rfind("[", 0, start)
    if opened > text.rfind("]", 0, start):
        return True  # within brackets: a citation, [see @knuth1984; @lamport1994]
    if not _PROSE_AFTER.match(after):
        return True  # @x(, @x{, @x=, @x/y, @x:y, @x;y, @x<T>
    if before and before in _QUOTES and after[:1] in _QUOTES and after[:1]:
        return True  # a quoted identifier: '@type', "@audit"
    next_word = _WORD.match(after.lstrip(" \t"))
    if next_word and next_word[0].lower() in CODE_WORDS:
        return True  # the @cache decorator, an @Entity annotation
    if _ASSIGNED.match(after) or _OPTION_AFTER.match(after):
        return True  # @count = 0, @rsync -az
    word = _WORD_BEFORE.search(text, 0, start)
    if word and (word[1].lower() in CODE_WORDS_BEFORE or word[1] in _SQL_BEFORE):
        return True  # the decorator @retry, DECLARE @count
    if _DECORATING.search(text, 0, start):
        return True  # wrapped in @login_required
    if after.lstrip(" \t")[:1] == "{":
        return True  # @font-face-like blocks: @name {
    return _decorator_line(text, start, end)


def _decorator_line(text, start, end):
    """@name alone on its line, in a run of such lines that a def or class ends."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    line_end = text.find("\n", end)
    if line_end == -1 or text[end:line_end].strip():
        return False
    for line in text[line_end + 1 :].split("\n"):
        if not line.strip().startswith("@"):
            return bool(_CODE_LINE.match(line))
    return False


def link_mentions(
    text: str, x_domain: str, accounts: frozenset[str] | None = None
) -> list[str | etree.Element] | None:
    """`text` split into plain strings and mention links, or None if it has none.

    The pieces, joined, give back `text` exactly; each link is an `a` element
    whose text is the mention as written. `accounts`, when given, are the only
    ones linked (as `account_key` writes them), even those named like code.
    """
    if "@" not in text:
        return None
    pieces, done = [], 0
    code_end = None  # where the last @name that read as code ended
    for match in MENTION.finditer(text):
        url = mention_url(match["user"], match["host"], x_domain)
        if url is None or _starts_in_url(text, match.start()):
            continue
        if code_end is not None and _LIST_JOIN.fullmatch(text, code_end, match.start()):
            code_end = match.end()  # listed beside code, as code: (@user, @posts)
            continue
        names = CODE_NAMES
        if accounts is not None:
            if account_key(match["user"], match["host"]) not in accounts:
                continue
            names = frozenset()  # a listed account is one, whatever its name
        if code_like(text, match.start(), match.end(), match["user"], names):
            code_end = match.end()
            continue
        code_end = None
        link = etree.Element("a", {"class": "mention", "href": url})
        link.text = AtomicString(match[0])
        pieces += [text[done : match.start()], link]
        done = match.end()
    if not pieces:
        return None
    pieces.append(text[done:])
    return pieces


def _has_at_sign(root):
    """Whether any text in the tree has an @: most posts have none, and skip the walk."""
    return any("@" in (node.text or "") or "@" in (node.tail or "") for node in root.iter())


class MentionTreeprocessor(Treeprocessor):
    """Wraps mentions in links, outside links, code and raw HTML's links and code."""

    def __init__(self, md: Any, x_domain: str, accounts: frozenset[str] | None) -> None:
        super().__init__(md)
        self.x_domain = x_domain
        self.accounts = accounts
        # Pelican renders a post's Summary with the post's Markdown instance,
        # after a reset that empties md.Meta: the post's own choice is
        # remembered from its body. A conversion with metadata is a new file,
        # whose own switch (or none: on) replaces the last file's, so a
        # Markdown instance reused across files (profiles) carries nothing over.
        self.enabled = True

    def run(self, root: etree.Element) -> None:
        meta = getattr(self.md, "Meta", None)
        if meta:
            self.enabled = switch_is_on(meta.get("mentions", "on"))
        if self.enabled and _has_at_sign(root):
            self._walk(root, skipped=False, raw_depth={})

    def _walk(self, element, skipped, raw_depth):
        """Link mentions in `element`'s text, its children, and their tails."""
        skipped = skipped or str(element.tag).lower() in SKIPPED_ELEMENTS
        children = list(element)  # before links are added among them
        self._text(element, "text", skipped, raw_depth)
        for child in children:
            self._walk(child, skipped, raw_depth)
            self._text(child, "tail", skipped, raw_depth, parent=element)

    def _text(self, element, which, skipped, raw_depth, parent=None):
        text = getattr(element, which)
        if not text:
            return
        if "@" not in text or skipped or isinstance(text, AtomicString):
            if "\x02" in text:
                self._follow_raw_html(text, raw_depth)
            return
        pieces, position = [], 0
        for placeholder in STASH_PLACEHOLDER.finditer(text):
            pieces += self._link(text[position : placeholder.start()], raw_depth)
            pieces.append(placeholder[0])
            self._follow_raw_html(placeholder[0], raw_depth)
            position = placeholder.end()
        pieces += self._link(text[position:], raw_depth)
        if all(isinstance(piece, str) for piece in pieces):
            return
        self._replace(element, which, pieces, parent)

    def _link(self, text, raw_depth):
        if not text:
            return []
        if any(raw_depth.values()):
            return [text]
        return link_mentions(text, self.x_domain, self.accounts) or [text]

    def _follow_raw_html(self, text, raw_depth):
        """Count the links and code that raw HTML in `text` opens and closes."""
        for placeholder in STASH_PLACEHOLDER.finditer(text):
            try:
                raw = str(self.md.htmlStash.rawHtmlBlocks[int(placeholder[1])])
            except (IndexError, ValueError):
                continue
            for tag in _TAG.finditer(_RAW_TEXT.sub("", raw)):
                name = tag[2].lower()
                if name not in SKIPPED_ELEMENTS:
                    continue
                change = -1 if tag[1] else 1
                raw_depth[name] = max(0, raw_depth.get(name, 0) + change)

    @staticmethod
    def _replace(element, which, pieces, parent):
        """Put `pieces` (strings and elements) where `element`'s text or tail was."""
        strings = []
        links = []
        for piece in pieces:
            if isinstance(piece, str):
                if links:
                    links[-1].tail = (links[-1].tail or "") + piece
                else:
                    strings.append(piece)
            else:
                links.append(piece)
        setattr(element, which, "".join(strings))
        if which == "text":
            for offset, link in enumerate(links):
                element.insert(offset, link)
        else:
            place = list(parent).index(element) + 1
            for offset, link in enumerate(links):
                parent.insert(place + offset, link)


class MentionExtension(Extension):
    """Registers the mention linker; configured with the X domain and the accounts."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "x_domain": ["x.com", "The domain of X profile links."],
            "limited": [False, "Link only `accounts`, not any handle."],
            "accounts": [(), "The accounts linked when limited: name, user@server."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Any) -> None:
        # \@name shows @name, never linked: Markdown keeps an escaped character
        # as a placeholder until after this runs.
        if "@" not in md.ESCAPED_CHARS:
            md.ESCAPED_CHARS.append("@")
        accounts = None
        if self.getConfig("limited"):
            accounts = frozenset(
                account.removeprefix("@").lower() for account in self.getConfig("accounts")
            )
        processor = MentionTreeprocessor(md, self.getConfig("x_domain"), accounts)
        # After the inline phase (20) and smart quotes (6), before the
        # unescaping of backslash escapes (0).
        md.treeprocessors.register(processor, "guest_series_mentions", 4)


def makeExtension(**kwargs: Any) -> MentionExtension:  # the name Markdown looks for
    return MentionExtension(**kwargs)
