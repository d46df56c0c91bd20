/**
 * The rules files of 0.19 turned into core rules. {@link org.supvisors.rules.RulesLoader} reads each file with a
 * hardened parser, validates it against {@code rules.xsd} (this package's resource; the JAXB classes of
 * {@code org.supvisors.rules.xml} are generated from it), names every problem, and merges the files into a
 * {@link org.supvisors.rules.RuleSet}, the {@link org.supvisors.core.context.RulesProvider} of the agent.
 */
package org.supvisors.rules;
