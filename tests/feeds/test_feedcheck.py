"""The feed checks themselves: a valid feed passes, and each check can fail."""

import pytest
from feedcheck import atom_problems, is_rfc822, is_rfc3339, rss_problems

ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>https://blog.example.com/feeds/all.atom.xml</id>
  <title>A blog</title>
  <updated>2026-03-03T09:00:00+00:00</updated>
  <link href="https://blog.example.com/feeds/all.atom.xml" rel="self"/>
  <link href="https://blog.example.com/" rel="alternate" type="text/html"/>
  <entry>
    <id>tag:blog.example.com,2026-03-03:/two/</id>
    <title>Two</title>
    <updated>2026-03-03T09:00:00+00:00</updated>
    <published>2026-03-03T09:00:00+00:00</published>
    <author><name>Jo</name><uri>https://blog.example.com/authors/jo/</uri></author>
    <link href="https://blog.example.com/two/" rel="alternate"/>
    <content type="html">&lt;p&gt;Two&lt;/p&gt;</content>
    <category term="making"/>
  </entry>
  <entry>
    <id>tag:blog.example.com,2026-03-02:/one/</id>
    <title>One</title>
    <updated>2026-03-02T09:00:00Z</updated>
    <author><name>Sam</name></author>
    <link href="https://blog.example.com/one/" rel="alternate"/>
  </entry>
</feed>
"""

RSS_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>A blog</title>
    <link>https://blog.example.com/</link>
    <description>Posts</description>
    <lastBuildDate>Tue, 03 Mar 2026 09:00:00 +0000</lastBuildDate>
    <item>
      <title>Two</title>
      <link>https://blog.example.com/two/</link>
      <guid isPermaLink="false">tag:blog.example.com,2026-03-03:/two/</guid>
      <pubDate>Tue, 03 Mar 2026 09:00:00 +0000</pubDate>
      <dc:creator>Jo</dc:creator>
      <category>making</category>
    </item>
    <item>
      <description>One</description><!-- no title: a description is enough -->
      <guid>https://blog.example.com/one/</guid>
      <author>sam@example.com (Sam)</author>
    </item>
  </channel>
</rss>
"""


