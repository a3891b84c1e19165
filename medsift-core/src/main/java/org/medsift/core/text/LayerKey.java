package org.medsift.core.text;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names one layer of a {@link Document} ({@link Layers#TOKENS}, {@link Layers#CONCEPTS}, ...). Keys compare by
 * identity; create each key once as a constant.
 *
 * @param <T> the layer's value type
 */
public final class LayerKey<T> {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final String name;
    private final int index;

    private LayerKey(String name) {
        this.name = name;
        this.index = NEXT.getAndIncrement();
    }

    /** A new key. {@code name} is for messages and must be unique among the keys of an application. */
    public static <T> LayerKey<T> of(String name) {
        return new LayerKey<>(name);
    }

    public String name() {
        return name;
    }

    int index() {
        return index;
    }

    @Override
    public String toString() {
        return name;
    }
}
