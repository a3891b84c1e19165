package org.medsift.nlp.assertion;

/** Which way a trigger's scope runs from the trigger: to the right, to the left, or both. */
enum Direction {
    FORWARD, BACKWARD, BIDIRECTIONAL;

    boolean forward() {
        return this != BACKWARD;
    }

    boolean backward() {
        return this != FORWARD;
    }
}
