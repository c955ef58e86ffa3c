"""The CTranslate2 engine's number bans: token runs that would write a number the product lacks, and re-decoding
(scheduled on the workers: a scripted stand-in runner shows in what order)."""

from types import SimpleNamespace

import pytest
from transformers import AutoTokenizer

from copygen.generation import inventions
from copygen.generation.engines import ct2
from copygen.generation.inventions import first_runs, invention_runs
from copygen.generation.number_bans import (
    RETRIES,
    allowed_numbers,
    learned_bans,
    number_bans,
    true_start,
    untrue_runs,
)
from copygen.generation.settings import GenerationSettings
from copygen.quality.trim import trimmed

CHARGER = {"name": "Volta 65W USB-C Charger", "ports": "2", "weight": "1.2 kg", "range": "2.5 kg to 24 kg"}


def written_ban(tokenizer, bans, text):
    """The first ban that the tokens of `text` contain (what suppression would have stopped)."""
    tokens = tokenizer.convert_ids_to_tokens(tokenizer(text, add_special_tokens=False)["input_ids"])
    for ban in bans:
        width = len(ban)
        if any(tokens[i : i + width] == ban for i in range(len(tokens) - width + 1)):
            return ban
    return None


@pytest.fixture(scope="module")
def tokenizer(tiny_gpt2):
    return AutoTokenizer.from_pretrained(tiny_gpt2)


def test_allowed_numbers_are_written_and_canonical():
    assert allowed_numbers({"price": "$1,200.00", "id": "7", "sizes": ["2.5 kg", 24]}) == {
        "1,200.00",
        "1200",
        "2.5",
        "24",
    }


@pytest.mark.parametrize(
    "text",
    [
        "The Volta 65W charger has 2 ports and weighs 1.2 kg.",
        "Plates from 2.5 kg to 24 kg.",
        "Only 1.2 kg, 65 W.",
        "A charger. No numbers at all.",
    ],
)
def test_numbers_the_product_holds_are_never_banned(tokenizer, text):
    assert written_ban(tokenizer, number_bans(tokenizer, CHARGER), f" {text}") is None


@pytest.mark.parametrize(
    "text",
    [
        "A 6.5 W charger.",  # a decimal made of an allowed number's digits
        "It has 3 ports.",  # a digit in no allowed number
        "With 35 W output.",  # two digits in no allowed number
        "Weighs 1.5 kg.",  # a decimal that starts like an allowed one
        "Up to 240 W.",  # an allowed number continued
        "Plates of 2.4 kg.",
        "Only 6 W.",  # an allowed number's first digit, ended early
    ],
)
def test_invented_numbers_are_banned(tokenizer, text):
    assert written_ban(tokenizer, number_bans(tokenizer, CHARGER), f" {text}") is not None


def test_a_product_without_numbers_bans_every_number(tokenizer):
    bans = number_bans(tokenizer, {"name": "Oak chair"})
    assert all(written_ban(tokenizer, bans, f" {n} chairs") for n in ("1", "7", "12", "2024"))


def test_trimming_takes_out_sentences_with_invented_numbers_and_keeps_the_rest():
    text = "The Volta charger is compact. It delivers 100 W to 3 devices. It weighs 1.2 kg."
    kept, removed = trimmed(text, CHARGER)
    assert kept == "The Volta charger is compact. It weighs 1.2 kg."
    assert removed == ["It delivers 100 W to 3 devices."]
    assert trimmed("Compact and light: 1.2 kg.", CHARGER) is None  # nothing to take out
    assert trimmed("It delivers 100 W.", CHARGER) is None  # nothing would be left
    assert trimmed("Volta 65W.\n2.\n2 x 1\nIt delivers 100 W.", CHARGER) is None  # fragments are not copy


