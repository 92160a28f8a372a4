"""A tiny, randomly initialised BERT built offline, for exercising transformer pipelines.

No weights are downloaded: a WordPiece vocabulary is trained with ``tokenizers`` on the texts
given, a 2-layer BERT is initialised at random, and both are written with ``save_pretrained``,
so the directory works wherever a Hugging Face model name does (``models/train.py
--transformer DIR``). Used by ``tests/test_transformers.py`` and
``benchmarks/bench_transformer.py``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from pathlib import Path

from entityx.iob import TaggedSentence, read_iob

__all__ = ["SLICE_FILES", "build_tiny_bert", "training_slice"]

# Relative to shared/data: the Greek and English training splits the bundled pipeline uses.
SLICE_FILES = ("el/elner4/train.iob2", "en/gum/train.iob2")
SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def training_slice(data: Path, *, per_file: int, skip: int = 0) -> list[TaggedSentence]:
    """The first ``per_file`` sentences with words (after ``skip``) of each of SLICE_FILES,
    interleaved so that Greek and English alternate."""
    per: list[list[TaggedSentence]] = []
    for name in SLICE_FILES:
        sentences = (s for s in read_iob(data / name) if s.words)
        per.append(list(itertools.islice(sentences, skip, skip + per_file)))
    return [s for group in zip(*per, strict=False) for s in group]


def build_tiny_bert(
    texts: Iterable[str],
    out_dir: Path,
    *,
    vocab_size: int = 3000,
    hidden_size: int = 64,
    layers: int = 2,
    heads: int = 2,
    intermediate_size: int = 128,
    seed: int = 0,
) -> Path:
    """Train a WordPiece vocabulary on ``texts``, initialise a BERT at random, save both."""
    import torch
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from tokenizers.trainers import WordPieceTrainer
    from transformers import BertConfig, BertModel, BertTokenizerFast

    tokenizer = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    # Lower-case and strip accents, as uncased GREEK-BERT does; offsets stay aligned.
    tokenizer.normalizer = normalizers.BertNormalizer(lowercase=True, strip_accents=True)
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tokenizer.decoder = decoders.WordPiece()
    trainer = WordPieceTrainer(
        vocab_size=vocab_size, min_frequency=1, special_tokens=SPECIAL_TOKENS, show_progress=False
    )
    tokenizer.train_from_iterator(texts, trainer=trainer)
    cls_id, sep_id = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls_id), ("[SEP]", sep_id)],
    )
    fast = BertTokenizerFast(
        tokenizer_object=tokenizer,
        do_lower_case=True,
        strip_accents=True,
        model_max_length=512,
        unk_token="[UNK]",
        sep_token="[SEP]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        mask_token="[MASK]",
    )

    torch.manual_seed(seed)
    config = BertConfig(
        vocab_size=tokenizer.get_vocab_size(),
        hidden_size=hidden_size,
        num_hidden_layers=layers,
        num_attention_heads=heads,
        intermediate_size=intermediate_size,
        max_position_embeddings=512,
    )
    model = BertModel(config)
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out_dir)
    fast.save_pretrained(out_dir)
    return out_dir
