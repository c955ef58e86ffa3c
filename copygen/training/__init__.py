"""Fine-tuning on attribute -> copy pairs: data, the training loop, the exported model folder."""
