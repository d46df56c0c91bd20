/**
 * The rules files of 0.19 (XML, validated against the XSD, parsed with JAXB) turned into core rules. Until the
 * rules issue lands, every application is unmanaged and gets the documented default rules of the core.
 */
package org.supvisors.rules;
