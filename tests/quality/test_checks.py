"""Channel presets, the checks on every variant, re-ranking by checks, and --banned steering."""

import json
import re
from dataclasses import replace

import pytest
from conftest import SAMPLES
from typer.testing import CliRunner

from copygen import generate
from copygen.cli import app
from copygen.errors import InputError, TemplateError
from copygen.generation.pipeline import DraftJob, candidate_settings, checked_variants, plan_drafts
from copygen.generation.settings import GenerationSettings
from copygen.io.banned import read_banned
from copygen.io.drafts import Variant
from copygen.io.products import Product
from copygen.prompts import load_template, render_prompt
from copygen.quality.channels import CHANNELS, get_channel, split_parts, template_for
from copygen.quality.checks import (
    banned_phrases,
    check_variant,
    is_clean,
    meta_phrases,
    rank_variants,
    repeated_phrases,
    required_columns,
    required_values,
    states_untrue,
    unreadable_runs,
)
from copygen.quality.grounding import example_words, unheld_words
from copygen.quality.trim import trimmed

runner = CliRunner()
KETTLE = json.loads((SAMPLES / "products.jsonl").read_text(encoding="utf-8").splitlines()[0])
FAST = ["--num-beams", "2", "--num-variants", "2", "--max-new-tokens", "8", "--quiet"]


def failed(checks, name=None):
    return [check["message"] for check in checks if not check["passed"] and name in (None, check["check"])]


def test_presets_set_template_and_limits_together():
    assert set(CHANNELS) == {"search-ad", "meta-description", "product-description", "social"}
    assert CHANNELS["search-ad"].limits == {"headline": 30, "description": 90}
    assert CHANNELS["meta-description"].limits == {"text": 155}
    assert CHANNELS["product-description"].limits == {}
    for channel in CHANNELS.values():
        assert load_template(channel.template).name == channel.template
    with pytest.raises(TemplateError, match="no channel named 'tv-spot': use one of search-ad, meta-description"):
        get_channel("tv-spot")


def test_template_for_prefers_the_flag_then_a_fine_tunes_own_then_the_channel():
    ad = get_channel("search-ad")
    assert template_for(ad, None, {}) == "search-ad"
    assert template_for(ad, "social", {}) == "social"
    assert template_for(ad, None, {"template_source": "{{ name }}"}) is None  # the recorded one
    assert template_for(None, None, {}) is None


def test_the_candidate_pool_is_every_beam_twice_for_a_channel_and_none_for_model_order():
    settings = GenerationSettings(num_beams=4, num_variants=3)
    wider = candidate_settings(settings, get_channel("search-ad"), "grounded")
    assert (wider.num_variants, wider.num_beams) == (6, 6)
    pool = candidate_settings(settings, None, "grounded")
    assert (pool.num_variants, pool.num_beams) == (4, 4)  # the n-best of the beams searched anyway
    sampled = candidate_settings(GenerationSettings(sample=True, num_variants=2), None, "grounded")
    assert sampled.num_variants == 4
    assert candidate_settings(settings, get_channel("search-ad"), "model") is settings


def test_grounded_ranking_puts_clean_variants_first_then_true_ones_then_fewer_hard_failures_then_coverage():
    def variant(text, score, coverage, failed=()):
        made = Variant(text, score, coverage=coverage)
        made.checks = [{"check": name, "passed": name not in failed, "message": ""} for name in CHECK_NAMES]
        return made

    invented = variant("invented", -0.1, 1.0, failed=["numbers"])
    contradicted = variant("contradicted", -0.2, 1.0, failed=["contradiction"])
    thin = variant("thin", -0.3, 0.2)
    full = variant("full", -0.9, 0.8)
    repeats = variant("repeats", -0.4, 0.8, failed=["repetition"])
    both = variant("two hard", -0.05, 1.0, failed=["numbers", "banned"])
    unfinished = variant("unfinished", -0.1, 0.5, failed=["finished"])
    unnamed = variant("unnamed", -0.1, 0.6, failed=["required"])
    unnamed_unfinished = variant("unnamed, unfinished", -0.1, 0.9, failed=["required", "finished"])
    candidates = [invented, contradicted, thin, full, repeats, both, unfinished, unnamed, unnamed_unfinished]
    ranked = rank_variants(candidates, {}, keep=9)
    assert [v.text for v in ranked] == [
        "full",
        "repeats",
        "thin",
        "unnamed",
        "unfinished",
        "unnamed, unfinished",  # more to fix, though it covers more
        "invented",
        "contradicted",
        "two hard",
    ]
    assert [v.text for v in rank_variants(candidates, {}, keep=2, rank="model")] == ["invented", "contradicted"]
    assert is_clean(repeats.checks) and not is_clean(invented.checks)


CHECK_NAMES = ["finished", "banned", "required", "numbers", "contradiction", "repetition"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Headline: Pour with control\nDescription: A gooseneck kettle.",
            {"headline": "Pour with control", "description": "A gooseneck kettle."},
        ),
        (
            "headline:Pour   with control description: Steady.",
            {"headline": "Pour with control", "description": "Steady."},
        ),
        ("Description: only this", {"headline": None, "description": "only this"}),
        ("Just some words", {"headline": None, "description": None}),
    ],
)
def test_search_ad_parts_are_read_from_labelled_lines(text, expected):
    assert split_parts(get_channel("search-ad"), text) == expected


@pytest.mark.parametrize(
    "channel, text, messages",
    [
        ("meta-description", "x" * 155, []),
        ("meta-description", "x" * 156, ["156 characters, limit 155"]),
        ("search-ad", "Headline: " + "h" * 31 + "\nDescription: " + "d" * 90, ["headline: 31 characters, limit 30"]),
        ("search-ad", "Headline: Short\nDescription: " + "d" * 93, ["description: 93 characters, limit 90"]),
        ("product-description", "y" * 2000, []),
    ],
)
def test_length_is_checked_per_part_against_the_channel_limit(channel, text, messages):
    assert failed(check_variant(text, {}, get_channel(channel)), "length") == messages


