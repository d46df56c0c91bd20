/** The live dashboard and the REST/JSON API, served on the agent port. Empty until their issues land. */
package org.supvisors.webui;
