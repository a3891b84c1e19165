package org.medsift.core.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.medsift.core.text.Document;
import org.medsift.core.text.LayerKey;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Text;

/**
 * An immutable, thread-safe sequence of annotators. Built with {@link #builder()}; the build checks that each
 * annotator's required layers are produced by an earlier annotator, and that names are unique.
 */
public final class Pipeline {
    private final List<Annotator> annotators;
    private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

    private Pipeline(List<Annotator> annotators) {
        this.annotators = List.copyOf(annotators);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The annotators, in order. */
    public List<Annotator> annotators() {
        return annotators;
    }

    /** Names of the annotators, in order. */
    public List<String> stageNames() {
        List<String> names = new ArrayList<>(annotators.size());
        for (Annotator a : annotators) {
            names.add(a.name());
        }
        return Collections.unmodifiableList(names);
    }

    /** Runs every annotator over the text and returns the frozen document. Thread-safe. */
    public Document process(Text text) {
        return process(text, StageListener.NONE);
    }

    /** As {@link #process(Text)}, reporting the time of each stage to {@code listener}. */
    public Document process(Text text, StageListener listener) {
        return process(new Document(text), listener);
    }

    /**
     * Runs every annotator over a document the caller created (for example one that already carries problems
     * found while reading its input), then freezes and returns it.
     *
     * @throws IllegalStateException if the document is already frozen
     */
    public Document process(Document doc, StageListener listener) {
        if (doc.isFrozen()) {
            throw new IllegalStateException("document " + doc.text().id() + " is frozen");
        }
        Workspace ws = workspaces.get();
        boolean timed = listener != StageListener.NONE;
        for (int i = 0; i < annotators.size(); i++) {
            Annotator a = annotators.get(i);
            if (timed) {
                long t0 = System.nanoTime();
                a.annotate(doc, ws);
                listener.stageDone(i, a.name(), System.nanoTime() - t0);
            } else {
                a.annotate(doc, ws);
            }
        }
        doc.freeze();
        return doc;
    }

    /** Collects annotators and checks their wiring in {@link #build()}. */
    public static final class Builder {
        private final List<Annotator> annotators = new ArrayList<>();

        private Builder() {
        }

        /** Appends an annotator. */
        public Builder add(Annotator annotator) {
            if (annotator == null) {
                throw new PipelineConfigurationException("annotator is null");
            }
            annotators.add(annotator);
            return this;
        }

        /** Removes the annotator with this name; fails if there is none. */
        public Builder without(String name) {
            annotators.remove(indexOf(name));
            return this;
        }

        /** Replaces the annotator with this name; fails if there is none. */
        public Builder replace(String name, Annotator replacement) {
            annotators.set(indexOf(name), replacement);
            return this;
        }

        /** True when an annotator of this name is present. */
        public boolean contains(String name) {
            for (Annotator a : annotators) {
                if (a.name().equals(name)) {
                    return true;
                }
            }
            return false;
        }

        private int indexOf(String name) {
            for (int i = 0; i < annotators.size(); i++) {
                if (annotators.get(i).name().equals(name)) {
                    return i;
                }
            }
            throw new PipelineConfigurationException("no annotator named '" + name + "'; present: " + names());
        }

        private List<String> names() {
            List<String> names = new ArrayList<>();
            for (Annotator a : annotators) {
                names.add(a.name());
            }
            return names;
        }

        /**
         * Checks and builds.
         *
         * @throws PipelineConfigurationException naming the annotator and the missing layer, or the duplicate name
         */
        public Pipeline build() {
            Set<LayerKey<?>> available = new HashSet<>();
            available.add(Layers.TEXT);
            Set<String> seen = new HashSet<>();
            for (Annotator a : annotators) {
                if (!seen.add(a.name())) {
                    throw new PipelineConfigurationException("two annotators are named '" + a.name() + "'");
                }
                for (LayerKey<?> need : a.requires()) {
                    if (!available.contains(need)) {
                        throw new PipelineConfigurationException("annotator '" + a.name() + "' requires layer '"
                                + need.name() + "', which no earlier annotator produces; order: " + names());
                    }
                }
                available.addAll(a.produces());
            }
            return new Pipeline(annotators);
        }
    }
}
