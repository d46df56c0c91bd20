package org.supvisors.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Alias expansion and the reading of an identifiers list, as 0.19 does them. */
class AliasesTest {

    @Test
    void an_alias_is_replaced_in_place_by_its_value() {
        Aliases aliases = new Aliases();
        aliases.define("consoles", "c1,c2");

        assertThat(aliases.expand("a,consoles,b")).containsExactly("a", "c1", "c2", "b");
    }

    @Test
    void only_the_first_occurrence_of_an_alias_is_replaced_and_duplicates_go() {
        Aliases aliases = new Aliases();
        aliases.define("consoles", "c1,a");

        assertThat(aliases.expand("consoles,b,consoles")).containsExactly("c1", "a", "b", "consoles");
    }

    @Test
    void an_alias_may_use_an_alias_declared_after_it() {
        Aliases aliases = new Aliases();
        aliases.define("all", "consoles,servers");
        aliases.define("consoles", "c1,c2");
        aliases.define("servers", "s1");

        assertThat(aliases.expand("all")).containsExactly("c1", "c2", "s1");
    }

    @Test
    void an_alias_using_an_alias_declared_before_it_is_not_expanded_again() {
        Aliases aliases = new Aliases();
        aliases.define("consoles", "c1,c2");
        aliases.define("all", "consoles,s1");

        assertThat(aliases.expand("all")).containsExactly("consoles", "s1");
    }

    @Test
    void a_redefined_alias_keeps_its_first_rank() {
        Aliases aliases = new Aliases();
        assertThat(aliases.define("consoles", "c1")).isFalse();
        aliases.define("all", "consoles");
        assertThat(aliases.define("consoles", "c9")).isTrue();

        assertThat(aliases.expand("all")).containsExactly("consoles");
        assertThat(aliases.expand("consoles")).containsExactly("c9");
    }

    @Test
    void names_are_stripped_and_empty_names_dropped() {
        Aliases aliases = new Aliases();
        aliases.define("pair", " c1 , ,c2,");

        assertThat(aliases.expand(" a ,, pair ,")).containsExactly("a", "c1", "c2");
    }

    @Test
    void a_star_absorbs_every_other_name() {
        assertThat(IdentifierList.read("a,*,b", new Aliases())).isEqualTo(new IdentifierList(
                java.util.List.of("*"), false, false));
    }

    @Test
    void a_sign_alone_means_every_instance() {
        assertThat(IdentifierList.read("#", new Aliases()))
                .isEqualTo(new IdentifierList(java.util.List.of("*"), true, false));
        assertThat(IdentifierList.read("@", new Aliases()))
                .isEqualTo(new IdentifierList(java.util.List.of("*"), false, true));
    }

    @Test
    void signs_are_taken_out_of_the_list_even_from_an_alias() {
        Aliases aliases = new Aliases();
        aliases.define("spread", "@,c1,c2");

        assertThat(IdentifierList.read("c3,spread,#", aliases))
                .isEqualTo(new IdentifierList(java.util.List.of("c3", "c1", "c2"), true, true));
    }

    @Test
    void a_blank_list_has_no_name() {
        assertThat(IdentifierList.read(" , ", new Aliases()).names()).isEmpty();
    }
}
