/**
 * The Java client library of Supvisors: typed access to the XML-RPC API of an agent and subscription to the event
 * interface. It depends on no other module of the project.
 *
 * <p>{@link org.supvisors.client.SupvisorsClient} calls one agent: {@link org.supvisors.client.SupvisorsApi} for
 * {@code supvisors.*}, {@link org.supvisors.client.SupervisorApi} for the {@code supervisor.*} methods the agent
 * forwards to its supervisord, {@link org.supvisors.client.SystemApi} for {@code system.*}. Faults arrive as
 * {@link org.supvisors.client.XmlRpcFault} (0.19's codes and names in {@link org.supvisors.client.FaultCode}), failures
 * to get an answer as {@link org.supvisors.client.CommunicationException}; the result types are in
 * {@link org.supvisors.client.model}. XML-RPC is spoken with the JDK only ({@code java.net.http}, StAX).
 */
package org.supvisors.client;
