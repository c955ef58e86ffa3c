"""The naive loop a user would write first: load the model with transformers, then one
`model.generate` call per product (beam search, the chat template, no batching).

    python bench/naive_loop.py PRODUCTS.jsonl TEMPLATE.j2 OUT.jsonl --num-beams 4 --max-new-tokens 60

It is bench/generate_speed.py's baseline for whole-process timing: nothing of copygen runs in it
except finding the embedded default model's folder (converted from its GGUF once, as copygen does).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("products")
    parser.add_argument("template")
    parser.add_argument("output")
    parser.add_argument("--num-beams", type=int, default=4)
    parser.add_argument("--max-new-tokens", type=int, default=60)
    args = parser.parse_args()

    import jinja2
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from copygen.generation.models import default_model_dir

    folder = default_model_dir()
    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModelForCausalLM.from_pretrained(folder).eval()
    template = jinja2.Template(Path(args.template).read_text(encoding="utf-8"))
    with open(args.output, "w", encoding="utf-8") as out, torch.inference_mode():
        for line in Path(args.products).read_text(encoding="utf-8").splitlines():
            product = json.loads(line)
            prompt = template.render(attributes=product).strip()
            text = tokenizer.apply_chat_template(
                [{"role": "user", "content": prompt}], tokenize=False, add_generation_prompt=True
            )
            inputs = tokenizer(text, return_tensors="pt", add_special_tokens=False)
            output = model.generate(
                **inputs,
                num_beams=args.num_beams,
                max_new_tokens=args.max_new_tokens,
                no_repeat_ngram_size=3,
                do_sample=False,
                pad_token_id=tokenizer.eos_token_id,
            )
            copy = tokenizer.decode(output[0, inputs["input_ids"].shape[1] :], skip_special_tokens=True)
            out.write(json.dumps({"id": product["id"], "text": " ".join(copy.split())}) + "\n")
            out.flush()


if __name__ == "__main__":
    main()