def test_a_missing_part_fails_the_format_check():
    checks = check_variant("Headline: Kettle", {}, get_channel("search-ad"))
    assert failed(checks, "format") == ["no Description: line"]


@pytest.mark.parametrize(
    "text, found",
    [
        ("So CHEAP, so good", ["cheap"]),
        ("The cheapest kettle", []),  # whole words only
        ("Our best\n ever kettle", ["best ever"]),
        ("Best-ever kettle", ["best ever"]),  # a hyphen joins words as a space does
        ("cheap and the Best Ever", ["cheap", "best ever"]),
    ],
)
def test_banned_words_match_whole_words_in_any_case(text, found):
    assert banned_phrases(text, ["cheap", "best ever"]) == found


def test_required_attributes_must_be_mentioned():
    checks = check_variant("The Harbor Pour-Over Coffee Kettle pours slowly.", KETTLE, required=["name", "brand"])
    assert [(c["passed"], c["message"]) for c in checks if c["check"] == "required"] == [
        (True, "mentions name (Harbor Pour-Over Coffee Kettle)"),
        (False, "does not mention brand (Fernwell)"),
    ]
    assert not [c for c in check_variant("A kettle.", {"name": None}, required=["name"]) if c["check"] == "required"]


def test_numbers_not_in_the_attributes_are_flagged():
    ok = check_variant("Fernwell's 1 L kettle for $49.", KETTLE)
    assert failed(ok) == []
    made_up = check_variant("A 1.2 L steel kettle with a 2-year warranty.", KETTLE)
    assert failed(made_up, "numbers") == ["not in the attributes: 1.2 L, 2-year"]


def test_repeated_phrases_are_flagged_per_part():
    assert repeated_phrases("Soft foam Foam for coffee") == ["foam foam"]
    assert repeated_phrases("Options:\n- Gold\n- Gold plated") == []
    assert repeated_phrases("Pour with control. Pour with control again.") == ["pour with control"]
    assert repeated_phrases("A steady pour, a steady hand") == []
    assert repeated_phrases("A 20 frets, 20 frets, 20 Frets guitar") == ["20 frets, 20 frets, 20 frets"]
    assert repeated_phrases("Sizes S, M, L; red, blue") == []
    assert repeated_phrases("Durable, durable, and durable; fun and fun; bold or bolder") == [
        "durable, durable",
        "fun and fun",
    ]  # a word listed after itself (held-out drafts)
    ad = "Headline: Harbor Coffee Kettle\nDescription: The Harbor Coffee Kettle pours slowly."
    assert failed(check_variant(ad, KETTLE, get_channel("search-ad")), "repetition") == []
    bands = {"name": "Loop Bands", "levels": ["extra light", "light", "medium"], "colour": "light blue"}
    assert failed(check_variant("Levels: extra light, light, medium.", bands), "repetition") == []
    assert failed(check_variant("Light, light bands, light blue.", bands), "repetition") == ["repeats 'light, light'"]
    assert repeated_phrases("Its draw is 3.5 A. Its fuse is 5 A. Its outlet is 1 in.") == []  # not across sentences
    tape = {
        "name": "Bias tape 20 mm folded",
        "width": "20 mm folded / 40 mm open",
        "not_included": ["hose", "hose clip"],
    }
    said = "Meet the Bias tape 20 mm folded. Its width is 20 mm folded / 40 mm open. Not included: hose and hose clip."
    assert failed(check_variant(said, tape), "repetition") == []  # what the data says twice, and a list said with "and"
    towels = {"name": "Towel Set", "bath_towel_size": "70 x 130 cm", "hand_towel_size": "50 x 90 cm"}
    said = "Its bath towel size is 70 x 130 cm. Its hand towel size is 50 x 90 cm. A soft set, a soft set."
    assert failed(check_variant(said, towels), "repetition") == ["repeats 'a soft set, a soft set', 'a soft set'"]
    jar = {"name": "Jar", "lid": {"bpa_free": True, "oven_safe": False}}
    said = "Its lid is BPA free. Its lid is not oven safe. A tight fit, a tight fit."
    assert failed(check_variant(said, jar), "repetition") == ["repeats 'a tight fit, a tight fit', 'a tight fit'"]


def test_banned_file_reading(tmp_path):
    path = tmp_path / "banned.txt"
    path.write_text("# house style\ncheap\n\nbest   ever  # superlative\ncheap\n", encoding="utf-8")
    assert read_banned(str(path)) == ["cheap", "best ever"]
    with pytest.raises(InputError, match="banned words file .*nope.txt does not exist"):
        read_banned(str(tmp_path / "nope.txt"))


def test_required_columns_default_to_name_and_must_exist():
    assert required_columns(None, ["id", "name", "brand"], "p.csv") == ["name"]
    assert required_columns(None, ["id", "title", "name"], "p.csv") == ["name"]
    assert required_columns(None, ["id", "title"], "p.csv") == ["title"]
    assert required_columns(None, ["id", "brand"], "p.csv") == []
    assert required_columns(["brand", "brand"], ["brand"], "p.csv") == ["brand"]
    assert required_columns(None, ["id", "Product Name", "Price"], "p.csv") == ["Product Name"]
    assert required_columns(None, ["productTitle", "item_name"], "p.csv") == ["item_name"]  # a name before a title
    assert required_columns(None, ["id", "brand_name", "nameplate"], "p.csv") == []  # a brand's name names no product
    assert required_columns(None, ["id", "prod_nm", "listing_title"], "p.csv") == ["prod_nm"]
    assert required_columns(None, ["id", "model", "Product", "colour"], "p.csv") == [
        "model"
    ]  # a key that names it alone
    assert required_columns(None, ["model", "title"], "p.csv") == ["title"]  # only where no name or title does
    with pytest.raises(InputError, match="--require colour: p.csv has no such column; its columns are: brand, id"):
        required_columns(["colour"], ["id", "brand"], "p.csv")


