package dev.migsafe.internal.surfaces;

import dev.migsafe.api.Surface.Certainty;

/**
 * The model an expression's value is an instance, relation or query of, and how sure the
 * reader is: {@code CERTAIN} when the code names the model, {@code LIKELY} when a name
 * ({@code order}, {@code self.queryset}) stands for it.
 */
record TypedModel(OrmModel model, Certainty certainty) {}
