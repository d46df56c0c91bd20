/**
 * The Java client library of Supvisors: typed access to the XML-RPC API of an agent and subscription to the event
 * interface. It depends on no other module of the project.
 */
package org.supvisors.client;
