package org.omerosdk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.server.Handler;
import org.omerosdk.model.config.OmeroConfig;
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

    private WebGateway(OmeroSdk sdk, OmeroConfig web) {
        this.sdk = Objects.requireNonNull(sdk, "sdk");
        WebSessions sessions = new WebSessions(sdk, Objects.requireNonNull(web, "config"));
        List<Route> routes = new ArrayList<>();
        routes.addAll(new ApiRoutes(sdk, web, sessions).routes());
        routes.addAll(new ModelRoutes(web).routes());
        routes.addAll(new WebgatewayRoutes(web).routes());
        routes.addAll(new ZarrRoutes().routes());
        routes.addAll(new ViewerRoutes().routes());
        this.handler = new GatewayHandler(routes, sessions);
    }

    /** A gateway over {@code sdk}, configured by its {@code omero.web.*} keys. */
    public static WebGateway of(OmeroSdk sdk) {
        return new WebGateway(sdk, sdk.config());
    }

    /**
     * A gateway over {@code sdk} with the {@code omero.web.*} settings of {@code web} (for a host serving one
     * repository under two sets of web settings). The public user's name, password and {@code enabled} flag are
     * still the SDK's: {@link OmeroSdk#publicSession} reads them.
     */
    public static WebGateway of(OmeroSdk sdk, OmeroConfig web) {
        return new WebGateway(sdk, web);
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