def test_a_product_with_a_title_and_no_name_must_be_named_by_its_title_before_a_comma():
    """Held-out products with a title and no name had clean best drafts that never named them
    ("They are made of titanium.", "Daily serving of 1 softgel daily."); a listing's long title
    names the product before its first comma."""
    mug = {"title": "Emberwick Titanium Camping Mug 450 ml", "material": "titanium"}
    assert required_values(["name"], mug) == [("title", "Emberwick Titanium Camping Mug 450 ml")]
    checks = check_variant("They are made of titanium.", mug, required=["name"])
    assert failed(checks, "required") == ["does not mention title (Emberwick Titanium Camping Mug 450 ml)"]
    assert not is_clean(checks)
    charger = {"title": "Anker PowerCore 20000mAh Portable Charger, 22.5W Fast Charging Power Bank - USB-C"}
    assert required_values(["title"], charger) == [("title", "Anker PowerCore 20000mAh Portable Charger")]
    said = "The Anker PowerCore 20000mAh Portable Charger charges fast."
    assert failed(check_variant(said, charger, required=["title"]), "required") == []
    both = {"name": "Harbor Kettle", "title": "Harbor Kettle, 1 L"}
    assert required_values(["name", "title"], both) == [("name", "Harbor Kettle"), ("title", "Harbor Kettle")]
    assert required_values(["name"], {"brand": "Fernwell"}) == []
    cot = {"Product Name": "Dozely Travel Cot Lite", "Weight": "6.8 kg"}  # a shop export's name column
    assert required_values(["name"], cot) == [("Product Name", "Dozely Travel Cot Lite")]
    assert failed(check_variant("It weighs 6.8 kg.", cot, required=["Product Name"]), "required") == [
        "does not mention Product Name (Dozely Travel Cot Lite)"
    ]


def test_a_name_inside_a_wrapping_object_or_in_several_languages_must_be_mentioned():
    """Held-out sets 103-114 named products under "listing": {"title": ...}, "name": {"en_GB": ...}
    and "names": {"en": ...}; none was read as a name, so nothing asked copy to name them."""
    listing = {"listing": {"title": "Lumora P60 Light, 60W", "brand": "Lumora"}, "supplier": {"name": "Acme"}}
    assert required_values(["name"], listing) == [("listing.title", "Lumora P60 Light")]
    assert required_values(["listing.title"], listing) == [("listing.title", "Lumora P60 Light")]
    assert failed(check_variant("It is bright.", listing, required=["name"]), "required") == [
        "does not mention listing.title (Lumora P60 Light)"
    ]
    leathers = {"name": {"de": "Steigbügelriemen", "en_GB": "Stirrup Leathers"}}
    assert required_values(["name"], leathers) == [("name", "Stirrup Leathers")]
    assert required_values(["name"], {"names": {"fr": "Plioir", "nl": "Vouwbeen"}}) == [("names", "Plioir")]
    assert required_values(["name"], {"supplier": {"name": "Acme"}}) == []  # a supplier's name is not the product's
    cones = {"descrizione": "Coni pirometrici n. 06, grandi"}  # "n. 06" ends no sentence
    assert required_values(["name"], cones) == [("descrizione", "Coni pirometrici n. 06, grandi")]
    fan = {"desc": "EC axial fan mot. 250mm, 4-pole, ext. rotor"}  # nor a supplier's "mot." and "ext." (set 195)
    assert required_values(["name"], fan) == [("desc", "EC axial fan mot. 250mm, 4-pole, ext. rotor")]
    assert required_values(["name"], {"desc": "A quiet fan. Runs all night."}) == []  # two sentences name nothing
    # WooCommerce's "post_name" is the page's address (held-out set 135: "Meet the whiskerwood-tall-sisal-...")
    tower = {"post_title": "Whiskerwood Cat Tower 120 cm", "post_name": "whiskerwood-cat-tower-120cm"}
    assert required_values(["post_name"], tower) == [("post_title", "Whiskerwood Cat Tower 120 cm")]


def test_of_variants_that_state_as_much_the_one_saying_less_beyond_the_data_comes_first():
    tent = {"id": "T-2", "name": "Summit Tent", "material": "20D ripstop nylon", "features": ["3000 mm waterproof fly"]}
    said = "Summit Tent is made of 20D ripstop nylon with a 3000 mm waterproof fly."
    more = said + " Its fly is 20DP nylon."  # the model's likelier text, and untrue in a way no check reads
    variants = [Variant(more, -0.6, coverage=1.0), Variant(said, -0.8, coverage=1.0)]
    for variant in variants:
        variant.checks = check_variant(variant.text, tent)
    assert [failed(v.checks) for v in variants] == [[], []]
    assert unheld_words(tent, more) == unheld_words(tent, said) + 3  # "its", "is", "dp"
    assert [v.text for v in rank_variants(variants, tent)] == [said, more]
    assert [v.text for v in rank_variants(variants, tent, rank="model")] == [more, said]
    assert unheld_words(tent, "SUMMIT tent, T-2") == 1  # any case; the id is no data


