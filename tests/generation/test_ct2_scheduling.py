"""The ct2 engine's scheduler: a product whose every hypothesis states something untrue is decoded
again, and the next windows keep the workers busy meanwhile (a stand-in runner, scripted)."""

from types import SimpleNamespace

import pytest
from transformers import AutoTokenizer

from copygen.generation.engines import ct2
from copygen.generation.number_bans import RETRIES
from copygen.generation.settings import GenerationSettings

TABLE = {"name": "Arlo side table", "size": "45 x 45 x 55 cm", "price": "$149.00"}
CAFE = {"name": "Alimentum", "familyFriendly": "no"}
INVENTED, TRUE, OTHER = " It is 45 x 4 and 55 cm.", " It is 45 x 45 x 55 cm.", " A fine oak table."
SETTINGS = GenerationSettings(num_beams=1, num_variants=1, batch_size=1, max_new_tokens=30)


@pytest.fixture(scope="module")
def tokenizer(tiny_gpt2):
    return AutoTokenizer.from_pretrained(tiny_gpt2)


def written_ban(tokenizer, bans, text):
    """The first ban that the tokens of `text` contain (what suppression would have stopped)."""
    tokens = tokenizer.convert_ids_to_tokens(tokenizer(text, add_special_tokens=False)["input_ids"])
    return next((ban for ban in bans if any(tokens[i : i + len(ban)] == ban for i in range(len(tokens)))), None)


class Runner:
    """Stands in for CTranslate2's Generator: `script(prompt, suppressed)` gives the texts a prompt
    (with its copy's start) decodes to. Logs ("submit" | "collect", prompt) in order; a batch is done
    only once collected, so the scheduler waits for the oldest."""

    def __init__(self, tokenizer, script):
        self.tokenizer, self.script, self.log, self.suppressed = tokenizer, script, [], {}

    def generate_batch(self, prompts, *, suppress_sequences=None, **options):
        pending = []
        for tokens in prompts:
            prompt = self.tokenizer.convert_tokens_to_string(tokens)
            self.log.append(("submit", prompt))
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
    done, runner, reported = scheduled(tokenizer, table_script(tokenizer), [(["a", "b"], [TABLE, TABLE], "w1")])
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

    done, runner, _ = scheduled(tokenizer, script, [(["a"], [CAFE], "w1")])
    again = runner.suppressed["a A"]  # the copy goes on from just before the contradiction
    assert written_ban(tokenizer, again, said) and not written_ban(tokenizer, again, " A quiet cafe")
    assert done == [("w1", [["A quiet cafe by the river.", said.strip()]])]


def test_a_product_is_decoded_again_at_most_retries_times(tokenizer):
    _, runner, _ = scheduled(tokenizer, lambda prompt, suppressed: [INVENTED], [(["a"], [TABLE], "w1")])
    assert sum(event == "submit" for event, _ in runner.log) == 1 + RETRIES


def test_the_next_window_keeps_the_workers_busy_while_a_product_is_decoded_again(tokenizer):
    """A product's next decoding goes before any new window's batch, the next window is queued
    while it decodes, no more batches are out than the workers and their queue hold, and windows
    come back in order."""
    windows = [(["a", "b"], [TABLE, TABLE], "w1"), (["c", "d", "e"], [TABLE] * 3, "w2")]
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
