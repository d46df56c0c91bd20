package org.supvisors.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code identifiers} element as 0.19 reads it: aliases expanded, the signs taken out, {@code *} absorbing any
 * other name, and a sign alone meaning all instances.
 *
 * @param names the names, or {@code [*]}; for a sign, its reference list
 * @param hash the list held {@code #}
 * @param at the list held {@code @}
 */
record IdentifierList(List<String> names, boolean hash, boolean at) {

    static final String WILDCARD = "*";
    static final String HASH = "#";
    static final String AT = "@";

    IdentifierList {
        names = List.copyOf(names);
    }

    static IdentifierList read(String text, Aliases aliases) {
        List<String> names = new ArrayList<>(aliases.expand(text));
        boolean at = names.remove(AT);
        boolean hash = names.remove(HASH);
        if ((at || hash) && names.isEmpty() || names.contains(WILDCARD)) {
            names = List.of(WILDCARD);
        }
        return new IdentifierList(names, hash, at);
    }
}
