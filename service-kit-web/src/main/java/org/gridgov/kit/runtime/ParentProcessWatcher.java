package org.gridgov.kit.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * When the local launcher starts a service it passes its own pid; if the launcher dies (even by
 * kill -9) the service shuts down gracefully instead of lingering as a stray process.
 */
record ParentProcessWatcher(long parentPid) implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ParentProcessWatcher.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> exit(context)),
                () -> exit(context));
    }

    private void exit(ConfigurableApplicationContext context) {
        log.warn("launcher process {} is gone; shutting down", parentPid);
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
