package fr.ent.portal.metrics;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Counts the HTTP sessions of this node for the {@code ent_sessions_active} gauge. */
@WebListener
public class ActiveSessions implements HttpSessionListener {

    @Inject
    PortalMetrics metrics;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        metrics.sessionCreated();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        metrics.sessionDestroyed();
    }
}