def test_trimming_takes_the_unfinished_end_off_copy_the_token_limit_cut_off():
    text = "The Volta charger is compact. It weighs 1.2 kg. It delivers 100 W. Charge two phones and"
    kept, removed = trimmed(text, CHARGER, cut_off=True)
    assert kept == "The Volta charger is compact. It weighs 1.2 kg."
    assert removed == ["It delivers 100 W.", "Charge two phones and"]
    listing = "Volta 65W USB-C Charger\nPorts: 2\nWeight: 1.2 kg, compact"
    assert trimmed(listing, CHARGER, cut_off=True) == ("Volta 65W USB-C Charger\nPorts: 2", ["Weight: 1.2 kg, compact"])
    assert trimmed("The Volta charger is compact. Charge two phones at", CHARGER) is None  # it ended there
    assert trimmed("The Volta charger is compact. It weighs 1.2 kg.", CHARGER, cut_off=True) is None  # a full stop
    assert trimmed("The Volta charger is compact and light for", CHARGER, cut_off=True) is None  # nothing whole


def test_trimming_takes_out_a_sentence_said_twice_and_the_ranking_prefers_the_copy_without_it():
    from copygen.generation.pipeline import DraftJob, checked_variants
    from copygen.io.drafts import Variant
    from copygen.io.products import Product

    said = "The Volta charger is compact.\nIt weighs 1.2 kg.\nThe volta charger is  compact."
    assert trimmed(said, CHARGER) == (
        "The Volta charger is compact.\nIt weighs 1.2 kg.",
        ["The volta charger is  compact."],
    )
    job = DraftJob(model=None, template_name="t", template_source="", settings=GenerationSettings(num_variants=1))
    [best] = checked_variants([Variant(said, -0.1)], Product(id="c", line=1, attributes=CHARGER), job)
    assert best.text == "The Volta charger is compact.\nIt weighs 1.2 kg." and best.removed == [
        "The volta charger is  compact."
    ]


def test_trimming_says_a_doubled_word_once_and_the_ranking_prefers_that_copy():
    """Two of the 110 held-out E2E drafts called a place "a high-end Chinese Chinese eatery"."""
    from copygen.generation.pipeline import DraftJob, checked_variants
    from copygen.io.drafts import Variant
    from copygen.io.products import Product

    eagle = {"name": "The Eagle", "food": "Chinese", "priceRange": "high"}
    said = "The Eagle is a high-end Chinese Chinese eatery. It is in the city centre."
    assert trimmed(said, eagle) == ("The Eagle is a high-end Chinese eatery. It is in the city centre.", ["Chinese"])
    assert trimmed("Fly to Bora Bora with The Eagle.", {**eagle, "near": "Bora Bora"}) is None  # a value says it so
    assert trimmed("The Eagle serves Chinese,\nChinese and more.", eagle) is None  # across a line
    guitar = {"name": "Harbor Guitar", "category": "acoustic guitars", "features": ["20 frets"]}
    assert trimmed("Harbor Guitar has 20 frets, 20 frets, 20 frets on its neck.", guitar) == (
        "Harbor Guitar has 20 frets on its neck.",
        ["20 frets"],
    )  # a phrase said again right after itself, as the default model's best draft for a guitar did
    job = DraftJob(model=None, template_name="t", template_source="", settings=GenerationSettings(num_variants=1))
    [best] = checked_variants([Variant(said, -0.1)], Product(id="e", line=1, attributes=eagle), job)
    assert best.text.startswith("The Eagle is a high-end Chinese eatery.") and best.removed == ["Chinese"]
    assert all(check["passed"] for check in best.checks if check["check"] == "repetition")


TABLE = {"name": "Arlo side table", "size": "45 x 45 x 55 cm", "price": "$149.00"}


