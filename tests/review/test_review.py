"""The review page (escaping, offline), applying decisions, training pairs, and the page in a
real headless Chromium: approve, edit, reject, export, apply."""

import base64
import json
import os
import shutil
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, SAMPLES
from typer.testing import CliRunner

from copygen.cli import app
from copygen.errors import InputError
from copygen.io.drafts import draft_as_markdown, read_drafts
from copygen.quality.channels import get_channel
from copygen.quality.checks import check_variant
from copygen.review.decisions import (
    apply_decisions,
    failing_edits,
    parse_decision,
    read_decisions,
    training_pairs,
)
from copygen.review.page import review_page

runner = CliRunner()
CHROMIUM = os.environ.get("COPYGEN_CHROMIUM", "/usr/bin/chromium")
BANNED = ["cheap", "best ever"]
EVIL_NAME = "<script>alert(1)</script>"
PRODUCTS = {
    json.loads(line)["id"]: json.loads(line)
    for line in (SAMPLES / "products.jsonl").read_text(encoding="utf-8").splitlines()
}
# Search ads as a reviewer might get them: some pass, some break a limit, invent a number,
# use a banned phrase or repeat themselves; and one product whose text is HTML.
ADS = {
    "SKU-1001": [
        "Headline: Fernwell Pour-Over Kettle\nDescription: Gooseneck spout and built-in thermometer for a steady pour. Works on induction.",
        "Headline: Harbor Pour-Over Coffee Kettle by Fernwell\nDescription: A 1.2 L steel kettle with a 2-year warranty.",
        "Headline: Fernwell Harbor Kettle\nDescription: The best ever kettle for home baristas, only $49.",
    ],
    "SKU-1002": [
        "Headline: Lumio Milk Frother\nDescription: Hot or cold foam at home: 3 froth settings, 250 ml dishwasher-safe jug.",
        "Headline: Café Crème Milk Frother\nDescription: Creamy foam foam for daily coffee, from Lumio.",
    ],
    "SKU-666": [
        "Headline: <b>Bold</b> & cheap\nDescription: </script><img src=x onerror=alert(2)> Great value & more.",
    ],
}


def ad_drafts():
    products = {
        **PRODUCTS,
        "SKU-666": {
            "id": "SKU-666",
            "name": EVIL_NAME,
            "brand": "Evil & Co",
            "features": ["</script><img src=x onerror=alert(3)>", "<!-- comment"],
        },
    }
    channel = get_channel("search-ad")
    drafts = []
    for line, (product_id, texts) in enumerate(ADS.items(), start=1):
        attributes = products[product_id]
        variants = [
            {
                "text": text,
                "score": round(-0.6 - 0.15 * rank, 2),
                "checks": check_variant(text, attributes, channel, BANNED, ["brand"]),
            }
            for rank, text in enumerate(texts)
        ]
        drafts.append(
            {
                "id": product_id,
                "line": line,
                "attributes": attributes,
                "template": "search-ad",
                "model": "written for the test",
                "params": {"bad_words": BANNED, "required": ["brand"]},
                "variants": variants,
                "channel": "search-ad",
            }
        )
    return drafts


@pytest.fixture
def drafts_file(tmp_path):
    path = tmp_path / "drafts.jsonl"
    path.write_text("".join(json.dumps(draft) + "\n" for draft in ad_drafts()), encoding="utf-8")
    return path


def write_lines(path, rows):
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_page_escapes_product_text_and_requests_nothing(drafts_file):
    page = review_page(read_drafts(str(drafts_file)), "drafts.jsonl")
    assert EVIL_NAME not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; cheap" in page
    assert page.count("<script") == 2 and page.count("</script>") == 2  # the data and the page's own script
    assert "<img" not in page and "<!-- comment" not in page
    assert "http://" not in page and "https://" not in page
    assert "default-src 'none'" in page
    data = page.split('<script type="application/json" id="review-data">')[1].split("</script>")[0]
    assert "<" not in data and ">" not in data and "&" not in data
    assert json.loads(data)["drafts"][2]["variants"][0]["text"] == ADS["SKU-666"][0]


def test_page_shows_attributes_beside_variants_and_failed_checks(drafts_file):
    page = review_page(read_drafts(str(drafts_file)), "drafts.jsonl")
    assert page.count('<article class="product"') == 3
    assert page.count('<li class="variant') == 6
    assert "headline: 42 characters, limit 30" in page
    assert "not in the attributes: 1.2 L, 2-year" in page
    assert "uses best ever" in page
    assert "repeats &#39;foam foam&#39;" in page
    assert '<span class="length over">headline 42/30</span>' in page
    assert '<th scope="row">material</th><td>stainless steel</td>' in page


