/**
 * The device coredump registry, private to the core bundle. Javadoc here cites the kernel's invariants I1-I7 and race
 * scenarios R1-R14 as numbered and explained in {@code docs/kernel-lessons.md} of the repository, where each is stated
 * in a sentence with the tests that cover it.
 */
package org.devcd.core.internal.coredump;