@pytest.mark.parametrize(
    "written, true",
    [
        (" The table is 45 x 4 and 55 cm tall.", " The table is 45 x 45 x 55 cm tall."),  # a number stopped short
        (" Only $14 today.", " Only $149.00 today."),
        (" It seats 6 people.", " It seats many people."),
    ],
)
def test_learned_bans_stop_what_was_written_and_nothing_true(tokenizer, written, true):
    ids = tokenizer(written, add_special_tokens=False)["input_ids"]
    bans = learned_bans(tokenizer, ids, untrue_runs(tokenizer, ids, TABLE))
    assert bans and written_ban(tokenizer, bans, written) is not None
    assert written_ban(tokenizer, bans, true) is None


def test_learned_bans_of_true_copy_are_empty(tokenizer):
    ids = tokenizer(" The table is 45 x 45 x 55 cm and costs $149.00.", add_special_tokens=False)["input_ids"]
    assert learned_bans(tokenizer, ids, untrue_runs(tokenizer, ids, TABLE)) == []
    assert (
        untrue_runs(tokenizer, tokenizer(" A fine oak table.")["input_ids"], TABLE) == []
    )  # nothing to start again from


CAFE = {"name": "Alimentum", "eatType": "cafe", "familyFriendly": "no"}


def test_a_contradiction_is_an_untrue_run_banned_from_its_first_word(tokenizer):
    """A plain "family-friendly" for a no is banned from "family" on, so the next try is not
    "family-oriented"; a negated mention for a yes is banned whole, so "not" stays allowed."""
    ids = tokenizer(" Alimentum is a family-friendly cafe.", add_special_tokens=False)["input_ids"]
    [run] = untrue_runs(tokenizer, ids, CAFE)
    assert run[2].strip() == "family"
    assert tokenizer.decode(true_start(tokenizer, ids, run, CAFE)) == " Alimentum is a"
    ids = tokenizer(" Alimentum is not family-friendly.", add_special_tokens=False)["input_ids"]
    assert untrue_runs(tokenizer, ids, CAFE) == []
    [run] = untrue_runs(tokenizer, ids, {**CAFE, "familyFriendly": "yes"})
    assert run[2].strip() == "not family-friendly"


def test_a_thing_said_absent_is_banned_whole(tokenizer):
    """ "gig bag-free" for "gig bag included" is banned whole, so "gig bag" stays allowed; a thing
    said there that the data says is absent ("a grinder" for "grinder not included") from its first word."""
    guitar = {"name": "Harbor", "category": "guitar", "features": ["gig bag included"]}  # a guitar: no other kind
    ids = tokenizer(" Harbor is a gig bag-free guitar.", add_special_tokens=False)["input_ids"]
    [run] = untrue_runs(tokenizer, ids, guitar)
    assert run[2].strip() == "gig bag-free"
    ids = tokenizer(" Harbor comes with a grinder.", add_special_tokens=False)["input_ids"]
    [run] = untrue_runs(tokenizer, ids, {"name": "Harbor", "note": "grinder not included"})
    assert run[2].strip() == "grinder"


def test_a_contradiction_that_starts_with_a_common_word_is_banned_whole(tokenizer):
    ids = tokenizer(" Zoomo is fun for kids of all ages.", add_special_tokens=False)["input_ids"]
    [run] = untrue_runs(tokenizer, ids, {"name": "Zoomo", "audience": "ages 3-6"})
    assert run[2].strip() == "all ages"  # not "all" alone, which no copy could then say


def test_a_part_made_of_another_parts_material_is_banned_whole(tokenizer):
    knives = {"name": "Keystone", "blades": "zirconia ceramic", "handles": "soft-grip ABS"}
    ids = tokenizer(" The blades are made of soft-grip ABS.", add_special_tokens=False)["input_ids"]
    [run] = untrue_runs(tokenizer, ids, knives)
    assert run[2].strip() == "blades are made of soft-grip ABS"  # not "blades" alone: the handles may be