def test_reading_drafts_reports_located_errors(tmp_path):
    cases = {
        "id,variant,text\n": "line 1, column 1: invalid JSON",
        "id,variant\n": "(drafts must be JSONL: generate --format jsonl)",
        '{"id": "a", "variants": [{"text": "x"}]}\n{"id": "a", "variants": []}\n': 'line 2: duplicate id "a" (first on line 1)',
        '{"id": "a", "variants": [{"score": 1}]}\n': 'line 1: "variants" must be a list of objects with a "text"',
        "\n": "is empty: expected one JSON object per line",
    }
    for text, message in cases.items():
        path = tmp_path / "drafts.jsonl"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(InputError) as error:
            read_drafts(str(path))
        assert message in str(error.value)


def test_apply_marks_decisions_rechecks_edits_and_exports_pairs(drafts_file, tmp_path):
    drafts = read_drafts(str(drafts_file))
    edit = "Headline: Lumio Milk Frother\nDescription: Creamy foam for daily coffee, from Lumio. Only cheap."
    decisions = write_lines(
        tmp_path / "decisions.jsonl",
        [
            {"id": "SKU-1001", "variant": 1, "decision": "approved", "text": ADS["SKU-1001"][0]},
            {"id": "SKU-1001", "variant": 2, "decision": "approved"},
            {"id": "SKU-1001", "variant": 2, "decision": "rejected"},  # changed their mind: the last line wins
            {"id": "SKU-1002", "variant": 2, "decision": "edited", "text": edit, "original": ADS["SKU-1002"][1]},
            {"id": "SKU-1001", "variant": 3, "decision": "approved"},
        ],
    )
    reviewed = apply_decisions(drafts, read_decisions(str(decisions)))
    assert [v.get("decision") for v in reviewed[0]["variants"]] == ["approved", "rejected", "approved"]
    edited = reviewed[1]["variants"][1]
    assert edited["decision"] == "edited" and edited["edited_text"] == edit and edited["text"] == ADS["SKU-1002"][1]
    assert [c["message"] for c in edited["edited_checks"] if not c["passed"]] == ["uses cheap"]
    assert "decision" not in drafts[0]["variants"][0]  # the input is left as it was
    pairs = training_pairs(reviewed, include_failing=True)
    assert [(pair["id"], pair["copy"]) for pair in pairs] == [
        ("SKU-1001", ADS["SKU-1001"][0]),
        ("SKU-1001#3", ADS["SKU-1001"][2]),
        ("SKU-1002", edit),
    ]
    assert training_pairs(reviewed) == pairs[:2]  # the edit uses "cheap": it would teach the model that
    assert failing_edits(reviewed) == [("SKU-1002", 2, [c for c in edited["edited_checks"] if not c["passed"]])]
    assert {key: value for key, value in pairs[0].items() if key != "copy"} == PRODUCTS["SKU-1001"]


@pytest.mark.parametrize(
    "row, message",
    [
        ({"id": "SKU-9", "variant": 1, "decision": "approved"}, 'no draft with id "SKU-9"'),
        (
            {"id": "SKU-1002", "variant": 3, "decision": "approved"},
            'draft "SKU-1002" has 2 variants, so there is no variant 3',
        ),
        (
            {"id": "SKU-1002", "variant": 1, "decision": "approved", "text": "Other copy"},
            "reads differently in the drafts",
        ),
        ({"id": "SKU-1002", "variant": 1, "decision": "edited", "text": "New", "original": "Old"}, "reads differently"),
    ],
)
def test_decisions_for_other_drafts_are_refused(drafts_file, row, message):
    with pytest.raises(InputError, match=message):
        apply_decisions(read_drafts(str(drafts_file)), [parse_decision(row, "d.jsonl, line 1", 1)])


@pytest.mark.parametrize(
    "row, message",
    [
        ({"id": "a", "variant": 0, "decision": "approved"}, '"variant" must be a number from 1'),
        (
            {"format_version": 2, "id": "a", "variant": 1, "decision": "approved"},
            "decisions format_version 2; this copygen reads 1",
        ),
        ({"id": "a", "variant": 1, "decision": "maybe"}, '"decision" must be one of approved, edited, rejected'),
        ({"id": "a", "variant": 1, "decision": "edited", "text": "  "}, "an edit needs its new copy"),
    ],
)
def test_malformed_decisions_are_located(row, message):
    with pytest.raises(InputError, match=f"d.jsonl, line 3: {message}"):
        parse_decision(row, "d.jsonl, line 3", 3)