def test_a_phrase_said_again_and_again_is_a_loop_that_fails_the_copy():
    shirt = {"name": "Linen Button-Down Shirt", "material": "100% linen"}
    looped = "Linen Button-Down Shirt is a 100% luxurious 100% 100% 100% luxurious 100% luxurious 100% luxurious shirt."
    assert failed(check_variant(looped, shirt), "loop") == ["goes round in a loop: '100 luxurious 100' again and again"]
    assert not is_clean(check_variant(looped, shirt))
    scarf = {"name": "Koi Pond Silk Scarf", "material": "100% mulberry silk, 16 momme"}
    twice = "A scarf of 100% mulberry silk, 16 momme silk, in a 90 cm piece of 100% mulberry silk, 16 momme silk, in a 90 cm piece."
    assert failed(check_variant(twice, scarf), "loop") == [
        "goes round in a loop: 'of 100 mulberry silk 16 momme silk in' again and again"
    ]
    named = "Linen Button-Down Shirt: a linen button-down shirt, the Linen Button-Down Shirt is made of 100% linen."
    assert failed(check_variant(named, shirt), "loop") == []  # the name said three times, and repeated
    assert is_clean(check_variant(named, shirt))


def test_re_ranking_puts_passing_variants_first_then_score_and_never_cuts_text():
    long = "Headline: " + "Fernwell Harbor Pour-Over Coffee Kettle" + "\nDescription: Steady pours."
    variants = [
        Variant(long, -0.1),
        Variant("Headline: Fernwell kettle\nDescription: Cheap pours.", -0.2),
        Variant("Headline: Fernwell kettle\nDescription: Steady pours.", -0.9),
        Variant("Headline: Fernwell\nDescription: Slow pours.", -0.5),
    ]
    for variant in variants:
        variant.checks = check_variant(variant.text, KETTLE, get_channel("search-ad"), ["cheap"], ["brand"])
    ranked = rank_variants(variants, KETTLE, keep=3)
    assert [v.score for v in ranked] == [-0.5, -0.9, -0.1]
    assert ranked[2].text == long  # over the limit: flagged, kept whole
    assert failed(ranked[2].checks) == ["headline: 39 characters, limit 30"]


def test_a_channel_run_records_its_candidates_and_keeps_the_variants_asked_for(tiny_gpt2):
    [draft] = generate(
        [KETTLE], model=str(tiny_gpt2), channel="search-ad", num_beams=2, num_variants=2, max_new_tokens=8
    )
    assert draft.channel == "search-ad"
    assert draft.params["num_variants"] == 2 and draft.params["candidates"] == 4
    assert len(draft.variants) == 2


def test_banned_words_steer_generation_away(tiny_gpt2):
    """bad_words_ids forbids a banned word as written (and capitalised, with or without a
    leading space); other spellings are left to the banned check."""
    rows = [{"id": "a", "name": "Harbor Pour-Over Coffee Kettle", "brand": "Fernwell"}]
    [free] = generate(rows, model=str(tiny_gpt2), num_beams=2, num_variants=1, max_new_tokens=12, rank="model")
    banned = re.findall(r"[^\W\d_]{3,}", free.variants[0].text)[:1]
    assert banned, free.variants[0].text
    [steered] = generate(rows, model=str(tiny_gpt2), num_beams=2, num_variants=1, max_new_tokens=12, banned=banned)
    assert steered.params["bad_words"] == banned
    assert banned[0] not in steered.variants[0].text, (banned, steered.variants[0].text)
    assert [c["check"] for c in steered.variants[0].checks if c["check"] == "banned"] == ["banned"]


def test_cli_generate_with_a_channel_banned_file_and_required_column(tiny_gpt2, tmp_path):
    banned = tmp_path / "banned.txt"
    banned.write_text("cheap\n", encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "generate",
            str(SAMPLES / "products.jsonl"),
            "-m",
            str(tiny_gpt2),
            "--channel",
            "search-ad",
            "--banned",
            str(banned),
            "--require",
            "brand",
            *FAST,
        ],
    )
    assert result.exit_code == 0, result.stderr
    drafts = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(drafts) == 24
    for draft in drafts:
        assert draft["template"] == "search-ad" and draft["channel"] == "search-ad"
        assert draft["params"]["candidates"] == 4 and draft["params"]["num_beams"] == 4
        assert draft["params"]["num_variants"] == 2 and draft["params"]["bad_words"] == ["cheap"]
        assert 1 <= len(draft["variants"]) <= 2
        written = [Variant(**variant) for variant in draft["variants"]]
        assert rank_variants(written, draft["attributes"]) == written  # in the grounded ranking's order
        names = {check["check"] for check in draft["variants"][0]["checks"]}
        assert names >= {"format", "banned", "required", "numbers", "repetition"}


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["--require", "colour"], 1, "Error: --require colour: "),
        (["--channel", "tv-spot"], 2, "Invalid value for '--channel'"),
        (["--banned", "nope.txt"], 1, "Error: banned words file nope.txt does not exist"),
    ],
)
def test_cli_bad_channel_options_fail_before_any_model_loads(args, code, message):
    result = runner.invoke(app, ["generate", str(SAMPLES / "products.csv"), "-m", "no/such-model", *args])
    assert result.exit_code == code
    assert message in result.stderr


def test_copy_the_token_limit_cut_off_mid_sentence_fails_a_hard_check():
    cut = "A gooseneck kettle that pours with precise"
    checks = check_variant(cut, KETTLE, cut_off=True)
    assert failed(checks, "finished") == ["stops mid-sentence: the token limit cut it off (raise --max-new-tokens)"]
    assert not is_clean(checks)
    for text, cut_off in ((cut, False), ("A gooseneck kettle that pours with control.", True)):
        assert "finished" not in [check["check"] for check in check_variant(text, KETTLE, cut_off=cut_off)]


def test_a_line_broken_off_after_a_comma_or_dash_fails_the_finished_check():
    poles = (
        "Trekking Poles (Pair)- 240g - cork grips - flick-lock clamps -\nA kettle, 52 pieces,\n- soft -\n-\nA kettle."
    )
    checks = check_variant(poles, KETTLE)
    assert failed(checks, "finished") == ["a line breaks off after a comma or dash: 'clamps -', 'pieces,', 'soft -'"]
    assert not is_clean(checks)
    whole = "A kettle - with a gooseneck - pours well, and fast.\nIt is a kettle: - one."
    assert "finished" not in [check["check"] for check in check_variant(whole, KETTLE)]