def test_a_neighbour_placed_around_the_product_is_banned_up_to_its_first_word(tokenizer):
    """ "in the heart of Clare Hall" for near: Clare Hall, from the word its "of" follows: "in" and
    "near Clare Hall" stay allowed."""
    ids = tokenizer(" Clowns is in the heart of Clare Hall.", add_special_tokens=False)["input_ids"]
    [run] = untrue_runs(tokenizer, ids, {"name": "Clowns", "near": "Clare Hall"})
    assert run[2].strip() == "heart of Clare"
    ids = tokenizer(" Clowns is in the bustling heart of the Clare Hall.", add_special_tokens=False)["input_ids"]
    [run] = untrue_runs(tokenizer, ids, {"name": "Clowns", "near": "Clare Hall"})
    assert run[2].strip() == "heart of the Clare"  # whatever adjective comes before it
    ids = tokenizer(" Clowns is at Clare Hall.", add_special_tokens=False)["input_ids"]
    [run] = untrue_runs(tokenizer, ids, {"name": "Clowns", "near": "Clare Hall"})
    assert run[2].strip() == "at Clare"
    ids = tokenizer(" Clowns is near Clare Hall.", add_special_tokens=False)["input_ids"]
    assert untrue_runs(tokenizer, ids, {"name": "Clowns", "near": "Clare Hall"}) == []


def test_an_invented_name_is_an_untrue_run(tokenizer):
    ids = tokenizer(" Alimentum is a Michelin-starred cafe.", add_special_tokens=False)["input_ids"]
    [run] = untrue_runs(tokenizer, ids, CAFE)
    assert run[2].strip() == "Michelin"
    assert tokenizer.decode(true_start(tokenizer, ids, run, CAFE)) == " Alimentum is a"
    assert untrue_runs(tokenizer, ids, {**CAFE, "awards": "Michelin star"}) == []


def test_a_claim_with_no_evidence_is_an_untrue_run(tokenizer):
    ids = tokenizer(" Alimentum is an eco-friendly cafe.", add_special_tokens=False)["input_ids"]
    [run] = untrue_runs(tokenizer, ids, CAFE)
    assert run[2].strip() == "eco-friendly"
    assert tokenizer.decode(true_start(tokenizer, ids, run, CAFE)) == " Alimentum is an"
    assert untrue_runs(tokenizer, ids, {**CAFE, "cups": "compostable"}) == []


def test_an_invented_numeral_character_is_an_untrue_run_of_all_its_byte_tokens(tokenizer):
    """With every digit banned, the model wrote "⅓ out of" for a rating that is "high": the run
    to ban is the three byte tokens of "⅓", not its first byte, which begins "–" and "’" too."""
    ids = tokenizer(" The Eagle, rated ⅓ out of five.", add_special_tokens=False)["input_ids"]
    eagle = {"name": "The Eagle", "customer rating": "high"}
    [(first, end, written), (_, _, scale)] = untrue_runs(tokenizer, ids, eagle)
    assert scale.strip() == "five"  # a scale in words is a number too
    assert written.strip() == "⅓" and tokenizer.decode(ids[first:end]).strip() == "⅓"
    assert tokenizer.decode(true_start(tokenizer, ids, (first, end, written), eagle)).rstrip() == " The Eagle, rated"


INVENTED, TRUE, OTHER = " It is 45 x 4 and 55 cm.", " It is 45 x 45 x 55 cm.", " A fine oak table."
SETTINGS = GenerationSettings(num_beams=1, num_variants=1, batch_size=1, max_new_tokens=30)


class Runner:
    """Stands in for CTranslate2's Generator: `script(prompt, suppressed)` gives the texts a prompt
    (with its copy's start) decodes to. Logs ("submit" | "collect", prompt) in order; a batch is done
    only once collected, so the scheduler waits for the oldest."""

    def __init__(self, tokenizer, script):
        self.tokenizer, self.script, self.log, self.suppressed, self.heads = tokenizer, script, [], {}, []

    def generate_batch(self, prompts, *, suppress_sequences=None, static_prompt=None, **options):
        pending = []
        for tokens in prompts:
            prompt = self.tokenizer.convert_tokens_to_string(tokens)
            self.log.append(("submit", prompt))
            self.heads.append(self.tokenizer.convert_tokens_to_string(static_prompt) if static_prompt else None)
            self.suppressed[prompt] = suppress_sequences or []
            pending.append(SimpleNamespace(done=lambda: False, result=lambda prompt=prompt: self.result(prompt)))
        return pending

    def result(self, prompt):
        self.log.append(("collect", prompt))
        texts = self.script(prompt, self.suppressed[prompt])
        ids = [self.tokenizer(text, add_special_tokens=False)["input_ids"] for text in texts]
        return SimpleNamespace(sequences_ids=ids, scores=[-0.5] * len(ids))


