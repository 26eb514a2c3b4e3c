package dev.migsafe.internal.surfaces;

import dev.migsafe.api.Surface.Access;
import dev.migsafe.api.Surface.Certainty;

/**
 * A use in code of a mapped table or column through the ORM's names for it.
 *
 * @param model the model used
 * @param columnName the column its field maps to, or null for a use of the table as a whole
 *     (a query on the model that names no field)
 * @param line 1-based line of the use
 * @param column 1-based column there
 * @param access whether it reads or writes
 * @param certainty {@code LIKELY} when the receiver's type is not known (most calls), {@code
 *     CERTAIN} when the code names the model itself
 */
public record OrmUse(OrmModel model, String columnName, int line, int column, Access access,
    Certainty certainty) {}