def test_a_sentence_the_model_ended_on_an_article_or_a_joining_word_fails_the_finished_check():
    """Held-out drafts marked clean though the model stopped mid-thought: "Patchwork Quilt King is
    a", "It is available in 4."; a question, a grade, a year and a whole sentence are finished."""
    text = "The Pour-Over Kettle is a. It is available in 4. It has a 200 x 180 x. It pours with control and"
    checks = check_variant(text, KETTLE)
    assert failed(checks, "finished") == [
        "a sentence breaks off: 'The Pour-Over Kettle is a.', 'It is available in 4.', 'It has a 200 x 180 x.', "
        "'It pours with control and'"
    ]
    assert not is_clean(checks)
    pods = {"title": "Suddly Laundry Pods 3 in 1, 60 Washes", "pods": 60}
    assert failed(check_variant("Meet the Suddly Laundry Pods 3 in 1. They have 60 pods.", pods), "finished") == []
    assert failed(check_variant("They have 60 pods. Use 1 in 1.", pods), "finished") == [
        "a sentence breaks off: 'Use 1 in 1.'"
    ]  # a title's own end is finished; the same words elsewhere are not
    whole = "What are you waiting for? A grade A kettle, new in 2024. It is the best of the best. It zooms 2x."
    assert "finished" not in [check["check"] for check in check_variant(whole, KETTLE)]
    kept, removed = trimmed("A kettle that pours with control. It is available in 4. It is a", KETTLE)
    assert kept == "A kettle that pours with control." and removed == ["It is available in 4.", "It is a"]


def test_a_count_after_a_fails_the_grammar_check_and_its_sentence_is_trimmed():
    """Two of the samples' best drafts were marked clean with the data strung after "a": "Ember
    Rechargeable Camp Lantern ... is a 3 brightness levels, 400 lumens on high", "a 2 USB-C ports"."""
    lantern = {"name": "Ember Camp Lantern", "features": ["3 brightness levels", "400 lumens on high"]}
    text = "Ember Camp Lantern is a lantern. It is a 3 brightness levels, 400 lumens on high, with a 2 USB-C ports."
    checks = check_variant(text, lantern)
    assert failed(checks, "grammar") == [
        "does not read: a count after 'a' or 'an': 'a 3 brightness levels', 'a 2 USB-C ports'"
    ]
    assert not is_clean(checks)
    assert trimmed(text, lantern) == ("Ember Camp Lantern is a lantern.", [text.split(". ", 1)[1]])
    reads = "A 3-pack, a 2 year warranty, a 1 USB-A port and a 5 star hotel; 3 brightness levels."
    assert "grammar" not in [check["check"] for check in check_variant(reads, lantern)]
    named = {"name": "Shelf of a 2 Books"}  # the data says it so
    assert "grammar" not in [check["check"] for check in check_variant("Shelf of a 2 Books is a shelf.", named)]


def test_copy_of_only_the_product_s_name_fails_the_grammar_check():
    """Held-out best drafts marked clean were the name alone ("Quillon Red Cedar Cajón."); an edit
    made of the data's words that reads well (a review round trip's) passes."""
    bag = {"name": "Northcairn Down Sleeping Bag -5°C", "fill": "650 fill power duck down", "weight": "1.05 kg"}
    for text in ("Northcairn Down Sleeping Bag -5°C.", "The Northcairn Down Sleeping Bag -5°C:"):
        checks = check_variant(text, bag)
        assert failed(checks, "grammar") == ["does not read: only the product's name, no sentence of copy"]
        assert not is_clean(checks)
    for said in (
        "Northcairn Down Sleeping Bag -5°C is filled with 650 fill power duck down and weighs 1.05 kg.",
        "The Northcairn Down Sleeping Bag -5°C: 650 fill power duck down, 1.05 kg.",
    ):
        assert failed(check_variant(said, bag), "grammar") == []


def test_a_phrase_said_twice_in_a_row_fails_the_grammar_check():
    """Held-out best drafts marked clean said the name twice over, once across a slash."""
    light = {"name": "Photon Leaf Clip-On LED Video Light", "brand": "Photon"}
    text = "Photon Leaf Clip-On LED Video Light Photon Leaf Clip-On LED Video Light / It clips on."
    assert failed(check_variant(text, light), "grammar") == [
        "does not read: said twice in a row: 'Photon Leaf Clip-On LED Video Light'"
    ]
    for said in (
        "Photon Leaf Clip-On LED Video Light clips on. It clips on to a phone.",
        "Bora Bora Bora Bora island is warm.",
    ):
        assert failed(check_variant(said, {**light, "place": "Bora Bora Bora Bora island"}), "grammar") == []


def test_labels_with_a_dash_and_text_about_the_description_are_words_about_the_writing():
    """A listing's drafts: the title and price echoed with dashes, "- product:", "In this product description"."""
    mixer = {"title": "Cuisinart 14-Cup Coffee Maker", "price": "$99.95"}
    text = "Title - Cuisinart 14-Cup Coffee Maker\nPrice - $99.95\n- product: coffee maker\nIn this product description, we note it."
    assert failed(check_variant(text, mixer), "meta") == [
        "talks about the writing: 'In this product description', 'Title -', 'Price -', '- product:'"
    ]
    plain = "Cuisinart 14-Cup Coffee Maker - brews 14 cups. Coffee - hot and fresh."
    assert failed(check_variant(plain, mixer), "meta") == []