def test_cli_review_then_apply_with_pairs(drafts_file, tmp_path):
    page = tmp_path / "review.html"
    result = runner.invoke(app, ["review", str(drafts_file), "-o", str(page)])
    assert result.exit_code == 0, result.stderr
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert runner.invoke(app, ["review", str(drafts_file), "-o", str(page)]).exit_code == 1  # exists: --force
    stdout = runner.invoke(app, ["review", "-"], input=drafts_file.read_text(encoding="utf-8"))
    assert stdout.exit_code == 0 and "&lt;script&gt;alert(1)" in stdout.stdout
    decisions = write_lines(
        tmp_path / "decisions.jsonl",
        [
            {"id": "SKU-1002", "variant": 1, "decision": "approved"},
            {
                "id": "SKU-1002",
                "variant": 2,
                "decision": "edited",
                "text": "Headline: Lumio\nDescription: Cheap foam.",
                "original": ADS["SKU-1002"][1],
            },
        ],
    )
    out, pairs = tmp_path / "reviewed.jsonl", tmp_path / "pairs.jsonl"
    result = runner.invoke(app, ["apply", str(drafts_file), str(decisions), "-o", str(out), "--pairs", str(pairs)])
    assert result.exit_code == 0, result.stderr
    assert "Warning: SKU-1002 variant #2: the edit fails banned: uses cheap" in result.stderr
    assert (
        "Wrote 3 reviewed drafts to" in result.stderr
        and "1 approved, 1 edited, 0 rejected, 4 undecided" in result.stderr
    )
    assert f"Left 1 edits that fail their checks out of {pairs}: SKU-1002 #2 (--include-failing keeps them)" in (
        result.stderr
    )
    assert [json.loads(line)["copy"] for line in pairs.read_text(encoding="utf-8").splitlines()] == [ADS["SKU-1002"][0]]
    kept = runner.invoke(
        app,
        ["apply", str(drafts_file), str(decisions), "-o", "-", "--pairs", str(pairs), "--force", "--include-failing"],
    )
    assert kept.exit_code == 0 and "Left" not in kept.stderr
    assert [json.loads(line)["copy"] for line in pairs.read_text(encoding="utf-8").splitlines()] == [
        ADS["SKU-1002"][0],
        "Headline: Lumio\nDescription: Cheap foam.",
    ]
    again = runner.invoke(
        app, ["apply", str(drafts_file), str(decisions), "-o", str(tmp_path / "new.jsonl"), "--pairs", str(pairs)]
    )
    assert again.exit_code == 1 and f"Error: {pairs} exists" in again.stderr
    assert not (tmp_path / "new.jsonl").exists()  # nothing written when one output cannot be


# --- In a real browser ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set COPYGEN_CHROMIUM)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM)
        yield launched
        launched.close()