def test_valid_feeds_pass():
    assert atom_problems(ATOM_FEED.encode()) == []
    assert rss_problems(RSS_FEED.encode()) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("<title>A blog</title>", "", "atom:feed has 0 atom:title"),
        ("<id>tag:blog.example.com,2026-03-02:/one/</id>", "", "entry 2 has 0 atom:id"),
        (
            "<updated>2026-03-02T09:00:00Z</updated>",
            "<updated>2026-03-02 09:00</updated>",
            "is not an RFC 3339 date",
        ),
        (
            "<published>2026-03-03T09:00:00+00:00</published>",
            "<published>2026-03-03T09:00:00</published>",
            "atom:published '2026-03-03T09:00:00' is not an RFC 3339 date",
        ),
        ("tag:blog.example.com,2026-03-02:/one/", "/one/", "is not an absolute IRI"),
        (
            "tag:blog.example.com,2026-03-02:/one/",
            "tag:blog.example.com,2026-03-03:/two/",
            "share the atom:id",
        ),
        (
            'href="https://blog.example.com/one/"',
            'href="/one/"',
            "'/one/' is not an absolute URL",
        ),
        ("<author><name>Sam</name></author>", "", "entry 2 has no atom:author"),
        ("<name>Jo</name>", "", "atom:author needs exactly one non-empty name"),
        (
            "<uri>https://blog.example.com/authors/jo/</uri>",
            "<uri>/authors/jo/</uri>",
            "uri '/authors/jo/' is not absolute",
        ),
        ('<category term="making"/>', "<category/>", "without a term"),
        (
            '<link href="https://blog.example.com/one/" rel="alternate"/>',
            "",
            "entry 2 has neither atom:content nor an alternate link",
        ),
        (
            '<link href="https://blog.example.com/feeds/all.atom.xml" rel="self"/>',
            "",
            "no link rel=self",
        ),
        (
            '<link href="https://blog.example.com/one/" rel="alternate"/>',
            '<link href="https://blog.example.com/one/"/><link href="https://blog.example.com/1/"/>',
            "two alternate links",
        ),
        ("</feed>", "", "not well-formed XML"),
    ],
)
def test_each_atom_check_can_fail(old, new, expected):
    assert old in ATOM_FEED
    problems = atom_problems(ATOM_FEED.replace(old, new, 1).encode())
    assert any(expected in problem for problem in problems), problems


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("<description>Posts</description>", "", "exactly one non-empty <description>"),
        (
            "<description>Posts</description>",
            "<description></description>",
            "<description>",
        ),
        ("<title>A blog</title>", "", "exactly one non-empty <title>"),
        ("<link>https://blog.example.com/</link>", "<link>/</link>", "not an absolute URL"),
        ("<link>https://blog.example.com/two/</link>", "<link>two/</link>", "item 1: link"),
        (
            "<lastBuildDate>Tue, 03 Mar 2026 09:00:00 +0000</lastBuildDate>",
            "<lastBuildDate>2026-03-03T09:00:00Z</lastBuildDate>",
            "lastBuildDate '2026-03-03T09:00:00Z' is not an RFC 822 date",
        ),
        (
            "<pubDate>Tue, 03 Mar 2026 09:00:00 +0000</pubDate>",
            "<pubDate>Tue, 03 Mar 2026 09:00:00</pubDate>",
            "pubDate",
        ),
        (
            '<guid isPermaLink="false">tag:blog.example.com,2026-03-03:/two/</guid>',
            "",
            "item 1 has no guid",
        ),
        (
            "<guid>https://blog.example.com/one/</guid>",
            "<guid>one/</guid>",
            "a permalink guid must be an absolute URL",
        ),
        (
            "tag:blog.example.com,2026-03-03:/two/",
            "two",
            "guid 'two' is not an absolute IRI",
        ),
        (
            "<guid>https://blog.example.com/one/</guid>",
            '<guid isPermaLink="false">tag:blog.example.com,2026-03-03:/two/</guid>',
            "share the guid",
        ),
        (
            "<author>sam@example.com (Sam)</author>",
            "<author>Sam</author>",
            "e-mail address",
        ),
        ("<author>sam@example.com (Sam)</author>", "", "item 2 names no author"),
        (
            "<description>One</description>",
            "",
            "item 2 has neither a title nor a description",
        ),
        ("<category>making</category>", "<category></category>", "empty category"),
        ('version="2.0"', 'version="0.91"', "not rss 2.0"),
    ],
)
def test_each_rss_check_can_fail(old, new, expected):
    assert old in RSS_FEED
    problems = rss_problems(RSS_FEED.replace(old, new, 1).encode())
    assert any(expected in problem for problem in problems), problems


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("2026-03-02T09:00:00+00:00", True),
        ("2026-03-02T09:00:00.25Z", True),
        ("2026-07-02T09:00:00+01:00", True),
        ("2026-03-02T09:00:00", False),  # no time zone
        ("2026-03-02", False),
        ("2026-02-30T09:00:00Z", False),  # no such day
        ("2026-03-02T09:00:00+0100", False),
    ],
)
def test_rfc3339_dates(text, valid):
    assert is_rfc3339(text) is valid


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("Mon, 02 Mar 2026 09:00:00 +0000", True),
        ("2 Mar 2026 09:00 GMT", True),
        ("Mon, 02 Mar 2026 09:00:00", False),
        ("Mon, 02 March 2026 09:00:00 +0000", False),
        ("2026-03-02T09:00:00Z", False),
        ("Mon, 32 Mar 2026 09:00:00 +0000", False),
    ],
)
def test_rfc822_dates(text, valid):
    assert is_rfc822(text) is valid
