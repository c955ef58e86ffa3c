"""The training objective: mean cross-entropy on the copy tokens, for a batch and for held-out pairs."""

from __future__ import annotations

from copygen.training.data import collate, length_batches


def training_loss(network, batch: dict, seq2seq: bool):
    """Mean cross-entropy on the copy tokens. Causal models compute logits only from the first
    copy position of the batch on: the vocabulary projection is a fifth of a small model's step."""
    import torch
    import torch.nn.functional as F

    if seq2seq:
        return network(**batch).loss
    labels = batch["labels"]
    first = max(1, int((labels != -100).int().argmax(dim=1).min()))
    # Positions as a tensor: the model gathers them into a contiguous copy (an int keeps a strided
    # slice, whose bf16 matmul and backward take a slow path on CPU: 1.35x slower steps).
    positions = torch.arange(first - 1, labels.shape[1], device=labels.device)
    logits = network(
        input_ids=batch["input_ids"], attention_mask=batch["attention_mask"], logits_to_keep=positions
    ).logits
    # logits[:, j] sits at position first - 1 + j and predicts the token at first + j.
    return F.cross_entropy(logits[:, :-1].flatten(0, 1).float(), labels[:, first:].flatten(), ignore_index=-100)


def eval_loss(network, examples: list[dict], pad_id: int, seq2seq: bool, batch_size: int) -> float:
    """The loss over every held-out example (NaN for none), batched by length, weighted by batch size."""
    import torch

    if not examples:
        return float("nan")
    network.eval()
    device = next(network.parameters()).device
    total, count = 0.0, 0
    with torch.inference_mode():
        for indices in length_batches(examples, batch_size, 0):
            batch = {k: v.to(device) for k, v in collate(examples, indices, pad_id).items()}
            total += float(training_loss(network, batch, seq2seq)) * len(indices)
            count += len(indices)
    return total / count
