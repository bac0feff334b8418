package com.tentabo.prm.adapters.rest.order;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A note to add to an order or contract. */
public record NoteRequest(@NotNull @Size(min = 1, max = 10_000) String content, Boolean isInternal, Boolean isPinned) { }
