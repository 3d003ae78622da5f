"""Source specs: the examples load, bad specs fail with messages that name the field."""

from __future__ import annotations

import pytest
import yaml
from conftest import SAMPLES

from zhaoyin.flows.crawling.sources import (
    DEFAULT_USER_AGENT,
    SourceSpec,
    SpecError,
    load_sources,
    load_spec,
    parse_spec,
)

GOOD = {
    "name": "city-news",
    "start_urls": ["https://www.example.gov.cn/xwzx/index.html"],
    "list": {"links": "ul.list a", "next": "a.next"},
}


def test_example_specs_in_samples_load():
    specs = {spec.name: spec for spec in load_sources(SAMPLES / "sources")}
    assert {spec.kind for spec in specs.values()} == {"site", "feed"}
    for spec in specs.values():
        assert spec.schedule, f"{spec.name} is meant for `zhaoyin serve` and needs a schedule"
        assert not spec.allow_private_addresses
        assert all(spec.host_allowed(url.split("/")[2]) for url in spec.start_urls)


def test_defaults_fill_in():
    spec = parse_spec(GOOD)
    assert spec.allowed_domains == ["www.example.gov.cn"]
    assert spec.listing.max_pages == 20
    assert spec.rate == 1.0 and not spec.attachments and not spec.allow_private_addresses


def test_user_agent_names_a_contact(monkeypatch):
    monkeypatch.delenv("ZHAOYIN_CONTACT", raising=False)
    assert parse_spec(GOOD).effective_user_agent() == DEFAULT_USER_AGENT
    monkeypatch.setenv("ZHAOYIN_CONTACT", "ops@example.org")
    assert "ops@example.org" in parse_spec(GOOD).effective_user_agent()
    assert "me@example.org" in parse_spec({**GOOD, "contact": "me@example.org"}).effective_user_agent()


def test_subdomains_of_allowed_domains_are_allowed():
    spec = parse_spec({**GOOD, "allowed_domains": ["example.gov.cn"]})
    assert spec.host_allowed("www.example.gov.cn") and spec.host_allowed("EXAMPLE.gov.cn.")
    assert not spec.host_allowed("example.gov.cn.evil.com") and not spec.host_allowed("badexample.gov.cn")


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"start_urls": ["file:///etc/passwd"]}, "start_urls", "http"),
        ({"start_urls": []}, "start_urls", "at least 1"),
        ({"rate": 0}, "rate", "greater than 0"),
        ({"schedule": "every night"}, "schedule", "cron"),
        ({"lsit": {"links": "a"}}, "lsit", "not permitted"),
        ({"list": None}, "(spec)", "list"),
        ({"allowed_domains": ["other.example.com"]}, "(spec)", "outside allowed_domains"),
        ({"allowed_domains": ["https://www.example.gov.cn/"]}, "allowed_domains", "bare host"),
        ({"name": "bad name/../x"}, "name", "pattern"),
    ],
)
def test_bad_specs_say_which_field(tmp_path, change, field, words):
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump({**GOOD, **change}, allow_unicode=True), encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load_spec(path)
    message = str(caught.value)
    assert str(path) in message and field in message and words in message


def test_broken_yaml_and_missing_file(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(SpecError, match="not valid YAML"):
        load_spec(broken)
    with pytest.raises(SpecError, match="cannot read"):
        load_spec(tmp_path / "missing.yaml")
    (tmp_path / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(SpecError, match="mapping"):
        load_spec(tmp_path / "list.yaml")


def test_duplicate_names_in_a_folder_are_refused(tmp_path):
    for stem in ("a", "b"):
        (tmp_path / f"{stem}.yaml").write_text(yaml.safe_dump(GOOD), encoding="utf-8")
    with pytest.raises(SpecError, match="unique"):
        load_sources(tmp_path)


def test_feed_url_shorthand_and_json_round_trip():
    spec = parse_spec({"name": "feed", "kind": "feed", "url": "https://invest.example.gov.cn/rss.xml"})
    assert spec.start_urls == ["https://invest.example.gov.cn/rss.xml"] and spec.listing is None
    site = parse_spec({**GOOD, "article": {"body": "#zoom"}})
    again = SourceSpec.model_validate(site.model_dump(mode="json", by_alias=True))
    assert again == site