def test_copy_that_starts_in_the_middle_of_a_sentence_fails_the_finished_check_and_is_trimmed():
    """A sample's best draft was a trimmed one that began "nesting arches, smooth rounded edges":
    trimming had taken out the sentence it ended."""
    rainbow = {"name": "Stack & Sort Wooden Rainbow", "features": ["7 nesting arches", "smooth rounded edges"]}
    checks = check_variant("nesting arches and smooth rounded edges, for play.", rainbow)
    assert failed(checks, "finished") == ["starts mid-sentence: 'nesting arches and smooth'"]
    for text, attributes in (
        ("Nesting arches and smooth edges.", rainbow),
        ("eero Pro 6 covers a home.", {"name": "eero Pro 6"}),
    ):
        assert "finished" not in [check["check"] for check in check_variant(text, attributes)]
    text = (
        "Stack & Sort Wooden Rainbow is a 9-in.\nnesting arches and smooth rounded edges.\n"
        "It has 7 nesting arches.\nsmooth rounded edges too."
    )
    kept, removed = trimmed(text, rainbow)
    assert kept == "It has 7 nesting arches.\nsmooth rounded edges too."  # a line after a kept one is a list's
    assert removed == ["Stack & Sort Wooden Rainbow is a 9-in.", "nesting arches and smooth rounded edges."]


def test_a_name_the_attributes_do_not_hold_is_an_untrue_hard_check():
    pub = {"name": "The Vaults", "eatType": "pub", "food": "English", "area": "riverside"}
    checks = check_variant("The Vaults is a Michelin-starred English pub by the riverside in Tokyo.", pub)
    assert failed(checks, "names") == ["names what the attributes do not: Michelin, Tokyo"]
    assert not is_clean(checks)
    honest = check_variant("The Vaults is an English pub by the riverside.", pub)
    assert "names" not in [check["check"] for check in honest] and is_clean(honest)
    product = Product(id="v", line=1, attributes=pub)
    job = DraftJob(model=None, template_name="t", template_source="", settings=GenerationSettings(num_variants=2))
    invented = Variant("The Vaults is a Michelin-starred English pub by the riverside.", -0.1)
    plain = Variant("The Vaults serves English food.", -0.9)
    best, _ = checked_variants([invented, plain], product, job)
    assert best.text == plain.text  # true copy first, though it covers less and the model liked it less


def test_a_tag_with_a_name_the_attributes_do_not_hold_is_an_untrue_name_but_in_a_post():
    shirt = {"name": "Linen Button-Down Shirt", "brand": "Atelier Rue"}
    text = "Linen Button-Down Shirt, in linen. #AtelierRue #linen #Atlantis @AtelierRue #SummerStyle"
    assert failed(check_variant(text, shirt), "names") == ["names what the attributes do not: #Atlantis, #SummerStyle"]
    post = check_variant(text, shirt, get_channel("social"))  # a post may have tags of its own
    assert "names" not in [check["check"] for check in post]


@pytest.mark.parametrize(
    "text, said",
    [
        (
            'In 3 words, here\'s a product description for a product called "Arc" that includes the facts:',
            ["In 3 words", "here's a product description", "that includes the facts"],
        ),
        ("Sure! The Arc lamp glows. I hope this helps.", ["Sure!", "I hope this"]),
        ("Here is the Arc lamp: warm light for your desk.", []),  # "here is" about the product
        ("The Arc lamp. Let me know the room and it fits.", ["Let me know"]),
        ("The Arc lamp glows warm.\nChat: SmolLM", ["Chat:"]),  # a chat turn's label
        ("The Arc lamp, $49. Does not invent numbers, materials, or claims.", ["Does not invent"]),  # the prompt's rule
    ],
)
def test_words_about_the_writing_are_a_failed_hard_check(text, said):
    assert meta_phrases(text) == said
    checks = check_variant(text, {"name": "Arc lamp"})
    meta = [check for check in checks if check["check"] == "meta"]
    assert is_clean(checks) == (not said)
    assert [check["message"] for check in meta] == (
        [f"talks about the writing: {', '.join(map(repr, said))}"] if said else []
    )


LISTING = {"title": "Hydro Flask 32 oz Bottle", "brand": "Hydro Flask", "details": {"Net weight": "200 g"}}


@pytest.mark.parametrize(
    "text, channel, said",
    [
        ("Title: Hydro Flask 32 oz Bottle\nBrand: Hydro Flask", None, ["Title:", "Brand:"]),
        ("- brand: Hydro Flask\n  Net weight: 200 g", None, ["- brand:", "Net weight:"]),  # nested keys too
        ("Hydro Flask 32 oz Bottle: cold for a day. Note: brand new.", None, []),  # labels that are no key
        ("Title: a 32 oz bottle", "search-ad", ["Title:"]),
        ("Branded: Hydro Flask\n- Titles: one\n- netWeights: 200 g", None, ["Branded:", "- Titles:", "- netWeights:"]),
        ("- brandRange: Hydro\nBrand new: yes\n- iPhone: fits", None, ["- brandRange:"]),  # forms of a key's words
        ("- Product title: Hydro\n- Fun fact: cold\nMy brand: new", None, ["- Product title:"]),  # a listed key
        ("# Hydro Flask 32 oz Bottle, $32 # #\n#1 for #hiking", None, ["#"]),  # markdown marks, not tags or "#1"
        (
            "Cold for a day.\nFacts:\n- title Hydro Flask\nDescription: cold",
            None,
            ["Facts:", "Description:"],
        ),  # the prompt's
        ("Summary: cold for a day.\nProduct description: cold.", None, ["Summary:", "Product description:"]),
        (
            "Cold for a day.\nPremise:\n- title (Hydro Flask 32 oz Bottle)\n- brand (Hydro Flask)\n- lid (leakproof)",
            None,
            ["Premise:", "- title (Hydro Flask 32 oz Bottle)", "- brand (Hydro Flask)"],
        ),  # a sample's best draft, trimmed, echoed its facts so and passed as clean
        ("Headline: Hydro Flask\nDescription: Cold for a day.", "search-ad", []),  # the channel's own part
        ("The facts: cold for a day.", None, []),
        (
            "Cold.\nPremises:\n- title\n- brand\n- net weight\n- style",
            None,
            ["Premises:", "- title", "- brand", "- net weight"],
        ),
        ("Cold.\n- leakproof lid\n- brand new", None, []),  # items that are no key alone
    ],
)
def test_the_data_labels_echoed_are_words_about_the_writing(text, channel, said):
    checks = check_variant(text, LISTING, CHANNELS[channel] if channel else None)
    meta = [check["message"] for check in checks if check["check"] == "meta"]
    assert meta == ([f"talks about the writing: {', '.join(map(repr, said))}"] if said else [])


