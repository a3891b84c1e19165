package org.medsift.core.pipeline;

/** A pipeline or annotator was configured wrongly; the message names the annotator, key or value. */
public final class PipelineConfigurationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public PipelineConfigurationException(String message) {
        super(message);
    }

    public PipelineConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
