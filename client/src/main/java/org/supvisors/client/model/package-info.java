/**
 * The values of the XML-RPC API as Java types: one record per result structure of {@code supvisors.*} (and of the
 * {@code supervisor.*} results that have a structure), one enumeration per state or strategy with 0.19's wire codes.
 *
 * <p>Every record has a {@code fromMap} (or {@code fromValue}) factory that decodes the structure as the agent sends
 * it, strictly: a missing key or a value of another type is an {@code IllegalArgumentException} naming the structure,
 * the key, the value and the type expected. Every key received stays in the record's {@code raw()} map, so keys that
 * a later version adds remain readable. Records and their collections are immutable.
 */
package org.supvisors.client.model;