@pytest.mark.parametrize(
    "text, attributes, said",
    [
        ("The Red Lion is in the city of [city_name].", {"name": "The Red Lion"}, ["[city_name]"]),
        ("Dear {Your Name}, meet [Product Name].", {"name": "Lamp"}, ["{Your Name}", "[Product Name]"]),
        ("The [Limited Edition] lamp, as in [1].", {"name": "Lamp [Limited Edition]"}, []),  # a value's own; a number
    ],
)
def test_a_template_blank_left_in_the_copy_is_words_about_the_writing(text, attributes, said):
    """A draft for a restaurant the dev set never had placed it "in the city of [city_name]"."""
    meta = [check["message"] for check in check_variant(text, attributes) if check["check"] == "meta"]
    assert meta == ([f"talks about the writing: {', '.join(map(repr, said))}"] if said else [])


def test_a_channel_label_that_is_also_a_key_is_its_format():
    checks = check_variant(
        "Headline: Arc lamp\nDescription: Warm light.", {"description": "lamp"}, CHANNELS["search-ad"]
    )
    assert [check for check in checks if check["check"] == "meta"] == []


@pytest.mark.parametrize(
    "text, attributes, runs",
    [
        ("Aromi is rated ⅈⅉ⅊⅋ for its coffee.", {}, ["ⅈⅉ⅊⅋"]),  # the embedded model's soup, numerals banned
        ("𝐍𝐄𝐖 Arc lamp: ｗａｒｍ light.", {}, ["𝐍𝐄𝐖", "ｗａｒｍ"]),  # styled letters, no reader spells them
        (
            "Arc lamp \ufffd\ufffd\ufffd, <<>> or \ue000\ue001\ue002",
            {},
            ["\ufffd\ufffd\ufffd", "<<>>", "\ue000\ue001\ue002"],
        ),
        ("Arc lamp™ → warm, ± 2 mm.", {"tolerance": "2 mm"}, []),  # one symbol at a time reads
        ("Arc lamp 🔥🔥🔥 for $$$ less.", {}, []),  # emoji and currency read
        ("Arc lamp: ✦✦✦ rated.", {"badge": "✦✦✦"}, []),  # what the product holds
        ("Arc lamp: ⊕⊕⊕ rated.", {"specs": {"badges": ["⊕⊕⊕"]}}, []),  # nested values too
        ("Arc lamp: ✦✦✦ rated.", {"badge": "gold"}, []),  # dingbats are emoji
        ("Arc lamp: ⊕⊕⊕ rated ⊕⊕⊕.", {}, ["⊕⊕⊕"]),  # each run once
        ("Arc lamp ⅊ ⅋ ⅌ ⅍ glows.", {}, ["⅊ ⅋ ⅌ ⅍"]),  # spaced out, still soup
        ("Rated ⅈⅉ⅊⅋⅌⅍ⅎ⅏ⅠⅡⅢ, ⅓ cup, 5 ℃.", {}, ["ⅈⅉ⅊⅋⅌⅍ⅎ⅏ⅠⅡⅢ"]),  # letterlike forms: soup in a row, fine alone
        ("Arc lamp™ → bright ±.", {}, []),  # symbols apart, words between
    ],
)
def test_runs_of_unreadable_characters_are_a_failed_hard_check(text, attributes, runs):
    assert unreadable_runs(text, attributes) == runs
    checks = check_variant(text, {"name": "Arc lamp", **attributes})
    assert failed(checks, "readable") == ([f"unreadable characters: {', '.join(map(repr, runs))}"] if runs else [])
    assert is_clean(checks) == (not runs)


def test_a_contradicted_value_is_a_failed_hard_check():
    cafe = {"name": "The Vaults", "familyFriendly": "no", "customer rating": "5 out of 5"}
    checks = check_variant("The Vaults is a family-friendly cafe rated 3 out of 5.", cafe)
    [contradiction] = [check for check in checks if check["check"] == "contradiction"]
    assert not contradiction["passed"]
    assert "familyFriendly is no" in contradiction["message"] and "customer rating" in contradiction["message"]
    assert not is_clean(checks)
    honest = check_variant("The Vaults is not family-friendly, and rated 5 out of 5.", cafe)
    assert "contradiction" not in [check["check"] for check in honest] and is_clean(honest)


def test_a_draft_the_token_limit_cut_off_offers_its_whole_sentences_first():
    product = Product(id="k1", line=2, attributes={"name": "Pour-over kettle", "capacity": "1 L"})
    settings = GenerationSettings(num_variants=2)
    job = DraftJob(model=None, template_name="t", template_source="", settings=settings, required=["name"])
    cut = Variant("The Pour-over kettle holds 1 L. It pours with", -0.2, cut_off=True)
    short = Variant("A kettle.", -0.1)
    best, second = checked_variants([cut, short], product, job)
    assert (best.text, best.removed, is_clean(best.checks)) == (
        "The Pour-over kettle holds 1 L.",
        ["It pours with"],
        True,
    )
    assert second.text == cut.text and failed(second.checks, "finished")  # required: name, so "A kettle." is last
    model_order = checked_variants([cut, short], product, replace(job, rank="model"))
    assert [variant.text for variant in model_order] == [cut.text, short.text]  # as decoded, flagged, never cut
    assert failed(model_order[0].checks, "finished")