def open_page(browser, path):
    """The page in a fresh context, with every request recorded and any network request refused."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    seen = {"requests": [], "dialogs": [], "errors": []}
    page.on("dialog", lambda dialog: (seen["dialogs"].append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))

    def intercept(route):
        seen["requests"].append(route.request.url)
        route.continue_() if route.request.url.startswith("file:") else route.abort()

    page.route("**/*", intercept)
    page.goto(path.as_uri())
    return context, page, seen


def distinct_colours(browser, png: bytes) -> tuple[int, float]:
    """Colours in a screenshot and the share of pixels unlike its top-left corner, counted by
    drawing it on a canvas (no imaging library needed)."""
    page = browser.new_page()
    try:
        return tuple(
            page.evaluate(
                """async (src) => {
            const image = new Image(); image.src = src; await image.decode();
            const canvas = document.createElement("canvas");
            canvas.width = image.width; canvas.height = image.height;
            const context = canvas.getContext("2d"); context.drawImage(image, 0, 0);
            const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
            const colours = new Set(); let other = 0;
            for (let i = 0; i < pixels.length; i += 4) {
                colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
                if (pixels[i] !== pixels[0] || pixels[i + 1] !== pixels[1] || pixels[i + 2] !== pixels[2]) other++;
            }
            return [colours.size, other / (pixels.length / 4)];
        }""",
                "data:image/png;base64," + base64.b64encode(png).decode("ascii"),
            )
        )
    finally:
        page.close()


def variant(page, product, index):
    return page.locator(f'.variant[data-product="{product}"][data-variant="{index}"]')


def test_reviewer_approves_edits_rejects_and_exports_in_chromium(browser, drafts_file, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page_path = tmp_path / "review.html"
    assert runner.invoke(app, ["review", "drafts.jsonl", "-o", "review.html"]).exit_code == 0
    context, page, seen = open_page(browser, page_path)
    try:
        assert page.get_by_role("heading", name=EVIL_NAME).is_visible()  # shown as text, not run
        assert page.locator("img").count() == 0
        page.keyboard.press("j")
        page.keyboard.press("a")  # approve SKU-1001 #1; the selection moves on to #2
        page.keyboard.press("r")  # reject SKU-1001 #2
        variant(page, 1, 1).get_by_role("button", name="Edit").click()
        editor = variant(page, 1, 1).locator("textarea")
        editor.fill("Headline: Lumio Café Crème Frother\nDescription: Creamy foam for daily coffee, from Lumio.")
        assert variant(page, 1, 1).locator(".editor .length").all_inner_texts() == [
            "headline 24/30",
            "description 41/90",
        ]
        variant(page, 1, 1).get_by_role("button", name="Save (Ctrl+Enter)").click()
        counts = "1 approved · 1 edited · 1 rejected · 3 to review"
        assert page.inner_text("#counts") == counts
        assert variant(page, 1, 1).locator(".status").inner_text().lower() == "edited"
        page.reload()  # decisions survive a reload until exported
        assert page.inner_text("#counts") == counts

        page.evaluate("window.scrollTo(0, 0)")
        screenshot = page.screenshot(path=tmp_path / "review.png", full_page=True)
        colours, busy = distinct_colours(browser, screenshot)
        assert colours > 50 and busy > 0.05, (colours, busy)
        if os.environ.get("COPYGEN_UPDATE_SCREENSHOT"):
            shutil.copyfile(tmp_path / "review.png", ROOT / "docs" / "review-screenshot.png")

        with page.expect_download() as download:
            page.keyboard.press("x")
        assert download.value.suggested_filename == "decisions.jsonl"
        download.value.save_as(tmp_path / "decisions.jsonl")
        assert "Exported 3 decisions" in page.inner_text("#status")
    finally:
        context.close()
    assert seen["dialogs"] == [] and seen["errors"] == []
    assert seen["requests"] == [page_path.as_uri(), page_path.as_uri()]  # the page itself, loaded twice

    rows = [json.loads(line) for line in (tmp_path / "decisions.jsonl").read_text(encoding="utf-8").splitlines()]
    schema = json.loads((ROOT / "copygen" / "io" / "schemas" / "decisions.schema.json").read_text(encoding="utf-8"))
    for row in rows:  # the page's own export matches the documented format
        jsonschema.Draft202012Validator(schema).validate(row)
        assert row["format_version"] == 1
    assert [(row["id"], row["variant"], row["decision"]) for row in rows] == [
        ("SKU-1001", 1, "approved"),
        ("SKU-1001", 2, "rejected"),
        ("SKU-1002", 2, "edited"),
    ]
    out, pairs = tmp_path / "reviewed.jsonl", tmp_path / "pairs.jsonl"
    result = runner.invoke(
        app, ["apply", str(drafts_file), str(tmp_path / "decisions.jsonl"), "-o", str(out), "--pairs", str(pairs)]
    )
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["copy"] for line in pairs.read_text(encoding="utf-8").splitlines()] == [
        ADS["SKU-1001"][0],
        "Headline: Lumio Café Crème Frother\nDescription: Creamy foam for daily coffee, from Lumio.",
    ]


def test_round_trip_from_generate_to_finetune(browser, tiny_gpt2, tmp_path):
    """The README loop: generate with a preset, review in the browser, apply, pairs, finetune."""
    products = tmp_path / "products.jsonl"
    products.write_text(
        "".join((SAMPLES / "products.jsonl").read_text(encoding="utf-8").splitlines(True)[:3]), encoding="utf-8"
    )
    drafts, page_path = tmp_path / "drafts.jsonl", tmp_path / "review.html"
    result = runner.invoke(
        app,
        [
            "generate",
            str(products),
            "-m",
            str(tiny_gpt2),
            "--channel",
            "meta-description",
            "--num-beams",
            "2",
            "--num-variants",
            "2",
            "--max-new-tokens",
            "8",
            "-o",
            str(drafts),
            "--quiet",
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert runner.invoke(app, ["review", str(drafts), "-o", str(page_path)]).exit_code == 0
    context, page, seen = open_page(browser, page_path)
    try:
        page.keyboard.press("j")
        page.keyboard.press("a")
        variant(page, 1, 0).click()
        page.keyboard.press("e")
        page.keyboard.press("Control+a")
        page.keyboard.type("The Café Crème Milk Frother from Lumio: hot or cold foam, 3 froth settings.")
        page.keyboard.press("Control+Enter")
        with page.expect_download() as download:
            page.get_by_role("button", name="Export decisions").click()
        download.value.save_as(tmp_path / "decisions.jsonl")
    finally:
        context.close()
    assert all(url.startswith("file:") for url in seen["requests"])
    reviewed, pairs, tuned = tmp_path / "reviewed.jsonl", tmp_path / "pairs.jsonl", tmp_path / "tuned"
    result = runner.invoke(
        app,
        [
            "apply",
            str(drafts),
            str(tmp_path / "decisions.jsonl"),
            "-o",
            str(reviewed),
            "--pairs",
            str(pairs),
            "--quiet",
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert len(pairs.read_text(encoding="utf-8").splitlines()) == 2
    result = runner.invoke(
        app,
        [
            "finetune",
            "--train",
            str(pairs),
            "-m",
            str(tiny_gpt2),
            "-o",
            str(tuned),
            "--max-steps",
            "1",
            "--batch-size",
            "2",
            "--quiet",
        ],
    )
    assert result.exit_code == 0, result.stderr
    result = runner.invoke(
        app,
        [
            "generate",
            str(products),
            "-m",
            str(tuned),
            "--channel",
            "meta-description",
            *["--num-beams", "2", "--num-variants", "1", "--max-new-tokens", "8", "--quiet"],
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[0])["channel"] == "meta-description"


def test_drafts_with_no_clean_variant_are_listed_first_and_marked(drafts_file):
    drafts = read_drafts(str(drafts_file))
    drafts[-1]["clean"] = False  # the last product: no variant passes every hard check
    page = review_page(drafts)
    assert page.index(f'<p class="meta">{drafts[-1]["id"]} ') < page.index(f'<p class="meta">{drafts[0]["id"]} ')
    assert page.count('<article class="product unclean"') == 1
    assert "1 products with no clean variant, shown first" in page
    assert "no clean variant" not in review_page(read_drafts(str(drafts_file)))


def test_an_edit_with_a_line_separator_inside_is_applied(drafts_file, tmp_path):
    """JSON.stringify leaves U+2028 raw in the page's export: it is text inside a string, not a line end."""
    edit = "Headline: Lumio Milk Frother\u2028Description: Creamy foam, from Lumio."
    row = {"id": "SKU-1002", "variant": 2, "decision": "edited", "text": edit, "original": ADS["SKU-1002"][1]}
    decisions = tmp_path / "decisions.jsonl"
    decisions.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    assert "\u2028" in decisions.read_text(encoding="utf-8")
    [parsed] = read_decisions(str(decisions))
    reviewed = apply_decisions(read_drafts(str(drafts_file)), [parsed])
    assert reviewed[1]["variants"][1]["edited_text"] == edit


