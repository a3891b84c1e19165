package org.medsift.core.pipeline;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Per-thread scratch space for annotators: buffers that are reused from document to document instead of being
 * allocated each time. A workspace belongs to one thread; never share one.
 */
public final class Workspace {
    private Object[] slots = new Object[8];

    /** Identifies one kind of scratch object; create as a {@code static final} constant in the annotator. */
    public static final class Key<T> {
        private static final AtomicInteger NEXT = new AtomicInteger();
        private final int index = NEXT.getAndIncrement();
        private final Supplier<? extends T> factory;

        private Key(Supplier<? extends T> factory) {
            this.factory = factory;
        }

        public static <T> Key<T> of(Supplier<? extends T> factory) {
            return new Key<>(factory);
        }
    }

    /** This thread's instance for the key, created by the key's factory on first use. */
    @SuppressWarnings("unchecked")
    public <T> T get(Key<T> key) {
        int i = key.index;
        if (i >= slots.length) {
            slots = Arrays.copyOf(slots, Math.max(i + 1, slots.length * 2));
        }
        Object v = slots[i];
        if (v == null) {
            v = key.factory.get();
            slots[i] = v;
        }
        return (T) v;
    }
}
