package org.omerosdk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.server.Handler;
import org.omerosdk.sdk.OmeroSdk;

/**
 * OMERO.web's URLs over an {@link OmeroSdk}: the JSON API ({@code api/v0/}), the webgateway's rendering URLs and
 * the public user, with the {@code omero.web.*} settings of the SDK's configuration.
 *
 * <p>Two ways to run it. Standalone: {@link WebServer#start(WebGateway, String, int)} (what {@code ./omero web start}
 * does). In a host's own Jetty 12 server: mount {@link #handler()}, for example under a context path
 * ({@code new ContextHandler(gateway.handler(), "/omero")}); URLs the gateway writes into its answers then carry that
 * prefix. The gateway never closes the SDK: its owner does, after the server stopped.
 */
public final class WebGateway {
    private final OmeroSdk sdk;
    private final Handler handler;

    private WebGateway(OmeroSdk sdk) {
        this.sdk = Objects.requireNonNull(sdk, "sdk");
        List<Route> routes = new ArrayList<>();
        routes.addAll(ApiRoutes.routes());
        this.handler = new GatewayHandler(routes, (exchange, route) -> {
            if (route.access() != Route.Access.ANYONE) {
                throw HttpError.notLoggedIn();
            }
        });
    }

    /** A gateway over {@code sdk}, configured by its {@code omero.web.*} keys. */
    public static WebGateway of(OmeroSdk sdk) {
        return new WebGateway(sdk);
    }

    /** The SDK this gateway serves. */
    public OmeroSdk sdk() {
        return sdk;
    }

    /**
     * The Jetty 12 handler answering every URL of the gateway; paths are taken inside the context the host mounts it
     * at. One handler per gateway: mount it once.
     */
    public Handler handler() {
        return handler;
    }
}