def test_plain_copy_is_marked_as_written_from_the_data(tmp_path):
    draft = {
        "id": "a",
        "attributes": {"id": "a", "name": "Kettle", "capacity": "1.2 L"},
        "variants": [
            {"text": "Meet the Kettle. Its capacity is 1.2 L.", "score": None, "checks": [], "source": "data"},
            {"text": "Ketle ketle.", "score": -1.5, "checks": [], "source": "model"},
        ],
    }
    page = review_page([draft], "drafts.jsonl")
    assert page.count(">plain copy from the data</span>") == 1 and ">score -1.50</span>" in page
    markdown = draft_as_markdown({**draft, "template": "t", "model": "m"})
    assert "1. Meet the Kettle. Its capacity is 1.2 L. _(plain copy from the data)_" in markdown
    assert "2. Ketle ketle. _(score -1.5)_" in markdown


def test_a_product_is_headed_by_its_name_under_any_name_column():
    drafts = [
        {"id": "c", "attributes": {"id": "c", "Product Name": "Dozely Travel Cot"}, "variants": []},
        {"id": "t", "attributes": {"id": "t", "title": "Harbor Kettle, 1 L, Steel"}, "variants": []},
        {"id": "x", "attributes": {"id": "x", "colour": "red"}, "variants": []},
    ]
    page = review_page(drafts, "drafts.jsonl")
    assert "<h2>Dozely Travel Cot</h2>" in page and "<h2>Harbor Kettle</h2>" in page and "<h2>x</h2>" in page
