package org.devcd.leakdoctor.internal;

/**
 * One kind of holder and how to find it. A check is stateless and keeps nothing of what it read: every reference to
 * the loader's objects lives on the inspecting thread's stack and is gone when {@link #inspect} returns.
 */
public interface Check {

    /** What the check reads, as plural words for a not-inspected line, e.g. {@code "JDBC drivers"}. */
    String subject();

    /**
     * Adds a culprit to {@code findings} for every holder of {@code ownership}'s loader this check knows.
     *
     * @throws ClosedInternalException if the JDK structure the check reads is out of reach; a check that can still do
     *                                 part of its work reports the missing part to {@code findings} itself instead
     */
    void inspect(Ownership ownership, Findings findings) throws ClosedInternalException;
}