def scheduled(tokenizer, script, windows, workers=1):
    runner = Runner(tokenizer, script)
    model = SimpleNamespace(runner=runner, workers=workers, end_tokens=[tokenizer.eos_token])
    loaded = SimpleNamespace(tokenizer=tokenizer, model=model, architecture="causal", prompt_format="plain")
    reported = []
    done = [
        (tag, [[variant.text for variant in variants] for variants in texts])
        for tag, texts in ct2.scheduled(loaded, windows, SETTINGS, reported.append)
    ]
    return done, runner, reported


def table_script(tokenizer):
    def script(prompt, suppressed):
        if prompt[1:2] == " ":  # decoded again: true once the run that wrote "4 and" is banned
            return [TRUE[len(prompt) - 1 :] if written_ban(tokenizer, suppressed, INVENTED) else " x 4 and 55 cm."]
        return [INVENTED if prompt in ("a", "c") else OTHER]

    return script


def test_a_product_whose_every_candidate_invents_a_number_is_decoded_again(tokenizer):
    """Only the product that invented is decoded again: with its first bans and the run that wrote
    the number, continuing its best candidate from just before that number ("4" completed to the
    only number it began); the new candidates come first."""
    done, runner, reported = scheduled(tokenizer, table_script(tokenizer), [(["a", "b"], [TABLE, TABLE], None, "w1")])
    submitted = [prompt for event, prompt in runner.log if event == "submit"]
    assert submitted == ["a", "b", "a It is 45 x 45"]
    [first_bans] = ct2.first_bans(tokenizer, [TABLE], SETTINGS)
    again = runner.suppressed["a It is 45 x 45"]
    assert again[: len(first_bans)] == first_bans and written_ban(tokenizer, again, INVENTED)
    assert runner.suppressed["a"] == first_bans
    assert done == [("w1", [[TRUE.strip(), INVENTED.strip()], [OTHER.strip()]])]
    assert reported == [2]


def test_a_product_whose_every_candidate_contradicts_a_value_is_decoded_again(tokenizer):
    said = " A family-friendly cafe by the river."

    def script(prompt, suppressed):
        return [" quiet cafe by the river."] if prompt == "a A" else [said]

    done, runner, _ = scheduled(tokenizer, script, [(["a"], [CAFE], None, "w1")])
    again = runner.suppressed["a A"]  # the copy goes on from just before the contradiction
    assert written_ban(tokenizer, again, said) and not written_ban(tokenizer, again, " A quiet cafe")
    assert done == [("w1", [["A quiet cafe by the river.", said.strip()]])]


def test_a_product_is_decoded_again_at_most_retries_times(tokenizer):
    _, runner, _ = scheduled(tokenizer, lambda prompt, suppressed: [INVENTED], [(["a"], [TABLE], None, "w1")])
    assert sum(event == "submit" for event, _ in runner.log) == 1 + RETRIES


