package org.medsift.core.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.medsift.core.problem.Problem;

/**
 * A {@link Text} and the layers that annotators have added to it, plus the problems found on the way.
 *
 * <p>A pipeline fills a document on one thread and then {@linkplain #freeze() freezes} it: a frozen document
 * rejects writes and may be shared between threads.
 */
public final class Document {
    private final Text text;
    private Object[] layers = new Object[16];
    private final List<Problem> problems = new ArrayList<>(0);
    private boolean frozen;

    public Document(Text text) {
        this.text = text;
        put(Layers.TEXT, text);
    }

    public Text text() {
        return text;
    }

    /** The layer's value, or empty when no annotator produced it. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> find(LayerKey<T> key) {
        int i = key.index();
        return i < layers.length ? Optional.ofNullable((T) layers[i]) : Optional.empty();
    }

    /**
     * The layer's value.
     *
     * @throws IllegalStateException when the layer is absent: a pipeline wiring bug, since pipelines check
     *                               {@code requires()} when built
     */
    @SuppressWarnings("unchecked")
    public <T> T require(LayerKey<T> key) {
        int i = key.index();
        Object v = i < layers.length ? layers[i] : null;
        if (v == null) {
            throw new IllegalStateException("layer '" + key.name() + "' is absent from document " + text.id());
        }
        return (T) v;
    }

    public boolean has(LayerKey<?> key) {
        int i = key.index();
        return i < layers.length && layers[i] != null;
    }

    /** Sets (or replaces) a layer. */
    public <T> void put(LayerKey<T> key, T value) {
        checkWritable();
        if (value == null) {
            throw new IllegalArgumentException("layer '" + key.name() + "' value is null");
        }
        int i = key.index();
        if (i >= layers.length) {
            layers = Arrays.copyOf(layers, Math.max(i + 1, layers.length * 2));
        }
        layers[i] = value;
    }

    /** Records a problem found in this document's input. */
    public void report(Problem problem) {
        checkWritable();
        problems.add(problem);
    }

    /** Problems reported so far, in order. */
    public List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** Makes the document read-only. */
    public void freeze() {
        frozen = true;
    }

    public boolean isFrozen() {
        return frozen;
    }

    private void checkWritable() {
        if (frozen) {
            throw new IllegalStateException("document " + text.id() + " is frozen");
        }
    }
}
