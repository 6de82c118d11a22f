"""One module per entity: (context, plan, block) -> columnar block. No I/O, no clock, no global RNG."""