def test_a_product_not_to_be_decoded_again_is_decoded_once_with_its_first_bans(tokenizer):
    """`again` False (the embedded default, where plain copy passes): one decoding, still with
    the first bans, its untrue candidates returned for the checks to mark; the other product
    of the window is decoded again as before."""
    windows = [(["a", "c"], [TABLE, TABLE], [False, True], "w1")]
    done, runner, _ = scheduled(tokenizer, table_script(tokenizer), windows)
    submitted = [prompt for event, prompt in runner.log if event == "submit"]
    assert submitted == ["a", "c", "c It is 45 x 45"]
    assert runner.suppressed["a"] == ct2.first_bans(tokenizer, [TABLE], SETTINGS)[0]
    assert done == [("w1", [[INVENTED.strip()], [TRUE.strip(), INVENTED.strip()]])]


def test_the_next_window_keeps_the_workers_busy_while_a_product_is_decoded_again(tokenizer):
    """A product's next decoding goes before any new window's batch, the next window is queued
    while it decodes, no more batches are out than the workers and their queue hold, and windows
    come back in order."""
    windows = [(["a", "b"], [TABLE, TABLE], None, "w1"), (["c", "d", "e"], [TABLE] * 3, None, "w2")]
    done, runner, reported = scheduled(tokenizer, table_script(tokenizer), windows)
    submitted = [prompt for event, prompt in runner.log if event == "submit"]
    assert submitted == ["a", "b", "a It is 45 x 45", "c", "d", "c It is 45 x 45", "e"]
    assert runner.log.index(("submit", "c")) < runner.log.index(("collect", "a It is 45 x 45"))
    out = 0
    for event, _ in runner.log:
        out += 1 if event == "submit" else -1
        assert out <= 1 + ct2.QUEUED_PER_WORKER  # one worker
    assert [tag for tag, _ in done] == ["w1", "w2"] and reported == [2, 3]
    assert done[0][1][0][0] == TRUE.strip()


def test_a_prompts_lines_before_its_first_value_are_forwarded_once_whatever_is_decoded_beside_it(tokenizer):
    """The lines before the first one that says a value of the product go to the Generator as
    its static prompt (forwarded once and cached), the rest as the input. Where the prompt is split
    depends on the product alone, so its copy does not change with its neighbours: alone, beside
    another, in another window."""
    arlo, pebble = {"name": "Arlo"}, {"name": "Pebble", "wood": "oak"}
    arlo_text, pebble_text = "Facts:\nList: oak\nname: Arlo", "Facts:\nList: oak\nname: Pebble"
    windows = [([arlo_text, pebble_text], [arlo, pebble], None, "w1"), ([arlo_text], [arlo], None, "w2")]
    _, runner, _ = scheduled(tokenizer, lambda prompt, suppressed: [OTHER], windows)
    submitted = [prompt for event, prompt in runner.log if event == "submit"]
    assert submitted == ["name: Arlo", "List: oak\nname: Pebble", "name: Arlo"]
    assert runner.heads == ["Facts:\nList: oak\n", "Facts:\n", "Facts:\nList: oak\n"]  # "oak" is Pebble's
    _, alone, _ = scheduled(tokenizer, lambda prompt, suppressed: [OTHER], [([arlo_text], [arlo], None, "w")])
    assert alone.heads == ["Facts:\nList: oak\n"]
    _, unknown, _ = scheduled(tokenizer, lambda prompt, suppressed: [OTHER], [([arlo_text], None, None, "w")])
    assert unknown.heads == [None]  # no values to tell the product's lines by


def test_ct2_continues_a_copy_from_a_given_start(tiny_model):
    """Both kinds of model (a Generator's prompt, a Translator's target prefix) return the start
    and then what the model writes after it, within max_new_tokens."""
    from copygen.generation.engines.ct2 import load_ct2
    from copygen.generation.models import resolve_model

    loaded = load_ct2(resolve_model(str(tiny_model)), compute_type="float32")
    settings = GenerationSettings(num_beams=2, num_variants=2, max_new_tokens=8, batch_size=2)
    texts = ["name: Arlo table, price: 149", "name: Pebble speaker"]
    plain = ct2.ct2_decode(loaded, texts, settings)
    start = plain[0][0][0][:3]
    continued = ct2.ct2_decode(loaded, texts, settings, starts=[start, []])
    assert all(sequence[:3] == start and len(sequence) <= 8 for sequence in continued[0][0])
    # a Generator's best copy goes on as it went (among the hypotheses: CTranslate2 scores a
    # continuation without its start); a Translator's target prefix is scored apart from the beam,
    # so its continuation may differ (the tiny T5 changes with every change to the prompts it is
    # trained on)
    if loaded.architecture == "causal":
        assert plain[0][0][0] in continued[0][0]
    assert continued[1][0] == plain[1][0]  # the other text, decoded in a batch of its own now


