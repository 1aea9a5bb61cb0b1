/**
 * How the heap paths are found, private to the bundle: the marker that points the analysis at its target, the heap dump
 * through the HotSpot diagnostic MBean, and the breadth-first search over Square's Shark heap graph (embedded with Kotlin
 * and Okio, never exported).
 */
package org.devcd.leakdoctor.heap.internal;
