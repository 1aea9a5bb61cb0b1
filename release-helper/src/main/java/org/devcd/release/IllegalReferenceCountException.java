package org.devcd.release;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Thrown when a {@link RefCount} is used against its rules: a retain of a count that already reached zero (resurrection),
 * a release past zero (over-release), or a retain past the largest count.
 *
 * <p>The message names the count as it was and the step attempted, in Netty's words: {@code refCnt: 0, increment: 1} or
 * {@code refCnt: 0, decrement: 1}.
 */
@ProviderType
public final class IllegalReferenceCountException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final int refCnt;
    private final int delta;

    IllegalReferenceCountException(int refCnt, int delta) {
        super("refCnt: " + refCnt + ", " + (delta > 0 ? "increment: " + delta : "decrement: " + -delta));
        this.refCnt = refCnt;
        this.delta = delta;
    }

    /** @return the count the failed step found */
    public int refCnt() {
        return refCnt;
    }

    /** @return the step that was attempted: positive for a retain, negative for a release */
    public int delta() {
        return delta;
    }
}
