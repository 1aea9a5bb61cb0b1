package org.devcd.core.internal.coredump;

import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.devcd.coredump.DumpSource;

/**
 * A driver's {@link org.devcd.coredump.DumpSource} that counts its calls, flags a read after free, and can be made to
 * block in read, free or size until the test lets it go.
 */
final class TestSource implements DumpSource {
    final byte[] data;
    final AtomicInteger frees = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger readsAfterFree = new AtomicInteger();
    /** Counted down when a read (or free, or size) is inside and blocked on the matching release latch. */
    final CountDownLatch readEntered = new CountDownLatch(1);
    final CountDownLatch freeEntered = new CountDownLatch(1);
    final CountDownLatch sizeEntered = new CountDownLatch(1);
    volatile CountDownLatch readRelease;
    volatile CountDownLatch freeRelease;
    volatile CountDownLatch sizeRelease;

    TestSource(int size) {
        data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) i;
        }
    }

    TestSource blockReads() {
        readRelease = new CountDownLatch(1);
        return this;
    }

    TestSource blockFree() {
        freeRelease = new CountDownLatch(1);
        return this;
    }

    TestSource blockSize() {
        sizeRelease = new CountDownLatch(1);
        return this;
    }

    @Override
    public long size() {
        sizeEntered.countDown();
        await(sizeRelease);
        return data.length;
    }

    @Override
    public int read(long offset, ByteBuffer dst) {
        if (frees.get() > 0) {
            readsAfterFree.incrementAndGet();
        }
        reads.incrementAndGet();
        readEntered.countDown();
        await(readRelease);
        int count = (int) Math.min(dst.remaining(), data.length - offset);
        dst.put(data, (int) offset, count);
        return count;
    }

    @Override
    public void free() {
        freeEntered.countDown();
        await(freeRelease);
        frees.incrementAndGet();
    }

    private static void await(CountDownLatch latch) {
        if (latch == null) {
            return;
        }
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