MUG = [{"name": "Tidewell Porcelain Mug", "material": "porcelain", "features": ["350 ml", "gold rim"]}]


def test_copy_that_states_the_template_examples_values_is_untrue_unless_the_product_holds_them():
    lantern = {"name": "Lantern 500", "features": ["3 light modes", "USB-C charging"]}
    text = "The Lantern 500 is made of porcelain, with 3 light modes and USB-C charging."
    checks = check_variant(text, lantern, examples=MUG)
    assert failed(checks, "example") == ["states the template's example, not this product: porcelain"]
    assert not is_clean(checks) and states_untrue(text, lantern, MUG)
    alone = check_variant(text, lantern)  # without the example, a material the data does not name
    assert failed(alone, "claims") == ["claims what the attributes do not back: made of, porcelain"]
    merged = check_variant("TideWellPump makes the Lantern 500, in PORCELAIN.", lantern, examples=MUG)
    assert failed(merged, "example") == ["states the template's example, not this product: tidewell, porcelain"]
    mug = {"name": "Daybreak Mugs (Set of 2)", "material": "porcelain", "size": "300 ml"}
    own = check_variant("Each Daybreak mug is made of porcelain and holds 300 ml.", mug, examples=MUG)
    assert "example" not in [check["check"] for check in own] and is_clean(own)  # its own material too


def test_a_sentence_borrowed_from_the_example_is_trimmed_and_true_copy_ranks_first():
    lantern = {"name": "Lantern 500", "features": ["3 light modes", "USB-C charging"]}
    product = Product(id="l5", line=1, attributes=lantern)
    settings = GenerationSettings(num_variants=2)
    job = DraftJob(
        model=None, template_name="t", template_source="", settings=settings, required=["name"], examples=MUG
    )
    borrowed = Variant("The Lantern 500 has 3 light modes and USB-C charging. It has gold rims.", -0.1)
    plain = Variant("The Lantern 500 has 3 light modes.", -0.9)
    best, second = checked_variants([borrowed, plain], product, job)
    assert (best.text, best.removed, is_clean(best.checks)) == (
        "The Lantern 500 has 3 light modes and USB-C charging.",
        ["It has gold rims."],
        True,
    )
    assert second.text == plain.text  # the borrowed sentence kept ranks below both
    assert failed(checked_variants([borrowed], product, replace(job, rank="model"))[0].checks, "example")


def test_the_default_template_shows_an_example_and_a_template_reads_its_own():
    shipped = load_template("product-description")
    [mug] = shipped.examples
    assert mug["name"] in render_prompt(shipped, {"name": "Lantern 500"})
    assert mug["name"] in render_prompt(shipped, {"Product Name": "Lantern 500"})  # a shop export's name column
    assert mug["name"] in render_prompt(shipped, {"prod_nm": "Lantern 500"})  # and a supplier's
    for listing in ({"title": "Lantern 500, 3 modes"}, {"listing_title": "Lantern 500, 3 modes"}):
        assert mug["name"] not in render_prompt(shipped, listing)  # a listing, not a catalogue row
    assert mug["name"] not in render_prompt(shipped, {"model": "Lantern 500"})  # no name key
    # nor a name column only other rows of the file have: a held-out no-name product was called
    # "The Tidewall Porcelow 22mm" (sets 103-106)
    assert mug["name"] not in render_prompt(shipped, {"code": "PF-E22", "desc": "Elbow 22mm"}, columns=["name"])
    assert load_template(source="- {{ name }}").examples == []
    own = load_template(source='{% set examples = [{"name": "Kite", "colour": ["red"]}] %}{{ name }}')
    assert own.examples == [{"name": "Kite", "colour": ["red"]}]
    for source in ("{% set examples = name %}{{ name }}", '{% set examples = ["Kite"] %}'):
        with pytest.raises(TemplateError, match="examples must be a literal list"):
            _ = load_template(source=source).examples


def test_a_job_checks_and_decodes_against_its_templates_examples():
    settings = GenerationSettings(engine="transformers")
    job = plan_drafts(["id", "name"], "p", settings=settings)
    assert job.examples and job.examples == load_template("product-description").examples
    assert job.settings.example_words == example_words(job.examples) and "tidewell" in job.settings.example_words
    plain = plan_drafts(["id", "name"], "p", settings=settings, template="attributes")
    assert plain.examples == [] and plain.settings.example_words == []


def test_a_number_is_one_word_when_phrases_repeat():
    """Two measures that differ after the decimal point are no repeat ("thickness is 0" was flagged, held-out set
    152); the same measure said twice still is."""
    assert repeated_phrases("Its finger thickness is 0.08 mm. Its palm thickness is 0.06 mm.") == []
    assert "thickness is 0.08" in repeated_phrases("Its finger thickness is 0.08 mm. Its palm thickness is 0.08 mm.")


def test_a_suppliers_shorthand_and_the_words_it_stands_for_are_the_same_to_the_checks():
    """A name in capitals is read spelled out ("BRG" is a bearing, "37DEG" 37°): copy that writes the shorthand
    as the row does, or the words, names the product and names nothing the row does not hold."""
    bearing = {"desc": "DEEP GROOVE BALL BRG 6206-2RS W/ SEAL", "angle": "37DEG"}
    for copy in (
        "The Deep Groove Ball Bearing 6206-2RS with Seal, cut at 37°.",
        "The DEEP GROOVE BALL BRG 6206-2RS W/ SEAL, cut at 37 degrees.",
    ):
        checks = check_variant(copy, bearing, required=["desc"])
        assert is_clean(checks), checks
    checks = check_variant("The Deep Groove Roller Bearing 6206-2RS, cut at 35°.", bearing, required=["desc"])
    failed = {check["check"] for check in checks if not check["passed"]}
    assert failed == {"required", "numbers", "names"}, checks
