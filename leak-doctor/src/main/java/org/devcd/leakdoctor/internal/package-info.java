/**
 * Not API. One check per kind of holder, each reading the JDK structure that holds it (reflectively where the JDK keeps
 * it private, turning a closed package into a "not inspected" line), and the garbage-collection notifications that the
 * witness and the survival watch count.
 */
package org.devcd.leakdoctor.internal;