@pytest.mark.parametrize(
    "written, attributes, start",
    [
        (" It holds 2000mAh of charge.", {"capacity": "20000mAh"}, " It holds 20000"),  # stopped short: completed
        (" Only $14 today.", TABLE, " Only $149.00"),
        (" It weighs 45 g.", {"weight": "450 g", "volume": "4500 ml"}, " It weighs"),  # two ways to finish it
        (" It seats 6 people.", TABLE, " It seats"),  # not the start of any number it holds
    ],
)
def test_a_redecoding_starts_before_the_invented_number_and_completes_one_stopped_short(
    tokenizer, written, attributes, start
):
    ids = tokenizer(written, add_special_tokens=False)["input_ids"]
    first_run = untrue_runs(tokenizer, ids, attributes)[0]
    assert tokenizer.decode(true_start(tokenizer, ids, first_run, attributes)) == start


def test_the_bans_a_cap_keeps_do_not_change_with_the_order_a_tokenizer_lists_its_vocabulary(tokenizer, monkeypatch):
    """A fast tokenizer lists its vocabulary in a new order in every process; the bans, and which of
    them MAX_BANS keeps for a product with many numbers, must be the same in every run."""
    import copygen.generation.number_bans as number_bans_module

    class ListedBackwards:
        def __init__(self, wrapped):
            self.wrapped = wrapped

        def get_vocab(self):
            return dict(reversed(self.wrapped.get_vocab().items()))

        def __call__(self, *args, **kwargs):
            return self.wrapped(*args, **kwargs)

        def __getattr__(self, name):
            return getattr(self.wrapped, name)

    uncapped = number_bans(tokenizer, CHARGER)
    monkeypatch.setattr(number_bans_module, "MAX_BANS", len(uncapped) // 2)
    capped = number_bans(tokenizer, CHARGER)
    assert len(capped) == len(uncapped) // 2
    assert number_bans(ListedBackwards(tokenizer), CHARGER) == capped


def test_the_transformers_engine_decodes_again_a_product_whose_every_variant_states_something_untrue(
    tiny_gpt2, monkeypatch
):
    from copygen.generation.engines import transformers as engine
    from copygen.generation.engines.transformers import TransformersEngine, load_transformers
    from copygen.generation.models import resolve_model
    from copygen.io.drafts import Variant

    loaded = load_transformers(resolve_model(str(tiny_gpt2)))
    calls = []

    def scripted(loaded, texts, settings, grounding=None, banned=None):
        calls.append((texts, banned))
        if len(texts) == 2:  # the batch: the cafe's only copy is in Tokyo, the pub's is true
            return [[Variant("Alimentum, in Tokyo.", -0.1)], [Variant("The Eagle is a pub.", -0.2)]]
        if len(banned[0]) == len(prior) + 1:
            return [[Variant("Alimentum, an eco-friendly cafe.", -0.3)]]
        return [[Variant("Alimentum is a cafe.", -0.4)]]

    monkeypatch.setattr(engine, "beam_search_batch", scripted)
    monkeypatch.setattr(inventions, "COMMON_INVENTIONS", ("Michelin", "pub"))
    prior = first_runs(loaded.tokenizer, CAFE)  # the inventions, then the keys as labels
    # "pub" is a kind this cafe's data does not give, so it is kept out too
    forms = {loaded.tokenizer.decode(run).strip() for run in invention_runs(loaded.tokenizer, CAFE)}
    assert forms == {"Michelin", "pub", "Pub"}
    settings = GenerationSettings(num_beams=2, num_variants=1, batch_size=2)
    pub = {"name": "The Eagle", "eatType": "pub"}
    cafe, eagle = TransformersEngine(loaded).decode(["cafe", "pub"], settings, grounding=[CAFE, pub])
    assert [variant.text for variant in cafe] == [
        "Alimentum is a cafe.",
        "Alimentum, an eco-friendly cafe.",
        "Alimentum, in Tokyo.",
    ]
    assert [variant.text for variant in eagle] == ["The Eagle is a pub."]  # true: not decoded again
    assert calls[0] == (["cafe", "pub"], [prior, first_runs(loaded.tokenizer, pub)])
    again = calls[1:]
    assert [texts for texts, _ in again] == [["cafe"], ["cafe"]]  # only the cafe, twice
    tokenizer = loaded.tokenizer
    bans = [tokenizer.decode(run).strip() for run in again[1][1][0]]
    assert bans == [tokenizer.decode(run).strip() for run in prior] + ["Tokyo", "eco-friendly"]  # bans add up
    calls.clear()
    cafe, _ = TransformersEngine(loaded).decode(["cafe", "pub"], settings, grounding=[CAFE, pub], again=[False, True])
    assert len(calls) == 1 and [variant.text for variant in cafe] == ["Alimentum, in Tokyo."]  # decoded once
    settings.constrain_numbers = False
    calls.clear()
    TransformersEngine(loaded).decode(["cafe", "pub"], settings, grounding=[CAFE, pub])
    assert len(calls) == 1  # --no-constrain-numbers: never decoded again


def test_each_text_keeps_its_own_banned_runs_in_the_transformers_engine(tiny_gpt2):
    from copygen.generation.engines.transformers import beam_search_batch, load_transformers
    from copygen.generation.models import resolve_model

    loaded = load_transformers(resolve_model(str(tiny_gpt2)))
    settings = GenerationSettings(num_beams=2, num_variants=2, max_new_tokens=8, no_repeat_ngram_size=0)
    texts = ["name: Pebble speaker", "name: Arlo table"]
    plain = beam_search_batch(loaded, texts, settings)

    def start(text: str) -> list[int]:  # the copy's first two tokens, as generated after the prompt (a space first)
        return loaded.tokenizer(" " + text, add_special_tokens=False)["input_ids"][:2]

    banned = beam_search_batch(loaded, texts, settings, banned=[[start(plain[0][0].text)], []])
    assert all(start(v.text) != start(plain[0][0].text) for v in banned[0])
    assert [v.text for v in banned[1]] == [v.text for v in plain[1]]  # the other text's copy is its own


def test_the_transformers_engine_keeps_the_template_examples_words_out_from_the_first_decoding(tiny_gpt2, monkeypatch):
    from copygen.generation.engines import transformers as engine
    from copygen.generation.engines.transformers import TransformersEngine, load_transformers
    from copygen.generation.models import resolve_model
    from copygen.io.drafts import Variant

    loaded = load_transformers(resolve_model(str(tiny_gpt2)))
    bans = []

    def scripted(loaded, texts, settings, grounding=None, banned=None):
        bans.append(banned)
        return [[Variant("Alimentum is a cafe.", -0.1)] for _ in texts]

    monkeypatch.setattr(engine, "beam_search_batch", scripted)
    settings = GenerationSettings(num_beams=2, num_variants=1, batch_size=1, example_words=["porcelain"])
    TransformersEngine(loaded).decode(["cafe"], settings, grounding=[CAFE])
    tokenizer = loaded.tokenizer
    [first] = bans[0]
    assert tokenizer(" porcelain", add_special_tokens=False)["input_ids"] in first
    assert first == first_runs(tokenizer, CAFE, borrowed=["porcelain"]) != first_runs(tokenizer, CAFE)
