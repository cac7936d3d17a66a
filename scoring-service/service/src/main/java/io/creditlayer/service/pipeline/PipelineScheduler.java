package io.creditlayer.service.pipeline;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Runs the pipeline every {@code creditlayer.pipeline.interval} when {@code creditlayer.pipeline.enabled}. A failed
 * run (chain or database unreachable, deployment file missing) is logged once per distinct cause and retried at
 * the next tick.
 */
@ApplicationScoped
public class PipelineScheduler {
    private static final Logger LOG = Logger.getLogger(PipelineScheduler.class);

    private final ChainPipeline pipeline;
    private String lastFailure;

    public PipelineScheduler(ChainPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Scheduled(identity = "creditlayer-pipeline", every = "${creditlayer.pipeline.interval:30s}",
            delayed = "${creditlayer.pipeline.initial-delay:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!pipeline.settings().enabled()) {
            return;
        }
        try {
            pipeline.runOnce();
            if (lastFailure != null) {
                LOG.info("pipeline recovered");
                lastFailure = null;
            }
        } catch (RuntimeException e) {
            String cause = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!cause.equals(lastFailure)) {
                LOG.warnf("pipeline run failed (retrying every interval): %s", cause);
                lastFailure = cause;
            }
        }
    }
}
